//! The column mapper (docs/model.md#choosing-columns): files whose headers the import does not know, read
//! with the columns a person chose — a roster ("Finished", "Work email", "Team", "Has seat", "Wave") and a
//! usage export ("Day", "Who", "Chats", "Time (min)") holding the data of `tests/fixtures/import/`'s own
//! roster and activity files, which measure the same, by hand; maps that cannot be read (a required
//! column unchosen, an index beyond the header, a column that is not the kind's); and what the mapper is
//! shown: the guesses, the key a choice is saved under, and the first rows of a file's start.

#![cfg(not(target_arch = "wasm32"))]

use roi_core::BenchmarkTable;
use roi_core::import::{ColumnMap, Dataset, FileKind, FileProblem, ImportOptions, Imported};
use roi_core::view::{MapperView, mapper_view};

/// The data of roster.csv (ana listed again on line 7, skipped; cy unlicensed; dee not completed, in
/// Wave 2) under other names, in another order, with a column the import does not use.
const ROSTER: &str = include_str!("fixtures/import/mapper-roster.csv");
/// The data of activity.csv (a 30 February and a -1 on lines 7 and 8, skipped) under other names.
const ACTIVITY: &str = include_str!("fixtures/import/mapper-activity.csv");
const OWN_ROSTER: &str = include_str!("fixtures/import/roster.csv");
const OWN_ACTIVITY: &str = include_str!("fixtures/import/activity.csv");
const SURVEY: &str = include_str!("fixtures/import/survey.csv");

fn map(kind: FileKind, columns: &[(&str, usize)]) -> ColumnMap {
    ColumnMap { kind, columns: columns.iter().map(|&(name, at)| (name.to_owned(), at)).collect() }
}

fn roster_map() -> ColumnMap {
    let columns = [("user", 2), ("department", 3), ("completed_on", 0), ("licensed", 4), ("cohort", 5)];
    map(FileKind::Roster, &columns)
}

fn activity_map() -> ColumnMap {
    map(FileKind::Activity, &[("date", 0), ("user", 1), ("sessions", 2), ("minutes", 3)])
}

