//! Small groups stay private (docs/model.md#small-groups): a department of 4 people is hidden in the
//! breakdown and the measurements document, with one more department so the total does not give it
//! away; the threshold is a setting from 3; survey means of too few answers are hidden; usage-intensity
//! groups are counted by hand; and the hidden figures never reach a link.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roi_core::import::{ImportOptions, Imported, measure_from_csv};
use roi_core::intensity::Group;
use roi_core::numbers::NumberStyle;
use roi_core::privacy::{Hidden, hidden};
use roi_core::view::{Mode, Piece, WidgetState, view};
use roi_core::{BenchmarkTable, Measurements};

/// Engineering 20 people, Sales 12, Legal 4, all trained on 2026-03-02; person i of a department has
/// i mod 7 sessions on 2026-03-30 (inside every Day-30 window, days 24–30), and answers the survey at
/// day 30 with i mod 5 hours saved, except Sales, of whom only 3 answer.
fn files() -> (String, String, String) {
    let mut roster = String::from("user,department,completed_on\n");
    let mut activity = String::from("date,user,sessions\n");
    let mut survey = String::from("user,day,hours_saved,satisfaction\n");
    for (dept, people) in [("Engineering", 20), ("Sales", 12), ("Legal", 4)] {
        for i in 0..people {
            let user = format!("{}{i}@x.com", dept.to_ascii_lowercase());
            roster.push_str(&format!("{user},{dept},2026-03-02\n"));
            activity.push_str(&format!("2026-03-30,{user},{}\n", i % 7));
            activity.push_str(&format!("2026-04-02,{user},1\n"));
            if dept != "Sales" || i < 3 {
                survey.push_str(&format!("{user},30,{},4\n", i % 5));
            }
        }
    }
    (roster, activity, survey)
}

fn measured(min: Option<u32>) -> Imported {
    let (roster, activity, survey) = files();
    let options = ImportOptions { checkpoint_day: 30, min_group_size: min, ..ImportOptions::default() };
    measure_from_csv(&roster, &activity, Some(&survey), &options, &BenchmarkTable::default()).expect("imports")
}

fn department<'a>(imported: &'a Imported, name: &str) -> &'a roi_core::import::DepartmentBreakdown {
    imported.departments.iter().find(|d| d.name == name).expect("listed")
}

#[test]
fn a_department_of_4_is_hidden_with_the_smallest_other_by_default() {
    let out = measured(None);
    let legal = department(&out, "Legal");
    assert_eq!(legal.hidden, Some(Hidden::Small));
    assert_eq!((legal.people, legal.at_checkpoint), (0, 0));
    assert_eq!(legal.metrics, Default::default());
    assert_eq!(legal.intensity, None);
    // Sales (12) is the smallest shown: without hiding it, 36 − 20 − 12 would be Legal's 4.
    assert_eq!(department(&out, "Sales").hidden, Some(Hidden::Complement));
    assert_eq!(department(&out, "Engineering").hidden, None);
    let m = &out.measurements;
    assert_eq!(m.min_group_size, Some(5));
    assert_eq!(m.people, Some(36));
    for name in ["Legal", "Sales"] {
        let d = m.departments.iter().find(|d| d.name == name).expect("in the document");
        assert_eq!((d.people, d.metrics.weekly_active_rate, d.intensity), (None, None, None), "{name}");
        assert!(d.hidden.is_some());
    }
    let notes = out.import_report.notes.join(" ");
    assert!(notes.contains("Legal is hidden: fewer than 5 people were measured."), "{notes}");
    assert!(notes.contains("Sales is hidden with it"), "{notes}");
}

