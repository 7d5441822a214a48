//! The WebAssembly boundary: the engine's functions under their JavaScript names (SPEC 5).
//!
//! Each function takes plain JS objects, reads them with the same field-by-field reader the native
//! tests use, and returns plain objects. Data crosses as JSON text through the browser's own
//! `JSON.stringify` / `JSON.parse`: the engine needs serde_json for share links anyway, and a second
//! serde backend (serde-wasm-bindgen) measured at about 40% of the module's size for no gain (README,
//! "Size"). Every failure is thrown as a JS `Error` whose `message` reads well on its own and whose
//! `errors` property holds the full `[{ path, message }]` list.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::fields::FieldError;

mod import;
mod widget;
use crate::{BenchmarkTable, Scenario, link};

/// Talc instead of the default dlmalloc: smaller and faster in WebAssembly (README, "Size").
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen]
extern "C" {
    /// A benchmark table from JavaScript, typed in the `.d.ts` as the generated `BenchmarkTable`.
    #[wasm_bindgen(typescript_type = "BenchmarkTable")]
    pub type BenchmarkTableArg;
}

/// How many problems the error message lists before "and N more".
const LISTED_IN_MESSAGE: usize = 3;

/// Converts a JS value to JSON data. `NaN` and `Infinity` become `null` (and are then reported as not
/// a number); values JSON cannot hold at all (BigInt, cycles) are an error.
fn json_from(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    let unreadable = |message: String| {
        error(&format!("The {what} is not plain JSON data"), &[FieldError { path: String::new(), message }])
    };
    let text = js_sys::JSON::stringify(value).map_err(|e| unreadable(js_sys::Error::from(e).message().into()))?;
    let text = text.as_string().unwrap_or_default();
    serde_json::from_str(&text).map_err(|_| unreadable("it is undefined or not an object".into()))
}

/// Converts Rust data to a plain JS value.
fn to_js(value: &impl Serialize) -> JsValue {
    // Serializing plain data structures to a string cannot fail, and JSON.parse accepts what serde_json writes.
    let text = serde_json::to_string(value).unwrap_or_default();
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// A JS `Error` with a readable message and the full list of problems as its `errors` property.
fn error(summary: &str, problems: &[FieldError]) -> JsValue {
    let mut message = summary.to_owned();
    for (i, problem) in problems.iter().take(LISTED_IN_MESSAGE).enumerate() {
        message.push_str(if i == 0 { ": " } else { "; " });
        if !problem.path.is_empty() {
            message.push_str(&problem.path);
            message.push(' ');
        }
        message.push_str(&problem.message);
    }
    if problems.len() > LISTED_IN_MESSAGE {
        message.push_str(&format!("; and {} more", problems.len() - LISTED_IN_MESSAGE));
    }
    let err = js_sys::Error::new(&message);
    let list = to_js(&problems);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("errors"), &list);
    err.into()
}

/// A JS `Error` for one problem whose message reads on its own (its path is not repeated in the text).
fn error_alone(problem: FieldError) -> JsValue {
    let err = js_sys::Error::new(&problem.message);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("errors"), &to_js(&[problem]));
    err.into()
}

/// The benchmark table to use: the built-in one, with the caller's rows laid over it if given.
fn table(benchmarks: Option<BenchmarkTableArg>) -> Result<BenchmarkTable, JsValue> {
    match benchmarks.map(JsValue::from) {
        None => Ok(BenchmarkTable::default()),
        Some(custom) => BenchmarkTable::with_overrides(&json_from(&custom, "benchmark table")?)
            .map_err(|problems| error("The benchmark table is invalid", &problems)),
    }
}

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
    with_table(&scenario, "scenario", benchmarks, crate::evaluate_json)
}

/// Judges measured results at a checkpoint: each metric green/amber/red, flags with diagnosis and
/// action (red first), department adoption and benchmarks, and the scorecard.
#[wasm_bindgen(unchecked_return_type = "Assessment")]
pub fn assess(
    #[wasm_bindgen(unchecked_param_type = "Measurements")] measurements: JsValue,
    benchmarks: Option<BenchmarkTableArg>,
) -> Result<JsValue, JsValue> {
    with_table(&measurements, "measurements document", benchmarks, crate::assess_json)
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
    let report = crate::evaluate(&scenario, &BenchmarkTable::default())
        .map_err(|problems| error(&invalid("scenario", &problems), &problems))?;
    let json = serde_json::to_string_pretty(&crate::export::download_json(&scenario, &report)).unwrap_or_default();
    Ok(texts([
        ("departmentsCsv", crate::export::departments_csv(&report)),
        ("monthlyCsv", crate::export::monthly_csv(&report)),
        ("json", json),
        ("embed", crate::export::embed_snippet(script_url, &scenario)),
    ]))
}

/// A plain object of named texts (built directly: no JSON round trip for what may be megabytes).
fn texts<const N: usize>(pairs: [(&str, String); N]) -> JsValue {
    let out = js_sys::Object::new();
    for (key, text) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&out, &JsValue::from_str(key), &JsValue::from_str(&text));
    }
    out.into()
}

/// "The scenario has 3 problems", for error messages.
fn invalid(what: &str, problems: &[FieldError]) -> String {
    match problems.len() {
        1 => format!("The {what} has a problem"),
        n => format!("The {what} has {n} problems"),
    }
}
