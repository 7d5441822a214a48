//! Building blocks of the widget's DOM shared by both modes: elements with text (never HTML), labelled
//! inputs and selects addressed by their field path, buttons that name an action, and the messages of
//! fields whose text could not be used.

use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::Widget;
use roi_core::editor::Drafts;

/// The element id of the field at `path` (`departments[2].name` → `departments-2--name`).
pub(super) fn field_id(path: &str) -> String {
    path.replace(['[', ']', '.'], "-")
}

impl Widget {
    /// A new element with a class and, optionally, text.
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

    /// A new element appended to `parent`.
    pub(super) fn add(&self, parent: &Element, tag: &str, class: &str, text: Option<&str>) -> Result<Element, JsValue> {
        let element = self.element(tag, class, text)?;
        parent.append_child(&element)?;
        Ok(element)
    }

    /// The text an input shows for `value` (a number, as a percentage when `percent`, or text), exactly
    /// as it was typed or set.
    pub(super) fn shown(&self, value: &Value, percent: bool) -> String {
        match value.as_f64() {
            Some(x) => self.formats.plain(if percent { x * 100.0 } else { x }),
            None => value.as_str().unwrap_or_default().to_owned(),
        }
    }

    /// The text an input shows for a measured value, which may come from an import (0.71989529 → "72"):
    /// at display precision, one decimal at most. The document keeps the exact value until it is edited.
    pub(super) fn shown_measured(&self, value: &Value, percent: bool) -> String {
        match value.as_f64() {
            Some(x) => self.formats.rounded(if percent { x * 100.0 } else { x }),
            None => self.shown(value, percent),
        }
    }

    /// A field's wrapper with its label and its control (`input`, `select`) for the field at `path`;
    /// the error line follows with [`Widget::error_line`].
    fn labelled(&self, path: &str, label: &str, tag: &str) -> Result<(Element, Element), JsValue> {
        let id = field_id(path);
        let wrapper = self.element("div", "field", None)?;
        self.add(&wrapper, "label", "", Some(label))?.set_attribute("for", &id)?;
        let control = self.add(&wrapper, tag, "", None)?;
        control.set_id(&id);
        control.set_attribute("data-path", path)?;
        Ok((wrapper, control))
    }

    /// The line under a field where its message appears, announced politely.
    fn error_line(&self, wrapper: &Element, path: &str) -> Result<(), JsValue> {
        let error = self.add(wrapper, "span", "error", None)?;
        error.set_id(&format!("{}-error", field_id(path)));
        error.set_attribute("aria-live", "polite")
    }

