//! The view model (docs/model.md#the-view): what the widget shows for a state, natively. Each test drives
//! the state as a person would — typing into a path, pressing an action — and reads the typed screen.

use roi_core::assessment::{Metric, Status};
use roi_core::import::{ImportOptions, Imported, measure_from_csv};
use roi_core::numbers::NumberStyle;
use roi_core::sample::{SampleOptions, generate};
use roi_core::view::{Field, Format, Mode, Num, Piece, View, WidgetState, field_id, file_line, imported_view, view};
use roi_core::{BenchmarkTable, Scenario};
use serde_json::json;

fn state(mode: Mode) -> WidgetState {
    WidgetState::new(&Scenario::default(), BenchmarkTable::default(), NumberStyle::english(), mode)
        .unwrap_or_else(|e| panic!("{e:?}"))
}

fn project_fields(view: &View) -> Vec<&Field> {
    let p = view.project.as_ref().unwrap_or_else(|| panic!("project mode"));
    p.departments
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(&d.fields))
        .chain(&p.people_costs)
        .chain(p.cost_lists.iter().flat_map(|l| l.lines.iter().flatten()))
        .chain(&p.settings)
        .collect()
}

fn field<'v>(view: &'v View, path: &str) -> &'v Field {
    let fields = match &view.measure {
        Some(m) => m
            .counts
            .iter()
            .chain(m.metrics.iter().filter_map(|r| r.field.as_ref()))
            .chain(m.departments.iter().flat_map(|d| std::iter::once(&d.name).chain(&d.fields)))
            .collect(),
        None => project_fields(view),
    };
    fields.into_iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no field {path}"))
}

/// The widget's kind of sample data (`people` over 120 days, from `seed`), measured at a checkpoint day.
fn sample_at(people: usize, seed: u64) -> impl Fn(u32) -> Option<Imported> {
    let files = generate(&SampleOptions { people, days: 120, seed });
    move |day| {
        let options = ImportOptions { checkpoint_day: day, ..ImportOptions::default() };
        measure_from_csv(&files.roster, &files.activity, Some(&files.survey), &options, &BenchmarkTable::default()).ok()
    }
}

fn words(text: &[Piece]) -> String {
    text.iter().filter_map(|p| if let Piece::Words(w) = p { Some(w.as_str()) } else { None }).collect()
}

#[test]
fn the_headline_figures_are_the_reports_numbers_with_their_units() {
    let s = state(Mode::Project);
    let v = view(&s);
    let report = s.editor().report();
    let p = v.project.as_ref().unwrap_or_else(|| panic!("project mode"));
    let roi = p.figures.iter().find(|f| f.key == "roiPercent").and_then(|f| f.value);
    assert_eq!(roi, report.annual.roi_percent.map(|v| Num::new(v, Format::Percent)));
    let payback = p.figures.iter().find(|f| f.key == "paybackMonths").and_then(|f| f.value);
    assert_eq!(payback, report.payback_months.map(|v| Num::new(v, Format::Months)));
    // The summary repeats three of them, in the same numbers.
    let keys: Vec<_> = p.summary.iter().map(|f| f.key).collect();
    assert_eq!(keys, ["roiPercent", "benefitCostRatio", "paybackMonths"]);
    assert_eq!(p.summary[0].value, roi);
    assert_eq!(p.status, "");
    assert_eq!(v.board.first().map(|b| b.id), Some("headline"));
}

#[test]
fn a_draft_keeps_its_text_and_says_why_beside_its_field_while_the_figures_stay() {
    let mut s = state(Mode::Project);
    let before = view(&s).project.map(|p| p.figures);
    let outcome = s.input("departments[0].headcount", "twelve");
    assert!(!outcome.announce);
    let message = outcome.error.unwrap_or_else(|| panic!("an error"));
    let v = view(&s);
    let f = field(&v, "departments[0].headcount");
    assert_eq!(f.value, Piece::Words("twelve".into()));
    // Beside its field the validator's message starts a sentence.
    let error = f.error.clone().unwrap_or_default();
    assert!(error.starts_with(|c: char| c.is_ascii_uppercase()), "{error}");
    assert_eq!(error.to_ascii_lowercase(), message.to_ascii_lowercase());
    let p = v.project.as_ref().unwrap_or_else(|| panic!("project mode"));
    assert_eq!(p.status, "One field needs attention; the figures are from the last valid entry.");
    assert_eq!(Some(&p.figures), before.as_ref());
    assert_eq!(field_id(&f.path), "departments-0--headcount");
}

