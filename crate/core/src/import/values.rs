//! Reading the values of a CSV field: people's keys, dates, numbers as spreadsheets write them, and the
//! words of a skipped row's reason.

/// A person's key: emails and ids match whatever their (ASCII) case and surrounding spaces.
pub fn user_key(text: &str) -> Box<str> {
    text.trim_ascii().to_ascii_lowercase().into_boxed_str()
}

/// Whether `text` (a trimmed field) is its own key already, so looking it up needs no new string.
pub(super) fn is_key(text: &str) -> bool {
    !text.bytes().any(|b| b.is_ascii_uppercase())
}

/// "sessions is "abc"; it must be a whole number from 0 to 1,000" — quoting at most 40 characters.
pub(super) fn bad(column: &str, text: &str, rule: &str) -> String {
    let shown: String = text.chars().take(40).collect();
    let more = if text.chars().count() > 40 { "…" } else { "" };
    format!("has {column} \"{shown}{more}\"; it must be {rule}")
}

/// `12`, `7.5`: a plain non-negative decimal of at most 15 digits, read without any text
/// conversion. It is exactly what `str::parse::<f64>` gives (an integer below 2^53 divided by a power
/// of ten is correctly rounded). None for anything else, which the careful path then reads.
pub(super) fn plain_decimal(bytes: &[u8]) -> Option<f64> {
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

/// A number as a spreadsheet exports it: digits with an optional decimal point, and with
/// `decimal_comma` (files delimited by `;` or tab) `2,5` for two and a half. Every value the files hold
/// is 0 or more, so a sign or an exponent is not a number here (and the float parser stays out of the
/// WebAssembly build).
pub(super) fn number(text: &str, decimal_comma: bool) -> Option<f64> {
    if decimal_comma && text.contains(',') && !text.contains('.') {
        plain_decimal(text.replace(',', ".").as_bytes())
    } else {
        plain_decimal(text.as_bytes())
    }
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
    fn numbers_as_spreadsheets_write_them() {
        assert_eq!(number("2,5", true), Some(2.5));
        assert_eq!(number("2,5", false), None, "a comma is a decimal sign only in `;` or tab files");
        assert_eq!(number("12.25", true), Some(12.25));
        assert_eq!(number("1e3", false), None);
        assert_eq!(number("-1", false), None);
    }

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
