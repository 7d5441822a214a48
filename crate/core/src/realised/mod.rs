//! The realised return (docs/model.md, "Realised return"): what was measured at a checkpoint, valued
//! with the scenario's own cost model, beside what the scenario projects.
//!
//! Source 000's Day-90 deep assessment is "the full ROI calculation" from what was measured, and its
//! board report leads with the ROI delivered; so measurements flow back into the money. Each measured
//! department is matched to a scenario department for its hourly cost; a value that was not measured
//! keeps the scenario's, and every figure says which it is. [`apply`] turns the same figures into a
//! scenario, so that the next projection (and its share link) starts from what is true.

use serde::Serialize;
use serde_json::Value;

use crate::assessment::Measurements;
use crate::benchmarks::{BenchmarkTable, unknown_department_benchmarks};
use crate::fields::FieldError;
use crate::model::{Contribution, Model};
use crate::privacy::Hidden;
use crate::projection::Annual;
use crate::scenario::{CostItem, Scenario};

mod apply;
mod rows;

pub use apply::{apply, apply_json};
use rows::{Row, Rows, weighted_mean};

/// The first checkpoint whose figures are judged (docs/model.md: the Day-30 targets).
pub const FIRST_JUDGED_DAY: u32 = 30;
/// The checkpoint from which the figures are the Day-90 ROI of source 000's deep assessment.
pub const DAY_90: u32 = 90;

/// The realised return at one checkpoint, against the projection.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Realised {
    /// Document version, always 1.
    pub version: u32,
    /// The checkpoint measured, in days since training completed.
    pub checkpoint_day: u32,
    /// Too early to judge, measured, or the Day-90 ROI.
    pub status: RealisedStatus,
    /// True when at least one figure is measured rather than projected (the board report then leads with it).
    pub anything_measured: bool,
    /// The realised steady-state year: the measured cohort valued with the scenario's cost model.
    pub annual: Annual,
    /// The projection's year, for comparison.
    pub projected: Annual,
    /// Realised minus projected.
    pub gap: Gap,
    /// The people counted in all.
    pub people: Figure,
    /// The licensed seats the per-seat costs are paid for.
    pub seats: Figure,
    /// Each measured department (or the whole cohort), in the measurements' order.
    pub departments: Vec<RealisedDepartment>,
    /// Scenario departments no measured department matched; they are not in the realised figures.
    pub unmeasured_departments: Vec<String>,
    /// What was adjusted on the way, in words.
    pub notes: Vec<String>,
    /// The annual value of moving the light users to moderate use (docs/model.md#usage-intensity),
    /// when the measurements count the groups and their hours: at the departments' people-weighted
    /// hourly cost, the scenario's weeks and credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub light_to_moderate: Option<f64>,
}

/// How far the realised checkpoint is: before day 30 its figures are too early to judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum RealisedStatus {
    /// Before day 30: adoption is still forming, so the figures are not a return yet.
    TooEarly,
    /// Day 30 to 89: an early reading of the return.
    Measured,
    /// Day 90 or later: the Day-90 ROI.
    Day90,
}

impl RealisedStatus {
    /// The status of a checkpoint on `day`.
    pub fn of(day: u32) -> Self {
        match day {
            d if d < FIRST_JUDGED_DAY => Self::TooEarly,
            d if d < DAY_90 => Self::Measured,
            _ => Self::Day90,
        }
    }
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Basis {
    /// From the measurements (the department's, else the organisation's).
    Measured,
    /// The scenario's assumption, because it was not measured.
    Projected,
}

/// One value realised against projected, with the realised value's basis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Figure {
    /// The value used for the realised return.
    pub realised: f64,
    /// The scenario's value.
    pub projected: f64,
    /// Whether `realised` was measured or is the projection's.
    pub basis: Basis,
}

/// How a measured department found the scenario department whose hourly cost values it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum MatchedBy {
    /// Same name, whatever the case and surrounding spaces.
    Name,
    /// Same benchmark key.
    Benchmark,
    /// None found: the scenario's headcount-weighted averages.
    Fallback,
    /// The measurements name no department: the organisation's values over every scenario department.
    Cohort,
}

/// The scenario department a measured one was matched to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Matched {
    /// How it was found.
    pub by: MatchedBy,
    /// The scenario department's name; null for a fallback (and for a cohort of several departments).
    pub department: Option<String>,
    /// Why a fallback was needed and what it used; null otherwise.
    pub note: Option<String>,
}

