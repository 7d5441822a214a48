//! Claude Code analytics as the Admin API returns it (docs/model.md#export-shapes): pages of
//! `{ "data": [ { "date", "actor": { "type", "email_address" | "api_key_name" }, "core_metrics":
//! { "num_sessions", … }, … } ], "has_more", "next_page" }`, several pages in one file or one per
//! file, or the records themselves one per line (NDJSON). Read as a stream from the same `Read` the
//! CSV readers take, one record at a time into typed structs: malformed JSON stops the file with
//! its line and column, a record of the wrong shape is a skipped row, API-key actors are counted
//! and left out.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufReader, Read};
use std::rc::Rc;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::activity::{Activity, Day, Grain, Users};
use super::dates::{self, DateOrder, Dates};
use super::files::{MAX_SESSIONS, max_rows};
use super::shapes::NotMeasured;
use super::values::bad;
use super::{FileKind, FileProblem};
use crate::assessment::Metric;
use crate::fields::grouped;

/// The name of the Admin API's pages.
pub const PAGES: &str = "Claude Code analytics (Admin API JSON)";
/// The name of its records one per line.
pub const LINES: &str = "Claude Code analytics (NDJSON)";
/// The name of the Claude Enterprise Analytics API's user rows (`/v1/organizations/analytics/users`).
pub const ENTERPRISE: &str = "Claude Enterprise analytics (per user)";

pub use super::enterprise::{ENTERPRISE_SESSIONS, FileDay, undated};

/// A value that is either of the type wanted or anything else (then the record is skipped, not the
/// file).
#[derive(Deserialize)]
#[serde(untagged)]
enum Lenient<T> {
    Good(T),
    Bad(IgnoredAny),
}

/// Who a record is about.
#[derive(Deserialize)]
struct Actor {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    email_address: Option<String>,
    #[serde(default)]
    api_key_name: Option<String>,
}

/// The counts of a record that the measurement uses: Claude Code's `core_metrics.num_sessions`, and
/// in the Enterprise Analytics API's user rows `chat_metrics.distinct_conversation_count` and
/// `claude_code_metrics.core_metrics.distinct_session_count` (one struct for every level, which keeps
/// the WebAssembly module smaller than one per level).
#[derive(Deserialize)]
struct CoreMetrics {
    #[serde(default)]
    num_sessions: Option<Lenient<u64>>,
    #[serde(default)]
    distinct_conversation_count: Option<Lenient<u64>>,
    #[serde(default)]
    distinct_session_count: Option<Lenient<u64>>,
    #[serde(default)]
    core_metrics: Option<Box<Lenient<CoreMetrics>>>,
}

/// One record's fields, as read.
#[derive(Default)]
struct Record {
    date: Option<Lenient<String>>,
    actor: Option<Lenient<Actor>>,
    core_metrics: Option<Lenient<CoreMetrics>>,
    /// An Enterprise user row's `user` (its `email_address`).
    user: Option<Lenient<Actor>>,
    chat_metrics: Option<Lenient<CoreMetrics>>,
    claude_code_metrics: Option<Lenient<CoreMetrics>>,
}

/// A count of `metrics` (`field` picks it), 0 when absent or null; `None` when it is not a whole
/// number from 0 to 1,000.
fn count(metrics: Option<&Lenient<CoreMetrics>>, field: fn(&CoreMetrics) -> &Option<Lenient<u64>>) -> Option<u32> {
    match metrics {
        None => Some(0),
        Some(Lenient::Good(m)) => match field(m) {
            None => Some(0),
            Some(Lenient::Good(n)) if *n <= u64::from(MAX_SESSIONS) => Some(*n as u32),
            _ => None,
        },
        Some(Lenient::Bad(_)) => None,
    }
}

