//! Project mode: the headline figures, the charts, the departments with their benchmark bands, the
//! costs, the settings and the assumptions in plain words. Built once (again when a list grows or
//! shrinks); [`Widget::refresh_project`] updates what derives from the report on every keystroke.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::Widget;
use super::format::attribute_number;
use roi_core::assumptions::assumptions;
use roi_core::model::Model;

/// How a headline figure is shown.
type Show<'a> = dyn Fn(f64) -> String + 'a;

/// The headline figures: key, label, definition shown on hover and focus.
const FIGURES: [(&str, &str, &str); 6] = [
    ("roiPercent", "Net ROI, steady-state year", "(annual benefit − first-year cost) ÷ first-year cost"),
    ("benefitCostRatio", "Benefit–cost ratio", "annual benefit ÷ first-year cost"),
    ("netBenefit", "Net benefit a year", "annual benefit − first-year cost"),
    ("paybackMonths", "Payback", "months until the cumulative net benefit stays at or above zero"),
    ("firstYearRoiPercent", "Net ROI, first 12 months", "months 0–12 of the projection, with the adoption ramp"),
    ("npv", "NPV over the horizon", "net present value, each year discounted at the discount rate"),
];

/// The editable columns of a department: field, label, whether it is typed as a percentage.
const COLUMNS: [(&str, &str, bool); 4] = [
    ("headcount", "People", false),
    ("hourlyCost", "Hourly cost", false),
    ("activeRate", "Active use %", true),
    ("hoursSavedPerWeek", "Hours saved a week", false),
];

/// The figures of the compact summary: key (as in `FIGURES`), short label.
const SUMMARY: [(&str, &str); 3] =
    [("roiPercent", "Net ROI"), ("benefitCostRatio", "Return"), ("paybackMonths", "Payback")];

/// The cost lists: path, heading, the amount's label.
const COST_LISTS: [(&str, &str, &str); 3] = [
    ("costs.oneTime", "One-time costs", "Amount"),
    ("costs.monthly", "Monthly costs", "A month"),
    ("costs.perSeatMonthly", "Per seat, a month", "A seat a month"),
];

/// The settings: path, label, whether typed as a percentage.
const SETTINGS: [(&str, &str, bool); 11] = [
    ("weeksPerYear", "Working weeks a year", false),
    ("hoursPerWeek", "Hours a week", false),
    ("horizonMonths", "Horizon, months", false),
    ("discountRate", "Discount rate %", true),
    ("attribution", "Credited to training %", true),
    ("confidence", "Confidence in estimates %", true),
    ("ramp.day30Factor", "Day-30 use, % of steady state", true),
    ("ramp.fullByMonth", "Full use by month", false),
    ("seats", "Licensed seats (empty: everyone)", false),
    ("uncertainty.spread", "Uncertainty ± %", true),
    ("uncertainty.draws", "Monte Carlo draws", false),
];

impl Widget {
    /// Builds project mode into `main`: the results (headline, charts, assumptions) and the inputs
    /// (departments, costs, settings) in two columns a wide widget lays side by side, with the headline
    /// kept in view while any input is edited; a narrow one stacks them under a compact summary that
    /// stays at the top while the inputs scroll.
    pub(super) fn build_project(&self, main: &Element) -> Result<(), JsValue> {
        main.append_child(self.summary()?.as_ref())?;
        let results = self.add(main, "div", "results", None)?;
        let inputs = self.add(main, "div", "inputs", None)?;
        results.append_child(self.headline()?.as_ref())?;
        results.append_child(self.build_charts()?.as_ref())?;
        inputs.append_child(self.departments()?.as_ref())?;
        inputs.append_child(self.costs()?.as_ref())?;
        inputs.append_child(self.settings()?.as_ref())?;
        let section = self.add(&results, "section", "assumptions", None)?;
        section.set_attribute("part", "assumptions")?;
        self.add(&section, "h2", "", Some("What these figures assume"))?;
        self.add(&section, "ul", "assumption-list", None)?;
        Ok(())
    }

    /// The headline in one line (ROI, ratio, payback), repeated for sight only: screen readers have the
    /// headline itself.
    fn summary(&self) -> Result<Element, JsValue> {
        let line = self.element("p", "summary", None)?;
        line.set_attribute("aria-hidden", "true")?;
        line.set_attribute("part", "summary")?;
        for (key, label) in SUMMARY {
            let item = self.add(&line, "span", "", None)?;
            self.add(&item, "span", "label", Some(label))?;
            self.add(&item, "output", "", None)?.set_attribute("data-summary", key)?;
        }
        Ok(line)
    }

