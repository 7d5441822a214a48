//! Measured results against SPEC 3's rules: every threshold edge, the checkpoint day, combined rules,
//! department adoption and benchmarks, flag order, and invalid documents.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::assessment::{Metric, Severity, Status};
use roi_core::{Assessment, BenchmarkTable, assess_json};
use serde_json::{Value, json};

fn assess(document: &Value) -> Assessment {
    assess_json(document, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The status of one organisation metric given its value at a checkpoint.
fn status_of(metric: &str, value: f64, day: u32) -> Status {
    let a = assess(&json!({ "version": 1, "checkpointDay": day, "metrics": { metric: value } }));
    a.metrics.get(Metric::from_key(metric).expect("a metric name")).status
}

#[test]
fn thresholds_are_inclusive_on_the_green_side_and_strict_on_the_red() {
    use Status::{Amber, Green, Red};
    let cases = [
        // metric, day, [(value, status)]
        ("activeUsageRate", 30, vec![(0.70, Green), (0.6999, Amber), (0.50, Amber), (0.4999, Red)]),
        ("weeklyActiveRate", 30, vec![(0.40, Green), (0.3999, Amber), (0.25, Amber), (0.2499, Red)]),
        ("completionRate", 0, vec![(0.85, Green), (0.8499, Amber), (0.75, Amber), (0.7499, Red)]),
        ("sessionsPerActiveUserWeek", 30, vec![(5.0, Green), (4.99, Amber), (0.0, Amber)]),
        ("avgSessionMinutes", 30, vec![(8.0, Green), (7.99, Amber)]),
        ("week4RetentionOfWeek1", 28, vec![(0.70, Green), (0.69, Amber)]),
        ("hoursSavedPerWeek", 30, vec![(3.0, Green), (2.99, Amber), (2.0, Amber), (1.99, Red)]),
        ("hoursSavedPerWeek", 90, vec![(5.0, Green), (4.99, Amber), (3.0, Amber), (2.99, Red)]),
        ("dailyWorkflowShare", 90, vec![(0.50, Green), (0.49, Amber)]),
        ("satisfaction", 90, vec![(3.8, Green), (3.79, Amber)]),
        ("reviewedBeforeUse", 30, vec![(0.90, Green), (0.8999, Amber), (0.80, Amber), (0.7999, Red)]),
        ("qualityEqualOrBetter", 90, vec![(0.85, Green), (0.8499, Red)]),
    ];
    for (metric, day, expectations) in cases {
        for (value, expected) in expectations {
            assert_eq!(status_of(metric, value, day), expected, "{metric} = {value} at day {day}");
        }
    }
}

#[test]
fn metrics_before_their_day_are_shown_but_not_judged() {
    assert_eq!(status_of("activeUsageRate", 0.1, 29), Status::NotYetJudged);
    assert_eq!(status_of("week4RetentionOfWeek1", 0.1, 27), Status::NotYetJudged);
    assert_eq!(status_of("satisfaction", 1.0, 89), Status::NotYetJudged);
    let a = assess(&json!({ "version": 1, "checkpointDay": 7, "metrics": { "activeUsageRate": 0.1 } }));
    assert_eq!(a.metrics.active_usage_rate.value, Some(0.1));
    assert!(a.flags.is_empty(), "nothing is flagged before its day");
    assert_eq!(a.metrics.satisfaction.status, Status::Unknown);
}

#[test]
fn hours_saved_uses_the_latest_row_not_after_the_checkpoint() {
    // 2.5 h: below the Day-30 green line (3), not red; at Day 90 it is under the red line (3).
    let targets: Vec<(u32, Status, f64)> = [29, 30, 89, 90]
        .into_iter()
        .map(|day| {
            let a = assess(&json!({ "version": 1, "checkpointDay": day, "metrics": { "hoursSavedPerWeek": 2.5 } }));
            (day, a.metrics.hours_saved_per_week.status, a.metrics.hours_saved_per_week.target)
        })
        .collect();
    assert_eq!(
        targets,
        [(29, Status::NotYetJudged, 3.0), (30, Status::Amber, 3.0), (89, Status::Amber, 3.0), (90, Status::Red, 5.0)]
    );
}

#[test]
fn completion_without_use_means_the_content_is_not_connecting() {
    let a = assess(
        &json!({ "version": 1, "checkpointDay": 30, "metrics": { "completionRate": 0.85, "activeUsageRate": 0.45 } }),
    );
    let ids: Vec<&str> = a.flags.iter().map(|f| f.rule_id).collect();
    assert_eq!(ids, ["active-usage", "content-not-connecting"]);
    assert_eq!(a.metrics.active_usage_rate.rule_ids, ["active-usage", "content-not-connecting"]);
    // 84.99% completion: only the usage flag (and completion amber).
    let a = assess(
        &json!({ "version": 1, "checkpointDay": 30, "metrics": { "completionRate": 0.8499, "activeUsageRate": 0.45 } }),
    );
    assert!(a.flags.iter().all(|f| f.rule_id != "content-not-connecting"));
}

#[test]
fn few_sessions_with_healthy_weekly_use_means_mismatched_use_cases() {
    let flag = |wau: f64| {
        let a = assess(
            &json!({ "version": 1, "checkpointDay": 30, "metrics": { "sessionsPerActiveUserWeek": 3, "weeklyActiveRate": wau } }),
        );
        a.flags.iter().find(|f| f.metric == "sessionsPerActiveUserWeek").map(|f| f.rule_id)
    };
    assert_eq!(flag(0.40), Some("use-cases-mismatched"));
    assert_eq!(flag(0.39), Some("sessions-per-user"));
}

#[test]
fn department_adoption_rate_counts_departments_at_half_active() {
    let departments: Vec<Value> = [("Legal", 0.5), ("Sales", 0.7), ("Finance", 0.2), ("Ops", 0.45), ("IT", 0.9)]
        .into_iter()
        .map(|(name, wau)| json!({ "name": name, "metrics": { "weeklyActiveRate": wau } }))
        .collect();
    let a = assess(&json!({ "version": 1, "checkpointDay": 30, "departments": departments }));
    // 3 of 5 at or above 0.50: 0.6, exactly the green line.
    assert_eq!(a.metrics.department_adoption_rate.value, Some(0.6));
    assert_eq!(a.metrics.department_adoption_rate.status, Status::Green);
    assert_eq!(a.departments_below_adoption, ["Finance", "Ops"]);

    let two_of_five: Vec<Value> = [0.5, 0.7, 0.2, 0.45, 0.1]
        .iter()
        .enumerate()
        .map(|(i, wau)| json!({ "name": format!("D{i}"), "metrics": { "weeklyActiveRate": wau } }))
        .collect();
    let a = assess(&json!({ "version": 1, "checkpointDay": 30, "departments": two_of_five }));
    let flag = a.flags.iter().find(|f| f.rule_id == "department-adoption").expect("flagged at 0.4");
    assert!(flag.diagnosis.ends_with("Below 50%: D2, D3, D4."), "{}", flag.diagnosis);
}

#[test]
fn departments_are_judged_and_compared_with_their_band_from_day_90() {
    let document = json!({ "version": 1, "checkpointDay": 90, "departments": [
        { "name": "Legal", "benchmark": "legal", "metrics": { "activeUsageRate": 0.60, "hoursSavedPerWeek": 5.5 } },
        { "name": "HR", "benchmark": null, "metrics": { "activeUsageRate": 0.40 } }
    ]});
    let a = assess(&document);
    let legal = &a.departments[0];
    let check = legal.benchmark.as_ref().expect("legal has a band");
    assert_eq!(check.active_rate.map(|c| (c.low, c.high)), Some((0.65, 0.80)));
    assert_eq!(serde_json::to_value(check.active_rate).unwrap()["status"], "below");
    assert_eq!(serde_json::to_value(check.hours_saved_per_week).unwrap()["status"], "within");
    assert!(a.departments[1].benchmark.is_none());
    let about_legal: Vec<(&str, &str)> =
        a.flags.iter().filter(|f| f.department.as_deref() == Some("Legal")).map(|f| (f.rule_id, f.metric)).collect();
    // 0.60 < 0.70 (amber), 5.5 h ≥ 5 (green), 0.60 below the legal band 0.65–0.80.
    assert_eq!(about_legal, [("active-usage", "activeUsageRate"), ("below-benchmark", "activeUsageRate")]);
    // Before day 90 there is no band comparison.
    let mut early = document.clone();
    early["checkpointDay"] = json!(30);
    assert!(assess(&early).departments[0].benchmark.is_none());
}

#[test]
fn flags_are_red_first_then_in_table_order() {
    let a = assess(&json!({ "version": 1, "checkpointDay": 30, "metrics": {
        "activeUsageRate": 0.6, "weeklyActiveRate": 0.2, "completionRate": 0.7, "reviewedBeforeUse": 0.85
    }}));
    let order: Vec<(Severity, &str)> = a.flags.iter().map(|f| (f.severity, f.rule_id)).collect();
    assert_eq!(
        order,
        [
            (Severity::Red, "weekly-active"),
            (Severity::Red, "completion"),
            (Severity::Amber, "active-usage"),
            (Severity::Amber, "review-rate")
        ]
    );
}

#[test]
fn the_scorecard_totals_hours_over_active_users() {
    let a = assess(&json!({ "version": 1, "checkpointDay": 90, "people": 200, "licensedSeats": 250,
        "metrics": { "activeUsageRate": 0.75, "weeklyActiveRate": 0.6, "hoursSavedPerWeek": 4, "week4RetentionOfWeek1": 0.8 } }));
    // 0.75 × 200 = 150 active users × 4 h = 600 h a week.
    assert_eq!(a.scorecard.hours_saved_per_week_total, Some(600.0));
    assert_eq!(a.scorecard.weekly_active_rate, Some(0.6));
    assert_eq!(a.scorecard.retention, Some(0.8));
    // Without people, weekly active × seats: 0.6 × 250 = 150 × 4.
    let a = assess(
        &json!({ "version": 1, "checkpointDay": 90, "licensedSeats": 250, "metrics": { "weeklyActiveRate": 0.6, "hoursSavedPerWeek": 4 } }),
    );
    assert_eq!(a.scorecard.hours_saved_per_week_total, Some(600.0));
}

#[test]
fn the_serialized_shape_is_camel_case_with_nulls_for_unknowns() {
    let a = assess(&json!({ "version": 1, "checkpointDay": 30, "metrics": { "activeUsageRate": 0.45 } }));
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(
        v["metrics"]["activeUsageRate"],
        json!({ "value": 0.45, "target": 0.7, "status": "red", "ruleIds": ["active-usage"] })
    );
    assert_eq!(
        v["metrics"]["satisfaction"],
        json!({ "value": null, "target": 3.8, "status": "unknown", "ruleIds": ["satisfaction"] })
    );
    assert_eq!(v["flags"][0]["severity"], "red");
    assert!(v["flags"][0].get("department").is_none());
    assert_eq!(v["scorecard"]["hoursSavedPerWeekTotal"], Value::Null);
}

#[test]
fn invalid_documents_report_every_problem() {
    let document = json!({ "version": 2, "checkpointDay": -1, "extra": true,
        "metrics": { "activeUsageRate": 1.5, "satisfaction": "NaN", "wau": 0.3 },
        "departments": [ { "name": "", "metrics": { "hoursSavedPerWeek": 100 } }, { "name": "X", "benchmark": "astrology" } ] });
    let errors = assess_json(&document, &BenchmarkTable::default()).expect_err("invalid");
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "extra",
            "version",
            "checkpointDay",
            "metrics.wau",
            "metrics.activeUsageRate",
            "metrics.satisfaction",
            "departments[0].name",
            "departments[0].metrics.hoursSavedPerWeek",
            "departments[1].benchmark"
        ]
    );
    let unknown = assess_json(
        &json!({ "version": 1, "checkpointDay": 90, "departments": [ { "name": "X", "benchmark": "astrology" } ] }),
        &BenchmarkTable::default(),
    );
    assert_eq!(unknown.expect_err("unknown key")[0].path, "departments[0].benchmark");
    assert_eq!(
        assess_json(&json!({ "version": 1 }), &BenchmarkTable::default()).expect_err("no day")[0].path,
        "checkpointDay"
    );
}
