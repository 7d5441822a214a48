//! Engagement exports with one row per person per week or month (docs/model.md#export-shapes):
//! `period_start`, `period_end`, the person, an active flag or a count of messages, and maybe their
//! department written as a JSON array (`["Finance"]`). A person's window is the period holding their
//! checkpoint day, so only weekly periods give the weekly active rate; sessions are not counted.

use std::io::Read;

use super::activity::{Activity, Grain, Period, Users};
use super::dates::{self, DateOrder, Dates};
use super::files::{each_row, field, width};
use super::shapes::{NotMeasured, Shape};
use super::table::Table;
use super::values::bad;
use super::{FileKind, FileProblem};
use crate::assessment::Metric;

/// The longest period a row may cover: a month.
const MAX_PERIOD_DAYS: i32 = 31;

/// Reads an engagement export of `shape`, its dates in `order` when one was chosen. Its columns:
/// period start, person, period end, active flag, messages, department.
pub fn read<R: Read>(
    table: &mut Table<R>,
    at: &[Option<usize>],
    shape: &Shape,
    order: Option<DateOrder>,
) -> Result<Activity, FileProblem> {
    let mut activity = Activity::new(shape, Grain::Periods { weekly: true });
    let header = |i: usize| at[i].and_then(|i| table.headers.get(i)).cloned().unwrap_or_default();
    let (start_column, end_column) = (header(0), header(2));
    let mut dates = Dates::new(order);
    let mut users = Users::default();
    let mut lengths = (i32::MAX, 0);
    let Activity { periods, users: keys, rows, skipped, departments, .. } = &mut activity;
    let width = width(table.headers.len(), at);
    each_row(FileKind::Activity, table, rows, skipped, width, |line, record| {
        let mut day = |i: usize, column: &str| -> Result<(i32, Option<i32>), String> {
            let text = field(record, at[i])?;
            let reading = dates::parse(text).ok_or_else(|| bad(column, text, "a date such as 2025-09-08"))?;
            dates.day(reading, text, column, line)
        };
        let (start, start_mdy) = day(0, &start_column)?;
        let (end, end_mdy) = day(2, &end_column)?;
        if start_mdy.is_none() && end_mdy.is_none() {
            period_length(start, end)?;
        }
        let user = field(record, at[1])?;
        if user.is_empty() {
            return Err("has no user".into());
        }
        let active = match (field(record, at[3])?, field(record, at[4])?) {
            ("", "") => return Err("has neither is_active nor messages".into()),
            ("", messages) => {
                messages.parse::<u64>().map_err(|_| bad("messages", messages, "a whole number of messages"))? > 0
            }
            (flag, _) => match flag.to_ascii_lowercase().as_str() {
                "true" | "yes" | "y" | "1" => true,
                "false" | "no" | "n" | "0" => false,
                _ => return Err(bad("is_active", flag, "true or false")),
            },
        };
        let department = department(field(record, at[5])?)?;
        let id = users.id(user, keys);
        let row = periods.len();
        dates.hold(row, 0, start_mdy);
        dates.hold(row, 1, end_mdy);
        if departments.len() <= id as usize {
            departments.resize(id as usize + 1, None);
        }
        if departments[id as usize].is_none() {
            departments[id as usize] = department.map(String::into_boxed_str);
        }
        periods.push(Period { user: id, start, end, active });
        Ok(())
    })?;
    let held = dates.finish().map_err(|message| FileProblem::asking(FileKind::Activity, message))?;
    for h in &held {
        if let Some(period) = activity.periods.get_mut(h.row as usize) {
            *(if h.field == 0 { &mut period.start } else { &mut period.end }) = h.month_first;
        }
    }
    // A period that ends before it starts is a bad row; so is one longer than a month.
    let mut kept = Vec::with_capacity(activity.periods.len());
    for period in std::mem::take(&mut activity.periods) {
        match period_length(period.start, period.end) {
            Ok(length) => {
                lengths = (lengths.0.min(length), lengths.1.max(length));
                activity.extend_span(period.start);
                activity.extend_span(period.end);
                kept.push(period);
            }
            // Only a row whose dates turned month-first at the end can fail here; its line is gone.
            Err(why) => activity.skipped.add(FileKind::Activity, 0, why),
        }
    }
    activity.periods = kept;
    let weekly = lengths == (7, 7);
    activity.grain = Grain::Periods { weekly };
    activity.shape = match lengths {
        (7, 7) => "Weekly engagement export",
        (28..=31, 28..=31) => "Monthly engagement export",
        _ => activity.shape,
    };
    if !weekly {
        let why = "this export's periods are not weeks; the weekly active rate needs weekly periods";
        activity.not_measured.insert(0, NotMeasured::new(Metric::WeeklyActiveRate, why));
    }
    Ok(activity)
}

/// The days from `start` to `end`, inclusive, or why that is not a period.
fn period_length(start: i32, end: i32) -> Result<i32, String> {
    let length = end - start + 1;
    if (1..=MAX_PERIOD_DAYS).contains(&length) {
        Ok(length)
    } else {
        Err(format!("has a period of {length} days; a period must be 1 to 31 days from start to end"))
    }
}

/// The names of a JSON array of strings, trimmed; none when `text` is not one. Read as a JSON value:
/// a typed `Vec<String>` would bring serde's type-error messages, and with them core's float
/// formatter, into the import's module (about 10 KB gzipped).
fn names(text: &str) -> Option<Vec<String>> {
    let serde_json::Value::Array(items) = serde_json::from_str(text).ok()? else { return None };
    let name = |item| match item {
        serde_json::Value::String(name) => Some(name.trim().to_owned()),
        _ => None,
    };
    items.into_iter().map(name).collect()
}

/// A department as engagement exports write it: `Finance`, or a JSON array such as `["Finance"]`
/// (its first name); none when empty.
fn department(text: &str) -> Result<Option<String>, String> {
    let name = if text.starts_with('[') {
        let names = names(text).ok_or_else(|| bad("department", text, "a name or a JSON list of names"))?;
        names.into_iter().find(|n| !n.is_empty())
    } else {
        Some(text.to_owned()).filter(|n| !n.is_empty())
    };
    match name {
        Some(n) if n.chars().count() > 80 => Err("has a department name longer than 80 characters".into()),
        name => Ok(name),
    }
}

#[cfg(test)]
mod tests {
    use super::department;

    #[test]
    fn a_department_is_a_name_or_the_first_name_of_a_json_list() {
        assert_eq!(department("Finance"), Ok(Some("Finance".into())));
        assert_eq!(department(""), Ok(None));
        assert_eq!(department(r#"["", " Legal ", "Sales"]"#), Ok(Some("Legal".into())));
        assert_eq!(department("[]"), Ok(None));
        for not_a_list in [r#"["Legal", 3]"#, r#"["Legal"] x"#, "[1.5]", "[", r#"[["Legal"]]"#] {
            assert!(department(not_a_list).is_err_and(|e| e.contains("a JSON list of names")), "{not_a_list}");
        }
    }
}
