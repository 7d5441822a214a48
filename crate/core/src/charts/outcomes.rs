//! Low / expected / high annual ROI as bars from zero, and the Monte Carlo P10–P90 range with its
//! median, on one round percent axis.

use super::{Anchor, BOTTOM, Chart, Scale, Shape, TOP, Unit, bar, extent, label, line, nice_ticks, stacked, text};
use crate::report::Report;

/// The outcomes chart of `report`, laid out `width` units (CSS pixels) wide.
pub fn outcomes(report: &Report, width: f64) -> Chart {
    let stacked = stacked(width);
    // Beside: a column of labels, then room each side of the bars for a value's number. Stacked: each
    // label on its own line above its bar, the bars across the width.
    let (left, side, band) = if stacked { (0.0, 64.0, 50.0) } else { (180.0, 64.0, 0.0) };
    let s = &report.scenarios;
    let bars = [
        ("Low", "low", s.low.roi_percent),
        ("Expected", "expected", s.expected.roi_percent),
        ("High", "high", s.high.roi_percent),
    ];
    let risk = report.risk.as_ref();
    let values = bars.iter().filter_map(|b| b.2).chain(risk.into_iter().flat_map(|r| [r.p10, r.p50, r.p90]));
    let (lo, hi) = extent(values);
    let x_ticks = nice_ticks(lo.min(0.0), hi.max(0.0), if stacked { 3 } else { 4 });
    let (lo, hi) = (x_ticks.first().copied().unwrap_or(0.0), x_ticks.last().copied().unwrap_or(1.0));
    let xs = Scale::new((lo, hi), left + side, width - side);
    let count = if risk.is_some() { 4.0 } else { 3.0 };
    // A wide chart keeps its height and shares it among the rows; a stacked one grows a row at a time.
    let height = if stacked { TOP + BOTTOM + band * count } else { super::HEIGHT };
    let band = (height - TOP - BOTTOM) / count;
    // Where a row's label, bar and range sit, from the row's top.
    let (label_y, bar_y, bar_h) = if stacked { (14.0, 20.0, 22.0) } else { (band / 2.0 + 4.0, band * 0.2, band * 0.6) };
    let middle = |y: f64| y + bar_y + bar_h / 2.0;
    let zero = xs.at(0.0);
    let bottom = height - BOTTOM;
    let mut shapes = Vec::new();
    for &value in &x_ticks {
        let x = xs.at(value);
        shapes.push(line(vec![(x, TOP), (x, bottom)], "grid"));
        shapes.push(text(x, bottom + 18.0, "", Some(label(value, Unit::Percent)), Anchor::Middle, "tick"));
    }
    let axis = xs.at((lo + hi) / 2.0);
    shapes.push(text(axis, height - 4.0, "Net ROI, steady-state year", None, Anchor::Middle, "axis-name"));
    shapes.push(line(vec![(zero, TOP), (zero, bottom)], "axis"));
    let label_x = if stacked { side } else { 8.0 };
    let mut rows = Vec::new();
    let mut y = TOP;
    for (name, class, roi) in bars {
        shapes.push(text(label_x, y + label_y, name, None, Anchor::Start, "label"));
        match roi {
            Some(roi) if roi.is_finite() => {
                let x = xs.at(roi);
                shapes.push(bar(zero, x, y + bar_y, bar_h, class));
                let (dx, anchor) = if roi < 0.0 { (-6.0, Anchor::End) } else { (6.0, Anchor::Start) };
                shapes.push(text(x + dx, middle(y) + 4.0, "", Some(label(roi, Unit::Percent)), anchor, "value"));
                rows.push((name.into(), vec![label(roi, Unit::Percent)]));
            }
            _ => {
                shapes.push(text(zero + 6.0, middle(y) + 4.0, "not defined (no cost)", None, Anchor::Start, "value"));
                rows.push((format!("{name}: not defined (no cost)"), Vec::new()));
            }
        }
        y += band;
    }
    if let Some(r) = risk {
        shapes.push(text(label_x, y + label_y, "Likely range (P10–P90)", None, Anchor::Start, "label"));
        shapes.push(bar(xs.at(r.p10), xs.at(r.p90), y + bar_y + bar_h * 0.2, bar_h * 0.6, "range"));
        let x = xs.at(r.p50);
        shapes.push(Shape::Line { points: vec![(x, y + bar_y - 2.0), (x, y + bar_y + bar_h + 2.0)], class: "median" });
        let chance = label(r.probability_positive * 100.0, Unit::Percent);
        rows.push((
            "Likely range, 10th to 90th percentile".into(),
            vec![label(r.p10, Unit::Percent), label(r.p90, Unit::Percent)],
        ));
        rows.push(("Median".into(), vec![label(r.p50, Unit::Percent)]));
        rows.push(("Chance of a positive return".into(), vec![chance]));
    }
    Chart { title: "Return on investment", width, height, shapes, rows }
}
