//! Projected against realised benefit, department by department: two bars each on one round money
//! axis, so the departments that delivered less than assumed stand out.

use super::{Anchor, BOTTOM, Chart, RIGHT, ROW, Scale, TOP, Unit, WIDTH, bar, extent, label, line, nice_ticks, text};
use crate::realised::Realised;

/// The chart of a realised return: for each measured department its projected and its realised annual
/// benefit, with its text equivalent.
pub fn realised(realised: &Realised) -> Chart {
    const LEFT: f64 = 170.0;
    let departments = &realised.departments;
    let values = departments.iter().flat_map(|d| [d.benefit.projected, d.benefit.realised]);
    let (_, hi) = extent(values);
    let ticks = nice_ticks(0.0, hi.max(0.0), 4);
    let top = ticks.last().copied().unwrap_or(1.0);
    let xs = Scale::new((0.0, top), LEFT, WIDTH - RIGHT - 24.0);
    #[allow(clippy::cast_precision_loss)]
    let height = TOP + BOTTOM + 2.0 * ROW * departments.len().max(1) as f64;
    let bottom = height - BOTTOM;
    let mut shapes = Vec::new();
    for &value in &ticks {
        let x = xs.at(value);
        shapes.push(line(vec![(x, TOP), (x, bottom)], "grid"));
        shapes.push(text(x, bottom + 18.0, "", Some(label(value, Unit::Money)), Anchor::Middle, "tick"));
    }
    shapes.push(text((LEFT + WIDTH - RIGHT) / 2.0, height - 4.0, "Benefit a year", None, Anchor::Middle, "axis-name"));
    let mut rows = Vec::new();
    for (i, d) in departments.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = TOP + 2.0 * ROW * i as f64;
        shapes.push(text(LEFT - 8.0, y + ROW + 4.0, &d.name, None, Anchor::End, "label"));
        for (j, (value, class)) in
            [(d.benefit.projected, "projected"), (d.benefit.realised, "realised")].into_iter().enumerate()
        {
            #[allow(clippy::cast_precision_loss)]
            let row = y + 4.0 + ROW * j as f64;
            shapes.push(bar(xs.at(0.0), xs.at(value), row, ROW - 8.0, class));
        }
        rows.push((format!("{}, projected", d.name), vec![label(d.benefit.projected, Unit::Money)]));
        rows.push((format!("{}, realised", d.name), vec![label(d.benefit.realised, Unit::Money)]));
    }
    shapes.push(line(vec![(LEFT, TOP), (LEFT, bottom)], "axis"));
    Chart { title: "Benefit by department: projected and realised", width: WIDTH, height, shapes, rows }
}
