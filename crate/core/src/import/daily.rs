//! Usage exports with one row per person per day read as CSV (docs/model.md#import): the product's
//! own activity file and Claude Code analytics flattened to CSV, whose API-key rows are counted and
//! left out. Several rows of one person and day add up later, in the measurement.

use std::io::Read;

use super::activity::{Activity, Day, Grain, Users};
use super::dates::{self, DateOrder, Dates, Reading};
use super::files::{MAX_SESSIONS, each_row, field, max_rows, width};
use super::shapes::{NotMeasured, Shape};
use super::table::Table;
use super::values::{bad, number, plain_decimal};
use super::{FileKind, FileProblem};
use crate::assessment::Metric;

/// Reads a daily export of `shape`, `bytes` bytes long (0 when not known), its dates in `order`
/// when one was chosen. Its columns are those of the shape: date, user, sessions, minutes, and for
/// Claude Code the actor's type and API key name, and for Claude Enterprise analytics a second count
/// of sessions that adds to the first (its Claude Code sessions beside its chat conversations). A
/// file without a date column (an Enterprise export of one day) is of `file_day`, its name's day or
/// the one the person gave.
pub fn read<R: Read>(
    table: &mut Table<R>,
    at: &[Option<usize>],
    bytes: u64,
    shape: &Shape,
    order: Option<DateOrder>,
    file_day: Option<super::json::FileDay>,
) -> Result<Activity, FileProblem> {
    let enterprise = at.len() > 6;
    if at[0].is_none() && file_day.is_none() {
        return Err(super::json::undated(FileKind::Activity));
    }
    let mut activity = Activity::new(shape, Grain::Daily);
    if enterprise {
        activity.notes.push(super::json::ENTERPRISE_SESSIONS.into());
        if let (None, Some(day)) = (at[0], file_day) {
            activity.notes.push(day.note());
        }
    }
    let file_day = file_day.map(|d| d.day);
    activity.has_minutes = at[3].is_some();
    if !activity.has_minutes && !activity.not_measured.iter().any(|n| n.metric == Metric::AvgSessionMinutes.key()) {
        activity.not_measured.push(NotMeasured::new(Metric::AvgSessionMinutes, "this file has no minutes column"));
    }
    // A row of date, e-mail address and sessions takes at least ~28 bytes; room for that many rows up
    // front (when the size is known) spares copying them each time the storage would double.
    let expected = usize::try_from(bytes / 28).unwrap_or(0).min(max_rows(FileKind::Activity) as usize);
    activity.days.reserve_exact(expected);
    let column = at[0].and_then(|i| table.headers.get(i)).cloned().unwrap_or_default();
    let mut dates = Dates::new(order);
    let mut users = Users::default();
    let Activity { days, users: keys, span, rows, skipped, api_rows, api_keys, .. } = &mut activity;
    // Exports are sorted by date, so the last date read almost always is the next one.
    let mut last_date: (Vec<u8>, Option<Reading>) = (Vec::new(), None);
    let decimal_comma = table.delimiter != b',';
    let width = width(table.headers.len(), at);
    let column_at = |i: usize| at.get(i).copied().flatten();
    each_row(FileKind::Activity, table, rows, skipped, width, |line, record| {
        // The fast paths read plain digits straight from the bytes; anything else takes the careful
        // path, which also words the error.
        let raw = |i: usize| column_at(i).and_then(|i| record.get(i)).unwrap_or_default();
        let date = field(record, at[0])?;
        let reading = match (last_date.1, file_day) {
            (Some(reading), _) if raw(0) == last_date.0.as_slice() => reading,
            (_, Some(day)) if at[0].is_none() => Reading::Day(day),
            _ => {
                let reading = dates::parse(date).ok_or_else(|| bad("date", date, "an ISO date such as 2026-03-02"))?;
                last_date = (raw(0).to_vec(), Some(reading));
                reading
            }
        };
        let user = field(record, at[1])?;
        let actor_type = field(record, column_at(4))?;
        let api_key = field(record, column_at(5))?;
        if actor_type.eq_ignore_ascii_case("api_actor") || (user.is_empty() && !api_key.is_empty()) {
            *api_rows += 1;
            if !api_keys.contains(api_key) {
                api_keys.insert(api_key.into());
            }
            return Ok(());
        }
        if user.is_empty() {
            return Err("has no user".into());
        }
        let (day, month_first) = dates.day(reading, date, &column, line)?;
        let sessions = match plain_decimal(raw(2)) {
            Some(x) if x.fract() == 0.0 && x <= f64::from(MAX_SESSIONS) => x as u32,
            _ => {
                let text = field(record, at[2])?;
                text.parse::<u32>()
                    .ok()
                    .filter(|&s| s <= MAX_SESSIONS)
                    .ok_or_else(|| bad("sessions", text, "a whole number from 0 to 1,000"))?
            }
        };
        let sessions = match field(record, column_at(6))? {
            "" => sessions,
            text => text
                .parse::<u32>()
                .ok()
                .filter(|&s| s <= MAX_SESSIONS)
                .map(|code| (sessions + code).min(MAX_SESSIONS))
                .ok_or_else(|| bad("Claude Code sessions", text, "a whole number from 0 to 1,000"))?,
        };
        let minutes = match plain_decimal(raw(3)) {
            Some(x) if x <= 1_440.0 => x,
            _ => match field(record, at[3])? {
                "" => 0.0,
                text => number(text, decimal_comma)
                    .filter(|m| (0.0..=1_440.0).contains(m))
                    .ok_or_else(|| bad("minutes", text, "a number of minutes from 0 to 1,440"))?,
            },
        };
        let id = users.id(user, keys);
        dates.hold(days.len(), 0, month_first);
        *span = Some(span.map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))));
        days.push(Day { user: id, day, sessions, minutes });
        Ok(())
    })?;
    let held = dates.finish().map_err(|message| FileProblem::asking(FileKind::Activity, message))?;
    activity.turn_month_first(&held);
    Ok(activity)
}
