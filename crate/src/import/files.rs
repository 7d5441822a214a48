//! The three files of SPEC 4 read row by row into compact data: the roster (who was trained, where,
//! when), the activity export (sessions per person per day) and the pulse survey (answers at a day).
//! A bad row is skipped with its line and reason; it never stops the good rows being read.

use rustc_hash::FxHashMap as HashMap;
use std::io::Read;

use csv::ByteRecord;

use super::table::{Column, Table, Unreadable};
use super::{FileKind, FileProblem, Problem};
use crate::fields::grouped;

/// How many skipped rows of one file are listed with their line and reason (all are counted).
pub const LISTED_PROBLEMS: usize = 20;
/// The most rows one file may have: enough for a year of daily usage of 13,000 people, and within what
/// a browser tab holds comfortably (an activity row takes 24 bytes once read).
pub fn max_rows(kind: FileKind) -> u64 {
    match kind {
        FileKind::Activity => 5_000_000,
        FileKind::Roster | FileKind::Survey => 1_000_000,
    }
}

/// Longest department or cohort name, as everywhere in the product.
const MAX_NAME: usize = 80;
/// The most departments a roster may have (a measurements document holds at most 500).
const MAX_DEPARTMENTS: usize = 500;
/// More sessions in a day than anyone has; a row above it is a data error.
const MAX_SESSIONS: u32 = 1_000;

const USER: Column =
    Column { name: "user", aliases: &["email", "user_email", "actor", "user_id", "employee_id"], required: true };
const ROSTER: [Column; 5] = [
    USER,
    Column { name: "department", aliases: &["dept", "team"], required: true },
    Column { name: "completed_on", aliases: &["completed", "completion_date", "completed_at"], required: true },
    Column { name: "licensed", aliases: &["has_license", "seat"], required: false },
    Column { name: "cohort", aliases: &["wave"], required: false },
];
const ACTIVITY: [Column; 4] = [
    Column { name: "date", aliases: &["day", "activity_date"], required: true },
    USER,
    Column { name: "sessions", aliases: &["num_sessions", "conversations", "session_count"], required: true },
    Column { name: "minutes", aliases: &["session_minutes", "active_minutes", "duration_minutes"], required: false },
];
const SURVEY: [Column; 7] = [
    USER,
    Column { name: "day", aliases: &["checkpoint", "survey_day"], required: true },
    Column { name: "hours_saved", aliases: &["hours_saved_per_week"], required: false },
    Column { name: "integration", aliases: &[], required: false },
    Column { name: "satisfaction", aliases: &[], required: false },
    Column { name: "reviewed", aliases: &["reviewed_before_use"], required: false },
    Column { name: "tasks", aliases: &["task_categories"], required: false },
];

/// Which kind of file a header describes: a survey has answer columns, an activity export has
/// sessions, a roster has completion dates.
pub fn detect(headers: &[String]) -> Option<FileKind> {
    let has = |columns: &[Column], index: usize| {
        let c = columns[index];
        headers.iter().map(|h| super::table::normalize(h)).any(|h| h == c.name || c.aliases.contains(&h.as_str()))
    };
    if (2..6).any(|i| has(&SURVEY, i)) {
        Some(FileKind::Survey)
    } else if has(&ACTIVITY, 2) {
        Some(FileKind::Activity)
    } else if has(&ROSTER, 2) || has(&ROSTER, 1) {
        Some(FileKind::Roster)
    } else {
        None
    }
}

/// The columns a file of `kind` has.
pub fn columns(kind: FileKind) -> &'static [Column] {
    match kind {
        FileKind::Roster => &ROSTER,
        FileKind::Activity => &ACTIVITY,
        FileKind::Survey => &SURVEY,
    }
}

/// A person's key: emails and ids match whatever their (ASCII) case and surrounding spaces.
pub fn user_key(text: &str) -> Box<str> {
    text.trim_ascii().to_ascii_lowercase().into_boxed_str()
}

/// Whether `text` (a trimmed field) is its own key already, so looking it up needs no new string.
fn is_key(text: &str) -> bool {
    !text.bytes().any(|b| b.is_ascii_uppercase())
}

