//! Claude Enterprise analytics per user (the Analytics API's `/v1/organizations/analytics/users`
//! rows, as its JSON pages and flattened to CSV) and departments joined from a people file onto a
//! learning system's roster that names none (docs/model.md#export-shapes, #people-file), measured by
//! hand below. The files are in `tests/fixtures/import/shapes/`.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::BenchmarkTable;
use roi_core::import::{Dataset, FileKind, FileSummary, ImportOptions, Imported};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/import/shapes/", $name))
    };
}

/// Ana completed 2025-03-03, Ben 03-14, Cy did not (counts from 03-03), Dee 03-04; no department.
const LMS: &str = fixture!("lms-roster.csv");
/// Ana and Cy in Sales, Ben (` BEN@Example.com `) in Engineering, Eve (not in the roster) in Finance;
/// Dee is not in it.
const PEOPLE: &str = fixture!("hr-people.csv");
/// Dated rows, 03-05 … 03-21: sessions = conversations + Claude Code sessions.
const USERS_CSV: &str = fixture!("claude-enterprise-users.csv");
/// One day's rows without a date (the API is asked for one day): Ana 1 + 2, Dee 2 + 0, Cy 0.
const USERS_JSON: &str = fixture!("claude-enterprise-users.json");
/// The same day's rows as a CSV without a date column, with underscores for the dots.
const DAY_CSV: &str = fixture!("claude-enterprise-day.csv");

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got nothing"));
    assert!((actual - expected).abs() <= 1e-9, "expected {expected}, got {actual}");
}