#[test]
fn the_threshold_is_a_setting_from_3() {
    let out = measured(Some(3));
    assert!(out.departments.iter().all(|d| d.hidden.is_none()));
    // Sales's 3 answers are enough at 3: its survey mean is shown, (0 + 1 + 2) ÷ 3 = 1 hour.
    assert_eq!(department(&out, "Sales").metrics.hours_saved_per_week, Some(1.0));
    let out = measured(Some(13));
    assert_eq!(department(&out, "Sales").hidden, Some(Hidden::Small));
    assert_eq!(department(&out, "Legal").hidden, Some(Hidden::Small));
    assert_eq!(department(&out, "Engineering").hidden, None, "4 + 12 = 16 ≥ 13 together: no complement");
    for low in [0, 2] {
        let problems = ImportOptions::from_json(&serde_json::json!({ "minGroupSize": low })).expect_err("too low");
        assert_eq!(problems[0].path, "minGroupSize");
    }
    let options = ImportOptions::from_json(&serde_json::json!({ "minGroupSize": 3 })).expect("3 is allowed");
    assert_eq!(options.min_group(), 3);
    assert_eq!(ImportOptions::from_json(&serde_json::json!({})).expect("optional").min_group(), 5);
}

#[test]
fn survey_means_of_too_few_answers_are_hidden_with_a_complement() {
    // At 4, no department is hidden for its people (4, 12, 20), but Sales has 3 answers: hidden, and
    // Legal's 4 answers with it (3 + 4 = 7 ≥ 4 together), so the organisation's mean gives neither away.
    let out = measured(Some(4));
    assert!(out.departments.iter().all(|d| d.hidden.is_none()));
    assert_eq!(department(&out, "Sales").metrics.hours_saved_per_week, None);
    assert_eq!(department(&out, "Legal").metrics.hours_saved_per_week, None);
    // Legal i = 0…3 has i mod 7 sessions: 3 of 4 active (the 2026-04-02 row is day 31, outside).
    assert_eq!(department(&out, "Legal").metrics.weekly_active_rate, Some(0.75), "usage stays shown");
    // Engineering: hours i mod 5 for i = 0…19 → four each of 0–4, mean 2.
    assert_eq!(department(&out, "Engineering").metrics.hours_saved_per_week, Some(2.0));
}

#[test]
fn usage_intensity_groups_by_hand() {
    let out = measured(Some(3));
    // Sessions i mod 7 in the window: Engineering i = 0…19 → 0: {0,7,14} 3 people; 1–2: {1,2,8,9,15,16} 6;
    // 3–4: {3,4,10,11,17,18} 6; 5–6: {5,6,12,13,19} 5.
    let eng = department(&out, "Engineering").intensity.expect("counted");
    assert_eq!(eng.people, [3, 6, 6, 5]);
    // Their hours i mod 5: none {0,2,4} → 2; light {1,2,3,4,0,1} → 11/6; moderate {3,4,0,1,2,3} → 13/6;
    // heavy {0,1,2,3,4} → 2.
    let close = |x: Option<f64>, y: f64| assert!((x.expect("shown") - y).abs() < 1e-9, "{x:?} ≠ {y}");
    close(eng.hours_of(Group::None), 2.0);
    close(eng.hours_of(Group::Light), 11.0 / 6.0);
    close(eng.hours_of(Group::Moderate), 13.0 / 6.0);
    close(eng.hours_of(Group::Heavy), 2.0);
    // Legal i = 0…3: none 1, light 2, moderate 1; 4 answers: none {0}, light {1,2}, moderate {3} — under 3 each.
    let legal = department(&out, "Legal").intensity.expect("counted");
    assert_eq!(legal.people, [1, 2, 1, 0]);
    assert_eq!(legal.hours, [None; 4]);
    let all = out.measurements.intensity.expect("counted");
    assert_eq!(all.total(), 36);
}

#[test]
fn hidden_figures_read_back_from_the_document_and_never_reach_a_link() {
    let out = measured(None);
    let document = serde_json::to_value(&out.measurements).expect("serializable");
    let again = Measurements::from_json(&document).expect("the document reads back");
    assert_eq!(again, out.measurements);
    let text = document.to_string();
    assert!(!text.contains("@x.com"), "no one's address in the measurements");
    let legal = &document["departments"].as_array().expect("list").iter().find(|d| d["name"] == "Legal").expect("in");
    assert_eq!(legal["hidden"], "small");
    assert!(legal.get("people").is_none() && legal["metrics"].as_object().is_some_and(|m| m.is_empty()));
}

