//! What a usage export holds once read, whatever its shape (docs/model.md#export-shapes): sessions
//! per person per day, an active flag per person per week or month, or each person's last activity
//! as of a report date — with the users interned, the rows of API keys counted apart, and the
//! metrics the shape cannot support.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::dates::Held;
use super::files::Skipped;
use super::shapes::{NotMeasured, Shape};
use super::values::{is_key, user_key};

/// How finely an export counts use, which decides the metrics it supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    /// Sessions per person per day.
    Daily,
    /// Active or not per person per period; `weekly` when every period is 7 days.
    Periods {
        /// Whether every period is a week.
        weekly: bool,
    },
    /// Each person's last activity as of the report date (a day number).
    Snapshot {
        /// The report date R.
        report: i32,
    },
}

/// One activity row: a person's sessions (and minutes) on a day. In a snapshot, a person's last
/// activity day, with one session.
#[derive(Debug, Clone, Copy)]
pub struct Day {
    /// Index into [`Activity::users`].
    pub user: u32,
    /// Day number.
    pub day: i32,
    /// Sessions that day.
    pub sessions: u32,
    /// Minutes in them (0 when the file has no minutes).
    pub minutes: f64,
}

/// One row of an engagement export: a person active or not over a period.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    /// Index into [`Activity::users`].
    pub user: u32,
    /// First day of the period.
    pub start: i32,
    /// Last day of the period (inclusive).
    pub end: i32,
    /// Whether the person was active in it.
    pub active: bool,
}

/// A usage export, with users interned in order of first appearance.
#[derive(Debug, Clone)]
pub struct Activity {
    /// The shape it was read as.
    pub shape: &'static str,
    /// How finely it counts use.
    pub grain: Grain,
    /// Every good daily row (or, in a snapshot, each person's last activity).
    pub days: Vec<Day>,
    /// Every good period row.
    pub periods: Vec<Period>,
    /// User keys by index.
    pub users: Vec<Box<str>>,
    /// The department the export gives each user, by index, when it gives one.
    pub departments: Vec<Option<Box<str>>>,
    /// Whether the file has a minutes column.
    pub has_minutes: bool,
    /// Earliest and latest day in the file.
    pub span: Option<(i32, i32)>,
    /// Rows read (good and bad).
    pub rows: u64,
    /// Rows skipped.
    pub skipped: Skipped,
    /// Rows of API keys rather than people: counted, not used.
    pub api_rows: u64,
    /// The API keys those rows name.
    pub api_keys: HashSet<Box<str>>,
    /// The metrics this file cannot support, and why.
    pub not_measured: Vec<NotMeasured>,
    /// Things worth knowing about the file (API keys left out, pages still to import).
    pub notes: Vec<String>,
}

impl Activity {
    /// An empty export of `shape` at `grain`.
    pub fn new(shape: &Shape, grain: Grain) -> Self {
        Self::named(shape.name, grain, shape.not_measured.iter().map(|&(m, why)| NotMeasured::new(m, why)).collect())
    }

    /// An empty export called `shape`, at `grain`, not measuring `not_measured`.
    pub fn named(shape: &'static str, grain: Grain, not_measured: Vec<NotMeasured>) -> Self {
        Self {
            shape,
            grain,
            days: Vec::new(),
            periods: Vec::new(),
            users: Vec::new(),
            departments: Vec::new(),
            has_minutes: false,
            span: None,
            rows: 0,
            skipped: Skipped::default(),
            api_rows: 0,
            api_keys: HashSet::default(),
            not_measured,
            notes: Vec::new(),
        }
    }

    /// Whether it holds no usable row.
    pub fn is_empty(&self) -> bool {
        match self.grain {
            Grain::Snapshot { .. } => self.users.is_empty(),
            _ => self.days.is_empty() && self.periods.is_empty(),
        }
    }

    /// Widens the span to `day`.
    pub fn extend_span(&mut self, day: i32) {
        self.span = Some(self.span.map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))));
    }

    /// Turns the daily rows `held` (read day-first while the file's order was open) month-first, and
    /// recomputes the span.
    pub fn turn_month_first(&mut self, held: &[Held]) {
        for h in held {
            if let Some(row) = self.days.get_mut(h.row as usize) {
                row.day = h.month_first;
            }
        }
        if !held.is_empty() {
            let days = self.days.iter().map(|d| d.day);
            self.span =
                days.fold(None, |span, d| Some(span.map_or((d, d), |(lo, hi): (i32, i32)| (lo.min(d), hi.max(d)))));
        }
    }

    /// What is worth knowing about the file beside its rows: the API keys left out, and its own
    /// notes.
    pub fn all_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.api_rows > 0 {
            let (rows, keys) = (self.api_rows, self.api_keys.len());
            notes.push(format!(
                "{rows} row{} of {keys} API key{} (not people) {} counted and not used.",
                if rows == 1 { "" } else { "s" },
                if keys == 1 { "" } else { "s" },
                if rows == 1 { "was" } else { "were" },
            ));
        }
        notes.extend(self.notes.iter().cloned());
        notes
    }

    /// Adds `other`, a further page of the same report, to this one: its days (users matched by
    /// key), counts and skipped rows; its notes replace these.
    pub fn absorb(&mut self, other: Activity) {
        let mut users = Users::of(&self.users);
        let ids: Vec<u32> = other.users.iter().map(|u| users.id(u, &mut self.users)).collect();
        self.days.reserve(other.days.len());
        for day in other.days {
            self.extend_span(day.day);
            self.days.push(Day { user: ids[day.user as usize], ..day });
        }
        self.departments.resize(self.users.len(), None);
        self.rows += other.rows;
        self.skipped.count += other.skipped.count;
        let room = super::files::LISTED_PROBLEMS.saturating_sub(self.skipped.listed.len());
        self.skipped.listed.extend(other.skipped.listed.into_iter().take(room));
        self.api_rows += other.api_rows;
        self.api_keys.extend(other.api_keys);
        self.notes = other.notes;
    }
}

/// The users of an export, each interned once by key.
#[derive(Debug, Default)]
pub struct Users {
    interned: HashMap<Box<str>, u32>,
}

impl Users {
    /// The interner of users already read.
    pub fn of(users: &[Box<str>]) -> Self {
        Self { interned: users.iter().enumerate().map(|(i, u)| (u.clone(), i as u32)).collect() }
    }

    /// The index of `user` (a trimmed field) in `users`, adding it when new.
    pub fn id(&mut self, user: &str, users: &mut Vec<Box<str>>) -> u32 {
        let known = if is_key(user) { self.interned.get(user) } else { self.interned.get(&*user_key(user)) };
        match known {
            Some(&id) => id,
            None => {
                let id = users.len() as u32;
                users.push(user_key(user));
                self.interned.insert(user_key(user), id);
                id
            }
        }
    }
}
