//! Invariants that must hold for every valid scenario (proptest).

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::all_finite;
use proptest::prelude::*;
use roi_core::link::{decode, encode};
use roi_core::{BenchmarkTable, Report, Scenario, evaluate_json};
use serde_json::{Value, json};

const BENCHMARKS: [Option<&str>; 4] = [None, Some("engineering"), Some("finance"), Some("general")];

/// A department with every optional field either left out or drawn from its valid range.
fn department() -> impl Strategy<Value = Value> {
    (
        "[A-Za-z ]{1,12}",
        0..BENCHMARKS.len(),
        0u64..5_000,
        prop_oneof![
            (1.0f64..300.0).prop_map(|h| json!({ "hourlyCost": h })),
            (10_000.0f64..400_000.0).prop_map(|a| json!({ "annualCost": a }))
        ],
        proptest::option::of(0.0f64..=1.0),
        proptest::option::of(0.0f64..=20.0),
    )
        .prop_map(|(name, benchmark, headcount, cost, rate, hours)| {
            let mut dept = json!({ "name": name, "benchmark": BENCHMARKS[benchmark], "headcount": headcount });
            dept.as_object_mut().unwrap().extend(cost.as_object().unwrap().clone());
            if let Some(rate) = rate {
                dept["activeRate"] = json!(rate);
            }
            if let Some(hours) = hours {
                dept["hoursSavedPerWeek"] = json!(hours);
            }
            dept
        })
}

fn scenario() -> impl Strategy<Value = Value> {
    (
        (1.0f64..=52.0, 20.0f64..=80.0, 12u32..=60, 0.0f64..=1.0),
        (0.01f64..=1.0, 0.01f64..=1.0, proptest::option::of((0.01f64..=1.0, 1u32..=12))),
        proptest::collection::vec(department(), 1..6),
        (0.0f64..200_000.0, 0.0f64..5_000.0, 0.0f64..60.0, 0.0f64..20.0, proptest::option::of(0u64..20_000)),
        (0.0f64..=1.0, 0u64..200, any::<u32>()),
    )
        .prop_map(|((weeks, hours, horizon, rate), (attribution, confidence, ramp), departments, costs, (spread, draws, seed))| {
            let (one_time, monthly, per_seat, training, seats) = costs;
            let mut scenario = json!({
                "version": 1, "weeksPerYear": weeks, "hoursPerWeek": hours, "horizonMonths": horizon, "discountRate": rate,
                "attribution": attribution, "confidence": confidence,
                "ramp": ramp.map(|(f, m)| json!({ "day30Factor": f, "fullByMonth": m })),
                "departments": departments,
                "costs": {
                    "oneTime": [ { "label": "Training", "amount": one_time } ],
                    "monthly": [ { "label": "Programme", "amount": monthly } ],
                    "perSeatMonthly": [ { "label": "Licence", "amount": per_seat } ],
                    "trainingHoursPerPerson": training
                },
                "uncertainty": { "spread": spread, "draws": draws, "seed": seed }
            });
            if let Some(seats) = seats {
                scenario["seats"] = json!(seats);
            }
            scenario
        })
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
