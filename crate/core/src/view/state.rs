//! What the widget holds between two screens: the scenario and measurements being edited, the mode, the
//! text of each field as typed, and the scenario before measurements were applied to it (for undo).
//! Every change a person makes arrives here as [`WidgetState::input`] or [`WidgetState::action`]; the
//! screen is then [`super::view`] of the new state.

use serde::Serialize;
use serde_json::Value;

use super::Mode;
use crate::benchmarks::BenchmarkTable;
use crate::charts::DEFAULT_WIDTH;
use crate::editor::{ByPath, Draft, Editor, MeasureEditor};
use crate::fields::FieldError;
use crate::numbers::NumberStyle;
use crate::realised::{Realised, apply, realise};
use crate::scenario::Scenario;

/// What an input or an action did, for the shell to tell the host.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Effect {
    /// The scenario or measurements changed, and their report is complete: announce it (`roi-change`).
    pub announce: bool,
    /// What was typed could not be used, and why (`roi-error`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One widget's state.
#[derive(Debug, Clone)]
pub struct WidgetState {
    mode: Mode,
    editor: Editor,
    measure: MeasureEditor,
    table: BenchmarkTable,
    style: NumberStyle,
    /// The text of each field typed into since the lists last changed, so a field shows what was typed
    /// ("1.50"), not the number it was read as.
    typed: ByPath<String>,
    /// The scenario before what was measured was applied to it.
    undo: Option<Scenario>,
    /// Project mode shows only what a prospect knows (the quick start), not every input.
    quick: bool,
    /// The width the charts are drawn at, in CSS pixels, which they are laid out for.
    chart_width: f64,
}

/// The narrowest and widest a chart is laid out for; outside, the drawing is scaled.
const CHART_WIDTHS: (f64, f64) = (240.0, 1200.0);
/// A chart drawn within this many pixels of the width it was laid out for is only scaled: its text
/// stays within a few per cent of the stylesheet's size, and a scroll bar that comes and goes as the
/// charts change height cannot make them change again.
const CHART_SLACK: f64 = 24.0;

impl WidgetState {
    /// Starts with `scenario` in `mode`, an empty Day-30 checkpoint of its departments, numbers typed with
    /// `style`'s separators; fails with every problem when the scenario cannot be evaluated.
    pub fn new(
        scenario: &Scenario,
        table: BenchmarkTable,
        style: NumberStyle,
        mode: Mode,
    ) -> Result<Self, Vec<FieldError>> {
        let editor = Editor::new(scenario, table.clone())?;
        let measure = MeasureEditor::for_scenario(editor.document(), table.clone());
        Ok(Self {
            mode,
            editor,
            measure,
            table,
            style,
            typed: ByPath::new(),
            undo: None,
            quick: false,
            chart_width: DEFAULT_WIDTH,
        })
    }

    /// The mode shown.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The scenario editor.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// The measurements editor.
    pub fn measure(&self) -> &MeasureEditor {
        &self.measure
    }

    /// The benchmark table.
    pub fn table(&self) -> &BenchmarkTable {
        &self.table
    }

    /// Whether project mode shows the quick start: each department's people and cost, and the
    /// programme's one-time costs; every other input waits behind "Refine every input".
    pub fn quick(&self) -> bool {
        self.quick
    }

    /// The width the charts are laid out for, in CSS pixels.
    pub fn chart_width(&self) -> f64 {
        self.chart_width
    }

    /// The charts are drawn `width` CSS pixels wide (measured by the shell): true when they are to be
    /// laid out again for it, being more than a little off the width they were laid out for.
    pub fn set_chart_width(&mut self, width: f64) -> bool {
        if !width.is_finite() {
            return false;
        }
        #[allow(clippy::manual_clamp)] // `clamp` would bring the float formatter into the build (its panic message)
        let width = width.max(CHART_WIDTHS.0).min(CHART_WIDTHS.1).round();
        if (width - self.chart_width).abs() <= CHART_SLACK {
            return false;
        }
        self.chart_width = width;
        true
    }

    /// Whether there is a scenario to go back to.
    pub fn can_undo(&self) -> bool {
        self.undo.is_some()
    }

    /// The realised return of the scenario and measurements, when both can be read together.
    pub fn realised(&self) -> Option<Realised> {
        realise(self.editor.scenario(), self.measure.measurements(), &self.table).ok()
    }

    /// What the field at `path` holds as typed (a draft, or a valid entry since the lists changed).
    pub(super) fn typed(&self, path: &str) -> Option<&str> {
        self.draft(path).map(|d| d.text.as_str()).or_else(|| self.typed.get(path).map(String::as_str))
    }

