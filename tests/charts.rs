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
    let chart = cumulative(&r, DEFAULT_WIDTH);
    let benefit = points(&chart.shapes, "benefit");
    let cost = points(&chart.shapes, "cost");
    assert_eq!(benefit.len(), 37);
    assert_eq!(cost.len(), 37);
    // Nothing is negative, so the baseline is the bottom of the plot (260 − 44 below for the ticks and the
    // axis name); month 0 earns nothing. The plot runs from x = 64 (the money ticks' column) to 640 − 16.
    assert_eq!(benefit[0], (64.0, 216.0));
    assert_eq!(points(&chart.shapes, "axis")[0], (64.0, 216.0));
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
    let x = round1(64.0 + payback / 36.0 * 560.0);
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
    let chart = outcomes(&r, DEFAULT_WIDTH);
    let expected = rects(&chart.shapes, "expected");
    assert_eq!(expected.len(), 1);
    let zero = points(&chart.shapes, "axis")[0].0;
    assert_eq!(expected[0].0, zero);
    assert!(r.scenarios.expected.roi_percent.unwrap() > 700.0);
    assert_eq!(rects(&chart.shapes, "range").len(), 1);
    assert_eq!(chart.rows.len(), 6);
    let chance = &chart.rows[5];
    assert_eq!(chance.1[0].value, r.risk.unwrap().probability_positive * 100.0);
    assert_eq!(outcomes(&no_risk_report(), DEFAULT_WIDTH).rows.len(), 3);
}

#[test]
fn outcomes_have_a_round_percent_axis() {
    let chart = outcomes(&default_report(), DEFAULT_WIDTH);
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
        let chart = tornado(&r, max_rows, DEFAULT_WIDTH);
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
    assert_eq!(tornado(&r, 1, DEFAULT_WIDTH).rows[0].0, input_name(&r.sensitivity[0].input, &["All staff"]));
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
        for chart in [cumulative(&r, DEFAULT_WIDTH), outcomes(&r, DEFAULT_WIDTH), tornado(&r, 5, DEFAULT_WIDTH)] {
            assert_inside(&chart);
        }
    }
    let z = zero_cost_report();
    assert!(z.risk.is_none() && z.scenarios.expected.roi_percent.is_none());
    let chart = outcomes(&z, DEFAULT_WIDTH);
    assert_eq!(chart.rows[1], ("Expected: not defined (no cost)".into(), Vec::new()));
    assert!(rects(&chart.shapes, "expected").is_empty());
    let mut empty = z.clone();
    empty.monthly.clear();
    empty.payback_months = None;
    assert_inside(&cumulative(&empty, DEFAULT_WIDTH));
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
    let chart = realised(&r, DEFAULT_WIDTH);
    // Projected 100 × 0.7 × 6.5 × 48 × $75 = $1,638,000; realised 100 × 0.5 × 4 × 48 × $75 = $720,000.
    // The axis: 0 … 1,638,000 in about 4 steps of 409,500 → 500,000, up to $2M over the 430 units
    // from x = 170 to 600; so 1,638,000 / 2,000,000 × 430 = 352.17 and 720,000 / 2,000,000 × 430 = 154.8.
    assert_eq!(rects(&chart.shapes, "projected"), [(170.0, 352.2)]);
    assert_eq!(rects(&chart.shapes, "realised"), [(170.0, 154.8)]);
    let rows: Vec<(&str, f64)> = chart.rows.iter().map(|(text, l)| (text.as_str(), l[0].value)).collect();
    assert_eq!(rows, [("All staff, projected", 1_638_000.0), ("All staff, realised", 720_000.0)]);
    assert_inside(&chart);
    // On a phone: 0 … 1,638,000 in about 3 steps → steps of 1M up to $2M, over the 272 units from x = 8 to
    // 320 − 16 − 24 = 280; the name on its own line (16 above, 22 of key, 13 down), the bars under it.
    let phone = realised(&r, 320.0);
    assert_eq!(rects(&phone.shapes, "projected"), [(8.0, 222.8)]);
    assert_eq!(rects(&phone.shapes, "realised"), [(8.0, 97.9)]);
    assert!(texts(&phone, "label").contains(&(8.0, 51.0, "All staff")), "{:?}", texts(&phone, "label"));
    let tops: Vec<f64> = phone
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect { y, class: "projected" | "realised", .. } => Some(*y),
            _ => None,
        })
        .collect();
    assert_eq!(tops, [62.0, 81.0]);
    assert_inside(&phone);
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
    let chart = tornado(&r, 6, DEFAULT_WIDTH);
    let labels: Vec<&str> = chart
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { class: "label", text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(!labels.is_empty());
    // 640 wide: a column of 640 × 0.36 = 230 units, (230 − 16) / 7.5 = 28 characters of 13 px type.
    for label in &labels {
        assert!(label.chars().count() <= 28, "{label}");
    }
    assert!(labels.contains(&"Engineering and Platform Op…"), "{labels:?}");
    // Short labels stay whole; the text equivalent names every input in full.
    let rows: Vec<&str> = chart.rows.iter().map(|(name, _)| name.as_str()).collect();
    assert!(rows.iter().any(|name| name.starts_with("Engineering and Platform Operations: ")), "{rows:?}");
    assert!(labels.iter().any(|l| !l.ends_with('…')), "{labels:?}");
}