fn read(data: &mut Dataset, text: &str) -> FileSummary {
    data.read(None, text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn read_named(data: &mut Dataset, name: &str, text: &str) -> FileSummary {
    data.read_named(None, name, text.as_bytes(), 0).unwrap_or_else(|e| panic!("{e:?}"))
}

fn measure(data: &Dataset) -> Imported {
    // Privacy off (threshold 1): these hand-checked files have a handful of people.
    let options = ImportOptions { checkpoint_day: 7, min_group_size: Some(1), ..ImportOptions::default() };
    data.measure(&options, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn departments(out: &Imported) -> Vec<(&str, u64, Option<f64>)> {
    out.departments.iter().map(|d| (d.name.as_str(), d.people, d.metrics.weekly_active_rate)).collect()
}

/// Day 7 windows: Ana 03-04…03-10, Ben 03-15…03-21, Cy 03-04…03-10, Dee 03-05…03-11; the last date,
/// 03-21, is past all of them. From the CSV alone: Ana 2 + 1 (03-05) + 0 (03-06, in capitals, Claude
/// Code blank) = 3, Ben 3 + 2 + 1 = 6, Cy 1, Dee 0 (03-09; 03-21 is after her window); Eve is not in
/// the roster.
#[test]
fn enterprise_rows_add_conversations_and_claude_code_sessions() {
    let mut data = Dataset::default();
    read(&mut data, LMS);
    let summary = read(&mut data, USERS_CSV);
    assert_eq!(
        (summary.kind, summary.shape.as_str()),
        (FileKind::Activity, "Claude Enterprise analytics (per user, CSV)")
    );
    assert_eq!((summary.rows, summary.skipped), (8, 0));
    assert!(summary.notes.iter().any(|n| n.contains("chat conversations") && n.contains("distinct_session_count")));
    let reasons: Vec<&str> = summary.not_measured.iter().map(|n| n.metric.as_str()).collect();
    assert_eq!(reasons, ["avgSessionMinutes"]);
    let out = measure(&data);
    let m = &out.measurements.metrics;
    close(m.completion_rate, 3.0 / 4.0);
    // Completed (Ana, Ben, Dee) with ≥ 3 sessions: Ana 3, Ben 6.
    close(m.active_usage_rate, 2.0 / 3.0);
    // Ana, Ben and Cy of the four.
    close(m.weekly_active_rate, 3.0 / 4.0);
    close(m.sessions_per_active_user_week, (3.0 + 6.0 + 1.0) / 3.0);
    assert_eq!(m.avg_session_minutes, None);
    assert_eq!((out.import_report.unknown_users, out.import_report.unknown_user_rows), (1, 1));
    assert_eq!(departments(&out), [("All staff", 4, Some(0.75))]);
}

/// The people file joins Ana and Cy to Sales and Ben (another case, spaces) to Engineering; Dee is
/// not in it and stays in All staff; Eve's row is not in the roster. Either order of dropping.
#[test]
fn a_people_file_joins_departments_by_email_in_either_order() {
    for people_first in [true, false] {
        let mut data = Dataset::default();
        if people_first {
            let summary = read(&mut data, PEOPLE);
            assert_eq!(summary.shape, "People file (departments for the roster)");
            assert_eq!((summary.rows, summary.skipped), (4, 0));
            read(&mut data, LMS);
        } else {
            read(&mut data, LMS);
            read(&mut data, PEOPLE);
        }
        read(&mut data, USERS_CSV);
        let out = measure(&data);
        // Worst first: All staff (Dee, 0 sessions), then Engineering and Sales at 1.0, by name.
        assert_eq!(
            departments(&out),
            [("All staff", 1, Some(0.0)), ("Engineering", 1, Some(1.0)), ("Sales", 2, Some(1.0))]
        );
        let sales = out.departments.iter().find(|d| d.name == "Sales").expect("Sales");
        // Ana completed, Cy did not; Ana had 3 sessions.
        close(sales.metrics.completion_rate, 1.0 / 2.0);
        close(sales.metrics.active_usage_rate, 1.0);
        close(out.measurements.metrics.weekly_active_rate, 3.0 / 4.0);
        let notes = &out.import_report.notes;
        assert!(notes.iter().any(|n| n.contains("3 of 4 people in the roster found")), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("Not found in the people file") && n.contains("dee@example.com")));
        assert!(
            notes
                .iter()
                .any(|n| n.contains("1 row of the people file is not in the roster") && n.contains("eve@example.com"))
        );
        assert!(out.import_report.files.iter().any(|f| f.shape == "People file (departments for the roster)"));
    }
}

/// A roster's own department wins over the people file's.
#[test]
fn the_rosters_own_department_wins() {
    let roster =
        "user,department,completed_on\nana@example.com,Marketing,2025-03-03\nben@example.com,Engineering,2025-03-14\n";
    let mut data = Dataset::default();
    read(&mut data, roster);
    read(&mut data, PEOPLE);
    read(&mut data, USERS_CSV);
    let out = measure(&data);
    let names: Vec<&str> = departments(&out).iter().map(|d| d.0).collect();
    assert_eq!(names, ["Engineering", "Marketing"]);
    assert!(out.import_report.notes.iter().any(|n| n.contains("2 people have a department in the roster itself")));
}

/// The API's JSON of one day has no date in its rows: the file's name gives it (03-10), and the
/// day's page adds to the dated rows read before. Ana 3 + (1 + 2) = 6, Ben 6, Cy 1 + 0 = 1, Dee 0 +
/// (2 + 0) = 2: everyone is weekly active.
#[test]
fn a_day_without_a_date_is_the_day_of_the_files_name() {
    for (name, text, shape) in [
        ("claude-analytics-2025-03-10.json", USERS_JSON, "Claude Enterprise analytics (per user)"),
        ("claude-analytics-2025-03-10.csv", DAY_CSV, "Claude Enterprise analytics (per user, CSV)"),
    ] {
        let mut data = Dataset::default();
        read(&mut data, LMS);
        read(&mut data, PEOPLE);
        read(&mut data, USERS_CSV);
        let summary = read_named(&mut data, name, text);
        assert_eq!((summary.shape.as_str(), summary.rows), (shape, 3));
        assert!(
            summary.notes.iter().any(|n| n.contains("they are of 2025-03-10, the day in the file's name")),
            "{:?}",
            summary.notes
        );
        assert!(summary.notes.iter().any(|n| n.starts_with("Added to the pages read before")));
        let out = measure(&data);
        let m = &out.measurements.metrics;
        close(m.weekly_active_rate, 1.0);
        close(m.active_usage_rate, 2.0 / 3.0);
        close(m.sessions_per_active_user_week, (6.0 + 6.0 + 1.0 + 2.0) / 4.0);
        assert_eq!(departments(&out)[0], ("All staff", 1, Some(1.0)));
    }
}

/// Without a date in its rows or its name, the file's day cannot be known: it is refused as one that
/// asks for its day (not its dates' order, not its columns), saying to give it or rename the file.
#[test]
fn a_day_that_cannot_be_known_is_refused_asking_for_it() {
    for text in [USERS_JSON, DAY_CSV] {
        let mut data = Dataset::default();
        let problem = data.read_named(None, "export.json", text.as_bytes(), 0).expect_err("no day");
        assert!(problem.message.contains("its day could not be known"), "{}", problem.message);
        assert!(problem.message.contains("Say which day it covers"), "{}", problem.message);
        assert!(problem.message.contains("claude-analytics-2025-09-08"), "{}", problem.message);
        assert!(problem.asks_day && !problem.asks_date_order && !problem.unrecognised, "{problem:?}");
        assert!(data.kinds().is_empty());
    }
    // A file of dated rows never asks.
    let mut data = Dataset::default();
    read_named(&mut data, "export.csv", USERS_CSV);
}

/// The same undated day, named neutrally and read with the day the person gave (2025-03-10), measures
/// exactly as when its name gives that day: Ana 6, Ben 6, Cy 1, Dee 2 sessions in their first week, so
/// everyone is weekly active, Ana and Ben (of the three who completed) actively, at (6 + 6 + 1 + 2) / 4
/// sessions a week. Its note says where the day came from; what was read before is kept.
#[test]
fn a_day_given_for_an_undated_file_measures_as_its_name_would() {
    let day = roi_core::import::parse_date("2025-03-10").expect("a date");
    for (name, text) in [("claude-analytics-2025-03-10.json", USERS_JSON), ("claude-analytics-2025-03-10.csv", DAY_CSV)]
    {
        let mut named = Dataset::default();
        let mut given = Dataset::default();
        for data in [&mut named, &mut given] {
            read(data, LMS);
            read(data, PEOPLE);
            read(data, USERS_CSV);
        }
        read_named(&mut named, name, text);
        assert!(given.read_named(None, "export", text.as_bytes(), 0).expect_err("no day").asks_day);
        let summary = given.read_on_day(None, day, text.as_bytes(), 0).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(summary.rows, 3);
        assert!(
            summary
                .notes
                .iter()
                .any(|n| n == "Its rows have no date: they are of 2025-03-10, the day given for the file."),
            "{:?}",
            summary.notes
        );
        assert!(summary.notes.iter().any(|n| n.starts_with("Added to the pages read before: 2 pages, 11 rows")));
        let (named, given) = (measure(&named), measure(&given));
        assert_eq!(given.measurements, named.measurements);
        assert_eq!(given.departments, named.departments);
        let m = &given.measurements.metrics;
        close(m.weekly_active_rate, 1.0);
        close(m.active_usage_rate, 2.0 / 3.0);
        close(m.sessions_per_active_user_week, (6.0 + 6.0 + 1.0 + 2.0) / 4.0);
    }
}

/// Per-user daily NDJSON: the same day's rows one record a line — undated and named with the day, or
/// each with its own `date` — measure as the JSON page does.
#[test]
fn enterprise_rows_as_ndjson_measure_as_the_json_page() {
    let page: serde_json::Value = serde_json::from_str(USERS_JSON).unwrap_or_else(|e| panic!("{e}"));
    let rows = page["data"].as_array().cloned().unwrap_or_default();
    let lines = |dated: bool| -> String {
        rows.iter()
            .map(|row| {
                let mut row = row.clone();
                if dated {
                    row["date"] = serde_json::json!("2025-03-10T00:00:00Z");
                }
                format!("{row}\n")
            })
            .collect()
    };
    let run = |name: &str, text: &str| {
        let mut data = Dataset::default();
        read(&mut data, LMS);
        read(&mut data, PEOPLE);
        read(&mut data, USERS_CSV);
        let summary = read_named(&mut data, name, text);
        (summary, measure(&data))
    };
    let (_, expected) = run("claude-analytics-2025-03-10.json", USERS_JSON);
    for (name, text) in [("claude-analytics-2025-03-10.ndjson", lines(false)), ("users.ndjson", lines(true))] {
        let (summary, out) = run(name, &text);
        assert_eq!(summary.rows, 3, "{name}");
        assert_eq!(out.measurements, expected.measurements, "{name}");
        close(out.measurements.metrics.sessions_per_active_user_week, (6.0 + 6.0 + 1.0 + 2.0) / 4.0);
    }
}
