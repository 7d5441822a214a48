//! The chart geometry of `crate::charts` checked by hand: coordinates where the scales put them, one
//! point a month, the payback marker at its month, bars from the expected ROI, and every shape finite
//! and inside its viewBox for ordinary, zero-cost and risk-free reports.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::benchmarks::{BandStatus, Compared};
use roi_core::charts::*;
use roi_core::report::Report;
use roi_core::{BenchmarkTable, Scenario, evaluate};

/// Coordinates are rounded to one decimal, as the module does.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn default_report() -> Report {
    evaluate(&Scenario::default(), &BenchmarkTable::default()).unwrap()
}

fn zero_cost_report() -> Report {
    let scenario = Scenario::from_json(&serde_json::json!({
        "version": 1, "horizonMonths": 18,
        "departments": [{ "name": "Sales", "benchmark": "general", "headcount": 10, "hourlyCost": 50 }],
        "costs": { "oneTime": [], "monthly": [], "perSeatMonthly": [],
                   "trainingHoursPerPerson": 0, "learningCurveHoursPerPerson": 0 },
        "uncertainty": { "spread": 0.2, "draws": 100, "seed": 1 }
    }))
    .unwrap();
    evaluate(&scenario, &BenchmarkTable::default()).unwrap()
}

fn no_risk_report() -> Report {
    let mut scenario = Scenario::default();
    scenario.uncertainty.draws = 0;
    evaluate(&scenario, &BenchmarkTable::default()).unwrap()
}

fn points(shapes: &[Shape], wanted: &str) -> Vec<(f64, f64)> {
    shapes
        .iter()
        .find_map(|s| {
            matches!(s, Shape::Line { class, .. } if *class == wanted).then(|| match s {
                Shape::Line { points, .. } => points.clone(),
                _ => unreachable!(),
            })
        })
        .unwrap()
}

fn rects(shapes: &[Shape], wanted: &str) -> Vec<(f64, f64)> {
    shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect { x, width, class, .. } if *class == wanted => Some((*x, *width)),
            _ => None,
        })
        .collect()
}

fn assert_inside(chart: &Chart) {
    let (w, h) = (chart.width, chart.height);
    let ok = |x: f64, y: f64| x.is_finite() && y.is_finite() && (0.0..=w).contains(&x) && (0.0..=h).contains(&y);
    for shape in &chart.shapes {
        let inside = match shape {
            Shape::Line { points, .. } => points.iter().all(|&(x, y)| ok(x, y)),
            Shape::Rect { x, y, width, height, .. } => {
                *width >= 0.0 && *height >= 0.0 && ok(*x, *y) && ok(x + width, y + height)
            }
            Shape::Circle { cx, cy, r, .. } => ok(cx - r, cy - r) && ok(cx + r, cy + r),
            Shape::Text { x, y, number, .. } => ok(*x, *y) && number.is_none_or(|n| n.value.is_finite()),
        };
        assert!(inside, "{} : {shape:?} outside {w} × {h}", chart.title);
    }
    assert!(chart.rows.iter().flat_map(|r| &r.1).all(|l| l.value.is_finite()));
}

