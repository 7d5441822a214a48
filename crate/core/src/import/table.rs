//! A CSV file as people export it: a byte-order mark or not, `,` `;` or tab between fields, quoted
//! fields with embedded newlines, header names in any case and under their common aliases. This module
//! opens such a file with the `csv` crate, checks that it is text at all, works out which column is
//! which, and hands out records with the line each starts on.

use std::io::{self, Read};

use csv::{ByteRecord, ReaderBuilder};

/// How much of a file is looked at before reading it: enough for any header line and to tell text
/// from binary data.
pub(super) const PEEK: usize = 64 * 1024;

/// A column a file of some kind has, under its canonical name and the aliases it is known by.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    /// Its canonical name (docs/formats.md#csv-files), used in messages.
    pub name: &'static str,
    /// Other header names meaning the same (compared after [`normalize`]).
    pub aliases: &'static [&'static str],
    /// Whether a file without it cannot be used.
    pub required: bool,
}

/// Why a whole file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Unreadable {
    /// Nothing in it.
    Empty,
    /// It holds NUL bytes: a spreadsheet, an archive or an image, not CSV.
    Binary,
    /// It is not UTF-8 text.
    NotUtf8,
    /// Reading it failed (the browser could not read the file).
    Io(String),
}

impl Unreadable {
    /// The problem in plain words.
    pub fn message(&self) -> String {
        match self {
            Self::Empty => "is empty".into(),
            Self::Binary => "is not a CSV file (it holds binary data; export the sheet as CSV first)".into(),
            Self::NotUtf8 => "is not UTF-8 text (save it as \"CSV UTF-8\" and try again)".into(),
            Self::Io(why) => format!("could not be read: {why}"),
        }
    }
}

/// A record and the line it starts on, or why a record could not be read and its line (line 0: the
/// file itself could not be read further).
pub(super) type Record<'a> = Result<(u64, &'a ByteRecord), (u64, String)>;

/// An open CSV file: its header as found, where each wanted column is, and its records.
pub(super) struct Table<R: Read> {
    /// The header names as the file spells them.
    pub headers: Vec<String>,
    /// The delimiter found in the header line.
    pub delimiter: u8,
    reader: csv::Reader<io::Chain<io::Cursor<Vec<u8>>, R>>,
    record: ByteRecord,
}

impl<R: Read> Table<R> {
    /// Opens `source`: checks the start is text, drops a byte-order mark, detects the delimiter from the
    /// header line and reads the header.
    pub fn open(mut source: R) -> Result<Self, Unreadable> {
        let mut start = Vec::with_capacity(PEEK);
        while start.len() < PEEK && !start.contains(&b'\n') {
            let mut chunk = vec![0; PEEK - start.len()];
            let n = source.read(&mut chunk).map_err(|e| Unreadable::Io(e.to_string()))?;
            if n == 0 {
                break;
            }
            start.extend_from_slice(&chunk[..n]);
        }
        if let Some(rest) = start.strip_prefix(b"\xEF\xBB\xBF") {
            start = rest.to_vec();
        }
        if start.iter().all(u8::is_ascii_whitespace) {
            return Err(Unreadable::Empty);
        }
        if start.contains(&0) {
            return Err(Unreadable::Binary);
        }
        if let Err(e) = std::str::from_utf8(&start) {
            // A character cut by the end of what was peeked is fine; anything else is not UTF-8.
            if e.error_len().is_some() {
                return Err(Unreadable::NotUtf8);
            }
        }
        let delimiter = detect_delimiter(&start);
        let mut reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(io::Cursor::new(start).chain(source));
        let headers = match reader.byte_headers() {
            Ok(row) => row.iter().map(|h| String::from_utf8_lossy(h).trim().to_owned()).collect(),
            Err(e) => return Err(Unreadable::Io(e.to_string())),
        };
        Ok(Self { headers, delimiter, reader, record: ByteRecord::new() })
    }

    /// Where each of `columns` is, or the names of the required ones the header lacks.
    pub fn locate(&self, columns: &[Column]) -> Result<Vec<Option<usize>>, Vec<&'static str>> {
        let normalized: Vec<String> = self.headers.iter().map(|h| normalize(h)).collect();
        let found: Vec<Option<usize>> = columns
            .iter()
            .map(|c| normalized.iter().position(|h| h == c.name || c.aliases.contains(&h.as_str())))
            .collect();
        let missing: Vec<&'static str> =
            columns.iter().zip(&found).filter(|(c, at)| c.required && at.is_none()).map(|(c, _)| c.name).collect();
        if missing.is_empty() { Ok(found) } else { Err(missing) }
    }

    /// The next record and the line it starts on, `Ok(None)` at the end, or a record that could not be
    /// read (with its line) — reading goes on after it.
    pub fn next_record(&mut self) -> Option<Record<'_>> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => Some(Ok((self.record.position().map_or(0, |p| p.line()), &self.record))),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                match e.into_kind() {
                    csv::ErrorKind::Io(io) => Some(Err((0, format!("the file could not be read further: {io}")))),
                    _ => Some(Err((line, "this row could not be read as CSV".into()))),
                }
            }
        }
    }
}

/// A header name as compared with column names: trimmed, lower case, spaces and dashes as `_`.
pub(super) fn normalize(header: &str) -> String {
    header
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() })
        .collect()
}

/// The delimiter of a file whose first bytes are `start`: whichever of `,` `;` and tab occurs most
/// often in the header line outside quotes (a comma when none does).
fn detect_delimiter(start: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in start {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    if counts[best] == 0 { b',' } else { [b',', b';', b'\t'][best] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected_from_the_header_line() {
        assert_eq!(detect_delimiter(b"user,department,completed_on\na;b;c"), b',');
        assert_eq!(detect_delimiter(b"user;department;completed_on\n"), b';');
        assert_eq!(detect_delimiter(b"user\tdepartment\n"), b'\t');
        // A comma inside a quoted header name does not count.
        assert_eq!(detect_delimiter(b"\"a,b,c\";d;e\n"), b';');
        assert_eq!(detect_delimiter(b"user\n"), b',');
    }

    #[test]
    fn header_names_are_compared_loosely() {
        assert_eq!(normalize("\u{feff} Completed On "), "completed_on");
        assert_eq!(normalize("User-Email"), "user_email");
    }
}
