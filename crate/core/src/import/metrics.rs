//! The metrics from imported data (docs/model.md#imported-metrics): each person's Day-N window counted
//! from their own training completion, tallied per department and for the organisation.
//!
//! One pass over the activity rows sums each person's sessions and minutes in their window and notes
//! whether they were active in days 1–7 and 22–28 and in each of the last 13 calendar weeks; the
//! tallies then divide what docs/model.md divides. An engagement export's window is the period that
//! holds the checkpoint day, and a snapshot's is the week ending on its report date, for everyone
//! (docs/model.md#export-shapes).

use super::activity::{Activity, Grain};
use super::files::{Answer, Roster, Survey};
use crate::assessment::Metrics;
use crate::intensity::{Group, Intensity};

/// Weeks in the rolling trend.
pub const TREND_WEEKS: usize = 13;

/// What the activity rows say about one person.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    /// Sessions in the Day-N window.
    pub sessions: u64,
    /// Minutes in it.
    pub minutes: f64,
    /// Active (≥ 1 session) in days 1–7.
    pub week1: bool,
    /// Active in days 22–28.
    pub week4: bool,
    /// Bit w set: active in trend week w (0 = the week ending on the last date).
    pub weeks: u16,
    /// Sessions in the comparison window of a control cohort (the treated cohort's Day-N window).
    pub control_sessions: u64,
}

/// The calendar: the last date of the activity file, the day every person's clock starts from, and
/// the checkpoint.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    /// Latest day in the activity file.
    pub last: i32,
    /// The checkpoint day N.
    pub day: i32,
    /// Start of the control comparison window, when there is one (day numbers, inclusive).
    pub control_window: Option<(i32, i32)>,
    /// A snapshot: everyone is measured as of its report date (the last day), whatever their start.
    pub snapshot: bool,
}

impl Clock {
    /// Whether a person whose day 0 is `start` has reached the checkpoint inside the data.
    pub fn reached(&self, start: i32) -> bool {
        self.snapshot || start + self.day <= self.last
    }
}

/// Each person's day 0: their completion, or the roster's earliest completion when they have none.
pub fn starts(roster: &Roster) -> Option<Vec<i32>> {
    let earliest = roster.people.iter().filter_map(|p| p.completed).min()?;
    Some(roster.people.iter().map(|p| p.completed.unwrap_or(earliest)).collect())
}

/// Maps each activity user to their roster index (none for users absent from the roster).
pub fn people_of(activity: &Activity, roster: &Roster) -> Vec<Option<u32>> {
    activity.users.iter().map(|user| roster.index.get(user).copied()).collect()
}

/// One pass over the activity: each person's [`Usage`], and the sessions of roster people in each
/// trend week.
pub fn usage(
    activity: &Activity,
    person_of: &[Option<u32>],
    starts: &[i32],
    clock: &Clock,
) -> (Vec<Usage>, [u64; TREND_WEEKS]) {
    let mut usage = vec![Usage::default(); starts.len()];
    let mut week_sessions = [0; TREND_WEEKS];
    for row in &activity.days {
        let Some(person) = person_of.get(row.user as usize).copied().flatten() else { continue };
        let p = person as usize;
        let u = &mut usage[p];
        let day = row.day - starts[p];
        let in_window = match activity.grain {
            Grain::Snapshot { report } => (report - 6..=report).contains(&row.day),
            _ => (clock.day - 6..=clock.day).contains(&day),
        };
        if in_window {
            u.sessions += u64::from(row.sessions);
            u.minutes += row.minutes;
        }
        if row.sessions > 0 {
            u.week1 |= (1..=7).contains(&day);
            u.week4 |= (22..=28).contains(&day);
            let week = (clock.last - row.day) / 7;
            // A snapshot's last activity says who was active in its last week only.
            let weeks = if clock.snapshot { 1 } else { TREND_WEEKS as i32 };
            if (0..weeks).contains(&week) {
                u.weeks |= 1 << week;
                week_sessions[week as usize] += u64::from(row.sessions);
            }
        }
        if let Some((from, to)) = clock.control_window
            && (from..=to).contains(&row.day)
        {
            u.control_sessions += u64::from(row.sessions);
        }
    }
    for period in &activity.periods {
        let Some(person) = person_of.get(period.user as usize).copied().flatten() else { continue };
        let p = person as usize;
        if !period.active {
            continue;
        }
        // Active in the period that holds the checkpoint day: one "session" in the window.
        if (period.start..=period.end).contains(&(starts[p] + clock.day)) {
            usage[p].sessions = 1;
        }
        let week = (clock.last - period.end) / 7;
        if (0..TREND_WEEKS as i32).contains(&week) {
            usage[p].weeks |= 1 << week;
        }
    }
    (usage, week_sessions)
}

/// Counts behind every metric of one group of people (a department or everyone).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Roster people in the group.
    pub people: u64,
    /// Licensed people in the group.
    pub licensed: u64,
    /// People who have reached the checkpoint inside the data (the denominators' population).
    pub reached: u64,
    completed: u64,
    completed_active: u64,
    licensed_reached: u64,
    licensed_weekly_active: u64,
    weekly_active: u64,
    weekly_active_sessions: u64,
    weekly_active_minutes: f64,
    week1: u64,
    week1_and_week4: u64,
    hours: Mean,
    integrated: Mean,
    satisfaction: Mean,
    reviewed: Mean,
    /// Survey answers counted.
    pub answers: u64,
    /// People at the checkpoint in each usage-intensity group.
    groups: [u64; 4],
    /// Hours saved answered by each group.
    group_hours: [Mean; 4],
}

