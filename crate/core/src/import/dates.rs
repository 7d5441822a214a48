//! Dates as exports write them (docs/model.md#export-shapes): ISO dates and date-times (`Z` or an
//! offset taken as the UTC date), `d/m/y` and `m/d/y` with 2- or 4-digit years and an ignored time
//! after them (`03/03/25, 10:12`), and spreadsheet serial dates (days since 1899-12-30).
//!
//! A slash date such as `03/04/25` reads two ways. [`parse`] says so; a file's [`Dates`] then takes
//! the order its values decide (a first field above 12 is a day) or the one the person chose, and
//! holds the rows read before it was known until [`Dates::finish`], which either tells the reader
//! which of them to turn month-first or says that the file must be asked about.

use time::{Date, Month};

/// Which of a slash date's first two fields is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `d/m/y`: 03/04/25 is 3 April 2025.
    DayFirst,
    /// `m/d/y`: 03/04/25 is March 4, 2025.
    MonthFirst,
}

impl DateOrder {
    /// The order named `dmy` or `mdy` (as the import options spell it).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "dmy" => Some(Self::DayFirst),
            "mdy" => Some(Self::MonthFirst),
            _ => None,
        }
    }

    /// `dmy` or `mdy`.
    pub fn name(self) -> &'static str {
        match self {
            Self::DayFirst => "dmy",
            Self::MonthFirst => "mdy",
        }
    }
}

/// What a date field says, before its file's order is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// One day, whatever the order (ISO, a serial number, or a slash date with equal fields).
    Day(i32),
    /// A slash date that reads one way only, which decides the order of its file.
    Decides(DateOrder, i32),
    /// A slash date that reads both ways: its day-first and its month-first day numbers.
    Either {
        /// The day number read `d/m/y`.
        day_first: i32,
        /// The day number read `m/d/y`.
        month_first: i32,
    },
}

/// The Julian day number of 1899-12-30, day 0 of spreadsheet serial dates.
const SERIAL_EPOCH: i32 = 2_415_019;
/// The serial number of 9999-12-31, the last date a spreadsheet writes.
const SERIAL_MAX: u32 = 2_958_465;

/// Reads a date field (trimmed) in any of the forms this module names; none when it is not a date.
pub fn parse(text: &str) -> Option<Reading> {
    let bytes = text.as_bytes();
    let lead = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    match bytes.get(lead) {
        Some(b'-' | b'/') if lead == 4 => iso(bytes).map(Reading::Day),
        Some(b'/' | b'.' | b'-') if (1..=2).contains(&lead) => slash(bytes),
        None | Some(b'.') if lead > 0 => serial(bytes).map(Reading::Day),
        _ => None,
    }
}

/// The day number of an ISO date, also when a time follows it; `2025-09-08T23:30:00-05:00` is
/// 2025-09-09, the UTC date.
pub fn parse_iso(text: &str) -> Option<i32> {
    iso(text.as_bytes())
}

fn digits(bytes: &[u8]) -> Option<i32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    bytes.iter().try_fold(0i32, |n, &b| b.is_ascii_digit().then(|| n * 10 + i32::from(b - b'0')))
}

/// The day number of `year`-`month`-`day`, if that date exists.
pub fn day_number(year: i32, month: i32, day: i32) -> Option<i32> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Some(Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()?.to_julian_day())
}

/// `YYYY-MM-DD` (or `YYYY/MM/DD`), then optionally `T` or a space and a time with its zone.
fn iso(bytes: &[u8]) -> Option<i32> {
    if bytes.len() < 10 || bytes[4] != bytes[7] || !matches!(bytes[4], b'-' | b'/') {
        return None;
    }
    let day = day_number(digits(&bytes[0..4])?, digits(&bytes[5..7])?, digits(&bytes[8..10])?)?;
    match bytes.get(10) {
        None => Some(day),
        Some(b'T' | b't' | b' ') => Some(day + utc_shift(&bytes[11..]).unwrap_or(0)),
        _ => None,
    }
}

/// How many days a time such as `23:30:00-05:00` moves its date to reach UTC; none for a time
/// without a zone (taken as it is) or one that does not read.
fn utc_shift(time: &[u8]) -> Option<i32> {
    let (hours, minutes) = (digits(time.get(0..2)?)?, digits(time.get(3..5)?)?);
    if time[2] != b':' || hours > 23 || minutes > 59 {
        return None;
    }
    let mut rest = &time[5..];
    if let [b':', s1, s2, tail @ ..] = rest
        && s1.is_ascii_digit()
        && s2.is_ascii_digit()
    {
        rest = tail;
    }
    if let [b'.' | b',', tail @ ..] = rest {
        let fraction = tail.iter().take_while(|b| b.is_ascii_digit()).count();
        rest = &tail[fraction..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), zone @ ..] => {
            let (h, m) = match zone {
                [h1, h2] => (digits(&[*h1, *h2])?, 0),
                [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?),
                _ => return None,
            };
            if h > 18 || m > 59 {
                return None;
            }
            (h * 60 + m) * if *sign == b'-' { -1 } else { 1 }
        }
        _ => return None,
    };
    Some((hours * 60 + minutes - offset).div_euclid(24 * 60))
}