#[test]
fn a_valid_entry_shows_as_typed_until_the_lists_change() {
    let mut s = state(Mode::Project);
    let hours = "departments[0].hoursSavedPerWeek";
    let outcome = s.input(hours, "4.50");
    assert!(outcome.announce || s.editor().risk_pending());
    assert_eq!(outcome.error, None);
    assert_eq!(field(&view(&s), hours).value, Piece::Words("4.50".into()));
    assert_eq!(s.editor().scenario().departments[0].hours_saved_per_week, Some(4.5));
    // Adding a department shifts no path but builds every field afresh: the number, at full precision.
    assert!(s.action("add:departments", None).error.is_none());
    let v = view(&s);
    assert_eq!(field(&v, hours).value, Piece::Num(Num::new(4.5, Format::Plain)));
    let departments = &v.project.as_ref().unwrap_or_else(|| panic!("project mode")).departments;
    assert_eq!(departments.len(), s.editor().scenario().departments.len());
    assert_eq!(departments.last().map(|d| d.legend.clone()), Some(format!("Department {}", departments.len())));
    assert!(departments.iter().all(|d| d.removable));
}

#[test]
fn percentages_are_typed_as_percent_and_an_empty_rate_shows_the_benchmark_it_stands_for() {
    let mut s = state(Mode::Project);
    s.input("departments[0].activeRate", "");
    let v = view(&s);
    let f = field(&v, "departments[0].activeRate");
    assert_eq!(f.value, Piece::Words(String::new()));
    let used = s.editor().report().departments[0].active_rate;
    assert_eq!(
        f.placeholder,
        vec![Piece::Num(Num::new(used * 100.0, Format::Plain)), Piece::Words(" (benchmark)".into())]
    );
    // The band and its status in words, from the report's comparison.
    let compared = s.editor().report().departments[0].benchmark.as_ref().map(|b| b.active_rate);
    let compared = compared.unwrap_or_else(|| panic!("the default departments have benchmarks"));
    assert!(f.band.is_some());
    assert_eq!(
        f.note,
        vec![
            Piece::Words("Benchmark ".into()),
            Piece::Num(Num::new(compared.low, Format::Share)),
            Piece::Words("–".into()),
            Piece::Num(Num::new(compared.high, Format::Share)),
            Piece::Words(format!(": {}", compared.status.word())),
        ]
    );
    let attribution = field(&v, "attribution");
    assert_eq!(attribution.value, Piece::Num(Num::new(s.editor().scenario().attribution * 100.0, Format::Plain)));
}

#[test]
fn the_assumptions_keep_their_numbers_as_slots_between_the_words() {
    let s = state(Mode::Project);
    let v = view(&s);
    let first = &v.project.as_ref().unwrap_or_else(|| panic!("project mode")).assumptions[0];
    let people: f64 = s.editor().report().departments.iter().map(|d| d.headcount).sum();
    assert_eq!(
        first,
        &vec![Piece::Num(Num::new(people, Format::Decimal)), Piece::Words(" people are trained.".into())]
    );
    // Two departments: both counts are slots.
    let mut s = state(Mode::Project);
    s.action("add:departments", None);
    let v = view(&s);
    let first = &v.project.as_ref().unwrap_or_else(|| panic!("project mode")).assumptions[0];
    let people: f64 = s.editor().report().departments.iter().map(|d| d.headcount).sum();
    assert_eq!(
        first,
        &vec![
            Piece::Num(Num::new(people, Format::Decimal)),
            Piece::Words(" people are trained, in ".into()),
            Piece::Num(Num::new(2.0, Format::Decimal)),
            Piece::Words(" departments.".into()),
        ]
    );
}