/// One measured department realised against projected.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct RealisedDepartment {
    /// The measured department's name.
    pub name: String,
    /// The scenario department it was matched to.
    pub matched: Matched,
    /// The fully loaded hourly cost its hours are valued at (people-weighted over a cohort).
    pub hourly_cost: f64,
    /// People counted.
    pub people: Figure,
    /// Share actively using Claude (the measured `activeUsageRate`).
    pub active_rate: Figure,
    /// Hours saved per active user per week.
    pub hours_saved_per_week: Figure,
    /// Annual benefit of those hours.
    pub benefit: Figure,
    /// Realised minus projected benefit.
    pub benefit_gap: f64,
    /// Why its own figures are hidden, when they are (docs/model.md#small-groups): it is then counted at
    /// the organisation's rates, and never named as the case or the shortfall.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub hidden: Option<Hidden>,
}

/// The realised year minus the projected one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Gap {
    /// Benefit difference.
    pub benefit: f64,
    /// Cost difference.
    pub cost: f64,
    /// Net benefit difference.
    pub net_benefit: f64,
    /// ROI difference in percentage points; null when either ROI is.
    pub roi_points: Option<f64>,
    /// Benefit–cost ratio difference; null when either ratio is.
    pub benefit_cost_ratio: Option<f64>,
}

impl Gap {
    /// `realised` − `projected`.
    pub fn between(realised: &Annual, projected: &Annual) -> Self {
        let minus = |a: Option<f64>, b: Option<f64>| Some(a? - b?).filter(|x| x.is_finite());
        Self {
            benefit: realised.benefit - projected.benefit,
            cost: realised.cost - projected.cost,
            net_benefit: realised.net_benefit - projected.net_benefit,
            roi_points: minus(realised.roi_percent, projected.roi_percent),
            benefit_cost_ratio: minus(realised.benefit_cost_ratio, projected.benefit_cost_ratio),
        }
    }
}

/// Reads a scenario and a measurements document and realises them against `table`; fails with every
/// problem of both, each path led by `scenario` or `measurements`, unknown benchmark keys included.
pub fn realise_json(
    scenario: &Value,
    measurements: &Value,
    table: &BenchmarkTable,
) -> Result<Realised, Vec<FieldError>> {
    let (scenario, measurements) = read_both(scenario, measurements, table)?;
    realise(&scenario, &measurements, table)
}

/// The realised return of `measurements` against `scenario`: B = Σ N × a × h × W × attribution ×
/// confidence × H over the measured departments, plus the scenario's other benefits; the cost is the
/// scenario's, with the measured licensed seats and the training time of the measured people
/// (docs/model.md, "Realised return"). Fails when the scenario names an unknown benchmark.
pub fn realise(
    scenario: &Scenario,
    measurements: &Measurements,
    table: &BenchmarkTable,
) -> Result<Realised, Vec<FieldError>> {
    let model = Model::resolve(scenario, table)?;
    let projected = Annual::of(&model);
    let Rows { rows, notes, unmeasured } = rows::rows(scenario, &model, measurements, table);
    let (seats, people) = (seats(scenario, measurements, &rows), people(scenario, &rows));
    let realised_model = realised_model(&model, scenario, &rows, seats.realised);
    let annual = Annual::of(&realised_model);
    let departments: Vec<RealisedDepartment> = rows.iter().map(|row| department(&realised_model, row)).collect();
    let anything_measured = seats.basis == Basis::Measured
        || departments
            .iter()
            .any(|d| [d.people, d.active_rate, d.hours_saved_per_week].iter().any(|f| f.basis == Basis::Measured));
    let hourly = weighted_mean(&departments.iter().map(|d| (d.people.realised, d.hourly_cost)).collect::<Vec<_>>());
    let light_to_moderate =
        measurements.intensity.and_then(|i| i.light_to_moderate(realised_model.weeks, realised_model.credit, hourly));
    Ok(Realised {
        light_to_moderate,
        version: 1,
        checkpoint_day: measurements.checkpoint_day,
        status: RealisedStatus::of(measurements.checkpoint_day),
        anything_measured,
        gap: Gap::between(&annual, &projected),
        annual,
        projected,
        people,
        seats,
        departments,
        unmeasured_departments: unmeasured,
        notes,
    })
}

/// The scenario's model with the realised departments and seats in place of the projected ones.
fn realised_model(model: &Model, scenario: &Scenario, rows: &[Row], seats: f64) -> Model {
    let sum = |items: &[CostItem]| items.iter().map(|c| c.amount).sum::<f64>();
    let costs = &scenario.costs;
    Model {
        departments: rows.iter().flat_map(|r| r.parts.iter().map(|p| p.model.clone())).collect(),
        monthly_cost: sum(&costs.monthly) + seats * sum(&costs.per_seat_monthly),
        ..model.clone()
    }
}

