//! What a successful import shows in measure mode, beside the measurements it replaces: how many rows
//! were read and why any were skipped, the 13-week trend, the departments weakest first, the trained
//! cohort against its control, the task categories, and the measurement timeline (the same files measured
//! at each checkpoint). Made by the import worker's module from the [`Imported`] document, so the page's
//! module never reads that document.

use serde::Serialize;

use super::measure::{judged_num, metric_name, status_words};
use super::{Format, KeyedChart, Piece, Text, number_or_dash, words};
use crate::assessment::{Metric, judge};
use crate::charts;
use crate::import::{CohortComparison, DepartmentBreakdown, FileSummary, ImportReport, Imported, TaskShare};
use crate::intensity::{Group, Intensity};
use crate::privacy::DEFAULT_MIN_GROUP;

/// A successful import, as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ImportedView {
    /// "Imported 40,000 rows (3 skipped): 400 people measured at day 30.", its counts as numbers.
    pub status: Text,
    /// Notes on how the files were read, and users not in the roster.
    pub notes: Vec<String>,
    /// "3 rows skipped — the first of each file:" and one line per listed row, when any were skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<(String, Vec<String>)>,
    /// The 13-week trend, drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<KeyedChart>,
    /// The same week by week, newest first: the week, weekly active, sessions per active user, satisfaction.
    pub weeks: Vec<Row>,
    /// The departments, weakest weekly active rate first.
    pub departments: Vec<Row>,
    /// The trained cohort against its control, when the roster has cohorts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cohorts: Option<Cohorts>,
    /// What people use it for: "Drafting: 40% of answers", most named first.
    pub tasks: Vec<Share>,
    /// Where the saved time went: "Customer work: 40% of answers", most named first; shown beside the
    /// return delivered, as a distribution.
    pub reinvested: Vec<Share>,
    /// The people of each usage-intensity group (none, light, moderate, heavy) by department, with the
    /// organisation's first, when sessions were counted.
    pub intensity: Vec<Row>,
    /// Each checkpoint the files reach (days 7, 30, 60, 90 and the one shown): people measured, then
    /// weekly active, active use, hours saved and satisfaction, each with its status at that day.
    pub timeline: Vec<Row>,
}

/// One category's share of the answers naming any: in words, and the share (0–1) its bar is drawn to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Share {
    /// "Customer work: 40% of answers".
    pub text: Text,
    /// The share, 0–1.
    pub share: f64,
}

/// The checkpoints of the measurement timeline (docs/model.md#metrics-and-targets).
pub const TIMELINE: [u32; 4] = [7, 30, 60, 90];

/// A table row: its heading cell and its cells, each with the status its colour shows (the status is in
/// its words too).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Row {
    /// The row's heading.
    pub head: String,
    /// The cells.
    pub cells: Vec<Text>,
    /// Each cell's status as a class (`green`, `amber`, `red`, `unknown`; empty for none), or nothing
    /// when no cell has one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rag: Vec<&'static str>,
}

impl Row {
    /// A row whose cells have no status.
    fn plain(head: String, cells: Vec<Text>) -> Self {
        Self { head, cells, rag: Vec::new() }
    }
}

/// The control comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Cohorts {
    /// Who was compared with whom, over which days.
    pub intro: String,
    /// One line per compared figure.
    pub lines: Vec<Text>,
    /// What the difference credits to training.
    pub conclusion: Text,
    /// The measured attribution a person may carry into the projection, if there is a difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<f64>,
}

/// A count in a line of text, grouped as the reader's locale groups numbers ("17,167").
fn count(n: f64) -> Piece {
    Piece::num(n, Format::Decimal)
}

/// The line an import shows for one file read: what it was, its rows, and what it cannot measure.
pub fn file_line(name: &str, summary: &FileSummary) -> Text {
    let mut line = vec![Piece::Words(format!("{name}: {}, ", summary.shape)), count(summary.rows as f64)];
    if summary.skipped > 0 {
        line.extend([Piece::Words(" rows, ".into()), count(summary.skipped as f64), Piece::Words(" skipped".into())]);
    } else {
        line.push(Piece::Words(" rows".into()));
    }
    for missing in &summary.not_measured {
        line.push(Piece::Words(format!(". Not measured: {} — {}", metric_name(&missing.metric), missing.reason)));
    }
    line
}

