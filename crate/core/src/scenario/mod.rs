//! The scenario document: everything a person states about a training programme (docs/model.md#scenario-inputs).
//!
//! Optional values stay optional after reading: "the user did not type it" matters, because such a
//! value defaults from the benchmark and varies over the benchmark band in the low/high scenarios.

use serde::Serialize;
use serde_json::Value;

use crate::fields::{FieldError, Problems};

mod reader;

/// Most departments a scenario may hold.
pub const MAX_DEPARTMENTS: usize = 500;
/// Most use cases one department may list.
pub const MAX_USE_CASES: usize = 50;
/// Most items in each cost list and in `otherBenefits`.
pub const MAX_ITEMS: usize = 100;
/// Longest name or label, in characters.
pub const MAX_TEXT: usize = 80;
/// Largest headcount of one department.
pub const MAX_HEADCOUNT: u64 = 10_000_000;
/// Largest Monte Carlo draw count.
pub const MAX_DRAWS: u64 = 1_000_000;
/// Most Monte Carlo work a scenario may ask for, in draws × departments: each draw evaluates every
/// department, and this keeps the slowest case (500 departments × 10,000 draws) well under a second.
pub const MAX_DEPARTMENT_DRAWS: u64 = 5_000_000;
/// Largest money amount accepted anywhere, so that sums stay finite.
pub const MAX_AMOUNT: f64 = 1e12;
pub(crate) const AMOUNT_RULE: &str = "an amount from 0 to 1,000,000,000,000";

/// Largest number of licensed seats (whole numbers a JS number holds exactly, with room for sums).
pub const MAX_SEATS: u64 = u64::MAX >> 11;
/// Working weeks a year, from–to.
pub const WEEKS_PER_YEAR: (f64, f64) = (1.0, 52.0);
/// Working hours a week, from–to.
pub const HOURS_PER_WEEK: (f64, f64) = (1.0, 80.0);
/// The horizon in months, from–to.
pub const HORIZON_MONTHS: (u32, u32) = (12, 120);
/// The month by which the ramp reaches full benefit, from–to.
pub const FULL_BY_MONTH: (u32, u32) = (1, 12);
/// Largest hourly cost of a department.
pub const MAX_HOURLY_COST: f64 = 1e6;
/// Largest annual cost of a department.
pub const MAX_ANNUAL_COST: f64 = 1e9;
/// Largest minutes of a use case's task, before or with Claude.
pub const MAX_MINUTES: f64 = 10_000.0;
/// Most times a week a use case's task is done.
pub const MAX_PER_WEEK: f64 = 1_000.0;
/// Largest training or learning-curve hours per person.
pub const MAX_HOURS_PER_PERSON: f64 = 10_000.0;

/// A training programme to project: cohort, costs and assumptions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Scenario {
    /// Document version, always 1.
    pub version: u32,
    /// ISO 4217 code of the one currency all amounts are in (display only).
    pub currency: String,
    /// BCP 47 tag for number display; the browser's locale when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub locale: Option<String>,
    /// Working weeks a year.
    pub weeks_per_year: f64,
    /// Contracted hours a week.
    pub hours_per_week: f64,
    /// Length of the projection in months.
    pub horizon_months: u32,
    /// Annual discount rate for NPV.
    pub discount_rate: f64,
    /// Share of the gain credited to training rather than other causes.
    pub attribution: f64,
    /// Confidence in self-reported estimates.
    pub confidence: f64,
    /// How benefits build up after training; `None` means full benefit from month 1.
    pub ramp: Option<Ramp>,
    /// Licensed seats; the total headcount when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub seats: Option<u64>,
    /// The trained cohort, by department.
    pub departments: Vec<Department>,
    /// What the programme costs.
    pub costs: Costs,
    /// Benefits beyond time saved, already annual.
    pub other_benefits: Vec<OtherBenefit>,
    /// How uncertain the inputs are, for the low/high scenarios, Monte Carlo and sensitivity.
    pub uncertainty: Uncertainty,
}

/// The benefit ramp: a share of the full benefit in month 1, rising linearly to full.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Ramp {
    /// Share of the full benefit in month 1.
    pub day30_factor: f64,
    /// First month at full benefit.
    pub full_by_month: u32,
}

impl Ramp {
    /// 4.5 / 6.5: the midpoints of the sources' Day-30 (3–6 h) and Day-90 (5–8 h) bands, to 4 places.
    pub const DEFAULT: Ramp = Ramp { day30_factor: 0.6923, full_by_month: 3 };
}

