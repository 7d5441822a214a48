//! Building the widget's DOM: the headline, the department cards with their labelled fields, and the
//! assumptions list. Done once, and again only when departments are added or removed.

use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::{COLUMNS, FIGURES, Formats, Widget};

impl Widget {
    pub(super) fn element(&self, tag: &str, class: &str, text: Option<&str>) -> Result<Element, JsValue> {
        let element = self.document.create_element(tag)?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        if let Some(text) = text {
            element.set_text_content(Some(text));
        }
        Ok(element)
    }

    /// Builds the whole widget.
    pub(super) fn render(&self) -> Result<(), JsValue> {
        self.root.replace_children_with_node_0();
        let main = self.element("div", "widget", None)?;
        main.set_attribute("part", "widget")?;
        main.append_child(self.headline()?.as_ref())?;
        main.append_child(self.departments()?.as_ref())?;
        let assumptions = self.element("section", "assumptions", None)?;
        assumptions.set_attribute("part", "assumptions")?;
        assumptions.append_child(self.element("h2", "", Some("What these figures assume"))?.as_ref())?;
        assumptions.append_child(self.element("ul", "assumption-list", None)?.as_ref())?;
        main.append_child(&assumptions)?;
        self.root.append_child(&main)?;
        self.refresh()
    }

    fn headline(&self) -> Result<Element, JsValue> {
        let section = self.element("section", "headline", None)?;
        section.set_attribute("part", "headline")?;
        section.append_child(self.element("h2", "", Some("What training returns"))?.as_ref())?;
        let list = self.element("dl", "figures", None)?;
        for (key, label, definition) in FIGURES {
            let item = self.element("div", "figure", None)?;
            let term = self.element("dt", "", Some(label))?;
            term.set_attribute("title", definition)?;
            let output = self.element("output", "", None)?;
            output.set_attribute("data-figure", key)?;
            let value = self.element("dd", "", None)?;
            value.append_child(&output)?;
            let hint = self.element("dd", "definition", Some(definition))?;
            item.append_child(&term)?;
            item.append_child(&value)?;
            item.append_child(&hint)?;
            list.append_child(&item)?;
        }
        let status = self.element("p", "status", None)?;
        status.set_attribute("role", "status")?;
        section.append_child(&list)?;
        section.append_child(&status)?;
        Ok(section)
    }

    fn departments(&self) -> Result<Element, JsValue> {
        let section = self.element("section", "departments", None)?;
        section.set_attribute("part", "departments")?;
        section.append_child(self.element("h2", "", Some("Departments"))?.as_ref())?;
        let document = self.editor.document();
        let empty = Vec::new();
        let rows = document["departments"].as_array().unwrap_or(&empty);
        for (i, dept) in rows.iter().enumerate() {
            let card = self.element("fieldset", "department", None)?;
            let legend = self.element("legend", "", Some(dept["name"].as_str().unwrap_or_default()))?;
            legend.set_attribute("data-legend", &i.to_string())?;
            card.append_child(&legend)?;
            card.append_child(self.field(&format!("departments[{i}].name"), "Name", &dept["name"], false)?.as_ref())?;
            card.append_child(self.benchmark_select(i, &dept["benchmark"])?.as_ref())?;
            let used = self.editor.report().departments.get(i);
            for (key, label, percent) in COLUMNS {
                let key = if key == "hourlyCost" && dept.get("annualCost").is_some() { "annualCost" } else { key };
                let label = if key == "annualCost" { "Annual cost" } else { label };
                let field = self.field(&format!("departments[{i}].{key}"), label, &dept[key], percent)?;
                // An empty rate or hours field means "the benchmark's value": show which.
                let default = match key {
                    "activeRate" => used.map(|d| d.active_rate * 100.0),
                    "hoursSavedPerWeek" => used.map(|d| d.hours_saved_per_week),
                    _ => None,
                };
                if let (Some(default), Some(input)) = (default, field.query_selector("input")?) {
                    input.set_attribute(
                        "placeholder",
                        &format!("{} (benchmark)", Formats::show(&self.formats.plain, default)),
                    )?;
                }
                card.append_child(field.as_ref())?;
            }
            if rows.len() > 1 {
                let remove = self.element("button", "remove", Some("Remove"))?;
                remove.set_attribute("type", "button")?;
                remove.set_attribute("data-action", "remove-department")?;
                remove.set_attribute("data-index", &i.to_string())?;
                remove.set_attribute("aria-label", &format!("Remove {}", dept["name"].as_str().unwrap_or_default()))?;
                card.append_child(&remove)?;
            }
            section.append_child(&card)?;
        }
        let add = self.element("button", "add", Some("Add a department"))?;
        add.set_attribute("type", "button")?;
        add.set_attribute("data-action", "add-department")?;
        section.append_child(&add)?;
        Ok(section)
    }

    /// A labelled input for the field at `path`, with its benchmark note and error message.
    fn field(&self, path: &str, label: &str, value: &Value, percent: bool) -> Result<Element, JsValue> {
        let id = path.replace(['[', ']', '.'], "-");
        let wrapper = self.element("div", "field", None)?;
        let text = self.element("label", "", Some(label))?;
        text.set_attribute("for", &id)?;
        let input = self.element("input", "", None)?;
        input.set_id(&id);
        input.set_attribute("data-path", path)?;
        input.set_attribute("inputmode", if path.ends_with("name") { "text" } else { "decimal" })?;
        input.set_attribute("autocomplete", "off")?;
        input.set_attribute("aria-describedby", &format!("{id}-note {id}-error"))?;
        let shown = match value.as_f64() {
            Some(x) => Formats::show(&self.formats.plain, if percent { x * 100.0 } else { x }),
            None => value.as_str().unwrap_or_default().to_owned(),
        };
        if let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(&shown);
        }
        let note = self.element("span", "note", None)?;
        note.set_id(&format!("{id}-note"));
        let error = self.element("span", "error", None)?;
        error.set_id(&format!("{id}-error"));
        error.set_attribute("aria-live", "polite")?;
        wrapper.append_child(&text)?;
        wrapper.append_child(&input)?;
        wrapper.append_child(&note)?;
        wrapper.append_child(&error)?;
        Ok(wrapper)
    }

    fn benchmark_select(&self, index: usize, current: &Value) -> Result<Element, JsValue> {
        let path = format!("departments[{index}].benchmark");
        let id = path.replace(['[', ']', '.'], "-");
        let wrapper = self.element("div", "field", None)?;
        let label = self.element("label", "", Some("Benchmark"))?;
        label.set_attribute("for", &id)?;
        let select = self.element("select", "", None)?;
        select.set_id(&id);
        select.set_attribute("data-path", &path)?;
        let none = self.element("option", "", Some("None (no comparison)"))?;
        none.set_attribute("value", "")?;
        select.append_child(&none)?;
        for row in &self.table.benchmarks {
            let option = self.element("option", "", Some(&row.label))?;
            option.set_attribute("value", &row.key)?;
            if current.as_str() == Some(row.key.as_str()) {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        wrapper.append_child(&label)?;
        wrapper.append_child(&select)?;
        Ok(wrapper)
    }
}