/// What `imported` shows; `at(day)` measures the same files at another checkpoint day, for the timeline.
pub fn imported_view(imported: &Imported, at: impl Fn(u32) -> Option<Imported>) -> ImportedView {
    let report = &imported.import_report;
    let min = imported.measurements.min_group_size.unwrap_or(DEFAULT_MIN_GROUP);
    let day = imported.measurements.checkpoint_day;
    let status = vec![
        Piece::Words("Imported ".into()),
        count(report.rows_read as f64),
        Piece::Words(" rows (".into()),
        count(report.rows_skipped as f64),
        Piece::Words(" skipped): ".into()),
        count(report.people_at_checkpoint as f64),
        Piece::Words(format!(" people measured at day {}.", imported.measurements.checkpoint_day)),
    ];
    let weeks = imported
        .trend
        .iter()
        .rev()
        .map(|w| Row {
            head: format!("{} – {}", w.start, w.end),
            cells: vec![
                vec![number_or_dash(w.weekly_active_rate, Format::Share)],
                vec![number_or_dash(w.sessions_per_active_user, Format::Decimal)],
                vec![number_or_dash(w.satisfaction, Format::Decimal)],
            ],
            rag: Vec::new(),
        })
        .collect();
    let shares = |list: &[TaskShare]| -> Vec<Share> {
        list.iter()
            .map(|t| Share {
                text: vec![
                    Piece::Words(format!("{}: ", capitalised(&t.category))),
                    Piece::num(t.share, Format::Share),
                    Piece::Words(" of answers".into()),
                ],
                share: t.share,
            })
            .collect()
    };
    ImportedView {
        status,
        notes: notes(report),
        problems: problems(report),
        trend: (!imported.trend.is_empty()).then(|| KeyedChart { key: "trend", chart: charts::trend(&imported.trend) }),
        weeks,
        departments: imported.departments.iter().map(|d| department(d, min, day)).collect(),
        intensity: intensity(imported, min),
        cohorts: imported.cohorts.as_ref().map(cohorts),
        tasks: shares(&imported.task_categories),
        reinvested: shares(&imported.time_reinvested),
        timeline: timeline(imported, at),
    }
}

/// The usage-intensity table: everyone, then each department (a hidden one says why), each row the
/// people with no session, 1–2, 3–4 and 5 or more in their window.
fn intensity(imported: &Imported, min: u32) -> Vec<Row> {
    let Some(all) = imported.measurements.intensity else { return Vec::new() };
    let counts = |i: &Intensity| Group::ALL.iter().map(|&g| words(i.people_in(g).to_string())).collect();
    let mut rows = vec![Row::plain("Everyone measured".into(), counts(&all))];
    for dept in &imported.departments {
        let cells = match (dept.hidden, dept.intensity) {
            (Some(h), _) => {
                let mut cells = vec![words(h.words(min))];
                cells.extend((0..3).map(|_| words("hidden".to_owned())));
                cells
            }
            (None, Some(i)) => counts(&i),
            (None, None) => continue,
        };
        rows.push(Row::plain(dept.name.clone(), cells));
    }
    rows
}

/// One row per checkpoint that anyone in the files has reached, in day order.
fn timeline(imported: &Imported, at: impl Fn(u32) -> Option<Imported>) -> Vec<Row> {
    let shown = imported.measurements.checkpoint_day;
    let mut days: Vec<u32> = TIMELINE.to_vec();
    if !days.contains(&shown) {
        days.insert(days.iter().position(|&day| day > shown).unwrap_or(days.len()), shown);
    }
    days.into_iter()
        .filter_map(
            |day| if day == shown { checkpoint(day, true, imported) } else { checkpoint(day, false, &at(day)?) },
        )
        .collect()
}

/// The timeline's row of checkpoint `day`, if anyone in the files has reached it: its people, then weekly
/// active, active use, hours saved and satisfaction, each with its status at that day as the assessment
/// judges it (before a metric's day, "too early").
fn checkpoint(day: u32, shown: bool, measured: &Imported) -> Option<Row> {
    if measured.import_report.people_at_checkpoint == 0 {
        return None;
    }
    let m = &measured.measurements.metrics;
    let mut cells = vec![words(measured.import_report.people_at_checkpoint.to_string())];
    let mut rag = vec![""];
    for (metric, format) in [
        (Metric::WeeklyActiveRate, Format::Share),
        (Metric::ActiveUsageRate, Format::Share),
        (Metric::HoursSavedPerWeek, Format::Decimal),
        (Metric::Satisfaction, Format::Decimal),
    ] {
        let value = m.get(metric);
        let result = judge(metric, value, day);
        let (status, class) = status_words(result.status);
        cells.push(match value {
            Some(v) => vec![Piece::Num(judged_num(v, format, &result)), Piece::Words(format!(" · {status}"))],
            None => vec![number_or_dash(None, format)],
        });
        rag.push(if value.is_some() { class } else { "" });
    }
    Some(Row { head: if shown { format!("Day {day} (shown)") } else { format!("Day {day}") }, cells, rag })
}

fn notes(report: &ImportReport) -> Vec<String> {
    let mut notes = report.notes.clone();
    if report.unknown_users > 0 {
        notes.push(format!(
            "{} users in the activity or survey are not in the roster; their {} activity rows were not used.",
            report.unknown_users, report.unknown_user_rows
        ));
    }
    notes
}

