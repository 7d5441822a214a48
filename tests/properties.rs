//! Invariants that must hold for every valid scenario (proptest).

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::all_finite;
use proptest::prelude::*;
use roi_core::link::{decode, encode};
use roi_core::{BenchmarkTable, Report, Scenario, evaluate_json};
use serde_json::{Value, json};

/// A scenario with its uncertainty settings (departments' hours typed, never from use cases: the
/// invariants below change them).
fn scenario() -> impl Strategy<Value = Value> {
    (common::generated::scenario(12..=60, false), (0.0f64..=1.0, 0u64..200, any::<u32>())).prop_map(
        |(mut scenario, (spread, draws, seed))| {
            scenario["uncertainty"] = json!({ "spread": spread, "draws": draws, "seed": seed });
            scenario
        },
    )
}

fn evaluate(scenario: &Value) -> Report {
    evaluate_json(scenario, &BenchmarkTable::default())
        .unwrap_or_else(|e| panic!("a generated scenario is valid: {e:?}"))
}

fn set_in_department(scenario: &Value, index: usize, field: &str, value: f64) -> Value {
    let mut changed = scenario.clone();
    changed["departments"][index][field] = json!(value);
    changed
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn reports_never_hold_nan_or_infinity(scenario in scenario()) {
        let report = evaluate(&scenario);
        let tree = serde_value::to_value(&report).expect("a report serializes");
        prop_assert!(all_finite(&tree));
    }

    #[test]
    fn roi_is_the_ratio_minus_one(scenario in scenario()) {
        let report = evaluate(&scenario);
        if let (Some(roi), Some(ratio)) = (report.annual.roi_percent, report.annual.benefit_cost_ratio) {
            prop_assert!((roi - (ratio - 1.0) * 100.0).abs() <= 1e-9 * roi.abs().max(1.0), "{roi} vs {ratio}");
        } else {
            prop_assert_eq!(report.annual.cost, 0.0);
        }
    }

    #[test]
    fn benefit_grows_with_headcount_rate_and_hours(scenario in scenario(), pick in any::<prop::sample::Index>(), bump in 0.0f64..1.0) {
        let base = evaluate(&scenario).annual.benefit;
        let i = pick.index(scenario["departments"].as_array().unwrap().len());
        let report = evaluate(&scenario);
        let dept = &report.departments[i];
        let headcount = dept.headcount + (bump * 100.0).floor();
        let rate = (dept.active_rate + bump).min(1.0);
        let hours = (dept.hours_saved_per_week + bump).min(scenario["hoursPerWeek"].as_f64().unwrap());
        for (field, value) in [("headcount", headcount), ("activeRate", rate), ("hoursSavedPerWeek", hours)] {
            let more = evaluate(&set_in_department(&scenario, i, field, value)).annual.benefit;
            prop_assert!(more >= base * (1.0 - 1e-12), "{field}: {more} < {base}");
        }
    }

    #[test]
    fn links_round_trip_exactly(scenario in scenario()) {
        let scenario = Scenario::from_json(&scenario).expect("valid");
        let decoded = decode(&encode(&scenario)).expect("a fresh link opens");
        prop_assert!(decoded.dropped.is_empty(), "{:?}", decoded.dropped);
        prop_assert_eq!(decoded.scenario, scenario);
    }

    #[test]
    fn monte_carlo_is_deterministic_and_ordered(scenario in scenario()) {
        let first = evaluate(&scenario).risk;
        prop_assert_eq!(first, evaluate(&scenario).risk);
        if let Some(risk) = first {
            prop_assert!(risk.p10 <= risk.p50 && risk.p50 <= risk.p90, "{risk:?}");
            prop_assert!((0.0..=1.0).contains(&risk.probability_positive));
        }
    }

    #[test]
    fn low_expected_high_are_ordered(scenario in scenario()) {
        let s = evaluate(&scenario).scenarios;
        let slack = 1e-9 * s.expected.net_benefit.abs().max(1.0);
        prop_assert!(s.low.net_benefit <= s.expected.net_benefit + slack, "{s:?}");
        prop_assert!(s.expected.net_benefit <= s.high.net_benefit + slack, "{s:?}");
    }

    #[test]
    fn damaged_links_never_panic(scenario in scenario(), cut in any::<prop::sample::Index>(), noise in "[ -~]{0,8}") {
        let link = encode(&Scenario::from_json(&scenario).expect("valid"));
        let at = cut.index(link.len() + 1);
        let damaged = format!("{}{noise}", &link[..at]);
        let _ = decode(&damaged);
    }
}
