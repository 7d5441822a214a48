//! Reads a measurements document field by field (see [`crate::fields`]).

use serde_json::Value;

use super::{DepartmentMeasurements, METRIC_KEYS, Measurements, Metrics};
use crate::fields::{FieldError, ObjectReader, Problems, check_version, index};
use crate::intensity::Intensity;
use crate::privacy::{Hidden, MOST_MIN_GROUP};

const DOCUMENT_KEYS: &[&str] =
    &["version", "checkpointDay", "people", "licensedSeats", "metrics", "departments", "minGroupSize", "intensity"];
const MAX_DEPARTMENTS: usize = 500;
const MAX_NAME: usize = 80;
const MAX_PEOPLE: u64 = 10_000_000;

/// The allowed range of each metric and how to say it.
fn range(key: &str) -> (f64, f64, &'static str) {
    match key {
        "sessionsPerActiveUserWeek" => (0.0, 1_000.0, "a number of sessions from 0 to 1,000"),
        "avgSessionMinutes" => (0.0, 1_440.0, "a number of minutes from 0 to 1,440"),
        "hoursSavedPerWeek" => (0.0, 80.0, "a number of hours from 0 to 80"),
        "satisfaction" => (1.0, 5.0, "a mean score from 1 to 5"),
        _ => (0.0, 1.0, "a share from 0 to 1 (for example 0.72 for 72%)"),
    }
}

/// Reads `value` as measurements; fails with every problem found.
pub(super) fn read(value: &Value) -> Result<Measurements, Vec<FieldError>> {
    let mut problems = Problems::default();
    let mut out = Measurements { version: 1, ..Measurements::default() };
    if let Some(doc) = ObjectReader::new(value, "", DOCUMENT_KEYS, &mut problems) {
        check_version(&doc, &mut problems);
        doc.require("checkpointDay", "the day of the checkpoint, counted from training completion", &mut problems);
        let day = doc.whole_in("checkpointDay", 0, 365, "a whole number of days from 0 to 365", &mut problems);
        out.checkpoint_day = day.and_then(|d| u32::try_from(d).ok()).unwrap_or(0);
        out.people = doc.whole_in("people", 0, MAX_PEOPLE, "a whole number from 0 to 10,000,000", &mut problems);
        let seats_rule = "a whole number from 0 to 10,000,000";
        out.licensed_seats = doc.whole_in("licensedSeats", 0, MAX_PEOPLE, seats_rule, &mut problems);
        if let Some(metrics) = doc.raw("metrics") {
            out.metrics = read_metrics(metrics, &doc.path_of("metrics"), &mut problems);
        }
        out.departments = doc.list("departments", MAX_DEPARTMENTS, &mut problems, read_department).unwrap_or_default();
        // The threshold the figures were measured with (an import chooses it from 3; scripts may turn it off).
        let rule = format!("a whole number of people from 1 to {MOST_MIN_GROUP}");
        let min = doc.whole_in("minGroupSize", 1, u64::from(MOST_MIN_GROUP), &rule, &mut problems);
        out.min_group_size = min.and_then(|n| u32::try_from(n).ok());
        out.intensity = doc.raw("intensity").and_then(|v| read_intensity(v, &doc.path_of("intensity"), &mut problems));
    }
    if problems.is_empty() { Ok(out) } else { Err(problems.into_vec()) }
}

fn read_metrics(value: &Value, path: &str, problems: &mut Problems) -> Metrics {
    let mut metrics = Metrics::default();
    if let Some(reader) = ObjectReader::new(value, path, METRIC_KEYS, problems) {
        for key in METRIC_KEYS {
            let (min, max, rule) = range(key);
            if let Some(x) = reader.number_in(key, min, max, rule, problems) {
                metrics.set(key, x);
            }
        }
    }
    metrics
}

fn read_department(value: &Value, path: &str, problems: &mut Problems) -> Option<DepartmentMeasurements> {
    let keys = ["name", "benchmark", "people", "metrics", "hidden", "intensity"];
    let dept = ObjectReader::new(value, path, &keys, problems)?;
    dept.require("name", "any name of 1 to 80 characters", problems);
    let name = dept.text("name", MAX_NAME, problems);
    let benchmark = match dept.raw("benchmark") {
        None | Some(Value::Null) => None,
        Some(_) => dept.text("benchmark", MAX_NAME, problems),
    };
    let metrics = dept.raw("metrics").map(|m| read_metrics(m, &dept.path_of("metrics"), problems)).unwrap_or_default();
    let people = dept.whole_in("people", 0, MAX_PEOPLE, "a whole number from 0 to 10,000,000", problems);
    let hidden = dept.text("hidden", 12, problems).and_then(|h| {
        let reason = Hidden::from_name(&h);
        if reason.is_none() {
            problems.add(&dept.path_of("hidden"), "must be \"small\" or \"complement\"");
        }
        reason
    });
    let intensity = dept.raw("intensity").and_then(|v| read_intensity(v, &dept.path_of("intensity"), problems));
    Some(DepartmentMeasurements { name: name?, benchmark, people, metrics, hidden, intensity })
}

/// Reads `{ people: [none, light, moderate, heavy], hours?: [4 × hours or null] }`: the people of each
/// usage-intensity group and their mean hours saved a week.
fn read_intensity(value: &Value, path: &str, problems: &mut Problems) -> Option<Intensity> {
    let reader = ObjectReader::new(value, path, &["people", "hours"], problems)?;
    reader.require("people", "the people of the groups none, light, moderate and heavy", problems);
    let mut intensity = Intensity::default();
    let four = |key: &str, problems: &mut Problems| match reader.raw(key) {
        None => None,
        Some(Value::Array(list)) if list.len() == 4 => Some(list.clone()),
        Some(_) => {
            problems.add(&reader.path_of(key), "must be a list of 4 values: none, light, moderate, heavy");
            None
        }
    };
    for (at, x) in four("people", problems).unwrap_or_default().iter().enumerate() {
        match x.as_u64().filter(|&n| n <= MAX_PEOPLE) {
            Some(n) => intensity.people[at] = n,
            None => problems.add(&index(&reader.path_of("people"), at), "must be a whole number from 0 to 10,000,000"),
        }
    }
    for (at, x) in four("hours", problems).unwrap_or_default().iter().enumerate() {
        match x {
            Value::Null => {}
            _ => match x.as_f64().filter(|h| (0.0..=80.0).contains(h)) {
                Some(h) => intensity.hours[at] = Some(h),
                None => problems
                    .add(&index(&reader.path_of("hours"), at), "must be a number of hours from 0 to 80, or null"),
            },
        }
    }
    Some(intensity)
}