    fn headline(&self) -> Result<Element, JsValue> {
        let section = self.element("section", "headline", None)?;
        section.set_attribute("part", "headline")?;
        self.add(&section, "h2", "", Some("What training returns"))?;
        let list = self.add(&section, "dl", "figures", None)?;
        for (key, label, definition) in FIGURES {
            let item = self.add(&list, "div", "figure", None)?;
            let term = self.add(&item, "dt", "", Some(label))?;
            term.set_attribute("title", definition)?;
            let value = self.add(&item, "dd", "", None)?;
            self.add(&value, "output", "", None)?.set_attribute("data-figure", key)?;
            self.add(&item, "dd", "definition", Some(definition))?;
        }
        self.add(&section, "p", "status", None)?.set_attribute("role", "status")?;
        Ok(section)
    }

    fn departments(&self) -> Result<Element, JsValue> {
        let section = self.element("section", "departments", None)?;
        section.set_attribute("part", "departments")?;
        self.add(&section, "h2", "", Some("Departments"))?;
        let empty = Vec::new();
        let rows = self.editor.document()["departments"].as_array().unwrap_or(&empty);
        for (i, dept) in rows.iter().enumerate() {
            let card = self.department_card(&section, i, dept)?;
            let used = self.editor.report().departments.get(i);
            for (key, label, percent) in COLUMNS {
                let key = if key == "hourlyCost" && dept.get("annualCost").is_some() { "annualCost" } else { key };
                let label = if key == "annualCost" { "Annual cost" } else { label };
                let field = self.field(&format!("departments[{i}].{key}"), label, &self.shown(&dept[key], percent))?;
                // An empty rate or hours field means "the benchmark's value": show which.
                let default = match key {
                    "activeRate" => used.map(|d| d.active_rate * 100.0),
                    "hoursSavedPerWeek" => used.map(|d| d.hours_saved_per_week),
                    _ => None,
                };
                if let (Some(default), Some(input)) = (default, field.query_selector("input")?) {
                    input.set_attribute("placeholder", &format!("{} (benchmark)", self.formats.plain(default)))?;
                }
                if default.is_some() {
                    // The benchmark band, drawn by `refresh_charts`.
                    let band = self.add(&field, "span", "band", None)?;
                    band.set_id(&format!("departments-{i}--{key}-band"));
                }
                if key == "hoursSavedPerWeek" && dept.get("useCases").is_some() {
                    // Hours then come from the use cases: shown, not typed.
                    if let Some(input) = field.query_selector("input")? {
                        input.set_attribute("readonly", "")?;
                        input.set_attribute("placeholder", "from the use cases")?;
                    }
                }
                card.append_child(&field)?;
            }
            card.append_child(self.use_cases(i, dept)?.as_ref())?;
            if rows.len() > 1 {
                card.append_child(self.remove_button("departments", i, &format!("departments[{i}].name"))?.as_ref())?;
            }
        }
        section.append_child(self.button("Add a department", "add", "add:departments", None, None)?.as_ref())?;
        Ok(section)
    }

    /// Department `index`'s use cases: a task, its minutes before and after, times a week.
    fn use_cases(&self, index: usize, dept: &serde_json::Value) -> Result<Element, JsValue> {
        let group = self.element("div", "use-cases", None)?;
        let path = format!("departments[{index}].useCases");
        let empty = Vec::new();
        let cases = dept["useCases"].as_array().unwrap_or(&empty);
        for (j, case) in cases.iter().enumerate() {
            let row = self.add(&group, "div", "use-case", None)?;
            let name = case["name"].as_str().unwrap_or_default();
            row.append_child(self.field(&format!("{path}[{j}].name"), "Task", name)?.as_ref())?;
            for (key, label) in [
                ("minutesBefore", "Minutes before"),
                ("minutesAfter", "Minutes with Claude"),
                ("perWeek", "Times a week"),
            ] {
                row.append_child(
                    self.field(&format!("{path}[{j}].{key}"), label, &self.shown(&case[key], false))?.as_ref(),
                )?;
            }
            row.append_child(self.remove_button(&path, j, &format!("{path}[{j}].name"))?.as_ref())?;
        }
        let name = dept["name"].as_str().unwrap_or_default();
        let label = format!("Add a use case to {name}");
        group
            .append_child(self.button("Add a use case", "add", &format!("add:{path}"), None, Some(&label))?.as_ref())?;
        Ok(group)
    }