/// `3/4/25`, `03.04.2025`, `03-04-2025`, with anything after a comma, space or `T` ignored.
fn slash(bytes: &[u8]) -> Option<Reading> {
    let end = bytes.iter().position(|b| matches!(b, b',' | b' ' | b'T')).unwrap_or(bytes.len());
    let date = &bytes[..end];
    let separator = date[date.iter().position(|b| !b.is_ascii_digit())?];
    let mut fields = date.split(|&b| b == separator);
    let (a, b, y) = (fields.next()?, fields.next()?, fields.next()?);
    if fields.next().is_some() || a.len() > 2 || b.is_empty() || b.len() > 2 {
        return None;
    }
    let (a, b) = (digits(a)?, digits(b)?);
    let year = match y.len() {
        2 => 2000 + digits(y)?,
        4 => digits(y)?,
        _ => return None,
    };
    if a == b {
        return day_number(year, a, a).map(Reading::Day);
    }
    match (day_number(year, b, a), day_number(year, a, b)) {
        (Some(d), Some(m)) => Some(Reading::Either { day_first: d, month_first: m }),
        (Some(d), None) if a > 12 => Some(Reading::Decides(DateOrder::DayFirst, d)),
        (None, Some(m)) if b > 12 => Some(Reading::Decides(DateOrder::MonthFirst, m)),
        // One reading is a date that does not exist (31/02), the other no date at all.
        _ => None,
    }
}

/// A spreadsheet serial date: whole days since 1899-12-30, a fraction (the time) ignored.
fn serial(bytes: &[u8]) -> Option<i32> {
    let whole = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let time = match bytes.get(whole..) {
        Some([]) => true,
        Some([b'.', fraction @ ..]) => !fraction.is_empty() && fraction.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if whole == 0 || whole > 7 || !time {
        return None;
    }
    let days = bytes[..whole].iter().fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'));
    (1..=SERIAL_MAX).contains(&days).then(|| SERIAL_EPOCH + days as i32)
}

/// A row read with its day-first reading while its file's order was unknown: which row, which of
/// its date fields, and its month-first day number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    /// The row's index in what the reader keeps.
    pub row: u32,
    /// Which of the row's date fields (the reader's own numbering).
    pub field: u8,
    /// The day number to use if the file turns out month-first.
    pub month_first: i32,
}

/// The date order of one file: given, decided by its values, or still open.
#[derive(Debug, Clone, Default)]
pub struct Dates {
    order: Option<DateOrder>,
    given: bool,
    /// The value that decided the order, and its line.
    decided_by: Option<(u64, String)>,
    held: Vec<Held>,
    /// The first value that read both ways, and its column.
    open: Option<(String, String)>,
}

impl Dates {
    /// A file's dates, read in `order` when the person chose one.
    pub fn new(order: Option<DateOrder>) -> Self {
        Self { order, given: order.is_some(), ..Self::default() }
    }

    /// The day of `text` (which [`parse`] read as `reading`) in column `column` on `line`, with the
    /// month-first day to hold when the order is still open, or why the row cannot be used.
    pub fn day(&mut self, reading: Reading, text: &str, column: &str, line: u64) -> Result<(i32, Option<i32>), String> {
        match (reading, self.order) {
            (Reading::Day(day), _) => Ok((day, None)),
            (Reading::Decides(order, day), None) => {
                self.order = Some(order);
                self.decided_by = Some((line, text.to_owned()));
                Ok((day, None))
            }
            (Reading::Decides(order, day), Some(known)) if order == known => Ok((day, None)),
            (Reading::Decides(..), Some(known)) => Err(self.conflict(text, column, known)),
            (Reading::Either { day_first, .. }, Some(DateOrder::DayFirst)) => Ok((day_first, None)),
            (Reading::Either { month_first, .. }, Some(DateOrder::MonthFirst)) => Ok((month_first, None)),
            (Reading::Either { day_first, month_first }, None) => {
                if self.open.is_none() {
                    self.open = Some((column.to_owned(), text.to_owned()));
                }
                Ok((day_first, Some(month_first)))
            }
        }
    }

    fn conflict(&self, text: &str, column: &str, known: DateOrder) -> String {
        let (this, other) = match known {
            DateOrder::DayFirst => ("month first", "day first"),
            DateOrder::MonthFirst => ("day first", "month first"),
        };
        let why = match (&self.decided_by, self.given) {
            (_, true) => "as chosen".to_owned(),
            (Some((line, value)), false) => format!("as \"{value}\" on line {line} shows"),
            (None, false) => String::new(),
        };
        format!("has {column} \"{text}\", a date written {this}, but this file's dates are {other} {why}")
    }

    /// Holds `row`'s date `field`, read day-first, until the order is known (`month_first` is what
    /// [`Dates::day`] returned beside it; nothing is held when that was none).
    pub fn hold(&mut self, row: usize, field: u8, month_first: Option<i32>) {
        if let (Some(month_first), Ok(row)) = (month_first, u32::try_from(row)) {
            self.held.push(Held { row, field, month_first });
        }
    }

    /// The end of the file: the held rows to turn month-first (none when the file is day-first), or,
    /// when its values never decided the order and no one chose it, the question to ask.
    pub fn finish(self) -> Result<Vec<Held>, String> {
        match (self.order, self.open) {
            (Some(DateOrder::MonthFirst), _) => Ok(self.held),
            (Some(DateOrder::DayFirst), _) | (None, None) => Ok(Vec::new()),
            (None, Some((column, example))) => Err(ambiguous(&column, &example)),
        }
    }
}

/// The problem of a file whose dates read both ways: to follow "The roster file …".
fn ambiguous(column: &str, example: &str) -> String {
    let reading = |order| match parse(example) {
        Some(Reading::Either { day_first, month_first }) => {
            let day = if order == DateOrder::DayFirst { day_first } else { month_first };
            super::values::format_date(day)
        }
        _ => String::new(),
    };
    format!(
        "writes its dates (column {column}, such as \"{example}\") in an order its values do not decide: day first \
         ({}) or month first ({}); choose the order (dateOrder \"dmy\" or \"mdy\") and import it again",
        reading(DateOrder::DayFirst),
        reading(DateOrder::MonthFirst)
    )
}