    /// The draft at `path` in the current mode's editor.
    pub(super) fn draft(&self, path: &str) -> Option<&Draft> {
        match self.mode {
            Mode::Project => self.editor.draft(path),
            Mode::Measure => self.measure.drafts().get(path),
        }
    }

    /// The person typed `text` into the field at `path`.
    pub fn input(&mut self, path: &str, text: &str) -> Effect {
        let changed = match self.mode {
            Mode::Project => self.editor.type_into(path, text, &self.style),
            Mode::Measure => self.measure.type_into(path, text, &self.style),
        };
        self.typed.insert(path.to_owned(), text.to_owned());
        let error = if changed { None } else { self.draft(path).map(|d| d.message.clone()) };
        Effect { announce: changed && !self.editor.risk_pending(), error }
    }

    /// A button was pressed: `add:<list>` (`add:departments`, `add:costs.monthly`,
    /// `add:departments[0].useCases`), `remove:<list>` with the item's `index`, `mode:project` /
    /// `mode:measure`, `inputs:quick` / `inputs:all` (the quick start, or every input), `realised:apply` /
    /// `realised:undo` (carry what was measured into the projection, or take it back). Unknown actions do
    /// nothing.
    pub fn action(&mut self, name: &str, index: Option<usize>) -> Effect {
        let (verb, target) = name.split_once(':').unwrap_or((name, ""));
        let changed = match (self.mode, verb, index) {
            (_, "mode", _) => {
                self.set_mode(Mode::from_name(target));
                return Effect::default();
            }
            (_, "inputs", _) => {
                self.quick = target == "quick";
                return Effect::default();
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
            (Mode::Measure, "realised", _) if target == "apply" => self.apply_measured(),
            (Mode::Measure, "realised", _) if target == "undo" => self.undo_measured(),
            _ => false,
        };
        if changed {
            // Paths after a removed item now name others: each field shows its value afresh.
            self.typed.clear();
        }
        Effect { announce: changed && !self.editor.risk_pending(), error: None }
    }

    /// Shows `mode`, keeping what was entered in both.
    pub fn set_mode(&mut self, mode: Mode) {
        if mode != self.mode {
            self.mode = mode;
            self.typed.clear();
        }
    }

    /// Typing has paused: completes the Monte Carlo of the latest edits; true when the report changed.
    pub fn settle(&mut self) -> bool {
        self.editor.settle()
    }

    /// Replaces the measurements with an import's `measurements` document; on failure nothing changes and
    /// the message says why.
    pub fn adopt_measurements(&mut self, measurements: Value) -> Result<(), String> {
        let editor = MeasureEditor::new(measurements, self.table.clone()).map_err(|problems| {
            let first = problems.first().map(|p| format!("{} {}", p.path, p.message)).unwrap_or_default();
            format!("The import gave measurements that cannot be used: {first}")
        })?;
        self.measure = editor;
        self.typed.clear();
        Ok(())
    }

    /// Credits training with `attribution` (a share, from a control comparison), as a whole percentage.
    pub fn use_attribution(&mut self, attribution: f64) -> Effect {
        #[allow(clippy::manual_clamp)] // `clamp` would bring the float formatter into the build (its panic message)
        let percent = (attribution * 100.0).round().max(1.0).min(100.0) as u32;
        let changed = self.editor.type_into("attribution", &percent.to_string(), &self.style);
        Effect { announce: changed && !self.editor.risk_pending(), error: None }
    }

    /// Sets the projection's departments, people, active rates and hours from what was measured (costs
    /// and settings stay); the scenario before is kept for undo. False when nothing could be applied.
    fn apply_measured(&mut self) -> bool {
        let Ok(next) = apply(self.editor.scenario(), self.measure.measurements(), &self.table) else { return false };
        let before = self.editor.scenario().clone();
        if self.replace_scenario(&next) {
            self.undo = Some(before);
            return true;
        }
        false
    }

    /// Goes back to the scenario before the measurements were applied.
    fn undo_measured(&mut self) -> bool {
        let Some(before) = self.undo.take() else { return false };
        self.replace_scenario(&before)
    }

    /// Starts editing `scenario` in place of the current one; false when it cannot be evaluated.
    fn replace_scenario(&mut self, scenario: &Scenario) -> bool {
        match Editor::new(scenario, self.table.clone()) {
            Ok(editor) => {
                self.editor = editor;
                true
            }
            Err(_) => false,
        }
    }
}
