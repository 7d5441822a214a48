//! The Rust side of `<roi-calculator>`: state, validation and rendering.
//!
//! The JavaScript shell (`www/roi-calculator.js`) owns the custom element and its shadow root and
//! forwards what the person does — `input(path, text)` and `action(name, index)`; everything else is
//! decided here. The DOM is built once per mode; a keystroke updates only what derives from it (figures,
//! statuses, charts, messages), so focus and caret are never disturbed. User text is only ever set as
//! text, never parsed as HTML. Numbers are formatted by the browser's `Intl.NumberFormat`.
//!
//! `project` and `measure` build and refresh the two modes, `charts` draws the SVG charts that
//! [`roi_core::charts`] lays out, `dom` holds the shared building blocks.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Document, HtmlElement, ShadowRoot};

use roi_boundary::{BenchmarkTableArg, json_from, to_js};
use roi_core::benchmarks::BenchmarkTable;
use roi_core::editor::{Editor, MeasureEditor};
use roi_core::numbers::NumberStyle;
use roi_core::scenario::Scenario;

mod board;
mod charts;
mod dom;
mod format;
mod import;
mod measure;
mod project;
mod realised;

use format::Formats;
use import::ImportView;

/// What the widget is for: projecting a programme's return, or judging what was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Project,
    Measure,
}

impl Mode {
    fn from_name(name: &str) -> Self {
        if name.eq_ignore_ascii_case("measure") { Self::Measure } else { Self::Project }
    }
}

/// One `<roi-calculator>` instance.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    document: Document,
    mode: Mode,
    editor: Editor,
    measure: MeasureEditor,
    table: BenchmarkTable,
    style: NumberStyle,
    formats: Formats,
    import: ImportView,
    /// The scenario before what was measured was applied to it, for undo.
    undo: Option<Scenario>,
}

