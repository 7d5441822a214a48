//! What the page's and the import worker's WebAssembly crates share at the JS boundary.
//!
//! Data crosses as JSON text through the browser's own `JSON.stringify` / `JSON.parse`: the engine
//! needs serde_json for share links anyway, and a second serde backend (serde-wasm-bindgen) measured
//! at about 40% of the module's size for no gain (docs/decisions.md, "Size"). Every failure is thrown
//! as a JS `Error` whose `message` reads well on its own and whose `errors` property holds the full
//! `[{ path, message }]` list. Nothing here is exported to JavaScript: each crate that links it
//! exports only its own functions, so a module carries only what its user needs.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use roi_core::BenchmarkTable;
use roi_core::fields::FieldError;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Talc instead of the default dlmalloc: smaller and faster in WebAssembly (docs/decisions.md, "Size").
#[cfg(target_arch = "wasm32")]
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
pub fn json_from(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    let unreadable = |message: String| {
        error(&format!("The {what} is not plain JSON data"), &[FieldError { path: String::new(), message }])
    };
    let text = js_sys::JSON::stringify(value).map_err(|e| unreadable(js_sys::Error::from(e).message().into()))?;
    let text = text.as_string().unwrap_or_default();
    serde_json::from_str(&text).map_err(|_| unreadable("it is undefined or not an object".into()))
}

/// Converts Rust data to a plain JS value.
pub fn to_js(value: &impl Serialize) -> JsValue {
    // Serializing plain data structures to a string cannot fail, and JSON.parse accepts what serde_json writes.
    let text = serde_json::to_string(value).unwrap_or_default();
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// A JS `Error` with a readable message and the full list of problems as its `errors` property.
pub fn error(summary: &str, problems: &[FieldError]) -> JsValue {
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
pub fn error_alone(problem: FieldError) -> JsValue {
    let err = js_sys::Error::new(&problem.message);
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("errors"), &to_js(&[problem]));
    err.into()
}

/// The benchmark table to use: the built-in one, with the caller's rows laid over it if given.
pub fn table(benchmarks: Option<BenchmarkTableArg>) -> Result<BenchmarkTable, JsValue> {
    match benchmarks.map(JsValue::from) {
        None => Ok(BenchmarkTable::default()),
        Some(custom) => BenchmarkTable::with_overrides(&json_from(&custom, "benchmark table")?)
            .map_err(|problems| error("The benchmark table is invalid", &problems)),
    }
}

/// A plain object of named texts (built directly: no JSON round trip for what may be megabytes).
pub fn texts<const N: usize>(pairs: [(&str, String); N]) -> JsValue {
    let out = js_sys::Object::new();
    for (key, text) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&out, &JsValue::from_str(key), &JsValue::from_str(&text));
    }
    out.into()
}

/// "The scenario has 3 problems", for error messages.
pub fn invalid(what: &str, problems: &[FieldError]) -> String {
    match problems.len() {
        1 => format!("The {what} has a problem"),
        n => format!("The {what} has {n} problems"),
    }
}
