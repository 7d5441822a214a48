//! Any number written the way a locale writes it reads back as exactly the number it shows.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roi_core::numbers::{NumberStyle, parse_number};

/// (decimal, group) of en-US, de-DE, fr-FR, de-CH and ar-EG.
const STYLES: [(char, char); 5] = [('.', ','), (',', '.'), (',', '\u{202F}'), ('.', '\u{2019}'), ('٫', '٬')];

/// `whole` with a group separator every three digits from the right.
fn grouped(whole: &str, group: char) -> String {
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    out
}

/// ASCII digits written in the Arabic-Indic script.
fn arabic(text: &str) -> String {
    text.chars().map(|c| c.to_digit(10).and_then(|d| char::from_u32(0x660 + d)).unwrap_or(c)).collect()
}

proptest! {
    #[test]
    fn localized_text_reads_back_exactly(
        whole in 0u64..10_000_000_000_000,
        fraction in "[0-9]{0,6}",
        negative in any::<bool>(),
        style in 0..STYLES.len(),
        use_grouping in any::<bool>(),
    ) {
        let (decimal, group) = STYLES[style];
        let whole_text = whole.to_string();
        let mut text = if use_grouping { grouped(&whole_text, group) } else { whole_text.clone() };
        if !fraction.is_empty() {
            text.push(decimal);
            text.push_str(&fraction);
        }
        if decimal == '٫' {
            text = arabic(&text);
        }
        if negative {
            text.insert(0, '-');
        }
        let plain = format!("{}{whole_text}{}{fraction}", if negative { "-" } else { "" }, if fraction.is_empty() { "" } else { "." });
        let expected: f64 = plain.parse().expect("a plain decimal");
        let style = NumberStyle { decimal, group, currency: None };
        prop_assert_eq!(parse_number(&text, &style), Ok(expected), "{}", text);
    }
}
