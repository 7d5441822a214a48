//! Which scenario department each measured department is, how many people it counts, and its
//! realised and projected numbers (docs/model.md, "Realised return").
//!
//! The measured departments become [`Row`]s, each made of model departments ([`Part`]s) that the
//! projection's own cost model then values: one part for a measured department, one per scenario
//! department for the whole cohort (when the measurements name no department).

use super::{Basis, MatchedBy};
use crate::assessment::{DepartmentMeasurements, Measurements, Metrics};
use crate::benchmarks::BenchmarkTable;
use crate::model::{DepartmentModel, LabourCost, Model};
use crate::privacy::Hidden;
use crate::scenario::Scenario;

/// One model department of a row, with where its values came from.
#[derive(Debug, Clone)]
pub(super) struct Part {
    /// The realised numbers, valued like any projected department.
    pub model: DepartmentModel,
    /// The scenario department it stands for; none for a fallback.
    pub template: Option<usize>,
    /// Where its people, active rate and hours came from.
    pub people: Basis,
    /// Likewise for the active rate.
    pub rate: Basis,
    /// Likewise for the hours saved.
    pub hours: Basis,
}

/// What the projection assumes for a row.
#[derive(Debug, Clone, Copy)]
pub(super) struct Projected {
    /// People.
    pub people: f64,
    /// Active rate.
    pub active_rate: f64,
    /// Hours saved per active user per week.
    pub hours: f64,
    /// Annual benefit.
    pub benefit: f64,
}

/// One department of the realised report, before it is written out.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// The measured department's name (or the cohort's).
    pub name: String,
    /// How the scenario department was found.
    pub by: MatchedBy,
    /// The scenario department's name, when one was found.
    pub department: Option<String>,
    /// A measured benchmark key the table knows (what a fallback department keeps when applied).
    pub benchmark: Option<String>,
    /// Why a fallback was needed.
    pub note: Option<String>,
    /// Its model departments.
    pub parts: Vec<Part>,
    /// The projection's figures for it.
    pub projected: Projected,
    /// Why the measured department's figures are hidden, when they are.
    pub hidden: Option<Hidden>,
}

/// Every row, and what the report says beside them.
#[derive(Debug, Clone, Default)]
pub(super) struct Rows {
    /// The rows, in the measurements' order.
    pub rows: Vec<Row>,
    /// Values adjusted on the way (hours capped at the working week).
    pub notes: Vec<String>,
    /// Scenario departments no measured department matched.
    pub unmeasured: Vec<String>,
}

/// The rows of `measurements` against `scenario`, whose resolved model is `model`.
pub(super) fn rows(scenario: &Scenario, model: &Model, measurements: &Measurements, table: &BenchmarkTable) -> Rows {
    let context =
        Context { model, org: &measurements.metrics, people: people_measured(measurements), notes: Vec::new() };
    if measurements.departments.is_empty() {
        cohort(scenario, context)
    } else {
        departments(scenario, context, &measurements.departments, table)
    }
}

/// The organisation's measured people, the count every department's people are shared out from.
fn people_measured(measurements: &Measurements) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    measurements.people.map(|p| p as f64)
}

/// What every row is computed against.
struct Context<'a> {
    model: &'a Model,
    org: &'a Metrics,
    people: Option<f64>,
    notes: Vec<String>,
}

impl Context<'_> {
    /// The measured active rate (the department's, else the organisation's), else `projected`.
    fn rate(&self, own: &Metrics, projected: f64) -> (f64, Basis) {
        pick(own.active_usage_rate.or(self.org.active_usage_rate), projected)
    }

    /// The measured hours (likewise), at most the working week as the model requires, else `projected`.
    fn hours(&mut self, own: &Metrics, projected: f64, name: &str) -> (f64, Basis) {
        let (hours, basis) = pick(own.hours_saved_per_week.or(self.org.hours_saved_per_week), projected);
        if hours > self.model.hours_per_week {
            self.notes.push(format!(
                "{name}: the hours saved measured are more than the scenario's working week, so the whole week is counted."
            ));
            return (self.model.hours_per_week, basis);
        }
        (hours, basis)
    }

    /// `weights` turned into people: shares of the measured people when known, else the weights themselves.
    fn share_out(&self, weights: &[f64]) -> (Vec<f64>, Basis) {
        let Some(people) = self.people else {
            return (weights.to_vec(), Basis::Projected);
        };
        let total: f64 = weights.iter().sum();
        #[allow(clippy::cast_precision_loss)]
        let count = weights.len().max(1) as f64;
        let shares = weights.iter().map(|w| if total > 0.0 { people * w / total } else { people / count }).collect();
        (shares, Basis::Measured)
    }
}

/// A measured value, or the projected one when it was not measured.
fn pick(measured: Option<f64>, projected: f64) -> (f64, Basis) {
    measured.map_or((projected, Basis::Projected), |x| (x, Basis::Measured))
}