#[test]
fn cumulative_lines_span_the_plot() {
    let r = default_report();
    let chart = cumulative(&r);
    let benefit = points(&chart.shapes, "benefit");
    let cost = points(&chart.shapes, "cost");
    assert_eq!(benefit.len(), 37);
    assert_eq!(cost.len(), 37);
    // Nothing is negative, so the baseline is the bottom of the plot (260 − 44 below for the ticks and the
    // axis name); month 0 earns nothing.
    assert_eq!(benefit[0], (72.0, 216.0));
    assert_eq!(points(&chart.shapes, "axis")[0], (72.0, 216.0));
    // The money axis runs to the round tick above the largest value: $4,850,998 → $5M in steps of $1M.
    let money: Vec<f64> = chart
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { number: Some(Label { value, unit: Unit::Money }), .. } => Some(*value),
            _ => None,
        })
        .collect();
    assert_eq!(money, [0.0, 1e6, 2e6, 3e6, 4e6, 5e6]);
    let grid = chart.shapes.iter().filter(|s| matches!(s, Shape::Line { class: "grid", .. })).count();
    assert_eq!(grid, 6, "a grid line at each money tick");
    // Benefit ends at the right edge, 4,850,998 / 5,000,000 of the way up the 200-unit plot.
    let end = r.monthly[36].cumulative_benefit;
    assert!((end - 4_850_998.0).abs() < 1.0, "{end}");
    assert_eq!(benefit[36], (624.0, round1(216.0 - end / 5e6 * 200.0)));
    let payback = r.payback_months.unwrap();
    assert!(payback > 1.0 && payback < 2.0, "{payback}");
    let x = round1(72.0 + payback / 36.0 * 552.0);
    assert_eq!(points(&chart.shapes, "payback"), [(x, 16.0), (x, 216.0)]);
    assert_eq!(chart.rows[2], ("Pays back after".into(), vec![Label { value: payback, unit: Unit::Months }]));
    let ticks: Vec<f64> = chart
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { number: Some(Label { value, unit: Unit::Months }), .. } => Some(*value),
            _ => None,
        })
        .collect();
    assert_eq!(ticks, [0.0, 12.0, 24.0, 36.0]);
}

#[test]
fn outcomes_bars_start_at_zero() {
    let r = default_report();
    let chart = outcomes(&r);
    let expected = rects(&chart.shapes, "expected");
    assert_eq!(expected.len(), 1);
    let zero = points(&chart.shapes, "axis")[0].0;
    assert_eq!(expected[0].0, zero);
    assert!(r.scenarios.expected.roi_percent.unwrap() > 700.0);
    assert_eq!(rects(&chart.shapes, "range").len(), 1);
    assert_eq!(chart.rows.len(), 6);
    let chance = &chart.rows[5];
    assert_eq!(chance.1[0].value, r.risk.unwrap().probability_positive * 100.0);
    assert_eq!(outcomes(&no_risk_report()).rows.len(), 3);
}

#[test]
fn outcomes_have_a_round_percent_axis() {
    let chart = outcomes(&default_report());
    let ticks: Vec<f64> = chart
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { number: Some(Label { value, unit: Unit::Percent }), class: "tick", .. } => Some(*value),
            _ => None,
        })
        .collect();
    // Low 166.7% … high 1,905.7% (and the P10–P90 range inside it), from zero in about 4 steps: 500 each.
    assert_eq!(ticks, [0.0, 500.0, 1000.0, 1500.0, 2000.0]);
    assert!(chart.shapes.iter().any(|s| matches!(s, Shape::Text { class: "axis-name", .. })));
}

#[test]
fn tornado_bars_start_at_the_expected_roi() {
    let r = default_report();
    for max_rows in [0, 2, 100] {
        let chart = tornado(&r, max_rows);
        assert_eq!(chart.rows.len(), max_rows.min(r.sensitivity.len()));
        assert_inside(&chart);
        if max_rows == 0 {
            continue;
        }
        let mid = points(&chart.shapes, "expected")[0].0;
        for (x, width) in rects(&chart.shapes, "low").into_iter().chain(rects(&chart.shapes, "high")) {
            assert!(x == mid || round1(x + width) == mid, "{x} + {width} vs {mid}");
        }
    }
    assert_eq!(tornado(&r, 1).rows[0].0, input_name(&r.sensitivity[0].input, &["All staff"]));
}

#[test]
fn input_names_in_plain_words() {
    let names = ["Sales", "Legal"];
    assert_eq!(input_name("departments[0].activeRate", &names), "Sales: active use");
    assert_eq!(input_name("departments[1].hoursSavedPerWeek", &names), "Legal: hours saved a week");
    assert_eq!(input_name("departments[2].hourlyCost", &names), "Department 3: hourly cost");
    assert_eq!(input_name("weeksPerYear", &names), "Working weeks a year");
    assert_eq!(input_name("costs", &names), "Total cost");
}

