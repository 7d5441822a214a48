//! Share links: a scenario as a compact, URL-safe, versioned string (`v1.` + base64url of its JSON),
//! and back — tolerantly, because links get cut short by mail clients and edited by hand. A damaged
//! link yields whatever part of the scenario is still valid plus the list of what was dropped.
//!
//! `v2.` links (docs/formats.md#share-link) are compressed: the page (www/page.js) writes them with the
//! browser's own `CompressionStream('deflate-raw')` and opens them by inflating the text and handing
//! the scenario to [`decode`] as the `v1` link it would have been, so neither a deflater nor a second
//! format adds to the WebAssembly. Here a `v2.` link is refused with [`LinkError::Compressed`].

use serde::Serialize;
use serde_json::Value;

use crate::fields::FieldError;
use crate::scenario::Scenario;

/// The prefix of the links this module writes and reads.
pub const PREFIX: &str = "v1.";

/// Why a link could not be opened at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// The text is not a calculator link.
    #[error("This is not a calculator link: it should start with \"v1.\" or \"v2.\".")]
    NotALink,
    /// The link was made by a version this one does not know.
    #[error("This link was made by a newer version of the calculator (v{0}); please update the page.")]
    UnsupportedVersion(u32),
    /// A compressed `v2.` link: the page inflates it first.
    #[error("This is a compressed (v2.) link: the calculator's page opens it.")]
    Compressed,
    /// Nothing of the scenario could be recovered.
    #[error("This link is damaged beyond repair: no part of the scenario could be read.")]
    Unreadable,
}

/// A decoded link: the scenario rebuilt from its valid parts, and what was dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct DecodedLink {
    /// The scenario, with defaults where fields were dropped.
    pub scenario: Scenario,
    /// Every field that was invalid or lost, with its path; empty for an intact link.
    pub dropped: Vec<FieldError>,
}

/// The link text of `scenario` (the part after `#`).
pub fn encode(scenario: &Scenario) -> String {
    // Serializing plain data structures to a string cannot fail.
    let json = serde_json::to_vec(scenario).unwrap_or_default();
    format!("{PREFIX}{}", crate::base64url::encode(&json))
}

/// Opens a link: the bare text, `#v1.…`, or a whole URL ending in `#v1.…`.
pub fn decode(link: &str) -> Result<DecodedLink, LinkError> {
    let fragment = link.rsplit('#').next().unwrap_or(link).trim();
    let payload = match fragment.strip_prefix(PREFIX) {
        Some(payload) => payload,
        None => {
            return Err(match version_of(fragment) {
                Some(2) => LinkError::Compressed,
                Some(version) => LinkError::UnsupportedVersion(version),
                None => LinkError::NotALink,
            });
        }
    };
    let mut dropped = Vec::new();
    let bytes = decode_prefix(payload, &mut dropped);
    let text = String::from_utf8_lossy(&bytes);
    let document = match serde_json::from_str::<Value>(&text) {
        Ok(document) => document,
        Err(_) => {
            let repaired = close_truncated(&text).ok_or(LinkError::Unreadable)?;
            let document = serde_json::from_str::<Value>(&repaired).map_err(|_| LinkError::Unreadable)?;
            dropped.push(FieldError {
                path: String::new(),
                message: "The link was cut short; the settings at its end were lost.".into(),
            });
            document
        }
    };
    if !document.is_object() {
        return Err(LinkError::Unreadable);
    }
    let (scenario, problems) = Scenario::from_json_lenient(&document);
    dropped.extend(problems);
    Ok(DecodedLink { scenario, dropped })
}

/// `N` for text starting `vN.`, so a newer link gets a clearer message than "not a link".
fn version_of(fragment: &str) -> Option<u32> {
    let digits = fragment.strip_prefix('v')?.split('.').next()?;
    digits.parse().ok()
}

