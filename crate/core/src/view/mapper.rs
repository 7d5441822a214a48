//! The column mapper (docs/model.md#choosing-columns): what the person is shown of a file whose shape
//! was not recognised, to say what it holds and which column is which — its header, its first rows
//! (the values each choice would read), the columns of a roster and of a usage export in plain words,
//! each with the header that looks like it, and the key the browser saves the choice under for the
//! next file with the same header. The choice is then read by [`crate::import::Dataset::read_mapped`].

use std::io::Read;

use serde::Serialize;

use crate::import::{FileKind, FileProblem, choosable, head, header_key, looks_like};

/// How many of a file's first rows the mapper shows.
pub const PREVIEW_ROWS: usize = 5;
/// The most characters a shown cell or header has (a longer one is cut, ending in "…").
pub const PREVIEW_CHARS: usize = 80;

/// The mapper of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MapperView {
    /// The file's name.
    pub name: String,
    /// The key the browser saves the choice under: the normalized headers joined by U+001F.
    pub key: String,
    /// The header names as the file spells them (each at most [`PREVIEW_CHARS`] characters).
    pub headers: Vec<String>,
    /// The first rows (at most [`PREVIEW_ROWS`]), one cell per header, each at most [`PREVIEW_CHARS`]
    /// characters.
    pub rows: Vec<Vec<String>>,
    /// The kind the header looks more like.
    pub guess: FileKind,
    /// What the file may be: a roster, then a usage export.
    pub kinds: Vec<MapperKind>,
}

/// What a file may be, and the columns it then has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MapperKind {
    /// The kind.
    pub kind: FileKind,
    /// "A roster: one row per trained person".
    pub label: String,
    /// Its columns, in the order of its own shape.
    pub roles: Vec<Role>,
}

/// A column the person chooses a header for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Role {
    /// The column's name in the kind's own shape (`user`, `completed_on`, `sessions`): the key of the
    /// choice.
    pub name: String,
    /// What it holds, in plain words ("The person (email or id)").
    pub label: String,
    /// Whether the file cannot be read without it.
    pub required: bool,
    /// The index of a header whose name looks like it, if one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guess: Option<usize>,
}

/// The mapper of the file called `name`, from its start: `source` may be the first 64 KiB only (a line
/// cut at the end is not shown). Fails as the read would on a file that is empty, binary or not UTF-8.
pub fn mapper_view(name: &str, source: impl Read) -> Result<MapperView, FileProblem> {
    let head = head(source, PREVIEW_ROWS)?;
    let kinds = [FileKind::Roster, FileKind::Activity]
        .into_iter()
        .map(|kind| MapperKind {
            kind,
            label: kind_label(kind).to_owned(),
            roles: choosable(kind, &head.headers)
                .into_iter()
                .map(|c| Role {
                    name: c.name.to_owned(),
                    label: role_label(c.name).to_owned(),
                    required: c.required,
                    guess: c.guess,
                })
                .collect(),
        })
        .collect();
    Ok(MapperView {
        name: name.to_owned(),
        key: header_key(&head.headers),
        guess: looks_like(&head.headers),
        headers: head.headers.iter().map(|h| cut(h)).collect(),
        rows: head.rows.iter().map(|row| row.iter().map(|cell| cut(cell)).collect()).collect(),
        kinds,
    })
}

/// What a file of `kind` is, in plain words.
fn kind_label(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Roster => "A roster: one row per trained person",
        FileKind::Activity => "A usage export: one row per person per day",
        FileKind::Survey => "A pulse survey: one row per answer",
    }
}

/// What the column `name` holds, in plain words.
fn role_label(name: &str) -> &'static str {
    match name {
        "user" => "The person (email or id)",
        "department" => "Department",
        "completed_on" => "Training completed on",
        "licensed" => "Holds a licence (yes or no)",
        "cohort" => "Cohort or wave",
        "date" => "Date of use",
        "sessions" => "Sessions that day",
        "minutes" => "Minutes of use",
        _ => "Another column",
    }
}

/// `text` cut to [`PREVIEW_CHARS`] characters, ending in "…" when it was longer.
fn cut(text: &str) -> String {
    if text.chars().count() <= PREVIEW_CHARS {
        return text.to_owned();
    }
    let mut shown: String = text.chars().take(PREVIEW_CHARS - 1).collect();
    shown.push('…');
    shown
}
