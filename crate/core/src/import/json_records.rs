//! The records of a JSON usage export (docs/model.md#export-shapes): their fields as typed structs,
//! read leniently (a field of the wrong type is a skipped row, not a stopped file), and what each record
//! is taken as: a day of a person's sessions, an API key's row, or a skipped row with its reason.

use std::cell::Cell;
use std::rc::Rc;

use serde::de::{self, IgnoredAny, MapAccess};

use super::activity::{Activity, Day, Users};
use super::dates::{self, Dates};
use super::files::{MAX_SESSIONS, max_rows};
use super::lenient::{KeyIn, Lenient, Wanted};
use super::values::bad;
use super::{FileKind, FileProblem};
use crate::fields::grouped;

/// Who a record is about.
#[derive(Default)]
pub(super) struct Actor {
    kind: Option<String>,
    email_address: Option<String>,
    api_key_name: Option<String>,
}

impl Wanted for Actor {
    /// Its fields are strings or null; any of another type makes the whole actor of the wrong shape.
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        let (mut actor, mut good) = (Actor::default(), true);
        while let Some(key) = map.next_key_seed(KeyIn(&["type", "email_address", "api_key_name"]))? {
            let field = match key {
                0 => &mut actor.kind,
                1 => &mut actor.email_address,
                2 => &mut actor.api_key_name,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            match map.next_value::<Option<Lenient<String>>>()? {
                Some(Lenient::Good(text)) => *field = Some(text),
                Some(Lenient::Bad) => good = false,
                None => *field = None,
            }
        }
        Ok(good.then_some(actor))
    }
}

/// The counts of a record that the measurement uses: Claude Code's `core_metrics.num_sessions`, and
/// in the Enterprise Analytics API's user rows `chat_metrics.distinct_conversation_count` and
/// `claude_code_metrics.core_metrics.distinct_session_count` (one struct for every level, which keeps
/// the WebAssembly module smaller than one per level).
#[derive(Default)]
pub(super) struct CoreMetrics {
    num_sessions: Option<Lenient<u64>>,
    distinct_conversation_count: Option<Lenient<u64>>,
    distinct_session_count: Option<Lenient<u64>>,
    core_metrics: Option<Box<Lenient<CoreMetrics>>>,
}

impl Wanted for CoreMetrics {
    /// Each count is judged where it is used: one of the wrong type does not spoil the others.
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        const KEYS: &[&str] =
            &["num_sessions", "distinct_conversation_count", "distinct_session_count", "core_metrics"];
        let mut metrics = CoreMetrics::default();
        while let Some(key) = map.next_key_seed(KeyIn(KEYS))? {
            match key {
                0 => metrics.num_sessions = map.next_value()?,
                1 => metrics.distinct_conversation_count = map.next_value()?,
                2 => metrics.distinct_session_count = map.next_value()?,
                3 => metrics.core_metrics = map.next_value::<Option<Lenient<CoreMetrics>>>()?.map(Box::new),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(metrics))
    }
}

/// One record's fields, as read.
#[derive(Default)]
pub(super) struct Record {
    pub(super) date: Option<Lenient<String>>,
    pub(super) actor: Option<Lenient<Actor>>,
    pub(super) core_metrics: Option<Lenient<CoreMetrics>>,
    /// An Enterprise user row's `user` (its `email_address`).
    pub(super) user: Option<Lenient<Actor>>,
    pub(super) chat_metrics: Option<Lenient<CoreMetrics>>,
    pub(super) claude_code_metrics: Option<Lenient<CoreMetrics>>,
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
        Some(Lenient::Bad) => None,
    }
}

/// Everything the reading builds, shared by the visitors.
pub(super) struct Reading {
    pub(super) activity: Activity,
    pub(super) users: Users,
    pub(super) dates: Dates,
    /// The line the reading is at.
    pub(super) line: Rc<Cell<u64>>,
    /// How many records the reading leaves out, already taken from a line that began a value spanning
    /// several lines, before that value was read again whole.
    pub(super) skip: u64,
    pub(super) pages: u64,
    pub(super) has_more: bool,
    /// The day of every record without a date (from the file's name), if known.
    pub(super) file_day: Option<i32>,
    /// Enterprise user rows read, and how many of them had no date.
    pub(super) enterprise: u64,
    pub(super) undated: u64,
    /// Enterprise rows dated by the file's name.
    pub(super) named: u64,
    /// Why the file stopped being read, when it was not its JSON.
    pub(super) fatal: Option<FileProblem>,
}

impl Reading {
    /// Takes one record: a day of a person's sessions, an API key's row, or a skipped row.
    pub(super) fn record<E: de::Error>(&mut self, record: Record, line: u64) -> Result<(), E> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        self.activity.rows += 1;
        if self.activity.rows > max_rows(FileKind::Activity) {
            let message = format!(
                "has more than {} records, the most one import reads; split it (by date) and import the part you need",
                grouped(max_rows(FileKind::Activity))
            );
            self.fatal = Some(FileProblem::new(Some(FileKind::Activity), message));
            return Err(E::custom("too many records"));
        }
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
            Some(Lenient::Bad) => None,
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