fn measure(data: &Dataset, day: u32) -> Imported {
    // Privacy off (threshold 1): these hand-checked files have a handful of people.
    let options = ImportOptions { checkpoint_day: day, min_group_size: Some(1), ..ImportOptions::default() };
    data.measure(&options, &BenchmarkTable::default()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got nothing"));
    assert!((actual - expected).abs() <= 1e-9 * expected.abs().max(1.0), "expected {expected}, got {actual}");
}

fn refused(map: &ColumnMap, text: &str) -> FileProblem {
    let mut data = Dataset::default();
    let problem =
        data.read_mapped(map, text.as_bytes(), 0).err().unwrap_or_else(|| panic!("{map:?} should be refused"));
    assert!(data.kinds().is_empty(), "a refused file is not kept");
    problem
}

fn view(text: &str) -> MapperView {
    mapper_view("export.csv", text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn unfamiliar_headers_are_not_recognised_and_may_be_mapped() {
    let mut data = Dataset::default();
    // No header names a kind of file.
    let problem = data.read(None, ACTIVITY.as_bytes()).err().unwrap_or_else(|| panic!("not recognised"));
    assert!(problem.unrecognised, "{problem:?}");
    assert!(problem.message.starts_with("is not a roster, activity or survey file"), "{}", problem.message);
    // "Team" makes it look like a roster, but it lacks the person and the completion: mappable too.
    let problem = data.read(None, ROSTER.as_bytes()).err().unwrap_or_else(|| panic!("lacks columns"));
    assert!(problem.unrecognised, "{problem:?}");
    assert_eq!(problem.kind, Some(FileKind::Roster));
    // A survey lacking its user is not: the mapper offers no survey.
    let problem = data.read(None, "who,day,satisfaction\na,7,4\n".as_bytes()).err().unwrap_or_else(|| panic!("lacks"));
    assert!(!problem.unrecognised, "{problem:?}");
    // Files read as they are never are.
    assert!(data.read(None, OWN_ROSTER.as_bytes()).is_ok());
}

#[test]
fn mapped_files_measure_as_the_same_data_in_the_products_headers() {
    let mut mapped = Dataset::default();
    let roster =
        mapped.read_mapped(&roster_map(), ROSTER.as_bytes(), ROSTER.len() as u64).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((roster.kind, roster.shape.as_str()), (FileKind::Roster, "Roster (columns chosen by you)"));
    assert_eq!((roster.rows, roster.skipped), (6, 1), "ana's second row is skipped, as in roster.csv");
    let activity = mapped.read_mapped(&activity_map(), ACTIVITY.as_bytes(), 0).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(activity.shape, "Usage per person per day (columns chosen by you)");
    assert_eq!((activity.rows, activity.skipped), (11, 2), "the 30 February and the -1 sessions");
    assert!(activity.not_measured.is_empty(), "minutes were chosen");
    mapped.read(None, SURVEY.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));

    let out = measure(&mapped, 7);
    let m = &out.measurements.metrics;
    // As in tests/import.rs: ana, ben, cy and dee reach day 7 (eve's window ends 03-11, after the data).
    assert_eq!(out.import_report.people_at_checkpoint, 4);
    // Completed: ana, ben, cy of the 4.
    close(m.completion_rate, 3.0 / 4.0);
    // Window sessions ana 2 + 1 + 1 = 4, ben 2, cy 5, dee 0: ana and cy have ≥ 3, of the 3 completed.
    close(m.active_usage_rate, 2.0 / 3.0);
    // Licensed (the "Has seat" column: cy has none): ana, ben, dee; with a session: ana, ben.
    close(m.weekly_active_rate, 2.0 / 3.0);
    close(m.sessions_per_active_user_week, 11.0 / 3.0);
    // "Time (min)": 35 + 8 + 30 minutes over 11 sessions.
    close(m.avg_session_minutes, 73.0 / 11.0);
    // The rows skipped are the same rows, for the same reasons, on the same lines.
    let lines: Vec<(FileKind, u64)> = out.import_report.problems.iter().map(|p| (p.file, p.line)).collect();
    assert_eq!(
        lines,
        [
            (FileKind::Roster, 7),
            (FileKind::Activity, 7),
            (FileKind::Activity, 8),
            (FileKind::Survey, 5),
            (FileKind::Survey, 8)
        ]
    );

    let mut own = Dataset::default();
    for text in [OWN_ROSTER, OWN_ACTIVITY, SURVEY] {
        own.read(None, text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    }
    for day in [7, 30] {
        let (a, b) = (measure(&mapped, day), measure(&own, day));
        assert_eq!(a.measurements, b.measurements, "day {day}");
        assert_eq!(a.departments, b.departments, "day {day}");
        assert_eq!(a.trend, b.trend, "day {day}");
        assert_eq!(a.cohorts, b.cohorts, "day {day}: Wave 1 against Wave 2, from the \"Wave\" column");
        assert_eq!(a.import_report.problems, b.import_report.problems, "day {day}");
        assert_eq!(a.import_report.notes, b.import_report.notes, "day {day}");
    }
}

#[test]
fn optional_columns_may_be_left_unchosen() {
    let mut data = Dataset::default();
    let no_minutes = map(FileKind::Activity, &[("date", 0), ("user", 1), ("sessions", 2)]);
    let summary = data.read_mapped(&no_minutes, ACTIVITY.as_bytes(), 0).unwrap_or_else(|e| panic!("{e:?}"));
    let not: Vec<&str> = summary.not_measured.iter().map(|n| n.metric.as_str()).collect();
    assert_eq!(not, ["avgSessionMinutes"]);
    // Without "Has seat", everyone is licensed: ana, ben, cy and dee; with a session: ana, ben, cy.
    let roster = map(FileKind::Roster, &[("user", 2), ("department", 3), ("completed_on", 0)]);
    data.read_mapped(&roster, ROSTER.as_bytes(), 0).unwrap_or_else(|e| panic!("{e:?}"));
    let out = measure(&data, 7);
    close(out.measurements.metrics.weekly_active_rate, 3.0 / 4.0);
    assert_eq!(out.measurements.metrics.avg_session_minutes, None);
    assert_eq!(out.cohorts, None, "no cohort column chosen");
}

#[test]
fn maps_that_cannot_be_read_are_refused_saying_why() {
    // A required column left unchosen is named.
    let problem = refused(&map(FileKind::Roster, &[("user", 2), ("department", 3)]), ROSTER);
    assert_eq!(problem.kind, Some(FileKind::Roster));
    assert_eq!(
        problem.message,
        "has no column chosen for completed_on; a roster needs user, department and completed_on"
    );
    assert!(!problem.unrecognised);
    let problem = refused(&map(FileKind::Activity, &[("minutes", 3)]), ACTIVITY);
    assert!(problem.message.starts_with("has no column chosen for date, user and sessions;"), "{}", problem.message);
    // An index beyond the header.
    let problem = refused(&map(FileKind::Activity, &[("date", 0), ("user", 1), ("sessions", 4)]), ACTIVITY);
    assert_eq!(problem.message, "has no column 4 to read sessions from: its header has 4 columns (numbered from 0)");
    // A column that is not the kind's, one header for two columns, a survey.
    let problem = refused(&map(FileKind::Roster, &[("sessions", 1)]), ROSTER);
    assert_eq!(
        problem.message,
        "has no column \"sessions\" to choose; a roster's are user, department, completed_on, licensed, cohort"
    );
    let problem = refused(&map(FileKind::Activity, &[("date", 0), ("user", 1), ("sessions", 1)]), ACTIVITY);
    assert_eq!(problem.message, "has the same column, \"Who\", chosen for both user and sessions");
    let problem = refused(&map(FileKind::Survey, &[("user", 0)]), SURVEY);
    assert!(problem.message.starts_with("cannot have its columns chosen"), "{}", problem.message);
    // JSON is read by its structure, never by chosen columns.
    assert!(refused(&activity_map(), "{\"data\": []}").message.starts_with("is JSON"));
    // What was read before stays.
    let mut data = Dataset::default();
    data.read_mapped(&roster_map(), ROSTER.as_bytes(), 0).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(data.read_mapped(&map(FileKind::Roster, &[("user", 9)]), ROSTER.as_bytes(), 0).is_err());
    assert_eq!(data.kinds(), [FileKind::Roster]);
}

#[test]
fn mapped_files_go_through_the_same_readers() {
    // Slash dates whose values do not say their order are asked about, as in any roster.
    let text = "Finished,Work email,Team\n03/04/2026,ana@x.com,Legal\n05/06/2026,ben@x.com,Legal\n";
    let map = map(FileKind::Roster, &[("user", 1), ("department", 2), ("completed_on", 0)]);
    let problem = refused(&map, text);
    assert!(problem.asks_date_order, "{problem:?}");
    // A row without a person is skipped with its line.
    let mut data = Dataset::default();
    let summary = data
        .read_mapped(&map, "Finished,Work email,Team\n2026-03-02,,Legal\n2026-03-02,ana@x.com,Legal\n".as_bytes(), 0)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((summary.rows, summary.skipped), (2, 1));
}

#[test]
fn the_mapper_guesses_each_column_and_shows_the_first_rows() {
    let roster = view(ROSTER);
    assert_eq!(roster.name, "export.csv");
    assert_eq!(roster.headers, ["Finished", "Name", "Work email", "Team", "Has seat", "Wave"]);
    assert_eq!(roster.key, "finished\u{1f}name\u{1f}work_email\u{1f}team\u{1f}has_seat\u{1f}wave");
    assert_eq!(roster.guess, FileKind::Roster);
    let kinds: Vec<FileKind> = roster.kinds.iter().map(|k| k.kind).collect();
    assert_eq!(kinds, [FileKind::Roster, FileKind::Activity]);
    assert_eq!(roster.kinds[0].label, "A roster: one row per trained person");
    let roles: Vec<(&str, &str, bool, Option<usize>)> =
        roster.kinds[0].roles.iter().map(|r| (r.name.as_str(), r.label.as_str(), r.required, r.guess)).collect();
    assert_eq!(
        roles,
        [
            ("user", "The person (email or id)", true, Some(2)),
            ("department", "Department", true, Some(3)),
            ("completed_on", "Training completed on", true, Some(0)),
            ("licensed", "Holds a licence (yes or no)", false, Some(4)),
            ("cohort", "Cohort or wave", false, Some(5)),
        ]
    );
    // Six rows, five shown, a cell per header.
    assert_eq!(roster.rows.len(), 5);
    assert_eq!(roster.rows[3], ["", "Dee", "dee@x.com", "Legal", "true", "Wave 2"]);

    let activity = view(ACTIVITY);
    assert_eq!(activity.guess, FileKind::Activity);
    let roles: Vec<(&str, &str, bool, Option<usize>)> =
        activity.kinds[1].roles.iter().map(|r| (r.name.as_str(), r.label.as_str(), r.required, r.guess)).collect();
    assert_eq!(
        roles,
        [
            ("date", "Date of use", true, Some(0)),
            ("user", "The person (email or id)", true, Some(1)),
            ("sessions", "Sessions that day", true, Some(2)),
            ("minutes", "Minutes of use", false, Some(3)),
        ]
    );
    assert_eq!(activity.key, "day\u{1f}who\u{1f}chats\u{1f}time_(min)");
    // The mapper's guesses read the file as the hand-made map does.
    let guessed = |view: &MapperView, kind: usize| ColumnMap {
        kind: view.kinds[kind].kind,
        columns: view.kinds[kind].roles.iter().filter_map(|r| Some((r.name.clone(), r.guess?))).collect(),
    };
    assert_eq!(guessed(&roster, 0).columns, roster_map().columns);
    assert_eq!(guessed(&activity, 1).columns, activity_map().columns);
    // Nothing looks like anything: no guesses, a roster by default.
    let plain = view("a;b\n1;2\n");
    assert_eq!(plain.guess, FileKind::Roster);
    assert!(plain.kinds.iter().flat_map(|k| &k.roles).all(|r| r.guess.is_none()));
    assert_eq!(plain.rows, [["1", "2"]]);
}

#[test]
fn the_mapper_reads_the_first_64_kib_and_leaves_out_a_line_cut_short() {
    // Two rows of ~30,000 characters fill most of the first 64 KiB; the third is cut by its end.
    let long = "x".repeat(30_000);
    let mut text = "When,Who,Notes\n".to_owned();
    for i in 0..4 {
        text.push_str(&format!("2026-03-0{},p{i}@x.com,{long}\n", i + 1));
    }
    let start = &text.as_bytes()[..65_536];
    let shown = mapper_view("big.csv", start).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(shown.rows.len(), 2, "the third row, cut short, is not shown");
    assert_eq!(shown.rows[1][1], "p1@x.com");
    let cell = &shown.rows[0][2];
    assert_eq!(cell.chars().count(), 80);
    assert!(cell.ends_with('…'));
    // The whole file reads the same start.
    assert_eq!(mapper_view("big.csv", text.as_bytes()).map(|v| v.rows), Ok(shown.rows.clone()));
    // A short file's last line counts even without a line break; blank lines and a byte-order mark do not.
    let small = view("\u{feff}Day;Who;Chats\n\n2026-03-02;ana@x.com;3\n   \n2026-03-03;ben@x.com;1");
    assert_eq!(small.headers, ["Day", "Who", "Chats"]);
    assert_eq!(small.rows, [["2026-03-02", "ana@x.com", "3"], ["2026-03-03", "ben@x.com", "1"]]);
    // A short row is padded; cells past the header are not shown.
    assert_eq!(view("a,b,c\n1\n1,2,3,4\n").rows, [["1", "", ""], ["1", "2", "3"]]);
    // Files the read refuses, the mapper refuses alike.
    assert_eq!(mapper_view("e.csv", "".as_bytes()).map(|_| ()).map_err(|e| e.message), Err("is empty".to_owned()));
    assert!(mapper_view("b.xlsx", &b"PK\x03\x04\0\0"[..]).is_err());
}
