//! Every formula of SPEC 2.2 against an answer computed by hand (the arithmetic is in the comments).

#![cfg(not(target_arch = "wasm32"))]

use roi_core::projection::{Month, payback_months, ramp_factor};
use roi_core::scenario::Ramp;
use roi_core::{BenchmarkTable, Report, evaluate_json};
use serde_json::{Value, json};

#[macro_use]
mod common;

fn report(scenario: Value) -> Report {
    evaluate_json(&scenario, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Two departments, one priced by the year, with attribution, confidence, employee time and seats.
fn two_departments() -> Value {
    json!({
        "version": 1, "weeksPerYear": 50, "hoursPerWeek": 40, "horizonMonths": 24, "discountRate": 0.1,
        "attribution": 0.8, "confidence": 0.5, "ramp": null, "seats": 30,
        "departments": [
            { "name": "Legal", "benchmark": "legal", "headcount": 10, "hourlyCost": 100, "activeRate": 0.5, "hoursSavedPerWeek": 4 },
            { "name": "Ops", "benchmark": null, "headcount": 20, "annualCost": 80000, "activeRate": 1, "hoursSavedPerWeek": 2 }
        ],
        "costs": {
            "oneTime": [ { "label": "Content", "amount": 5000 } ],
            "monthly": [ { "label": "PM", "amount": 100 } ],
            "perSeatMonthly": [ { "label": "Licence", "amount": 20 } ],
            "trainingHoursPerPerson": 3, "learningCurveHoursPerPerson": 1
        },
        "otherBenefits": [ { "label": "Fewer errors", "annualAmount": 1000, "confidence": 0.5 } ],
        "uncertainty": { "spread": 0.2, "draws": 0, "seed": 1 }
    })
}

#[test]
fn annual_figures_by_hand() {
    let r = report(two_departments());
    // Legal: 10 × 0.5 × 4 × 50 × 0.8 × 0.5 = 400 h, × $100 = $40,000.
    // Ops: hourly = 80,000 / (50 × 40) = $40; 20 × 1 × 2 × 50 × 0.4 = 800 h, × $40 = $32,000.
    assert_close!(r.departments[0].annual_hours_saved, 400.0);
    assert_close!(r.departments[1].hourly_cost, 40.0);
    assert_close!(r.departments[1].annual_benefit, 32_000.0);
    assert_close!(r.annual.hours_saved, 1_200.0);
    // B = 40,000 + 32,000 + 1,000 × 0.5 = 72,500.
    assert_close!(r.annual.benefit, 72_500.0);
    // One-time = 5,000 + 10 × 4 h × $100 + 20 × 4 h × $40 = 5,000 + 4,000 + 3,200 = 12,200.
    assert_close!(r.annual.one_time_cost, 12_200.0);
    // Monthly = 100 + 30 seats × 20 = 700; C = 12,200 + 12 × 700 = 20,600.
    assert_close!(r.annual.monthly_cost, 700.0);
    assert_close!(r.annual.cost, 20_600.0);
    assert_close!(r.annual.net_benefit, 51_900.0);
    assert_close!(r.annual.roi_percent.unwrap(), 51_900.0 / 20_600.0 * 100.0);
    assert_close!(r.annual.benefit_cost_ratio.unwrap(), 72_500.0 / 20_600.0);
    // Shares of the benefit: 40,000 / 72,500 and 32,000 / 72,500.
    assert_close!(r.departments[0].share_of_benefit, 40_000.0 / 72_500.0);
}

#[test]
fn monthly_projection_payback_and_npv_by_hand() {
    let r = report(two_departments());
    assert_eq!(r.version, 1);
    assert_eq!(r.monthly.len(), 25);
    // Month 0: −12,200. Each month: +72,500 / 12 − 700 = 5,341.666…
    let per_month = 72_500.0 / 12.0 - 700.0;
    assert_close!(r.monthly[0].cumulative_net, -12_200.0);
    assert_close!(r.monthly[3].cumulative_net, -12_200.0 + 3.0 * per_month);
    // Cumulative net crosses 0 in month 3: 2 + (12,200 − 2 × 5,341.67) / 5,341.67.
    assert_close!(r.payback_months.unwrap(), 2.0 + (12_200.0 - 2.0 * per_month) / per_month);
    // First year = months 0–12: benefit 72,500, cost 12,200 + 8,400.
    assert_close!(r.first_year.benefit, 72_500.0);
    assert_close!(r.first_year.cost, 20_600.0);
    // NPV: year 0 = −12,200 undiscounted; years 1 and 2 each 72,500 − 8,400, at 10%.
    let pv_benefit = 72_500.0 / 1.1 + 72_500.0 / 1.21;
    let pv_cost = 12_200.0 + 8_400.0 / 1.1 + 8_400.0 / 1.21;
    assert_close!(r.horizon.pv_benefit, pv_benefit);
    assert_close!(r.horizon.pv_cost, pv_cost);
    assert_close!(r.horizon.npv, pv_benefit - pv_cost);
    assert_close!(r.horizon.npv_roi_percent.unwrap(), (pv_benefit - pv_cost) / pv_cost * 100.0);
    assert_close!(r.horizon.benefit, 145_000.0);
    assert_close!(r.horizon.cost, 12_200.0 + 24.0 * 700.0);
    assert_eq!(r.horizon.months, 24);
}

#[test]
fn npv_puts_a_partial_last_year_in_its_own_year() {
    let mut scenario = two_departments();
    scenario["horizonMonths"] = json!(18);
    let r = report(scenario);
    // Months 13–18 fall into year 2: 6 × 72,500 / 12 benefit, 6 × 700 cost.
    let pv_benefit = 72_500.0 / 1.1 + 6.0 * 72_500.0 / 12.0 / 1.21;
    assert_close!(r.horizon.pv_benefit, pv_benefit);
}

#[test]
fn ramp_is_linear_from_day30_factor_to_full() {
    let ramp = Some(Ramp { day30_factor: 0.5, full_by_month: 5 });
    let factors: Vec<f64> = (1..=6).map(|m| ramp_factor(ramp, m)).collect();
    assert_eq!(factors, [0.5, 0.625, 0.75, 0.875, 1.0, 1.0]);
    assert_eq!(ramp_factor(Some(Ramp { day30_factor: 0.3, full_by_month: 1 }), 1), 1.0);
    assert_eq!(ramp_factor(None, 1), 1.0);
    // The default: 0.6923 in month 1, halfway to 1 in month 2.
    assert_close!(ramp_factor(Some(Ramp::DEFAULT), 2), (0.6923 + 1.0) / 2.0);
}

#[test]
fn first_year_includes_the_ramp() {
    let mut scenario = two_departments();
    scenario["ramp"] = json!({ "day30Factor": 0.5, "fullByMonth": 3 });
    let r = report(scenario);
    // Months 1–12 earn 0.5, 0.75, then 10 × 1 of a twelfth: 11.25 / 12 of the year's benefit.
    assert_close!(r.first_year.benefit, 72_500.0 * 11.25 / 12.0);
    assert_close!(r.monthly[1].benefit, 72_500.0 / 12.0 * 0.5);
    // The annual block stays the steady-state year.
    assert_close!(r.annual.benefit, 72_500.0);
}

fn months(nets: &[f64]) -> Vec<Month> {
    nets.iter()
        .enumerate()
        .map(|(m, &net)| Month { month: u32::try_from(m).unwrap(), cumulative_net: net, ..Month::default() })
        .collect()
}

#[test]
fn payback_is_the_last_crossing_from_below() {
    // Crosses in month 2 (at 1.5), dips again, crosses for good in month 4 (at 3.25).
    assert_eq!(payback_months(&months(&[-10.0, -5.0, 5.0, -3.0, 9.0])), Some(3.25));
    // Never below zero.
    assert_eq!(payback_months(&months(&[0.0, 1.0, 2.0])), Some(0.0));
    // Below zero at the end.
    assert_eq!(payback_months(&months(&[-10.0, -5.0, -1.0])), None);
    // Exactly zero at a month end counts as paid back there.
    assert_eq!(payback_months(&months(&[-10.0, 0.0, 10.0])), Some(1.0));
}

#[test]
fn zero_cost_gives_null_ratios_and_a_warning() {
    let mut scenario = two_departments();
    scenario["costs"] = json!({});
    scenario["seats"] = json!(0);
    let r = report(scenario);
    assert_eq!(r.annual.roi_percent, None);
    assert_eq!(r.annual.benefit_cost_ratio, None);
    assert_eq!(r.payback_months, Some(0.0));
    assert!(r.warnings.iter().any(|w| w.code == "zeroCost" && w.path == "costs"));
}

#[test]
fn use_cases_make_up_hours_saved() {
    let mut scenario = two_departments();
    scenario["departments"][0] = json!({
        "name": "Legal", "benchmark": "legal", "headcount": 10, "hourlyCost": 100, "activeRate": 0.5,
        "useCases": [
            { "name": "Contract review", "minutesBefore": 180, "minutesAfter": 40, "perWeek": 1 },
            { "name": "Research memo", "minutesBefore": 60, "minutesAfter": 30, "perWeek": 2 }
        ]
    });
    let r = report(scenario);
    // (140 × 1 + 30 × 2) / 60 = 200 / 60 h a week.
    assert_close!(r.departments[0].hours_saved_per_week, 200.0 / 60.0);
}

#[test]
fn missing_values_default_to_the_benchmark_midpoint_and_are_compared() {
    let r = report(json!({ "version": 1, "departments": [
        { "name": "Eng", "benchmark": "engineering", "headcount": 10, "hourlyCost": 90 },
        { "name": "HR", "benchmark": null, "headcount": 10, "hourlyCost": 60, "activeRate": 0.95 }
    ]}));
    let eng = &r.departments[0];
    assert_eq!((eng.active_rate, eng.hours_saved_per_week), (0.85, 8.0));
    let comparison = eng.benchmark.as_ref().expect("engineering is compared");
    assert_eq!(
        serde_json::to_value(comparison.active_rate).unwrap(),
        json!({ "value": 0.85, "low": 0.8, "high": 0.9, "status": "within" })
    );
    // No benchmark: no comparison, hours from `general` (6.5).
    assert!(r.departments[1].benchmark.is_none());
    assert_eq!(r.departments[1].hours_saved_per_week, 6.5);
}
