//! What the hand-computed tests share: numbers compared as the project compares them, to a relative
//! 1e-9 (docs/model.md, "Units and conventions").

#![allow(dead_code, unused_macros)]

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
