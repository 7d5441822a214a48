//! The first-figures module's computation (`roi_core::first`, docs/decisions.md "The first-figures
//! module") against the full engine's headline: equal to 1e-9 for every golden link and for generated
//! scenarios, and refused (not guessed) for what it cannot read.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use std::fs;
use std::path::Path;

use proptest::prelude::*;
use roi_core::first::{Headline, figures, read, write};
use roi_core::{BenchmarkTable, Scenario, evaluate};
use serde_json::{Value, json};

/// The full report's headline for `scenario`.
fn full(scenario: &Scenario) -> Headline {
    let report = evaluate(scenario, &BenchmarkTable::default()).expect("a valid scenario");
    Headline {
        roi_percent: report.annual.roi_percent,
        benefit_cost_ratio: report.annual.benefit_cost_ratio,
        net_benefit: report.annual.net_benefit,
        payback_months: report.payback_months,
        first_year_roi_percent: report.first_year.roi_percent,
        npv: report.horizon.npv,
    }
}

fn same(a: &Headline, b: &Headline) -> bool {
    a.to_array().iter().zip(b.to_array()).all(|(x, y)| (x.is_nan() && y.is_nan()) || common::close(*x, y))
}

fn check(scenario: &Scenario, what: &str) {
    let first = figures(&write(scenario)).unwrap_or_else(|| panic!("{what}: the layout was refused"));
    let expected = full(scenario);
    assert!(same(&first, &expected), "{what}: {first:?} against {expected:?}");
}

#[test]
fn golden_links_give_the_engines_headline() {
    let mut checked = 0;
    for version in ["v1", "v2"] {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/links").join(version);
        for entry in fs::read_dir(&folder).expect("the fixtures") {
            let path = entry.expect("an entry").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let value: Value = serde_json::from_str(&fs::read_to_string(&path).expect("readable")).expect("JSON");
            let document = value.get("scenario").unwrap_or(&value);
            let scenario = Scenario::from_json(document).expect("a golden scenario is valid");
            check(&scenario, &path.display().to_string());
            checked += 1;
        }
    }
    assert!(checked >= 16, "only {checked} fixtures");
}

#[test]
fn absent_values_are_the_default_scenarios() {
    let mut layout = vec![1.0];
    layout.extend([f64::NAN; 8]); // weeks … confidence, ramp (2)
    layout.extend([f64::NAN; 4]); // seats, costs, other benefits, departments
    assert_eq!(read(&layout), Some(Scenario::default()));
    check(&Scenario::default(), "the default");
}

#[test]
fn what_the_full_reader_would_report_is_refused() {
    let good = write(&Scenario::default());
    assert!(figures(&good).is_some());
    for (at, bad) in [(1, 53.0), (2, 0.5), (3, 12.5), (4, 1.5), (5, 0.0), (7, 1.5)] {
        let mut layout = good.clone();
        layout[at] = bad;
        assert!(figures(&layout).is_none(), "position {at} = {bad} was taken");
    }
    assert!(figures(&good[..good.len() - 1]).is_none(), "a cut layout");
    assert!(figures(&[good.clone(), vec![0.0]].concat()).is_none(), "a longer layout");
    assert!(figures(&[2.0]).is_none(), "another layout version");
    let mut unknown = Scenario::default();
    unknown.departments[0].benchmark = Some("astrology".into());
    assert!(figures(&write(&unknown)).is_none(), "an unknown benchmark");
    let mut both = Scenario::default();
    both.departments[0].annual_cost = Some(90_000.0);
    assert!(figures(&write(&both)).is_none(), "hourly and annual cost");
}

fn department() -> impl Strategy<Value = Value> {
    (
        "[A-Za-z ]{1,12}",
        prop_oneof![Just(Value::Null), Just(json!("engineering")), Just(json!("legal")), Just(json!("general"))],
        0u64..5_000,
        prop_oneof![
            (1.0f64..300.0).prop_map(|h| json!({ "hourlyCost": h })),
            (10_000.0f64..400_000.0).prop_map(|a| json!({ "annualCost": a }))
        ],
        proptest::option::of(0.0f64..=1.0),
        prop_oneof![
            Just(None),
            (0.0f64..=20.0).prop_map(|h| Some(json!({ "hoursSavedPerWeek": h }))),
            proptest::collection::vec((0.0f64..60.0, 0.0f64..=1.0, 0.0f64..10.0), 0..4).prop_map(|cases| {
                let cases: Vec<Value> = cases
                    .iter()
                    .map(|(before, share, per_week)| {
                        json!({ "name": "Task", "minutesBefore": before, "minutesAfter": before * share, "perWeek": per_week })
                    })
                    .collect();
                Some(json!({ "useCases": cases }))
            }),
        ],
    )
        .prop_map(|(name, benchmark, headcount, cost, rate, hours)| {
            let mut dept = json!({ "name": name, "benchmark": benchmark, "headcount": headcount });
            let object = dept.as_object_mut().expect("an object");
            object.extend(cost.as_object().cloned().unwrap_or_default());
            object.extend(hours.and_then(|h| h.as_object().cloned()).unwrap_or_default());
            if let Some(rate) = rate {
                object.insert("activeRate".into(), json!(rate));
            }
            dept
        })
}

fn scenario() -> impl Strategy<Value = Value> {
    (
        (1.0f64..=52.0, 20.0f64..=80.0, 12u32..=120, 0.0f64..=1.0),
        (0.01f64..=1.0, 0.01f64..=1.0, proptest::option::of((0.01f64..=1.0, 1u32..=12))),
        proptest::collection::vec(department(), 1..6),
        (0.0f64..200_000.0, 0.0f64..5_000.0, 0.0f64..60.0, 0.0f64..20.0, proptest::option::of(0u64..20_000)),
        proptest::collection::vec((0.0f64..100_000.0, 0.01f64..=1.0), 0..3),
    )
        .prop_map(|((weeks, hours, horizon, rate), (attribution, confidence, ramp), departments, costs, others)| {
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
                "otherBenefits": others.iter().map(|(a, c)| json!({ "label": "Other", "annualAmount": a, "confidence": c })).collect::<Vec<_>>(),
            });
            if let Some(seats) = seats {
                scenario["seats"] = json!(seats);
            }
            scenario
        })
}

proptest! {
    #[test]
    fn generated_scenarios_give_the_engines_headline(document in scenario()) {
        // Generated use cases may add up to more than a working week: the full reader refuses those,
        // and so must the layout; every scenario the full reader takes must give the same figures.
        match Scenario::from_json(&document) {
            Ok(scenario) => check(&scenario, &document.to_string()),
            Err(_) => {
                let (lenient, _) = Scenario::from_json_lenient(&document);
                prop_assert!(lenient.departments.iter().all(|d| d.use_cases.is_none() || d.hours_saved_per_week.is_none()));
            }
        }
    }
}
