//! Fuzz target: the input read as a activity file beside the fixture files of the other two kinds, then
//! measured at every checkpoint (see `roi_calculator_fuzz::import`).
#![no_main]

use roi_core::import::FileKind;

libfuzzer_sys::fuzz_target!(|data: &[u8]| roi_calculator_fuzz::import(Some(FileKind::Activity), data));
