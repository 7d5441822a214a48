//! Claude Code analytics as the Admin API returns it (docs/model.md#export-shapes): pages of
//! `{ "data": [ { "date", "actor": { "type", "email_address" | "api_key_name" }, "core_metrics":
//! { "num_sessions", … }, … } ], "has_more", "next_page" }`, several pages in one file or one per
//! file, or the records themselves one per line (NDJSON). Read from the same `Read` the CSV readers
//! take, one line at a time while each line is whole JSON (NDJSON, or a page on one line), the rest of
//! the file as a stream from the first line that is not (a pretty-printed page); each record into typed
//! structs: malformed JSON stops the file with its line and column, a record of the wrong shape is a
//! skipped row with its line, API-key actors are counted and left out.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::activity::{Activity, Grain, Users};
use super::dates::{DateOrder, Dates};
use super::json_records::{Reading, Record};
use super::lenient::{KeyIn, Lenient};
use super::shapes::NotMeasured;
use super::{FileKind, FileProblem};
use crate::assessment::Metric;

/// The name of the Admin API's pages.
pub const PAGES: &str = "Claude Code analytics (Admin API JSON)";
/// The name of its records one per line.
pub const LINES: &str = "Claude Code analytics (NDJSON)";
/// The name of the Claude Enterprise Analytics API's user rows (`/v1/organizations/analytics/users`).
pub const ENTERPRISE: &str = "Claude Enterprise analytics (per user)";

pub use super::enterprise::{ENTERPRISE_SESSIONS, FileDay, undated};

/// The keys of a page and of a record (in [`Value::visit_map`]'s order).
const KEYS: &[&str] =
    &["data", "has_more", "next_page", "date", "actor", "core_metrics", "user", "chat_metrics", "claude_code_metrics"];

/// A JSON value at `level` (0: the top, 1: a record in `data` or a top-level array).
struct Value<'a> {
    reading: &'a mut Reading,
    level: u8,
}

impl<'de> DeserializeSeed<'de> for Value<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Value<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Claude Code analytics page or record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // The line of its `{`, where a skipped record is said to be.
        let line = self.reading.line.get();
        let mut record = Record::default();
        let (mut is_record, mut is_page) = (false, false);
        let top = self.level == 0;
        while let Some(key) = map.next_key_seed(KeyIn(KEYS))? {
            match key {
                0 if top => {
                    is_page = true;
                    // Its array's elements are records, as those of a top-level array.
                    map.next_value_seed(Value { reading: &mut *self.reading, level: 0 })?;
                }
                1 if top => self.reading.has_more = matches!(map.next_value()?, Lenient::Good(true)),
                2 if top => {
                    let next = map.next_value::<Option<Lenient<String>>>()?;
                    self.reading.has_more |= matches!(next, Some(Lenient::Good(page)) if !page.is_empty());
                }
                3 => (is_record, record.date) = (true, Some(map.next_value()?)),
                4 => (is_record, record.actor) = (true, Some(map.next_value()?)),
                5 => (is_record, record.core_metrics) = (true, Some(map.next_value()?)),
                6 => (is_record, record.user) = (true, Some(map.next_value()?)),
                7 => (is_record, record.chat_metrics) = (true, Some(map.next_value()?)),
                8 => (is_record, record.claude_code_metrics) = (true, Some(map.next_value()?)),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        self.reading.pages += u64::from(is_page);
        if is_record || self.level == 1 { self.reading.record(record, line) } else { Ok(()) }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.level > 0 {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return self.not_a_record();
        }
        while seq.next_element_seed(Value { reading: &mut *self.reading, level: 1 })?.is_some() {}
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_a_record()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_a_record()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_a_record()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_a_record()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_a_record()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.not_a_record()
    }
}

impl Value<'_> {
    /// A value where a page or a record was expected: a skipped record inside `data`, and at the top
    /// a file that is not this export.
    fn not_a_record<E: de::Error>(self) -> Result<(), E> {
        match self.level {
            0 => {
                let message =
                    "is JSON but not a Claude Code analytics report (an object with data, or one record per line)";
                self.reading.fatal = Some(FileProblem::new(Some(FileKind::Activity), message.into()));
                Err(E::custom("not a report"))
            }
            1 => {
                let line = self.reading.line.get();
                self.reading.record(Record::default(), line)
            }
            _ => Ok(()),
        }
    }
}

/// Reads the values of `line`, the text of line `number`.
fn read_line(line: &[u8], number: u64, reading: &mut Reading) -> Result<(), serde_json::Error> {
    reading.line.set(number);
    read_values(&mut serde_json::Deserializer::from_slice(line), reading)
}

