//! Golden share links: links people already sent must keep opening, exactly, forever.
//!
//! `tests/fixtures/links/v1/` holds links written by `link::encode` when `v1.` was the current format
//! (`NAME.txt`), each beside the scenario it must open to (`NAME.json`, the scenario as serialized).
//! They are frozen files: this test only reads them and never regenerates them. A new link version
//! adds its own folder (`v2/`, …) of links written by its encoder; the older folders stay and must keep
//! passing unchanged, since a link in someone's mail or bookmarks cannot be updated. A fixture that
//! stops passing is a broken promise to the people holding such links, not a fixture to refresh.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use roi_core::{Scenario, link};
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
            check(&link_file, &scenario_file);
        }
        versions += 1;
    }
    assert!(versions >= 1);
}
