//! The engine's functions under their JavaScript names (README.md#the-javascript-api): plain JS objects in, read by
//! the same field-by-field reader the native tests use, plain objects out, errors thrown as `Error`s
//! with their `errors` list (see `roi_boundary`).

use roi_boundary::{BenchmarkTableArg, error, invalid, json_from, table, texts, to_js};
use roi_core::fields::FieldError;
use roi_core::{BenchmarkTable, Scenario, link};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Reads the `what` document `input`, runs `run` on it against the benchmark table, and returns its
/// result as a plain object or throws its problems.
fn with_table<T: Serialize>(
    input: &JsValue,
    what: &str,
    benchmarks: Option<BenchmarkTableArg>,
    run: impl FnOnce(&Value, &BenchmarkTable) -> Result<T, Vec<FieldError>>,
) -> Result<JsValue, JsValue> {
    let table = table(benchmarks)?;
    let document = json_from(input, what)?;
    let result = run(&document, &table).map_err(|problems| error(&invalid(what, &problems), &problems))?;
    Ok(to_js(&result))
}

/// Projects a scenario: annual and first-year figures, monthly projection, payback, NPV, scenarios,
/// Monte Carlo risk, sensitivity and warnings. `benchmarks` optionally extends the built-in table.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    benchmarks: Option<BenchmarkTableArg>,
) -> Result<JsValue, JsValue> {
    with_table(&scenario, "scenario", benchmarks, roi_core::evaluate_json)
}

/// Judges measured results at a checkpoint: each metric green/amber/red, flags with diagnosis and
/// action (red first), department adoption and benchmarks, and the scorecard.
#[wasm_bindgen(unchecked_return_type = "Assessment")]
pub fn assess(
    #[wasm_bindgen(unchecked_param_type = "Measurements")] measurements: JsValue,
    benchmarks: Option<BenchmarkTableArg>,
) -> Result<JsValue, JsValue> {
    with_table(&measurements, "measurements document", benchmarks, roi_core::assess_json)
}

/// Reads the scenario and the measurements, runs `run` on both against the benchmark table, and returns
/// its result as a plain object or throws the problems of both (paths led by `scenario` or `measurements`).
fn with_both<T: Serialize>(
    scenario: &JsValue,
    measurements: &JsValue,
    benchmarks: Option<BenchmarkTableArg>,
    run: impl FnOnce(&Value, &Value, &BenchmarkTable) -> Result<T, Vec<FieldError>>,
) -> Result<JsValue, JsValue> {
    let table = table(benchmarks)?;
    let scenario = json_from(scenario, "scenario")?;
    let measurements = json_from(measurements, "measurements document")?;
    let what = "scenario or measurements document";
    let result =
        run(&scenario, &measurements, &table).map_err(|problems| error(&invalid(what, &problems), &problems))?;
    Ok(to_js(&result))
}

/// The realised return of measured results against the scenario (docs/model.md, "Realised return"): the
/// measured year valued with the scenario's cost model beside the projected one, per department realised
/// against projected with each value's basis, and the gap. `benchmarks` optionally extends the table.
#[wasm_bindgen(unchecked_return_type = "Realised")]
pub fn realise(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Measurements")] measurements: JsValue,
    benchmarks: Option<BenchmarkTableArg>,
) -> Result<JsValue, JsValue> {
    with_both(&scenario, &measurements, benchmarks, roi_core::realise_json)
}

/// The scenario with what was measured applied: its departments, people, active rates and hours from
/// the measurements (costs and settings kept), so the next projection and its link start from them.
#[wasm_bindgen(js_name = applyMeasurements, unchecked_return_type = "Scenario")]
pub fn apply_measurements(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Measurements")] measurements: JsValue,
    benchmarks: Option<BenchmarkTableArg>,
) -> Result<JsValue, JsValue> {
    with_both(&scenario, &measurements, benchmarks, roi_core::realised::apply_json)
}

/// The scenario a new visitor starts from.
#[wasm_bindgen(js_name = defaultScenario, unchecked_return_type = "Scenario")]
pub fn default_scenario() -> JsValue {
    to_js(&Scenario::default())
}

/// The built-in department benchmark table (source 000, Day 90).
#[wasm_bindgen(unchecked_return_type = "BenchmarkTable")]
pub fn benchmarks() -> JsValue {
    to_js(&BenchmarkTable::default())
}

/// The share-link text of a scenario (`v1.…`, URL-safe); the scenario is validated first.
#[wasm_bindgen(js_name = encodeScenario)]
pub fn encode_scenario(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<String, JsValue> {
    let document = json_from(&scenario, "scenario")?;
    let scenario =
        Scenario::from_json(&document).map_err(|problems| error(&invalid("scenario", &problems), &problems))?;
    Ok(link::encode(&scenario))
}

/// Opens a share link (bare, `#v1.…` or a whole URL): the valid part of its scenario and what was dropped.
/// A compressed `v2.…` link is refused: the page inflates it and opens the scenario it holds as a `v1` link.
#[wasm_bindgen(js_name = decodeScenario, unchecked_return_type = "DecodedLink")]
pub fn decode_scenario(link: &str) -> Result<JsValue, JsValue> {
    let decoded = link::decode(link).map_err(|e| error(&e.to_string(), &[]))?;
    Ok(to_js(&decoded))
}

/// What a page offers for download and sharing, for a scenario: `departmentsCsv`, `monthlyCsv`
/// (spreadsheet-safe), `json` (scenario and report), and the `embed` snippet for a widget served
/// from `scriptUrl`.
#[wasm_bindgen(js_name = exportScenario, unchecked_return_type = "{ departmentsCsv: string, monthlyCsv: string, json: string, embed: string }")]
pub fn export_scenario(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(js_name = scriptUrl)] script_url: &str,
) -> Result<JsValue, JsValue> {
    let document = json_from(&scenario, "scenario")?;
    let scenario =
        Scenario::from_json(&document).map_err(|problems| error(&invalid("scenario", &problems), &problems))?;
    let report = roi_core::evaluate(&scenario, &BenchmarkTable::default())
        .map_err(|problems| error(&invalid("scenario", &problems), &problems))?;
    let json = serde_json::to_string_pretty(&roi_core::export::download_json(&scenario, &report)).unwrap_or_default();
    Ok(texts([
        ("departmentsCsv", roi_core::export::departments_csv(&report)),
        ("monthlyCsv", roi_core::export::monthly_csv(&report)),
        ("json", json),
        ("embed", roi_core::export::embed_snippet(script_url, &scenario)),
    ]))
}