proptest! {
    /// Whatever the sizes, what stays hidden cannot be worked out by subtraction: nothing is hidden, or
    /// at least two groups of together at least the threshold are, or no group is left to hide; and no
    /// group of the threshold or more is hidden as small.
    #[test]
    fn hidden_groups_cannot_be_subtracted_out(sizes in prop::collection::vec(0u64..40, 0..9), min in 3u32..12) {
        let out = hidden(&sizes, min);
        let hidden_sizes: Vec<u64> =
            sizes.iter().zip(&out).filter(|&(&n, h)| n > 0 && h.is_some()).map(|(&n, _)| n).collect();
        let shown_left = sizes.iter().zip(&out).any(|(&n, h)| n > 0 && h.is_none());
        let safe = hidden_sizes.is_empty()
            || (hidden_sizes.len() >= 2 && hidden_sizes.iter().sum::<u64>() >= u64::from(min))
            || !shown_left;
        prop_assert!(safe, "{sizes:?} at {min}: {out:?}");
        for (&n, h) in sizes.iter().zip(&out) {
            prop_assert_eq!(*h == Some(Hidden::Small), n > 0 && n < u64::from(min));
        }
    }
}

#[test]
fn hidden_departments_share_the_people_not_shown_at_the_organisations_rates() {
    // Measured: Engineering 20 people shown; Sales and Legal hidden; 36 people in all. The scenario's
    // headcounts Sales 30 and Legal 10 share the 16 not shown: Sales 12, Legal 4 (shared by the
    // scenario's headcounts, since the import's own counts are hidden).
    let scenario = serde_json::json!({
        "version": 1,
        "departments": [
            { "name": "Engineering", "headcount": 40, "hourlyCost": 100, "activeRate": 0.9, "hoursSavedPerWeek": 8 },
            { "name": "Sales", "headcount": 30, "hourlyCost": 60, "activeRate": 0.6, "hoursSavedPerWeek": 4 },
            { "name": "Legal", "headcount": 10, "hourlyCost": 120, "activeRate": 0.5, "hoursSavedPerWeek": 2 }
        ]
    });
    let scenario = roi_core::Scenario::from_json(&scenario).expect("valid");
    let out = measured(None);
    let realised = roi_core::realise(&scenario, &out.measurements, &BenchmarkTable::default()).expect("realised");
    let row = |name: &str| realised.departments.iter().find(|d| d.name == name).expect("a row");
    assert!((row("Engineering").people.realised - 20.0).abs() < 1e-9);
    assert!((row("Sales").people.realised - 12.0).abs() < 1e-9, "16 × 30 ÷ 40");
    assert!((row("Legal").people.realised - 4.0).abs() < 1e-9, "16 × 10 ÷ 40");
    // The organisation's measured active usage rate (≥ 3 sessions: i mod 7 ≥ 3 → Engineering 11 of 20,
    // Sales 6 of 12, Legal 1 of 4 = 18 of 36), not Legal's own.
    assert!((row("Legal").active_rate.realised - 0.5).abs() < 1e-9, "{}", row("Legal").active_rate.realised);
    let note = row("Legal").matched.note.clone().unwrap_or_default();
    assert!(note.contains("Legal's figures are hidden"), "{note}");
}

