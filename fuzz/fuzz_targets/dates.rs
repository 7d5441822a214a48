//! Fuzz target: each line of the input read as a date field of one file, its order inferred
//! (see `roi_calculator_fuzz::dates`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| roi_calculator_fuzz::dates(data));
