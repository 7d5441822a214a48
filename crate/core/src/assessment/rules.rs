//! The evaluator: applies the rule table ([`super::table`]) to an organisation's and each
//! department's measurements, and adds the combined rules and the department comparisons.

use super::table::{Advice, BELOW_BENCHMARK, CONTENT_NOT_CONNECTING, RULES, Rule, USE_CASES_MISMATCHED};
use super::{
    Assessment, BenchmarkCheck, DepartmentAssessment, Flag, Measurements, Metric, MetricResult, MetricResults, Metrics,
    Scorecard, Severity, Status,
};
use crate::benchmarks::{BandStatus, BenchmarkTable, Compared};

/// The row that applies to `metric` at `day`: the latest judged-from day not after it, or else the earliest row.
fn rule_for(metric: Metric, day: u32) -> Option<(&'static Rule, bool)> {
    let rows = RULES.iter().filter(|r| r.metric == metric);
    let applying = rows.clone().filter(|r| r.from_day <= day).max_by_key(|r| r.from_day);
    match applying {
        Some(rule) => Some((rule, true)),
        None => rows.min_by_key(|r| r.from_day).map(|r| (r, false)),
    }
}

/// The status of `value` under `rule`.
fn status(rule: &Rule, value: f64) -> Status {
    if value >= rule.green_at {
        Status::Green
    } else if rule.red_below.is_some_and(|red| value < red) {
        Status::Red
    } else {
        Status::Amber
    }
}

/// `value` of `metric` judged at checkpoint `day` as the assessment judges it: its status, target and
/// rule (the timeline's checkpoints are judged so, one by one).
pub fn judge(metric: Metric, value: Option<f64>, day: u32) -> MetricResult {
    let Some((rule, applies)) = rule_for(metric, day) else {
        return MetricResult { value, target: 0.0, status: Status::Unknown, rule_ids: Vec::new() };
    };
    let status = match value {
        None => Status::Unknown,
        Some(_) if !applies => Status::NotYetJudged,
        Some(x) => status(rule, x),
    };
    MetricResult { value, target: rule.green_at, status, rule_ids: vec![rule.id] }
}

/// Judges one set of metrics and appends its flags to `flags`.
fn judge_set(
    metrics: &Metrics,
    adoption: Option<f64>,
    day: u32,
    department: Option<&str>,
    flags: &mut Vec<Flag>,
) -> MetricResults {
    let value = |metric| {
        if metric == Metric::DepartmentAdoptionRate { adoption } else { metrics.get(metric) }
    };
    let mut results = MetricResults::judge(|metric| judge(metric, value(metric), day));
    let flag = |severity, rule_id, metric: Metric, advice: Advice| Flag {
        severity,
        rule_id,
        metric: metric.key(),
        department: department.map(str::to_owned),
        diagnosis: advice.diagnosis.to_owned(),
        action: advice.action.to_owned(),
    };
    for rule in &RULES {
        let Some((applying, true)) = rule_for(rule.metric, day) else {
            continue;
        };
        let Some(x) = value(rule.metric).filter(|_| std::ptr::eq(applying, rule)) else {
            continue;
        };
        match status(rule, x) {
            Status::Red => flags.push(flag(Severity::Red, rule.id, rule.metric, rule.red)),
            Status::Amber
                if rule.metric == Metric::SessionsPerActiveUserWeek
                    && metrics.weekly_active_rate.is_some_and(|w| w >= 0.40) =>
            {
                results.sessions_per_active_user_week.rule_ids.push(USE_CASES_MISMATCHED.0);
                flags.push(flag(Severity::Amber, USE_CASES_MISMATCHED.0, rule.metric, USE_CASES_MISMATCHED.1));
            }
            Status::Amber => flags.push(flag(Severity::Amber, rule.id, rule.metric, rule.amber)),
            _ => {}
        }
    }
    let judged = |r: &MetricResult| matches!(r.status, Status::Green | Status::Amber | Status::Red);
    if judged(&results.completion_rate)
        && judged(&results.active_usage_rate)
        && metrics.completion_rate.is_some_and(|c| c >= 0.85)
        && metrics.active_usage_rate.is_some_and(|a| a < 0.50)
    {
        results.active_usage_rate.rule_ids.push(CONTENT_NOT_CONNECTING.0);
        flags.push(flag(Severity::Red, CONTENT_NOT_CONNECTING.0, Metric::ActiveUsageRate, CONTENT_NOT_CONNECTING.1));
    }
    results
}

