//! The generated sample data (`roi_core::sample`): its shape, its determinism, and that it models
//! what the import's figures should show (departments differ, little use before training).

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use roi_core::sample::{FIRST_DATE, SampleFiles, SampleOptions, generate};

fn files(people: usize, days: u32, seed: u64) -> SampleFiles {
    generate(&SampleOptions { people, days, seed })
}

/// The data lines of a CSV file, split at commas (the generated files have no quoted fields).
fn rows(text: &str) -> Vec<Vec<&str>> {
    assert!(text.ends_with('\n'), "a file ends with a line end");
    text.lines().skip(1).map(|line| line.split(',').collect()).collect()
}

#[test]
fn headers_and_shapes() {
    let f = files(300, 100, 7);
    assert!(f.roster.starts_with("user,department,completed_on,licensed,cohort\n"));
    assert!(f.activity.starts_with("date,user,sessions,minutes\n"));
    assert!(f.survey.starts_with("user,day,hours_saved,integration,satisfaction,reviewed,tasks,time_reinvested\n"));
    let roster = rows(&f.roster);
    assert_eq!(roster.len(), 300);
    assert_eq!(roster[41][0], "person00042@example.com");
    for row in &roster {
        assert_eq!(row.len(), 5);
        assert!(row[2].is_empty() || (row[2].len() == 10 && row[2].starts_with("2026-")));
        assert!(row[3] == "true" || row[3] == "false");
        assert!(row[4] == "Wave 1" || row[4] == "Wave 2");
    }
    for row in rows(&f.activity) {
        assert_eq!(row.len(), 4);
        let sessions: u64 = row[2].parse().unwrap();
        let minutes: u64 = row[3].parse().unwrap();
        assert!((1..=8).contains(&sessions), "{row:?}");
        assert!((6 * sessions..=14 * sessions).contains(&minutes), "{row:?}");
    }
    for row in rows(&f.survey) {
        assert_eq!(row.len(), 8);
        assert!(["7", "30", "60", "90"].contains(&row[1]));
        let (whole, tenth) = row[2].split_once('.').unwrap();
        assert!(whole.parse::<u32>().is_ok() && tenth.len() == 1, "{row:?}");
        assert!(["1", "2", "3", "4", "5"].contains(&row[3]) && ["1", "2", "3", "4", "5"].contains(&row[4]));
        assert!(row[5] == "yes" || row[5] == "no");
        let tasks: Vec<&str> = row[6].split(';').collect();
        assert!((1..=3).contains(&tasks.len()), "{row:?}");
        assert!(tasks.iter().all(|t| ["drafting", "research", "code", "analysis", "summaries", "email"].contains(t)));
        if !row[7].is_empty() {
            let spent: Vec<&str> = row[7].split(';').collect();
            assert!((1..=2).contains(&spent.len()) && (spent.len() == 1 || spent[0] != spent[1]), "{row:?}");
            let known = ["customer work", "deeper analysis", "learning", "admin", "new projects"];
            assert!(spent.iter().all(|c| known.contains(c)), "{row:?}");
        }
    }
}

#[test]
fn most_answers_say_where_the_saved_time_went() {
    let f = files(3000, 120, 4);
    let answers = rows(&f.survey);
    let named = answers.iter().filter(|r| !r[7].is_empty()).count() as f64 / answers.len() as f64;
    assert!((0.75..0.9).contains(&named), "share naming where the time went {named}");
    // Sales most often puts it into customer work, Engineering into deeper analysis.
    let department: HashMap<&str, &str> = rows(&f.roster).into_iter().map(|r| (r[0], r[1])).collect();
    let share = |dept: &str, category: &str| {
        let of: Vec<_> = answers.iter().filter(|r| department[r[0]] == dept && !r[7].is_empty()).collect();
        of.iter().filter(|r| r[7].split(';').any(|c| c == category)).count() as f64 / of.len() as f64
    };
    assert!(share("Sales", "customer work") > share("Engineering", "customer work") + 0.2);
    assert!(share("Engineering", "deeper analysis") > share("Sales", "deeper analysis") + 0.2);
}

#[test]
fn same_options_give_the_same_bytes() {
    assert_eq!(files(500, 90, 3), files(500, 90, 3));
    assert_ne!(files(500, 90, 3).activity, files(500, 90, 4).activity);
    // Each file has its own stream: the roster does not depend on the number of days.
    assert_eq!(files(500, 90, 3).roster, files(500, 30, 3).roster);
}

