//! The sensitivity ranking as a tornado: for each input, the ROI with the input at its low and at its
//! high end, as bars from the expected ROI, with a key saying which colour is which end.

use super::{Anchor, BOTTOM, Chart, RIGHT, ROW, Scale, TOP, Unit, bar, extent, label, line, stacked, text};
use crate::report::Report;

/// The narrowest and widest the column of labels left of the bars is, in a wide chart: about a third of
/// the width between. A label longer than fits is cut; the chart's text lists the whole name.
const LEFT: (f64, f64) = (200.0, 260.0);
/// Height of a row in a stacked chart: the label's line, then the bars.
const STACKED_ROW: f64 = 40.0;
/// Height of the key above the rows.
const KEY: f64 = 22.0;

/// The tornado of `report`'s `max_rows` most sensitive inputs at most, laid out `width` units (CSS
/// pixels) wide.
pub fn tornado(report: &Report, max_rows: usize, width: f64) -> Chart {
    let stacked = stacked(width);
    #[allow(clippy::manual_clamp)] // `clamp` would bring the float formatter into the build (its panic message)
    let column = (width * 0.36).round().max(LEFT.0).min(LEFT.1);
    let (left, row) = if stacked { (8.0, STACKED_ROW) } else { (column, ROW) };
    let chars = super::fitting(if stacked { width - 16.0 } else { column - 16.0 });
    let names: Vec<&str> = report.departments.iter().map(|d| d.name.as_str()).collect();
    let items = &report.sensitivity[..max_rows.min(report.sensitivity.len())];
    let expected = report.annual.roi_percent.filter(|v| v.is_finite());
    let values = items.iter().flat_map(|s| [s.roi_at_low, s.roi_at_high]).chain([expected]).flatten();
    let xs = Scale::new(extent(values), left, width - RIGHT);
    let top = TOP + KEY;
    #[allow(clippy::cast_precision_loss)]
    let height = top + BOTTOM + row * items.len().max(1) as f64;
    let mut shapes = super::key(left, [(0.0, "low key", "Low estimate"), (120.0, "high key", "High estimate")]);
    // The expected ROI's line behind the bars (which start at it) and the labels (which it may cross).
    if let Some(mid) = expected {
        let x = xs.at(mid);
        shapes.push(line(vec![(x, top - 4.0), (x, height - BOTTOM + 4.0)], "expected"));
    }
    let mut rows = Vec::new();
    for (i, item) in items.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + row * i as f64;
        let name = super::input_name(&item.input, &names);
        let shown = super::fitted(&name, chars);
        let (bar_y, bar_h) = if stacked {
            shapes.push(text(left, y + 14.0, &shown, None, Anchor::Start, "label"));
            (y + 19.0, 16.0)
        } else {
            shapes.push(text(left - 8.0, y + row / 2.0 + 4.0, &shown, None, Anchor::End, "label"));
            (y + 4.0, row - 8.0)
        };
        match (expected, item.roi_at_low, item.roi_at_high) {
            (Some(mid), Some(low), Some(high)) => {
                let x = xs.at(mid);
                shapes.push(bar(x, xs.at(low), bar_y, bar_h, "low"));
                shapes.push(bar(x, xs.at(high), bar_y, bar_h, "high"));
                rows.push((name, vec![label(low, Unit::Percent), label(high, Unit::Percent)]));
            }
            _ => rows.push((name + ": not defined (no cost)", Vec::new())),
        }
    }
    if let Some(mid) = expected {
        let number = Some(label(mid, Unit::Percent));
        shapes.push(text(xs.at(mid), height - BOTTOM + 20.0, "Expected ", number, Anchor::Middle, "tick"));
    }
    Chart { title: "What moves the return most", width, height, shapes, rows }
}
