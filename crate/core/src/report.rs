//! The report: everything the calculator shows for a scenario (docs/model.md#report), and [`evaluate`], which makes it.

use serde::Serialize;
use serde_json::Value;

use crate::benchmarks::{BenchmarkTable, Compared, unknown_department_benchmarks};
use crate::fields::FieldError;
use crate::model::Model;
use crate::projection::{Annual, Horizon, Month, Returns, first_year, horizon, payback_months, project, ratio};
use crate::risk::{Risk, simulate};
use crate::scenario::Scenario;
use crate::sensitivity::{Sensitivity, rank};
use crate::uncertainty::{Outcome, Ranges, Scenarios, scenarios};
use crate::warnings::{Warning, warnings};

/// Everything the calculator shows for one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Report {
    /// Document version, always 1: every document carries it, so an exported report can be read later.
    pub version: u32,
    /// A steady-state year with all one-time costs in it.
    pub annual: Annual,
    /// Months 0–12 of the projection, ramp included.
    pub first_year: Returns,
    /// The whole projection, with NPV.
    pub horizon: Horizon,
    /// Month by month, 0 to the horizon.
    pub monthly: Vec<Month>,
    /// Months until cumulative net benefit stays ≥ 0; null when not within the horizon.
    pub payback_months: Option<f64>,
    /// Low / expected / high.
    pub scenarios: Scenarios,
    /// Per department, in scenario order.
    pub departments: Vec<DepartmentResult>,
    /// Monte Carlo distribution of ROI; null when skipped or without cost.
    pub risk: Option<Risk>,
    /// Inputs ranked by their effect on ROI.
    pub sensitivity: Vec<Sensitivity>,
    /// Suspicious but valid input.
    pub warnings: Vec<Warning>,
}

/// One department's figures and its benchmark comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct DepartmentResult {
    /// The department's name.
    pub name: String,
    /// Trained employees.
    pub headcount: f64,
    /// Fully loaded hourly cost used (derived from the annual cost when that was given).
    pub hourly_cost: f64,
    /// Active rate used.
    pub active_rate: f64,
    /// Hours saved per active user per week used.
    pub hours_saved_per_week: f64,
    /// Adjusted annual hours saved.
    pub annual_hours_saved: f64,
    /// Annual benefit of those hours.
    pub annual_benefit: f64,
    /// Share of the total annual benefit.
    pub share_of_benefit: f64,
    /// Comparison with the department's benchmark; null when it has none.
    pub benchmark: Option<Comparison>,
}

/// A department's values against its benchmark bands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Comparison {
    /// The benchmark row's key.
    pub key: String,
    /// Active rate against its band.
    pub active_rate: Compared,
    /// Hours saved against its band.
    pub hours_saved_per_week: Compared,
}

/// Reads, validates and evaluates a scenario document against `table`; fails with every problem found,
/// unknown benchmark keys included.
pub fn evaluate_json(document: &Value, table: &BenchmarkTable) -> Result<Report, Vec<FieldError>> {
    let unknown = unknown_department_benchmarks(document, table);
    match Scenario::from_json(document) {
        Ok(scenario) if unknown.is_empty() => evaluate(&scenario, table),
        Ok(_) => Err(unknown),
        Err(mut problems) => {
            problems.extend(unknown);
            Err(problems)
        }
    }
}

/// Evaluates a scenario against `table`; fails when a department names an unknown benchmark.
pub fn evaluate(scenario: &Scenario, table: &BenchmarkTable) -> Result<Report, Vec<FieldError>> {
    evaluate_with(scenario, table, true)
}

/// Like [`evaluate`] but without the Monte Carlo (`risk` is `null`): everything else in a fraction of
/// the time, for updating figures on every keystroke and completing the risk when typing pauses.
pub fn evaluate_without_risk(scenario: &Scenario, table: &BenchmarkTable) -> Result<Report, Vec<FieldError>> {
    evaluate_with(scenario, table, false)
}

fn evaluate_with(scenario: &Scenario, table: &BenchmarkTable, with_risk: bool) -> Result<Report, Vec<FieldError>> {
    let model = Model::resolve(scenario, table)?;
    let annual = Annual::of(&model);
    let monthly = project(&annual, model.ramp, model.horizon_months);
    let payback = payback_months(&monthly);
    let ranges = Ranges::of(&model, &annual, scenario.uncertainty.spread);
    let (sensitivity, low_is_worse) = rank(&model, &ranges);
    let departments = department_results(scenario, &model, annual.benefit);
    Ok(Report {
        version: 1,
        first_year: first_year(&monthly),
        horizon: horizon(&monthly, model.discount_rate),
        payback_months: payback,
        scenarios: scenarios(&model, &ranges, &low_is_worse, Outcome::new(&annual, payback)),
        risk: if with_risk {
            simulate(&model, &ranges, scenario.uncertainty.draws, scenario.uncertainty.seed)
        } else {
            None
        },
        warnings: warnings(scenario, &model, &annual),
        annual,
        monthly,
        departments,
        sensitivity,
    })
}

fn department_results(scenario: &Scenario, model: &Model, total_benefit: f64) -> Vec<DepartmentResult> {
    scenario
        .departments
        .iter()
        .zip(&model.departments)
        .map(|(dept, m)| {
            let contribution = model.contribution(m);
            let benchmark = match (&dept.benchmark, m.rate_band, m.hours_band) {
                (Some(key), Some(rate), Some(hours)) => Some(Comparison {
                    key: key.clone(),
                    active_rate: Compared::new(m.active_rate, rate),
                    hours_saved_per_week: Compared::new(m.hours, hours),
                }),
                _ => None,
            };
            DepartmentResult {
                name: dept.name.clone(),
                headcount: m.headcount,
                hourly_cost: model.hourly_cost(m),
                active_rate: m.active_rate,
                hours_saved_per_week: m.hours,
                annual_hours_saved: contribution.hours_saved,
                annual_benefit: contribution.benefit,
                share_of_benefit: ratio(contribution.benefit, total_benefit).unwrap_or(0.0),
                benchmark,
            }
        })
        .collect()
}
