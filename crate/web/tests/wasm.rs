//! The exported API called across the real JS boundary, in headless Chromium (`wasm-pack test`).

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JSON, Reflect};
use roi_core::{BenchmarkTable, Scenario};
use roi_web::api::{assess, benchmarks, decode_scenario, default_scenario, encode_scenario, evaluate};
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn to_json(value: &JsValue) -> Value {
    let text = JSON::stringify(value).expect("stringify").as_string().expect("a string");
    serde_json::from_str(&text).expect("valid JSON")
}

fn to_js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).expect("parse")
}

/// The thrown error's message and the paths of its `errors` list.
fn error_parts(error: JsValue) -> (String, Vec<String>) {
    let error: js_sys::Error = error.dyn_into().expect("a JS Error is thrown");
    let list: Array = Reflect::get(&error, &"errors".into()).expect("errors property").dyn_into().expect("an array");
    let paths = list
        .iter()
        .map(|e| Reflect::get(&e, &"path".into()).ok().and_then(|p| p.as_string()).unwrap_or_default())
        .collect();
    (error.message().into(), paths)
}

#[wasm_bindgen_test]
fn the_default_scenario_evaluates_as_natively() {
    let report = evaluate(default_scenario(), None).expect("the default scenario is valid");
    let native = roi_core::evaluate(&Scenario::default(), &BenchmarkTable::default()).expect("valid");
    // Both sides through JSON.parse, so that 1638000.0 and 1638000 compare equal.
    assert_eq!(to_json(&report), to_json(&to_js(&serde_json::to_value(&native).expect("serializes"))));
    // Plain objects, with null (not undefined) for absent ratios.
    assert!(Reflect::get(&report, &"annual".into()).expect("annual").is_object());
}

#[wasm_bindgen_test]
fn a_published_example_reproduces_through_the_boundary() {
    let example: Value =
        serde_json::from_str(include_str!("../../../../shared/examples/udemy-engineers.json")).expect("example");
    let report = to_json(&evaluate(to_js(&example["scenario"]), None).expect("valid"));
    assert_eq!(report["annual"]["roiPercent"].as_f64(), Some(5000.0));
    assert_eq!(report["annual"]["benefit"].as_f64(), Some(2_550_000.0));
}

#[wasm_bindgen_test]
fn invalid_input_throws_an_error_listing_every_problem() {
    let scenario = json!({ "version": 1, "departmentz": [], "departments": [
        { "name": "A", "headcount": -5, "hourlyCost": 50, "activeRate": 1.5 }
    ]});
    let (message, paths) = error_parts(evaluate(to_js(&scenario), None).expect_err("invalid"));
    assert_eq!(paths, ["departmentz", "departments[0].headcount", "departments[0].activeRate"]);
    assert!(message.starts_with("The scenario has 3 problems: departmentz unknown field"), "{message}");
}

#[wasm_bindgen_test]
fn nan_from_javascript_is_named() {
    let scenario =
        to_js(&json!({ "version": 1, "departments": [ { "name": "A", "headcount": 1, "hourlyCost": 50 } ] }));
    let department = Reflect::get(&Reflect::get(&scenario, &"departments".into()).unwrap(), &0.into()).unwrap();
    Reflect::set(&department, &"hourlyCost".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let (message, paths) = error_parts(evaluate(scenario, None).expect_err("NaN is invalid"));
    assert_eq!(paths, ["departments[0].hourlyCost"]);
    assert!(message.contains("NaN"), "{message}");
}

#[wasm_bindgen_test]
fn undefined_and_bigint_are_rejected_cleanly() {
    let (message, _) = error_parts(evaluate(JsValue::UNDEFINED, None).expect_err("undefined"));
    assert!(message.contains("not plain JSON"), "{message}");
    let (message, _) = error_parts(evaluate(JsValue::bigint_from_str("1"), None).expect_err("BigInt"));
    assert!(message.contains("not plain JSON"), "{message}");
}

#[wasm_bindgen_test]
fn links_round_trip_and_damage_is_reported() {
    let link = encode_scenario(default_scenario()).expect("valid");
    assert!(link.starts_with("v1."));
    let decoded = to_json(&decode_scenario(&link).expect("opens"));
    assert_eq!(decoded["scenario"], to_json(&default_scenario()));
    assert_eq!(decoded["dropped"], json!([]));
    let cut = to_json(&decode_scenario(&link[..link.len() / 2]).expect("a cut link opens"));
    assert!(!cut["dropped"].as_array().expect("list").is_empty());
    let (message, paths) = error_parts(decode_scenario("v9.xyz").expect_err("future version"));
    assert!(message.contains("newer version"), "{message}");
    assert!(paths.is_empty());
}

#[wasm_bindgen_test]
fn custom_benchmarks_extend_the_table() {
    let custom = to_js(&json!({ "version": 1, "benchmarks": [
        { "key": "hr", "label": "HR", "activeRate": { "low": 0.4, "high": 0.6 }, "hoursSavedPerWeek": { "low": 2, "high": 4 } }
    ]}));
    let scenario = to_js(
        &json!({ "version": 1, "departments": [ { "name": "People", "benchmark": "hr", "headcount": 10, "hourlyCost": 50 } ] }),
    );
    let report = to_json(&evaluate(scenario, Some(custom.unchecked_into())).expect("hr is known"));
    assert_eq!(report["departments"][0]["activeRate"], json!(0.5));
    assert_eq!(to_json(&benchmarks())["benchmarks"].as_array().map(Vec::len), Some(6));
    let (_, paths) = error_parts(
        evaluate(default_scenario(), Some(to_js(&json!({ "version": 3 })).unchecked_into())).expect_err("bad table"),
    );
    assert_eq!(paths, ["version", "benchmarks"]);
}

#[wasm_bindgen_test]
fn measurements_are_assessed_and_errors_listed() {
    let measurements =
        json!({ "version": 1, "checkpointDay": 30, "metrics": { "activeUsageRate": 0.45, "completionRate": 0.9 } });
    let assessment = to_json(&assess(to_js(&measurements), None).expect("valid"));
    assert_eq!(assessment["metrics"]["activeUsageRate"]["status"], "red");
    assert_eq!(assessment["flags"][1]["ruleId"], "content-not-connecting");
    let bad = json!({ "version": 1, "checkpointDay": 400, "metrics": { "activeUsageRate": 2 } });
    let (message, paths) = error_parts(assess(to_js(&bad), None).expect_err("invalid"));
    assert_eq!(paths, ["checkpointDay", "metrics.activeUsageRate"]);
    assert!(message.starts_with("The measurements document has 2 problems"), "{message}");
}
