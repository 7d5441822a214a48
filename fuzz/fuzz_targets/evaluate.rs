//! Fuzz target: any bytes as a scenario document for `evaluate` (see `roi_calculator_fuzz::evaluate`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| roi_calculator_fuzz::evaluate(data));
