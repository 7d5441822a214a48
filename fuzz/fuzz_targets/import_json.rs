//! Fuzz target: the input read as a usage export — JSON pages or NDJSON of Claude Code analytics,
//! or any other bytes — beside the fixture roster and survey, then measured at every checkpoint
//! (see `roi_calculator_fuzz::import_json`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| roi_calculator_fuzz::import_json(data));