fn problems(report: &ImportReport) -> Option<(String, Vec<String>)> {
    if report.problems.is_empty() {
        return None;
    }
    let listed =
        if report.rows_skipped as usize > report.problems.len() { " — the first of each file:" } else { ":" };
    let lines =
        report.problems.iter().map(|p| format!("{} file, line {}: {}", p.file.name(), p.line, p.message)).collect();
    Some((format!("{} rows skipped{listed}", report.rows_skipped), lines))
}

/// `value` of `metric` (a dash when not measured), with the decimals that keep it on its side of the lines
/// it is judged by at checkpoint `day`: 1.96 hours under an "Act now" line of 2 reads "1.96", not "2".
fn judged(metric: Metric, value: Option<f64>, format: Format, day: u32) -> Piece {
    match value {
        Some(v) => Piece::Num(judged_num(v, format, &judge(metric, value, day))),
        None => number_or_dash(None, format),
    }
}

/// A department's row at checkpoint `day`: people (and how many reached the checkpoint), weekly active
/// (said when below 50%), active use, sessions, hours saved, satisfaction, each shown as it is judged; a
/// hidden department says why instead.
fn department(dept: &DepartmentBreakdown, min: u32, day: u32) -> Row {
    let m = &dept.metrics;
    if let Some(hidden) = dept.hidden {
        let mut cells = vec![words(hidden.words(min))];
        cells.extend((0..5).map(|_| words("hidden".to_owned())));
        return Row::plain(dept.name.clone(), cells);
    }
    let people = if dept.at_checkpoint < dept.people {
        format!("{} ({} at the checkpoint)", dept.people, dept.at_checkpoint)
    } else {
        dept.people.to_string()
    };
    let below = m.weekly_active_rate.is_some_and(|x| x < 0.5);
    let mut weekly = vec![judged(Metric::DepartmentAdoptionRate, m.weekly_active_rate, Format::Share, day)];
    if below {
        weekly.push(Piece::Words(" — below 50%".into()));
    }
    Row {
        head: dept.name.clone(),
        cells: vec![
            words(people),
            weekly,
            vec![judged(Metric::ActiveUsageRate, m.active_usage_rate, Format::Share, day)],
            vec![judged(Metric::SessionsPerActiveUserWeek, m.sessions_per_active_user_week, Format::Decimal, day)],
            vec![judged(Metric::HoursSavedPerWeek, m.hours_saved_per_week, Format::Decimal, day)],
            vec![judged(Metric::Satisfaction, m.satisfaction, Format::Decimal, day)],
        ],
        rag: if below { vec!["", "red"] } else { Vec::new() },
    }
}

fn cohorts(c: &CohortComparison) -> Cohorts {
    let (treated, control) = (&c.treated, &c.control);
    let intro = format!(
        "{} (trained, {} people) against {} (not yet trained, {} people), both measured over {} to {}:",
        treated.cohort, treated.people, control.cohort, control.people, c.window[0], c.window[1]
    );
    // "Active use (3+ sessions): 66.5% against 0% (66.5 points more)"; a figure the cohort not yet trained
    // has none of (no survey answers, say) is said to be missing rather than drawn as dashes.
    let line = |label: &str, unit, t: Option<f64>, k: Option<f64>, d: Option<f64>| {
        let mut text = vec![Piece::Words(format!("{label}: ")), number_or_dash(t, unit)];
        match (k, d) {
            (Some(k), Some(d)) => {
                // A difference of shares is in percentage points.
                let (amount, format, points) = if unit == Format::Share {
                    (d.abs() * 100.0, Format::Decimal, " points")
                } else {
                    (d.abs(), unit, "")
                };
                let direction = if d < 0.0 { "less" } else { "more" };
                text.extend([
                    Piece::Words(" against ".into()),
                    Piece::num(k, unit),
                    Piece::Words(" (".into()),
                    Piece::num(amount, format),
                    Piece::Words(format!("{points} {direction})")),
                ]);
            }
            (Some(k), None) => text.extend([Piece::Words(" against ".into()), Piece::num(k, unit)]),
            (None, _) => text.push(Piece::Words(" (not measured for the cohort not yet trained)".into())),
        }
        text
    };
    let lines = vec![
        line(
            "Active use (3+ sessions)",
            Format::Share,
            treated.active_usage_rate,
            control.active_usage_rate,
            c.active_usage_difference,
        ),
        line(
            "Hours saved a week",
            Format::Decimal,
            treated.hours_saved_per_week,
            control.hours_saved_per_week,
            c.hours_saved_difference,
        ),
    ];
    let conclusion = match c.attribution {
        Some(a) => vec![
            Piece::Words("The difference credits training with ".into()),
            Piece::num(a, Format::Share),
            Piece::Words(" of the trained cohort's benefit.".into()),
        ],
        None => words("The control cohort did as well: no difference to credit to training."),
    };
    Cohorts { intro, lines, conclusion, attribution: c.attribution }
}

/// `text` with its first letter a capital where it is a lowercase ASCII letter, as a list item begins:
/// survey exports write their categories as the form's values ("customer work"), the view as words.
fn capitalised(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
