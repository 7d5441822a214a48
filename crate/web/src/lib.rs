//! The page's WebAssembly module (`pkg/roi_calculator.js`): what the first figures and editing need.
//!
//! A module list, kept as simple as possible: the logic lives in the pure `roi_core` crate, which is
//! tested natively; this crate converts at the boundary (`roi_boundary`) and draws the widget. The CSV
//! import is not here: only the import worker runs it, from its own module (`crate/import-web`).

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod api;
pub mod widget;