/// Width of the rows of a file whose wanted columns are at `at`: fields after the last wanted one
/// may be missing.
fn width(headers: usize, at: &[Option<usize>]) -> usize {
    headers.min(at.iter().flatten().max().map_or(0, |m| m + 1))
}

/// Skipped rows of one file: all counted, the first [`LISTED_PROBLEMS`] kept with line and reason.
#[derive(Debug, Default, Clone)]
pub struct Skipped {
    /// How many rows were skipped.
    pub count: u64,
    /// The first of them.
    pub listed: Vec<Problem>,
}

impl Skipped {
    fn add(&mut self, kind: FileKind, line: u64, message: impl Into<String>) {
        self.count += 1;
        if self.listed.len() < LISTED_PROBLEMS {
            self.listed.push(Problem { file: kind, line, message: message.into() });
        }
    }
}

/// One trained person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Index into [`Roster::departments`].
    pub department: u32,
    /// Day number of training completion; none when not completed.
    pub completed: Option<i32>,
    /// Whether the person holds a licence (everyone, unless the roster says otherwise).
    pub licensed: bool,
    /// Index into [`Roster::cohorts`].
    pub cohort: Option<u32>,
}

/// The roster: everyone trained, in file order.
#[derive(Debug, Default, Clone)]
pub struct Roster {
    /// People in file order.
    pub people: Vec<Person>,
    /// Each person's index by user key.
    pub index: HashMap<Box<str>, u32>,
    /// Department names in order of first appearance.
    pub departments: Vec<String>,
    /// Cohort names in order of first appearance.
    pub cohorts: Vec<String>,
    /// Rows read (good and bad).
    pub rows: u64,
    /// Rows skipped.
    pub skipped: Skipped,
}

/// One activity row: a person's sessions (and minutes) on a day.
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

/// The activity export, with users interned in order of first appearance.
#[derive(Debug, Default, Clone)]
pub struct Activity {
    /// Every good row.
    pub days: Vec<Day>,
    /// User keys by index.
    pub users: Vec<Box<str>>,
    /// Whether the file has a minutes column.
    pub has_minutes: bool,
    /// Earliest and latest day in the file.
    pub span: Option<(i32, i32)>,
    /// Rows read (good and bad).
    pub rows: u64,
    /// Rows skipped.
    pub skipped: Skipped,
}

/// One survey answer; any answer may be blank.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The person's user key.
    pub user: Box<str>,
    /// Days after their training completed.
    pub day: i32,
    /// Hours saved a week.
    pub hours_saved: Option<f64>,
    /// "How integrated in your daily workflow", 1–5.
    pub integration: Option<f64>,
    /// Satisfaction, 1–5.
    pub satisfaction: Option<f64>,
    /// Outputs reviewed before use, 0–1.
    pub reviewed: Option<f64>,
    /// Task categories named.
    pub tasks: Vec<String>,
}

/// The pulse survey.
#[derive(Debug, Default, Clone)]
pub struct Survey {
    /// Every good answer, one per person and day.
    pub answers: Vec<Answer>,
    /// Rows read (good and bad).
    pub rows: u64,
    /// Rows skipped.
    pub skipped: Skipped,
}

/// A file opened for reading: its kind, its table and where each of its kind's columns is.
pub struct Opened<R: Read> {
    /// What the file is.
    pub kind: FileKind,
    /// Its records.
    pub table: Table<R>,
    /// The index of each of [`columns`]`(kind)` in its rows, if present.
    pub at: Vec<Option<usize>>,
}

/// Opens `source` as a file of `kind` (or of the kind its header shows) and checks its columns.
pub fn open<R: Read>(kind: Option<FileKind>, source: R) -> Result<Opened<R>, FileProblem> {
    let unreadable = |kind, e: Unreadable| FileProblem { kind, message: e.message() };
    let table = Table::open(source).map_err(|e| unreadable(kind, e))?;
    let kind = match kind.or_else(|| detect(&table.headers)) {
        Some(kind) => kind,
        None => {
            let message = format!(
                "is not a roster, activity or survey file: its columns are {}; a roster needs user, department and \
                 completed_on, an activity export date, user and sessions, a survey user, day and answers",
                found(&table.headers)
            );
            return Err(FileProblem { kind: None, message });
        }
    };
    let at = table.locate(columns(kind)).map_err(|missing| FileProblem {
        kind: Some(kind),
        message: format!(
            "lacks the column{} {}; the columns found are {}",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            found(&table.headers)
        ),
    })?;
    if kind == FileKind::Survey && at[2..6].iter().all(Option::is_none) {
        let message = format!(
            "has no answer column (hours_saved, integration, satisfaction or reviewed); the columns found are {}",
            found(&table.headers)
        );
        return Err(FileProblem { kind: Some(kind), message });
    }
    Ok(Opened { kind, table, at })
}

