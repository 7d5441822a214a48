//! Last-activity snapshots, one row per licensed person (docs/model.md#export-shapes): Microsoft 365
//! Copilot's usage user detail (`Report Refresh Date`, `User Principal Name`, `Last Activity Date`)
//! and GitHub Copilot's activity report (`Report Time`, `Login`, `Last Activity At`). They say who
//! was active in the week ending on the report date R, whatever each person's completion day:
//! a person whose last activity falls in R − 6 … R is kept as one session on that day.

use std::io::Read;

use super::activity::{Activity, Day, Grain, Users};
use super::dates::{self, DateOrder, Dates};
use super::files::{each_row, field, width};
use super::shapes::Shape;
use super::table::Table;
use super::values::bad;
use super::{FileKind, FileProblem};

/// Last-activity values that mean "never active".
const NEVER: [&str; 5] = ["none", "null", "never", "n/a", "-"];

/// Reads a snapshot of `shape`, its dates in `order` when one was chosen. Its columns: the report
/// date, the person (email or login), their last activity date.
pub fn read<R: Read>(
    table: &mut Table<R>,
    at: &[Option<usize>],
    shape: &Shape,
    order: Option<DateOrder>,
) -> Result<Activity, FileProblem> {
    let mut activity = Activity::new(shape, Grain::Snapshot { report: 0 });
    let header = |i: usize| at[i].and_then(|i| table.headers.get(i)).cloned().unwrap_or_default();
    let (report_column, last_column) = (header(0), header(2));
    let mut dates = Dates::new(order);
    let mut users = Users::default();
    let mut reports: Vec<i32> = Vec::new();
    let Activity { days, users: keys, rows, skipped, .. } = &mut activity;
    let width = width(table.headers.len(), at);
    each_row(FileKind::Activity, table, rows, skipped, width, |line, record| {
        let report = field(record, at[0])?;
        let reading = dates::parse(report).ok_or_else(|| bad(&report_column, report, "a date such as 2025-09-08"))?;
        let (report_day, report_mdy) = dates.day(reading, report, &report_column, line)?;
        let user = field(record, at[1])?;
        if user.is_empty() {
            return Err("has no user".into());
        }
        let last = field(record, at[2])?;
        let last = if last.is_empty() || NEVER.iter().any(|w| last.eq_ignore_ascii_case(w)) {
            None
        } else {
            let reading = dates::parse(last).ok_or_else(|| bad(&last_column, last, "a date such as 2025-09-08"))?;
            Some(dates.day(reading, last, &last_column, line)?)
        };
        let id = users.id(user, keys);
        dates.hold(reports.len(), 1, report_mdy);
        reports.push(report_day);
        if let Some((day, month_first)) = last {
            dates.hold(days.len(), 0, month_first);
            days.push(Day { user: id, day, sessions: 1, minutes: 0.0 });
        }
        Ok(())
    })?;
    let held = dates.finish().map_err(|message| FileProblem::asking(FileKind::Activity, message))?;
    for h in &held {
        match h.field {
            0 => activity.days.get_mut(h.row as usize).into_iter().for_each(|d| d.day = h.month_first),
            _ => reports.get_mut(h.row as usize).into_iter().for_each(|r| *r = h.month_first),
        }
    }
    let Some(&report) = reports.iter().max() else { return Ok(activity) };
    activity.grain = Grain::Snapshot { report };
    activity.extend_span(report);
    let days: Vec<i32> = activity.days.iter().map(|d| d.day).filter(|&d| d <= report).collect();
    days.into_iter().for_each(|d| activity.extend_span(d));
    if reports.iter().any(|&r| r != report) {
        activity.notes.push("The rows have different report dates; the latest is used as the report date.".into());
    }
    Ok(activity)
}
