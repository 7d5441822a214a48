//! The import worker's WebAssembly module (`pkg/roi_import.js`): reading the files people export
//! into measurements, off the page's main thread.
//!
//! A module list, kept as simple as possible: the readers and the metrics live in the pure `roi_core`
//! crate (`roi_core::import`), tested natively; this crate streams a file's bytes in from JavaScript
//! and converts at the boundary (`roi_boundary`).

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod import;
