//! Low/expected/high scenarios, sensitivity ranking and the Monte Carlo (SPEC 2.3), by hand.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::uncertainty::Range;
use roi_core::{BenchmarkTable, Report, evaluate_json};
use serde_json::{Value, json};

#[macro_use]
mod common;
use common::close;

/// Engineering, rate and hours left to the benchmark (0.80–0.90, 6–10 h), $100/h, 50 weeks,
/// $10,000 one-time: B = 10 × 0.85 × 8 × 50 × 100 = 340,000; C = 10,000.
fn engineering(draws: u64) -> Value {
    json!({
        "version": 1, "weeksPerYear": 50, "ramp": null, "horizonMonths": 12,
        "departments": [ { "name": "Eng", "benchmark": "engineering", "headcount": 10, "hourlyCost": 100 } ],
        "costs": { "oneTime": [ { "label": "Training", "amount": 10000 } ] },
        "uncertainty": { "spread": 0.2, "draws": draws, "seed": 7 }
    })
}

fn report(scenario: &Value) -> Report {
    evaluate_json(scenario, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn scenarios_take_band_ends_and_spread() {
    let r = report(&engineering(0));
    assert!(close(r.scenarios.expected.roi_percent.unwrap(), 3_300.0));
    // Low: rate 0.80, hours 6 (band), $80/h, 40 weeks (−20%), cost 12,000 (+20%):
    // B = 10 × 0.8 × 6 × 40 × 80 = 153,600; ROI = 141,600 / 12,000 = 1,180%.
    assert!(close(r.scenarios.low.benefit, 153_600.0));
    assert!(close(r.scenarios.low.cost, 12_000.0));
    assert!(close(r.scenarios.low.roi_percent.unwrap(), 1_180.0));
    // High: 0.90, 10 h, $120/h, 52 weeks (60 clamped), cost 8,000:
    // B = 10 × 0.9 × 10 × 52 × 120 = 561,600; ROI = 553,600 / 8,000 = 6,920%.
    assert!(close(r.scenarios.high.benefit, 561_600.0));
    assert!(close(r.scenarios.high.roi_percent.unwrap(), 6_920.0));
    // Payback of the low scenario: 12,000 / (153,600 / 12) months.
    assert!(close(r.scenarios.low.payback_months.unwrap(), 12_000.0 / 12_800.0));
}

#[test]
fn a_typed_value_varies_by_spread_not_band() {
    let mut scenario = engineering(0);
    scenario["departments"][0]["activeRate"] = json!(0.5);
    let r = report(&scenario);
    let rate = r.sensitivity.iter().find(|s| s.input == "departments[0].activeRate").unwrap();
    assert!(close(rate.low, 0.4) && close(rate.high, 0.6), "{rate:?}");
}

#[test]
fn sensitivity_is_ranked_by_swing() {
    let r = report(&engineering(0));
    let order: Vec<&str> = r.sensitivity.iter().map(|s| s.input.as_str()).collect();
    // Swings: hours 2,450→4,150 (1,700); cost 4,150→2,733.3 (1,416.7); hourly 2,620→3,980 (1,360);
    // weeks 2,620→3,436 (816); rate 3,100→3,500 (400).
    assert_eq!(
        order,
        [
            "departments[0].hoursSavedPerWeek",
            "costs",
            "departments[0].hourlyCost",
            "weeksPerYear",
            "departments[0].activeRate"
        ]
    );
    let cost = &r.sensitivity[1];
    assert!(close(cost.low, 8_000.0) && close(cost.high, 12_000.0));
    assert!(close(cost.roi_at_low.unwrap(), 4_150.0));
    assert!(close(cost.roi_at_high.unwrap(), 328_000.0 / 12_000.0 * 100.0));
    assert!(close(r.sensitivity[0].swing, 1_700.0));
}

#[test]
fn monte_carlo_is_seeded_and_ordered() {
    let a = report(&engineering(5_000)).risk.expect("risk computed");
    let b = report(&engineering(5_000)).risk.expect("risk computed");
    assert_eq!(a, b, "same seed, same figures");
    assert!(a.p10 <= a.p50 && a.p50 <= a.p90);
    // Every draw lies between the low and high scenarios.
    assert!(a.p10 >= 1_180.0 && a.p90 <= 6_920.0, "{a:?}");
    assert_eq!(a.probability_positive, 1.0);
    assert_eq!(a.draws, 5_000);
    let mut other_seed = engineering(5_000);
    other_seed["uncertainty"]["seed"] = json!(8);
    assert_ne!(report(&other_seed).risk, Some(a));
}

#[test]
fn no_draws_or_no_cost_means_no_risk() {
    assert_eq!(report(&engineering(0)).risk, None);
    let mut free = engineering(100);
    free["costs"] = json!({});
    assert_eq!(report(&free).risk, None);
}

#[test]
fn triangular_draws_have_the_triangular_mean() {
    let range = Range { low: 2.0, expected: 3.0, high: 7.0 };
    let n = 100_000;
    // A stratified grid of u values: the mean converges to (2 + 3 + 7) / 3 = 4.
    #[allow(clippy::cast_precision_loss)]
    let mean = (0..n).map(|i| range.triangular((f64::from(i) + 0.5) / f64::from(n))).sum::<f64>() / f64::from(n);
    assert!((mean - 4.0).abs() < 1e-3, "{mean}");
    assert_eq!(range.triangular(0.0), 2.0);
    // F(mode) = (3 − 2) / (7 − 2) = 0.2.
    assert!(close(range.triangular(0.2), 3.0));
    assert_eq!(Range { low: 5.0, expected: 5.0, high: 5.0 }.triangular(0.7), 5.0);
}
