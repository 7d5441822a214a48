//! Editing measured results (measure mode) as a person does: the checkpoint day, each metric for the
//! organisation and per department. Like the scenario editor, a value that does not validate stays as a
//! draft with its message and the last valid assessment stays on screen.

use serde_json::{Map, Value};

use super::document::{Drafts, FieldKinds, edit, list_at, object, renumber};
use crate::assessment::{Assessment, Measurements, read_and_assess};
use crate::benchmarks::BenchmarkTable;
use crate::fields::FieldError;
use crate::numbers::NumberStyle;

/// Metrics typed as percentages; every other metric is a count, minutes, hours or a 1–5 score.
const SHARE_METRICS: &[&str] = &[
    "activeUsageRate",
    "weeklyActiveRate",
    "completionRate",
    "week4RetentionOfWeek1",
    "dailyWorkflowShare",
    "reviewedBeforeUse",
    "qualityEqualOrBetter",
];

/// How a measurements document's fields are typed: every metric may be left empty (not measured).
const MEASURE_FIELDS: FieldKinds = FieldKinds {
    percent: SHARE_METRICS,
    text: &["name", "benchmark"],
    optional: &[
        "activeUsageRate",
        "weeklyActiveRate",
        "completionRate",
        "sessionsPerActiveUserWeek",
        "avgSessionMinutes",
        "week4RetentionOfWeek1",
        "hoursSavedPerWeek",
        "dailyWorkflowShare",
        "satisfaction",
        "reviewedBeforeUse",
        "qualityEqualOrBetter",
        "benchmark",
        "people",
        "licensedSeats",
    ],
};

/// A measurements document being edited, with its latest valid measurements and their assessment.
#[derive(Debug, Clone)]
pub struct MeasureEditor {
    document: Value,
    measurements: Measurements,
    assessment: Assessment,
    table: BenchmarkTable,
    drafts: Drafts,
}

impl MeasureEditor {
    /// Starts editing `document`, a measurements document; fails with every problem in it.
    pub fn new(document: Value, table: BenchmarkTable) -> Result<Self, Vec<FieldError>> {
        let (measurements, assessment) = read_and_assess(&document, &table)?;
        Ok(Self { document, measurements, assessment, table, drafts: Drafts::new() })
    }

    /// An empty Day-30 checkpoint for the departments of `scenario` (a valid scenario document), so a
    /// person measuring a programme finds the departments they planned.
    pub fn for_scenario(scenario: &Value, table: BenchmarkTable) -> Self {
        let departments: Vec<Value> = scenario["departments"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|d| department(d["name"].clone(), d.get("benchmark").cloned().unwrap_or(Value::Null)))
                    .collect()
            })
            .unwrap_or_default();
        let document = checkpoint(departments);
        // A valid scenario's names and benchmark keys are valid here too; should that ever change, the
        // person starts from an empty checkpoint rather than from nothing.
        Self::new(document, table.clone()).unwrap_or_else(|_| {
            let measurements = Measurements { version: 1, checkpoint_day: 30, ..Measurements::default() };
            let assessment = crate::assess(&measurements, &table);
            let document = checkpoint(Vec::new());
            Self { document, measurements, assessment, table, drafts: Drafts::new() }
        })
    }

    /// The measurements as last committed.
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// The same, as read by the validator (what the realised return is computed from).
    pub fn measurements(&self) -> &Measurements {
        &self.measurements
    }

    /// The assessment of the last valid measurements.
    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// Every draft, by path.
    pub fn drafts(&self) -> &Drafts {
        &self.drafts
    }

    /// Sets the field at `path` (`metrics.weeklyActiveRate`, `departments[1].metrics.hoursSavedPerWeek`,
    /// `checkpointDay`) from what was typed; returns true when the assessment changed.
    pub fn type_into(&mut self, path: &str, text: &str, style: &NumberStyle) -> bool {
        let Self { document, measurements, assessment, table, drafts } = self;
        let mut accepted = None;
        edit(document, drafts, &MEASURE_FIELDS, path, text, style, |trial| {
            accepted = Some((read_and_assess(&trial, table)?, trial));
            Ok(())
        });
        let Some(((new_measurements, new_assessment), trial)) = accepted else { return false };
        (*measurements, *assessment, *document) = (new_measurements, new_assessment, trial);
        true
    }

    /// Adds a department named `name` with nothing measured; false when the document is full.
    pub fn add_department(&mut self, name: &str) -> bool {
        let mut trial = self.document.clone();
        let Some(list) = list_at(&mut trial, "departments") else { return false };
        list.push(department(Value::from(name), Value::Null));
        self.commit(trial)
    }

    /// Removes department `index` and its drafts.
    pub fn remove_department(&mut self, index: usize) -> bool {
        let mut trial = self.document.clone();
        let Some(list) = list_at(&mut trial, "departments") else { return false };
        if index >= list.len() {
            return false;
        }
        list.remove(index);
        if !self.commit(trial) {
            return false;
        }
        renumber(&mut self.drafts, "departments", index);
        true
    }

    fn commit(&mut self, trial: Value) -> bool {
        match read_and_assess(&trial, &self.table) {
            Ok((measurements, assessment)) => {
                (self.measurements, self.assessment, self.document) = (measurements, assessment, trial);
                true
            }
            Err(_) => false,
        }
    }
}