#[test]
fn measured_values_show_at_display_precision_and_the_exact_value_is_kept() {
    let mut s = state(Mode::Measure);
    let document = json!({ "version": 1, "checkpointDay": 30, "people": 120,
        "metrics": { "weeklyActiveRate": 0.71989529, "satisfaction": 4.2667 },
        "departments": [{ "name": "Legal", "metrics": { "weeklyActiveRate": 0.4 } }] });
    s.adopt_measurements(document).unwrap_or_else(|e| panic!("{e}"));
    let v = view(&s);
    assert_eq!(field(&v, "metrics.weeklyActiveRate").value, Piece::Num(Num::new(0.71989529 * 100.0, Format::Rounded)));
    assert_eq!(field(&v, "metrics.satisfaction").value, Piece::Num(Num::new(4.2667, Format::Rounded)));
    assert_eq!(field(&v, "people").value, Piece::Num(Num::new(120.0, Format::Plain)));
    assert_eq!(s.measure().measurements().metrics.get(Metric::WeeklyActiveRate), Some(0.71989529));
    let m = v.measure.as_ref().unwrap_or_else(|| panic!("measure mode"));
    let weekly = m.metrics.iter().find(|r| r.key == "weeklyActiveRate").unwrap_or_else(|| panic!("a row"));
    assert_eq!((weekly.rag, words(&weekly.status).as_str()), ("green", "On target"));
    assert_eq!(m.adoption, "Below 50% weekly active: Legal.");
    let legal = field(&v, "departments[0].metrics.weeklyActiveRate");
    assert!(words(&legal.note).ends_with(" · target ≥ "), "{:?}", legal.note);
    assert_eq!(m.checkpoint.current, "30");
}

#[test]
fn a_measured_value_shows_the_decimals_that_keep_it_on_its_side_of_each_line() {
    // Day 30: hours saved green at 3 and red below 2, active use green at 70%, review green at 90%.
    let mut s = state(Mode::Measure);
    let document = json!({ "version": 1, "checkpointDay": 30, "people": 120,
        "metrics": { "hoursSavedPerWeek": 2.96, "activeUsageRate": 0.6996, "reviewedBeforeUse": 0.95,
                     "sessionsPerActiveUserWeek": 4.44 },
        "departments": [{ "name": "Legal", "metrics": { "hoursSavedPerWeek": 1.955 } },
                        { "name": "Sales", "metrics": { "hoursSavedPerWeek": 2.9996 } },
                        { "name": "Ops", "metrics": { "hoursSavedPerWeek": 3.0 } }] });
    s.adopt_measurements(document).unwrap_or_else(|e| panic!("{e}"));
    let v = view(&s);
    let shown = |path: &str| match &field(&v, path).value {
        Piece::Num(n) => n.u,
        other => panic!("{path}: {other:?}"),
    };
    // "3" would sit on the target it misses; "2.96" does not.
    assert_eq!(shown("metrics.hoursSavedPerWeek"), Format::Rounded2);
    // 69.96%: "70" would be on target.
    assert_eq!(shown("metrics.activeUsageRate"), Format::Rounded2);
    // Far from every line: one decimal at most.
    assert_eq!(shown("metrics.reviewedBeforeUse"), Format::Rounded);
    // 1.955 is under the red line of 2: "1.96", not "2".
    assert_eq!(shown("departments[0].metrics.hoursSavedPerWeek"), Format::Rounded2);
    // Three decimals would still say "3": every decimal, then.
    assert_eq!(shown("departments[1].metrics.hoursSavedPerWeek"), Format::Plain);
    // Exactly on the line is on target, and shows as "3".
    assert_eq!(shown("departments[2].metrics.hoursSavedPerWeek"), Format::Rounded);
    let hours = field(&v, "metrics.hoursSavedPerWeek");
    assert!(words(&hours.note).starts_with("Below target · target ≥ "), "{:?}", hours.note);
    // The scorecard's figure of the same hours says "2.96 h" too.
    let m = v.measure.as_ref().unwrap_or_else(|| panic!("measure mode"));
    let score = |key: &str| m.scorecard.iter().find(|f| f.key == key).and_then(|f| f.value);
    assert_eq!(score("hoursPerUser"), Some(Num::new(2.96, Format::Hours2)));
}

#[test]
fn before_anything_is_measured_measure_mode_says_so_and_offers_nothing_to_apply() {
    let mut s = state(Mode::Measure);
    let empty = view(&s);
    let m = empty.measure.as_ref().unwrap_or_else(|| panic!("measure mode"));
    assert_eq!(m.flags.len(), 1);
    assert_eq!(m.flags[0].about, "Nothing measured yet: enter or import the results to see what to do next.");
    assert!(!m.realised.can_apply);
    assert_eq!(m.adoption, "No department's weekly active rate is measured yet.");
    s.input("metrics.hoursSavedPerWeek", "4");
    let v = view(&s);
    let m = v.measure.as_ref().unwrap_or_else(|| panic!("measure mode"));
    assert_eq!(m.flags[0].about, "No flags: nothing measured so far is below target.");
    assert!(m.realised.can_apply);
}

