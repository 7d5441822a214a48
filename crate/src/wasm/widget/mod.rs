//! The Rust side of `<roi-calculator>`: state, validation and rendering (issue 3, first slice).
//!
//! The JavaScript shell (`www/roi-calculator.js`) owns the custom element and its shadow root and
//! forwards what the person does — `input(path, text)` and `action(name, index)`; everything else is
//! decided here. The DOM is built once; a keystroke updates only what derives from it (figures, band
//! statuses, messages, assumptions), so focus and caret are never disturbed. User text is only ever
//! set as text, never parsed as HTML. Numbers are formatted by the browser's `Intl.NumberFormat`.
//! `build` constructs the DOM; this module holds the state and keeps the derived parts up to date.

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Document, HtmlElement, ShadowRoot};

use super::{json_from, to_js};
use crate::assumptions::{ValueKind, assumptions};
use crate::benchmarks::{BandStatus, BenchmarkTable};
use crate::editor::Editor;
use crate::model::Model;
use crate::numbers::NumberStyle;
use crate::scenario::Scenario;

/// The headline figures: key, label, definition shown on hover and focus.
const FIGURES: [(&str, &str, &str); 6] = [
    ("roiPercent", "Net ROI, steady-state year", "(annual benefit − first-year cost) ÷ first-year cost"),
    ("benefitCostRatio", "Benefit–cost ratio", "annual benefit ÷ first-year cost"),
    ("netBenefit", "Net benefit a year", "annual benefit − first-year cost"),
    ("paybackMonths", "Payback", "months until the cumulative net benefit stays at or above zero"),
    ("firstYearRoiPercent", "Net ROI, first 12 months", "months 0–12 of the projection, with the adoption ramp"),
    ("npv", "NPV over the horizon", "net present value, each year discounted at the discount rate"),
];

/// The editable columns of a department row: field, heading, whether it is typed as a percentage.
const COLUMNS: [(&str, &str, bool); 4] = [
    ("headcount", "People", false),
    ("hourlyCost", "Hourly cost", false),
    ("activeRate", "Active use", true),
    ("hoursSavedPerWeek", "Hours saved a week", false),
];

/// Number formatters of the reader's locale and the scenario's currency.
struct Formats {
    money: Function,
    percent: Function,
    decimal: Function,
    plain: Function,
}

impl Formats {
    fn new(locale: &str, currency: &str) -> Self {
        let make = |options: &[(&str, JsValue)]| {
            let object = Object::new();
            for (key, value) in options {
                let _ = Reflect::set(&object, &JsValue::from_str(key), value);
            }
            Intl::NumberFormat::new(&Array::of1(&JsValue::from_str(locale)), &object).format()
        };
        Self {
            money: make(&[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("maximumFractionDigits", 0.into()),
            ]),
            percent: make(&[("style", "percent".into()), ("maximumFractionDigits", 1.into())]),
            decimal: make(&[("maximumFractionDigits", 1.into())]),
            plain: make(&[("maximumFractionDigits", 6.into()), ("useGrouping", false.into())]),
        }
    }

    fn show(format: &Function, x: f64) -> String {
        format.call1(&JsValue::NULL, &JsValue::from_f64(x)).ok().and_then(|v| v.as_string()).unwrap_or_default()
    }
}

/// One `<roi-calculator>` instance.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    document: Document,
    editor: Editor,
    table: BenchmarkTable,
    style: NumberStyle,
    formats: Formats,
}

