//! The state behind `<roi-calculator>` ([`roi_core::view::WidgetState`]) across the JS boundary.
//!
//! The JavaScript shell (`www/roi-calculator.js`) forwards what the person does — `input(path, text)`
//! and `action(name, index)` — and renders [`Widget::view`], the whole screen as data, after each change
//! (`www/view/`). Nothing here builds DOM: the view model is pure Rust, tested natively.

use wasm_bindgen::prelude::*;

use roi_boundary::{BenchmarkTableArg, json_from, to_js};
use roi_core::numbers::NumberStyle;
use roi_core::scenario::Scenario;
use roi_core::view::{Mode, WidgetState, view};

// The view model's `Text` is a Rust type alias, which the derived declarations name but do not declare.
#[wasm_bindgen(typescript_custom_section)]
const TEXT: &str = "/** A line of text in pieces: words, and numbers to format. */\nexport type Text = Piece[];";

/// One `<roi-calculator>` instance's state.
#[wasm_bindgen]
pub struct Widget {
    state: WidgetState,
}

#[wasm_bindgen]
impl Widget {
    /// Starts with `scenario` in `mode` (`project` or `measure`); numbers are typed with the reader's
    /// `decimal` and `group` separators (from `Intl.NumberFormat#formatToParts`); `benchmarks`
    /// optionally extends the built-in table.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
        decimal: &str,
        group: &str,
        mode: &str,
        benchmarks: Option<BenchmarkTableArg>,
    ) -> Result<Widget, JsValue> {
        let table = roi_boundary::table(benchmarks)?;
        let scenario = Scenario::from_json(&json_from(&scenario, "scenario")?)
            .map_err(|problems| roi_boundary::error(&roi_boundary::invalid("scenario", &problems), &problems))?;
        let style = NumberStyle {
            decimal: decimal.chars().next().unwrap_or('.'),
            group: group.chars().next().unwrap_or(','),
            currency: None,
        };
        let state = WidgetState::new(&scenario, table, style, Mode::from_name(mode))
            .map_err(|problems| roi_boundary::error("The scenario cannot be shown", &problems))?;
        Ok(Widget { state })
    }

    /// Everything on screen, as data.
    #[wasm_bindgen(unchecked_return_type = "View")]
    pub fn view(&self) -> JsValue {
        to_js(&view(&self.state))
    }

    /// The person typed `text` into the field at `path`.
    #[wasm_bindgen(unchecked_return_type = "Effect")]
    pub fn input(&mut self, path: &str, text: &str) -> JsValue {
        to_js(&self.state.input(path, text))
    }

    /// A button was pressed (see `WidgetState::action`): `add:…`, `remove:…` with the item's `index`,
    /// `mode:…`, `realised:apply`, `realised:undo`.
    #[wasm_bindgen(unchecked_return_type = "Effect")]
    pub fn action(&mut self, name: &str, index: Option<u32>) -> JsValue {
        to_js(&self.state.action(name, index.map(|i| i as usize)))
    }

    /// Shows `mode` (`project` or `measure`), keeping what was entered in both.
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&mut self, mode: &str) {
        self.state.set_mode(Mode::from_name(mode));
    }

    /// The charts are drawn `width` CSS pixels wide: true when they are laid out again for it (render the
    /// view again), false when the width is close enough to the one they were laid out for.
    #[wasm_bindgen(js_name = setChartWidth)]
    pub fn set_chart_width(&mut self, width: f64) -> bool {
        self.state.set_chart_width(width)
    }

    /// Typing has paused: completes the Monte Carlo of the latest edits; true when the report changed.
    pub fn settle(&mut self) -> bool {
        self.state.settle()
    }

    /// Replaces the measurements with an import's; throws (changing nothing) when they cannot be used.
    #[wasm_bindgen(js_name = adoptMeasurements)]
    pub fn adopt_measurements(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Measurements")] measurements: JsValue,
    ) -> Result<(), JsValue> {
        let document = json_from(&measurements, "import")?;
        self.state.adopt_measurements(document).map_err(|message| js_sys::Error::new(&message).into())
    }

    /// Credits training with `attribution` (a share, from the import's control comparison).
    #[wasm_bindgen(js_name = useAttribution, unchecked_return_type = "Effect")]
    pub fn use_attribution(&mut self, attribution: f64) -> JsValue {
        to_js(&self.state.use_attribution(attribution))
    }

    /// The scenario as last validly edited.
    #[wasm_bindgen(getter, unchecked_return_type = "Scenario")]
    pub fn scenario(&self) -> JsValue {
        to_js(self.state.editor().document())
    }

    /// The report of that scenario.
    #[wasm_bindgen(getter, unchecked_return_type = "Report")]
    pub fn report(&self) -> JsValue {
        to_js(self.state.editor().report())
    }

    /// The measurements as last validly entered in measure mode.
    #[wasm_bindgen(getter, unchecked_return_type = "Measurements")]
    pub fn measurements(&self) -> JsValue {
        to_js(self.state.measure().document())
    }

    /// Their assessment: statuses, flags with actions, department adoption, scorecard.
    #[wasm_bindgen(getter, unchecked_return_type = "Assessment")]
    pub fn assessment(&self) -> JsValue {
        to_js(self.state.measure().assessment())
    }
}