/// A running mean.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mean {
    sum: f64,
    count: u64,
}

impl Mean {
    /// Adds `value` when there is one.
    pub fn add(&mut self, value: Option<f64>) {
        if let Some(x) = value {
            self.sum += x;
            self.count += 1;
        }
    }

    /// How many values were added.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The mean, when anything was added.
    pub fn value(&self) -> Option<f64> {
        ratio(self.sum, self.count)
    }
}

/// `numerator ÷ denominator`, none when the denominator is 0.
pub fn ratio(numerator: f64, denominator: u64) -> Option<f64> {
    (denominator > 0).then(|| numerator / denominator as f64)
}

impl Tally {
    /// Counts one person: `completed` says whether they completed training, `reached` whether their
    /// window is inside the data, `reached_28` whether their day 28 is.
    pub fn person(&mut self, usage: &Usage, completed: bool, licensed: bool, reached: bool, reached_28: bool) {
        self.people += 1;
        self.licensed += u64::from(licensed);
        if reached_28 && usage.week1 {
            self.week1 += 1;
            self.week1_and_week4 += u64::from(usage.week4);
        }
        if !reached {
            return;
        }
        self.reached += 1;
        let active = usage.sessions >= 1;
        if completed {
            self.completed += 1;
            self.completed_active += u64::from(usage.sessions >= 3);
        }
        if licensed {
            self.licensed_reached += 1;
            self.licensed_weekly_active += u64::from(active);
        }
        self.groups[Group::of(usage.sessions) as usize] += 1;
        if active {
            self.weekly_active += 1;
            self.weekly_active_sessions += usage.sessions;
            self.weekly_active_minutes += usage.minutes;
        }
    }

    /// Counts one survey answer at the checkpoint, of a person whose usage is `usage`.
    pub fn answer(&mut self, answer: &super::files::Answer, usage: &Usage) {
        self.answers += 1;
        self.group_hours[Group::of(usage.sessions) as usize].add(answer.hours_saved);
        self.hours.add(answer.hours_saved);
        self.integrated.add(answer.integration.map(|x| if x >= 4.0 { 1.0 } else { 0.0 }));
        self.satisfaction.add(answer.satisfaction);
        self.reviewed.add(answer.reviewed);
    }

    /// The usage-intensity groups of the people at the checkpoint, each group's hours only when at
    /// least `min` of its people answered them (docs/model.md#small-groups).
    pub fn intensity(&self, min: u32) -> Intensity {
        let hours = self.group_hours.map(|m| if m.count >= u64::from(min) { m.value() } else { None });
        Intensity { people: self.groups, hours }
    }

    /// The metrics these counts support (docs/model.md#imported-metrics); `minutes` says whether the export had minutes.
    pub fn metrics(&self, minutes: bool) -> Metrics {
        Metrics {
            active_usage_rate: ratio(self.completed_active as f64, self.completed),
            weekly_active_rate: ratio(self.licensed_weekly_active as f64, self.licensed_reached),
            completion_rate: ratio(self.completed as f64, self.reached),
            sessions_per_active_user_week: ratio(self.weekly_active_sessions as f64, self.weekly_active),
            avg_session_minutes: if minutes {
                ratio(self.weekly_active_minutes, self.weekly_active_sessions)
            } else {
                None
            },
            week4_retention_of_week1: ratio(self.week1_and_week4 as f64, self.week1),
            hours_saved_per_week: self.hours.value(),
            daily_workflow_share: self.integrated.value(),
            satisfaction: self.satisfaction.value(),
            reviewed_before_use: self.reviewed.value(),
            quality_equal_or_better: None,
        }
    }
}

/// A survey answer of a roster person, with that person's index.
pub type Answered<'a> = (&'a Answer, usize);

/// The survey's answers of people in the roster, each with its person, found once for every use
/// (answers of people absent from the roster are not used).
pub fn answered<'a>(roster: &Roster, survey: Option<&'a Survey>) -> Vec<Answered<'a>> {
    let answers = survey.map(|s| s.answers.as_slice()).unwrap_or_default();
    answers.iter().filter_map(|a| roster.index.get(&a.user).map(|&p| (a, p as usize))).collect()
}

/// The organisation's tally and each department's, from everyone's usage and the survey answers at
/// the checkpoint.
pub fn tallies(
    roster: &Roster,
    usage: &[Usage],
    starts: &[i32],
    answers: &[Answered<'_>],
    clock: &Clock,
) -> (Tally, Vec<Tally>) {
    let mut all = Tally::default();
    let mut departments = vec![Tally::default(); roster.departments.len()];
    for (p, person) in roster.people.iter().enumerate() {
        let reached = clock.reached(starts[p]);
        let reached_28 = starts[p] + 28 <= clock.last;
        let completed = person.completed.is_some();
        for tally in [&mut all, &mut departments[person.department as usize]] {
            tally.person(&usage[p], completed, person.licensed, reached, reached_28);
        }
    }
    for &(answer, p) in answers.iter().filter(|(a, _)| a.day == clock.day) {
        all.answer(answer, &usage[p]);
        departments[roster.people[p].department as usize].answer(answer, &usage[p]);
    }
    (all, departments)
}
