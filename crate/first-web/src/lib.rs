//! A share link's first-figures module (`pkg/roi_first.js`): the headline figures of the scenario in a
//! link, before the page's full module has arrived (docs/decisions.md, "The first-figures module").
//!
//! One export. The scenario arrives as a `Float64Array` in the fixed layout of `roi_core::first`, filled
//! by www/page.js from the decoded link; the figures go back as six numbers. No JSON crosses, so no
//! serde_json is linked: the computation is the core's own (`roi_core::first::figures`).

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wasm_bindgen::prelude::*;

/// Talc instead of the default dlmalloc, as in the other modules (docs/decisions.md, "Size").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The headline figures of the scenario in `layout`: net ROI %, benefit–cost ratio, net benefit,
/// payback months, first-year ROI %, NPV (NaN where the widget shows "—"); empty when the layout is
/// refused (anything the full reader would report), so the page waits for the full engine.
#[wasm_bindgen(js_name = firstFigures)]
pub fn first_figures(layout: &[f64]) -> Vec<f64> {
    roi_core::first::figures(layout).map(|h| h.to_array().to_vec()).unwrap_or_default()
}