    /// A labelled input for the field at `path`, with a note (benchmark, target) and an error message.
    pub(super) fn field(&self, path: &str, label: &str, text: &str) -> Result<Element, JsValue> {
        let id = field_id(path);
        let (wrapper, input) = self.labelled(path, label, "input")?;
        let textual = path.ends_with("name") || path.ends_with("label");
        input.set_attribute("inputmode", if textual { "text" } else { "decimal" })?;
        input.set_attribute("autocomplete", "off")?;
        input.set_attribute("aria-describedby", &format!("{id}-note {id}-error"))?;
        if let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(text);
        }
        self.add(&wrapper, "span", "note", None)?.set_id(&format!("{id}-note"));
        self.error_line(&wrapper, path)?;
        Ok(wrapper)
    }

    /// A labelled select for the field at `path`: `options` are (value, label); `current` is selected.
    pub(super) fn select(
        &self,
        path: &str,
        label: &str,
        options: &[(&str, &str)],
        current: &str,
    ) -> Result<Element, JsValue> {
        let (wrapper, select) = self.labelled(path, label, "select")?;
        for (value, text) in options {
            let option = self.add(&select, "option", "", Some(text))?;
            option.set_attribute("value", value)?;
            if *value == current {
                option.set_attribute("selected", "")?;
            }
        }
        self.error_line(&wrapper, path)?;
        Ok(wrapper)
    }

    /// A department's card in `section`: its legend (the name) and its name and benchmark fields; the
    /// mode adds the rest.
    pub(super) fn department_card(&self, section: &Element, index: usize, dept: &Value) -> Result<Element, JsValue> {
        let card = self.add(section, "fieldset", "department", None)?;
        let name = dept["name"].as_str().unwrap_or_default();
        self.add(&card, "legend", "", Some(name))?.set_attribute("data-legend", &index.to_string())?;
        card.append_child(self.field(&format!("departments[{index}].name"), "Name", name)?.as_ref())?;
        card.append_child(self.benchmark_select(index, &dept["benchmark"])?.as_ref())?;
        Ok(card)
    }

    /// The benchmark select of department `index`, whose benchmark key is `current`.
    pub(super) fn benchmark_select(&self, index: usize, current: &Value) -> Result<Element, JsValue> {
        let mut options = vec![("", "None (no comparison)")];
        options.extend(self.table.benchmarks.iter().map(|row| (row.key.as_str(), row.label.as_str())));
        self.select(&format!("departments[{index}].benchmark"), "Benchmark", &options, current.as_str().unwrap_or(""))
    }

    /// A button that performs `action` (see [`Widget::action`]) on item `index`, if any.
    pub(super) fn button(
        &self,
        text: &str,
        class: &str,
        action: &str,
        index: Option<usize>,
        label: Option<&str>,
    ) -> Result<Element, JsValue> {
        let button = self.element("button", class, Some(text))?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-action", action)?;
        if let Some(index) = index {
            button.set_attribute("data-index", &index.to_string())?;
        }
        if let Some(label) = label {
            button.set_attribute("aria-label", label)?;
        }
        Ok(button)
    }

    /// A "Remove" button for item `index` of `list`, named by the item's name field (`name_path`), so
    /// its accessible name ("Remove Legal") follows a rename without rebuilding.
    pub(super) fn remove_button(&self, list: &str, index: usize, name_path: &str) -> Result<Element, JsValue> {
        let button = self.button("Remove", "remove", &format!("remove:{list}"), Some(index), None)?;
        let id = format!("{}-remove", field_id(name_path));
        button.set_id(&id);
        button.set_attribute("aria-labelledby", &format!("{id} {}", field_id(name_path)))?;
        Ok(button)
    }

    /// Clears every field's error, shows the message of each draft beside its field, and says in the
    /// status line how many fields need attention (the `shown` — figures, results — being the last valid).
    pub(super) fn show_drafts(&self, drafts: &Drafts, shown: &str) -> Result<(), JsValue> {
        if let Some(status) = self.root.query_selector(".status")? {
            status.set_text_content(Some(&match drafts.len() {
                0 => String::new(),
                1 => format!("One field needs attention; the {shown} are from the last valid entry."),
                n => format!("{n} fields need attention; the {shown} are from the last valid entries."),
            }));
        }
        let errors = self.root.query_selector_all(".error")?;
        for i in 0..errors.length() {
            if let Some(error) = errors.item(i) {
                error.set_text_content(None);
            }
        }
        for (path, draft) in drafts {
            if let Some(error) = self.root.get_element_by_id(&format!("{}-error", field_id(path))) {
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
        Ok(())
    }

    /// Sets each department card's legend to its (last valid) name.
    pub(super) fn show_department_names<'n>(&self, names: impl Iterator<Item = &'n str>) -> Result<(), JsValue> {
        for (i, name) in names.enumerate() {
            if let Some(legend) = self.root.query_selector(&format!("legend[data-legend=\"{i}\"]"))? {
                legend.set_text_content(Some(name));
            }
        }
        Ok(())
    }

    /// Sets the text of the element with id `id`, if it exists.
    pub(super) fn set_text(&self, id: &str, text: &str) {
        if let Some(element) = self.root.get_element_by_id(id) {
            element.set_text_content(Some(text));
        }
    }
}
