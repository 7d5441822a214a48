//! Every JSON example in the README and in docs/formats.md (where the README's formats reference lives)
//! is a valid document of the kind it shows, so neither can drift from the engine.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::{BenchmarkTable, assess_json, evaluate_json};
use serde_json::Value;

#[test]
fn readme_json_examples_are_valid() {
    let files = ["README.md", "docs/formats.md"].map(|file| {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        (file, std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
    });
    let blocks: Vec<(&str, &str)> = files
        .iter()
        .flat_map(|(file, text)| {
            text.split("```json").skip(1).filter_map(|rest| rest.split("```").next()).map(move |block| (*file, block))
        })
        .collect();
    assert!(blocks.len() >= 3, "expected the scenario, benchmark and measurements examples");
    for (file, block) in blocks {
        let document: Value = serde_json::from_str(block).unwrap_or_else(|e| panic!("{e} in {file}:\n{block}"));
        let table = BenchmarkTable::default();
        let result = if document.get("checkpointDay").is_some() {
            assess_json(&document, &table).map(drop)
        } else if document.get("benchmarks").is_some() {
            BenchmarkTable::with_overrides(&document).map(drop)
        } else {
            evaluate_json(&document, &table).map(drop)
        };
        assert!(result.is_ok(), "{result:?} in {file}:\n{block}");
    }
}