/// Everything the reading builds, shared by the visitors.
struct Reading {
    activity: Activity,
    users: Users,
    dates: Dates,
    line: Rc<Cell<u64>>,
    pages: u64,
    has_more: bool,
    /// The day of every record without a date (from the file's name), if known.
    file_day: Option<i32>,
    /// Enterprise user rows read, and how many of them had no date.
    enterprise: u64,
    undated: u64,
    /// Enterprise rows dated by the file's name.
    named: u64,
    /// Why the file stopped being read, when it was not its JSON.
    fatal: Option<FileProblem>,
}

impl Reading {
    /// Takes one record: a day of a person's sessions, an API key's row, or a skipped row.
    fn record<E: de::Error>(&mut self, record: Record) -> Result<(), E> {
        self.activity.rows += 1;
        if self.activity.rows > max_rows(FileKind::Activity) {
            let message = format!(
                "has more than {} records, the most one import reads; split it (by date) and import the part you need",
                grouped(max_rows(FileKind::Activity))
            );
            self.fatal = Some(FileProblem::new(Some(FileKind::Activity), message));
            return Err(E::custom("too many records"));
        }
        let line = self.line.get();
        if let Err(why) = self.take(record, line) {
            self.activity.skipped.add(FileKind::Activity, line, why);
        }
        Ok(())
    }

    fn take(&mut self, record: Record, line: u64) -> Result<(), String> {
        if record.user.is_some() || record.chat_metrics.is_some() || record.claude_code_metrics.is_some() {
            return self.take_user(record, line);
        }
        let Some(Lenient::Good(actor)) = record.actor else { return Err("has no actor".into()) };
        if actor.kind.as_deref() == Some("api_actor") || actor.email_address.is_none() && actor.api_key_name.is_some() {
            self.activity.api_rows += 1;
            let key = actor.api_key_name.unwrap_or_default();
            if !self.activity.api_keys.contains(key.as_str()) {
                self.activity.api_keys.insert(key.into_boxed_str());
            }
            return Ok(());
        }
        let user = actor.email_address.as_deref().map(str::trim).unwrap_or_default();
        if user.is_empty() {
            return Err("has an actor without email_address".into());
        }
        let Some(Lenient::Good(date)) = record.date else { return Err("has no date".into()) };
        let reading = dates::parse(date.trim()).ok_or_else(|| bad("date", &date, "a date such as 2025-09-08"))?;
        let (day, month_first) = self.dates.day(reading, &date, "date", line)?;
        let sessions = count(record.core_metrics.as_ref(), |m| &m.num_sessions)
            .ok_or("has core_metrics.num_sessions that is not a whole number from 0 to 1,000")?;
        let id = self.users.id(user, &mut self.activity.users);
        self.dates.hold(self.activity.days.len(), 0, month_first);
        self.activity.extend_span(day);
        self.activity.days.push(Day { user: id, day, sessions, minutes: 0.0 });
        Ok(())
    }
}

