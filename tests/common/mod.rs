//! What the hand-computed tests share: numbers compared as the project compares them, to a relative
//! 1e-9 (docs/model.md, "Units and conventions").

#![allow(dead_code, unused_macros)]

#[cfg(not(target_arch = "wasm32"))]
pub mod generated;

/// Whether `actual` is `expected` to a relative 1e-9 (absolute below 1).
pub fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

/// Asserts [`close`], naming the expression that was not.
macro_rules! assert_close {
    ($actual:expr, $expected:expr) => {{
        let (a, e): (f64, f64) = ($actual, $expected);
        assert!(common::close(a, e), "{} = {a}, expected {e}", stringify!($actual));
    }};
}

/// Every float anywhere in the value tree is finite (a report or assessment walked with its floats kept:
/// serde_json would write NaN as null).
pub fn all_finite(value: &serde_value::Value) -> bool {
    use serde_value::Value as V;
    match value {
        V::F64(x) => x.is_finite(),
        V::F32(x) => x.is_finite(),
        V::Option(Some(inner)) | V::Newtype(inner) => all_finite(inner),
        V::Seq(items) => items.iter().all(all_finite),
        V::Map(map) => map.values().all(all_finite),
        _ => true,
    }
}
