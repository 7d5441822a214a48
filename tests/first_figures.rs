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

/// A scenario whose departments may have use cases, with up to two other benefits.
fn scenario() -> impl Strategy<Value = Value> {
    (common::generated::scenario(12..=120, true), proptest::collection::vec((0.0f64..100_000.0, 0.01f64..=1.0), 0..3))
        .prop_map(|(mut scenario, others)| {
            scenario["otherBenefits"] =
                others.iter().map(|(a, c)| json!({ "label": "Other", "annualAmount": a, "confidence": c })).collect();
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
