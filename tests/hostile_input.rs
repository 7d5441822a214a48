//! Arbitrary JSON of any shape never panics any entry point: it yields a report or a list of errors.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roi_core::{BenchmarkTable, Scenario, assess_json, evaluate_json, link};
use serde_json::{Map, Value, json};

/// Any JSON value, biased towards the keys the documents use so that deep paths get exercised.
fn any_json() -> impl Strategy<Value = Value> {
    let keys = prop_oneof![
        Just("version".to_owned()),
        Just("departments".to_owned()),
        Just("headcount".to_owned()),
        Just("hourlyCost".to_owned()),
        Just("activeRate".to_owned()),
        Just("useCases".to_owned()),
        Just("costs".to_owned()),
        Just("metrics".to_owned()),
        Just("checkpointDay".to_owned()),
        Just("ramp".to_owned()),
        "[a-zA-Z]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("JSON has no NaN or infinity", |x| x.is_finite()).prop_map(|x| json!(x)),
        prop_oneof![Just(1.0), Just(0.0), Just(-1.0), Just(1e308), Just(5e-324)].prop_map(|x| json!(x)),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A valid scenario with one field replaced by arbitrary JSON.
fn scenario_with_one_field_replaced() -> impl Strategy<Value = Value> {
    let fields = ["weeksPerYear", "ramp", "departments", "costs", "uncertainty", "seats", "otherBenefits"];
    (0..fields.len(), any_json()).prop_map(move |(field, value)| {
        let mut scenario = serde_json::to_value(Scenario::default()).expect("serializes");
        scenario[fields[field]] = value;
        scenario
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn evaluate_never_panics(document in any_json()) {
        let _ = evaluate_json(&document, &BenchmarkTable::default());
    }

    #[test]
    fn evaluate_never_panics_on_a_nearly_valid_scenario(document in scenario_with_one_field_replaced()) {
        match evaluate_json(&document, &BenchmarkTable::default()) {
            Ok(report) => prop_assert!(report.annual.benefit.is_finite() && report.annual.cost.is_finite()),
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }

    #[test]
    fn assess_never_panics(document in any_json()) {
        let _ = assess_json(&document, &BenchmarkTable::default());
    }

    #[test]
    fn benchmark_tables_never_panic(document in any_json()) {
        let _ = BenchmarkTable::with_overrides(&document);
    }

    #[test]
    fn any_text_as_a_link_never_panics(text in "(v1\\.)?[ -~]{0,200}") {
        let _ = link::decode(&text);
    }
}