/// Σ wᵢxᵢ ÷ Σ wᵢ; the plain mean when every weight is 0; 0 for no values.
pub(super) fn weighted_mean(pairs: &[(f64, f64)]) -> f64 {
    let weight: f64 = pairs.iter().map(|(w, _)| w).sum();
    if weight > 0.0 {
        pairs.iter().map(|(w, x)| w * x).sum::<f64>() / weight
    } else if pairs.is_empty() {
        0.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let n = pairs.len() as f64;
        pairs.iter().map(|(_, x)| x).sum::<f64>() / n
    }
}

/// The department a fallback is valued as: the scenario's headcount-weighted mean hourly cost and
/// active rate, and its hours per active user (docs/model.md, "Realised return").
fn average(model: &Model) -> DepartmentModel {
    let depts = &model.departments;
    let of = |weight: fn(&DepartmentModel) -> f64, value: &dyn Fn(&DepartmentModel) -> f64| {
        weighted_mean(&depts.iter().map(|d| (weight(d), value(d))).collect::<Vec<_>>())
    };
    DepartmentModel {
        headcount: 0.0,
        labour: LabourCost::Hourly(of(|d| d.headcount, &|d| model.hourly_cost(d))),
        active_rate: of(|d| d.headcount, &|d| d.active_rate),
        hours: of(|d| d.headcount * d.active_rate, &|d| d.hours),
        rate_band: None,
        hours_band: None,
        rate_typed: true,
        hours_typed: true,
    }
}

/// The name a measured department is matched by: trimmed, ASCII letters in lower case — as people are
/// matched in an import ("Finance" = "finance "; docs/decisions.md). Full Unicode case folding would bring
/// its tables into the page's module for names that are, in practice, typed the same way twice.
fn name_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// The scenario department of each measured one: by name, else by benchmark key (preferring one no
/// other measured department has by name), else none.
fn matches(scenario: &Scenario, measured: &[DepartmentMeasurements]) -> Vec<Option<(usize, MatchedBy)>> {
    let keys: Vec<String> = scenario.departments.iter().map(|d| name_key(&d.name)).collect();
    let by_name: Vec<Option<usize>> =
        measured.iter().map(|m| keys.iter().position(|k| *k == name_key(&m.name))).collect();
    let named: Vec<usize> = by_name.iter().flatten().copied().collect();
    measured
        .iter()
        .zip(&by_name)
        .map(|(m, name)| match name {
            Some(i) => Some((*i, MatchedBy::Name)),
            None => {
                let key = m.benchmark.as_deref()?;
                let with_key =
                    || scenario.departments.iter().enumerate().filter(|(_, d)| d.benchmark.as_deref() == Some(key));
                let free = with_key().find(|(i, _)| !named.contains(i));
                free.or_else(|| with_key().next()).map(|(i, _)| (i, MatchedBy::Benchmark))
            }
        })
        .collect()
}

/// How much of the measured people each measured department gets: a matched department its scenario
/// department's headcount (split between the measured departments sharing it), fallbacks an equal share
/// of the headcount no matched department covers.
fn weights(model: &Model, found: &[Option<(usize, MatchedBy)>]) -> Vec<f64> {
    let sharing = |s: usize| found.iter().flatten().filter(|(i, _)| *i == s).count().max(1);
    let covered = |s: usize| found.iter().flatten().any(|(i, _)| *i == s);
    let total: f64 = model.departments.iter().map(|d| d.headcount).sum();
    let matched: f64 =
        model.departments.iter().enumerate().filter(|(s, _)| covered(*s)).map(|(_, d)| d.headcount).sum();
    #[allow(clippy::cast_precision_loss)]
    let fallbacks = found.iter().filter(|f| f.is_none()).count().max(1) as f64;
    #[allow(clippy::cast_precision_loss)]
    found
        .iter()
        .map(|f| match f {
            Some((s, _)) => model.departments[*s].headcount / sharing(*s) as f64,
            None => (total - matched).max(0.0) / fallbacks,
        })
        .collect()
}