#[wasm_bindgen]
impl Widget {
    /// Renders `scenario` into `root`, the shadow root of `host`, in `mode` (`project` or `measure`).
    /// `locale` is a tag the browser accepted; `decimal` and `group` are its separators (from
    /// `Intl.NumberFormat#formatToParts`); `benchmarks` optionally extends the built-in table.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        host: HtmlElement,
        root: ShadowRoot,
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        locale: &str,
        decimal: &str,
        group: &str,
        mode: &str,
        benchmarks: Option<BenchmarkTableArg>,
    ) -> Result<Widget, JsValue> {
        let table = roi_boundary::table(benchmarks)?;
        let scenario = Scenario::from_json(&json_from(&scenario, "scenario")?)
            .map_err(|problems| roi_boundary::error(&roi_boundary::invalid("scenario", &problems), &problems))?;
        let editor = Editor::new(&scenario, table.clone())
            .map_err(|problems| roi_boundary::error("The scenario cannot be shown", &problems))?;
        let measure = MeasureEditor::for_scenario(editor.document(), table.clone());
        let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element is not in a document"))?;
        let style = NumberStyle {
            decimal: decimal.chars().next().unwrap_or('.'),
            group: group.chars().next().unwrap_or(','),
            currency: None,
        };
        let formats = Formats::new(locale, &scenario.currency);
        let mode = Mode::from_name(mode);
        let import = ImportView::default();
        let widget = Widget { host, root, document, mode, editor, measure, table, style, formats, import, undo: None };
        widget.render()?;
        Ok(widget)
    }

    /// The person typed `text` into the field at `path`.
    pub fn input(&mut self, path: &str, text: &str) -> Result<(), JsValue> {
        let (changed, draft) = match self.mode {
            Mode::Project => (self.editor.type_into(path, text, &self.style), self.editor.drafts().get(path)),
            Mode::Measure => (self.measure.type_into(path, text, &self.style), self.measure.drafts().get(path)),
        };
        if !changed && let Some(draft) = draft {
            let detail = Object::new();
            let _ = Reflect::set(&detail, &"path".into(), &path.into());
            let _ = Reflect::set(&detail, &"message".into(), &draft.message.as_str().into());
            self.dispatch("roi-error", &detail)?;
        }
        self.refresh()?;
        if changed && !self.editor.risk_pending() {
            self.announce()?;
        }
        Ok(())
    }

    /// A button was pressed: `add:<list>` (`add:departments`, `add:costs.monthly`…), `remove:<list>`
    /// with the item's `index`, `mode:project` / `mode:measure`, `realised:apply` / `realised:undo` (carry
    /// what was measured into the projection, or take it back), or `import:attribution` (use the
    /// control comparison's attribution in the projection).
    pub fn action(&mut self, name: &str, index: Option<u32>) -> Result<(), JsValue> {
        let (verb, target) = name.split_once(':').unwrap_or((name, ""));
        let index = index.map(|i| i as usize);
        let changed = match (self.mode, verb, index) {
            (_, "mode", _) => {
                self.mode = Mode::from_name(target);
                self.render()?;
                return self.focus_mode_switch();
            }
            (Mode::Project, "add", _) if target == "departments" => {
                let n = self.editor.report().departments.len() + 1;
                self.editor.add_department(&format!("Department {n}"))
            }
            (Mode::Project, "add", _) if target.ends_with(".useCases") => {
                let department = target.strip_prefix("departments[").and_then(|rest| rest.split(']').next());
                department.and_then(|i| i.parse().ok()).is_some_and(|i| self.editor.add_use_case(i))
            }
            (Mode::Project, "add", _) => self.editor.add_cost(target),
            (Mode::Project, "remove", Some(i)) => self.editor.remove(target, i),
            (Mode::Measure, "add", _) => {
                let n = self.measure.assessment().departments.len() + 1;
                self.measure.add_department(&format!("Department {n}"))
            }
            (Mode::Measure, "remove", Some(i)) => self.measure.remove_department(i),
            (Mode::Measure, "import", _) if target == "attribution" => self.use_measured_attribution(),
            (Mode::Measure, "realised", _) if target == "apply" => self.apply_measured(),
            (Mode::Measure, "realised", _) if target == "undo" => self.undo_measured(),
            _ => false,
        };
        if changed {
            self.render()?;
            if !self.editor.risk_pending() {
                self.announce()?;
            }
        }
        Ok(())
    }

    /// Starts editing `scenario` in place of the current one (measurements and mode stay); false when it
    /// cannot be evaluated.
    fn replace_scenario(&mut self, scenario: &Scenario) -> bool {
        match Editor::new(scenario, self.table.clone()) {
            Ok(editor) => {
                self.editor = editor;
                true
            }
            Err(_) => false,
        }
    }

    /// Shows `mode` (`project` or `measure`), keeping what was entered in both.
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&mut self, mode: &str) -> Result<(), JsValue> {
        let mode = Mode::from_name(mode);
        if mode != self.mode {
            self.mode = mode;
            self.render()?;
        }
        Ok(())
    }

    /// Typing has paused: completes the Monte Carlo of the latest edits and announces the full report.
    pub fn settle(&mut self) -> Result<(), JsValue> {
        if self.editor.settle() {
            self.refresh()?;
            self.announce()?;
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

    /// The measurements as last validly entered in measure mode.
    #[wasm_bindgen(getter, unchecked_return_type = "Measurements")]
    pub fn measurements(&self) -> JsValue {
        to_js(self.measure.document())
    }

    /// Their assessment: statuses, flags with actions, department adoption, scorecard.
    #[wasm_bindgen(getter, unchecked_return_type = "Assessment")]
    pub fn assessment(&self) -> JsValue {
        to_js(self.measure.assessment())
    }
}

impl Widget {
    /// Builds the whole widget for the current mode.
    fn render(&self) -> Result<(), JsValue> {
        self.root.replace_children_with_node_0();
        let main = self.element("div", "widget", None)?;
        main.set_attribute("part", "widget")?;
        main.set_attribute("data-mode", if self.mode == Mode::Project { "project" } else { "measure" })?;
        main.append_child(self.mode_switch()?.as_ref())?;
        match self.mode {
            Mode::Project => self.build_project(&main)?,
            Mode::Measure => self.build_measure(&main)?,
        }
        self.build_board(&main)?;
        self.root.append_child(&main)?;
        self.refresh()
    }

    /// Updates everything derived from the current results and drafts.
    fn refresh(&self) -> Result<(), JsValue> {
        // Computed once: measure mode shows it, and the board report (in both modes) leads with it.
        let realised = self.realised();
        match self.mode {
            Mode::Project => self.refresh_project()?,
            Mode::Measure => {
                self.refresh_measure()?;
                self.refresh_realised(realised.as_ref())?;
            }
        }
        self.refresh_board(realised.as_ref())
    }

    /// The two buttons that switch between projecting and measuring.
    fn mode_switch(&self) -> Result<web_sys::Element, JsValue> {
        let nav = self.element("div", "modes", None)?;
        nav.set_attribute("role", "group")?;
        nav.set_attribute("aria-label", "What to do")?;
        for (mode, name, text) in
            [(Mode::Project, "project", "Project the return"), (Mode::Measure, "measure", "Judge measured results")]
        {
            let button = self.button(text, "mode", &format!("mode:{name}"), None, None)?;
            button.set_attribute("aria-pressed", if mode == self.mode { "true" } else { "false" })?;
            nav.append_child(&button)?;
        }
        Ok(nav)
    }

    /// After switching modes by keyboard, focus stays on the pressed switch.
    fn focus_mode_switch(&self) -> Result<(), JsValue> {
        if let Some(button) = self.root.query_selector(".modes button[aria-pressed=\"true\"]")? {
            button.unchecked_into::<HtmlElement>().focus()?;
        }
        Ok(())
    }

    /// Dispatches `roi-change` on the host with the scenario and report (and, in measure mode, the
    /// measurements and their assessment).
    fn announce(&self) -> Result<(), JsValue> {
        let detail = Object::new();
        let _ = Reflect::set(&detail, &"scenario".into(), &self.scenario());
        let _ = Reflect::set(&detail, &"report".into(), &self.report());
        if self.mode == Mode::Measure {
            let _ = Reflect::set(&detail, &"measurements".into(), &self.measurements());
            let _ = Reflect::set(&detail, &"assessment".into(), &self.assessment());
        }
        self.dispatch("roi-change", &detail)
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