#[test]
fn the_return_delivered_says_first_when_it_measured_other_people_than_the_projection_counts() {
    let headcount_note = |people: u32| {
        let mut s = state(Mode::Measure);
        let document = json!({ "version": 1, "checkpointDay": 30, "people": people,
            "metrics": { "activeUsageRate": 0.6, "hoursSavedPerWeek": 4.0 } });
        s.adopt_measurements(document).unwrap_or_else(|e| panic!("{e}"));
        let v = view(&s);
        let m = v.measure.as_ref().unwrap_or_else(|| panic!("measure mode"));
        m.realised.notes.first().map(|n| words(n)).filter(|w| w.starts_with("Measured for "))
    };
    // The default scenario projects 100 people.
    let note = headcount_note(400).unwrap_or_else(|| panic!("a note for 400 measured against 100"));
    assert!(note.contains(" people; the projection is for ") && note.contains("compare the ROI"), "{note}");
    assert_eq!(headcount_note(105), None, "within a tenth: no note");
}

#[test]
fn the_flags_on_one_metric_of_one_department_are_one_item_with_each_diagnosis() {
    // Day 30: active use 45% is red, and with training completed the combined rule flags it again.
    let mut s = state(Mode::Measure);
    let document = json!({ "version": 1, "checkpointDay": 30,
        "metrics": { "activeUsageRate": 0.45, "completionRate": 0.9, "weeklyActiveRate": 0.22, "reviewedBeforeUse": 0.95 } });
    s.adopt_measurements(document).unwrap_or_else(|e| panic!("{e}"));
    let flags = &s.measure().assessment().flags;
    let on_active_use = flags.iter().filter(|f| f.metric == "activeUsageRate" && f.department.is_none()).count();
    assert!(on_active_use >= 2, "two flags on active use: {flags:?}");
    let v = view(&s);
    let m = v.measure.as_ref().unwrap_or_else(|| panic!("measure mode"));
    let items: Vec<&str> = m.flags.iter().map(|f| f.about.as_str()).collect();
    let active: Vec<_> = m.flags.iter().filter(|f| f.about.contains("Active use")).collect();
    assert_eq!(active.len(), 1, "{items:?}");
    assert_eq!(active[0].advice.len(), on_active_use);
    assert!(active[0].about.starts_with("Act now — "), "{}", active[0].about);
    assert!(active[0].advice.iter().all(|a| a.action.starts_with("Next: ")));
    // Every flag's diagnosis is shown once.
    let shown: usize = m.flags.iter().map(|f| f.advice.len()).sum();
    assert_eq!(shown, flags.len());
}

#[test]
fn the_same_advice_for_several_departments_is_one_item_naming_them() {
    // Day 30: three departments under half active (red, the same advice each), one of them also hours.
    let mut s = state(Mode::Measure);
    let dept = |name: &str, active: f64, hours: f64| json!({ "name": name, "people": 20, "metrics": { "activeUsageRate": active, "hoursSavedPerWeek": hours } });
    let document = json!({ "version": 1, "checkpointDay": 30,
        "departments": [dept("Operations", 0.3, 4.0), dept("Finance", 0.4, 1.5), dept("Legal", 0.35, 4.0), dept("Sales", 0.9, 4.0)] });
    s.adopt_measurements(document).unwrap_or_else(|e| panic!("{e}"));
    let flags = s.measure().assessment().flags.clone();
    let v = view(&s);
    let items = &v.measure.as_ref().unwrap_or_else(|| panic!("measure mode")).flags;
    let about: Vec<&str> = items.iter().map(|f| f.about.as_str()).collect();
    let active = "Active use (3+ times in the last 7 days)";
    assert!(about.contains(&format!("Act now — Operations, Finance and Legal: {active}").as_str()), "{about:?}");
    assert!(about.iter().any(|a| a.starts_with("Act now — Finance: Hours saved")), "{about:?}");
    // Every department's flag is in an item that names it and carries its diagnosis and next step, once.
    for flag in flags.iter().filter(|f| f.department.is_some()) {
        let name = flag.department.as_deref().unwrap_or_default();
        let item = items
            .iter()
            .find(|i| i.about.contains(name) && i.advice.iter().any(|a| a.diagnosis == flag.diagnosis))
            .unwrap_or_else(|| panic!("{name}: {} in {about:?}", flag.diagnosis));
        assert_eq!(item.advice.iter().filter(|a| a.action == format!("Next: {}", flag.action)).count(), 1);
    }
    // No two departments' items say the same thing about the same metric.
    let metric = |about: &str| about.split_once(": ").map(|(_, m)| m.to_owned());
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            let same = a.severity == b.severity && a.advice == b.advice && metric(&a.about) == metric(&b.about);
            assert!(!same || metric(&a.about).is_none(), "said twice: {a:?} {b:?}");
        }
    }
}

