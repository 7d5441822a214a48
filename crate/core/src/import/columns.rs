//! Which file is which: recognising a file's shape from its header ([`super::shapes`]), and opening
//! it with every column its shape needs located (or saying which are missing, and which columns the
//! file has).

use std::io::Read;

use super::shapes::{self, Shape};
use super::table::{Table, Unreadable};
use super::{FileKind, FileProblem};

/// A file opened for reading: its shape, its table and where each of its shape's columns is.
pub struct Opened<R: Read> {
    /// What the file is.
    pub shape: &'static Shape,
    /// Its records.
    pub table: Table<R>,
    /// The index of each of the shape's columns in its rows, if present.
    pub at: Vec<Option<usize>>,
}

/// Opens `source` as a file of `kind` (or of the kind its header shows) and checks its columns.
pub fn open<R: Read>(kind: Option<FileKind>, source: R) -> Result<Opened<R>, FileProblem> {
    let unreadable = |kind, e: Unreadable| FileProblem::new(kind, e.message());
    let table = Table::open(source).map_err(|e| unreadable(kind, e))?;
    let Some(shape) = shapes::recognise(&table.headers, kind) else {
        let message = format!(
            "is not a roster, activity or survey file: its columns are {}; a roster needs user, department and \
             completed_on, an activity export date, user and sessions, a survey user, day and answers",
            found(&table.headers)
        );
        return Err(FileProblem::not_recognised(None, message));
    };
    let kind = Some(shape.kind);
    let at = table.locate(shape.columns).map_err(|missing| {
        let message = format!(
            "lacks the column{} {}; the columns found are {}",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            found(&table.headers)
        );
        // A roster or usage export of the product's shapes that lacks columns may hold them under
        // other names: the person may choose them.
        if matches!(shape.kind, FileKind::Roster | FileKind::Activity) {
            FileProblem::not_recognised(kind, message)
        } else {
            FileProblem::new(kind, message)
        }
    })?;
    if shape.kind == FileKind::Survey && at[2..6].iter().all(Option::is_none) {
        let message = format!(
            "has no answer column (hours_saved, integration, satisfaction or reviewed); the columns found are {}",
            found(&table.headers)
        );
        return Err(FileProblem::new(kind, message));
    }
    Ok(Opened { shape, table, at })
}

/// "user, dept, day" — the headers a file has, for messages.
pub(super) fn found(headers: &[String]) -> String {
    let names: Vec<&str> = headers.iter().map(String::as_str).filter(|h| !h.is_empty()).collect();
    if names.is_empty() { "none".into() } else { names.join(", ") }
}
