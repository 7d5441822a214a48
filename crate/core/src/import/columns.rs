//! Which file is which: the columns of SPEC 4's roster, activity export and survey under their common
//! aliases, recognising a file's kind from its header, and opening it with every required column
//! located (or saying which are missing, and which columns the file has).

use std::io::Read;

use super::table::{Column, Table, Unreadable};
use super::{FileKind, FileProblem};

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
