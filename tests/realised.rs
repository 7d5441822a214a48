//! The realised return (docs/model.md, "Realised return"): hand-computed reports — departments matched
//! by name and by benchmark, a metric not measured, measured seats, a fallback department, the whole
//! cohort, before day 30, no cost — what `apply` makes of them, and properties over generated scenarios.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roi_core::realised::{Basis, MatchedBy, RealisedStatus, apply, apply_json};
use roi_core::{BenchmarkTable, Measurements, Realised, Report, Scenario, evaluate, realise, realise_json};
use serde_json::{Value, json};

#[macro_use]
mod common;
use common::{all_finite, close};

fn read(scenario: &Value, measurements: &Value) -> (Scenario, Measurements) {
    let s = Scenario::from_json(scenario).unwrap_or_else(|e| panic!("scenario: {e:?}"));
    let m = Measurements::from_json(measurements).unwrap_or_else(|e| panic!("measurements: {e:?}"));
    (s, m)
}

fn realised(scenario: &Value, measurements: &Value) -> Realised {
    realise_json(scenario, measurements, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn report(scenario: &Scenario) -> Report {
    evaluate(scenario, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Three departments, 50 weeks, confidence 0.5 (attribution 1): credit 0.5 on every claimed hour.
fn three_departments() -> Value {
    json!({
        "version": 1, "weeksPerYear": 50, "confidence": 0.5,
        "departments": [
            { "name": "Engineering", "benchmark": "engineering", "headcount": 20, "hourlyCost": 100, "activeRate": 0.9, "hoursSavedPerWeek": 8 },
            { "name": "Money people", "benchmark": "finance", "headcount": 10, "hourlyCost": 60, "activeRate": 0.6, "hoursSavedPerWeek": 4 },
            { "name": "Legal", "benchmark": "legal", "headcount": 5, "hourlyCost": 120, "activeRate": 0.5, "hoursSavedPerWeek": 2 }
        ],
        "costs": {
            "oneTime": [{ "label": "Course", "amount": 10000 }], "monthly": [{ "label": "Programme", "amount": 500 }],
            "perSeatMonthly": [{ "label": "Licence", "amount": 20 }], "trainingHoursPerPerson": 4, "learningCurveHoursPerPerson": 1
        }
    })
}

/// " engineering " finds Engineering by name; "Finance team" finds "Money people" by its benchmark and
/// has no hours measured; Legal is not measured; 25 licensed seats.
fn day_90() -> Value {
    json!({
        "version": 1, "checkpointDay": 90, "licensedSeats": 25, "metrics": { "weeklyActiveRate": 0.6 },
        "departments": [
            { "name": " engineering ", "metrics": { "activeUsageRate": 0.75, "hoursSavedPerWeek": 6 } },
            { "name": "Finance team", "benchmark": "finance", "metrics": { "activeUsageRate": 0.5 } }
        ]
    })
}

#[test]
fn two_departments_matched_by_name_and_benchmark_with_measured_seats() {
    let r = realised(&three_departments(), &day_90());
    assert_eq!((r.checkpoint_day, r.status, r.anything_measured), (90, RealisedStatus::Day90, true));

    // Projected: Engineering 20 × 0.9 × 8 × 50 × 0.5 = 3,600 h × $100 = 360,000;
    // Money people 10 × 0.6 × 4 × 50 × 0.5 = 600 h × $60 = 36,000; Legal 5 × 0.5 × 2 × 50 × 0.5 = 125 h × $120 = 15,000.
    // One-time 10,000 + (20 × 100 + 10 × 60 + 5 × 120) × (4 + 1) = 26,000; monthly 500 + 35 seats × 20 = 1,200;
    // cost 26,000 + 12 × 1,200 = 40,400.
    assert_close!(r.projected.hours_saved, 4_325.0);
    assert_close!(r.projected.benefit, 411_000.0);
    assert_close!(r.projected.cost, 40_400.0);

    // Realised: Engineering 20 (its headcount) × 0.75 × 6 × 50 × 0.5 = 2,250 h × $100 = 225,000;
    // Finance team 10 × 0.5 × 4 (hours not measured: the scenario's) × 50 × 0.5 = 500 h × $60 = 30,000.
    assert_close!(r.annual.hours_saved, 2_750.0);
    assert_close!(r.annual.benefit, 255_000.0);
    // One-time 10,000 + (20 × 100 + 10 × 60) × 5 = 23,000; monthly 500 + 25 measured seats × 20 = 1,000.
    assert_close!(r.annual.one_time_cost, 23_000.0);
    assert_close!(r.annual.monthly_cost, 1_000.0);
    assert_close!(r.annual.cost, 35_000.0);
    assert_close!(r.annual.net_benefit, 220_000.0);
    assert_close!(r.annual.roi_percent.unwrap(), 220_000.0 / 35_000.0 * 100.0); // 628.57%
    assert_close!(r.annual.benefit_cost_ratio.unwrap(), 255_000.0 / 35_000.0); // 7.29×

    // Gap: 255,000 − 411,000; ROI points 628.57 − 370,600 / 40,400 × 100 (917.33).
    assert_close!(r.gap.benefit, -156_000.0);
    assert_close!(r.gap.cost, -5_400.0);
    assert_close!(r.gap.roi_points.unwrap(), 220_000.0 / 35_000.0 * 100.0 - 370_600.0 / 40_400.0 * 100.0);
    assert_eq!((r.seats.realised, r.seats.projected, r.seats.basis), (25.0, 35.0, Basis::Measured));
    assert_eq!((r.people.realised, r.people.projected, r.people.basis), (30.0, 35.0, Basis::Projected));
    assert_eq!(r.unmeasured_departments, ["Legal"]);

    let [eng, fin] = &r.departments[..] else { panic!("two departments: {:?}", r.departments) };
    assert_eq!((eng.matched.by, eng.matched.department.as_deref()), (MatchedBy::Name, Some("Engineering")));
    assert_eq!((fin.matched.by, fin.matched.department.as_deref()), (MatchedBy::Benchmark, Some("Money people")));
    assert!(eng.matched.note.is_none() && fin.matched.note.is_none());
    assert_eq!((eng.hourly_cost, fin.hourly_cost), (100.0, 60.0));
    assert_eq!(
        (eng.active_rate.realised, eng.active_rate.projected, eng.active_rate.basis),
        (0.75, 0.9, Basis::Measured)
    );
    assert_eq!((fin.hours_saved_per_week.realised, fin.hours_saved_per_week.basis), (4.0, Basis::Projected));
    assert_eq!((fin.people.realised, fin.people.basis), (10.0, Basis::Projected));
    assert_close!(eng.benefit.realised, 225_000.0);
    assert_close!(eng.benefit.projected, 360_000.0);
    assert_close!(eng.benefit_gap, -135_000.0);
    assert_close!(fin.benefit.projected, 36_000.0);
    assert_eq!(fin.benefit.basis, Basis::Measured, "its active rate was measured");
}

#[test]
fn applying_the_measurements_then_evaluating_gives_the_realised_figures() {
    let (scenario, measurements) = read(&three_departments(), &day_90());
    let table = BenchmarkTable::default();
    let applied = apply(&scenario, &measurements, &table).expect("applies");
    let names: Vec<_> = applied.departments.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        ["Engineering", "Finance team"],
        "the scenario's name when matched by it; Legal was not measured"
    );
    assert_eq!(
        (applied.departments[0].active_rate, applied.departments[0].hours_saved_per_week),
        (Some(0.75), Some(6.0))
    );
    assert_eq!(applied.departments[1].hours_saved_per_week, Some(4.0), "not measured: the scenario's");
    assert_eq!(applied.departments[1].benchmark.as_deref(), Some("finance"));
    assert_eq!((applied.seats, &applied.costs), (Some(25), &scenario.costs), "seats measured, costs kept");
    // The share link carries a valid scenario.
    assert_eq!(Scenario::from_json(&serde_json::to_value(&applied).unwrap()).expect("valid"), applied);
    let realised = realise(&scenario, &measurements, &table).expect("realises");
    let annual = report(&applied).annual;
    for (a, b) in [(annual.benefit, realised.annual.benefit), (annual.cost, realised.annual.cost)] {
        assert_close!(a, b);
    }
    assert_close!(annual.roi_percent.unwrap(), realised.annual.roi_percent.unwrap());
    // The same through the JSON entry point.
    assert_eq!(apply_json(&three_departments(), &day_90(), &table).expect("applies"), applied);
}

#[test]
fn before_day_30_it_is_too_early_and_the_whole_cohort_counts_the_measured_people() {
    // The default scenario: All staff, 100 people at $75/h, 48 weeks, general benchmark (70%, 6.5 h).
    let m = json!({ "version": 1, "checkpointDay": 7, "people": 80, "metrics": { "activeUsageRate": 0.5, "hoursSavedPerWeek": 2 } });
    let r = realised(&serde_json::to_value(Scenario::default()).unwrap(), &m);
    assert_eq!(r.status, RealisedStatus::TooEarly);
    let [cohort] = &r.departments[..] else { panic!("one cohort row") };
    assert_eq!((cohort.name.as_str(), cohort.matched.by), ("All staff", MatchedBy::Cohort));
    assert_eq!((cohort.people.realised, cohort.people.projected, cohort.people.basis), (80.0, 100.0, Basis::Measured));
    // 80 × 0.5 × 2 × 48 = 3,840 h × $75 = 288,000.
    assert_close!(r.annual.benefit, 288_000.0);
    // One-time 60,000 + 80 × (6 + 4) h × $75 = 120,000; monthly 2,000 + 80 seats (the people) × 30 = 4,400.
    assert_close!(r.annual.cost, 120_000.0 + 12.0 * 4_400.0); // 172,800
    assert_close!(r.annual.roi_percent.unwrap(), 115_200.0 / 172_800.0 * 100.0); // 66.67%
    // Projected: 100 × 0.7 × 6.5 × 48 × 75 = 1,638,000 against 195,000.
    assert_close!(r.projected.benefit, 1_638_000.0);
    assert_close!(cohort.benefit.projected, 1_638_000.0);
    assert!(r.unmeasured_departments.is_empty());
}

#[test]
fn no_cost_gives_null_ratios_and_finite_figures() {
    // `{"version": 1}`: the SPEC's defaults without costs; 60% active measured, hours the general 6.5.
    let m = json!({ "version": 1, "checkpointDay": 30, "metrics": { "activeUsageRate": 0.6 } });
    let r = realised(&json!({ "version": 1 }), &m);
    assert_eq!(r.status, RealisedStatus::Measured);
    // 100 × 0.6 × 6.5 × 48 = 18,720 h × $75 = 1,404,000.
    assert_close!(r.annual.benefit, 1_404_000.0);
    assert_eq!((r.annual.cost, r.annual.roi_percent, r.annual.benefit_cost_ratio), (0.0, None, None));
    assert_eq!((r.gap.roi_points, r.gap.benefit_cost_ratio), (None, None));
    assert!(all_finite(&serde_value::to_value(&r).unwrap()));
    let text = serde_json::to_string(&r).unwrap();
    assert!(text.contains("\"roiPercent\":null") && !text.contains("NaN"), "{text}");
}

#[test]
fn a_department_the_scenario_lacks_is_valued_at_the_scenario_averages_with_a_note() {
    // Sales 30 × $50 and Support 10 × $90: mean hourly cost (1,500 + 900) / 40 = $60;
    // mean active rate (30 × 0.8 + 10 × 0.4) / 40 = 0.7; hours per active user 4 in both.
    let scenario = json!({ "version": 1, "departments": [
        { "name": "Sales", "benchmark": "sales", "headcount": 30, "hourlyCost": 50, "activeRate": 0.8, "hoursSavedPerWeek": 4 },
        { "name": "Support", "benchmark": null, "headcount": 10, "hourlyCost": 90, "activeRate": 0.4, "hoursSavedPerWeek": 4 }
    ]});
    let m = json!({ "version": 1, "checkpointDay": 60, "people": 50, "departments": [
        { "name": "Operations", "metrics": { "activeUsageRate": 0.5 } },
        { "name": "sales", "metrics": { "hoursSavedPerWeek": 3 } }
    ]});
    let r = realised(&scenario, &m);
    let [ops, sales] = &r.departments[..] else { panic!("two departments") };
    assert_eq!((ops.matched.by, ops.matched.department.as_deref()), (MatchedBy::Fallback, None));
    let note = ops.matched.note.as_deref().expect("a fallback says so");
    assert!(note.contains("Operations") && note.contains("headcount-weighted mean"), "{note}");
    assert_close!(ops.hourly_cost, 60.0);
    // The 50 people measured, shared as Sales's headcount (30) and what no match covers (40 − 30 = 10):
    // Operations 50 × 10 / 40 = 12.5, Sales 50 × 30 / 40 = 37.5.
    assert_eq!((ops.people.realised, sales.people.realised, ops.people.basis), (12.5, 37.5, Basis::Measured));
    // Operations 12.5 × 0.5 × 4 (the mean hours) × 48 = 1,200 h × $60 = 72,000; projected at 0.7: 100,800.
    assert_close!(ops.benefit.realised, 72_000.0);
    assert_close!(ops.benefit.projected, 100_800.0);
    assert_eq!(ops.hours_saved_per_week.basis, Basis::Projected);
    // Sales 37.5 × 0.8 (not measured) × 3 × 48 = 4,320 h × $50 = 216,000.
    assert_close!(sales.benefit.realised, 216_000.0);
    assert_eq!((sales.active_rate.realised, sales.active_rate.basis), (0.8, Basis::Projected));
    assert_close!(r.annual.benefit, 288_000.0);
    assert_eq!(r.unmeasured_departments, ["Support"]);

    let (s, m) = read(&scenario, &m);
    let applied = apply(&s, &m, &BenchmarkTable::default()).expect("applies");
    let ops = &applied.departments[0];
    assert_eq!((ops.hourly_cost, ops.active_rate, ops.hours_saved_per_week), (Some(60.0), Some(0.5), Some(4.0)));
    // 12.5 and 37.5 in whole people that still add up to 50.
    assert_eq!(applied.departments.iter().map(|d| d.headcount).sum::<u64>(), 50);
    Scenario::from_json(&serde_json::to_value(&applied).unwrap()).expect("a valid scenario");
}

#[test]
fn problems_of_both_documents_are_reported_under_their_names() {
    let scenario = json!({ "version": 1, "departments": [{ "name": "A", "headcount": -1, "hourlyCost": 50 }] });
    let m = json!({ "version": 1, "checkpointDay": 30, "departments": [{ "name": "B", "benchmark": "nope" }] });
    let errors = realise_json(&scenario, &m, &BenchmarkTable::default()).expect_err("invalid");
    let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["scenario.departments[0].headcount", "measurements.departments[0].benchmark"]);
    let errors = apply_json(&json!([]), &json!({ "version": 1 }), &BenchmarkTable::default()).expect_err("invalid");
    assert_eq!(errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["scenario", "measurements.checkpointDay"]);
}

const BENCHMARKS: [Option<&str>; 4] = [None, Some("engineering"), Some("finance"), Some("general")];

/// A department (named by its index, so names never collide) with optional values left out or drawn.
fn department(i: usize) -> impl Strategy<Value = Value> {
    (
        0..BENCHMARKS.len(),
        0u64..5_000,
        prop_oneof![(1.0f64..300.0).prop_map(|h| json!({ "hourlyCost": h })), (10_000.0f64..400_000.0).prop_map(|a| json!({ "annualCost": a }))],
        proptest::option::of(0.0f64..=1.0),
        prop_oneof![Just(None), (0.0f64..=20.0).prop_map(|h| Some(json!({ "hoursSavedPerWeek": h }))), (0.0f64..60.0).prop_map(|m| {
            Some(json!({ "useCases": [{ "name": "Drafts", "minutesBefore": m + 10.0, "minutesAfter": 10, "perWeek": 3 }] }))
        })],
    )
        .prop_map(move |(benchmark, headcount, cost, rate, hours)| {
            let mut dept = json!({ "name": format!("Dept {i}"), "benchmark": BENCHMARKS[benchmark], "headcount": headcount });
            dept.as_object_mut().unwrap().extend(cost.as_object().unwrap().clone());
            if let Some(rate) = rate {
                dept["activeRate"] = json!(rate);
            }
            if let Some(hours) = hours {
                dept.as_object_mut().unwrap().extend(hours.as_object().unwrap().clone());
            }
            dept
        })
}

fn scenario() -> impl Strategy<Value = Value> {
    let departments = (1usize..6).prop_flat_map(|n| (0..n).map(department).collect::<Vec<_>>());
    (
        (1.0f64..=52.0, 20.0f64..=80.0, 0.01f64..=1.0, 0.01f64..=1.0),
        departments,
        (0.0f64..200_000.0, 0.0f64..5_000.0, 0.0f64..60.0, 0.0f64..20.0, proptest::option::of(0u64..20_000)),
        proptest::option::of(0.0f64..100_000.0),
    )
        .prop_map(|((weeks, hours, attribution, confidence), departments, costs, other)| {
            let (one_time, monthly, per_seat, training, seats) = costs;
            let mut scenario = json!({
                "version": 1, "weeksPerYear": weeks, "hoursPerWeek": hours, "attribution": attribution, "confidence": confidence,
                "departments": departments, "uncertainty": { "draws": 0 },
                "costs": {
                    "oneTime": [{ "label": "Training", "amount": one_time }], "monthly": [{ "label": "Programme", "amount": monthly }],
                    "perSeatMonthly": [{ "label": "Licence", "amount": per_seat }], "trainingHoursPerPerson": training
                },
                "otherBenefits": other.map(|a| vec![json!({ "label": "Fewer errors", "annualAmount": a, "confidence": 0.5 })]).unwrap_or_default()
            });
            if let Some(seats) = seats {
                scenario["seats"] = json!(seats);
            }
            scenario
        })
}

/// Any measurements document: departments whose names may or may not be the scenario's, any metrics.
fn measurements() -> impl Strategy<Value = Value> {
    let metrics =
        (proptest::option::of(0.0f64..=1.0), proptest::option::of(0.0f64..=80.0)).prop_map(|(rate, hours)| {
            let mut m = json!({});
            if let Some(rate) = rate {
                m["activeUsageRate"] = json!(rate);
            }
            if let Some(hours) = hours {
                m["hoursSavedPerWeek"] = json!(hours);
            }
            m
        });
    let dept = ("(Dept [0-7]|dept [0-3] |Ops)", 0..BENCHMARKS.len(), metrics.clone())
        .prop_map(|(name, b, metrics)| json!({ "name": name, "benchmark": BENCHMARKS[b], "metrics": metrics }));
    (
        0u32..=365,
        proptest::option::of(0u64..50_000),
        proptest::option::of(0u64..50_000),
        metrics,
        proptest::collection::vec(dept, 0..6),
    )
        .prop_map(|(day, people, seats, metrics, departments)| {
            let mut m = json!({ "version": 1, "checkpointDay": day, "metrics": metrics, "departments": departments });
            if let Some(people) = people {
                m["people"] = json!(people);
            }
            if let Some(seats) = seats {
                m["licensedSeats"] = json!(seats);
            }
            m
        })
}

/// Measurements that say exactly what the scenario assumes: each department's resolved active rate and
/// hours (its name in other case and spacing), or — for the cohort — nothing but the people.
fn as_assumed(scenario: &Scenario, report: &Report, by_department: bool, people: bool, seats: bool) -> Value {
    let departments: Vec<Value> = report
        .departments
        .iter()
        .filter(|_| by_department)
        .map(|d| json!({ "name": format!(" {} ", d.name.to_uppercase()), "metrics": { "activeUsageRate": d.active_rate, "hoursSavedPerWeek": d.hours_saved_per_week } }))
        .collect();
    let mut m = json!({ "version": 1, "checkpointDay": 90, "departments": departments });
    if people {
        m["people"] = json!(scenario.departments.iter().map(|d| d.headcount).sum::<u64>());
    }
    if seats {
        m["licensedSeats"] = json!(scenario.seat_count());
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn realised_equals_projected_when_measured_as_assumed(s in scenario(), by_department: bool, people: bool, seats: bool) {
        let scenario = Scenario::from_json(&s).expect("a generated scenario is valid");
        let projection = report(&scenario);
        let m = as_assumed(&scenario, &projection, by_department, people, seats);
        let r = realised(&s, &m);
        let (a, p) = (r.annual, projection.annual);
        for (name, x, y) in [("hours", a.hours_saved, p.hours_saved), ("benefit", a.benefit, p.benefit), ("cost", a.cost, p.cost),
            ("oneTime", a.one_time_cost, p.one_time_cost), ("monthly", a.monthly_cost, p.monthly_cost)] {
            prop_assert!(close(x, y), "{name}: {x} vs {y}");
        }
        prop_assert_eq!(a.roi_percent.is_some(), p.roi_percent.is_some());
        if let (Some(x), Some(y)) = (a.roi_percent, p.roi_percent) {
            // Benefit and cost each within 1e-9: the ROI within that of (B + C) / C × 100 points.
            prop_assert!(close(x, y) || (x - y).abs() <= 2e-9 * 100.0 * (p.benefit + p.cost) / p.cost, "roi {x} vs {y}");
        }
        for d in &r.departments {
            prop_assert!(close(d.benefit.realised, d.benefit.projected), "{}: {:?}", d.name, d.benefit);
        }
        prop_assert_eq!(r.projected, projection.annual);
        let applied = apply_json(&s, &m, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"));
        let again = report(&applied).annual;
        prop_assert!(close(again.benefit, p.benefit) && close(again.cost, p.cost), "{again:?} vs {p:?}");
    }

    #[test]
    fn realised_reports_are_finite_and_applied_scenarios_valid(s in scenario(), m in measurements()) {
        let table = BenchmarkTable::default();
        let r = realise_json(&s, &m, &table).unwrap_or_else(|e| panic!("{e:?}"));
        prop_assert!(all_finite(&serde_value::to_value(&r).unwrap()), "{r:?}");
        let applied = apply_json(&s, &m, &table).unwrap_or_else(|e| panic!("{e:?}"));
        let reread = Scenario::from_json(&serde_json::to_value(&applied).unwrap());
        prop_assert!(reread.is_ok(), "{:?}", reread);
        prop_assert!(all_finite(&serde_value::to_value(report(&applied)).unwrap()));
    }
}
