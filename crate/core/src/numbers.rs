//! Numbers as people type them: `1.234,5` in German, `1 234,5` in French, `1,23,456.7` in India,
//! `12 %` or `$1,200` in a field that shows a percentage or an amount.
//!
//! The browser knows a locale's separators (`Intl.NumberFormat(locale).formatToParts`) and passes them
//! in a [`NumberStyle`]; this module decides what the text means. Grouping is checked, not just
//! stripped: the last group before the decimal separator must have three digits, so a German who types
//! `1.5` is told to write `1,5` instead of silently getting fifteen.

use thiserror::Error;

/// How numbers are written in the reader's locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberStyle {
    /// The decimal separator (`.` in en-US, `,` in de-DE).
    pub decimal: char,
    /// The digit-group separator (`,` in en-US, `.` in de-DE, a narrow no-break space in fr-FR).
    pub group: char,
    /// A currency symbol that may precede or follow an amount (`$`, `€`, `CHF`); ignored when present.
    pub currency: Option<String>,
}

impl NumberStyle {
    /// The en-US style: `1,234.5`.
    pub fn english() -> Self {
        Self { decimal: '.', group: ',', currency: None }
    }
}

/// Why a text is not a number; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    /// Nothing but spaces.
    #[error("Enter a number.")]
    Empty,
    /// Characters that have no place in a number.
    #[error("This is not a number: use digits, with {decimal} for decimals.")]
    NotANumber {
        /// The locale's decimal separator, for the message.
        decimal: char,
    },
    /// A digit-group separator where groups of three digits do not follow it.
    #[error("Digits are grouped in threes after {group}; for a decimal, write {decimal} instead.")]
    Grouping {
        /// The locale's group separator.
        group: char,
        /// The locale's decimal separator.
        decimal: char,
    },
    /// Too many digits to be an amount anyone means.
    #[error("This number is too large.")]
    TooLarge,
}

/// Longest run of digits accepted: far beyond any amount, short enough to stay exact where it matters.
const MAX_DIGITS: usize = 24;