#[test]
fn roster_proportions() {
    let f = files(4000, 10, 1);
    let roster = rows(&f.roster);
    let share = |f: &dyn Fn(&Vec<&str>) -> bool| roster.iter().filter(|r| f(r)).count() as f64 / 4000.0;
    assert!((0.03..0.07).contains(&share(&|r| r[2].is_empty())), "never completed");
    assert!((0.93..0.97).contains(&share(&|r| r[3] == "true")), "licensed");
    assert!((0.57..0.63).contains(&share(&|r| r[4] == "Wave 1")), "Wave 1");
}

#[test]
fn rows_grow_in_proportion_to_people() {
    let count = |people| files(people, 60, 5).activity.lines().count() - 1;
    let (small, large) = (count(500), count(2000));
    let ratio = large as f64 / small as f64;
    assert!((3.4..4.6).contains(&ratio), "{small} rows for 500 people, {large} for 2000");
}

#[test]
fn dates_start_on_the_first_day_in_order_and_within_range() {
    let f = files(400, 45, 9);
    let dates: Vec<&str> = f.activity.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(dates.first(), Some(&FIRST_DATE));
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "activity is in date order");
    assert!(dates.iter().all(|d| (FIRST_DATE..="2026-04-15").contains(d)), "45 days from 2026-03-02");
    // Days 60 and 90 are beyond 45 days, and Wave 2 completes after it: no such answers.
    assert!(rows(&f.survey).iter().all(|r| r[1] == "7" || r[1] == "30"));
}

#[test]
fn departments_differ_and_training_makes_the_difference() {
    let f = files(3000, 120, 2);
    let roster: HashMap<&str, (&str, &str, &str)> =
        rows(&f.roster).into_iter().map(|r| (r[0], (r[1], r[2], r[4]))).collect();
    let mut per_department: HashMap<&str, usize> = HashMap::new();
    let (mut wave_2_before, mut wave_1_after) = (0usize, 0usize);
    for row in rows(&f.activity) {
        let (department, completed, cohort) = roster[row[1]];
        *per_department.entry(department).or_default() += 1;
        if cohort == "Wave 2" && !completed.is_empty() && row[0] < completed {
            wave_2_before += 1;
        }
        if cohort == "Wave 1" && !completed.is_empty() && row[0] >= completed {
            wave_1_after += 1;
        }
    }
    let people = |name: &str| roster.values().filter(|p| p.0 == name).count() as f64;
    let rate = |name: &str| per_department[name] as f64 / people(name);
    assert_eq!(per_department.len(), 6);
    assert!(rate("Engineering") > 1.8 * rate("Operations"), "{per_department:?}");
    assert!(rate("Engineering") > 1.3 * rate("Legal") && rate("Sales") > 1.2 * rate("Finance"));
    // Wave 2 before its training (about 60 days) is the control group: a small baseline only.
    let wave = |cohort: &str| roster.values().filter(|p| p.2 == cohort && !p.1.is_empty()).count() as f64;
    let before = wave_2_before as f64 / (wave("Wave 2") * 60.0);
    let after = wave_1_after as f64 / (wave("Wave 1") * 110.0);
    assert!(before < 0.02 && after > 0.3, "daily activity: Wave 2 before training {before}, Wave 1 after {after}");
}

#[test]
fn survey_answers_grow_and_mostly_say_reviewed() {
    let f = files(3000, 120, 4);
    let answers = rows(&f.survey);
    let mean_hours = |day: &str| {
        let hours: Vec<f64> = answers.iter().filter(|r| r[1] == day).map(|r| r[2].parse().unwrap()).collect();
        hours.iter().sum::<f64>() / hours.len() as f64
    };
    assert!(mean_hours("90") > mean_hours("30") && mean_hours("30") > mean_hours("7"));
    let yes = answers.iter().filter(|r| r[5] == "yes").count() as f64 / answers.len() as f64;
    assert!((0.89..0.95).contains(&yes), "reviewed share {yes}");
    // About 70% of the completed people answer at day 30 (all of them are past it after 120 days).
    let completed = rows(&f.roster).iter().filter(|r| !r[2].is_empty()).count() as f64;
    let day_30 = answers.iter().filter(|r| r[1] == "30").count() as f64 / completed;
    assert!((0.66..0.74).contains(&day_30), "day-30 response rate {day_30}");
}
