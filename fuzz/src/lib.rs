//! What each fuzz target does with its input: call the engine's entry point the way the browser does
//! and check what must hold whatever the input. Each function panics on a broken promise; the fuzz
//! targets (`fuzz_targets/`) call them under libFuzzer, and `tests/fuzz_corpus.rs` includes this
//! file to replay the committed corpora on stable in `cargo test`.

use roi_core::assessment::Metrics;
use roi_core::import::{Dataset, FileKind, ImportOptions, Imported};
use roi_core::{BenchmarkTable, Scenario, assess_json, evaluate_json, link};
use serde_json::Value;

/// The checkpoints every import is measured at.
pub const CHECKPOINT_DAYS: [u32; 4] = [0, 7, 30, 90];

/// The hand-computed import files, read beside a fuzzed one so that `measure` has data to work on.
const FIXTURES: [(FileKind, &str); 3] = [
    (FileKind::Roster, include_str!("../../tests/fixtures/import/roster.csv")),
    (FileKind::Activity, include_str!("../../tests/fixtures/import/activity.csv")),
    (FileKind::Survey, include_str!("../../tests/fixtures/import/survey.csv")),
];

/// `decodeScenario`: any text opens or is refused, and what opens reopens unchanged from its own link.
pub fn decode_link(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(decoded) = link::decode(&text) {
        round_trips(&decoded.scenario);
    }
}

/// `evaluate`: any JSON yields a report without NaN or infinity, or a list of errors; a valid
/// scenario also survives its share link.
pub fn evaluate(data: &[u8]) {
    let Ok(document) = serde_json::from_slice::<Value>(data) else { return };
    if let Ok(report) = evaluate_json(&document, &BenchmarkTable::default()) {
        assert_finite("report", &report);
    }
    if let Ok(scenario) = Scenario::from_json(&document) {
        round_trips(&scenario);
    }
}

/// `assess`: any JSON yields an assessment without NaN or infinity, or a list of errors.
pub fn assess(data: &[u8]) {
    let Ok(document) = serde_json::from_slice::<Value>(data) else { return };
    if let Ok(assessment) = assess_json(&document, &BenchmarkTable::default()) {
        assert_finite("assessment", &assessment);
    }
}

/// The CSV import: the input read as a file of `kind` (or of the kind its header shows) after the
/// fixture files of the other kinds, then measured at every checkpoint of [`CHECKPOINT_DAYS`].
pub fn import(kind: Option<FileKind>, data: &[u8]) {
    let mut dataset = Dataset::default();
    for (fixture, text) in FIXTURES.into_iter().filter(|(k, _)| Some(*k) != kind) {
        assert!(dataset.read(Some(fixture), text.as_bytes()).is_ok(), "the {} fixture reads", fixture.name());
    }
    if let Ok(summary) = dataset.read(kind, data) {
        assert!(kind.is_none_or(|k| k == summary.kind), "read as the kind asked for");
        assert!(summary.skipped <= summary.rows, "{summary:?}");
    }
    let table = BenchmarkTable::default();
    for day in CHECKPOINT_DAYS {
        if let Ok(imported) = dataset.measure(&ImportOptions { checkpoint_day: day, ..Default::default() }, &table) {
            check_imported(&imported, &table);
        }
    }
}

/// A usage export as JSON (Claude Code analytics pages or NDJSON), read as the activity beside the
/// fixture roster and survey: any bytes read or are refused with a reason, and what reads measures.
pub fn import_json(data: &[u8]) {
    import(Some(FileKind::Activity), data);
}

/// The date reader: any text is a date or not, never a panic; a slash date read both ways gives two
/// different days; a file's order, once its values decided it, is kept.
pub fn dates(data: &[u8]) {
    use roi_core::import::dates::{Dates, Reading, parse};
    let text = String::from_utf8_lossy(data);
    let mut file = Dates::new(None);
    for (line, field) in text.split('\n').enumerate() {
        let Some(reading) = parse(field.trim()) else { continue };
        if let Reading::Either { day_first, month_first } = reading {
            assert_ne!(day_first, month_first, "{field:?} reads two ways as one day");
        }
        if let Ok((_, month_first)) = file.day(reading, field, "date", line as u64 + 2) {
            file.hold(line, 0, month_first);
        }
    }
    if let Ok(held) = file.finish() {
        assert!(held.iter().all(|h| (h.row as usize) < text.split('\n').count()), "held rows exist");
    }
}

/// What an import promises: finite figures, shares from 0 to 1, and measurements that `assess` takes.
fn check_imported(imported: &Imported, table: &BenchmarkTable) {
    assert_finite("import", imported);
    let m = &imported.measurements;
    let metrics = m.departments.iter().map(|d| &d.metrics).chain(imported.departments.iter().map(|d| &d.metrics));
    for metrics in std::iter::once(&m.metrics).chain(metrics) {
        assert_shares(metrics);
    }
    let trend = imported.trend.iter().map(|w| w.weekly_active_rate);
    let tasks = imported.task_categories.iter().chain(&imported.time_reinvested).map(|t| Some(t.share));
    let cohorts = imported.cohorts.iter().flat_map(|c| [c.treated.active_usage_rate, c.control.active_usage_rate]);
    for share in trend.chain(tasks).chain(cohorts).flatten() {
        assert!((0.0..=1.0).contains(&share), "share {share} in {imported:?}");
    }
    if let Some(attribution) = imported.cohorts.as_ref().and_then(|c| c.attribution) {
        assert!(attribution > 0.0 && attribution <= 1.0, "attribution {attribution}");
    }
    // The widget hands the measurements straight to `assess`: they must be a valid document.
    let document = serde_json::to_value(m).unwrap_or_default();
    match assess_json(&document, table) {
        Ok(assessment) => assert_finite("assessment of an import", &assessment),
        Err(problems) => panic!("assess refuses imported measurements: {problems:?}\n{document}"),
    }
}

/// Every metric that is a share lies in 0..=1.
fn assert_shares(metrics: &Metrics) {
    let shares = [
        metrics.active_usage_rate,
        metrics.weekly_active_rate,
        metrics.completion_rate,
        metrics.week4_retention_of_week1,
        metrics.daily_workflow_share,
        metrics.reviewed_before_use,
        metrics.quality_equal_or_better,
    ];
    assert!(shares.into_iter().flatten().all(|s| (0.0..=1.0).contains(&s)), "shares in 0..=1: {metrics:?}");
}

/// `encodeScenario` then `decodeScenario` gives back the same scenario with nothing dropped.
fn round_trips(scenario: &Scenario) {
    let text = link::encode(scenario);
    match link::decode(&text) {
        Ok(reopened) => {
            assert!(reopened.dropped.is_empty(), "its own link drops {:?}: {scenario:?}", reopened.dropped);
            assert_eq!(&reopened.scenario, scenario, "its own link reopens it unchanged");
        }
        Err(e) => panic!("its own link does not open ({e}): {scenario:?}"),
    }
}

/// Every float anywhere in `value` is finite.
fn assert_finite(what: &str, value: &impl serde::Serialize) {
    fn finite(value: &serde_value::Value) -> bool {
        use serde_value::Value as V;
        match value {
            V::F64(x) => x.is_finite(),
            V::F32(x) => x.is_finite(),
            V::Option(Some(inner)) | V::Newtype(inner) => finite(inner),
            V::Seq(items) => items.iter().all(finite),
            V::Map(map) => map.values().all(finite),
            _ => true,
        }
    }
    let tree = serde_value::to_value(value).expect("results serialize");
    assert!(finite(&tree), "{what} holds NaN or infinity: {tree:?}");
}
