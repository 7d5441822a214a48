//! The exports people really have (docs/model.md#export-shapes), each recognised from its header or
//! its JSON, named, and measured by hand below: Claude Code analytics as the Admin API's pages, as
//! NDJSON and flattened to CSV (rows of one person and day adding up, an address in other case, API
//! keys counted and left out), a weekly engagement export, Microsoft 365 and GitHub Copilot
//! snapshots, a learning system's completion report with day-first dates, and a file whose dates
//! do not say their order, which asks. The files are in `tests/fixtures/import/shapes/`.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::BenchmarkTable;
use roi_core::import::{Dataset, DateOrder, FileKind, FileSummary, ImportOptions, Imported};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/import/shapes/", $name))
    };
}

/// Ana completed 2025-03-03, Ben 2025-03-14 (this decides the file is day first), Cy did not (so
/// counts from the earliest, 03-03), Dee 03-04; no department column, so everyone is "All staff".
const LMS: &str = fixture!("lms-roster.csv");
const PAGE_1: &str = fixture!("claude-code-page-1.json");
const PAGE_2: &str = fixture!("claude-code-page-2.json");

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got nothing"));
    assert!((actual - expected).abs() <= 1e-9, "expected {expected}, got {actual}");
}

fn read(data: &mut Dataset, text: &str) -> FileSummary {
    data.read(None, text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn measure(data: &Dataset, day: u32) -> Imported {
    // Privacy off (threshold 1): these hand-checked files have a handful of people.
    let options = ImportOptions { checkpoint_day: day, min_group_size: Some(1), ..ImportOptions::default() };
    data.measure(&options, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn not_measured(summary: &FileSummary) -> Vec<&str> {
    summary.not_measured.iter().map(|n| n.metric.as_str()).collect()
}

/// The Claude Code metrics at day 7, whichever file they came from. Windows (days 1–7): Ana
/// 03-04…03-10, Ben 03-15…03-21, Cy 03-04…03-10, Dee 03-05…03-11; the last date is 03-21, so all four
/// reached it. Window sessions: Ana 2 + 1 on 03-04 (two terminals; one address in capitals) = 3, Ben
/// 4 + 1 = 5, Cy 1, Dee 0 + 2 = 2. The API key's 9 + 5 sessions and zed (not in the roster) are not used.
fn check_claude_code(out: &Imported) {
    let m = &out.measurements.metrics;
    assert_eq!(out.measurements.people, Some(4));
    close(m.completion_rate, 3.0 / 4.0);
    // Completed with ≥ 3 sessions: Ana (3) and Ben (5) of Ana, Ben, Dee.
    close(m.active_usage_rate, 2.0 / 3.0);
    // Everyone is licensed by default and all four had a session.
    close(m.weekly_active_rate, 1.0);
    // (3 + 5 + 1 + 2) / 4.
    close(m.sessions_per_active_user_week, 11.0 / 4.0);
    assert_eq!(m.avg_session_minutes, None, "Claude Code analytics has no minutes");
    assert_eq!(m.week4_retention_of_week1, None, "no one's day 28 (03-31 at the earliest) is in the data");
    assert_eq!((out.import_report.unknown_users, out.import_report.unknown_user_rows), (1, 1));
    assert!(out.import_report.notes.iter().any(|n| n == "2 rows of 1 API key (not people) were counted and not used."));
    assert_eq!(out.departments.len(), 1);
    assert_eq!(out.departments[0].name, "All staff");
    let reasons: Vec<(&str, &str)> =
        out.import_report.not_measured.iter().map(|n| (n.metric.as_str(), n.reason.as_str())).collect();
    assert_eq!(reasons, [("avgSessionMinutes", "this export counts sessions, not their minutes")]);
}

#[test]
fn a_learning_system_report_is_a_roster_with_day_first_dates() {
    let mut data = Dataset::default();
    let summary = read(&mut data, LMS);
    assert_eq!((summary.kind, summary.shape.as_str()), (FileKind::Roster, "Learning-system completion report"));
    assert_eq!((summary.rows, summary.skipped), (4, 0));
}

#[test]
fn admin_api_pages_add_up_and_api_keys_are_left_out() {
    let mut data = Dataset::default();
    read(&mut data, LMS);
    let first = read(&mut data, PAGE_1);
    assert_eq!((first.kind, first.shape.as_str()), (FileKind::Activity, "Claude Code analytics (Admin API JSON)"));
    assert_eq!((first.rows, first.skipped), (5, 0));
    assert_eq!(not_measured(&first), ["avgSessionMinutes"]);
    assert!(first.notes.iter().any(|n| n.contains("has_more is true")), "{:?}", first.notes);
    let second = read(&mut data, PAGE_2);
    assert!(
        second.notes.iter().any(|n| n == "Added to the pages read before: 2 pages, 10 rows in all."),
        "{:?}",
        second.notes
    );
    let again = data.read(None, PAGE_2.as_bytes()).expect_err("the same page twice");
    assert_eq!(again.message, "is a page already imported; it was not added again");
    let out = measure(&data, 7);
    assert_eq!(out.import_report.dates, ["2025-03-04".to_owned(), "2025-03-21".to_owned()]);
    check_claude_code(&out);
}

#[test]
fn ndjson_and_the_csv_flattening_give_the_same_figures() {
    for (text, shape) in [
        (fixture!("claude-code.ndjson"), "Claude Code analytics (NDJSON)"),
        (fixture!("claude-code.csv"), "Claude Code analytics (CSV)"),
    ] {
        let mut data = Dataset::default();
        read(&mut data, LMS);
        let summary = read(&mut data, text);
        assert_eq!((summary.shape.as_str(), summary.rows, summary.skipped), (shape, 10, 0));
        check_claude_code(&measure(&data, 7));
    }
}

#[test]
fn malformed_json_names_its_line_and_column_and_loses_nothing() {
    let mut data = Dataset::default();
    read(&mut data, LMS);
    read(&mut data, PAGE_1);
    let broken = "{\n  \"data\": [\n    { \"date\": \"2025-03-04\", \"actor\": }\n  ]\n}\n";
    let problem = data.read(None, broken.as_bytes()).expect_err("malformed");
    // Line 3 is `    { "date": "2025-03-04", "actor": }`: the `}` where a value belongs is its 38th character.
    assert_eq!(problem.message, "is not valid JSON: expected value at line 3, column 38");
    assert_eq!(data.kinds(), [FileKind::Roster, FileKind::Activity], "what was read before stays");
    let cut = data.read(None, &PAGE_2.as_bytes()[..100]).expect_err("cut short");
    assert!(cut.message.starts_with("is not valid JSON: EOF while parsing"), "{}", cut.message);
    let not_a_report = data.read(None, "[1, 2]".as_bytes()).expect_err("numbers");
    assert_eq!(
        not_a_report.message,
        "has no usable row: all 2 were skipped (the first reasons are listed with their lines)"
    );
    // A record of the wrong shape is a skipped row, not the end of the file.
    let odd = r#"{"date":"2025-03-04","actor":{"type":"user_actor","email_address":"ana@example.com"},"core_metrics":{"num_sessions":"3"}}
{"date":"2025-03-05","actor":{"type":"user_actor","email_address":"ana@example.com"},"core_metrics":{"num_sessions":3}}"#;
    let summary = read(&mut data, odd);
    assert_eq!((summary.rows, summary.skipped), (2, 1));
}

/// The lines and reasons of the activity file's skipped rows, as the report lists them.
fn skipped_lines(data: &Dataset) -> Vec<(u64, String)> {
    let out = measure(data, 7);
    let listed = out.import_report.problems.iter().filter(|p| p.file == FileKind::Activity);
    listed.map(|p| (p.line, p.message.clone())).collect()
}

#[test]
fn a_skipped_json_record_names_its_own_line_in_ndjson_and_in_a_pretty_printed_page() {
    let good = r#"{"date":"2025-03-04","actor":{"type":"user_actor","email_address":"ana@example.com"},"core_metrics":{"num_sessions":3}}"#;
    let bad = r#"{"date":"2025-03-05","actor":{"type":"user_actor","email_address":"ana@example.com"},"core_metrics":{"num_sessions":-2}}"#;
    let why = "has core_metrics.num_sessions that is not a whole number from 0 to 1,000".to_owned();
    // NDJSON, a blank line and a bad record on line 4.
    let lines = format!("{good}\n{good}\n\n{bad}\n{good}\n");
    let mut data = Dataset::default();
    read(&mut data, LMS);
    assert_eq!(read(&mut data, &lines).rows, 4);
    assert_eq!(skipped_lines(&data), [(4, why.clone())]);
    // The same records in a page pretty-printed over several lines: the bad one begins on line 5.
    let page = format!(
        "{{\n  \"data\": [\n    {good},\n    {good},\n    {bad},\n    {good}\n  ],\n  \"has_more\": false\n}}\n"
    );
    let mut data = Dataset::default();
    read(&mut data, LMS);
    let summary = read(&mut data, &page);
    assert_eq!(
        (summary.shape.as_str(), summary.rows, summary.skipped),
        ("Claude Code analytics (Admin API JSON)", 4, 1)
    );
    assert_eq!(skipped_lines(&data), [(5, why)]);
}

#[test]
fn a_page_whose_first_line_holds_records_and_goes_on_counts_each_record_once() {
    // The first line opens the page and holds two records, then the value goes on: the line is not
    // whole JSON, so the rest is read whole, and the two records are not taken a second time.
    let record = |day: u32, sessions: u32| {
        format!(
            r#"{{"date":"2025-03-{day:02}","actor":{{"type":"user_actor","email_address":"ana@example.com"}},"core_metrics":{{"num_sessions":{sessions}}}}}"#
        )
    };
    let page = format!("{{\"data\":[{},{},\n{}]}}\n", record(4, 1), record(5, 2), record(6, 4));
    let mut data = Dataset::default();
    read(&mut data, LMS);
    let summary = read(&mut data, &page);
    assert_eq!((summary.rows, summary.skipped), (3, 0));
    let out = measure(&data, 7);
    assert_eq!(out.import_report.dates, ["2025-03-04".to_owned(), "2025-03-06".to_owned()]);
}

#[test]
fn a_weekly_engagement_export_gives_the_weekly_active_rate_only() {
    let mut data = Dataset::default();
    read(&mut data, LMS);
    let summary = read(&mut data, fixture!("engagement-weekly.csv"));
    assert_eq!(summary.shape, "Weekly engagement export");
    assert_eq!(
        not_measured(&summary),
        ["activeUsageRate", "sessionsPerActiveUserWeek", "avgSessionMinutes", "week4RetentionOfWeek1"]
    );
    assert_eq!(summary.not_measured[0].reason, "this export counts messages per period, not sessions");
    let out = measure(&data, 7);
    let m = &out.measurements.metrics;
    // Day 7 falls in 03-10…03-16 for Ana (03-10), Cy (03-10) and Dee (03-11), in 03-17…03-23 for Ben
    // (03-21). Active there: Ana and Dee (written DEE@…); Cy was not, Ben not in his week.
    close(m.weekly_active_rate, 2.0 / 4.0);
    close(m.completion_rate, 3.0 / 4.0);
    assert_eq!((m.active_usage_rate, m.sessions_per_active_user_week, m.avg_session_minutes), (None, None, None));
    assert!(out.trend.iter().all(|w| w.sessions_per_active_user.is_none()));
    // Trend: the week ending 03-23 has no one active (Ben false); the week ending 03-16 has Ana, Ben
    // and Dee of four licensed people.
    let last_two: Vec<Option<f64>> = out.trend.iter().rev().take(2).map(|w| w.weekly_active_rate).collect();
    assert_eq!(last_two, [Some(0.0), Some(0.75)]);
}

#[test]
fn a_monthly_engagement_export_cannot_give_the_weekly_active_rate() {
    let mut data = Dataset::default();
    read(&mut data, LMS);
    let monthly = "period_start,period_end,email,is_active\n2025-03-01,2025-03-31,ana@example.com,true\n";
    let summary = read(&mut data, monthly);
    assert_eq!(summary.shape, "Monthly engagement export");
    assert_eq!(summary.not_measured[0].metric, "weeklyActiveRate");
    let out = measure(&data, 7);
    assert_eq!(out.measurements.metrics.weekly_active_rate, None);
}

#[test]
fn a_microsoft_365_copilot_snapshot_measures_the_week_ending_on_its_report_date() {
    let mut data = Dataset::default();
    read(&mut data, LMS);
    let summary = read(&mut data, fixture!("m365-copilot.csv"));
    assert_eq!(summary.shape, "Microsoft 365 Copilot usage (snapshot)");
    assert_eq!(
        not_measured(&summary),
        ["activeUsageRate", "sessionsPerActiveUserWeek", "avgSessionMinutes", "week4RetentionOfWeek1"]
    );
    // R = 2025-03-21, so R − 6 … R is 03-15…03-21: Ana (03-20) and Dee (03-15, the first day) were
    // active; Ben (03-14) was not, Cy never. 2 of 4 licensed people, whatever the checkpoint.
    for day in [7, 90] {
        let out = measure(&data, day);
        close(out.measurements.metrics.weekly_active_rate, 2.0 / 4.0);
        assert_eq!(out.measurements.people, Some(4));
        assert_eq!(out.trend.len(), 1, "a snapshot shows its own week only");
    }
}

#[test]
fn a_github_copilot_snapshot_matches_people_by_login() {
    let mut data = Dataset::default();
    read(&mut data, fixture!("roster-with-logins.csv"));
    let summary = read(&mut data, fixture!("github-copilot.csv"));
    assert_eq!(summary.shape, "GitHub Copilot activity (snapshot)");
    let out = measure(&data, 30);
    // R = 2025-03-21 (Report Time, UTC): only ana-s (03-21) is active in 03-15…03-21; benok's last
    // activity was 03-10 and cyng's is None.
    close(out.measurements.metrics.weekly_active_rate, 1.0 / 3.0);
    assert_eq!(out.import_report.unknown_users, 0, "logins find their people");
    let engineering = out.departments.iter().find(|d| d.name == "Engineering").expect("Engineering");
    close(engineering.metrics.weekly_active_rate, 1.0 / 2.0);
}

#[test]
fn dates_whose_order_the_file_does_not_decide_are_asked() {
    let mut data = Dataset::default();
    let problem = data.read(None, fixture!("ambiguous-roster.csv").as_bytes()).expect_err("asks");
    assert!(problem.asks_date_order);
    let error = problem.into_field_error(Some("completions.csv"));
    assert_eq!(error.path, "roster");
    assert_eq!(
        error.message,
        "The roster file \"completions.csv\" writes its dates (column Course complete, such as \"03/04/25, 10:12\") in \
         an order its values do not decide: day first (2025-04-03) or month first (2025-03-04); choose the order \
         (dateOrder \"dmy\" or \"mdy\") and import it again"
    );
    assert!(data.kinds().is_empty(), "nothing kept until it is answered");
    data.set_date_order(Some(DateOrder::MonthFirst));
    read(&mut data, fixture!("ambiguous-roster.csv"));
    // Month first: Ana completed 2025-03-04, Ben 2025-05-06. Activity on Ana's day 1 only.
    read(&mut data, "date,user,sessions\n2025-03-05,ana@example.com,3\n2025-05-13,ben@example.com,0\n");
    let out = measure(&data, 7);
    close(out.measurements.metrics.active_usage_rate, 1.0 / 2.0);
    let options = ImportOptions::from_json(&serde_json::json!({ "dateOrder": "dmy" })).expect("valid");
    assert_eq!(options.date_order, Some(DateOrder::DayFirst));
    let problems = ImportOptions::from_json(&serde_json::json!({ "dateOrder": "ymd" })).expect_err("invalid");
    assert_eq!(problems[0].path, "dateOrder");
}

#[test]
fn the_generic_files_keep_their_names() {
    let mut data = Dataset::default();
    let roster = read(&mut data, include_str!("fixtures/import/roster.csv"));
    let activity = read(&mut data, include_str!("fixtures/import/activity.csv"));
    let survey = read(&mut data, include_str!("fixtures/import/survey.csv"));
    let shapes = [roster.shape.as_str(), activity.shape.as_str(), survey.shape.as_str()];
    assert_eq!(shapes, ["Roster (CSV)", "Usage per person per day (CSV)", "Pulse survey (CSV)"]);
    assert!(activity.not_measured.is_empty(), "this activity file has minutes");
}
