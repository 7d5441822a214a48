//! The roster (who was trained, where, when) and the pulse survey (answers at a day) read row by row
//! into compact data (docs/model.md#import); the usage exports have readers of their own by shape.
//! A bad row is skipped with its line and reason; it never stops the good rows being read.

use rustc_hash::FxHashMap as HashMap;
use std::io::Read;

use csv::ByteRecord;

use super::dates::{self, DateOrder, Dates};
use super::table::Table;
use super::values::{bad, number, plain_decimal, user_key};
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

/// The department of everyone in a roster that names none (a learning system's report).
pub const ALL_STAFF: &str = "All staff";
/// Longest department or cohort name, as everywhere in the product.
const MAX_NAME: usize = 80;
/// The most departments a roster may have (a measurements document holds at most 500).
const MAX_DEPARTMENTS: usize = 500;
/// More sessions in a day than anyone has; a row above it is a data error.
pub(super) const MAX_SESSIONS: u32 = 1_000;

/// Width of the rows of a file whose wanted columns are at `at`: fields after the last wanted one
/// may be missing.
pub(super) fn width(headers: usize, at: &[Option<usize>]) -> usize {
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
    /// Counts a skipped row, listing it when fewer than [`LISTED_PROBLEMS`] are.
    pub fn add(&mut self, kind: FileKind, line: u64, message: impl Into<String>) {
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
    /// Where the saved time went: the categories named (customer work, learning…).
    pub reinvested: Vec<String>,
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

/// The text of field `at` of `record`, trimmed; empty when the column is absent or the row short.
pub(super) fn field(record: &ByteRecord, at: Option<usize>) -> Result<&str, &'static str> {
    match at.and_then(|i| record.get(i)) {
        None => Ok(""),
        Some(bytes) => std::str::from_utf8(bytes.trim_ascii()).map_err(|_| "holds text that is not UTF-8"),
    }
}

/// Reads every row of `table`, handing each one's fields to `row`, which returns why it is skipped.
pub(super) fn each_row<R: Read>(
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
            return Err(FileProblem::new(Some(kind), message));
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
            Err((0, why)) => return Err(FileProblem::new(Some(kind), why)),
            Err((line, why)) => skipped.add(kind, line, why),
        }
    }
    Ok(())
}

/// Reads a roster, its dates in `order` when one was chosen; a learning system's report
/// may name no department (everyone is then in [`ALL_STAFF`]) and writes completion as a state.
pub fn read_roster<R: Read>(
    table: &mut Table<R>,
    at: &[Option<usize>],
    learning_system: bool,
    order: Option<DateOrder>,
) -> Result<Roster, FileProblem> {
    let mut roster = Roster::default();
    let mut lines: Vec<u64> = Vec::new();
    let mut dates = Dates::new(order);
    let completion_column = at[2].and_then(|i| table.headers.get(i)).cloned().unwrap_or_default();
    let Roster { people, index, departments, cohorts, rows, skipped, .. } = &mut roster;
    let width = width(table.headers.len(), at);
    each_row(FileKind::Roster, table, rows, skipped, width, |line, record| {
        let user = field(record, at[0])?;
        let department = match (field(record, at[1])?, at[1]) {
            ("", None) if learning_system => ALL_STAFF,
            ("", Some(_)) if learning_system => "Unassigned",
            (department, _) => department,
        };
        let completed = field(record, at[2])?;
        let licensed = field(record, at[3])?;
        let cohort = field(record, at[4])?;
        let login = field(record, at.get(5).copied().flatten())?;
        if user.is_empty() {
            return Err("has no user".into());
        }
        if department.is_empty() {
            return Err("has no department".into());
        }
        if department.chars().count() > MAX_NAME || cohort.chars().count() > MAX_NAME {
            return Err("has a department or cohort name longer than 80 characters".into());
        }
        let completed = match completion(completed, learning_system) {
            Ok(None) => None,
            Ok(Some((text, reading))) => Some(dates.day(reading, text, &completion_column, line)?),
            Err(()) if learning_system => {
                return Err(bad(&completion_column, completed, "a completion date, or a state such as Not completed"));
            }
            Err(()) => return Err(bad("completed_on", completed, "an ISO date such as 2026-03-02")),
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
        let person = people.len() as u32;
        index.insert(key, person);
        if !login.is_empty() {
            // A login (GitHub's) finds the same person; an email address already taken wins.
            index.entry(user_key(login)).or_insert(person);
        }
        if let Some((_, month_first)) = completed {
            dates.hold(people.len(), 0, month_first);
        }
        lines.push(line);
        let completed = completed.map(|(day, _)| day);
        people.push(Person { department: department as u32, completed, licensed, cohort: cohort.map(|c| c as u32) });
        Ok(())
    })?;
    let held = dates.finish().map_err(|message| FileProblem::asking(FileKind::Roster, message))?;
    for h in held {
        if let Some(person) = roster.people.get_mut(h.row as usize) {
            person.completed = Some(h.month_first);
        }
    }
    Ok(roster)
}

/// A completion field: none when not completed, or the date text and how it reads; with
/// `learning_system`, states such as "Not completed" and "Completed 03/03/25, 10:12" too.
fn completion(text: &str, learning_system: bool) -> Result<Option<(&str, dates::Reading)>, ()> {
    const NOT_DONE: [&str; 8] =
        ["not completed", "not complete", "incomplete", "in progress", "not started", "-", "no", "false"];
    if text.is_empty() || learning_system && NOT_DONE.iter().any(|w| text.eq_ignore_ascii_case(w)) {
        return Ok(None);
    }
    let mut date = text;
    if learning_system {
        for word in ["completed", "complete"] {
            if date.len() >= word.len()
                && date.is_char_boundary(word.len())
                && date[..word.len()].eq_ignore_ascii_case(word)
            {
                date = &date[word.len()..];
                break;
            }
        }
        date = date.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '(' | ')' | ',' | '-'));
    }
    dates::parse(date).map(|reading| Some((date, reading))).ok_or(())
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
        let list = |i: usize| -> Result<Vec<String>, String> {
            let text = field(record, at.get(i).copied().flatten())?;
            Ok(text.split(';').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect())
        };
        let (tasks, reinvested) = (list(6)?, list(7)?);
        let key = user_key(user);
        if let Some(first) = seen.insert((key.clone(), day), line) {
            return Err(format!(
                "is a second answer of {user} for day {day} (first on line {first}); only the first is used"
            ));
        }
        answers.push(Answer { user: key, day, hours_saved, integration, satisfaction, reviewed, tasks, reinvested });
        Ok(())
    })?;
    Ok(survey)
}
