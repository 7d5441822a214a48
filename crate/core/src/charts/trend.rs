//! The 13-week trend of imported data as three stacked panels sharing one week axis — weekly active
//! rate, sessions per active user, satisfaction — each on its own scale, a gap where a week has no
//! value, and the latest value written at the line's end.

use super::{Anchor, Chart, Label, Scale, Shape, Unit, extent, label, line, text};
use crate::import::TrendWeek;

/// Width of the chart: three small panels, laid out for a phone's width. The import worker draws the
/// trend, before the widget has measured its charts' width, so it is one width for all, scaled a little
/// up on a desktop (`.trend svg` in the stylesheet) and a little down on the narrowest phone.
const WIDTH: f64 = 360.0;
/// Height of one panel: its title, then its plot.
const PANEL: f64 = 100.0;
/// Space left of the plot area, for the scale's numbers.
const LEFT: f64 = 48.0;
/// Space right of the plot area, for the latest value.
const RIGHT: f64 = 52.0;
/// Space below the last panel, for the dates.
const BOTTOM: f64 = 24.0;

/// The trend chart of `weeks` (oldest first). Its text equivalent is left to the caller, which shows
/// the weeks as a table.
pub fn trend(weeks: &[TrendWeek]) -> Chart {
    type Series = (&'static str, fn(&TrendWeek) -> Option<f64>, Unit, f64);
    let series: [Series; 3] = [
        ("Weekly active", |w| w.weekly_active_rate.map(|r| r * 100.0), Unit::Percent, 0.0),
        ("Sessions per active user", |w| w.sessions_per_active_user, Unit::Number, 0.0),
        ("Satisfaction (1–5)", |w| w.satisfaction, Unit::Number, 1.0),
    ];
    let n = weeks.len();
    let x = Scale::new((0.0, n.saturating_sub(1) as f64), LEFT, WIDTH - RIGHT);
    let mut shapes = Vec::new();
    for (i, (title, value, unit, floor)) in series.into_iter().enumerate() {
        let top = i as f64 * PANEL;
        let (lo, hi) = (top + PANEL - 10.0, top + 34.0);
        let values: Vec<Option<f64>> = weeks.iter().map(value).collect();
        let ceiling = match unit {
            Unit::Percent => 100.0,
            _ if floor == 1.0 => 5.0,
            _ => extent(values.iter().flatten().copied()).1.max(5.0),
        };
        let y = Scale::new((floor, ceiling), lo, hi);
        shapes.push(line(vec![(LEFT, lo), (WIDTH - RIGHT, lo)], "axis"));
        shapes.push(text(0.0, top + 16.0, title, None, Anchor::Start, "series-title"));
        shapes.push(text(LEFT - 8.0, lo, "", Some(label(floor, unit)), Anchor::End, "tick"));
        shapes.push(text(LEFT - 8.0, hi + 4.0, "", Some(label(ceiling, unit)), Anchor::End, "tick"));
        // A week without a value breaks the line rather than drawing through it.
        let mut run: Vec<(f64, f64)> = Vec::new();
        for (w, v) in values.iter().enumerate() {
            match v {
                Some(v) => {
                    let point = (x.at(w as f64), y.at(*v));
                    shapes.push(Shape::Circle { cx: point.0, cy: point.1, r: 2.5, class: "trend-point" });
                    run.push(point);
                }
                None if run.len() > 1 => shapes.push(line(std::mem::take(&mut run), "trend-line")),
                None => run.clear(),
            }
        }
        if run.len() > 1 {
            shapes.push(line(run, "trend-line"));
        }
        if let Some((w, Some(v))) = values.iter().enumerate().rev().find(|(_, v)| v.is_some()) {
            shapes.push(text(x.at(w as f64) + 8.0, y.at(*v) + 4.0, "", Some(label(*v, unit)), Anchor::Start, "value"));
        }
    }
    let bottom = 3.0 * PANEL;
    if let (Some(first), Some(last)) = (weeks.first(), weeks.last()) {
        shapes.push(text(LEFT, bottom + 14.0, &format!("week to {}", first.end), None, Anchor::Start, "tick"));
        if n > 1 {
            // At the right edge, not under the last week: the two dates share one line.
            shapes.push(text(WIDTH - 4.0, bottom + 14.0, &format!("week to {}", last.end), None, Anchor::End, "tick"));
        }
    }
    Chart {
        title: "The last 13 weeks",
        width: WIDTH,
        height: bottom + BOTTOM,
        shapes,
        rows: Vec::<(String, Vec<Label>)>::new(),
    }
}