/// One department of the trained cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Department {
    /// Any name.
    pub name: String,
    /// Key of the benchmark row to compare with; `None` for no comparison.
    pub benchmark: Option<String>,
    /// Trained employees.
    pub headcount: u64,
    /// Fully loaded cost per hour (exactly one of this and `annualCost`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub hourly_cost: Option<f64>,
    /// Fully loaded cost per year.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub annual_cost: Option<f64>,
    /// Share actively using Claude at steady state; the benchmark midpoint when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub active_rate: Option<f64>,
    /// Hours saved per active user per week; the benchmark midpoint when absent (and no use cases).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub hours_saved_per_week: Option<f64>,
    /// Tasks whose time saving makes up `hoursSavedPerWeek`, instead of stating it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub use_cases: Option<Vec<UseCase>>,
}

/// A recurring task done faster with Claude.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct UseCase {
    /// What the task is.
    pub name: String,
    /// Minutes the task took before.
    pub minutes_before: f64,
    /// Minutes it takes with Claude.
    pub minutes_after: f64,
    /// Times a week an active user does it.
    pub per_week: f64,
}

impl UseCase {
    /// Hours a week this task saves one active user.
    pub fn hours_saved_per_week(&self) -> f64 {
        (self.minutes_before - self.minutes_after) * self.per_week / 60.0
    }
}

/// The programme's costs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Costs {
    /// Paid once, at the start.
    pub one_time: Vec<CostItem>,
    /// Paid every month.
    pub monthly: Vec<CostItem>,
    /// Paid every month for each licensed seat.
    pub per_seat_monthly: Vec<CostItem>,
    /// Employee hours spent in training, valued at each department's hourly cost.
    pub training_hours_per_person: f64,
    /// Productive hours lost while learning, likewise.
    pub learning_curve_hours_per_person: f64,
}

/// A labelled amount of money.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct CostItem {
    /// What it pays for.
    pub label: String,
    /// How much.
    pub amount: f64,
}

/// A yearly benefit other than time saved (fewer errors, revenue), discounted by confidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct OtherBenefit {
    /// What it is.
    pub label: String,
    /// Amount per year.
    pub annual_amount: f64,
    /// Confidence in the amount, in (0, 1].
    pub confidence: f64,
}

/// Spread, draws and seed of the uncertainty analysis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Uncertainty {
    /// Relative spread for inputs without a band: low = value × (1 − spread), high = value × (1 + spread).
    pub spread: f64,
    /// Monte Carlo draws; 0 skips it.
    pub draws: u64,
    /// PRNG seed, so the same scenario always gives the same figures.
    pub seed: u64,
}

impl Default for Uncertainty {
    fn default() -> Self {
        Self { spread: 0.2, draws: 10_000, seed: 1 }
    }
}

impl Scenario {
    /// Reads a scenario document, rejecting it with every problem found.
    pub fn from_json(value: &Value) -> Result<Self, Vec<FieldError>> {
        let mut problems = Problems::default();
        let scenario = reader::read(value, &mut problems);
        if problems.is_empty() { Ok(scenario) } else { Err(problems.into_vec()) }
    }

    /// Reads what is valid in a scenario document and lists what was dropped (for damaged links).
    pub fn from_json_lenient(value: &Value) -> (Self, Vec<FieldError>) {
        let mut problems = Problems::default();
        let scenario = reader::read(value, &mut problems);
        (scenario, problems.into_vec())
    }

    /// Licensed seats: as stated, else the total headcount.
    pub fn seat_count(&self) -> u64 {
        self.seats.unwrap_or_else(|| self.departments.iter().map(|d| d.headcount).sum())
    }
}

impl Default for Scenario {
    /// The scenario a new visitor starts from: 100 people, general benchmark, costs in the range
    /// source 000 quotes for 100 employees ($150K–250K training + licensing in the first year).
    fn default() -> Self {
        Self {
            version: 1,
            currency: "USD".into(),
            locale: None,
            weeks_per_year: 48.0,
            hours_per_week: 40.0,
            horizon_months: 36,
            discount_rate: 0.10,
            attribution: 1.0,
            confidence: 1.0,
            ramp: Some(Ramp::DEFAULT),
            seats: None,
            departments: vec![Department {
                name: "All staff".into(),
                benchmark: Some(crate::benchmarks::GENERAL.into()),
                headcount: 100,
                hourly_cost: Some(75.0),
                annual_cost: None,
                active_rate: None,
                hours_saved_per_week: None,
                use_cases: None,
            }],
            costs: Costs {
                one_time: vec![CostItem {
                    label: "Training programme (content and instructors)".into(),
                    amount: 60_000.0,
                }],
                monthly: vec![CostItem { label: "Programme management and measurement".into(), amount: 2_000.0 }],
                per_seat_monthly: vec![CostItem { label: "Claude licence".into(), amount: 30.0 }],
                training_hours_per_person: 6.0,
                learning_curve_hours_per_person: 4.0,
            },
            other_benefits: Vec::new(),
            uncertainty: Uncertainty::default(),
        }
    }
}
