//! The measurement itself: from the files read to everything an import yields — the measurements
//! document, the report of what could not be used, the departments worst first, the trend, the task
//! categories and the cohort comparison.

use rustc_hash::FxHashSet as HashSet;

use super::activity::{Activity, Grain};
use super::files::{Roster, Survey};
use super::metrics::{self, Clock};
use super::shapes::NotMeasured;
use super::{DepartmentBreakdown, FileSummary, ImportOptions, ImportReport, Imported, private, trend, values};
use crate::assessment::{DepartmentMeasurements, Measurements, Metric, Metrics};
use crate::benchmarks::BenchmarkTable;
use crate::fields::FieldError;
use crate::order::sorted_by;

/// The measurement itself, once the roster and activity are known to be there.
pub(super) fn measure(
    roster: &Roster,
    activity: &Activity,
    survey: Option<&Survey>,
    starts: &[i32],
    options: &ImportOptions,
    table: &BenchmarkTable,
    files: Vec<FileSummary>,
) -> Result<Imported, Vec<FieldError>> {
    let Some((first, last)) = activity.span else {
        return Err(vec![FieldError { path: "activity".into(), message: "The activity file has no rows.".into() }]);
    };
    let day = i32::try_from(options.checkpoint_day.min(365)).unwrap_or(365);
    let cohorts =
        trend::pick_cohorts(roster, day, options.treated_cohort.as_deref(), options.control_cohort.as_deref());
    let snapshot = matches!(activity.grain, Grain::Snapshot { .. });
    let control_window = cohorts.map(|(.., start)| (start + day - 6, start + day));
    let clock = Clock { last, day, control_window, snapshot };
    let person_of = metrics::people_of(activity, roster);
    let (usage, week_sessions) = metrics::usage(activity, &person_of, starts, &clock);
    let answers = metrics::answered(roster, survey);
    let (all, departments) = metrics::tallies(roster, &usage, starts, &answers, &clock);

    let mut notes = Vec::new();
    let min = options.min_group();
    let not_measured = &activity.not_measured;
    let sessions_counted = !is_missing(not_measured, Metric::SessionsPerActiveUserWeek);
    let mut checked =
        |metrics: Metrics, whose: &str| supported(within_ranges(metrics, whose, &mut notes), not_measured);
    let mut measured = checked(all.metrics(activity.has_minutes), "the organisation");
    let mut breakdown: Vec<DepartmentBreakdown> = roster
        .departments
        .iter()
        .zip(&departments)
        .map(|(name, t)| DepartmentBreakdown {
            name: name.clone(),
            people: t.people,
            licensed: t.licensed,
            at_checkpoint: t.reached,
            metrics: checked(t.metrics(activity.has_minutes), name),
            hidden: None,
            intensity: (sessions_counted && t.reached > 0).then(|| t.intensity(min)),
        })
        .collect();
    let everyone_hidden = private::organisation(&mut measured, &all, min, &mut notes);
    private::departments(&mut breakdown, &departments, min, &mut notes);
    let measurements = Measurements {
        version: 1,
        checkpoint_day: day as u32,
        people: (!everyone_hidden).then_some(all.reached),
        licensed_seats: (!everyone_hidden).then(|| roster.people.iter().filter(|p| p.licensed).count() as u64),
        metrics: measured,
        departments: breakdown
            .iter()
            .filter(|d| d.at_checkpoint > 0 || d.hidden.is_some())
            .map(|d| DepartmentMeasurements {
                name: d.name.clone(),
                benchmark: benchmark_of(&d.name, table),
                people: (d.hidden.is_none()).then_some(d.at_checkpoint),
                metrics: d.metrics.clone(),
                hidden: d.hidden,
                intensity: d.intensity,
            })
            .collect(),
        min_group_size: Some(min),
        intensity: (sessions_counted && !everyone_hidden && all.reached > 0).then(|| all.intensity(min)),
    };
    let breakdown = sorted_by(breakdown, |a, b| {
        let key = |d: &DepartmentBreakdown| d.metrics.weekly_active_rate.unwrap_or(f64::INFINITY);
        key(a).total_cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
    });

    let unknown_user_rows = activity.days.iter().filter(|d| person_of[d.user as usize].is_none()).count() as u64;
    let mut unknown: HashSet<&str> =
        activity.users.iter().map(|u| &**u).filter(|u| !roster.index.contains_key(*u)).collect();
    unknown.extend(survey.iter().flat_map(|s| &s.answers).map(|a| &*a.user).filter(|u| !roster.index.contains_key(*u)));
    let unknown_users = unknown.len() as u64;
    if all.reached == 0 {
        notes.push(format!(
            "No one has reached day {day} inside the activity data (its last date is {}): pick an earlier checkpoint \
             or import a later export.",
            values::format_date(last)
        ));
    } else if all.reached < all.people {
        notes.push(format!(
            "{} of {} people have not reached day {day} inside the activity data and are left out of every rate.",
            all.people - all.reached,
            all.people
        ));
    }
    if snapshot {
        notes.push(format!(
            "The weekly active rate is as of the snapshot's report date, {}: people whose last activity is in the 7 days \
             ending then, whatever their own day {day}.",
            values::format_date(last)
        ));
    }
    notes.extend(activity.all_notes());
    let mut problems = roster.skipped.listed.clone();
    problems.extend(activity.skipped.listed.iter().cloned());
    let (survey_rows, survey_skipped) = survey.map_or((0, 0), |s| (s.rows, s.skipped.count));
    problems.extend(survey.iter().flat_map(|s| s.skipped.listed.iter().cloned()));
    let mut import_report = ImportReport {
        rows_read: roster.rows + activity.rows + survey_rows,
        rows_skipped: roster.skipped.count + activity.skipped.count + survey_skipped,
        unknown_users,
        unknown_user_rows,
        problems,
        notes,
        dates: [values::format_date(first), values::format_date(last)],
        people_at_checkpoint: all.reached,
        not_measured: files.iter().flat_map(|f| f.not_measured.iter().cloned()).collect(),
        files,
    };
    let mut weeks = trend::weeks(roster, &usage, &week_sessions, starts, &answers, &clock, first, min);
    if snapshot {
        weeks.drain(..weeks.len().saturating_sub(1));
    }
    if !sessions_counted {
        weeks.iter_mut().for_each(|w| w.sessions_per_active_user = None);
    }
    let mut compared = cohorts.and_then(|(t, c, _)| trend::compare(roster, &usage, &answers, &clock, starts, (t, c)));
    if let Some(c) = compared.as_ref().filter(|c| c.treated.people.min(c.control.people) < u64::from(min)) {
        let small = if c.treated.people < u64::from(min) { &c.treated.cohort } else { &c.control.cohort };
        import_report.notes.push(format!(
            "The cohort comparison is hidden: fewer than {min} people of cohort {small} could be compared."
        ));
        compared = None;
    }
    let (mut task_categories, mut time_reinvested) =
        (trend::task_categories(&answers, day, min), trend::time_reinvested(&answers, day, min));
    if everyone_hidden {
        weeks.clear();
        task_categories.clear();
        time_reinvested.clear();
        compared = None;
    }
    Ok(Imported {
        version: 1,
        trend: weeks,
        task_categories,
        time_reinvested,
        cohorts: compared,
        measurements,
        import_report,
        departments: breakdown,
    })
}