/// A checkpoint document at Day 30 with nothing measured for the organisation, of `departments`.
fn checkpoint(departments: Vec<Value>) -> Value {
    let metrics = Value::Object(Map::new());
    object([
        ("version", Value::from(1)),
        ("checkpointDay", Value::from(30)),
        ("metrics", metrics),
        ("departments", Value::Array(departments)),
    ])
}

/// A department of a checkpoint, with nothing measured.
fn department(name: Value, benchmark: Value) -> Value {
    object([("name", name), ("benchmark", benchmark), ("metrics", Value::Object(Map::new()))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Severity, Status};
    use serde_json::json;

    fn editor() -> MeasureEditor {
        let scenario = json!({ "departments": [
            { "name": "Sales", "benchmark": "sales", "headcount": 40, "hourlyCost": 50 },
            { "name": "Legal", "benchmark": null, "headcount": 10, "hourlyCost": 90 },
        ]});
        MeasureEditor::for_scenario(&scenario, BenchmarkTable::default())
    }

    #[test]
    fn starts_from_the_scenarios_departments_with_nothing_measured() {
        let mut e = editor();
        let department = |name: &str, benchmark: Value| json!({ "name": name, "benchmark": benchmark, "metrics": {} });
        let departments = [department("Sales", json!("sales")), department("Legal", Value::Null)];
        let expected = json!({ "version": 1, "checkpointDay": 30, "metrics": {}, "departments": departments });
        assert_eq!(e.document(), &expected);
        assert!(e.add_department("Ops"));
        assert_eq!(e.document()["departments"][2], department("Ops", Value::Null));
        assert!(e.remove_department(2));
        assert_eq!(e.document()["checkpointDay"], json!(30));
        assert_eq!(e.document()["departments"][0]["benchmark"], json!("sales"));
        assert_eq!(e.assessment().departments.len(), 2);
        assert_eq!(e.assessment().metrics.active_usage_rate.status, Status::Unknown);
        assert!(e.assessment().flags.is_empty());
    }

    #[test]
    fn day_30_numbers_raise_the_flags_with_their_actions() {
        let mut e = editor();
        let english = NumberStyle::english();
        // 45% active (< 50%: red) with 90% completion: the combined rule fires too.
        assert!(e.type_into("metrics.activeUsageRate", "45%", &english));
        assert!(e.type_into("metrics.completionRate", "90", &english));
        assert_eq!(e.document()["metrics"]["activeUsageRate"], json!(0.45));
        let a = e.assessment();
        assert_eq!(a.metrics.active_usage_rate.status, Status::Red);
        assert_eq!(a.metrics.completion_rate.status, Status::Green);
        assert!(a.flags.iter().any(|f| f.severity == Severity::Red && f.metric == "activeUsageRate"));
        assert!(a.flags.iter().all(|f| !f.action.is_empty()));
        // A department below 50% weekly active is named.
        assert!(e.type_into("departments[1].metrics.weeklyActiveRate", "30", &english));
        assert!(e.type_into("departments[0].metrics.weeklyActiveRate", "60", &english));
        assert_eq!(e.assessment().departments_below_adoption, ["Legal"]);
        assert_eq!(e.assessment().metrics.department_adoption_rate.value, Some(0.5));
    }

    #[test]
    fn bad_values_stay_as_drafts_and_empty_means_not_measured() {
        let mut e = editor();
        let english = NumberStyle::english();
        assert!(e.type_into("metrics.satisfaction", "4.2", &english));
        assert!(!e.type_into("metrics.satisfaction", "7", &english));
        assert!(e.drafts().get("metrics.satisfaction").is_some_and(|d| d.message.contains("1 to 5")));
        assert_eq!(e.assessment().metrics.satisfaction.value, Some(4.2));
        assert!(!e.type_into("checkpointDay", "thirty", &english));
        assert!(e.type_into("metrics.satisfaction", "", &english));
        assert!(e.document()["metrics"].get("satisfaction").is_none());
        assert!(!e.drafts().contains_key("metrics.satisfaction"));
        assert!(e.type_into("checkpointDay", "90", &english));
        assert_eq!(e.assessment().checkpoint_day, 90);
    }

    #[test]
    fn departments_are_added_and_removed_with_their_drafts() {
        let mut e = editor();
        let english = NumberStyle::english();
        assert!(e.add_department("Support"));
        assert!(!e.type_into("departments[2].metrics.weeklyActiveRate", "lots", &english));
        assert!(e.remove_department(0));
        assert!(e.drafts().contains_key("departments[1].metrics.weeklyActiveRate"));
        assert_eq!(
            e.assessment().departments.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
            ["Legal", "Support"]
        );
        assert!(!e.remove_department(5));
    }
}
