//! Geometry of the widget's charts: shapes in a viewBox coordinate system, no DOM.
//!
//! Each function turns a [`Report`] (or a benchmark comparison) into a [`Chart`]; the wasm boundary
//! turns every [`Shape`] into an SVG element. Numbers shown in text travel as [`Label`]s, never as
//! formatted strings, so the browser formats them in the reader's locale and no float formatter
//! enters the WebAssembly build.

use serde::Serialize;

use crate::benchmarks::Compared;
use crate::report::Report;

mod outcomes;
mod realised;
mod ticks;
mod tornado;
mod trend;

pub use outcomes::outcomes;
pub use realised::realised;
pub use ticks::nice_ticks;
pub use tornado::tornado;
pub use trend::trend;

/// How a number in a label is shown; the caller formats it (the browser's `Intl.NumberFormat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Unit {
    /// An amount in the scenario's currency.
    Money,
    /// A value that is already a percent (740.0 for 740%).
    Percent,
    /// A number of months (also month numbers on an axis).
    Months,
    /// Hours.
    Hours,
    /// A plain number (sessions, a 1–5 score).
    Number,
}

/// A number to show in a label, formatted by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Label {
    /// The number.
    pub value: f64,
    /// How to show it.
    pub unit: Unit,
}

/// Where a text's `x` lies within it (SVG `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Anchor {
    /// `x` is the text's start.
    Start,
    /// `x` is the text's middle.
    Middle,
    /// `x` is the text's end.
    End,
}

/// One shape of a chart, in viewBox coordinates; `class` is its CSS class.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "shape", rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Shape {
    /// A polyline.
    Line {
        /// The points, in drawing order.
        points: Vec<(f64, f64)>,
        /// CSS class.
        class: &'static str,
    },
    /// A rectangle.
    Rect {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width, never negative.
        width: f64,
        /// Height, never negative.
        height: f64,
        /// CSS class.
        class: &'static str,
    },
    /// A circle.
    Circle {
        /// Centre x.
        cx: f64,
        /// Centre y.
        cy: f64,
        /// Radius.
        r: f64,
        /// CSS class.
        class: &'static str,
    },
    /// Text: `text` with an optional number appended after it, formatted by the caller.
    Text {
        /// Anchor x.
        x: f64,
        /// Baseline y.
        y: f64,
        /// The words (may be empty when the number says it all).
        text: String,
        /// The number after the words.
        number: Option<Label>,
        /// How the text sits around `x`.
        anchor: Anchor,
        /// CSS class.
        class: &'static str,
    },
}

/// A chart: a viewBox of `width` × `height`, its shapes, and its text equivalent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Chart {
    /// Short title, e.g. "Cumulative benefit and cost".
    pub title: &'static str,
    /// ViewBox width.
    pub width: f64,
    /// ViewBox height.
    pub height: f64,
    /// The shapes, back to front.
    pub shapes: Vec<Shape>,
    /// The chart's text equivalent (for screen readers, a visually hidden table/list): each row is a
    /// label and the numbers it states.
    pub rows: Vec<(String, Vec<Label>)>,
}

/// The width the large charts are laid out at until the widget has measured theirs, in CSS pixels.
/// Each chart is laid out at the width it is drawn at, so its text is the stylesheet's size on a phone
/// as on a desktop.
pub const DEFAULT_WIDTH: f64 = 640.0;
/// Below this width a bar chart puts each label on a line above its bar, leaving the bars the whole
/// width, rather than in a column beside them.
const STACKED_BELOW: f64 = 480.0;
/// Height of the large charts' viewBox, when wide.
const HEIGHT: f64 = 260.0;
/// Height of the cumulative chart when narrow: a phone's chart keeps a readable slope.
const NARROW_HEIGHT: f64 = 220.0;
/// Space above the plot area.
const TOP: f64 = 16.0;
/// Space below the plot area, for tick labels and the axis name.
const BOTTOM: f64 = 44.0;
/// Space right of the plot area.
const RIGHT: f64 = 16.0;
/// Height of one bar's row in the tornado.
const ROW: f64 = 26.0;

/// `x` rounded to one decimal, to keep the SVG short.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Whether a bar chart `width` wide stacks each label above its bar.
fn stacked(width: f64) -> bool {
    width < STACKED_BELOW
}

fn label(value: f64, unit: Unit) -> Label {
    Label { value, unit }
}

fn text(x: f64, y: f64, words: &str, number: Option<Label>, anchor: Anchor, class: &'static str) -> Shape {
    Shape::Text { x: round1(x), y: round1(y), text: words.into(), number, anchor, class }
}

fn line(points: Vec<(f64, f64)>, class: &'static str) -> Shape {
    Shape::Line { points, class }
}

