//! What imported data shows beyond one checkpoint: the 13-week rolling trend, the task categories
//! people name, and the comparison of a trained cohort with a later, not yet trained one (source 002:
//! "use later cohorts as control groups for earlier ones").

use serde::Serialize;

use super::files::{Answer, Roster};
use super::metrics::{Answered, Clock, Mean, TREND_WEEKS, Usage, ratio};
use super::values::format_date;
use crate::order::sorted_by;

/// One calendar week of the trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct TrendWeek {
    /// First day of the week (ISO date).
    pub start: String,
    /// Last day of the week.
    pub end: String,
    /// Licensed people with a session that week ÷ licensed people.
    pub weekly_active_rate: Option<f64>,
    /// Sessions that week ÷ people with a session.
    pub sessions_per_active_user: Option<f64>,
    /// Mean satisfaction of the survey answers given that week.
    pub satisfaction: Option<f64>,
}

/// The 13 weeks ending on the last date of the activity file, oldest first; weeks ending before the
/// file's first date are left out. A week's sessions per active user are hidden when fewer than `min`
/// people were active, and its satisfaction when fewer than `min` answered (docs/model.md#small-groups).
#[allow(clippy::too_many_arguments)]
pub fn weeks(
    roster: &Roster,
    usage: &[Usage],
    week_sessions: &[u64; TREND_WEEKS],
    starts: &[i32],
    answers: &[Answered<'_>],
    clock: &Clock,
    first: i32,
    min: u32,
) -> Vec<TrendWeek> {
    let min = u64::from(min);
    let licensed = roster.people.iter().filter(|p| p.licensed).count() as u64;
    let mut satisfaction = [Mean::default(); TREND_WEEKS];
    for &(answer, p) in answers {
        let week = (clock.last - (starts[p] + answer.day)).div_euclid(7);
        if (0..TREND_WEEKS as i32).contains(&week) {
            satisfaction[week as usize].add(answer.satisfaction);
        }
    }
    (0..TREND_WEEKS)
        .rev()
        .filter(|&w| clock.last - 7 * w as i32 >= first)
        .map(|w| {
            let bit = 1u16 << w;
            let active = usage.iter().filter(|u| u.weeks & bit != 0).count() as u64;
            let licensed_active =
                roster.people.iter().zip(usage).filter(|(p, u)| p.licensed && u.weeks & bit != 0).count();
            let end = clock.last - 7 * w as i32;
            TrendWeek {
                start: format_date(end - 6),
                end: format_date(end),
                weekly_active_rate: ratio(licensed_active as f64, licensed),
                sessions_per_active_user: ratio(week_sessions[w] as f64, active).filter(|_| active >= min),
                satisfaction: satisfaction[w].value().filter(|_| satisfaction[w].count() >= min),
            }
        })
        .collect()
}

/// How often a category (a task, or where the saved time went) was named.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct TaskShare {
    /// The category as first written.
    pub category: String,
    /// Answers naming it.
    pub answers: u64,
    /// Those answers ÷ answers naming any category.
    pub share: f64,
}

/// The task categories named in the checkpoint's answers of roster people, most named first
/// (categories match whatever their case); none when fewer than `min` people named any.
pub fn task_categories(answers: &[Answered<'_>], day: i32, min: u32) -> Vec<TaskShare> {
    shares(answers, day, min, |a| &a.tasks)
}

/// Where the saved time went (the `time_reinvested` categories), counted like [`task_categories`].
pub fn time_reinvested(answers: &[Answered<'_>], day: i32, min: u32) -> Vec<TaskShare> {
    shares(answers, day, min, |a| &a.reinvested)
}

/// The categories `named` in the checkpoint's answers, each with its share of the answers naming any;
/// none when fewer than `min` answers named any.
fn shares(answers: &[Answered<'_>], day: i32, min: u32, named: impl Fn(&Answer) -> &[String]) -> Vec<TaskShare> {
    let mut counts: Vec<(String, String, u64)> = Vec::new();
    let mut answering = 0u64;
    for &(answer, _) in answers {
        let list = named(answer);
        if answer.day != day || list.is_empty() {
            continue;
        }
        answering += 1;
        let mut keys = sorted_by(list.iter().map(|t| t.to_ascii_lowercase()).collect(), String::cmp);
        keys.dedup();
        for key in keys {
            match counts.iter_mut().find(|(k, ..)| *k == key) {
                Some((.., n)) => *n += 1,
                None => {
                    let shown = list.iter().find(|t| t.eq_ignore_ascii_case(&key)).cloned().unwrap_or_default();
                    counts.push((key, shown, 1));
                }
            }
        }
    }
    if answering < u64::from(min) {
        return Vec::new();
    }
    sorted_by(counts, |a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)))
        .into_iter()
        .map(|(_, category, answers)| TaskShare { category, answers, share: answers as f64 / answering as f64 })
        .collect()
}

/// One side of the control comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct CohortFigures {
    /// The cohort's name.
    pub cohort: String,
    /// People counted (the control excludes anyone trained before the window ended).
    pub people: u64,
    /// Share with at least 3 sessions in the window.
    pub active_usage_rate: Option<f64>,
    /// Mean hours saved a week in the checkpoint's survey answers.
    pub hours_saved_per_week: Option<f64>,
}

