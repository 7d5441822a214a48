//! Reads a measurements document field by field (see [`crate::fields`]).

use serde_json::Value;

use super::{DepartmentMeasurements, METRIC_KEYS, Measurements, Metrics};
use crate::fields::{FieldError, ObjectReader, Problems, check_version};

const DOCUMENT_KEYS: &[&str] = &["version", "checkpointDay", "people", "licensedSeats", "metrics", "departments"];
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
    let dept = ObjectReader::new(value, path, &["name", "benchmark", "people", "metrics"], problems)?;
    dept.require("name", "any name of 1 to 80 characters", problems);
    let name = dept.text("name", MAX_NAME, problems);
    let benchmark = match dept.raw("benchmark") {
        None | Some(Value::Null) => None,
        Some(_) => dept.text("benchmark", MAX_NAME, problems),
    };
    let metrics = dept.raw("metrics").map(|m| read_metrics(m, &dept.path_of("metrics"), problems)).unwrap_or_default();
    let people = dept.whole_in("people", 0, MAX_PEOPLE, "a whole number from 0 to 10,000,000", problems);
    Some(DepartmentMeasurements { name: name?, benchmark, people, metrics })
}
