//! Replays the fuzzers' committed corpora (`fuzz/corpus/<target>/`, seeds, what the fuzzers found and
//! every input that once crashed) through the same checks the fuzz targets run (`fuzz/src/lib.rs`),
//! on stable and without cargo-fuzz: no panic, and every promise those checks make holds.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use roi_core::import::FileKind;

/// Feeds every file of `fuzz/corpus/<target>/` to `check`, then fails naming each file that panicked.
fn replay(target: &str, check: impl Fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no inputs", dir.display());
    let failed: Vec<String> = files
        .iter()
        .filter(|file| {
            let data = std::fs::read(file).expect("a corpus file reads");
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{} of {} inputs fail:\n{}", failed.len(), files.len(), failed.join("\n"));
}

#[test]
fn decode_link() {
    replay("decode_link", checks::decode_link);
}

#[test]
fn evaluate() {
    replay("evaluate", checks::evaluate);
}

#[test]
fn assess() {
    replay("assess", checks::assess);
}

#[test]
fn import_roster() {
    replay("import_roster", |data| checks::import(Some(FileKind::Roster), data));
}

#[test]
fn import_activity() {
    replay("import_activity", |data| checks::import(Some(FileKind::Activity), data));
}

#[test]
fn import_survey() {
    replay("import_survey", |data| checks::import(Some(FileKind::Survey), data));
}

#[test]
fn import_any() {
    replay("import_any", |data| checks::import(None, data));
}

#[test]
fn import_json() {
    replay("import_json", checks::import_json);
}

#[test]
fn dates() {
    replay("dates", checks::dates);
}

/// Found by `decode_link`: a link whose use cases add up to more than `hoursPerWeek`, that gives both
/// use cases and `hoursSavedPerWeek`, or more draws than its departments allow, opened with the problem
/// listed as dropped but the value kept — a scenario that `evaluate` then refused.
#[test]
fn a_damaged_link_drops_what_it_says_it_dropped() {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use roi_core::{Scenario, link};

    let team = r#"{ "name": "Team", "headcount": 5, "hourlyCost": 50 }"#;
    let too_many_hours = r#"{ "name": "Team", "headcount": 5, "hourlyCost": 50,
        "useCases": [{ "name": "Drafting", "minutesBefore": 60, "minutesAfter": 20, "perWeek": 100 }] }"#;
    let both = r#"{ "name": "Team", "headcount": 5, "hourlyCost": 50, "hoursSavedPerWeek": 2, "useCases": [] }"#;
    for (departments, draws) in [(vec![too_many_hours], 10), (vec![both], 10), (vec![team; 6], 1_000_000)] {
        let json = format!(
            r#"{{ "version": 1, "departments": [{}], "uncertainty": {{ "draws": {draws} }} }}"#,
            departments.join(", ")
        );
        let decoded = link::decode(&format!("v1.{}", URL_SAFE_NO_PAD.encode(&json))).expect("opens");
        assert!(!decoded.dropped.is_empty(), "{json}");
        let reopened = serde_json::to_value(&decoded.scenario).expect("serializes");
        assert!(Scenario::from_json(&reopened).is_ok(), "{json} opens as a valid scenario: {:?}", decoded.scenario);
    }
}
