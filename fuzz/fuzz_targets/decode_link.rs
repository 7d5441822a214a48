//! Fuzz target: any bytes as link text for `decodeScenario` (see `roi_calculator_fuzz::decode_link`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| roi_calculator_fuzz::decode_link(data));