/// A rectangle between two x coordinates, whichever order they come in.
fn bar(x0: f64, x1: f64, y: f64, height: f64, class: &'static str) -> Shape {
    let x = x0.min(x1);
    Shape::Rect { x, y: round1(y), width: round1((x1 - x0).abs()), height: round1(height), class }
}

/// The smallest and largest finite value, or (0, 0) when there is none.
fn extent(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if lo <= hi { (lo, hi) } else { (0.0, 0.0) }
}

/// A linear map from a domain to a pixel range, kept inside the range and never NaN.
#[derive(Debug, Clone, Copy)]
struct Scale {
    from: f64,
    span: f64,
    start: f64,
    length: f64,
}

impl Scale {
    /// Maps `lo` to `start` and `hi` to `end`; a degenerate domain gets a span of 1.
    fn new((lo, hi): (f64, f64), start: f64, end: f64) -> Self {
        let from = if lo.is_finite() { lo } else { 0.0 };
        let span = hi - from;
        let span = if span > 0.0 && span.is_finite() { span } else { 1.0 };
        Self { from, span, start, length: end - start }
    }

    fn at(self, value: f64) -> f64 {
        // `f64::max` ignores NaN, so a non-finite value lands at an end of the range; `clamp` would
        // keep NaN and bring its panic's float formatting into the WebAssembly build.
        #[allow(clippy::manual_clamp)]
        let t = ((value - self.from) / self.span).max(0.0).min(1.0);
        round1(self.start + self.length * t)
    }
}

/// The y of the polyline through `points` (sorted by x) at `x`.
fn interpolate(points: &[(f64, f64)], x: f64) -> f64 {
    let after = points.iter().position(|p| p.0 >= x).unwrap_or(points.len().saturating_sub(1));
    match (after.checked_sub(1).and_then(|i| points.get(i)), points.get(after)) {
        (Some(&(x0, y0)), Some(&(x1, y1))) if x1 > x0 => y0 + (y1 - y0) * (x - x0) / (x1 - x0),
        (_, Some(&(_, y))) => y,
        _ => 0.0,
    }
}

/// Cumulative benefit and cumulative cost, month 0 to the horizon, with the payback month marked, laid
/// out `width` units (CSS pixels) wide.
pub fn cumulative(report: &Report, width: f64) -> Chart {
    const LEFT: f64 = 64.0;
    let height = if stacked(width) { NARROW_HEIGHT } else { HEIGHT };
    let months = &report.monthly;
    let benefit: Vec<(f64, f64)> = months.iter().map(|m| (f64::from(m.month), m.cumulative_benefit)).collect();
    let cost: Vec<(f64, f64)> = months.iter().map(|m| (f64::from(m.month), m.cumulative_cost)).collect();
    let horizon = months.last().map_or(0, |m| m.month);
    let (lo, hi) = extent(benefit.iter().chain(&cost).map(|p| p.1));
    let y_ticks = nice_ticks(lo.min(0.0), hi.max(0.0), 5);
    let (lo, hi) = (y_ticks.first().copied().unwrap_or(0.0), y_ticks.last().copied().unwrap_or(1.0));
    let xs = Scale::new((0.0, f64::from(horizon)), LEFT, width - RIGHT);
    let ys = Scale::new((lo, hi), height - BOTTOM, TOP);
    let path = |points: &[(f64, f64)]| points.iter().map(|&(x, y)| (xs.at(x), ys.at(y))).collect::<Vec<_>>();
    let (zero, bottom) = (ys.at(0.0), height - BOTTOM);

    let mut shapes = Vec::new();
    for &value in &y_ticks {
        let y = ys.at(value);
        shapes.push(line(vec![(LEFT, y), (width - RIGHT, y)], "grid"));
        shapes.push(text(LEFT - 6.0, y + 4.0, "", Some(label(value, Unit::Money)), Anchor::End, "tick"));
    }
    shapes.push(line(vec![(LEFT, zero), (width - RIGHT, zero)], "axis"));
    shapes.push(line(vec![(LEFT, TOP), (LEFT, bottom)], "axis"));
    let step = if horizon <= 24 { 3 } else { 12 };
    let mut ticks: Vec<u32> = (0..=horizon).step_by(step).collect();
    if horizon % step as u32 != 0 && horizon < 12 {
        ticks.push(horizon);
    }
    for month in ticks {
        let x = xs.at(f64::from(month));
        shapes.push(line(vec![(x, bottom), (x, bottom + 4.0)], "tick"));
        let number = Some(label(f64::from(month), Unit::Months));
        shapes.push(text(x, bottom + 18.0, "", number, Anchor::Middle, "tick"));
    }
    shapes.push(text(
        (LEFT + width - RIGHT) / 2.0,
        height - 4.0,
        "Months from the start",
        None,
        Anchor::Middle,
        "axis-name",
    ));
    shapes.push(line(path(&cost), "cost"));
    shapes.push(line(path(&benefit), "benefit"));
    // The legend, top left inside the plot: the line styles differ too, so colour is not the only cue.
    for (i, (class, words)) in
        [("benefit key", "Cumulative benefit"), ("cost key", "Cumulative cost")].into_iter().enumerate()
    {
        #[allow(clippy::cast_precision_loss)]
        let y = TOP + 8.0 + 16.0 * i as f64;
        shapes.push(line(vec![(LEFT + 12.0, y), (LEFT + 36.0, y)], class));
        shapes.push(text(LEFT + 42.0, y + 4.0, words, None, Anchor::Start, "label"));
    }

    let end = |points: &[(f64, f64)]| points.last().map_or(0.0, |p| p.1);
    let mut rows = vec![
        ("Benefit by the end of the horizon".into(), vec![label(end(&benefit), Unit::Money)]),
        ("Cost by the end of the horizon".into(), vec![label(end(&cost), Unit::Money)]),
    ];
    match report.payback_months {
        Some(payback) if payback.is_finite() => {
            let x = xs.at(payback);
            shapes.push(line(vec![(x, TOP), (x, bottom)], "payback"));
            shapes.push(Shape::Circle { cx: x, cy: ys.at(interpolate(&cost, payback)), r: 4.0, class: "payback" });
            rows.push(("Pays back after".into(), vec![label(payback, Unit::Months)]));
        }
        _ => rows.push(("Does not pay back within the horizon".into(), Vec::new())),
    }
    Chart { title: "Cumulative benefit and cost", width, height, shapes, rows }
}

