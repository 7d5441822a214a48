//! Claude Enterprise analytics per user (docs/model.md#claude-enterprise-analytics-per-user): what its
//! sessions are, and the day of an export whose rows have no date — the one in the file's name, or else
//! the one the person gives when asked. Its rows are read by `json.rs` (the Analytics API's JSON) and
//! `daily.rs` (a CSV flattening).

use super::{FileKind, FileProblem};

/// What the Enterprise rows' sessions are, for the file's notes.
pub const ENTERPRISE_SESSIONS: &str = "Sessions are each person's chat conversations (chat_metrics.distinct_conversation_count) \
     plus their Claude Code sessions (claude_code_metrics.core_metrics.distinct_session_count) of the day.";

/// The day of a file's rows that have no date, and where it came from (for the file's notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileDay {
    /// The day, as a Julian day number.
    pub day: i32,
    /// Whether the person gave it ([`super::Dataset::read_on_day`]) rather than the file's name.
    pub given: bool,
}

impl FileDay {
    /// The day a file's `name` gives (the first `YYYY-MM-DD` in it, as in `claude-analytics-2025-09-08.csv`).
    pub fn of_name(name: &str) -> Option<Self> {
        day_of_name(name).map(|day| Self { day, given: false })
    }

    /// The note of a file whose rows took this day.
    pub fn note(self) -> String {
        let day = super::values::format_date(self.day);
        let source = if self.given { "the day given for the file" } else { "the day in the file's name" };
        format!("Its rows have no date: they are of {day}, {source}.")
    }
}

/// The first `YYYY-MM-DD` in `name` that is a date, not preceded by a digit.
fn day_of_name(name: &str) -> Option<i32> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let part = bytes.get(i..i + 10)?;
        let shaped =
            part.iter().enumerate().all(|(j, b)| if j == 4 || j == 7 { *b == b'-' } else { b.is_ascii_digit() });
        let before = i.checked_sub(1).and_then(|j| bytes.get(j)).is_some_and(u8::is_ascii_digit);
        if shaped && !before { super::values::parse_date(std::str::from_utf8(part).ok()?) } else { None }
    })
}

/// The problem of an Enterprise file whose rows have no date and whose name gives none: it can be read
/// once the person says which day it covers ([`FileProblem::asks_day`]).
pub fn undated(kind: FileKind) -> FileProblem {
    let message =
        "is a Claude Enterprise analytics export of one day, but its day could not be known: its rows have no \
         date and its name none. Say which day it covers, or rename the file with that day (for example \
         claude-analytics-2025-09-08.json) and add it again"
            .to_owned();
    FileProblem { asks_day: true, ..FileProblem::new(Some(kind), message) }
}
