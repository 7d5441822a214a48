//! A file whose shape is not recognised, read with the columns the person chose (docs/model.md#choosing-columns):
//! what the column mapper is shown of it (its header, its first rows, which header looks like which
//! column), and the read itself, through the same readers as a recognised file in the product's own
//! roster or daily usage shape — so dates, skipped rows and limits behave the same.

use std::io::{self, Read};

use super::columns::Opened;
use super::shapes::{CHOSEN, Shape, recognise};
use super::source::Fingerprint;
use super::table::{Column, PEEK, Table, normalize};
use super::{FileKind, FileProblem};

/// The columns a person chose for a file: what it holds, and which header holds each column of that
/// kind's own shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    /// A roster or an activity export (a survey's columns cannot be chosen).
    pub kind: FileKind,
    /// Each chosen column's name in the kind's own shape (`user`, `completed_on`, `sessions`) and the
    /// index, from 0, of the header that holds it.
    pub columns: Vec<(String, usize)>,
}

/// A column the mapper offers: its name in the kind's own shape, whether it is required, and the
/// header that looks like it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Choosable {
    /// Its name (`completed_on`).
    pub name: &'static str,
    /// Whether a file without it cannot be used.
    pub required: bool,
    /// The index of a header whose name looks like it, if one does.
    pub guess: Option<usize>,
}

/// The start of a file, as the mapper shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    /// The header names as the file spells them.
    pub headers: Vec<String>,
    /// The first rows, each with one cell per header (blank where the row is short).
    pub rows: Vec<Vec<String>>,
}

/// Words a header's own words start with when it holds the column, most telling first (tried after the
/// exact names and aliases): `Work email` is a person, `Time (min)` minutes.
const HINTS: [(&str, &[&str]); 8] = [
    ("user", &["email", "mail", "user", "employee", "person", "who", "member", "upn", "principal", "login"]),
    ("department", &["department", "dept", "team", "division", "unit", "org", "function", "business"]),
    ("completed_on", &["completed", "completion", "complete", "finished", "trained", "passed", "done"]),
    ("licensed", &["licen", "seat"]),
    ("cohort", &["cohort", "wave", "batch"]),
    ("date", &["date", "day", "when", "timestamp"]),
    ("sessions", &["session", "chat", "conversation", "count", "prompt", "message", "request", "uses", "visits"]),
    ("minutes", &["minute", "min", "mins", "duration", "time"]),
];

/// The own shape of `kind` read with chosen columns, if its columns can be chosen.
fn chosen_shape(kind: FileKind) -> Option<&'static Shape> {
    CHOSEN.iter().find(|s| s.kind == kind)
}

/// Whether a column of the own shapes is offered: all but the GitHub login, which only matters beside
/// a GitHub Copilot export (whose own shape is recognised).
fn offered(column: &Column) -> bool {
    column.name != "login"
}

/// The columns of `kind` the person may choose, in its shape's order, each with the header of `headers`
/// that looks like it (no header guessed twice). None for a survey.
pub(crate) fn choosable(kind: FileKind, headers: &[String]) -> Vec<Choosable> {
    let Some(shape) = chosen_shape(kind) else { return Vec::new() };
    let normalized: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    let columns: Vec<&Column> = shape.columns.iter().filter(|c| offered(c)).collect();
    let mut guesses: Vec<Option<usize>> = vec![None; columns.len()];
    // Exact names and aliases first, so a looser match of an earlier column cannot take them.
    for (guess, column) in guesses.iter_mut().zip(&columns) {
        *guess = normalized.iter().position(|h| h == column.name || column.aliases.contains(&h.as_str()));
    }
    for i in 0..columns.len() {
        if guesses[i].is_some() {
            continue;
        }
        let hints = HINTS.iter().find(|(name, _)| *name == columns[i].name).map_or(&[][..], |h| h.1);
        // The hints in order, so `Time (min)` is taken for minutes before a `Timestamp`.
        guesses[i] = hints.iter().find_map(|hint| {
            normalized.iter().enumerate().position(|(at, header)| {
                !guesses.contains(&Some(at))
                    && header
                        .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
                        .any(|word| word.starts_with(hint))
            })
        });
    }
    columns
        .iter()
        .zip(guesses)
        .map(|(column, guess)| Choosable { name: column.name, required: column.required, guess })
        .collect()
}

/// The kind `headers` look more like: the one their shape is recognised as, or else the one with more
/// of its columns guessed (required ones counting twice), a roster when even.
pub(crate) fn looks_like(headers: &[String]) -> FileKind {
    if let Some(shape) = recognise(headers, None)
        && chosen_shape(shape.kind).is_some()
    {
        return shape.kind;
    }
    let score = |kind| -> usize {
        choosable(kind, headers).iter().filter(|c| c.guess.is_some()).map(|c| if c.required { 2 } else { 1 }).sum()
    };
    if score(FileKind::Activity) > score(FileKind::Roster) { FileKind::Activity } else { FileKind::Roster }
}

/// The key a mapping is saved under in the browser: the normalized headers joined by U+001F.
pub(crate) fn header_key(headers: &[String]) -> String {
    let mut key = String::new();
    for (i, header) in headers.iter().enumerate() {
        if i > 0 {
            key.push('\u{1f}');
        }
        key.push_str(&normalize(header));
    }
    key
}

