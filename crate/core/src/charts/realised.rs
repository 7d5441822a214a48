//! Projected against realised benefit, department by department: two bars each on one round money
//! axis, so the departments that delivered less than assumed stand out.

use super::{
    Anchor, BOTTOM, Chart, RIGHT, ROW, Scale, TOP, Unit, bar, extent, fitted, fitting, label, line, nice_ticks,
    stacked, text,
};
use crate::realised::Realised;

/// Width of the column of department names left of the bars, in a wide chart.
const LEFT: f64 = 170.0;
/// Height of the key above the bars.
const KEY: f64 = 22.0;

/// Where a department's name and bars sit in its block: the name's line, each bar's height and the
/// distance from one bar's top to the next's, the block's height.
struct Block {
    name: f64,
    bar: f64,
    pitch: f64,
    height: f64,
}

/// Wide: the name in the column, level between the two bars.
const BESIDE: Block = Block { name: 0.0, bar: ROW - 8.0, pitch: ROW, height: 2.0 * ROW };
/// Stacked: the name on a line of its own, the two bars close under it, a gap before the next name.
const STACKED: Block = Block { name: 20.0, bar: 16.0, pitch: 19.0, height: 68.0 };

/// The chart of a realised return, laid out `width` units (CSS pixels) wide: for each measured
/// department its projected and its realised annual benefit, with its text equivalent.
pub fn realised(realised: &Realised, width: f64) -> Chart {
    let stacked = stacked(width);
    let (left, block) = if stacked { (8.0, STACKED) } else { (LEFT, BESIDE) };
    let departments = &realised.departments;
    let values = departments.iter().flat_map(|d| [d.benefit.projected, d.benefit.realised]);
    let (_, hi) = extent(values);
    let ticks = nice_ticks(0.0, hi.max(0.0), if stacked { 3 } else { 4 });
    let most = ticks.last().copied().unwrap_or(1.0);
    // Room right of the plot for the last tick's number, centred on it.
    let xs = Scale::new((0.0, most), left, width - RIGHT - 24.0);
    let top = TOP + KEY;
    #[allow(clippy::cast_precision_loss)]
    let height = top + BOTTOM + block.height * departments.len().max(1) as f64;
    let bottom = height - BOTTOM;
    let mut shapes = super::key(left, [(0.0, "projected key", "Projected"), (100.0, "realised key", "Realised")]);
    for &value in &ticks {
        let x = xs.at(value);
        shapes.push(line(vec![(x, top), (x, bottom)], "grid"));
        shapes.push(text(x, bottom + 18.0, "", Some(label(value, Unit::Money)), Anchor::Middle, "tick"));
    }
    shapes.push(text((left + width - RIGHT) / 2.0, height - 4.0, "Benefit a year", None, Anchor::Middle, "axis-name"));
    let mut rows = Vec::new();
    for (i, d) in departments.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + block.height * i as f64;
        if stacked {
            shapes.push(text(left, y + 13.0, &fitted(&d.name, fitting(width - 16.0)), None, Anchor::Start, "label"));
        } else {
            shapes.push(text(
                left - 8.0,
                y + ROW + 4.0,
                &fitted(&d.name, fitting(LEFT - 16.0)),
                None,
                Anchor::End,
                "label",
            ));
        }
        for (j, (value, class)) in
            [(d.benefit.projected, "projected"), (d.benefit.realised, "realised")].into_iter().enumerate()
        {
            #[allow(clippy::cast_precision_loss)]
            let row = y + block.name + 4.0 + block.pitch * j as f64;
            shapes.push(bar(xs.at(0.0), xs.at(value), row, block.bar, class));
        }
        rows.push((format!("{}, projected", d.name), vec![label(d.benefit.projected, Unit::Money)]));
        rows.push((format!("{}, realised", d.name), vec![label(d.benefit.realised, Unit::Money)]));
    }
    shapes.push(line(vec![(left, top), (left, bottom)], "axis"));
    Chart { title: "Benefit by department: projected and realised", width, height, shapes, rows }
}
