//! The AI Training ROI Calculator engine.
//!
//! A pure core — no browser, no I/O — that turns a [`Scenario`] into a [`Report`] (projection,
//! benchmark comparison, low/expected/high scenarios, Monte Carlo risk, sensitivity) and measured
//! results into an [`Assessment`] and, with the scenario, into the [`Realised`] return. The only
//! WebAssembly-specific code is the `wasm` boundary module, compiled for `wasm32` alone, so everything
//! else is tested natively.
//!
//! Input documents arrive as JSON values and are read field by field, so that a caller gets every
//! problem at once, each with its path (see [`fields`]).

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod assessment;
pub mod assumptions;
mod base64url;
pub mod benchmarks;
pub mod board;
pub mod charts;
pub mod editor;
pub mod export;
pub mod fields;
pub mod first;
pub mod import;
pub mod intensity;
pub mod link;
pub mod model;
pub mod numbers;
pub mod order;
pub mod privacy;
pub mod projection;
pub mod realised;
pub mod report;
pub mod risk;
pub mod sample;
pub mod scenario;
pub mod sensitivity;
pub mod uncertainty;
pub mod view;
pub mod warnings;

pub use assessment::{Assessment, Measurements, assess, assess_json};
pub use benchmarks::{Band, BandStatus, Benchmark, BenchmarkTable};
pub use fields::FieldError;
pub use realised::{Realised, realise, realise_json};
pub use report::{Report, evaluate, evaluate_json};
pub use scenario::Scenario;
