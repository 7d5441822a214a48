//! Fuzz target: the input read as whatever kind its header shows, beside the three fixture files,
//! then measured at every checkpoint (see `roi_calculator_fuzz::import`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| roi_calculator_fuzz::import(None, data));