/// "user, dept, day" — the headers a file has, for messages.
fn found(headers: &[String]) -> String {
    let names: Vec<&str> = headers.iter().map(String::as_str).filter(|h| !h.is_empty()).collect();
    if names.is_empty() { "none".into() } else { names.join(", ") }
}

/// The text of field `at` of `record`, trimmed; empty when the column is absent or the row short.
fn field(record: &ByteRecord, at: Option<usize>) -> Result<&str, &'static str> {
    match at.and_then(|i| record.get(i)) {
        None => Ok(""),
        Some(bytes) => std::str::from_utf8(bytes.trim_ascii()).map_err(|_| "holds text that is not UTF-8"),
    }
}

/// Reads every row of `table`, handing each one's fields to `row`, which returns why it is skipped.
fn each_row<R: Read>(
    kind: FileKind,
    table: &mut Table<R>,
    rows: &mut u64,
    skipped: &mut Skipped,
    width: usize,
    mut row: impl FnMut(u64, &ByteRecord) -> Result<(), String>,
) -> Result<(), FileProblem> {
    let most = max_rows(kind);
    while let Some(next) = table.next_record() {
        *rows += 1;
        if *rows > most {
            let message = format!(
                "has more than {} rows, the most one import reads; split it (by date or department) and import the \
                 part you need",
                grouped(most)
            );
            return Err(FileProblem { kind: Some(kind), message });
        }
        match next {
            Ok((_, record)) if record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii().is_empty()) => {
                // A line of spaces is not data: neither read nor skipped.
                *rows -= 1;
            }
            Ok((line, record)) if record.len() < width => {
                skipped.add(kind, line, format!("has {} fields where the header has {width}", record.len()));
            }
            Ok((line, record)) => {
                if let Err(why) = row(line, record) {
                    skipped.add(kind, line, why);
                }
            }
            Err((0, why)) => return Err(FileProblem { kind: Some(kind), message: why }),
            Err((line, why)) => skipped.add(kind, line, why),
        }
    }
    Ok(())
}

/// Reads a roster.
pub fn read_roster<R: Read>(table: &mut Table<R>, at: &[Option<usize>]) -> Result<Roster, FileProblem> {
    let mut roster = Roster::default();
    let mut lines: Vec<u64> = Vec::new();
    let Roster { people, index, departments, cohorts, rows, skipped } = &mut roster;
    let width = width(table.headers.len(), at);
    each_row(FileKind::Roster, table, rows, skipped, width, |line, record| {
        let user = field(record, at[0])?;
        let department = field(record, at[1])?;
        let completed = field(record, at[2])?;
        let licensed = field(record, at[3])?;
        let cohort = field(record, at[4])?;
        if user.is_empty() {
            return Err("has no user".into());
        }
        if department.is_empty() {
            return Err("has no department".into());
        }
        if department.chars().count() > MAX_NAME || cohort.chars().count() > MAX_NAME {
            return Err("has a department or cohort name longer than 80 characters".into());
        }
        let completed = match completed {
            "" => None,
            text => Some(parse_date(text).ok_or_else(|| bad("completed_on", text, "an ISO date such as 2026-03-02"))?),
        };
        let licensed = match licensed.to_ascii_lowercase().as_str() {
            "" | "true" | "yes" | "y" | "1" => true,
            "false" | "no" | "n" | "0" => false,
            _ => return Err(bad("licensed", licensed, "true or false")),
        };
        let key = user_key(user);
        if let Some(&first) = index.get(&key) {
            return Err(format!(
                "lists {user} again (first on line {}); only the first is used",
                lines[first as usize]
            ));
        }
        let department = match departments.iter().position(|d| d == department) {
            Some(i) => i,
            None if departments.len() < MAX_DEPARTMENTS => {
                departments.push(department.to_owned());
                departments.len() - 1
            }
            None => return Err("names a department beyond the 500 a roster may have".into()),
        };
        let cohort = (!cohort.is_empty()).then(|| match cohorts.iter().position(|c| c == cohort) {
            Some(i) => i,
            None => {
                cohorts.push(cohort.to_owned());
                cohorts.len() - 1
            }
        });
        index.insert(key, people.len() as u32);
        lines.push(line);
        people.push(Person { department: department as u32, completed, licensed, cohort: cohort.map(|c| c as u32) });
        Ok(())
    })?;
    Ok(roster)
}

