//! What was measured, applied to the projection (docs/model.md, "Realised return"): the scenario's
//! departments, people, active rates and hours become the measured ones; costs and settings stay, so
//! the next projection — and its share link — starts from what is true.

use serde_json::Value;

use super::rows::{self, Part, Row, Rows};
use super::{Basis, MatchedBy, read_both};
use crate::assessment::Measurements;
use crate::benchmarks::BenchmarkTable;
use crate::fields::FieldError;
use crate::model::{LabourCost, Model};
use crate::scenario::{Department, MAX_DEPARTMENT_DRAWS, MAX_HEADCOUNT, Scenario};

/// Highest hourly cost a scenario accepts; a higher mean is stated as an annual cost instead.
const MAX_HOURLY: f64 = 1e6;
/// Highest annual cost a scenario accepts.
const MAX_ANNUAL: f64 = 1e9;

/// Reads both documents and applies the measurements to the scenario; fails with every problem of
/// both, paths led by `scenario` or `measurements`.
pub fn apply_json(scenario: &Value, measurements: &Value, table: &BenchmarkTable) -> Result<Scenario, Vec<FieldError>> {
    let (scenario, measurements) = read_both(scenario, measurements, table)?;
    apply(&scenario, &measurements, table)
}

/// The scenario with the realised departments in place of its own: each measured department (or the
/// cohort's departments) with its people, and the measured active rate and hours where measured (the
/// scenario's otherwise); the measured licensed seats when known. A fallback department is priced at
/// the scenario's mean hourly cost. People are rounded to whole people keeping their total, and the
/// Monte Carlo draws lowered if the departments now exceed the scenario's draw limit, so the result is
/// always a valid scenario. Fails when the scenario names an unknown benchmark.
pub fn apply(
    scenario: &Scenario,
    measurements: &Measurements,
    table: &BenchmarkTable,
) -> Result<Scenario, Vec<FieldError>> {
    let model = Model::resolve(scenario, table)?;
    let Rows { rows, .. } = rows::rows(scenario, &model, measurements, table);
    let parts: Vec<(&Row, &Part)> = rows.iter().flat_map(|r| r.parts.iter().map(move |p| (r, p))).collect();
    let headcounts = whole_people(&parts.iter().map(|(_, p)| p.model.headcount).collect::<Vec<_>>());
    let departments: Vec<Department> =
        parts.iter().zip(headcounts).map(|((row, part), n)| department(scenario, &model, row, part, n)).collect();
    let mut applied = Scenario { departments, ..scenario.clone() };
    if let Some(seats) = measurements.licensed_seats {
        applied.seats = Some(seats);
    }
    let count = applied.departments.len().max(1) as u64;
    applied.uncertainty.draws = applied.uncertainty.draws.min(MAX_DEPARTMENT_DRAWS / count);
    Ok(applied)
}

/// One scenario department from a realised part.
fn department(scenario: &Scenario, model: &Model, row: &Row, part: &Part, headcount: u64) -> Department {
    let mut dept = match part.template {
        Some(s) => scenario.departments[s].clone(),
        None => fallback(model, row, part),
    };
    // Matched by name (or the cohort): the scenario's own spelling; otherwise the measured name.
    if !matches!(row.by, MatchedBy::Name | MatchedBy::Cohort) {
        dept.name = trimmed(&row.name);
    }
    dept.headcount = headcount;
    if part.rate == Basis::Measured {
        dept.active_rate = Some(part.model.active_rate);
    }
    if part.hours == Basis::Measured {
        dept.hours_saved_per_week = Some(part.model.hours);
        dept.use_cases = None;
    }
    dept
}

/// A department the scenario does not have: its measured benchmark (when the table knows it), the
/// scenario's mean hourly cost, and its rate and hours stated (its benchmark's midpoints would differ).
fn fallback(model: &Model, row: &Row, part: &Part) -> Department {
    let hourly = part.model.labour.per_hour(model.weeks, model.hours_per_week);
    let (hourly_cost, annual_cost) = match part.model.labour {
        LabourCost::Hourly(h) if h <= MAX_HOURLY => (Some(h), None),
        _ => (None, Some((hourly * model.weeks * model.hours_per_week).min(MAX_ANNUAL))),
    };
    Department {
        name: trimmed(&row.name),
        benchmark: row.benchmark.clone(),
        headcount: 0,
        hourly_cost,
        annual_cost,
        active_rate: Some(part.model.active_rate),
        hours_saved_per_week: Some(part.model.hours),
        use_cases: None,
    }
}

/// `name` without surrounding spaces, unless that leaves nothing (a scenario name needs a character).
fn trimmed(name: &str) -> String {
    let trimmed = name.trim();
    if trimmed.is_empty() { name } else { trimmed }.to_owned()
}

/// `people` rounded to whole people whose sum is the rounded total (largest remainders first), each
/// at most a department's largest headcount.
fn whole_people(people: &[f64]) -> Vec<u64> {
    #[allow(clippy::cast_precision_loss)]
    let cap = MAX_HEADCOUNT as f64;
    // Not `f64::clamp`: its panic message would bring the float formatter into the WebAssembly build
    // (docs/decisions.md, "Size").
    #[allow(clippy::manual_clamp)]
    let people: Vec<f64> = people.iter().map(|p| p.max(0.0).min(cap)).collect();
    let mut whole: Vec<f64> = people.iter().map(|p| p.floor()).collect();
    let short = (people.iter().sum::<f64>().round() - whole.iter().sum::<f64>()).max(0.0);
    let order = crate::order::largest_first(&people.iter().zip(&whole).map(|(p, w)| p - w).collect::<Vec<_>>());
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    for &i in order.iter().take(short as usize) {
        if whole[i] < cap {
            whole[i] += 1.0;
        }
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    whole.into_iter().map(|w| w as u64).collect()
}