impl Reading {
    /// Takes an Enterprise Analytics API user row: its sessions are its chat conversations plus its
    /// Claude Code sessions, on its `date` or else the day of the file's name.
    fn take_user(&mut self, record: Record, line: u64) -> Result<(), String> {
        self.enterprise += 1;
        let Some(Lenient::Good(user)) = record.user else { return Err("has no user".into()) };
        let user = user.email_address.as_deref().map(str::trim).unwrap_or_default();
        if user.is_empty() {
            return Err("has a user without email_address".into());
        }
        let day = match (record.date, self.file_day) {
            (Some(Lenient::Good(date)), _) => {
                let reading =
                    dates::parse(date.trim()).ok_or_else(|| bad("date", &date, "a date such as 2025-09-08"))?;
                let (day, month_first) = self.dates.day(reading, &date, "date", line)?;
                self.dates.hold(self.activity.days.len(), 0, month_first);
                day
            }
            (None, Some(day)) => {
                self.named += 1;
                day
            }
            _ => {
                self.undated += 1;
                return Err("has no date".into());
            }
        };
        let chats = count(record.chat_metrics.as_ref(), |m| &m.distinct_conversation_count)
            .ok_or("has chat_metrics.distinct_conversation_count that is not a whole number from 0 to 1,000")?;
        let code = match &record.claude_code_metrics {
            Some(Lenient::Good(CoreMetrics { core_metrics: Some(core), .. })) => {
                count(Some(core), |m| &m.distinct_session_count)
            }
            Some(Lenient::Good(_)) | None => Some(0),
            Some(Lenient::Bad(_)) => None,
        }
        .ok_or(
            "has claude_code_metrics.core_metrics.distinct_session_count that is not a whole number from 0 to 1,000",
        )?;
        let id = self.users.id(user, &mut self.activity.users);
        self.activity.extend_span(day);
        self.activity.days.push(Day { user: id, day, sessions: (chats + code).min(MAX_SESSIONS), minutes: 0.0 });
        Ok(())
    }
}

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
        let mut record = Record::default();
        let (mut is_record, mut is_page) = (false, false);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "data" if self.level == 0 => {
                    is_page = true;
                    // Its array's elements are records, as those of a top-level array.
                    map.next_value_seed(Value { reading: &mut *self.reading, level: 0 })?;
                }
                "has_more" if self.level == 0 => {
                    self.reading.has_more = matches!(map.next_value::<Lenient<bool>>()?, Lenient::Good(true));
                }
                "date" => (is_record, record.date) = (true, Some(map.next_value()?)),
                "actor" => (is_record, record.actor) = (true, Some(map.next_value()?)),
                "core_metrics" => (is_record, record.core_metrics) = (true, Some(map.next_value()?)),
                "user" => (is_record, record.user) = (true, Some(map.next_value()?)),
                "chat_metrics" => (is_record, record.chat_metrics) = (true, Some(map.next_value()?)),
                "claude_code_metrics" => (is_record, record.claude_code_metrics) = (true, Some(map.next_value()?)),
                "next_page" if self.level == 0 => {
                    let next = map.next_value::<Option<Lenient<String>>>()?;
                    self.reading.has_more |= matches!(next, Some(Lenient::Good(page)) if !page.is_empty());
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        self.reading.pages += u64::from(is_page);
        if is_record || self.level == 1 { self.reading.record(record) } else { Ok(()) }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.level > 0 {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return if self.level == 1 { self.reading.record(Record::default()) } else { Ok(()) };
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
            1 => self.reading.record(Record::default()),
            _ => Ok(()),
        }
    }
}

/// Counts the lines of what is read through it, so that a skipped record can say where it is.
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
    let line = Rc::new(Cell::new(1));
    let not_measured =
        vec![NotMeasured::new(Metric::AvgSessionMinutes, "this export counts sessions, not their minutes")];
    let mut reading = Reading {
        activity: Activity::named(PAGES, Grain::Daily, not_measured),
        users: Users::default(),
        dates: Dates::new(order),
        line: line.clone(),
        pages: 0,
        has_more: false,
        file_day: file_day.map(|d| d.day),
        enterprise: 0,
        undated: 0,
        named: 0,
        fatal: None,
    };
    let mut json = serde_json::Deserializer::from_reader(Lines { inner: BufReader::new(source), line });
    loop {
        if let Err(e) = (Value { reading: &mut reading, level: 0 }).deserialize(&mut json) {
            return Err(reading.fatal.take().unwrap_or_else(|| malformed(&e)));
        }
        if json.end().is_ok() {
            break;
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

/// The problem of a file that is not valid JSON, with where.
fn malformed(e: &serde_json::Error) -> FileProblem {
    let text = e.to_string();
    let what = text.rsplit_once(" at line ").map_or(text.as_str(), |(what, _)| what);
    let message = if e.is_io() {
        format!("could not be read: {what}")
    } else {
        format!("is not valid JSON: {what} at line {}, column {}", e.line(), e.column())
    };
    FileProblem::new(Some(FileKind::Activity), message)
}
