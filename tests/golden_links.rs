//! Golden share links: links people already sent must keep opening, exactly, forever.
//!
//! `tests/fixtures/links/v1/` holds links written by `link::encode` when `v1.` was the current format
//! (`NAME.txt`), each beside the scenario it must open to (`NAME.json`, the scenario as serialized).
//! `tests/fixtures/links/v2/` holds compressed links written by the page (`linkText` in www/page.js, in
//! Chromium, 2026-12), each beside what it must open to (`NAME.json`: `{ "scenario", "measurements"? }`):
//! the eight v1 scenarios again, twelve departments with two use cases each (the size budget's
//! scenario) with and without an import's measurements, and measurements typed by hand. A v2 link is
//! inflated by the browser, so tests/browser/links.test.mjs opens each one in Chromium; here each
//! v2 expectation is checked to be a valid scenario (the same one as its v1 namesake) and valid
//! measurements, and the engine to refuse the compressed text itself with the message saying so.
//! They are frozen files: the tests only read them and never regenerate them. A new link version adds
//! its own folder of links written by its encoder; the older folders stay and must keep passing
//! unchanged, since a link in someone's mail or bookmarks cannot be updated. A fixture that stops
//! passing is a broken promise to the people holding such links, not a fixture to refresh. A v2 link
//! leaves out what equals the default scenario, so `Scenario::default()` is part of the v2 format: the
//! test below fails when it changes, and the v2 decoder must then keep the old defaults, frozen.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use roi_core::link::LinkError;
use roi_core::{Measurements, Scenario, link};
use serde_json::Value;

/// The `(link, expected scenario JSON)` file pairs of one version's folder, sorted by name.
fn fixtures(version_folder: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut links: Vec<PathBuf> = fs::read_dir(version_folder)
        .unwrap_or_else(|e| panic!("{}: {e}", version_folder.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    links.sort();
    links.into_iter().map(|txt| (txt.clone(), txt.with_extension("json"))).collect()
}

fn folder(version: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links").join(version)
}

/// Decodes one golden link and compares it with its scenario: nothing dropped, every field equal.
fn check(link_file: &Path, scenario_file: &Path) {
    let name = link_file.display();
    let text = fs::read_to_string(link_file).unwrap_or_else(|e| panic!("{name}: {e}"));
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(scenario_file).unwrap_or_else(|e| panic!("{}: {e}", scenario_file.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", scenario_file.display()));

    let decoded = link::decode(text.trim()).unwrap_or_else(|e| panic!("{name} no longer opens: {e}"));
    assert_eq!(decoded.dropped, [], "{name} opens with losses");
    // Field by field, numbers to the last bit (the fixture JSON is the serialized scenario).
    let actual = serde_json::to_value(&decoded.scenario).expect("a scenario serializes");
    assert_eq!(actual, expected, "{name} opens to a different scenario");
    // And the expected document is itself a valid scenario, equal to what the link opened.
    let strict = Scenario::from_json(&expected).unwrap_or_else(|e| panic!("{}: {e:?}", scenario_file.display()));
    assert_eq!(strict, decoded.scenario, "{name}");
}

#[test]
fn every_v1_link_opens_exactly_with_nothing_dropped() {
    let pairs = fixtures(&folder("v1"));
    // The frozen set: default, minimal, departments with use cases, unicode and hostile names, costs and
    // other benefits, no ramp and no draws, limits and awkward floats, 24 departments.
    assert_eq!(pairs.len(), 8, "a v1 fixture went missing");
    for (link_file, scenario_file) in &pairs {
        check(link_file, scenario_file);
    }
}

#[test]
fn every_version_folder_is_checked_and_complete() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links");
    let mut versions = 0;
    for entry in fs::read_dir(&root).expect("tests/fixtures/links") {
        let path = entry.expect("a readable folder entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        assert!(path.is_dir() && name.starts_with('v'), "only version folders belong here: {name}");
        // Each file has its pair: a link without its scenario (or the reverse) is a fixture half lost.
        for file in fs::read_dir(&path).expect("a version folder") {
            let file = file.expect("a readable folder entry").path();
            let other = file.with_extension(if file.extension().is_some_and(|e| e == "txt") { "json" } else { "txt" });
            assert!(other.is_file(), "{} has no {}", file.display(), other.display());
        }
        for (link_file, scenario_file) in fixtures(&path) {
            if name == "v2" { check_v2(&link_file, &scenario_file) } else { check(&link_file, &scenario_file) }
        }
        versions += 1;
    }
    assert!(versions >= 2);
}

/// A v2 fixture: the engine refuses the compressed text (the page inflates it), and what it must open
/// to is a valid scenario and, when present, valid measurements.
fn check_v2(link_file: &Path, expected_file: &Path) {
    let name = link_file.display();
    let text = fs::read_to_string(link_file).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(text.trim().starts_with("v2.") && text.trim().len() > 3, "{name} is a v2 link");
    assert_eq!(link::decode(text.trim()), Err(LinkError::Compressed), "{name}");
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(expected_file).unwrap_or_else(|e| panic!("{}: {e}", expected_file.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", expected_file.display()));
    let members: Vec<&str> = expected.as_object().expect("an object").keys().map(String::as_str).collect();
    assert!(members.iter().all(|m| ["scenario", "measurements"].contains(m)), "{name}: {members:?}");
    Scenario::from_json(&expected["scenario"]).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    if let Some(measurements) = expected.get("measurements") {
        Measurements::from_json(measurements).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
}

#[test]
fn every_v2_link_is_complete_and_opens_to_the_scenario_of_its_v1_namesake() {
    let pairs = fixtures(&folder("v2"));
    // The eight v1 scenarios, twelve departments with and without an import's measurements, and
    // measurements typed by hand.
    assert_eq!(pairs.len(), 11, "a v2 fixture went missing");
    let mut namesakes = 0;
    for (link_file, expected_file) in &pairs {
        check_v2(link_file, expected_file);
        let v1 = folder("v1").join(expected_file.file_name().expect("a file name"));
        if v1.is_file() {
            let read = |path: &Path| -> Value {
                serde_json::from_str(&fs::read_to_string(path).expect("readable")).expect("JSON")
            };
            let v2 = Scenario::from_json(&read(expected_file)["scenario"]).expect("valid");
            assert_eq!(v2, Scenario::from_json(&read(&v1)).expect("valid"), "{}", expected_file.display());
            namesakes += 1;
        }
    }
    assert_eq!(namesakes, 8);
}

#[test]
fn the_defaults_v2_links_leave_out_are_frozen() {
    // v2/default.txt is `{"scenario":{}}` compressed: it opens to the defaults, which every v2 link fills
    // in for what it leaves out. Change them and every v2 link already sent opens differently.
    let expected: Value =
        serde_json::from_str(&fs::read_to_string(folder("v2").join("default.json")).expect("readable")).expect("JSON");
    assert_eq!(
        Scenario::from_json(&expected["scenario"]).expect("valid"),
        Scenario::default(),
        "Scenario::default() changed: v2 links rely on the old defaults; freeze them for the v2 decoder in www/page.js"
    );
}