/// The assessment of `measurements`.
pub(super) fn assess(measurements: &Measurements, table: &BenchmarkTable) -> Assessment {
    let day = measurements.checkpoint_day;
    let rates: Vec<(&str, f64)> = measurements
        .departments
        .iter()
        .filter_map(|d| Some((d.name.as_str(), d.metrics.weekly_active_rate?)))
        .collect();
    let below: Vec<String> = rates.iter().filter(|(_, r)| *r < 0.50).map(|(n, _)| (*n).to_owned()).collect();
    #[allow(clippy::cast_precision_loss)]
    let adoption = (!rates.is_empty()).then(|| (rates.len() - below.len()) as f64 / rates.len() as f64);

    let mut flags = Vec::new();
    let metrics = judge_set(&measurements.metrics, adoption, day, None, &mut flags);
    if let Some(flag) = flags.iter_mut().find(|f| f.rule_id == "department-adoption") {
        flag.diagnosis = format!("{} Below 50%: {}.", flag.diagnosis, below.join(", "));
    }
    let departments = measurements
        .departments
        .iter()
        .map(|d| {
            let results = judge_set(&d.metrics, None, day, Some(&d.name), &mut flags);
            let benchmark = d.benchmark.as_deref().and_then(|key| table.get(key)).filter(|_| day >= 90).map(|row| {
                let check = BenchmarkCheck {
                    key: row.key.clone(),
                    active_rate: d.metrics.active_usage_rate.map(|v| Compared::new(v, row.active_rate)),
                    hours_saved_per_week: d
                        .metrics
                        .hours_saved_per_week
                        .map(|v| Compared::new(v, row.hours_saved_per_week)),
                };
                for (compared, metric) in [
                    (check.active_rate, Metric::ActiveUsageRate),
                    (check.hours_saved_per_week, Metric::HoursSavedPerWeek),
                ] {
                    if compared.is_some_and(|c| c.status == BandStatus::Below) {
                        flags.push(Flag {
                            severity: Severity::Amber,
                            rule_id: BELOW_BENCHMARK.0,
                            metric: metric.key(),
                            department: Some(d.name.clone()),
                            diagnosis: BELOW_BENCHMARK.1.diagnosis.to_owned(),
                            action: BELOW_BENCHMARK.1.action.to_owned(),
                        });
                    }
                }
                check
            });
            DepartmentAssessment { name: d.name.clone(), metrics: results, benchmark }
        })
        .collect();

    let (reds, ambers): (Vec<Flag>, Vec<Flag>) = flags.into_iter().partition(|f| f.severity == Severity::Red);
    let m = &measurements.metrics;
    #[allow(clippy::cast_precision_loss)]
    let active_users =
        match (m.active_usage_rate, measurements.people, m.weekly_active_rate, measurements.licensed_seats) {
            (Some(rate), Some(people), _, _) => Some(rate * people as f64),
            (_, _, Some(rate), Some(seats)) => Some(rate * seats as f64),
            _ => None,
        };
    Assessment {
        version: 1,
        checkpoint_day: day,
        metrics,
        departments,
        departments_below_adoption: below,
        flags: reds.into_iter().chain(ambers).collect(),
        scorecard: Scorecard {
            weekly_active_rate: m.weekly_active_rate,
            hours_saved_per_week_per_user: m.hours_saved_per_week,
            hours_saved_per_week_total: m.hours_saved_per_week.zip(active_users).map(|(h, n)| h * n),
            retention: m.week4_retention_of_week1,
        },
    }
}