    fn costs(&self) -> Result<Element, JsValue> {
        let section = self.element("section", "costs", None)?;
        section.set_attribute("part", "costs")?;
        self.add(&section, "h2", "", Some("Costs"))?;
        let costs = &self.editor.document()["costs"];
        let people = self.add(&section, "div", "settings", None)?;
        for (key, label) in [
            ("trainingHoursPerPerson", "Training hours a person"),
            ("learningCurveHoursPerPerson", "Learning-curve hours a person"),
        ] {
            people
                .append_child(self.field(&format!("costs.{key}"), label, &self.shown(&costs[key], false))?.as_ref())?;
        }
        for (path, heading, amount) in COST_LISTS {
            let group = self.add(&section, "fieldset", "cost-list", None)?;
            self.add(&group, "legend", "", Some(heading))?;
            let empty = Vec::new();
            let lines = costs[&path["costs.".len()..]].as_array().unwrap_or(&empty);
            for (i, line) in lines.iter().enumerate() {
                let row = self.add(&group, "div", "cost-line", None)?;
                let label = line["label"].as_str().unwrap_or_default();
                row.append_child(self.field(&format!("{path}[{i}].label"), "What", label)?.as_ref())?;
                row.append_child(
                    self.field(&format!("{path}[{i}].amount"), amount, &self.shown(&line["amount"], false))?.as_ref(),
                )?;
                row.append_child(self.remove_button(path, i, &format!("{path}[{i}].label"))?.as_ref())?;
            }
            let add = format!("Add a line to {}", heading.to_ascii_lowercase());
            group.append_child(self.button("Add a line", "add", &format!("add:{path}"), None, Some(&add))?.as_ref())?;
        }
        Ok(section)
    }

    fn settings(&self) -> Result<Element, JsValue> {
        let section = self.element("section", "settings-section", None)?;
        section.set_attribute("part", "settings")?;
        self.add(&section, "h2", "", Some("Settings"))?;
        let grid = self.add(&section, "div", "settings", None)?;
        let document = self.editor.document();
        for (path, label, percent) in SETTINGS {
            let value = path.split('.').fold(document, |node, key| &node[key]);
            grid.append_child(self.field(path, label, &self.shown(value, percent))?.as_ref())?;
        }
        Ok(section)
    }

    /// Updates the figures, notes, charts, messages and assumptions from the report and the drafts.
    pub(super) fn refresh_project(&self) -> Result<(), JsValue> {
        let report = self.editor.report();
        let f = &self.formats;
        let ratio = |x: f64| format!("{}×", f.decimal(x));
        let months = |x: f64| format!("{} months", f.decimal(x));
        let figures: [(&str, Option<f64>, &Show<'_>); 6] = [
            ("roiPercent", report.annual.roi_percent, &|x| f.percent(x)),
            ("benefitCostRatio", report.annual.benefit_cost_ratio, &ratio),
            ("netBenefit", Some(report.annual.net_benefit), &|x| f.money(x)),
            ("paybackMonths", report.payback_months, &months),
            ("firstYearRoiPercent", report.first_year.roi_percent, &|x| f.percent(x)),
            ("npv", Some(report.horizon.npv), &|x| f.money(x)),
        ];
        for (key, value, show) in figures {
            let text = value.map_or_else(|| "—".to_owned(), show);
            if let Some(output) = self.root.query_selector(&format!("output[data-figure=\"{key}\"]"))? {
                output.set_text_content(Some(&text));
                output.set_attribute("data-value", &value.map(attribute_number).unwrap_or_default())?;
            }
            if let Some(output) = self.root.query_selector(&format!("output[data-summary=\"{key}\"]"))? {
                output.set_text_content(Some(&text));
            }
        }
        self.show_drafts(self.editor.drafts(), "figures")?;
        self.show_department_names(report.departments.iter().map(|d| d.name.as_str()))?;
        for (i, dept) in report.departments.iter().enumerate() {
            let notes = [
                ("activeRate", dept.benchmark.as_ref().map(|b| (b.active_rate, true))),
                ("hoursSavedPerWeek", dept.benchmark.as_ref().map(|b| (b.hours_saved_per_week, false))),
            ];
            for (key, compared) in notes {
                let text = compared.map_or_else(String::new, |(c, percent)| {
                    let show = |x: f64| if percent { f.share(x) } else { f.decimal(x) };
                    let unit = if percent { "" } else { " h" };
                    format!("Benchmark {}–{}{unit}: {}", show(c.low), show(c.high), c.status.word())
                });
                self.set_text(&format!("departments-{i}--{key}-note"), &text);
            }
        }
        self.refresh_charts()?;
        self.refresh_assumptions()
    }

    fn refresh_assumptions(&self) -> Result<(), JsValue> {
        let Some(list) = self.root.query_selector(".assumption-list")? else { return Ok(()) };
        let scenario = self.editor.scenario();
        let Ok(model) = Model::resolve(scenario, &self.table) else { return Ok(()) };
        list.replace_children_with_node_0();
        for assumption in assumptions(scenario, &model, &self.editor.report().annual) {
            let mut text = assumption.text.to_owned();
            for (slot, value) in assumption.values.iter().enumerate() {
                text = text.replace(&format!("{{{slot}}}"), &self.formats.value(*value));
            }
            self.add(&list, "li", "", Some(&text))?;
        }
        Ok(())
    }
}