/// The number `text` means in `style`, with a trailing `%` or the style's currency symbol ignored
/// (the field says what unit it is in; percentages are not divided by 100 here).
pub fn parse_number(text: &str, style: &NumberStyle) -> Result<f64, NumberError> {
    let mut rest = text.trim_matches(is_space);
    if rest.is_empty() {
        return Err(NumberError::Empty);
    }
    if let Some(symbol) = style.currency.as_deref().filter(|s| !s.is_empty()) {
        rest = rest.strip_prefix(symbol).or_else(|| rest.strip_suffix(symbol)).unwrap_or(rest).trim_matches(is_space);
    }
    rest = rest.strip_suffix('%').unwrap_or(rest).trim_end_matches(is_space);
    let (negative, unsigned) = match (rest.strip_prefix(['-', '\u{2212}']), rest.strip_prefix('+')) {
        (Some(after_minus), _) => (true, after_minus),
        (None, Some(after_plus)) => (false, after_plus),
        (None, None) => (false, rest),
    };
    let unsigned = unsigned.trim_start_matches(is_space);
    let not_a_number = NumberError::NotANumber { decimal: style.decimal };
    let (whole, fraction) = match unsigned.split_once(style.decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let whole_digits = grouped_digits(whole, style)?;
    let fraction_digits = match fraction {
        Some(f) => digits(f).ok_or(not_a_number.clone())?,
        None => String::new(),
    };
    if whole_digits.is_empty() && fraction_digits.is_empty() {
        return Err(not_a_number);
    }
    if whole_digits.len() + fraction_digits.len() > MAX_DIGITS {
        return Err(NumberError::TooLarge);
    }
    let mut plain = String::with_capacity(whole_digits.len() + fraction_digits.len() + 3);
    if negative {
        plain.push('-');
    }
    plain.push_str(if whole_digits.is_empty() { "0" } else { &whole_digits });
    if !fraction_digits.is_empty() {
        plain.push('.');
        plain.push_str(&fraction_digits);
    }
    // serde_json's float parser is already in the WebAssembly build and rounds exactly. Parsing into a
    // `Value` (not `f64`) keeps serde's type-mismatch messages, and the float formatter they use, out.
    serde_json::from_str::<serde_json::Value>(&plain).ok().and_then(|v| v.as_f64()).ok_or(not_a_number)
}

/// The digits of an integer part, checking its grouping: groups after the first have two or three
/// digits (Indian grouping uses two) and the last has three.
fn grouped_digits(whole: &str, style: &NumberStyle) -> Result<String, NumberError> {
    let grouping = NumberError::Grouping { group: style.group, decimal: style.decimal };
    let is_group = |c: char| c == style.group || (is_space(style.group) && is_space(c));
    let groups: Vec<&str> = whole.split(is_group).collect();
    let all = groups.iter().map(|g| digits(g)).collect::<Option<Vec<String>>>();
    let all = all.ok_or(NumberError::NotANumber { decimal: style.decimal })?;
    if let [first, middle @ .., last] = all.as_slice() {
        let bad_middle = middle.iter().any(|g| !(2..=3).contains(&g.len()));
        if first.is_empty() || bad_middle || last.len() != 3 {
            return Err(grouping);
        }
    }
    Ok(all.concat())
}

/// ASCII digits for a run of decimal digits in any script; `None` if anything else is in it.
fn digits(text: &str) -> Option<String> {
    text.chars().map(|c| decimal_digit(c).map(|d| char::from(b'0' + d))).collect()
}

/// The value of a decimal digit in the scripts browsers format numbers with.
fn decimal_digit(c: char) -> Option<u8> {
    const ZEROS: [u32; 9] = [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10, 0xA66, 0xAE6];
    let code = u32::from(c);
    ZEROS.iter().find(|&&zero| (zero..zero + 10).contains(&code)).and_then(|zero| u8::try_from(code - zero).ok())
}

/// Spaces people and browsers put in numbers: space, no-break space, narrow no-break space, thin space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(decimal: char, group: char) -> NumberStyle {
        NumberStyle { decimal, group, currency: None }
    }

    #[test]
    fn each_locale_reads_its_own_way() {
        let cases = [
            (style('.', ','), "1,234.5", 1234.5),
            (style(',', '.'), "1.234,5", 1234.5),
            (style(',', '\u{202F}'), "1\u{202F}234,5", 1234.5),
            (style(',', '\u{202F}'), "1 234,5", 1234.5), // a typed plain space stands for the narrow one
            (style('.', '\u{2019}'), "1\u{2019}234.5", 1234.5),
            (style('.', ','), "1,23,456.7", 123_456.7),
            (style('.', ','), "12", 12.0),
            (style('.', ','), ".5", 0.5),
            (style(',', '.'), "0,725", 0.725),
            (style('.', ','), "-1,000", -1000.0),
            (style('.', ','), "\u{2212}3", -3.0),
            (style('.', ','), "  +7  ", 7.0),
            (style('.', ','), "85%", 85.0),
            (style(',', '.'), "85 %", 85.0),
            (style('٫', '٬'), "١٢٣٬٤٥٦٫٧", 123_456.7),
            (style('.', ','), "१,२३४", 1234.0),
        ];
        for (style, text, expected) in cases {
            assert_eq!(parse_number(text, &style), Ok(expected), "{text:?}");
        }
    }

    #[test]
    fn currency_symbols_are_ignored_before_or_after() {
        let dollars = NumberStyle { currency: Some("$".into()), ..NumberStyle::english() };
        assert_eq!(parse_number("$1,200", &dollars), Ok(1200.0));
        let euros = NumberStyle { decimal: ',', group: '.', currency: Some("€".into()) };
        assert_eq!(parse_number("1.200,50 €", &euros), Ok(1200.5));
    }

    #[test]
    fn a_group_separator_typed_as_a_decimal_point_is_caught() {
        let german = style(',', '.');
        let error = parse_number("1.5", &german).expect_err("ambiguous");
        assert_eq!(error, NumberError::Grouping { group: '.', decimal: ',' });
        assert_eq!(error.to_string(), "Digits are grouped in threes after .; for a decimal, write , instead.");
        for text in ["1,2345.0", ",234", "1,,234", "1,234,5", "12,34"] {
            assert!(parse_number(text, &NumberStyle::english()).is_err(), "{text:?}");
        }
    }

    #[test]
    fn what_is_not_a_number_says_so() {
        let english = NumberStyle::english();
        assert_eq!(parse_number("   ", &english), Err(NumberError::Empty));
        for text in ["abc", "12a", "1e5", "1.2.3", "--1", "-", ".", "NaN", "Infinity", "0x10", "1_000"] {
            assert_eq!(parse_number(text, &english), Err(NumberError::NotANumber { decimal: '.' }), "{text:?}");
        }
        assert_eq!(parse_number(&"9".repeat(25), &english), Err(NumberError::TooLarge));
    }

    #[test]
    fn plain_decimals_round_exactly() {
        assert_eq!(parse_number("0.1", &NumberStyle::english()), Ok(0.1));
        assert_eq!(parse_number("243101.40340478937", &NumberStyle::english()), Ok(243_101.403_404_789_37));
    }
}