/// The texts of class `wanted`: where each sits, and its words.
fn texts<'c>(chart: &'c Chart, wanted: &str) -> Vec<(f64, f64, &'c str)> {
    chart
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { x, y, text, class, .. } if *class == wanted => Some((*x, *y, text.as_str())),
            _ => None,
        })
        .collect()
}

#[test]
fn every_chart_stays_inside_its_viewbox_at_every_width_it_is_laid_out_for() {
    for width in [240.0, 320.0, 479.0, 480.0, 700.0, 1200.0] {
        for r in [default_report(), zero_cost_report(), no_risk_report()] {
            for chart in [cumulative(&r, width), outcomes(&r, width), tornado(&r, 6, width)] {
                assert_eq!(chart.width, width, "{}", chart.title);
                assert_inside(&chart);
            }
        }
    }
}

#[test]
fn a_phone_wide_outcomes_chart_puts_each_label_above_its_bar() {
    let r = default_report();
    let chart = outcomes(&r, 320.0);
    // Stacked: four rows of 50 (three bars and the likely range) between 16 above and 44 below.
    assert_eq!(chart.height, 260.0);
    // Low 166.7% … high 1,905.7% in about 3 steps from zero: steps of 1,000, so 0 … 2,000 over the
    // bars' width, 64 in from each side: x = 64 … 256.
    let ticks: Vec<f64> = texts(&chart, "tick").iter().map(|t| t.0).collect();
    assert_eq!(ticks, [64.0, 160.0, 256.0]);
    let labels = texts(&chart, "label");
    assert_eq!(
        labels,
        [(64.0, 30.0, "Low"), (64.0, 80.0, "Expected"), (64.0, 130.0, "High"), (64.0, 180.0, "Likely range (P10–P90)")]
    );
    // The expected bar: from zero (x = 64) to its ROI, on the line under its label (y = 16 + 50 + 20).
    let roi = r.scenarios.expected.roi_percent.unwrap();
    let bar = chart.shapes.iter().find(|s| matches!(s, Shape::Rect { class: "expected", .. })).unwrap();
    assert_eq!(
        bar,
        &Shape::Rect { x: 64.0, y: 86.0, width: round1(roi / 2000.0 * 192.0), height: 22.0, class: "expected" }
    );
    // Wide, the labels stand in a column left of the bars, level with them.
    let wide = outcomes(&r, 640.0);
    assert_eq!(texts(&wide, "label")[0], (8.0, 45.0, "Low"));
    assert_eq!(rects(&wide.shapes, "low")[0].0, 244.0);
}