#[wasm_bindgen]
impl Widget {
    /// Renders `scenario` into `root`, the shadow root of `host`. `locale` is a tag the browser
    /// accepted; `decimal` and `group` are its separators (from `Intl.NumberFormat#formatToParts`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        host: HtmlElement,
        root: ShadowRoot,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        locale: &str,
        decimal: &str,
        group: &str,
    ) -> Result<Widget, JsValue> {
        let scenario = Scenario::from_json(&json_from(&scenario, "scenario")?)
            .map_err(|problems| super::error(&super::invalid("scenario", &problems), &problems))?;
        let table = BenchmarkTable::default();
        let editor = Editor::new(&scenario, table.clone())
            .map_err(|problems| super::error("The scenario cannot be shown", &problems))?;
        let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
        let style = NumberStyle {
            decimal: decimal.chars().next().unwrap_or('.'),
            group: group.chars().next().unwrap_or(','),
            currency: None,
        };
        let formats = Formats::new(locale, &scenario.currency);
        let widget = Widget { host, root, document, editor, table, style, formats };
        widget.render()?;
        Ok(widget)
    }

    /// The person typed `text` into the field at `path`.
    pub fn input(&mut self, path: &str, text: &str) -> Result<(), JsValue> {
        let changed = self.editor.type_into(path, text, &self.style);
        self.refresh()?;
        if changed && !self.editor.risk_pending() {
            self.announce("roi-change")?;
        } else if let Some(draft) = self.editor.draft(path).filter(|_| !changed) {
            let detail = Object::new();
            let _ = Reflect::set(&detail, &"path".into(), &path.into());
            let _ = Reflect::set(&detail, &"message".into(), &draft.message.as_str().into());
            self.dispatch("roi-error", &detail)?;
        }
        Ok(())
    }

    /// A button was pressed: `add-department`, or `remove-department` with its `index`.
    pub fn action(&mut self, name: &str, index: Option<u32>) -> Result<(), JsValue> {
        let changed = match (name, index) {
            ("add-department", _) => {
                let n = self.editor.report().departments.len() + 1;
                self.editor.add_department(&format!("Department {n}"))
            }
            ("remove-department", Some(i)) => self.editor.remove_department(i as usize),
            _ => false,
        };
        if changed {
            self.render()?;
            if !self.editor.risk_pending() {
                self.announce("roi-change")?;
            }
        }
        Ok(())
    }

    /// Typing has paused: completes the Monte Carlo of the latest edits and announces the full report.
    pub fn settle(&mut self) -> Result<(), JsValue> {
        if self.editor.settle() {
            self.refresh()?;
            self.announce("roi-change")?;
        }
        Ok(())
    }

    /// The scenario as last validly edited.
    #[wasm_bindgen(getter, unchecked_return_type = "Scenario")]
    pub fn scenario(&self) -> JsValue {
        to_js(self.editor.document())
    }

    /// The report of that scenario.
    #[wasm_bindgen(getter, unchecked_return_type = "Report")]
    pub fn report(&self) -> JsValue {
        to_js(self.editor.report())
    }
}

mod build;

