//! The published worked examples (`../shared/examples/*.json`, SPEC 6) reproduce to a relative 1e-9.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use roi_core::{BenchmarkTable, evaluate_json};
use serde_json::Value;

/// The examples folder: `$ROI_EXAMPLES_DIR`, else `shared/examples` beside the repository.
fn examples_dir() -> PathBuf {
    std::env::var_os("ROI_EXAMPLES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/examples"))
}

#[macro_use]
mod common;
use common::close;

/// Compares a reported figure (`null` allowed) with the expected one.
fn check(name: &str, field: &str, actual: &Value, expected: &Value) {
    match (actual.as_f64(), expected.as_f64()) {
        (Some(a), Some(e)) => assert!(close(a, e), "{name}: {field} = {a}, expected {e}"),
        _ => assert_eq!(actual, expected, "{name}: {field}"),
    }
}

#[test]
fn published_examples_reproduce() {
    let dir = examples_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the examples at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "expected the four published examples in {}, found {}", dir.display(), files.len());

    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let example: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = evaluate_json(&example["scenario"], &BenchmarkTable::default())
            .unwrap_or_else(|errors| panic!("{name}: {errors:?}"));
        let report = serde_json::to_value(&report).expect("a report serializes");
        let expected = &example["expected"];
        let annual = expected["annual"].as_object().expect("expected.annual is an object");
        assert!(!annual.is_empty(), "{name}: no expected annual figures");
        for (field, value) in annual {
            check(&name, &format!("annual.{field}"), &report["annual"][field], value);
        }
        check(&name, "paybackMonths", &report["paybackMonths"], &expected["paybackMonths"]);
    }
}