/// Reads an activity export.
pub fn read_activity<R: Read>(table: &mut Table<R>, at: &[Option<usize>]) -> Result<Activity, FileProblem> {
    let mut activity = Activity { has_minutes: at[3].is_some(), ..Activity::default() };
    let Activity { days, users, span, rows, skipped, .. } = &mut activity;
    let mut interned: HashMap<Box<str>, u32> = HashMap::default();
    // Exports are sorted by date, so the last date read almost always is the next one.
    let mut last_date: (Vec<u8>, i32) = (Vec::new(), 0);
    let decimal_comma = table.delimiter != b',';
    let width = width(table.headers.len(), at);
    each_row(FileKind::Activity, table, rows, skipped, width, |_, record| {
        // The fast paths read plain digits straight from the bytes; anything else takes the careful
        // path, which also words the error.
        let raw = |i: usize| at[i].and_then(|i| record.get(i)).unwrap_or_default();
        let day = if raw(0) == last_date.0.as_slice() {
            last_date.1
        } else {
            let date = field(record, at[0])?;
            let day = parse_date(date).ok_or_else(|| bad("date", date, "an ISO date such as 2026-03-02"))?;
            last_date = (raw(0).to_vec(), day);
            day
        };
        let user = field(record, at[1])?;
        if user.is_empty() {
            return Err("has no user".into());
        }
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
        let minutes = match plain_decimal(raw(3)) {
            Some(x) if x <= 1_440.0 => x,
            _ => match field(record, at[3])? {
                "" => 0.0,
                text => number(text, decimal_comma)
                    .filter(|m| (0.0..=1_440.0).contains(m))
                    .ok_or_else(|| bad("minutes", text, "a number of minutes from 0 to 1,440"))?,
            },
        };
        let known = if is_key(user) { interned.get(user) } else { interned.get(&*user_key(user)) };
        let id = match known {
            Some(&id) => id,
            None => {
                let id = users.len() as u32;
                users.push(user_key(user));
                interned.insert(user_key(user), id);
                id
            }
        };
        *span = Some(span.map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))));
        days.push(Day { user: id, day, sessions, minutes });
        Ok(())
    })?;
    Ok(activity)
}

