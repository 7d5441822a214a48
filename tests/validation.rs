//! Bad input yields every problem with its path, never a panic (SPEC 2.4).

#![cfg(not(target_arch = "wasm32"))]

use roi_core::{BenchmarkTable, FieldError, Scenario, evaluate_json};
use serde_json::{Value, json};

fn paths(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.path.as_str()).collect()
}

fn errors(document: &Value) -> Vec<FieldError> {
    evaluate_json(document, &BenchmarkTable::default()).expect_err("the document is invalid")
}

#[test]
fn every_problem_is_reported_at_once() {
    let document = json!({
        "version": 1,
        "hoursPerWeek": 40,
        "weeksPerYaer": 48,
        "departments": [
            { "name": "A", "headcount": -5, "hourlyCost": 50 },
            { "name": "B", "headcount": 10, "hourlyCost": 50, "activeRate": 1.5 },
            { "name": "C", "headcount": 10, "hourlyCost": 50, "hoursSavedPerWeek": 41 },
            { "name": "D", "headcount": "NaN", "hourlyCost": 50 },
            { "name": "E", "headcount": 1, "hourlyCost": 50, "benchmark": "astrology" }
        ]
    });
    let errors = errors(&document);
    assert_eq!(
        paths(&errors),
        [
            "weeksPerYaer",
            "departments[0].headcount",
            "departments[1].activeRate",
            "departments[2].hoursSavedPerWeek",
            "departments[3].headcount",
            "departments[4].benchmark"
        ]
    );
    assert!(errors[0].message.contains("weeksPerYear"), "the unknown-key message lists the known keys");
    assert!(errors[4].message.contains("not text"), "{}", errors[4].message);
}

#[test]
fn an_unknown_benchmark_is_named_once_the_document_is_well_formed() {
    let document = json!({ "version": 1, "departments": [ { "name": "E", "headcount": 1, "hourlyCost": 50, "benchmark": "astrology" } ] });
    let errors = errors(&document);
    assert_eq!(paths(&errors), ["departments[0].benchmark"]);
    assert!(errors[0].message.contains("engineering"));
}

#[test]
fn wrong_or_missing_version() {
    assert_eq!(paths(&errors(&json!({ "version": 2 }))), ["version"]);
    assert_eq!(paths(&errors(&json!({}))), ["version"]);
    assert_eq!(paths(&errors(&json!([1, 2]))), [""]);
}

#[test]
fn too_many_departments() {
    let department = json!({ "name": "X", "headcount": 1, "hourlyCost": 10 });
    let document = json!({ "version": 1, "departments": vec![department; 501] });
    let errors = errors(&document);
    assert_eq!(paths(&errors), ["departments"]);
    assert!(errors[0].message.contains("500"));
}

#[test]
fn cost_rules_are_checked() {
    let document = json!({ "version": 1, "departments": [
        { "name": "Both", "headcount": 1, "hourlyCost": 10, "annualCost": 20000 },
        { "name": "Neither", "headcount": 1 },
        { "name": "", "headcount": 1, "hourlyCost": 0 }
    ], "costs": { "oneTime": [ { "label": "x", "amount": -1 } ], "monthly": 5 } });
    assert_eq!(
        paths(&errors(&document)),
        [
            "departments[0].annualCost",
            "departments[1].hourlyCost",
            "departments[2].name",
            "departments[2].hourlyCost",
            "costs.oneTime[0].amount",
            "costs.monthly"
        ]
    );
}

#[test]
fn use_case_rules_are_checked() {
    let document = json!({ "version": 1, "hoursPerWeek": 10, "departments": [
        { "name": "A", "headcount": 1, "hourlyCost": 10, "useCases": [ { "name": "x", "minutesBefore": 10, "minutesAfter": 20, "perWeek": 1 } ] },
        { "name": "B", "headcount": 1, "hourlyCost": 10, "hoursSavedPerWeek": 1, "useCases": [] },
        { "name": "C", "headcount": 1, "hourlyCost": 10, "useCases": [ { "name": "y", "minutesBefore": 600, "minutesAfter": 0, "perWeek": 2 } ] }
    ]});
    assert_eq!(
        paths(&errors(&document)),
        ["departments[0].useCases[0].minutesAfter", "departments[1].useCases", "departments[2].useCases"]
    );
}

#[test]
fn ramp_uncertainty_and_ranges() {
    let document = json!({
        "version": 1, "currency": "usd", "locale": "not a locale!", "horizonMonths": 6, "discountRate": 2,
        "attribution": 0, "confidence": 1.2, "ramp": { "day30Factor": 0, "fullByMonth": 13 },
        "uncertainty": { "spread": 1.5, "draws": 2000000, "seed": -1 }, "seats": 1.5, "departments": []
    });
    assert_eq!(
        paths(&errors(&document)),
        [
            "currency",
            "locale",
            "horizonMonths",
            "discountRate",
            "attribution",
            "confidence",
            "ramp.day30Factor",
            "ramp.fullByMonth",
            "seats",
            "departments",
            "uncertainty.spread",
            "uncertainty.draws",
            "uncertainty.seed"
        ]
    );
}

#[test]
fn deeply_wrong_shapes_do_not_panic() {
    for document in [
        json!(null),
        json!("text"),
        json!(1),
        json!({ "version": 1, "departments": "all" }),
        json!({ "version": 1, "departments": [null, 1, "x", []] }),
        json!({ "version": 1, "costs": [] }),
    ] {
        assert!(evaluate_json(&document, &BenchmarkTable::default()).is_err(), "{document}");
    }
}

#[test]
fn an_empty_document_with_version_is_the_default_cohort_with_no_costs() {
    let scenario = Scenario::from_json(&json!({ "version": 1 })).expect("valid");
    assert_eq!(scenario.departments, Scenario::default().departments);
    assert_eq!(scenario.costs, roi_core::scenario::Costs::default());
}

#[test]
fn monte_carlo_work_is_bounded_by_draws_times_departments() {
    let departments: Vec<Value> = (0..500)
        .map(|i| json!({ "name": format!("D{i}"), "benchmark": null, "headcount": 1, "hourlyCost": 50 }))
        .collect();
    let at_limit = json!({ "version": 1, "departments": departments, "uncertainty": { "spread": 0.2, "draws": 10_000, "seed": 1 } });
    assert!(Scenario::from_json(&at_limit).is_ok(), "500 × 10,000 = 5,000,000 is allowed");
    let over = json!({ "version": 1, "departments": departments, "uncertainty": { "spread": 0.2, "draws": 10_001, "seed": 1 } });
    let problems = Scenario::from_json(&over).expect_err("500 × 10,001 is too much work");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "uncertainty.draws");
    assert_eq!(
        problems[0].message,
        "must be at most 10,000 for 500 departments (draws × departments may not exceed 5,000,000, so the figures come \
         back in well under a second)"
    );
    let one = json!({ "version": 1, "uncertainty": { "spread": 0.2, "draws": 1_000_000, "seed": 1 } });
    assert!(Scenario::from_json(&one).is_ok(), "one department may still have a million draws");
}