#[test]
fn measurements_that_cannot_be_used_change_nothing() {
    let mut s = state(Mode::Measure);
    let before = view(&s);
    let error = s.adopt_measurements(json!({ "version": 1, "checkpointDay": -3 })).err().unwrap_or_default();
    assert!(error.starts_with("The import gave measurements that cannot be used: checkpointDay"), "{error}");
    assert_eq!(view(&s), before);
}

#[test]
fn switching_modes_keeps_what_was_entered_in_both() {
    let mut s = state(Mode::Project);
    s.input("departments[0].headcount", "40");
    s.action("mode:measure", None);
    assert_eq!(view(&s).mode, Mode::Measure);
    s.input("metrics.satisfaction", "4");
    s.action("mode:project", None);
    assert_eq!(field(&view(&s), "departments[0].headcount").value, Piece::Num(Num::new(40.0, Format::Plain)));
    s.set_mode(Mode::Measure);
    assert_eq!(field(&view(&s), "metrics.satisfaction").value, Piece::Num(Num::new(4.0, Format::Rounded)));
}

#[test]
fn applying_what_was_measured_can_be_undone() {
    let mut s = state(Mode::Measure);
    let before = s.editor().scenario().clone();
    s.input("metrics.activeUsageRate", "50");
    s.input("metrics.hoursSavedPerWeek", "2");
    assert!(!view(&s).measure.map(|m| m.realised.can_undo).unwrap_or(true));
    s.action("realised:apply", None);
    assert_ne!(s.editor().scenario(), &before);
    assert!(view(&s).measure.map(|m| m.realised.can_undo).unwrap_or(false));
    s.action("realised:undo", None);
    assert_eq!(s.editor().scenario(), &before);
}

#[test]
fn an_import_shows_its_rows_trend_departments_and_file_lines() {
    let files = generate(&SampleOptions { people: 60, days: 120, seed: 3 });
    let options = ImportOptions { checkpoint_day: 30, ..ImportOptions::default() };
    let imported =
        measure_from_csv(&files.roster, &files.activity, Some(&files.survey), &options, &BenchmarkTable::default())
            .unwrap_or_else(|e| panic!("{e:?}"));
    let table = BenchmarkTable::default();
    let at = |day| {
        let options = ImportOptions { checkpoint_day: day, ..ImportOptions::default() };
        measure_from_csv(&files.roster, &files.activity, Some(&files.survey), &options, &table).ok()
    };
    let shown = imported_view(&imported, at);
    let report = &imported.import_report;
    let count = |n: u64| Piece::Num(Num::new(n as f64, Format::Decimal));
    assert_eq!(
        shown.status,
        vec![
            Piece::Words("Imported ".into()),
            count(report.rows_read),
            Piece::Words(" rows (".into()),
            count(report.rows_skipped),
            Piece::Words(" skipped): ".into()),
            count(report.people_at_checkpoint),
            Piece::Words(" people measured at day 30.".into()),
        ]
    );
    assert_eq!(shown.departments.len(), imported.departments.len());
    assert_eq!(shown.weeks.len(), imported.trend.len());
    // Newest week first in the table.
    assert_eq!(
        shown.weeks.first().map(|w| w.head.clone()),
        imported.trend.last().map(|w| format!("{} – {}", w.start, w.end))
    );
    for (row, dept) in shown.departments.iter().zip(&imported.departments) {
        let below = dept.metrics.weekly_active_rate.is_some_and(|x| x < 0.5);
        assert_eq!(row.rag.get(1) == Some(&"red"), below, "{}", dept.name);
    }
    // Where the saved time went, most named first: "Customer work: 40% of answers".
    assert!(!imported.time_reinvested.is_empty(), "the sample data says where the saved time went");
    assert_eq!(shown.reinvested.len(), imported.time_reinvested.len());
    // The sample's survey writes its categories in lower case ("deeper analysis"); the view begins each
    // with a capital, as a list item.
    assert_eq!(imported.time_reinvested[0].category, "deeper analysis");
    assert_eq!(shown.reinvested[0].text[0], Piece::Words("Deeper analysis: ".into()));
    for (shown, share) in shown.reinvested.iter().zip(&imported.time_reinvested) {
        let Piece::Words(name) = &shown.text[0] else { panic!("{:?}", shown.text) };
        assert!(name.eq_ignore_ascii_case(&format!("{}: ", share.category)), "{name}");
        assert!(name.starts_with(|c: char| !c.is_ascii_lowercase()), "{name}");
        let rest = vec![Piece::Num(Num::new(share.share, Format::Share)), Piece::Words(" of answers".into())];
        assert_eq!(shown.text[1..], rest);
        assert_eq!(shown.share, share.share, "its bar is drawn to its share");
    }
    assert!(imported.time_reinvested.windows(2).all(|w| w[0].answers >= w[1].answers), "most named first");
    let summary = &report.files[0];
    let line = file_line("roster.csv", summary);
    let rows = Piece::Num(Num::new(summary.rows as f64, Format::Decimal));
    assert_eq!(line[..2], [Piece::Words(format!("roster.csv: {}, ", summary.shape)), rows], "{line:?}");
    assert_eq!(line[2], Piece::Words(" rows".into()), "no row of the roster skipped: {line:?}");
}