/// Reads the header and the first `rows` rows of `source`, which may be only the start of a file: of
/// the first 64 KiB, the part after the last line break (a line cut short) is left out. Blank lines and
/// rows that cannot be read as CSV are not shown.
pub(crate) fn head(mut source: impl Read, rows: usize) -> Result<Head, FileProblem> {
    let mut start = vec![0; PEEK];
    let mut filled = 0;
    while filled < PEEK {
        match source.read(&mut start[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) => return Err(FileProblem::new(None, format!("could not be read: {e}"))),
        }
    }
    start.truncate(filled);
    if start.len() == PEEK
        && let Some(end) = start.iter().rposition(|&b| b == b'\n')
    {
        start.truncate(end + 1);
    }
    // The bytes reach the CSV reader as the same type as `Dataset::read`'s source (what was peeked, then
    // the rest: nothing), so the reader is compiled once, not again for a byte slice.
    let mut rest = Fingerprint::new(Box::new(io::empty()) as Box<dyn Read>);
    let source = io::Cursor::new(start).chain(&mut rest);
    let mut table = Table::open(source).map_err(|e| FileProblem::new(None, e.message()))?;
    let width = table.headers.len();
    let mut shown = Vec::new();
    while shown.len() < rows
        && let Some(next) = table.next_record()
    {
        match next {
            Ok((_, record)) if record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii().is_empty()) => {}
            Ok((_, record)) => shown.push(
                (0..width)
                    .map(|i| String::from_utf8_lossy(record.get(i).unwrap_or_default().trim_ascii()).into_owned())
                    .collect(),
            ),
            Err((0, _)) => break,
            Err(_) => {}
        }
    }
    Ok(Head { headers: table.headers, rows: shown })
}

/// Opens `source` as a file of `map`'s kind with `map`'s columns, or says what is wrong with the map:
/// a column that is not the kind's, chosen twice or beyond the header, one header chosen for two
/// columns, or required columns left unchosen (named).
pub(super) fn open<R: Read>(map: &ColumnMap, source: R) -> Result<Opened<R>, FileProblem> {
    let kind = Some(map.kind);
    let Some(shape) = chosen_shape(map.kind) else {
        let message = "cannot have its columns chosen: only a roster's or an activity export's can".to_owned();
        return Err(FileProblem::new(kind, message));
    };
    let table = Table::open(source).map_err(|e| FileProblem::new(kind, e.message()))?;
    let at = locate(shape, map, &table.headers).map_err(|message| FileProblem::new(kind, message))?;
    Ok(Opened { shape, table, at })
}

/// Where each of `shape`'s columns is in a file with `headers`, as `map` chose.
fn locate(shape: &Shape, map: &ColumnMap, headers: &[String]) -> Result<Vec<Option<usize>>, String> {
    let names = |required: bool| -> Vec<&str> {
        shape.columns.iter().filter(|c| offered(c) && (c.required || !required)).map(|c| c.name).collect()
    };
    let all = names(false);
    let kind = shape.kind.name();
    let mut at: Vec<Option<usize>> = vec![None; shape.columns.len()];
    for (name, index) in &map.columns {
        let Some(i) = shape.columns.iter().position(|c| c.name == name && offered(c)) else {
            return Err(format!(
                "has no column \"{}\" to choose; a {kind}'s are {}",
                name.chars().take(40).collect::<String>(),
                all.join(", ")
            ));
        };
        if at[i].is_some() {
            return Err(format!("has {name} chosen twice"));
        }
        let Some(header) = headers.get(*index) else {
            return Err(format!(
                "has no column {} to read {name} from: its header has {} column{} (numbered from 0)",
                index,
                headers.len(),
                if headers.len() == 1 { "" } else { "s" }
            ));
        };
        if let Some(other) = at.iter().position(|a| *a == Some(*index)) {
            let other = shape.columns.get(other).map_or("", |c| c.name);
            return Err(format!("has the same column, \"{header}\", chosen for both {other} and {name}"));
        }
        at[i] = Some(*index);
    }
    let missing: Vec<&str> =
        shape.columns.iter().zip(&at).filter(|(c, a)| c.required && a.is_none()).map(|(c, _)| c.name).collect();
    if !missing.is_empty() {
        return Err(format!(
            "has no column chosen for {}; a {kind} needs {}",
            and_list(&missing),
            and_list(&names(true))
        ));
    }
    Ok(at)
}

/// "user, department and completed_on".
fn and_list(names: &[&str]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|&n| n.to_owned()).collect()
    }

    #[test]
    fn loose_header_names_are_guessed_once_each() {
        let roster = choosable(FileKind::Roster, &headers(&["Work email", "Team", "Finished", "Seat?"]));
        let guesses: Vec<_> = roster.iter().map(|c| (c.name, c.guess)).collect();
        assert_eq!(
            guesses,
            [
                ("user", Some(0)),
                ("department", Some(1)),
                ("completed_on", Some(2)),
                ("licensed", Some(3)),
                ("cohort", None)
            ]
        );
        // An exact alias wins over a looser match of an earlier column.
        let activity = choosable(FileKind::Activity, &headers(&["Timestamp", "Who", "day", "Chats", "Time (min)"]));
        let guesses: Vec<_> = activity.iter().map(|c| (c.name, c.guess)).collect();
        assert_eq!(guesses, [("date", Some(2)), ("user", Some(1)), ("sessions", Some(3)), ("minutes", Some(4))]);
        assert!(choosable(FileKind::Survey, &headers(&["user"])).is_empty());
    }

    #[test]
    fn lists_read_in_words() {
        assert_eq!(and_list(&["user"]), "user");
        assert_eq!(and_list(&["user", "department", "completed_on"]), "user, department and completed_on");
    }
}