#[test]
fn a_phone_wide_tornado_names_each_input_above_its_bars_and_keys_its_colours() {
    let mut scenario = Scenario::default();
    scenario.departments[0].name = "Engineering and Platform Operations".into();
    let r = evaluate(&scenario, &BenchmarkTable::default()).unwrap();
    let chart = tornado(&r, 6, 320.0);
    // The key: a swatch of each end's colour, then its words, along the top.
    assert_eq!(rects(&chart.shapes, "low key"), [(8.0, 10.0)]);
    assert_eq!(rects(&chart.shapes, "high key"), [(128.0, 10.0)]);
    let key: Vec<&str> = texts(&chart, "label").iter().take(2).map(|t| t.2).collect();
    assert_eq!(key, ["Low estimate", "High estimate"]);
    // Each row is 40 high from y = 38 (16 above, 22 for the key); its label starts at the left edge, 14
    // down, and is cut to the (320 − 16) / 7.5 = 40 characters that fit the width.
    let labels = &texts(&chart, "label")[2..];
    assert_eq!(labels.len(), chart.rows.len());
    for (i, (x, y, words)) in labels.iter().enumerate() {
        assert_eq!((*x, *y), (8.0, 38.0 + 40.0 * i as f64 + 14.0), "{words}");
        assert!(words.chars().count() <= 40, "{words}");
    }
    assert!(labels.iter().any(|l| l.2 == "Engineering and Platform Operations: ac…"), "{labels:?}");
    // The bars sit under their label, 16 high.
    let first = chart.shapes.iter().find(|s| matches!(s, Shape::Rect { class: "low", .. })).unwrap();
    assert!(matches!(first, Shape::Rect { y, height, .. } if (*y, *height) == (57.0, 16.0)), "{first:?}");
    assert_eq!(chart.height, 38.0 + 44.0 + 40.0 * chart.rows.len() as f64);
}

#[test]
fn a_phone_wide_cumulative_chart_is_shorter_and_keeps_its_round_axis() {
    let r = default_report();
    let chart = cumulative(&r, 320.0);
    assert_eq!((chart.width, chart.height), (320.0, 220.0));
    // The plot: x from 64 to 320 − 16 = 304, y from 220 − 44 = 176 up to 16.
    let benefit = points(&chart.shapes, "benefit");
    assert_eq!(benefit[0], (64.0, 176.0));
    let end = r.monthly[36].cumulative_benefit;
    assert_eq!(benefit[36], (304.0, round1(176.0 - end / 5e6 * 160.0)));
}

proptest::proptest! {
    /// Any range's axis covers it in increasing round steps, no more than half again as many as asked,
    /// and overshoots it no more than the plain next round step above `range / count` would.
    #[test]
    fn ticks_cover_the_range_in_few_round_steps(lo in -1e7f64..1e7, width in 1e-3f64..1e8, count in 3usize..=7) {
        let hi = lo + width;
        let ticks = nice_ticks(lo, hi, count);
        let steps = ticks.len() - 1;
        proptest::prop_assert!(steps >= 1 && steps <= count + count / 2, "{steps} steps for {count}");
        proptest::prop_assert!(ticks[0] <= lo && ticks[steps] >= hi, "{ticks:?} does not cover {lo} … {hi}");
        let step = ticks[1] - ticks[0];
        proptest::prop_assert!(ticks.windows(2).all(|w| ((w[1] - w[0]) - step).abs() <= step * 1e-6));
        let power = 10f64.powf(step.log10().floor());
        let mantissa = step / power;
        proptest::prop_assert!([1.0, 2.0, 2.5, 5.0, 10.0].iter().any(|m| (mantissa - m).abs() < 1e-6), "step {step}");
        // The plain rule: the round step at or above range / count, and the axis it gives.
        let raw = width / count as f64;
        let p = 10f64.powf(raw.log10().floor());
        let plain = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * p).find(|&s| s >= raw * (1.0 - 1e-12)).unwrap_or(10.0 * p);
        let plain_span = ((hi / plain).ceil() - (lo / plain).floor()) * plain;
        proptest::prop_assert!(ticks[steps] - ticks[0] <= plain_span * (1.0 + 1e-9), "{ticks:?} wider than by {plain}");
    }
}
