//! Fuzz target: any bytes as a measurements document for `assess` (see `roi_calculator_fuzz::assess`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| roi_calculator_fuzz::assess(data));
