//! CSV import (SPEC 4) on small hand-made files whose every metric is computed by hand below: people
//! who never completed training, a person not yet at the checkpoint, users absent from the roster,
//! days with zero sessions, rows adding up for one person and day, a person listed in two
//! departments, bad rows with their lines — and the files people actually have: aliases, `;` and tab
//! delimiters, a byte-order mark, quoted fields with newlines, decimal commas, binary and non-UTF-8
//! files, wrong columns. The three small files are in `tests/fixtures/import/`, shared with the browser test.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::import::{Dataset, FileKind, ImportOptions, Imported, measure_from_csv};
use roi_core::{BenchmarkTable, FieldError};

/// Five people, two departments, two cohorts. Day 0 is each person's completion; dee never completed,
/// so counts from the earliest completion (2026-03-02); ana is listed again in Legal (line 7, skipped).
const ROSTER: &str = include_str!("fixtures/import/roster.csv");

/// Last date 2026-03-10. With checkpoint day 7 the windows are days 1–7: ana 03-03…03-09, ben
/// 03-04…03-10, cy and dee 03-03…03-09; eve's (03-05…03-11) ends after the data, so eve is left out.
const ACTIVITY: &str = include_str!("fixtures/import/activity.csv");

const SURVEY: &str = include_str!("fixtures/import/survey.csv");

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got nothing"));
    assert!((actual - expected).abs() <= 1e-9 * expected.abs().max(1.0), "expected {expected}, got {actual}");
}

/// Checkpoint day `n` with privacy off (threshold 1): these files have five people, and every formula
/// is checked on them by hand; small groups are hidden in tests/privacy.rs.
fn day(n: u32) -> ImportOptions {
    ImportOptions { checkpoint_day: n, min_group_size: Some(1), ..ImportOptions::default() }
}