#[test]
fn moving_the_light_users_to_moderate_is_valued_in_the_realised_return() {
    let scenario = serde_json::json!({
        "version": 1, "weeksPerYear": 50, "confidence": 0.5,
        "departments": [
            { "name": "Engineering", "headcount": 40, "hourlyCost": 100, "activeRate": 0.9, "hoursSavedPerWeek": 8 },
            { "name": "Sales", "headcount": 30, "hourlyCost": 60, "activeRate": 0.6, "hoursSavedPerWeek": 4 },
            { "name": "Legal", "headcount": 10, "hourlyCost": 120, "activeRate": 0.5, "hoursSavedPerWeek": 2 }
        ]
    });
    let scenario = roi_core::Scenario::from_json(&scenario).expect("valid");
    let out = measured(Some(3));
    let all = out.measurements.intensity.expect("counted");
    // Light (1–2 sessions): Engineering 6, Sales 4 (i = 1, 2, 8, 9), Legal 2 → 12 people. Their answers:
    // Engineering 1, 2, 3, 4, 0, 1; Sales (i < 3) 1, 2; Legal 1, 2 → 17 h over 10 = 1.7 h. Moderate:
    // Engineering 3, 4, 0, 1, 2, 3; Legal 3 → 16 h over 7.
    assert_eq!(all.people_in(Group::Light), 12);
    let realised = roi_core::realise(&scenario, &out.measurements, &BenchmarkTable::default()).expect("realised");
    // Hourly cost weighted by the people measured: (20 × 100 + 12 × 60 + 4 × 120) ÷ 36 = 3,200 ÷ 36.
    let expected = 12.0 * (16.0 / 7.0 - 1.7) * 50.0 * 0.5 * (3_200.0 / 36.0);
    let value = realised.light_to_moderate.expect("valued");
    assert!((value - expected).abs() < 1e-9 * expected, "{value} ≠ {expected}");
}

