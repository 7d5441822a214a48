//! Draws the charts that [`roi_core::charts`] lays out as SVG, each beside its text equivalent (a list of
//! what the chart shows, in words and numbers), so the SVG itself is decorative for screen readers and
//! the figures survive printing in black and white.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::Widget;
use super::format::attribute_number;
use roi_core::charts::{self, Anchor, Chart, Label, Shape, Unit};

const SVG: &str = "http://www.w3.org/2000/svg";
/// The most inputs the tornado shows; the rest move the ROI least.
const TORNADO_ROWS: usize = 6;

impl Widget {
    /// The charts section: three figures, drawn by [`Widget::refresh_charts`].
    pub(super) fn build_charts(&self) -> Result<Element, JsValue> {
        let section = self.element("section", "charts", None)?;
        section.set_attribute("part", "charts")?;
        self.add(&section, "h2", "", Some("Over time, and how sure it is"))?;
        for key in ["cumulative", "outcomes", "tornado"] {
            let figure = self.add(&section, "figure", "chart", None)?;
            figure.set_attribute("data-chart", key)?;
        }
        Ok(section)
    }

    /// Redraws every chart from the current report.
    pub(super) fn refresh_charts(&self) -> Result<(), JsValue> {
        let report = self.editor.report();
        let tornado = charts::tornado(report, TORNADO_ROWS);
        for (key, chart) in
            [("cumulative", charts::cumulative(report)), ("outcomes", charts::outcomes(report)), ("tornado", tornado)]
        {
            if let Some(figure) = self.root.query_selector(&format!("figure[data-chart=\"{key}\"]"))? {
                figure.replace_children_with_node_0();
                self.add(&figure, "figcaption", "", Some(chart.title))?;
                figure.append_child(self.svg(&chart)?.as_ref())?;
                figure.append_child(self.chart_text(&chart, "chart-text")?.as_ref())?;
            }
        }
        for (i, dept) in report.departments.iter().enumerate() {
            for (key, compared, percent) in [
                ("activeRate", dept.benchmark.as_ref().map(|b| b.active_rate), true),
                ("hoursSavedPerWeek", dept.benchmark.as_ref().map(|b| b.hours_saved_per_week), false),
            ] {
                if let Some(slot) = self.root.get_element_by_id(&format!("departments-{i}--{key}-band")) {
                    slot.replace_children_with_node_0();
                    if let Some(compared) = compared {
                        slot.append_child(self.svg(&charts::band(&compared, percent))?.as_ref())?;
                    }
                }
            }
        }
        Ok(())
    }

    /// The chart as an SVG element, hidden from assistive technology (its text equivalent is beside it).
    pub(super) fn svg(&self, chart: &Chart) -> Result<Element, JsValue> {
        let svg = self.document.create_element_ns(Some(SVG), "svg")?;
        let (width, height) = (attribute_number(chart.width), attribute_number(chart.height));
        svg.set_attribute("viewBox", &format!("0 0 {width} {height}"))?;
        svg.set_attribute("aria-hidden", "true")?;
        svg.set_attribute("focusable", "false")?;
        for shape in &chart.shapes {
            let (tag, class, attributes): (&str, &str, Vec<(&str, String)>) = match shape {
                Shape::Line { points, class } => {
                    let list: Vec<String> = points
                        .iter()
                        .map(|(x, y)| format!("{},{}", attribute_number(*x), attribute_number(*y)))
                        .collect();
                    ("polyline", class, vec![("points", list.join(" "))])
                }
                Shape::Rect { x, y, width, height, class } => (
                    "rect",
                    class,
                    vec![
                        ("x", attribute_number(*x)),
                        ("y", attribute_number(*y)),
                        ("width", attribute_number(*width)),
                        ("height", attribute_number(*height)),
                    ],
                ),
                Shape::Circle { cx, cy, r, class } => (
                    "circle",
                    class,
                    vec![("cx", attribute_number(*cx)), ("cy", attribute_number(*cy)), ("r", attribute_number(*r))],
                ),
                Shape::Text { x, y, text, number, anchor, class } => {
                    let anchor = match anchor {
                        Anchor::Start => "start",
                        Anchor::Middle => "middle",
                        Anchor::End => "end",
                    };
                    let element = self.document.create_element_ns(Some(SVG), "text")?;
                    element.set_attribute("class", class)?;
                    element.set_attribute("x", &attribute_number(*x))?;
                    element.set_attribute("y", &attribute_number(*y))?;
                    element.set_attribute("text-anchor", anchor)?;
                    let number = number.map(|label| self.label(label, true)).unwrap_or_default();
                    let gap = if text.is_empty() || number.is_empty() { "" } else { " " };
                    element.set_text_content(Some(&format!("{text}{gap}{number}")));
                    svg.append_child(&element)?;
                    continue;
                }
            };
            let element = self.document.create_element_ns(Some(SVG), tag)?;
            element.set_attribute("class", class)?;
            for (name, value) in attributes {
                element.set_attribute(name, &value)?;
            }
            svg.append_child(&element)?;
        }
        Ok(svg)
    }

    /// The chart's text equivalent: one line per row, its numbers after a colon.
    pub(super) fn chart_text(&self, chart: &Chart, class: &str) -> Result<Element, JsValue> {
        let list = self.element("ul", class, None)?;
        for (text, numbers) in &chart.rows {
            let numbers: Vec<String> = numbers.iter().map(|label| self.label(*label, false)).collect();
            let line = if numbers.is_empty() { text.clone() } else { format!("{text}: {}", numbers.join(" to ")) };
            self.add(&list, "li", "", Some(&line))?;
        }
        Ok(list)
    }

    /// A number in the reader's format; in a chart, money is short ("$1.5M") and months bare numbers.
    fn label(&self, label: Label, on_axis: bool) -> String {
        let f = &self.formats;
        match label.unit {
            Unit::Money if on_axis => f.money_short(label.value),
            Unit::Money => f.money(label.value),
            Unit::Percent => f.percent(label.value),
            Unit::Months if on_axis => f.decimal(label.value),
            Unit::Months => format!("{} months", f.decimal(label.value)),
            Unit::Hours => format!("{} h", f.decimal(label.value)),
            Unit::Number => f.decimal(label.value),
        }
    }
}
