//! What is uncertain and by how much (docs/model.md#uncertain-inputs): each department's active rate, hours saved and
//! hourly cost, the working weeks and the total cost, each as a low / expected / high range. The
//! low/expected/high scenarios, the Monte Carlo ([`crate::risk`]) and the sensitivity ranking all
//! use this one list, so they always agree on what varies.

use serde::Serialize;

use crate::benchmarks::Band;
use crate::model::{Contribution, DepartmentModel, Model};
use crate::projection::{Annual, payback_months, project};

/// A low / expected / high range of one input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// The lower end.
    pub low: f64,
    /// The value the projection uses.
    pub expected: f64,
    /// The upper value.
    pub high: f64,
}

impl Range {
    /// The band's ends around `value` when there is a band and the value was not typed; else value ± spread.
    fn around(value: f64, band: Option<Band>, typed: bool, spread: f64, min: f64, max: f64) -> Self {
        match band {
            Some(b) if !typed => Self { low: bound(b.low, min, max), expected: value, high: bound(b.high, min, max) },
            _ => Self::spread(value, spread, min, max),
        }
    }

    fn spread(value: f64, spread: f64, min: f64, max: f64) -> Self {
        Self {
            low: bound(value * (1.0 - spread), min, max),
            expected: value,
            high: bound(value * (1.0 + spread), min, max),
        }
    }

    /// A draw from the triangular distribution (low, mode = expected, high), given `u` uniform in [0, 1).
    pub fn triangular(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, bound(self.expected, self.low, self.high), self.high);
        if b <= a {
            return a;
        }
        if u < (c - a) / (b - a) {
            a + (u * (b - a) * (c - a)).sqrt()
        } else {
            b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
        }
    }

    /// `value` relative to the expected value (1 when the expected value is 0).
    fn factor(&self, value: f64) -> f64 {
        if self.expected == 0.0 { 1.0 } else { value / self.expected }
    }
}

/// `value` limited to `min..=max`. Unlike `f64::clamp` it cannot panic, and so does not pull the
/// float formatter of that panic's message into the WebAssembly build.
fn bound(value: f64, min: f64, max: f64) -> f64 {
    value.max(min).min(max)
}

/// Which input a range belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A department's active rate.
    ActiveRate(usize),
    /// A department's hours saved per week.
    Hours(usize),
    /// A department's hourly cost.
    HourlyCost(usize),
    /// Working weeks a year.
    Weeks,
    /// Total cost, every item scaled alike.
    TotalCost,
}

impl Input {
    /// Where this input stands in [`Ranges::iter`] for a model of `departments` departments.
    pub fn position(self, departments: usize) -> usize {
        match self {
            Self::ActiveRate(i) => 3 * i,
            Self::Hours(i) => 3 * i + 1,
            Self::HourlyCost(i) => 3 * i + 2,
            Self::Weeks => 3 * departments,
            Self::TotalCost => 3 * departments + 1,
        }
    }

    /// The scenario field this input is, as a path (`departments[1].activeRate`; `costs` for total cost).
    pub fn path(self) -> String {
        match self {
            Self::ActiveRate(i) => format!("departments[{i}].activeRate"),
            Self::Hours(i) => format!("departments[{i}].hoursSavedPerWeek"),
            Self::HourlyCost(i) => format!("departments[{i}].hourlyCost"),
            Self::Weeks => "weeksPerYear".into(),
            Self::TotalCost => "costs".into(),
        }
    }
}

/// The ranges of every uncertain input of a model.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranges {
    /// Per department: active rate, hours saved, hourly cost.
    pub departments: Vec<[Range; 3]>,
    /// Working weeks.
    pub weeks: Range,
    /// First-year total cost.
    pub total_cost: Range,
}

impl Ranges {
    /// The ranges of `model`'s inputs (whose annual figures are `annual`) with relative `spread` where
    /// there is no band.
    pub fn of(model: &Model, annual: &Annual, spread: f64) -> Self {
        let departments = model
            .departments
            .iter()
            .map(|d| {
                [
                    Range::around(d.active_rate, d.rate_band, d.rate_typed, spread, 0.0, 1.0),
                    Range::around(d.hours, d.hours_band, d.hours_typed, spread, 0.0, model.hours_per_week),
                    Range::spread(model.hourly_cost(d), spread, 0.0, f64::MAX),
                ]
            })
            .collect();
        Self {
            departments,
            weeks: Range::spread(model.weeks, spread, 1.0, 52.0),
            total_cost: Range::spread(annual.cost, spread, 0.0, f64::MAX),
        }
    }