/// A trained cohort against a later one measured over the same days, before its own training.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct CohortComparison {
    /// The cohort trained first, at its Day N.
    pub treated: CohortFigures,
    /// The later cohort over the same calendar days.
    pub control: CohortFigures,
    /// First and last day of the window both are measured over (the treated cohort's Day-N window).
    pub window: [String; 2],
    /// Treated − control active usage rate.
    pub active_usage_difference: Option<f64>,
    /// Treated − control hours saved a week.
    pub hours_saved_difference: Option<f64>,
    /// The share of the treated cohort's benefit that the difference credits to training: 1 −
    /// (control active × hours) ÷ (treated active × hours), using active rates alone when either
    /// side's hours are unknown. None when the control did as well as the treated cohort.
    pub attribution: Option<f64>,
}

/// The cohorts to compare: the treated one named (or the first to complete training) and the
/// control named (or the first later cohort not yet trained when the treated one reached Day N).
/// None when the roster has no cohort column or no cohort qualifies as a control.
pub fn pick_cohorts(
    roster: &Roster,
    day: i32,
    treated: Option<&str>,
    control: Option<&str>,
) -> Option<(u32, u32, i32)> {
    let starts: Vec<Option<i32>> = (0..roster.cohorts.len() as u32)
        .map(|c| roster.people.iter().filter(|p| p.cohort == Some(c)).filter_map(|p| p.completed).min())
        .collect();
    let named = |name: &str| roster.cohorts.iter().position(|c| c.eq_ignore_ascii_case(name)).map(|i| i as u32);
    let treated = match treated {
        Some(name) => named(name)?,
        None => (0..starts.len()).filter(|&c| starts[c].is_some()).min_by_key(|&c| starts[c])? as u32,
    };
    let window_end = starts[treated as usize]? + day;
    let untrained = |c: usize| c != treated as usize && starts[c].is_none_or(|s| s > window_end);
    let control = match control {
        Some(name) => named(name).filter(|&c| c != treated)?,
        None => (0..starts.len()).filter(|&c| untrained(c)).min_by_key(|&c| starts[c].unwrap_or(i32::MAX))? as u32,
    };
    Some((treated, control, starts[treated as usize]?))
}

/// Compares `treated` (each person at their own Day N) with `control` (everyone over the treated
/// cohort's Day-N window, leaving out those trained before it ended).
pub fn compare(
    roster: &Roster,
    usage: &[Usage],
    answers: &[Answered<'_>],
    clock: &Clock,
    starts: &[i32],
    (treated, control): (u32, u32),
) -> Option<CohortComparison> {
    let (from, to) = clock.control_window?;
    let mut sides = [(0u64, 0u64, Mean::default()), (0, 0, Mean::default())];
    for (p, person) in roster.people.iter().enumerate() {
        let side = if person.cohort == Some(treated) && person.completed.is_some() && clock.reached(starts[p]) {
            sides[0].1 += u64::from(usage[p].sessions >= 3);
            0
        } else if person.cohort == Some(control) && person.completed.is_none_or(|c| c > to) && to <= clock.last {
            sides[1].1 += u64::from(usage[p].control_sessions >= 3);
            1
        } else {
            continue;
        };
        sides[side].0 += 1;
    }
    for &(answer, p) in answers.iter().filter(|(a, _)| a.day == clock.day) {
        let person = &roster.people[p];
        if person.cohort == Some(treated) && person.completed.is_some() {
            sides[0].2.add(answer.hours_saved);
        } else if person.cohort == Some(control) && person.completed.is_none() {
            // Untrained people count from the roster's earliest completion: the same clock.
            sides[1].2.add(answer.hours_saved);
        }
    }
    let figures = |side: usize, cohort: u32| CohortFigures {
        cohort: roster.cohorts[cohort as usize].clone(),
        people: sides[side].0,
        active_usage_rate: ratio(sides[side].1 as f64, sides[side].0),
        hours_saved_per_week: sides[side].2.value(),
    };
    let (t, c) = (figures(0, treated), figures(1, control));
    let difference = |a: Option<f64>, b: Option<f64>| Some(a? - b?);
    let attribution =
        match (t.active_usage_rate, c.active_usage_rate, t.hours_saved_per_week, c.hours_saved_per_week) {
            (Some(ta), Some(ca), Some(th), Some(ch)) if ta * th > 0.0 => Some(1.0 - (ca * ch) / (ta * th)),
            (Some(ta), Some(ca), ..) if ta > 0.0 => Some(1.0 - ca / ta),
            _ => None,
        }
        .filter(|&a| a > 0.0);
    Some(CohortComparison {
        active_usage_difference: difference(t.active_usage_rate, c.active_usage_rate),
        hours_saved_difference: difference(t.hours_saved_per_week, c.hours_saved_per_week),
        window: [format_date(from), format_date(to)],
        treated: t,
        control: c,
        attribution,
    })
}