/// A colour key along the top, from `x`: for each `(dx, class, words)`, a swatch of the class's colour
/// `dx` along, then its words.
fn key<const N: usize>(x: f64, items: [(f64, &'static str, &str); N]) -> Vec<Shape> {
    let mut shapes = Vec::new();
    for (dx, class, words) in items {
        shapes.push(bar(x + dx, x + dx + 10.0, TOP, 10.0, class));
        shapes.push(text(x + dx + 15.0, TOP + 9.5, words, None, Anchor::Start, "label"));
    }
    shapes
}

/// About the width of a label's character at the stylesheet's size (13 px), in chart units.
const CHAR_WIDTH: f64 = 7.5;

/// How many characters of a label fit in `room` units; at least eight, the rest being cut.
fn fitting(room: f64) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let chars = (room / CHAR_WIDTH).max(8.0) as usize;
    chars
}

/// `text` cut to `max` characters, the last of them an ellipsis, when it is longer.
fn fitted(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// An input's path (`departments[0].activeRate`, `weeksPerYear`, `costs`; see `Input::path`) in plain
/// words, naming the department from `department_names`.
pub fn input_name(input: &str, department_names: &[&str]) -> String {
    let department = input
        .strip_prefix("departments[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, field)| Some((index, field.strip_prefix('.')?)));
    if let Some((index, field)) = department {
        let field = match field {
            "activeRate" => "active use",
            "hoursSavedPerWeek" => "hours saved a week",
            "hourlyCost" => "hourly cost",
            other => other,
        };
        let department = match index.parse::<usize>() {
            Ok(i) => department_names.get(i).map_or_else(|| format!("Department {}", i + 1), |n| (*n).to_owned()),
            Err(_) => index.to_owned(),
        };
        return format!("{department}: {field}");
    }
    match input {
        "weeksPerYear" => "Working weeks a year".into(),
        "costs" => "Total cost".into(),
        other => other.into(),
    }
}

/// A 160 × 24 band: the benchmark's low–high band on a scale from 0, with a marker at the value,
/// classed by where it falls. `percent`: the values are shares (shown ×100 as percents), else hours.
pub fn band(compared: &Compared, percent: bool) -> Chart {
    const W: f64 = 160.0;
    const H: f64 = 24.0;
    const R: f64 = 4.0;
    let Compared { value, low, high, status } = *compared;
    let xs = Scale::new((0.0, high.max(value) * 1.25), R, W - R);
    let x = xs.at(value);
    let class = status.word();
    let shapes = vec![
        line(vec![(R, H / 2.0), (W - R, H / 2.0)], "axis"),
        bar(xs.at(low), xs.at(high), 6.0, 12.0, "band"),
        Shape::Circle { cx: x, cy: H / 2.0, r: R, class },
    ];
    let show = |v: f64| if percent { label(v * 100.0, Unit::Percent) } else { label(v, Unit::Hours) };
    let rows = vec![("Benchmark band".into(), vec![show(low), show(high)]), ("Value".into(), vec![show(value)])];
    let title = if percent { "Active use against the benchmark" } else { "Hours saved a week against the benchmark" };
    Chart { title, width: W, height: H, shapes, rows }
}