#[test]
fn band_marker_by_hand() {
    let compared = Compared { value: 0.5, low: 0.4, high: 0.6, status: BandStatus::Within };
    let chart = band(&compared, true);
    // Scale 0..0.75 onto 4..156: 0.5 → 4 + 152 × 2/3 = 105.3; the band 85.1..125.6.
    assert!(chart.shapes.contains(&Shape::Circle { cx: 105.3, cy: 12.0, r: 4.0, class: "within" }));
    assert_eq!(rects(&chart.shapes, "band"), [(85.1, 40.5)]);
    assert_eq!(chart.rows[1].1, [Label { value: 50.0, unit: Unit::Percent }]);
    assert_inside(&chart);
    let above = band(&Compared { value: 9.0, low: 2.0, high: 4.0, status: BandStatus::Above }, false);
    assert!(above.shapes.contains(&Shape::Circle { cx: 125.6, cy: 12.0, r: 4.0, class: "above" }));
    assert_inside(&band(&Compared { value: 0.0, low: 0.0, high: 0.0, status: BandStatus::Within }, false));
}

#[test]
fn every_chart_stays_inside_its_viewbox() {
    for r in [default_report(), zero_cost_report(), no_risk_report()] {
        for chart in [cumulative(&r), outcomes(&r), tornado(&r, 5)] {
            assert_inside(&chart);
        }
    }
    let z = zero_cost_report();
    assert!(z.risk.is_none() && z.scenarios.expected.roi_percent.is_none());
    let chart = outcomes(&z);
    assert_eq!(chart.rows[1], ("Expected: not defined (no cost)".into(), Vec::new()));
    assert!(rects(&chart.shapes, "expected").is_empty());
    let mut empty = z.clone();
    empty.monthly.clear();
    empty.payback_months = None;
    assert_inside(&cumulative(&empty));
}

#[test]
fn realised_bars_stand_beside_the_projected_ones() {
    use roi_core::assessment::Measurements;
    let scenario = Scenario::default();
    let table = BenchmarkTable::default();
    let mut measurements = Measurements { version: 1, checkpoint_day: 90, ..Measurements::default() };
    measurements.metrics.active_usage_rate = Some(0.5);
    measurements.metrics.hours_saved_per_week = Some(4.0);
    let r = roi_core::realised::realise(&scenario, &measurements, &table).expect("valid");
    let chart = realised(&r);
    // Projected 100 × 0.7 × 6.5 × 48 × $75 = $1,638,000; realised 100 × 0.5 × 4 × 48 × $75 = $720,000.
    // The axis: 0 … 1,638,000 in about 4 steps of 409,500 → 500,000, up to $2M over the 430 units
    // from x = 170 to 600; so 1,638,000 / 2,000,000 × 430 = 352.17 and 720,000 / 2,000,000 × 430 = 154.8.
    assert_eq!(rects(&chart.shapes, "projected"), [(170.0, 352.2)]);
    assert_eq!(rects(&chart.shapes, "realised"), [(170.0, 154.8)]);
    let rows: Vec<(&str, f64)> = chart.rows.iter().map(|(text, l)| (text.as_str(), l[0].value)).collect();
    assert_eq!(rows, [("All staff, projected", 1_638_000.0), ("All staff, realised", 720_000.0)]);
    assert_inside(&chart);
}

#[test]
fn a_long_tornado_label_is_cut_to_fit_left_of_the_bars_and_the_text_keeps_it_whole() {
    let scenario = Scenario::from_json(&serde_json::json!({
        "version": 1,
        "departments": [{ "name": "Engineering and Platform Operations", "benchmark": "engineering",
                          "headcount": 40, "hourlyCost": 90 }],
    }))
    .unwrap();
    let r = evaluate(&scenario, &BenchmarkTable::default()).unwrap();
    let chart = tornado(&r, 6);
    let labels: Vec<&str> = chart
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { class: "label", text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(!labels.is_empty());
    for label in &labels {
        assert!(label.chars().count() <= 24, "{label}");
    }
    assert!(labels.contains(&"Engineering and Platfor…"), "{labels:?}");
    // Short labels stay whole; the text equivalent names every input in full.
    let rows: Vec<&str> = chart.rows.iter().map(|(name, _)| name.as_str()).collect();
    assert!(rows.iter().any(|name| name.starts_with("Engineering and Platform Operations: ")), "{rows:?}");
    assert!(labels.iter().any(|l| !l.ends_with('…')), "{labels:?}");
}