/// The benchmark row a department's name names (`Engineering` → `engineering`), if any.
fn benchmark_of(name: &str, table: &BenchmarkTable) -> Option<String> {
    let key = name.trim().to_ascii_lowercase();
    (key != "general" && table.get(&key).is_some()).then_some(key)
}

/// Whether `metric` is among those `not_measured`.
fn is_missing(not_measured: &[NotMeasured], metric: Metric) -> bool {
    not_measured.iter().any(|n| n.metric == metric.key())
}

/// Leaves out the metrics the usage export cannot support (docs/model.md#export-shapes).
fn supported(mut metrics: Metrics, not_measured: &[NotMeasured]) -> Metrics {
    for (metric, value) in [
        (Metric::ActiveUsageRate, &mut metrics.active_usage_rate),
        (Metric::WeeklyActiveRate, &mut metrics.weekly_active_rate),
        (Metric::SessionsPerActiveUserWeek, &mut metrics.sessions_per_active_user_week),
        (Metric::AvgSessionMinutes, &mut metrics.avg_session_minutes),
        (Metric::Week4RetentionOfWeek1, &mut metrics.week4_retention_of_week1),
    ] {
        if is_missing(not_measured, metric) {
            *value = None;
        }
    }
    metrics
}

/// Leaves out, with a note, any value outside what a measurements document allows (possible only
/// with odd data, such as many rows for one person and day).
fn within_ranges(mut metrics: Metrics, whose: &str, notes: &mut Vec<String>) -> Metrics {
    for (value, max, what) in [
        (&mut metrics.sessions_per_active_user_week, 1_000.0, "sessions per active user"),
        (&mut metrics.avg_session_minutes, 1_440.0, "average session minutes"),
    ] {
        if value.is_some_and(|v| v > max) {
            *value = None;
            notes.push(format!("The {what} of {whose} is implausibly high and was left out."));
        }
    }
    metrics
}
