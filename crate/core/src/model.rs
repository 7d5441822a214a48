//! The scenario resolved to plain numbers: defaults filled from benchmarks, labour cost per hour,
//! cost lists summed. Everything downstream (projection, uncertainty) works on this.

use crate::benchmarks::{Band, BenchmarkTable};
use crate::fields::{FieldError, Problems, index, join};
use crate::scenario::{Ramp, Scenario, UseCase};

/// How a department's labour cost was stated; an annual cost becomes hourly through the working year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LabourCost {
    /// Fully loaded cost per hour.
    Hourly(f64),
    /// Fully loaded cost per year.
    Annual(f64),
}

impl LabourCost {
    /// Cost of one hour in a year of `weeks` weeks of `hours_per_week` hours.
    pub fn per_hour(self, weeks: f64, hours_per_week: f64) -> f64 {
        match self {
            Self::Hourly(h) => h,
            Self::Annual(a) => a / (weeks * hours_per_week),
        }
    }

    /// The same cost multiplied by `factor`.
    pub fn scaled(self, factor: f64) -> Self {
        match self {
            Self::Hourly(h) => Self::Hourly(h * factor),
            Self::Annual(a) => Self::Annual(a * factor),
        }
    }
}

/// One department as numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentModel {
    /// Trained employees.
    pub headcount: f64,
    /// Labour cost as stated.
    pub labour: LabourCost,
    /// Share of the cohort actively using Claude.
    pub active_rate: f64,
    /// Hours saved per active user per week.
    pub hours: f64,
    /// The benchmark band for `active_rate`, when the department is compared with a benchmark.
    pub rate_band: Option<Band>,
    /// The benchmark band for `hours`, likewise.
    pub hours_band: Option<Band>,
    /// True when the person typed the active rate (it then varies by ± spread, not over the band).
    pub rate_typed: bool,
    /// True when the person typed the hours or gave use cases.
    pub hours_typed: bool,
}

/// A scenario as numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Working weeks a year.
    pub weeks: f64,
    /// Contracted hours a week.
    pub hours_per_week: f64,
    /// Attribution × confidence: the share of claimed hours credited.
    pub credit: f64,
    /// The departments, in scenario order.
    pub departments: Vec<DepartmentModel>,
    /// Training plus learning-curve hours per person, valued at each department's hourly cost.
    pub training_hours: f64,
    /// Sum of the one-time cost items (without employee time).
    pub fixed_one_time: f64,
    /// Monthly items plus seats × per-seat items.
    pub monthly_cost: f64,
    /// Other annual benefits, each × its confidence.
    pub other_benefits: f64,
    /// Multiplier on every cost, 1 except when the uncertainty analysis varies total cost.
    pub cost_factor: f64,
    /// Benefit ramp (None = full from month 1).
    pub ramp: Option<Ramp>,
    /// Months projected after month 0.
    pub horizon_months: u32,
    /// Annual discount rate.
    pub discount_rate: f64,
}

impl Model {
    /// Resolves `scenario` against `table`; fails with every department whose benchmark key is unknown.
    pub fn resolve(scenario: &Scenario, table: &BenchmarkTable) -> Result<Self, Vec<FieldError>> {
        let mut problems = Problems::default();
        let departments = scenario
            .departments
            .iter()
            .enumerate()
            .filter_map(|(i, dept)| {
                let compared = match dept.benchmark.as_deref() {
                    None => None,
                    Some(key) => match table.get(key) {
                        Some(row) => Some(row),
                        None => {
                            let path = join(&index("departments", i), "benchmark");
                            problems
                                .add(&path, format!("is not a known benchmark; use null or one of: {}", table.keys()));
                            return None;
                        }
                    },
                };
                let defaults = compared.unwrap_or_else(|| table.general());
                let hours = match (&dept.hours_saved_per_week, &dept.use_cases) {
                    (Some(h), _) => Some(*h),
                    (None, Some(cases)) => Some(cases.iter().map(UseCase::hours_saved_per_week).sum()),
                    (None, None) => None,
                };
                let labour = match (dept.hourly_cost, dept.annual_cost) {
                    (Some(h), _) => LabourCost::Hourly(h),
                    (None, Some(a)) => LabourCost::Annual(a),
                    // The reader never yields a department without a cost; zero keeps this total.
                    (None, None) => LabourCost::Hourly(0.0),
                };
                #[allow(clippy::cast_precision_loss)]
                Some(DepartmentModel {
                    headcount: dept.headcount as f64,
                    labour,
                    active_rate: dept.active_rate.unwrap_or(defaults.active_rate.mid),
                    // A benchmark default can exceed a short working week; typed hours were checked.
                    hours: hours.unwrap_or(defaults.hours_saved_per_week.mid.min(scenario.hours_per_week)),
                    rate_band: compared.map(|b| b.active_rate),
                    hours_band: compared.map(|b| b.hours_saved_per_week),
                    rate_typed: dept.active_rate.is_some(),
                    hours_typed: hours.is_some(),
                })
            })
            .collect();
        if !problems.is_empty() {
            return Err(problems.into_vec());
        }
        let costs = &scenario.costs;
        let sum = |items: &[crate::scenario::CostItem]| items.iter().map(|c| c.amount).sum::<f64>();
        #[allow(clippy::cast_precision_loss)]
        let seats = scenario.seat_count() as f64;
        Ok(Self {
            weeks: scenario.weeks_per_year,
            hours_per_week: scenario.hours_per_week,
            credit: scenario.attribution * scenario.confidence,
            departments,
            training_hours: costs.training_hours_per_person + costs.learning_curve_hours_per_person,
            fixed_one_time: sum(&costs.one_time),
            monthly_cost: sum(&costs.monthly) + seats * sum(&costs.per_seat_monthly),
            other_benefits: scenario.other_benefits.iter().map(|b| b.annual_amount * b.confidence).sum(),
            cost_factor: 1.0,
            ramp: scenario.ramp,
            horizon_months: scenario.horizon_months,
            discount_rate: scenario.discount_rate,
        })
    }

    /// A department's hourly cost in this model's working year.
    pub fn hourly_cost(&self, dept: &DepartmentModel) -> f64 {
        dept.labour.per_hour(self.weeks, self.hours_per_week)
    }

    /// A department's contribution to the annual figures.
    pub fn contribution(&self, dept: &DepartmentModel) -> Contribution {
        let hourly = self.hourly_cost(dept);
        let hours_saved = dept.headcount * dept.active_rate * dept.hours * self.weeks * self.credit;
        Contribution {
            hours_saved,
            benefit: hours_saved * hourly,
            employee_time_cost: dept.headcount * self.training_hours * hourly,
        }
    }
}

/// What one department adds to the annual totals.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Contribution {
    /// Adjusted annual hours saved: N × a × h × W × attribution × confidence.
    pub hours_saved: f64,
    /// Those hours valued at the hourly cost.
    pub benefit: f64,
    /// One-time cost of the department's time in training and on the learning curve.
    pub employee_time_cost: f64,
}

impl std::ops::Add for Contribution {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self {
            hours_saved: self.hours_saved + other.hours_saved,
            benefit: self.benefit + other.benefit,
            employee_time_cost: self.employee_time_cost + other.employee_time_cost,
        }
    }
}

impl std::ops::Sub for Contribution {
    type Output = Self;
    fn sub(self, other: Self) -> Self {
        Self {
            hours_saved: self.hours_saved - other.hours_saved,
            benefit: self.benefit - other.benefit,
            employee_time_cost: self.employee_time_cost - other.employee_time_cost,
        }
    }
}
