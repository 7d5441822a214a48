//! Measured results judged against the sources' targets (docs/model.md#measured-results): each metric coloured
//! green, amber or red at the checkpoint day, every flag with its diagnosis and next action, the department adoption
//! rate, each department against its Day-90 benchmark band, and the headline scorecard.

use serde::Serialize;
use serde_json::Value;

use crate::benchmarks::{BenchmarkTable, Compared, unknown_department_benchmarks};
use crate::fields::FieldError;
use crate::intensity::Intensity;
use crate::privacy::Hidden;

mod reader;
mod rules;
mod table;

pub use rules::judge;
pub use table::{Advice, RULES, Rule};

/// Declares the metric list once: the [`Metric`] names, the [`Metrics`] a person measured and the
/// [`MetricResults`] they get back, so the three can never disagree.
macro_rules! metrics {
    ($($variant:ident $field:ident $key:literal $doc:literal,)*) => {
        /// One measured metric.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Metric {
            $(#[doc = $doc] $variant,)*
            /// Share of departments whose weekly active rate is at least 50% (computed, not entered).
            DepartmentAdoptionRate,
        }

        impl Metric {
            /// The metric's JSON name.
            pub fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key,)*
                    Self::DepartmentAdoptionRate => "departmentAdoptionRate",
                }
            }

            /// The metric with JSON name `key`.
            pub fn from_key(key: &str) -> Option<Self> {
                match key {
                    $($key => Some(Self::$variant),)*
                    "departmentAdoptionRate" => Some(Self::DepartmentAdoptionRate),
                    _ => None,
                }
            }
        }

        /// The metrics a person measured; any may be missing.
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
        pub struct Metrics {
            $(
                #[doc = $doc]
                #[serde(skip_serializing_if = "Option::is_none")]
                #[cfg_attr(feature = "typescript", tsify(optional))]
                pub $field: Option<f64>,
            )*
        }

        impl Metrics {
            /// The value of `metric`, if measured (the department adoption rate never is).
            pub fn get(&self, metric: Metric) -> Option<f64> {
                match metric {
                    $(Metric::$variant => self.$field,)*
                    Metric::DepartmentAdoptionRate => None,
                }
            }

            fn set(&mut self, key: &str, value: f64) {
                match key {
                    $($key => self.$field = Some(value),)*
                    _ => {}
                }
            }
        }

        /// Every metric judged.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(rename_all = "camelCase")]
        #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
        pub struct MetricResults {
            $(#[doc = $doc] pub $field: MetricResult,)*
            /// Share of departments at or above 50% weekly active (organisation only).
            pub department_adoption_rate: MetricResult,
        }

        impl MetricResults {
            /// The judgement of `metric`.
            pub fn get(&self, metric: Metric) -> &MetricResult {
                match metric {
                    $(Metric::$variant => &self.$field,)*
                    Metric::DepartmentAdoptionRate => &self.department_adoption_rate,
                }
            }

            fn judge(judge: impl Fn(Metric) -> MetricResult) -> Self {
                Self {
                    $($field: judge(Metric::$variant),)*
                    department_adoption_rate: judge(Metric::DepartmentAdoptionRate),
                }
            }
        }

        /// The JSON names of the measured metrics, in table order.
        const METRIC_KEYS: &[&str] = &[$($key,)*];
    };
}

metrics! {
    ActiveUsageRate active_usage_rate "activeUsageRate" "Share of trained staff using Claude at least 3 times in the 7 days ending at the checkpoint, for real work.",
    WeeklyActiveRate weekly_active_rate "weeklyActiveRate" "Weekly active users ÷ licensed seats.",
    CompletionRate completion_rate "completionRate" "Share of the cohort that completed training.",
    SessionsPerActiveUserWeek sessions_per_active_user_week "sessionsPerActiveUserWeek" "Sessions per active user in the week.",
    AvgSessionMinutes avg_session_minutes "avgSessionMinutes" "Average session length in minutes.",
    Week4RetentionOfWeek1 week4_retention_of_week1 "week4RetentionOfWeek1" "Users active in week 4 ÷ users active in week 1.",
    HoursSavedPerWeek hours_saved_per_week "hoursSavedPerWeek" "Self-reported hours saved per active user per week.",
    DailyWorkflowShare daily_workflow_share "dailyWorkflowShare" "Share answering 4 or 5 to \"how integrated is Claude in your daily workflow (1–5)\".",
    Satisfaction satisfaction "satisfaction" "Mean satisfaction score, 1–5.",
    ReviewedBeforeUse reviewed_before_use "reviewedBeforeUse" "Share of outputs reviewed before use.",
    QualityEqualOrBetter quality_equal_or_better "qualityEqualOrBetter" "Share of managers rating Claude-assisted work equal or better than before (3–5 of 5).",
}

/// Measured results at one checkpoint, for the organisation and optionally per department.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Measurements {
    /// Document version, always 1.
    pub version: u32,
    /// Days since training completed (0–365).
    pub checkpoint_day: u32,
    /// Trained people, for the scorecard's total hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub people: Option<u64>,
    /// Licensed seats, likewise.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub licensed_seats: Option<u64>,
    /// Organisation-wide values.
    pub metrics: Metrics,
    /// Per-department values.
    pub departments: Vec<DepartmentMeasurements>,
    /// The privacy threshold the figures were measured with: groups of fewer people are hidden
    /// (docs/model.md#small-groups). An import sets it; typed measurements have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub min_group_size: Option<u32>,
    /// The people of each usage-intensity group (docs/model.md#usage-intensity), when an import
    /// counted sessions.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub intensity: Option<Intensity>,
}

