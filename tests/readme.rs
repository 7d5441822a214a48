//! Every JSON example in the README is a valid document of the kind it shows, so the README cannot
//! drift from the engine.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::{BenchmarkTable, assess_json, evaluate_json};
use serde_json::Value;

#[test]
fn readme_json_examples_are_valid() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let blocks: Vec<&str> = readme.split("```json").skip(1).filter_map(|rest| rest.split("```").next()).collect();
    assert!(blocks.len() >= 3, "expected the scenario, benchmark and measurements examples");
    for block in blocks {
        let document: Value = serde_json::from_str(block).unwrap_or_else(|e| panic!("{e} in:\n{block}"));
        let table = BenchmarkTable::default();
        let result = if document.get("checkpointDay").is_some() {
            assess_json(&document, &table).map(drop)
        } else if document.get("benchmarks").is_some() {
            BenchmarkTable::with_overrides(&document).map(drop)
        } else {
            evaluate_json(&document, &table).map(drop)
        };
        assert!(result.is_ok(), "{result:?} in:\n{block}");
    }
}