#[test]
fn the_quick_start_shows_the_full_forms_first_fields_at_the_same_paths_and_nothing_else() {
    let mut s = state(Mode::Project);
    s.action("add:departments", None);
    let full = view(&s);
    s.action("inputs:quick", None);
    assert!(s.quick());
    let quick = view(&s);
    let paths = |v: &View| project_fields(v).iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(
        paths(&quick),
        [
            "departments[0].name",
            "departments[0].headcount",
            "departments[0].hourlyCost",
            "departments[1].name",
            "departments[1].headcount",
            "departments[1].hourlyCost",
            "costs.oneTime[0].label",
            "costs.oneTime[0].amount",
        ]
    );
    // Each quick field is the full form's field at that path, and the figures are the same.
    for path in paths(&quick) {
        assert_eq!(field(&quick, &path), field(&full, &path));
    }
    assert_eq!(quick.project.as_ref().map(|p| &p.figures), full.project.as_ref().map(|p| &p.figures));
    s.action("inputs:all", None);
    assert_eq!(view(&s), full);
}

#[test]
fn the_timeline_measures_the_same_files_at_each_checkpoint_they_reach() {
    let table = BenchmarkTable::default();
    let at = sample_at(80, 5);
    let shown = at(45).unwrap_or_else(|| panic!("day 45 measures"));
    let timeline = imported_view(&shown, &at).timeline;
    let heads: Vec<&str> = timeline.iter().map(|r| r.head.as_str()).collect();
    // Day 45 is the one shown, between the standard checkpoints; all reached within 120 days of data.
    assert!(heads.contains(&"Day 45 (shown)"), "{heads:?}");
    assert!(heads.first().is_some_and(|h| h.starts_with("Day 7")), "{heads:?}");
    for row in &timeline {
        let day: u32 = row.head.trim_start_matches("Day ").split(' ').next().and_then(|d| d.parse().ok()).unwrap_or(0);
        let measured = at(day).unwrap_or_else(|| panic!("day {day}"));
        // Each row holds that checkpoint's own figures.
        assert_eq!(row.cells[0], words_text(&measured.import_report.people_at_checkpoint.to_string()));
        assert_eq!(row.cells.len(), 5);
        // Each figure is judged at its own checkpoint as the assessment judges that day's measurements.
        let judged = roi_core::assessment::assess(&measured.measurements, &table);
        for (cell, metric) in [
            (1, Metric::WeeklyActiveRate),
            (2, Metric::ActiveUsageRate),
            (3, Metric::HoursSavedPerWeek),
            (4, Metric::Satisfaction),
        ] {
            let result = judged.metrics.get(metric);
            // The exact value, shown at decimals that keep it on its side of the target.
            match (row.cells[cell].first(), result.value) {
                (Some(Piece::Num(n)), Some(v)) => {
                    assert_eq!(n.v, v, "{} at day {day}", metric.key());
                    assert_eq!(as_read(*n) >= result.target, v >= result.target, "{n:?} against {}", result.target);
                }
                (first, value) => assert!(value.is_none() && first == Some(&Piece::Words("—".into())), "{first:?}"),
            }
            let (words, class) = match result.status {
                Status::Green => ("On target", "green"),
                Status::Amber => ("Below target", "amber"),
                Status::Red => ("Act now", "red"),
                Status::NotYetJudged => ("Too early to judge", "unknown"),
                Status::Unknown => ("", ""),
            };
            assert_eq!(row.rag[cell], class, "{} at day {day}", metric.key());
            if !words.is_empty() {
                assert_eq!(row.cells[cell].last(), Some(&Piece::Words(format!(" · {words}"))), "day {day}");
            }
        }
        // Before day 30 nothing is judged yet (every rule starts at day 30 or later).
        if day < 30 {
            assert!(row.rag[1..].iter().all(|&c| c == "unknown" || c.is_empty()), "day {day}: {:?}", row.rag);
        }
    }
}