impl Widget {
    /// Updates everything derived from the report and the drafts.
    fn refresh(&self) -> Result<(), JsValue> {
        let report = self.editor.report();
        let f = &self.formats;
        let percent_of = |x: f64| Formats::show(&f.percent, x / 100.0);
        let figures: [(&str, Option<f64>, String); 6] = [
            ("roiPercent", report.annual.roi_percent, report.annual.roi_percent.map(percent_of).unwrap_or_default()),
            (
                "benefitCostRatio",
                report.annual.benefit_cost_ratio,
                report
                    .annual
                    .benefit_cost_ratio
                    .map(|x| format!("{}×", Formats::show(&f.decimal, x)))
                    .unwrap_or_default(),
            ),
            ("netBenefit", Some(report.annual.net_benefit), Formats::show(&f.money, report.annual.net_benefit)),
            (
                "paybackMonths",
                report.payback_months,
                report.payback_months.map(|x| format!("{} months", Formats::show(&f.decimal, x))).unwrap_or_default(),
            ),
            (
                "firstYearRoiPercent",
                report.first_year.roi_percent,
                report.first_year.roi_percent.map(percent_of).unwrap_or_default(),
            ),
            ("npv", Some(report.horizon.npv), Formats::show(&f.money, report.horizon.npv)),
        ];
        for (key, value, text) in figures {
            if let Some(output) = self.root.query_selector(&format!("output[data-figure=\"{key}\"]"))? {
                output.set_text_content(Some(if value.is_some() { &text } else { "—" }));
                let raw = value.and_then(|v| js_sys::Number::from(v).to_string_with_radix(10).ok()).map(String::from);
                output.set_attribute("data-value", &raw.unwrap_or_default())?;
            }
        }
        if let Some(status) = self.root.query_selector(".status")? {
            let drafts = self.editor.drafts().len();
            status.set_text_content(Some(&match drafts {
                0 => String::new(),
                1 => "One field needs attention; the figures are from the last valid entry.".to_owned(),
                n => format!("{n} fields need attention; the figures are from the last valid entries."),
            }));
        }
        for (i, dept) in report.departments.iter().enumerate() {
            if let Some(legend) = self.root.query_selector(&format!("legend[data-legend=\"{i}\"]"))? {
                legend.set_text_content(Some(&dept.name));
            }
            let notes = [
                ("activeRate", dept.benchmark.as_ref().map(|b| (b.active_rate, true))),
                ("hoursSavedPerWeek", dept.benchmark.as_ref().map(|b| (b.hours_saved_per_week, false))),
            ];
            for (key, compared) in notes {
                let id = format!("departments-{i}--{key}-note");
                let text = compared.map_or_else(String::new, |(c, percent)| {
                    let show =
                        |x: f64| if percent { Formats::show(&f.percent, x) } else { Formats::show(&f.decimal, x) };
                    let status = match c.status {
                        BandStatus::Below => "below",
                        BandStatus::Within => "within",
                        BandStatus::Above => "above",
                    };
                    let unit = if percent { "" } else { " h" };
                    format!("Benchmark {}–{}{unit}: {status}", show(c.low), show(c.high))
                });
                if let Some(note) = self.root.get_element_by_id(&id) {
                    note.set_text_content(Some(&text));
                }
            }
        }
        let errors = self.root.query_selector_all(".error")?;
        for i in 0..errors.length() {
            if let Some(error) = errors.item(i) {
                error.set_text_content(None);
            }
        }
        for (path, draft) in self.editor.drafts() {
            let id = path.replace(['[', ']', '.'], "-");
            if let Some(error) = self.root.get_element_by_id(&format!("{id}-error")) {
                // Validator messages follow a path ("… must be"); beside their field they start a sentence.
                let mut chars = draft.message.chars();
                // ASCII is exact for these English messages, and `to_uppercase` would add Unicode's case tables.
                let message: String = chars
                    .next()
                    .map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect())
                    .unwrap_or_default();
                error.set_text_content(Some(&message));
            }
        }
        self.refresh_assumptions()
    }

    fn refresh_assumptions(&self) -> Result<(), JsValue> {
        let Some(list) = self.root.query_selector(".assumption-list")? else { return Ok(()) };
        let Ok(scenario) = Scenario::from_json(self.editor.document()) else { return Ok(()) };
        let Ok(model) = Model::resolve(&scenario, &self.table) else { return Ok(()) };
        list.replace_children_with_node_0();
        for assumption in assumptions(&scenario, &model, &self.editor.report().annual) {
            let mut text = assumption.text.to_owned();
            for (slot, value) in assumption.values.iter().enumerate() {
                let shown = match value.kind {
                    ValueKind::Money => Formats::show(&self.formats.money, value.value),
                    ValueKind::Percent => Formats::show(&self.formats.percent, value.value),
                    ValueKind::Hours => format!("{} hours", Formats::show(&self.formats.decimal, value.value)),
                    ValueKind::Number => Formats::show(&self.formats.decimal, value.value),
                };
                text = text.replace(&format!("{{{slot}}}"), &shown);
            }
            list.append_child(self.element("li", "", Some(&text))?.as_ref())?;
        }
        Ok(())
    }

    /// Dispatches `name` on the host with the scenario and report.
    fn announce(&self, name: &str) -> Result<(), JsValue> {
        let detail = Object::new();
        let _ = Reflect::set(&detail, &"scenario".into(), &self.scenario());
        let _ = Reflect::set(&detail, &"report".into(), &self.report());
        self.dispatch(name, &detail)
    }

    fn dispatch(&self, name: &str, detail: &JsValue) -> Result<(), JsValue> {
        let init = CustomEventInit::new();
        init.set_detail(detail);
        init.set_bubbles(true);
        init.set_composed(true);
        let event = CustomEvent::new_with_event_init_dict(name, &init)?;
        self.host.dispatch_event(&event)?;
        Ok(())
    }
}