/// Reads the values of `rest`, the rest of the file from line `number` on, as a stream: slower than
/// [`read_line`] but in little memory whatever the file's size, and each byte's line is known.
fn read_rest(rest: impl Read, number: u64, reading: &mut Reading) -> Result<(), serde_json::Error> {
    reading.line.set(number);
    let lines = Lines { inner: rest, line: reading.line.clone() };
    read_values(&mut serde_json::Deserializer::from_reader(lines), reading)
}

/// Reads every value of `json` up to its end.
fn read_values<'de, R: serde_json::de::Read<'de>>(
    json: &mut serde_json::Deserializer<R>,
    reading: &mut Reading,
) -> Result<(), serde_json::Error> {
    loop {
        (Value { reading: &mut *reading, level: 0 }).deserialize(&mut *json)?;
        if json.end().is_ok() {
            return Ok(());
        }
    }
}

/// Counts the lines of what is read through it (serde_json reads a byte at a time, so the count is
/// where the parser is).
struct Lines<R> {
    inner: R,
    line: Rc<Cell<u64>>,
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let newlines = buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        self.line.set(self.line.get() + newlines);
        Ok(n)
    }
}

/// Reads a Claude Code analytics report (its pages, or its records one per line) from `source`,
/// its dates in `order` when one was chosen.
/// Records without a date (the Enterprise Analytics API's user rows) are of `file_day`, the day of
/// the file's name or the one the person gave.
pub fn read(source: impl Read, order: Option<DateOrder>, file_day: Option<FileDay>) -> Result<Activity, FileProblem> {
    let not_measured =
        vec![NotMeasured::new(Metric::AvgSessionMinutes, "this export counts sessions, not their minutes")];
    let mut reading = Reading {
        activity: Activity::named(PAGES, Grain::Daily, not_measured),
        users: Users::default(),
        dates: Dates::new(order),
        line: Rc::new(Cell::new(1)),
        skip: 0,
        pages: 0,
        has_more: false,
        file_day: file_day.map(|d| d.day),
        enterprise: 0,
        undated: 0,
        named: 0,
        fatal: None,
    };
    let unreadable = |e: std::io::Error| FileProblem::new(Some(FileKind::Activity), format!("could not be read: {e}"));
    let mut input = BufReader::with_capacity(1 << 16, source);
    let (mut text, mut number) = (Vec::new(), 0);
    loop {
        text.clear();
        if input.read_until(b'\n', &mut text).map_err(unreadable)? == 0 {
            break;
        }
        number += 1;
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let taken = reading.activity.rows;
        match read_line(&text, number, &mut reading) {
            Ok(()) => {}
            // A value that goes on over the next lines (a pretty-printed page): the rest of the file is
            // read from this line on as one stream, without the records this line already gave.
            Err(e) if e.is_eof() && reading.fatal.is_none() => {
                reading.skip = reading.activity.rows - taken;
                let rest = read_rest(text.as_slice().chain(&mut input), number, &mut reading);
                rest.map_err(|e| stopped(&mut reading, &e, number))?;
                break;
            }
            Err(e) => return Err(stopped(&mut reading, &e, number)),
        }
    }
    let Reading { mut activity, dates, pages, has_more, enterprise, undated: no_date, named, .. } = reading;
    if no_date > 0 && activity.days.is_empty() {
        return Err(undated(FileKind::Activity));
    }
    let held = dates.finish().map_err(|message| FileProblem::asking(FileKind::Activity, message))?;
    activity.turn_month_first(&held);
    if enterprise > 0 {
        activity.shape = ENTERPRISE;
        activity.not_measured[0].reason = "this export counts conversations and sessions, not their minutes".into();
        activity.notes.push(ENTERPRISE_SESSIONS.into());
        if let Some(day) = file_day.filter(|_| named > 0) {
            activity.notes.push(day.note());
        }
    } else if pages == 0 {
        activity.shape = LINES;
    }
    if has_more {
        activity.notes.push(
            "The report says it has more pages (has_more is true): import the next page as well, and the pages add up."
                .into(),
        );
    }
    Ok(activity)
}

/// Why the reading stopped at `e`, read from line `first` on: its own reason when it gave one (not the
/// export, too many records), else the JSON's.
fn stopped(reading: &mut Reading, e: &serde_json::Error, first: u64) -> FileProblem {
    reading.fatal.take().unwrap_or_else(|| malformed(e, first))
}

/// The problem of a file that is not valid JSON, with where: `e` is of the text read from line
/// `first` on.
fn malformed(e: &serde_json::Error, first: u64) -> FileProblem {
    let text = e.to_string();
    let what = text.rsplit_once(" at line ").map_or(text.as_str(), |(what, _)| what);
    let line = first + (e.line() as u64).saturating_sub(1);
    let message = format!("is not valid JSON: {what} at line {line}, column {}", e.column());
    FileProblem::new(Some(FileKind::Activity), message)
}