/// One department's measured values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct DepartmentMeasurements {
    /// The department's name.
    pub name: String,
    /// Key of its benchmark row, or none.
    pub benchmark: Option<String>,
    /// The people measured in it at the checkpoint, when known (an import counts them); the realised
    /// return counts them, else shares out the organisation's people.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<u64>,
    /// Its values.
    pub metrics: Metrics,
    /// Why its figures are hidden, when they are: fewer people than the threshold were measured in
    /// it, or it is hidden with such a department (its metrics and people are then left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub hidden: Option<Hidden>,
    /// Its usage-intensity groups, when counted (and it is not hidden).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub intensity: Option<Intensity>,
}

impl Measurements {
    /// Reads a measurements document, rejecting it with every problem found.
    pub fn from_json(value: &Value) -> Result<Self, Vec<FieldError>> {
        reader::read(value)
    }
}

/// How a metric stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Status {
    /// On target.
    Green,
    /// Below target, above the red line (or no red line).
    Amber,
    /// Below the red line.
    Red,
    /// Not measured.
    Unknown,
    /// Measured, but the checkpoint is before the day this metric is judged from.
    NotYetJudged,
}

/// One metric's value and judgement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MetricResult {
    /// The measured value; null when unknown.
    pub value: Option<f64>,
    /// The green threshold of the rule that applies.
    pub target: f64,
    /// Green, amber, red, unknown or not yet judged.
    pub status: Status,
    /// The rules behind the status (see [`RULES`]).
    pub rule_ids: Vec<&'static str>,
}

/// How serious a flag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Severity {
    /// Act now.
    Red,
    /// Watch and improve.
    Amber,
}

/// A problem found, with what it usually means and what to do.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Flag {
    /// Red or amber.
    pub severity: Severity,
    /// The rule that raised it.
    pub rule_id: &'static str,
    /// The metric it concerns.
    pub metric: &'static str,
    /// The department, when it is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub department: Option<String>,
    /// What it usually means.
    pub diagnosis: String,
    /// What to do next.
    pub action: String,
}

/// One department's judgement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct DepartmentAssessment {
    /// The department's name.
    pub name: String,
    /// Its metrics judged like the organisation's.
    pub metrics: MetricResults,
    /// Its values against its benchmark band (checkpoint day 90 or later); null without a benchmark.
    pub benchmark: Option<BenchmarkCheck>,
}

/// A department's active usage and hours saved against its benchmark bands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct BenchmarkCheck {
    /// The benchmark row's key.
    pub key: String,
    /// Active usage rate against the active-rate band; null when not measured.
    pub active_rate: Option<Compared>,
    /// Hours saved against the hours band; null when not measured.
    pub hours_saved_per_week: Option<Compared>,
}

/// The headline figures leadership asks for (source 001's scorecard).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Scorecard {
    /// Weekly active users ÷ licensed seats.
    pub weekly_active_rate: Option<f64>,
    /// Hours saved per active user per week.
    pub hours_saved_per_week_per_user: Option<f64>,
    /// Hours saved per week across all active users.
    pub hours_saved_per_week_total: Option<f64>,
    /// Week-4 ÷ week-1 active users.
    pub retention: Option<f64>,
}

/// Everything measure mode shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Assessment {
    /// Document version, always 1.
    pub version: u32,
    /// The checkpoint judged.
    pub checkpoint_day: u32,
    /// The organisation's metrics.
    pub metrics: MetricResults,
    /// Each department's.
    pub departments: Vec<DepartmentAssessment>,
    /// Departments whose weekly active rate is below 50%.
    pub departments_below_adoption: Vec<String>,
    /// Every flag, red first.
    pub flags: Vec<Flag>,
    /// The headline figures.
    pub scorecard: Scorecard,
}

/// Reads and assesses a measurements document against `table`; fails with every problem found,
/// unknown benchmark keys included.
pub fn assess_json(document: &Value, table: &BenchmarkTable) -> Result<Assessment, Vec<FieldError>> {
    read_and_assess(document, table).map(|(_, assessment)| assessment)
}

/// Reads a measurements document and judges it: the measurements as read, and their assessment; or every
/// problem, unknown benchmark keys included.
pub fn read_and_assess(
    document: &Value,
    table: &BenchmarkTable,
) -> Result<(Measurements, Assessment), Vec<FieldError>> {
    let unknown = unknown_department_benchmarks(document, table);
    match Measurements::from_json(document) {
        Ok(measurements) if unknown.is_empty() => {
            let assessment = assess(&measurements, table);
            Ok((measurements, assessment))
        }
        Ok(_) => Err(unknown),
        Err(mut problems) => {
            problems.extend(unknown);
            Err(problems)
        }
    }
}

/// Judges measurements against the rules; departments whose benchmark key `table` lacks are not compared.
pub fn assess(measurements: &Measurements, table: &BenchmarkTable) -> Assessment {
    rules::assess(measurements, table)
}