fn import(roster: &str, activity: &str, survey: Option<&str>, n: u32) -> Imported {
    measure_from_csv(roster, activity, survey, &day(n), &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn error_of(roster: &str, activity: &str, survey: Option<&str>) -> Vec<FieldError> {
    match measure_from_csv(roster, activity, survey, &day(30), &BenchmarkTable::default()) {
        Ok(_) => panic!("the import should fail"),
        Err(problems) => problems,
    }
}

#[test]
fn organisation_metrics_at_day_7_by_hand() {
    let out = import(ROSTER, ACTIVITY, Some(SURVEY), 7);
    let m = &out.measurements.metrics;
    // Reached the checkpoint: ana, ben, cy, dee (eve's window ends 03-11). Completed: ana, ben, cy.
    assert_eq!(out.import_report.people_at_checkpoint, 4);
    assert_eq!(out.measurements.people, Some(4));
    close(m.completion_rate, 3.0 / 4.0);
    // Window sessions: ana 2 + 1 + 1 (two rows on 03-05 add up, whatever the case of the address) = 4;
    // ben 2 + 0 = 2 (one short); cy 5; dee 0 (03-02 is her day 0). Completed with ≥ 3: ana, cy of 3.
    close(m.active_usage_rate, 2.0 / 3.0);
    // Licensed and reached: ana, ben, dee (cy is unlicensed); with a session: ana, ben.
    close(m.weekly_active_rate, 2.0 / 3.0);
    // People with a session in their window: ana 4, ben 2, cy 5.
    close(m.sessions_per_active_user_week, 11.0 / 3.0);
    // Minutes 35 + 8 + 30 over 11 sessions.
    close(m.avg_session_minutes, 73.0 / 11.0);
    // No one's day 28 is inside the data.
    assert_eq!(m.week4_retention_of_week1, None);
    // Day-7 answers of roster people: ana, ben, cy (cy's second answer is skipped, zed is unknown,
    // dee answered at day 30, eve's row is bad). Hours (4 + 2) / 2 (cy left it blank).
    close(m.hours_saved_per_week, 3.0);
    close(m.daily_workflow_share, 2.0 / 3.0);
    close(m.satisfaction, 11.5 / 3.0);
    close(m.reviewed_before_use, 2.0 / 3.0);
    assert_eq!(m.quality_equal_or_better, None, "manager ratings are not in these files");
    assert_eq!(out.measurements.licensed_seats, Some(4));
}

#[test]
fn departments_by_hand_worst_first() {
    let out = import(ROSTER, ACTIVITY, Some(SURVEY), 7);
    let names: Vec<&str> = out.departments.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Legal", "Engineering"], "Legal's weekly active rate (0) is the worse");
    let legal = &out.departments[0];
    assert_eq!((legal.people, legal.licensed, legal.at_checkpoint), (3, 2, 2));
    close(legal.metrics.completion_rate, 0.5);
    close(legal.metrics.active_usage_rate, 1.0);
    close(legal.metrics.weekly_active_rate, 0.0);
    close(legal.metrics.sessions_per_active_user_week, 5.0);
    close(legal.metrics.avg_session_minutes, 6.0);
    assert_eq!(legal.metrics.hours_saved_per_week, None);
    close(legal.metrics.satisfaction, 3.0);
    let engineering = &out.departments[1];
    close(engineering.metrics.active_usage_rate, 0.5);
    close(engineering.metrics.weekly_active_rate, 1.0);
    close(engineering.metrics.sessions_per_active_user_week, 3.0);
    close(engineering.metrics.avg_session_minutes, 43.0 / 6.0);
    close(engineering.metrics.hours_saved_per_week, 3.0);
    close(engineering.metrics.satisfaction, 4.25);
    // The measurements document keeps roster order and names the benchmark rows the names match.
    let depts: Vec<(&str, Option<&str>)> =
        out.measurements.departments.iter().map(|d| (d.name.as_str(), d.benchmark.as_deref())).collect();
    assert_eq!(depts, [("Engineering", Some("engineering")), ("Legal", Some("legal"))]);
}

#[test]
fn the_report_counts_and_lists_every_bad_row_and_unknown_user() {
    let out = import(ROSTER, ACTIVITY, Some(SURVEY), 7);
    let r = &out.import_report;
    assert_eq!(r.rows_read, 6 + 11 + 7);
    assert_eq!(r.rows_skipped, 1 + 2 + 2);
    assert_eq!((r.unknown_users, r.unknown_user_rows), (1, 1), "zed, in the activity and the survey");
    let listed: Vec<(FileKind, u64)> = r.problems.iter().map(|p| (p.file, p.line)).collect();
    assert_eq!(
        listed,
        [
            (FileKind::Roster, 7),
            (FileKind::Activity, 7),
            (FileKind::Activity, 8),
            (FileKind::Survey, 5),
            (FileKind::Survey, 8)
        ]
    );
    assert_eq!(r.problems[0].message, "lists ana@x.com again (first on line 2); only the first is used");
    assert_eq!(r.problems[1].message, "has date \"2026-02-30\"; it must be an ISO date such as 2026-03-02");
    assert_eq!(r.problems[2].message, "has sessions \"-1\"; it must be a whole number from 0 to 1,000");
    assert!(r.problems[3].message.starts_with("is a second answer of cy@x.com for day 7 (first on line 4)"));
    assert_eq!(r.problems[4].message, "has hours_saved \"abc\"; it must be a number of hours from 0 to 80");
    assert_eq!(r.dates, ["2026-03-02", "2026-03-10"]);
    assert_eq!(
        r.notes,
        ["1 of 5 people have not reached day 7 inside the activity data and are left out of every rate."]
    );
}

#[test]
fn the_trend_is_13_calendar_weeks_ending_on_the_last_date_by_hand() {
    let out = import(ROSTER, ACTIVITY, Some(SURVEY), 7);
    // Only two weeks end on or after the first date (03-02): 02-25…03-03 and 03-04…03-10.
    let weeks: Vec<(&str, &str)> = out.trend.iter().map(|w| (w.start.as_str(), w.end.as_str())).collect();
    assert_eq!(weeks, [("2026-02-25", "2026-03-03"), ("2026-03-04", "2026-03-10")]);
    // Licensed people: ana, ben, dee, eve. Week 1: ana (2) and dee (3) active.
    close(out.trend[0].weekly_active_rate, 2.0 / 4.0);
    close(out.trend[0].sessions_per_active_user, 5.0 / 2.0);
    assert_eq!(out.trend[0].satisfaction, None);
    // Week 2: ana 2, ben 2 (his 0-session day does not count), cy 5, eve 2; licensed of them: 3.
    close(out.trend[1].weekly_active_rate, 3.0 / 4.0);
    close(out.trend[1].sessions_per_active_user, 11.0 / 4.0);
    // Answers dated in it: ana 03-09 (4.5), ben 03-10 (4), cy 03-09 (3).
    close(out.trend[1].satisfaction, 11.5 / 3.0);
}

#[test]
fn task_categories_match_whatever_their_case() {
    let out = import(ROSTER, ACTIVITY, Some(SURVEY), 7);
    let tasks: Vec<(&str, u64)> = out.task_categories.iter().map(|t| (t.category.as_str(), t.answers)).collect();
    assert_eq!(tasks, [("code", 2), ("drafting", 1), ("research", 1)]);
    close(Some(out.task_categories[0].share), 2.0 / 3.0);
}

#[test]
fn where_the_saved_time_went_is_each_categorys_share_of_the_answers_naming_any() {
    // Four day-7 answers of roster people; dee's names nothing, so three answers name a category.
    let survey = "user,day,satisfaction,Saved time used for\n\
                  ana@x.com,7,4,customer work; learning\n\
                  ben@x.com,7,4,Learning\n\
                  cy@x.com,7,3,admin\n\
                  dee@x.com,7,5,\n\
                  ana@x.com,30,4,admin\n";
    let out = import(ROSTER, ACTIVITY, Some(survey), 7);
    let spent: Vec<(&str, u64)> = out.time_reinvested.iter().map(|t| (t.category.as_str(), t.answers)).collect();
    // Most named first (the case of the first writing is kept), then by name; day 30 is not the checkpoint.
    assert_eq!(spent, [("learning", 2), ("admin", 1), ("customer work", 1)]);
    close(Some(out.time_reinvested[0].share), 2.0 / 3.0);
    close(Some(out.time_reinvested[1].share), 1.0 / 3.0);
    close(Some(out.time_reinvested[2].share), 1.0 / 3.0);
    assert!(out.task_categories.is_empty(), "no tasks column");
    // Without the column there is nothing to show.
    assert!(import(ROSTER, ACTIVITY, Some(SURVEY), 7).time_reinvested.is_empty());
}

#[test]
fn a_later_cohort_is_the_control_of_the_first() {
    let out = import(ROSTER, ACTIVITY, Some(SURVEY), 7);
    let c = out.cohorts.expect("Wave 2 had not been trained during Wave 1's first week");
    assert_eq!(c.window, ["2026-03-03", "2026-03-09"]);
    assert_eq!((c.treated.cohort.as_str(), c.treated.people), ("Wave 1", 3));
    close(c.treated.active_usage_rate, 2.0 / 3.0);
    close(c.treated.hours_saved_per_week, 3.0);
    // dee had no session in 03-03…03-09 and no day-7 answer.
    assert_eq!((c.control.cohort.as_str(), c.control.people), ("Wave 2", 1));
    close(c.control.active_usage_rate, 0.0);
    assert_eq!(c.control.hours_saved_per_week, None);
    close(c.active_usage_difference, 2.0 / 3.0);
    assert_eq!(c.hours_saved_difference, None);
    // Without the control's hours, attribution = 1 − control active ÷ treated active.
    close(c.attribution, 1.0);
}

#[test]
fn control_hours_give_the_attribution_of_benefit() {
    // Two cohorts of two; Wave 2 trains on 04-20, long after Wave 1's day 7.
    let roster =
        "user,department,completed_on,cohort\na,Ops,2026-03-02,W1\nb,Ops,2026-03-02,W1\nc,Ops,,W2\nd,Ops,,W2\n";
    let activity = "date,user,sessions\n2026-03-03,a,3\n2026-03-04,b,4\n2026-03-05,c,3\n2026-03-20,d,1\n";
    let survey = "user,day,hours_saved\na,7,6\nb,7,4\nc,7,2\nd,7,0\n";
    let c = import(roster, activity, Some(survey), 7).cohorts.expect("a control");
    // Treated: both active, 5 h. Control: c active (3 sessions in 03-03…03-09), d not; 1 h.
    close(c.treated.active_usage_rate, 1.0);
    close(c.control.active_usage_rate, 0.5);
    close(c.hours_saved_difference, 4.0);
    // 1 − (0.5 × 1) ÷ (1 × 5) = 0.9.
    close(c.attribution, 0.9);
}

#[test]
fn retention_is_of_week_1_users_among_those_whose_day_28_is_in_the_data() {
    let roster =
        "user,department,completed_on\na,Ops,2026-03-01\nb,Ops,2026-03-01\nc,Ops,2026-03-01\nd,Ops,2026-03-20\n";
    // Day 1–7 = 03-02…03-08, day 22–28 = 03-23…03-29. a: both; b: week 1 only; c: week 4 only;
    // d's day 28 (04-17) is after the last date, so d is not counted.
    let activity = "date,user,sessions\n2026-03-02,a,1\n2026-03-25,a,2\n2026-03-08,b,1\n2026-03-29,c,1\n2026-03-21,d,1\n2026-03-30,a,0\n";
    let out = import(roster, activity, None, 28);
    close(out.measurements.metrics.week4_retention_of_week1, 1.0 / 2.0);
}

#[test]
fn aliases_semicolons_a_bom_quotes_and_decimal_commas_are_read() {
    let roster = "\u{feff}Email;Team;Completion Date\n\"Smith, Jo\";\"Legal\nand Compliance\";2026-03-02\n";
    let activity = "DAY\tUser_Email\tnum_sessions\tSession Minutes\n2026-03-09T10:00:00Z\t smith, jo \t3\t7,5\n";
    let survey = "actor;survey_day;hours_saved_per_week;satisfaction\nSMITH, JO;7;2,5;4\n";
    let out = import(roster, activity, Some(survey), 7);
    assert_eq!(out.departments[0].name, "Legal\nand Compliance", "a quoted field keeps its newline");
    let m = &out.measurements.metrics;
    close(m.active_usage_rate, 1.0);
    close(m.avg_session_minutes, 2.5);
    close(m.hours_saved_per_week, 2.5);
    close(m.satisfaction, 4.0);
    assert_eq!(out.import_report.rows_skipped, 0);
}

#[test]
fn files_are_recognised_from_their_headers() {
    let mut data = Dataset::default();
    for text in [SURVEY, ACTIVITY, ROSTER] {
        data.read(None, text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    }
    assert_eq!(data.kinds(), [FileKind::Roster, FileKind::Activity, FileKind::Survey]);
    let out = data.measure(&day(7), &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"));
    close(out.measurements.metrics.active_usage_rate, 2.0 / 3.0);
    // A new checkpoint needs no new reading.
    let later = data.measure(&day(8), &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(later.measurements.checkpoint_day, 8);
    let problem = data.read(None, "name,colour\nx,red\n".as_bytes()).expect_err("not one of the three");
    assert!(problem.message.contains("its columns are name, colour"), "{}", problem.message);
    assert_eq!(data.kinds().len(), 3, "a file that cannot be used leaves the others in place");
}

#[test]
fn a_missing_column_is_named_with_the_headers_found() {
    let problems = error_of("user,dept\na,Ops\n", ACTIVITY, None);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "roster");
    assert_eq!(problems[0].message, "The roster file lacks the column completed_on; the columns found are user, dept");
    let problems = error_of(ROSTER, "day,user\n2026-03-02,a\n", None);
    assert_eq!(problems[0].message, "The activity file lacks the column sessions; the columns found are day, user");
}

#[test]
fn unusable_files_get_a_clear_message_and_every_one_is_reported() {
    let messages = |roster: &str, activity: &str| -> Vec<String> {
        error_of(roster, activity, None).into_iter().map(|p| p.message).collect()
    };
    assert_eq!(messages("", "  \n"), ["The roster file is empty", "The activity file is empty"]);
    assert_eq!(
        messages("user,department,completed_on\n", "PK\u{3}\u{4}\0\0binary"),
        [
            "The roster file has a header but no rows",
            "The activity file is not a CSV file (it holds binary data; export the sheet as CSV first)"
        ]
    );
    let latin1 = b"user,department,completed_on\nJos\xe9,Ops,2026-03-02\n";
    let mut data = Dataset::default();
    let problem = data.read(Some(FileKind::Roster), &latin1[..]).expect_err("Latin-1 is not UTF-8");
    assert_eq!(problem.message, "is not UTF-8 text (save it as \"CSV UTF-8\" and try again)");
    let all_bad = "date,user,sessions\nyesterday,a,1\n2026-03-02,b,many\n";
    assert_eq!(
        messages(ROSTER, all_bad),
        ["The activity file has no usable row: all 2 were skipped (the first reasons are listed with their lines)"]
    );
}

#[test]
fn the_roster_and_the_activity_are_both_needed() {
    let problems = Dataset::default().measure(&day(30), &BenchmarkTable::default()).expect_err("nothing read");
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["roster", "activity"]);
    let never = "user,department,completed_on\na,Ops,\n";
    let problems = error_of(never, ACTIVITY, None);
    assert!(problems[0].message.starts_with("No one in the roster has a completed_on date"));
}

#[test]
fn a_checkpoint_no_one_has_reached_says_so() {
    let out = import(ROSTER, ACTIVITY, None, 90);
    assert_eq!(out.import_report.people_at_checkpoint, 0);
    assert_eq!(out.measurements.metrics.active_usage_rate, None);
    assert!(
        out.import_report.notes[0]
            .starts_with("No one has reached day 90 inside the activity data (its last date is 2026-03-10)")
    );
    assert!(out.measurements.departments.is_empty(), "no department has anyone at the checkpoint");
}

#[test]
fn only_the_first_20_bad_rows_of_a_file_are_listed_but_all_are_counted() {
    let mut activity = String::from("date,user,sessions\n2026-03-03,ana@x.com,3\n");
    for _ in 0..30 {
        activity.push_str("2026-03-03,ana@x.com,lots\n");
    }
    let out = import(ROSTER, &activity, None, 7);
    assert_eq!(out.import_report.rows_skipped, 31, "30 here and ana's second roster row");
    assert_eq!(out.import_report.problems.iter().filter(|p| p.file == FileKind::Activity).count(), 20);
    assert_eq!(out.import_report.problems.last().map(|p| p.line), Some(22));
}

#[test]
fn an_imported_document_is_valid_measurements_for_the_assessment() {
    let out = import(ROSTER, ACTIVITY, Some(SURVEY), 7);
    let document = serde_json::to_value(&out.measurements).expect("serializable");
    let assessment = roi_core::assess_json(&document, &BenchmarkTable::default()).expect("valid measurements");
    assert_eq!(assessment.checkpoint_day, 7);
}

#[test]
fn import_options_are_read_with_every_problem_named() {
    let options = ImportOptions::from_json(&serde_json::json!({})).expect("all optional");
    assert_eq!(options.checkpoint_day, 30);
    let options = ImportOptions::from_json(&serde_json::json!({ "checkpointDay": 90, "controlCohort": "Wave 3" }))
        .expect("valid");
    assert_eq!((options.checkpoint_day, options.control_cohort.as_deref()), (90, Some("Wave 3")));
    let problems = ImportOptions::from_json(&serde_json::json!({ "checkpointDay": 400, "day": 1 })).expect_err("bad");
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["day", "checkpointDay"]);
}

#[test]
fn a_file_over_the_row_limit_is_refused_whole_with_the_limit_named() {
    let mut roster = String::from("user,department,completed_on\n");
    roster.push_str(&"a,b,\n".repeat(1_000_001));
    let problem = Dataset::default().read(Some(FileKind::Roster), roster.as_bytes()).expect_err("too many rows");
    assert_eq!(
        problem.message,
        "has more than 1,000,000 rows, the most one import reads; split it (by date or department) and import the part \
         you need"
    );
}