/// Reads a survey; a second answer of one person for one day is skipped.
pub fn read_survey<R: Read>(table: &mut Table<R>, at: &[Option<usize>]) -> Result<Survey, FileProblem> {
    let mut survey = Survey::default();
    let Survey { answers, rows, skipped } = &mut survey;
    let mut seen: HashMap<(Box<str>, i32), u64> = HashMap::default();
    let decimal_comma = table.delimiter != b',';
    let width = width(table.headers.len(), at);
    each_row(FileKind::Survey, table, rows, skipped, width, |line, record| {
        let user = field(record, at[0])?;
        if user.is_empty() {
            return Err("has no user".into());
        }
        let day = field(record, at[1])?;
        let day = day
            .parse::<i32>()
            .ok()
            .filter(|d| (0..=365).contains(d))
            .ok_or_else(|| bad("day", day, "a whole number of days after training, 0 to 365"))?;
        let score = |i: usize, name: &str, lo: f64, hi: f64, rule: &str| -> Result<Option<f64>, String> {
            if let Some(x) = plain_decimal(at[i].and_then(|i| record.get(i)).unwrap_or_default())
                && (lo..=hi).contains(&x)
            {
                return Ok(Some(x));
            }
            match field(record, at[i])? {
                "" => Ok(None),
                text => number(text, decimal_comma)
                    .filter(|x| (lo..=hi).contains(x))
                    .map(Some)
                    .ok_or_else(|| bad(name, text, rule)),
            }
        };
        let hours_saved = score(2, "hours_saved", 0.0, 80.0, "a number of hours from 0 to 80")?;
        let integration = score(3, "integration", 1.0, 5.0, "a score from 1 to 5")?;
        let satisfaction = score(4, "satisfaction", 1.0, 5.0, "a score from 1 to 5")?;
        let reviewed = match field(record, at[5])? {
            "" => None,
            text if ["yes", "y", "true"].iter().any(|w| text.eq_ignore_ascii_case(w)) => Some(1.0),
            text if ["no", "n", "false"].iter().any(|w| text.eq_ignore_ascii_case(w)) => Some(0.0),
            text => Some(
                number(text, decimal_comma)
                    .filter(|x| (0.0..=1.0).contains(x))
                    .ok_or_else(|| bad("reviewed", text, "yes, no or a share from 0 to 1"))?,
            ),
        };
        if hours_saved.is_none() && integration.is_none() && satisfaction.is_none() && reviewed.is_none() {
            return Err("has no answer".into());
        }
        let tasks =
            field(record, at[6])?.split(';').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
        let key = user_key(user);
        if let Some(first) = seen.insert((key.clone(), day), line) {
            return Err(format!(
                "is a second answer of {user} for day {day} (first on line {first}); only the first is used"
            ));
        }
        answers.push(Answer { user: key, day, hours_saved, integration, satisfaction, reviewed, tasks });
        Ok(())
    })?;
    Ok(survey)
}

/// "sessions is "abc"; it must be a whole number from 0 to 1,000" — quoting at most 40 characters.
fn bad(column: &str, text: &str, rule: &str) -> String {
    let shown: String = text.chars().take(40).collect();
    let more = if text.chars().count() > 40 { "…" } else { "" };
    format!("has {column} \"{shown}{more}\"; it must be {rule}")
}

/// `12`, `7.5`: a plain non-negative decimal of at most 15 digits, read without any text
/// conversion. It is exactly what `str::parse::<f64>` gives (an integer below 2^53 divided by a power
/// of ten is correctly rounded). None for anything else, which the careful path then reads.
fn plain_decimal(bytes: &[u8]) -> Option<f64> {
    let (mut mantissa, mut digits, mut scale, mut point) = (0u64, 0u32, 1u64, false);
    for &b in bytes {
        match b {
            b'0'..=b'9' if digits < 15 => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                if point {
                    scale *= 10;
                }
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    (digits > 0).then(|| mantissa as f64 / scale as f64)
}

/// A number as a spreadsheet exports it; with `decimal_comma` (files delimited by `;` or tab),
/// `2,5` is two and a half.
fn number(text: &str, decimal_comma: bool) -> Option<f64> {
    let value = if decimal_comma && text.contains(',') && !text.contains('.') {
        text.replace(',', ".").parse::<f64>().ok()
    } else {
        text.parse::<f64>().ok()
    };
    value.filter(|x| x.is_finite())
}

/// The day number (Julian day) of an ISO date `2026-03-02`, also when a time follows it
/// (`2026-03-02T09:15:00Z`, `2026-03-02 09:15`).
pub fn parse_date(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || (bytes.len() > 10 && !matches!(bytes[10], b'T' | b't' | b' ')) {
        return None;
    }
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<i32> {
        bytes[range].iter().try_fold(0i32, |n, &b| b.is_ascii_digit().then(|| n * 10 + i32::from(b - b'0')))
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date = time::Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()?;
    Some(date.to_julian_day())
}

/// The ISO text of day number `day`.
pub fn format_date(day: i32) -> String {
    match time::Date::from_julian_day(day) {
        Ok(date) => format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day()),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_read_exactly_as_the_standard_parser() {
        for text in ["0", "7", "12.5", "7.3", "0.1", "1440", "123456789012345", "3.", "0.00000000000001"] {
            assert_eq!(plain_decimal(text.as_bytes()), text.parse::<f64>().ok(), "{text}");
        }
        for text in ["", ".", "-1", "1e3", "1,5", " 3", "1.2.3", "1234567890123456", "0.000000000000001"] {
            assert_eq!(plain_decimal(text.as_bytes()), None, "{text}");
        }
    }
}