/// One row per measured department.
fn departments(
    scenario: &Scenario,
    mut context: Context<'_>,
    measured: &[DepartmentMeasurements],
    table: &BenchmarkTable,
) -> Rows {
    let model = context.model;
    let found = matches(scenario, measured);
    // Each department's own count when every one has it (an import's); else the organisation's people
    // shared out by the scenario's headcounts.
    #[allow(clippy::cast_precision_loss)]
    // A department hidden for privacy (docs/model.md#small-groups) has no count: the hidden departments
    // share the organisation's people less those shown, by the same weights.
    let (people, people_basis) =
        match measured.iter().map(|m| m.people.or(m.hidden.map(|_| 0))).collect::<Option<Vec<u64>>>() {
            Some(counts) => {
                let mut people: Vec<f64> = counts.into_iter().map(|p| p as f64).collect();
                hidden_share(&mut people, measured, &weights(model, &found), context.people);
                (people, Basis::Measured)
            }
            None => context.share_out(&weights(model, &found)),
        };
    let average = average(model);
    let mut rows = Vec::with_capacity(measured.len());
    for ((m, found), people) in measured.iter().zip(&found).zip(people) {
        let (base, template) = match found {
            Some((s, _)) => (&model.departments[*s], Some(*s)),
            None => (&average, None),
        };
        let (active_rate, rate) = context.rate(&m.metrics, base.active_rate);
        let (hours, hours_basis) = context.hours(&m.metrics, base.hours, &m.name);
        let planned = DepartmentModel { headcount: people, ..base.clone() };
        let part = Part {
            model: DepartmentModel { active_rate, hours, ..planned.clone() },
            template,
            people: people_basis,
            rate,
            hours: hours_basis,
        };
        let projected = Projected {
            people,
            active_rate: base.active_rate,
            hours: base.hours,
            benefit: model.contribution(&planned).benefit,
        };
        rows.push(Row {
            name: m.name.clone(),
            by: found.map_or(MatchedBy::Fallback, |(_, by)| by),
            department: template.map(|s| scenario.departments[s].name.clone()),
            benchmark: m.benchmark.clone().filter(|key| table.get(key).is_some()),
            note: match (m.hidden, found) {
                (Some(_), _) => Some(format!(
                    "{}'s figures are hidden (too few people measured): it is counted at the organisation's measured \
                     rates, with the people of the hidden departments shared out by the scenario's headcounts.",
                    m.name.trim()
                )),
                (None, None) => Some(fallback_note(m, people_basis)),
                (None, Some(_)) => None,
            },
            parts: vec![part],
            projected,
            hidden: m.hidden,
        });
    }
    let unmeasured = (0..scenario.departments.len())
        .filter(|s| !found.iter().flatten().any(|(i, _)| i == s))
        .map(|s| scenario.departments[s].name.clone())
        .collect();
    Rows { rows, notes: context.notes, unmeasured }
}

/// Gives the hidden departments of `measured` the people of `total` no shown department counts,
/// shared by `weights`.
fn hidden_share(people: &mut [f64], measured: &[DepartmentMeasurements], weights: &[f64], total: Option<f64>) {
    let hidden: Vec<usize> = (0..measured.len()).filter(|&i| measured[i].hidden.is_some()).collect();
    let Some(total) = total.filter(|_| !hidden.is_empty()) else { return };
    let shown: f64 = people.iter().sum();
    let left = (total - shown).max(0.0);
    let weight: f64 = hidden.iter().map(|&i| weights[i]).sum();
    #[allow(clippy::cast_precision_loss)]
    for &i in &hidden {
        people[i] = if weight > 0.0 { left * weights[i] / weight } else { left / hidden.len() as f64 };
    }
}

/// Why a department's hourly cost and people are the scenario's averages.
fn fallback_note(m: &DepartmentMeasurements, people: Basis) -> String {
    let benchmark = m.benchmark.as_deref().map(|key| format!(" or has its benchmark “{key}”")).unwrap_or_default();
    let whose = match people {
        Basis::Measured => "the people measured",
        Basis::Projected => "the scenario's headcount",
    };
    format!(
        "No department of the scenario is named “{}”{benchmark}: its hourly cost is the scenario's headcount-weighted \
         mean, its active rate and hours saved (where not measured) the scenario's averages, and its people an equal \
         share of {whose} not in a matched department.",
        m.name.trim()
    )
}

/// The whole cohort as one row, when the measurements name no department: the organisation's values
/// applied to every scenario department, its people shared out as the scenario's headcount.
fn cohort(scenario: &Scenario, mut context: Context<'_>) -> Rows {
    let model = context.model;
    let name = match scenario.departments.as_slice() {
        [only] => only.name.clone(),
        _ => "Whole cohort".to_owned(),
    };
    let headcounts: Vec<f64> = model.departments.iter().map(|d| d.headcount).collect();
    let (people, people_basis) = context.share_out(&headcounts);
    let none = Metrics::default();
    let mut parts = Vec::with_capacity(people.len());
    for (s, (base, people)) in model.departments.iter().zip(people).enumerate() {
        let (active_rate, rate) = context.rate(&none, base.active_rate);
        let (hours, hours_basis) = context.hours(&none, base.hours, &name);
        parts.push(Part {
            model: DepartmentModel { headcount: people, active_rate, hours, ..base.clone() },
            template: Some(s),
            people: people_basis,
            rate,
            hours: hours_basis,
        });
    }
    context.notes.dedup();
    let depts = &model.departments;
    let projected = Projected {
        people: headcounts.iter().sum(),
        active_rate: weighted_mean(&depts.iter().map(|d| (d.headcount, d.active_rate)).collect::<Vec<_>>()),
        hours: weighted_mean(&depts.iter().map(|d| (d.headcount * d.active_rate, d.hours)).collect::<Vec<_>>()),
        benefit: depts.iter().map(|d| model.contribution(d).benefit).sum(),
    };
    let department = (scenario.departments.len() == 1).then(|| name.clone());
    let row =
        Row { name, by: MatchedBy::Cohort, department, benchmark: None, note: None, parts, projected, hidden: None };
    Rows { rows: vec![row], notes: context.notes, unmeasured: Vec::new() }
}