/// `n` as the reader sees it: rounded to its format's decimals (a share's of its percentage).
fn as_read(n: Num) -> f64 {
    let (scale, decimals) = match n.u {
        Format::Share => (100.0, 1),
        Format::Share2 => (100.0, 2),
        Format::Decimal | Format::Rounded | Format::Hours => (1.0, 1),
        Format::Rounded2 | Format::Hours2 => (1.0, 2),
        Format::Rounded3 => (1.0, 3),
        _ => return n.v,
    };
    let factor = 10f64.powi(decimals);
    (n.v * scale * factor).round() / factor / scale
}

#[test]
fn the_timeline_shows_a_figure_just_below_its_target_with_the_decimals_that_say_so() {
    // The widget's own sample ("Try with sample data"): 2.96 hours a week at day 30, where the target is 3.
    let at = sample_at(400, 7);
    let shown_at_30 = at(30).unwrap_or_else(|| panic!("day 30 measures"));
    let hours = shown_at_30.measurements.metrics.hours_saved_per_week.unwrap_or(f64::NAN);
    assert!((2.955..2.965).contains(&hours), "the sample's hours at day 30: {hours}");
    let timeline = imported_view(&shown_at_30, &at).timeline;
    let row = timeline.iter().find(|r| r.head == "Day 30 (shown)").unwrap_or_else(|| panic!("{timeline:?}"));
    // "2.96 · Below target", not "3 · Below target".
    assert_eq!(
        row.cells[3],
        vec![Piece::Num(Num::new(hours, Format::Rounded2)), Piece::Words(" · Below target".into())]
    );
    // So in the departments' table: Legal's 1.96 hours are under the "Act now" line of 2 hours ("Under 2
    // hours saved a week", its flag says), and Engineering's satisfaction of 3.76 under the 3.8 target.
    let departments = &imported_view(&shown_at_30, &at).departments;
    let cell = |name: &str, column: usize| {
        let row = departments.iter().find(|r| r.head == name).unwrap_or_else(|| panic!("{name}: {departments:?}"));
        match row.cells[column].first() {
            Some(Piece::Num(n)) => *n,
            other => panic!("{name} column {column}: {other:?}"),
        }
    };
    let legal_hours = cell("Legal", 4);
    assert!((1.955..1.965).contains(&legal_hours.v) && legal_hours.u == Format::Rounded2, "{legal_hours:?}");
    let engineering_satisfaction = cell("Engineering", 5);
    assert!(
        (3.755..3.765).contains(&engineering_satisfaction.v) && engineering_satisfaction.u == Format::Rounded2,
        "{engineering_satisfaction:?}"
    );
    // A figure no line is near keeps one decimal.
    assert_eq!(cell("Engineering", 4).u, Format::Decimal);
}

fn words_text(text: &str) -> Vec<Piece> {
    vec![Piece::Words(text.into())]
}