    /// Every range with its input, departments first.
    pub fn iter(&self) -> impl Iterator<Item = (Input, Range)> + '_ {
        let per_department = self.departments.iter().enumerate().flat_map(|(i, [rate, hours, cost])| {
            [(Input::ActiveRate(i), *rate), (Input::Hours(i), *hours), (Input::HourlyCost(i), *cost)]
        });
        per_department.chain([(Input::Weeks, self.weeks), (Input::TotalCost, self.total_cost)])
    }

    /// Sets one department input of `dept` (a copy of `base`) to `value`.
    pub fn set_department(&self, input: Input, value: f64, base: &DepartmentModel, dept: &mut DepartmentModel) {
        match input {
            Input::ActiveRate(_) => dept.active_rate = value,
            Input::Hours(_) => dept.hours = value,
            Input::HourlyCost(i) => dept.labour = base.labour.scaled(self.departments[i][2].factor(value)),
            Input::Weeks | Input::TotalCost => {}
        }
    }

    /// Sets every input of `target` (a copy of `base`) to the value `pick` chooses from its range.
    pub fn set_all(&self, base: &Model, target: &mut Model, mut pick: impl FnMut(Input, &Range) -> f64) {
        for (i, (ranges, (from, to))) in
            self.departments.iter().zip(base.departments.iter().zip(target.departments.iter_mut())).enumerate()
        {
            to.active_rate = pick(Input::ActiveRate(i), &ranges[0]);
            to.hours = pick(Input::Hours(i), &ranges[1]);
            to.labour = from.labour.scaled(ranges[2].factor(pick(Input::HourlyCost(i), &ranges[2])));
        }
        target.weeks = pick(Input::Weeks, &self.weeks);
        target.cost_factor = base.cost_factor * self.total_cost.factor(pick(Input::TotalCost, &self.total_cost));
    }
}

/// The annual figures with one input at `value` and every other at its expected value.
/// Department inputs are recomputed for that department alone, so a ranking stays linear in size.
pub fn annual_with(
    model: &Model,
    ranges: &Ranges,
    totals: (&[Contribution], Contribution),
    input: Input,
    value: f64,
) -> Annual {
    let (contributions, total) = totals;
    match input {
        Input::ActiveRate(i) | Input::Hours(i) | Input::HourlyCost(i) => {
            let base = &model.departments[i];
            let mut dept = base.clone();
            ranges.set_department(input, value, base, &mut dept);
            Annual::from_totals(model, total - contributions[i] + model.contribution(&dept))
        }
        Input::Weeks | Input::TotalCost => {
            let mut varied = model.clone();
            ranges.set_all(model, &mut varied, |which, range| if which == input { value } else { range.expected });
            Annual::of(&varied)
        }
    }
}

/// One of the low / expected / high scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Outcome {
    /// Annual benefit.
    pub benefit: f64,
    /// First-year cost.
    pub cost: f64,
    /// Benefit − cost.
    pub net_benefit: f64,
    /// Net ROI in percent; null without cost.
    pub roi_percent: Option<f64>,
    /// Benefit / cost; null without cost.
    pub benefit_cost_ratio: Option<f64>,
    /// Payback in months; null when not paid back within the horizon.
    pub payback_months: Option<f64>,
}

impl Outcome {
    /// The outcome of a year's figures and the payback of their projection.
    pub fn new(annual: &Annual, payback_months: Option<f64>) -> Self {
        Self {
            benefit: annual.benefit,
            cost: annual.cost,
            net_benefit: annual.net_benefit,
            roi_percent: annual.roi_percent,
            benefit_cost_ratio: annual.benefit_cost_ratio,
            payback_months,
        }
    }

    /// The outcome of `model` as it stands.
    pub fn of(model: &Model) -> Self {
        let annual = Annual::of(model);
        Self::new(&annual, payback_months(&project(&annual, model.ramp, model.horizon_months)))
    }
}

/// The three scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Scenarios {
    /// Every uncertain input at the end of its range that lowers the annual net benefit.
    pub low: Outcome,
    /// Every input at its expected value.
    pub expected: Outcome,
    /// Every uncertain input at the end that raises it.
    pub high: Outcome,
}

/// The low / expected / high scenarios around `expected`, the outcome of `model` as it stands.
/// `low_is_worse[input.position(..)]` tells, for each input, whether its low end gives the lower net
/// benefit (decided by the sensitivity pass, which evaluates both ends); an input missing from it
/// counts as low-is-worse.
pub fn scenarios(model: &Model, ranges: &Ranges, low_is_worse: &[bool], expected: Outcome) -> Scenarios {
    let departments = ranges.departments.len();
    let at = |pessimistic: bool| {
        let mut varied = model.clone();
        ranges.set_all(model, &mut varied, |input, r| {
            let worse = low_is_worse.get(input.position(departments)).copied().unwrap_or(true);
            if worse == pessimistic { r.low } else { r.high }
        });
        Outcome::of(&varied)
    };
    Scenarios { low: at(true), expected, high: at(false) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BenchmarkTable, Scenario};

    #[test]
    fn positions_follow_iteration_order() {
        let mut scenario = Scenario::default();
        scenario.departments.push(scenario.departments[0].clone());
        let model = Model::resolve(&scenario, &BenchmarkTable::default()).expect("valid");
        let ranges = Ranges::of(&model, &Annual::of(&model), 0.2);
        for (at, (input, _)) in ranges.iter().enumerate() {
            assert_eq!(input.position(2), at, "{input:?}");
        }
    }
}