/// The bytes of the longest decodable start of `payload`, noting when characters had to be dropped.
fn decode_prefix(payload: &str, dropped: &mut Vec<FieldError>) -> Vec<u8> {
    let clean: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
    let valid = clean.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(clean.len());
    // A base64 string whose length is 1 more than a multiple of 4 ends in a lone, useless character.
    let usable = if valid % 4 == 1 { valid - 1 } else { valid };
    if usable < clean.len() {
        dropped.push(FieldError {
            path: String::new(),
            message: "The link contains characters that do not belong in it; the rest was read.".into(),
        });
    }
    // Its last characters may carry stray bits (a link cut mid-group): they are ignored.
    crate::base64url::decode(clean.get(..usable).unwrap_or_default()).unwrap_or_default()
}

/// Makes a cut-off JSON document parseable: drops the incomplete member it ends in and closes every
/// open object and list. `None` when no complete member survives.
fn close_truncated(text: &str) -> Option<String> {
    let mut open = Vec::new(); // the closing bracket of each open container
    let (mut in_string, mut escaped) = (false, false);
    let mut cut: Option<(usize, Vec<char>)> = None; // end of the last complete prefix, and what it must close
    for (at, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => {
                open.push('}');
                cut = Some((at + 1, open.clone()));
            }
            '[' => {
                open.push(']');
                cut = Some((at + 1, open.clone()));
            }
            '}' | ']' => {
                open.pop();
            }
            ',' if !open.is_empty() => cut = Some((at, open.clone())),
            _ => {}
        }
    }
    let (end, still_open) = cut?;
    // `end` is the index of an ASCII bracket or comma, so always a character boundary.
    let mut repaired = text.get(..end)?.to_owned();
    repaired.extend(still_open.iter().rev());
    Some(repaired)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_default_scenario() {
        let scenario = Scenario::default();
        let link = encode(&scenario);
        assert!(link.starts_with("v1."));
        assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)), "URL-safe: {link}");
        assert_eq!(decode(&link), Ok(DecodedLink { scenario, dropped: vec![] }));
    }

    #[test]
    fn accepts_a_whole_url() {
        let link = encode(&Scenario::default());
        let url = format!("https://calc.example/#{link}");
        assert!(decode(&url).is_ok_and(|d| d.dropped.is_empty()));
    }

    #[test]
    fn a_link_cut_anywhere_after_its_first_field_still_opens() {
        let scenario = Scenario { weeks_per_year: 50.0, ..Scenario::default() };
        let link = encode(&scenario);
        // `{"version":1,` is 13 bytes of JSON, 18 characters of base64 after the 3-character prefix.
        for cut in PREFIX.len() + 18..link.len() {
            let decoded = decode(&link[..cut]).unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
            assert!(!decoded.dropped.is_empty(), "cut at {cut} reports the loss");
        }
        // Cut after weeksPerYear (the 4th field), the value survives.
        let decoded = decode(&link[..link.len() / 2]).expect("opens");
        assert_eq!(decoded.scenario.weeks_per_year, 50.0);
    }

    #[test]
    fn an_invalid_field_is_dropped_and_named() {
        let json = r#"{"version":1,"weeksPerYear":99,"hoursPerWeek":37.5}"#;
        let decoded = decode(&format!("v1.{}", crate::base64url::encode(json.as_bytes()))).expect("opens");
        assert_eq!(decoded.scenario.hours_per_week, 37.5);
        assert_eq!(decoded.scenario.weeks_per_year, Scenario::default().weeks_per_year);
        assert_eq!(decoded.dropped.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["weeksPerYear"]);
    }

    #[test]
    fn unknown_versions_and_garbage_are_named() {
        assert_eq!(decode("v2.abc"), Err(LinkError::Compressed), "the page inflates v2 links first");
        assert_eq!(decode("v7.abc"), Err(LinkError::UnsupportedVersion(7)));
        assert_eq!(decode("hello"), Err(LinkError::NotALink));
        assert_eq!(decode("v1.!!!!"), Err(LinkError::Unreadable));
        assert_eq!(decode(""), Err(LinkError::NotALink));
    }

    #[test]
    fn closes_cut_json() {
        assert_eq!(close_truncated(r#"{"a":1,"b":[1,2"#).as_deref(), Some(r#"{"a":1,"b":[1]}"#));
        assert_eq!(close_truncated(r#"{"a":"x,y"#).as_deref(), Some("{}"));
        assert_eq!(close_truncated("12"), None);
    }
}