#[test]
fn the_people_lists_name_power_users_and_laggards_only_when_asked() {
    let (roster, activity, survey) = files();
    let mut dataset = roi_core::import::Dataset::default();
    for (kind, text) in [
        (roi_core::import::FileKind::Roster, &roster),
        (roi_core::import::FileKind::Activity, &activity),
        (roi_core::import::FileKind::Survey, &survey),
    ] {
        dataset.read(Some(kind), text.as_bytes()).expect("reads");
    }
    let options = ImportOptions { checkpoint_day: 30, ..ImportOptions::default() };
    let lists = dataset.people_lists(&options).expect("lists");
    // 6 sessions: i mod 7 = 6 → Engineering 6 and 13, Sales 6: three people, then 5s.
    assert_eq!(lists.most_sessions.len(), 20);
    assert_eq!(lists.most_sessions.iter().take(3).map(|p| p.sessions).collect::<Vec<_>>(), [6, 6, 6]);
    assert_eq!(lists.most_sessions[0].user, "engineering13@x.com", "ties in address order");
    assert_eq!(lists.most_sessions[0].group, Group::Heavy);
    // No session: i mod 7 = 0 → Engineering 0, 7, 14; Sales 0, 7; Legal 0.
    assert_eq!(lists.no_session_count, 6);
    assert!(lists.no_session.iter().all(|p| p.sessions == 0 && p.group == Group::None));
    // Most hours: 4 h answered by i mod 5 = 4 → Engineering 4, 9, 14, 19.
    assert_eq!(lists.most_hours[0].hours_saved, Some(4.0));
    // The CSV: a header and the 36 people, read back by a CSV reader.
    let mut reader = csv::Reader::from_reader(lists.csv.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        ["user", "department", "group", "sessions", "minutes", "hours_saved"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    assert_eq!(records.len(), 36);
    assert_eq!(&records[0][0], "engineering13@x.com");
    assert_eq!(&records[0][2], "heavy");
    // Legal is hidden in every summary, but the person who imported the files sees its people.
    assert!(records.iter().any(|r| &r[1] == "Legal"));
}

/// Sales shown (10 people, 10% active, 5 h), Legal (4) and Ops (6) hidden; the organisation 20 people,
/// 80% active, 2 h; every scenario department at $50 an hour, 48 weeks, 50% active and 4 h assumed.
fn hidden_pair() -> (roi_core::Scenario, Measurements) {
    let departments: Vec<serde_json::Value> = [("Sales", 10), ("Legal", 4), ("Ops", 6)]
        .iter()
        .map(|(name, headcount)| {
            serde_json::json!({ "name": name, "headcount": headcount, "hourlyCost": 50, "activeRate": 0.5, "hoursSavedPerWeek": 4 })
        })
        .collect();
    let scenario = serde_json::json!({ "version": 1, "weeksPerYear": 48, "attribution": 1, "confidence": 1, "departments": departments });
    let measurements = serde_json::json!({ "version": 1, "checkpointDay": 90, "people": 20, "minGroupSize": 5,
        "metrics": { "activeUsageRate": 0.8, "hoursSavedPerWeek": 2 },
        "departments": [
            { "name": "Sales", "people": 10, "metrics": { "activeUsageRate": 0.1, "hoursSavedPerWeek": 5 } },
            { "name": "Legal", "hidden": "small", "metrics": {} },
            { "name": "Ops", "hidden": "complement", "metrics": {} } ] });
    let scenario = roi_core::Scenario::from_json(&scenario).expect("a valid scenario");
    (scenario, Measurements::from_json(&measurements).expect("valid measurements"))
}

#[test]
fn a_hidden_department_is_counted_at_the_organisations_rates_but_never_named_as_the_case_or_the_shortfall() {
    let (scenario, measurements) = hidden_pair();
    let table = BenchmarkTable::default();
    let realised = roi_core::realise(&scenario, &measurements, &table).expect("realises");
    let benefit =
        |name: &str| realised.departments.iter().find(|d| d.name == name).map_or(f64::NAN, |d| d.benefit.realised);
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs();
    // By hand: Sales 10 × 0.1 × 5 h × 48 × $50 = $12,000; the 20 − 10 = 10 people the shown department does
    // not count go 4 : 6 to Legal and Ops, at 0.8 × 2 h: Legal 4 × 0.8 × 2 × 48 × 50 = $15,360, Ops $23,040.
    assert!(close(benefit("Sales"), 12_000.0), "Sales: {}", benefit("Sales"));
    assert!(close(benefit("Legal"), 15_360.0), "Legal: {}", benefit("Legal"));
    assert!(close(benefit("Ops"), 23_040.0), "Ops: {}", benefit("Ops"));
    assert_eq!(
        realised.departments.iter().map(|d| d.hidden).collect::<Vec<_>>(),
        [None, Some(Hidden::Small), Some(Hidden::Complement)]
    );
    // The board's case is the largest *shown* department's benefit: Sales, though Ops's is larger.
    let report = roi_core::evaluate(&scenario, &table).expect("evaluates");
    let assessment = roi_core::assessment::assess(&measurements, &table);
    let board = roi_core::board::board_report(&scenario, &report, Some(&assessment), Some(&realised), None);
    let case: Vec<&str> = board
        .iter()
        .filter(|item| item.id == "case")
        .flat_map(|item| &item.parts)
        .filter_map(|part| if let roi_core::board::Part::Name(name) = part { Some(name.as_str()) } else { None })
        .collect();
    assert_eq!(case, ["Sales"]);
    // Nor is it the shortfall in measure mode's sentence: the hidden departments' 2 h (the organisation's)
    // fall short of the 4 assumed, Sales's 5 do not, so no department is named.
    let mut state = WidgetState::new(&scenario, table, NumberStyle::english(), Mode::Measure).expect("a state");
    state.adopt_measurements(serde_json::to_value(&measurements).expect("a document")).expect("adopted");
    let words = view(&state).measure.map(|m| m.realised.words).unwrap_or_default();
    let said: String =
        words.iter().filter_map(|p| if let Piece::Words(w) = p { Some(w.as_str()) } else { None }).collect();
    assert!(said.starts_with("At day 90 the training returns ") && said.ends_with(" projected."), "{said}");
}