/// Seats: the measured licensed seats, else the scenario's stated seats, else the people counted
/// (as the projection counts its headcount).
fn seats(scenario: &Scenario, measurements: &Measurements, rows: &[Row]) -> Figure {
    #[allow(clippy::cast_precision_loss)]
    let projected = scenario.seat_count() as f64;
    #[allow(clippy::cast_precision_loss)]
    match (measurements.licensed_seats, scenario.seats) {
        (Some(seats), _) => Figure { realised: seats as f64, projected, basis: Basis::Measured },
        (None, Some(_)) => Figure { realised: projected, projected, basis: Basis::Projected },
        (None, None) => {
            let people = rows.iter().flat_map(|r| &r.parts);
            let basis =
                if people.clone().any(|p| p.people == Basis::Measured) { Basis::Measured } else { Basis::Projected };
            Figure { realised: people.map(|p| p.model.headcount).sum(), projected, basis }
        }
    }
}

/// Everyone counted, against the scenario's headcount.
fn people(scenario: &Scenario, rows: &[Row]) -> Figure {
    let parts = || rows.iter().flat_map(|r| &r.parts);
    #[allow(clippy::cast_precision_loss)]
    let projected = scenario.departments.iter().map(|d| d.headcount as f64).sum();
    Figure { realised: parts().map(|p| p.model.headcount).sum(), projected, basis: basis_of(parts().map(|p| p.people)) }
}

/// Measured when any of `bases` is.
fn basis_of(mut bases: impl Iterator<Item = Basis>) -> Basis {
    if bases.any(|b| b == Basis::Measured) { Basis::Measured } else { Basis::Projected }
}

/// A row written out: its figures summed (people, benefit) or weighted (rate by people, hours by
/// active people, hourly cost by people) over its parts.
fn department(model: &Model, row: &Row) -> RealisedDepartment {
    let parts = &row.parts;
    let total = parts.iter().map(|p| model.contribution(&p.model)).fold(Contribution::default(), |a, b| a + b);
    let mean = |weight: fn(&rows::Part) -> f64, value: &dyn Fn(&rows::Part) -> f64| {
        weighted_mean(&parts.iter().map(|p| (weight(p), value(p))).collect::<Vec<_>>())
    };
    let figure = |realised, projected, bases: &mut dyn Iterator<Item = Basis>| Figure {
        realised,
        projected,
        basis: basis_of(bases),
    };
    let people = figure(
        parts.iter().map(|p| p.model.headcount).sum(),
        row.projected.people,
        &mut parts.iter().map(|p| p.people),
    );
    let active_rate = figure(
        mean(|p| p.model.headcount, &|p| p.model.active_rate),
        row.projected.active_rate,
        &mut parts.iter().map(|p| p.rate),
    );
    let hours = figure(
        mean(|p| p.model.headcount * p.model.active_rate, &|p| p.model.hours),
        row.projected.hours,
        &mut parts.iter().map(|p| p.hours),
    );
    let any = basis_of([people.basis, active_rate.basis, hours.basis].into_iter());
    RealisedDepartment {
        name: row.name.clone(),
        matched: Matched { by: row.by, department: row.department.clone(), note: row.note.clone() },
        hourly_cost: mean(|p| p.model.headcount, &|p| model.hourly_cost(&p.model)),
        people,
        active_rate,
        hours_saved_per_week: hours,
        benefit: Figure { realised: total.benefit, projected: row.projected.benefit, basis: any },
        benefit_gap: total.benefit - row.projected.benefit,
        hidden: row.hidden,
    }
}

/// Both documents read, with every problem of either, paths led by the document they are in.
fn read_both(
    scenario: &Value,
    measurements: &Value,
    table: &BenchmarkTable,
) -> Result<(Scenario, Measurements), Vec<FieldError>> {
    let mut problems = Vec::new();
    let scenario = read(scenario, "scenario", Scenario::from_json, table, &mut problems);
    let measurements = read(measurements, "measurements", Measurements::from_json, table, &mut problems);
    match (scenario, measurements) {
        (Some(s), Some(m)) if problems.is_empty() => Ok((s, m)),
        _ => Err(problems),
    }
}

/// One document read with `from_json`, its problems (and unknown benchmark keys) added under `prefix`.
fn read<T>(
    document: &Value,
    prefix: &str,
    from_json: fn(&Value) -> Result<T, Vec<FieldError>>,
    table: &BenchmarkTable,
    problems: &mut Vec<FieldError>,
) -> Option<T> {
    let (value, mut found) = match from_json(document) {
        Ok(value) => (Some(value), Vec::new()),
        Err(found) => (None, found),
    };
    found.extend(unknown_department_benchmarks(document, table));
    problems.extend(found.into_iter().map(|e| FieldError {
        path: if e.path.is_empty() { prefix.to_owned() } else { format!("{prefix}.{}", e.path) },
        message: e.message,
    }));
    value
}