#[test]
fn the_charts_are_laid_out_for_the_width_they_are_drawn_at_and_a_few_pixels_change_nothing() {
    let mut s = state(Mode::Project);
    let widths = |s: &WidgetState| -> Vec<f64> {
        view(s).project.map(|p| p.charts.iter().map(|c| c.chart.width).collect()).unwrap_or_default()
    };
    assert_eq!(widths(&s), [640.0, 640.0, 640.0], "until measured, the default width");
    // A phone's chart: laid out again at its width (whole pixels).
    assert!(s.set_chart_width(296.4));
    assert_eq!(s.chart_width(), 296.0);
    assert_eq!(widths(&s), [296.0, 296.0, 296.0]);
    // Within 24 px it is only scaled: a scroll bar coming and going changes nothing.
    assert!(!s.set_chart_width(281.0));
    assert!(!s.set_chart_width(320.0));
    assert_eq!(s.chart_width(), 296.0);
    // The narrowest and widest layouts bound what is measured; a width that is no number is ignored.
    assert!(s.set_chart_width(10.0));
    assert_eq!(s.chart_width(), 240.0);
    assert!(!s.set_chart_width(f64::NAN));
    assert!(s.set_chart_width(5000.0));
    assert_eq!(s.chart_width(), 1200.0);
    // Measure mode's chart of the return delivered follows the same width.
    assert!(s.set_chart_width(330.0));
    s.set_mode(Mode::Measure);
    let document =
        json!({ "version": 1, "checkpointDay": 30, "metrics": { "activeUsageRate": 0.6, "hoursSavedPerWeek": 4.0 } });
    s.adopt_measurements(document).unwrap_or_else(|e| panic!("{e}"));
    let chart =
        view(&s).measure.and_then(|m| m.realised.chart).unwrap_or_else(|| panic!("a chart of the return delivered"));
    assert_eq!(chart.chart.width, 330.0);
}

#[test]
fn each_setting_says_in_plain_words_what_it_changes() {
    let v = view(&state(Mode::Project));
    let p = v.project.as_ref().unwrap_or_else(|| panic!("project mode"));
    assert_eq!(p.settings.len(), 11);
    for setting in &p.settings {
        let note = words(&setting.note);
        assert!(note.ends_with('.') && note.len() > 20, "{}: {note:?}", setting.path);
    }
    assert_eq!(words(&field(&v, "seats").note), "Per-seat costs are paid for these.");
}

#[test]
fn the_trained_cohort_is_compared_in_points_and_a_figure_its_control_lacks_is_said_missing() {
    // The widget's sample: Wave 1 trained, Wave 2 not yet; the survey asked only the trained.
    let imported = sample_at(400, 7)(30).unwrap_or_else(|| panic!("day 30 measures"));
    let c = imported.cohorts.as_ref().unwrap_or_else(|| panic!("the sample has two cohorts"));
    let (t, k) = (c.treated.active_usage_rate.unwrap_or(f64::NAN), c.control.active_usage_rate.unwrap_or(f64::NAN));
    assert!(t > k && c.control.hours_saved_per_week.is_none(), "{c:?}");
    let shown = imported_view(&imported, |_| None).cohorts.unwrap_or_else(|| panic!("cohorts shown"));
    // 66.5% against 0% is 66.5 percentage points more, not "66.5%".
    assert_eq!(
        shown.lines[0],
        vec![
            Piece::Words("Active use (3+ sessions): ".into()),
            Piece::Num(Num::new(t, Format::Share)),
            Piece::Words(" against ".into()),
            Piece::Num(Num::new(k, Format::Share)),
            Piece::Words(" (".into()),
            Piece::Num(Num::new((t - k).abs() * 100.0, Format::Decimal)),
            Piece::Words(" points more)".into()),
        ]
    );
    let hours = c.treated.hours_saved_per_week.unwrap_or(f64::NAN);
    assert_eq!(
        shown.lines[1],
        vec![
            Piece::Words("Hours saved a week: ".into()),
            Piece::Num(Num::new(hours, Format::Decimal)),
            Piece::Words(" (not measured for the cohort not yet trained)".into()),
        ]
    );
}

#[test]
fn the_quick_start_says_what_else_the_first_year_costs() {
    let mut s = state(Mode::Project);
    s.action("inputs:quick", None);
    let quick = view(&s).project.unwrap_or_else(|| panic!("project mode"));
    // By hand, the default scenario's first year beyond its $60,000 programme: 100 people × (6 + 4) hours
    // × $75 = $75,000 of time, 12 × $2,000 = $24,000 a month, 12 × 100 × $30 = $36,000 of seats.
    assert_eq!(
        quick.other_costs.as_ref().and_then(|t| t.get(1)),
        Some(&Piece::Num(Num::new(135_000.0, Format::Money)))
    );
    assert!(words(quick.other_costs.as_ref().unwrap_or(&Vec::new())).starts_with("The first year also costs "));
    // Every input shows those costs themselves.
    s.action("inputs:all", None);
    assert_eq!(view(&s).project.and_then(|p| p.other_costs), None);
}
