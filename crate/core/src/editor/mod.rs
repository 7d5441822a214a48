//! Editing a scenario as a person does, one field at a time (groundwork for the widget).
//!
//! The scenario document is the source of truth, and each input is addressed by the path the
//! validator reports (`departments[2].headcount`), so an error lands beside the field that caused it.
//! An edit that parses and validates is committed and the report recomputed; one that does not stays
//! as a draft with its message — nothing typed is lost, and the last valid report stays on screen.
//! Edits recompute everything but the Monte Carlo, which [`Editor::settle`] completes when typing pauses.

use serde_json::{Value, json};

use crate::benchmarks::BenchmarkTable;
use crate::fields::FieldError;
use crate::numbers::NumberStyle;
use crate::report::{Report, evaluate, evaluate_without_risk};
use crate::scenario::Scenario;

mod document;
mod measure;

pub use document::{ByPath, Draft, Drafts};
use document::{FieldKinds, edit, list_at, object, renumber};
pub use measure::MeasureEditor;

/// How a scenario's fields are typed.
const SCENARIO_FIELDS: FieldKinds = FieldKinds {
    percent: &["activeRate", "attribution", "confidence", "discountRate", "day30Factor", "spread"],
    text: &["name", "label", "currency", "locale", "benchmark"],
    optional: &["activeRate", "hoursSavedPerWeek", "seats", "locale", "benchmark"],
};

/// The cost lists a person can add lines to, and what a new line is called.
const COST_LISTS: [(&str, &str); 3] =
    [("costs.oneTime", "One-time cost"), ("costs.monthly", "Monthly cost"), ("costs.perSeatMonthly", "Licence")];

/// A scenario being edited, with its latest valid report.
#[derive(Debug, Clone)]
pub struct Editor {
    document: Value,
    /// `document` as read by the validator, kept so nothing downstream reads it again.
    scenario: Scenario,
    report: Report,
    table: BenchmarkTable,
    drafts: Drafts,
    risk_pending: bool,
}

impl Editor {
    /// Starts editing a valid scenario.
    pub fn new(scenario: &Scenario, table: BenchmarkTable) -> Result<Self, Vec<FieldError>> {
        let report = evaluate(scenario, &table)?;
        // Written as text and read back rather than built with `serde_json::to_value`: the WebAssembly
        // modules already write scenarios as text and read JSON values, and `to_value` would add a
        // second serializer of the scenario (export.rs does the same for its download).
        let text = serde_json::to_string(scenario).unwrap_or_default();
        let document = serde_json::from_str(&text).unwrap_or_else(|_| json!({}));
        let scenario = scenario.clone();
        Ok(Self { document, scenario, report, table, drafts: Drafts::new(), risk_pending: false })
    }

    /// The scenario as last committed.
    pub fn document(&self) -> &Value {
        &self.document
    }

    /// The same, as read by the validator.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The report of the last valid scenario.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The draft at `path`, if what was typed there is not in the scenario.
    pub fn draft(&self, path: &str) -> Option<&Draft> {
        self.drafts.get(path)
    }

    /// Every draft, by path.
    pub fn drafts(&self) -> &Drafts {
        &self.drafts
    }

    /// Sets the field at `path` from what was typed; returns true when the report changed.
    pub fn type_into(&mut self, path: &str, text: &str, style: &NumberStyle) -> bool {
        let Self { document, table, drafts, .. } = self;
        let mut accepted = None;
        edit(document, drafts, &SCENARIO_FIELDS, path, text, style, |trial| {
            accepted = Some((check(&trial, table)?, trial));
            Ok(())
        });
        let Some((checked, trial)) = accepted else { return false };
        self.accept(checked, trial);
        true
    }

    /// Adds a department like the last one, named `name`; returns false if the scenario is full.
    pub fn add_department(&mut self, name: &str) -> bool {
        let mut trial = self.document.clone();
        let Some(list) = list_at(&mut trial, "departments") else { return false };
        let mut copy = list.last().cloned().unwrap_or_else(|| json!({}));
        if let Some(fields) = copy.as_object_mut() {
            fields.insert("name".into(), Value::from(name));
            fields.remove("useCases");
        }
        list.push(copy);
        self.commit(trial).is_ok()
    }

    /// Adds an empty line (amount 0) to a cost list (`costs.oneTime`, `costs.monthly`,
    /// `costs.perSeatMonthly`); returns false for any other list or when the list is full.
    pub fn add_cost(&mut self, list: &str) -> bool {
        let Some((_, label)) = COST_LISTS.iter().find(|(path, _)| *path == list) else { return false };
        // Every list is under `costs.` (stripped, not sliced: slicing a string brings its panic into the module).
        let Some(key) = list.strip_prefix("costs.") else { return false };
        let mut trial = self.document.clone();
        let Some(costs) = trial.as_object_mut().map(|doc| doc.entry("costs").or_insert_with(|| json!({}))) else {
            return false;
        };
        let Some(lines) = costs.as_object_mut().map(|c| c.entry(key).or_insert_with(|| json!([]))) else {
            return false;
        };
        let Some(lines) = lines.as_array_mut() else { return false };
        lines.push(object([("label", Value::from(*label)), ("amount", Value::from(0.0))]));
        self.commit(trial).is_ok()
    }

    /// Adds a use case (a task, minutes before and after, times a week) to department `index`; its
    /// hours saved then come from its use cases instead of the typed or benchmark value.
    pub fn add_use_case(&mut self, index: usize) -> bool {
        let mut trial = self.document.clone();
        let Some(department) = list_at(&mut trial, "departments").and_then(|l| l.get_mut(index)) else { return false };
        let Some(fields) = department.as_object_mut() else { return false };
        fields.remove("hoursSavedPerWeek");
        let cases = fields.entry("useCases").or_insert_with(|| json!([]));
        let Some(cases) = cases.as_array_mut() else { return false };
        let name = Value::from(format!("Task {}", cases.len() + 1));
        let zero = || Value::from(0.0);
        cases.push(object([("name", name), ("minutesBefore", zero()), ("minutesAfter", zero()), ("perWeek", zero())]));
        self.commit(trial).is_ok()
    }

    /// Removes item `index` of the list at `list` (`departments`, a cost list, or a department's
    /// `useCases`), with any drafts typed into it. The last department stays: a scenario needs one; a
    /// department whose last use case goes back to the typed or benchmark hours.
    pub fn remove(&mut self, list: &str, index: usize) -> bool {
        let use_cases = list.starts_with("departments[") && list.ends_with("].useCases");
        if list != "departments" && !use_cases && !COST_LISTS.iter().any(|(path, _)| *path == list) {
            return false;
        }
        let mut trial = self.document.clone();
        let Some(items) = list_at(&mut trial, list) else { return false };
        if index >= items.len() || (list == "departments" && items.len() <= 1) {
            return false;
        }
        items.remove(index);
        if use_cases && items.is_empty() {
            let department = list.strip_suffix(".useCases").unwrap_or(list);
            if let Some(fields) = list_at(&mut trial, "departments")
                .zip(department_index(department))
                .and_then(|(list, i)| list.get_mut(i))
                .and_then(Value::as_object_mut)
            {
                fields.remove("useCases");
            }
        }
        if self.commit(trial).is_err() {
            return false;
        }
        renumber(&mut self.drafts, list, index);
        true
    }

    /// Completes the report's Monte Carlo after edits; returns true when there was one to complete.
    pub fn settle(&mut self) -> bool {
        if !self.risk_pending {
            return false;
        }
        self.risk_pending = false;
        match evaluate(&self.scenario, &self.table) {
            Ok(report) => {
                self.report = report;
                true
            }
            Err(_) => false,
        }
    }

    /// True while the report lacks the Monte Carlo of the latest edit.
    pub fn risk_pending(&self) -> bool {
        self.risk_pending
    }

    /// Validates and evaluates `trial` (all but the Monte Carlo); on success it becomes the document and
    /// its report the report.
    fn commit(&mut self, trial: Value) -> Result<(), Vec<FieldError>> {
        let checked = check(&trial, &self.table)?;
        self.accept(checked, trial);
        Ok(())
    }

    /// Makes a checked `trial` the scenario being edited.
    fn accept(&mut self, (scenario, report): (Scenario, Report), trial: Value) {
        self.risk_pending = scenario.uncertainty.draws > 0;
        (self.scenario, self.report, self.document) = (scenario, report, trial);
    }
}

/// The index in `departments[3]` (3).
fn department_index(path: &str) -> Option<usize> {
    path.strip_prefix("departments[")?.strip_suffix(']')?.parse().ok()
}

/// `document` read as a scenario, and its report without the Monte Carlo.
fn check(document: &Value, table: &BenchmarkTable) -> Result<(Scenario, Report), Vec<FieldError>> {
    let scenario = Scenario::from_json(document)?;
    let report = evaluate_without_risk(&scenario, table)?;
    Ok((scenario, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor() -> Editor {
        Editor::new(&Scenario::default(), BenchmarkTable::default()).expect("the default scenario is valid")
    }

    #[test]
    fn the_document_is_the_scenarios_json_value() {
        let mut scenario = Scenario::default();
        scenario.departments[0].name = "Ünïcode \"quoted\" \u{1F600} \\ line\nbreak".into();
        scenario.departments[0].hourly_cost = Some(0.1 + 0.2);
        scenario.departments[0].active_rate = Some(1e-7);
        scenario.departments[0].headcount = 123_456_789;
        for scenario in [Scenario::default(), scenario] {
            let e = Editor::new(&scenario, BenchmarkTable::default()).expect("valid");
            assert_eq!(e.document(), &serde_json::to_value(&scenario).expect("value"));
        }
    }

    #[test]
    fn a_valid_edit_commits_and_recomputes() {
        let mut e = editor();
        assert_eq!(e.report().annual.roi_percent, Some(740.0));
        assert!(e.type_into("departments[0].headcount", "250", &NumberStyle::english()));
        assert_eq!(e.document()["departments"][0]["headcount"], json!(250.0));
        // (4,095,000 − 361,500) / 361,500 × 100.
        let roi = e.report().annual.roi_percent.expect("cost > 0");
        assert!((roi - 1_032.780_082_987_551_9).abs() < 1e-9);
    }

    #[test]
    fn an_invalid_edit_stays_as_a_draft_and_the_report_stays() {
        let mut e = editor();
        let german = NumberStyle { decimal: ',', group: '.', currency: None };
        assert!(!e.type_into("departments[0].headcount", "12,5", &german));
        let draft = e.draft("departments[0].headcount").expect("kept");
        assert_eq!(draft.text, "12,5");
        assert!(draft.message.contains("whole number"), "{}", draft.message);
        assert_eq!(e.report().annual.roi_percent, Some(740.0));
        assert!(!e.type_into("weeksPerYear", "zwei", &german));
        assert!(e.draft("weeksPerYear").is_some_and(|d| d.message.contains(',')));
        // Fixing the field clears its draft.
        assert!(e.type_into("departments[0].headcount", "1.000", &german));
        assert!(e.draft("departments[0].headcount").is_none());
        assert_eq!(e.document()["departments"][0]["headcount"], json!(1000.0));
    }

    #[test]
    fn percentages_and_optional_fields() {
        let mut e = editor();
        let english = NumberStyle::english();
        assert!(e.type_into("departments[0].activeRate", "85%", &english));
        assert_eq!(e.document()["departments"][0]["activeRate"], json!(0.85));
        assert!(!e.type_into("departments[0].activeRate", "150", &english));
        assert!(e.draft("departments[0].activeRate").is_some());
        // Emptying an optional field restores the benchmark default.
        assert!(e.type_into("departments[0].activeRate", "", &english));
        assert!(e.document()["departments"][0].get("activeRate").is_none());
        assert_eq!(e.report().departments[0].active_rate, 0.7);
        assert!(e.type_into(
            "costs.oneTime[0].amount",
            "$90,000",
            &NumberStyle { currency: Some("$".into()), ..english }
        ));
        assert!(e.type_into("departments[0].name", "  Legal  ", &NumberStyle::english()));
        assert_eq!(e.document()["departments"][0]["name"], json!("Legal"));
    }

    #[test]
    fn departments_are_added_and_removed_with_their_drafts() {
        let mut e = editor();
        let english = NumberStyle::english();
        assert!(e.add_department("Legal"));
        assert!(e.add_department("Sales"));
        assert_eq!(e.report().departments.len(), 3);
        assert!(!e.type_into("departments[1].headcount", "lots", &english));
        assert!(!e.type_into("departments[2].headcount", "many", &english));
        assert!(e.remove("departments", 1));
        assert_eq!(e.report().departments.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["All staff", "Sales"]);
        assert!(e.draft("departments[1].headcount").is_some_and(|d| d.text == "many"));
        assert!(e.drafts().len() == 1);
        assert!(e.remove("departments", 1));
        assert!(!e.remove("departments", 0), "the last department stays");
    }

    #[test]
    fn cost_lines_are_added_edited_and_removed() {
        let mut e = editor();
        let english = NumberStyle::english();
        let before = e.report().annual.cost;
        assert!(e.add_cost("costs.monthly"));
        let last = e.document()["costs"]["monthly"].as_array().map_or(0, Vec::len) - 1;
        assert_eq!(e.document()["costs"]["monthly"][last], json!({ "label": "Monthly cost", "amount": 0.0 }));
        assert!(e.type_into(&format!("costs.monthly[{last}].amount"), "1,000", &english));
        // 12 months of 1,000 more.
        assert!((e.report().annual.cost - before - 12_000.0).abs() < 1e-9);
        assert!(!e.type_into(&format!("costs.monthly[{last}].amount"), "-5", &english));
        assert!(e.remove("costs.monthly", last));
        assert!((e.report().annual.cost - before).abs() < 1e-9);
        assert!(e.drafts().is_empty(), "the removed line's draft went with it");
        assert!(!e.add_cost("weeksPerYear"));
        assert!(!e.remove("seats", 0));
    }

    #[test]
    fn use_cases_replace_the_hours_and_go_back_to_them() {
        let mut e = editor();
        let english = NumberStyle::english();
        assert!(e.add_use_case(0));
        let added = json!({ "name": "Task 1", "minutesBefore": 0.0, "minutesAfter": 0.0, "perWeek": 0.0 });
        assert_eq!(e.document()["departments"][0]["useCases"], json!([added]));
        assert!(e.document()["departments"][0].get("hoursSavedPerWeek").is_none());
        assert_eq!(e.report().departments[0].hours_saved_per_week, 0.0, "an empty task saves nothing yet");
        assert!(e.type_into("departments[0].useCases[0].name", "Contract review", &english));
        assert!(e.type_into("departments[0].useCases[0].minutesBefore", "180", &english));
        assert!(e.type_into("departments[0].useCases[0].minutesAfter", "40", &english));
        assert!(e.type_into("departments[0].useCases[0].perWeek", "3", &english));
        // (180 − 40) × 3 / 60 = 7 hours a week.
        assert!((e.report().departments[0].hours_saved_per_week - 7.0).abs() < 1e-12);
        assert!(!e.type_into("departments[0].useCases[0].minutesAfter", "200", &english), "after ≤ before");
        assert!(e.remove("departments[0].useCases", 0));
        assert!(e.document()["departments"][0].get("useCases").is_none());
        assert_eq!(e.report().departments[0].hours_saved_per_week, 6.5, "back to the benchmark midpoint");
        assert!(e.drafts().is_empty());
        assert!(!e.add_use_case(3));
    }

    #[test]
    fn the_monte_carlo_is_completed_when_typing_pauses() {
        let mut e = editor();
        assert!(e.report().risk.is_some(), "a new editor has the full report");
        assert!(e.type_into("departments[0].headcount", "120", &NumberStyle::english()));
        assert!(e.risk_pending() && e.report().risk.is_none());
        assert!(e.settle());
        let full = crate::evaluate(&Scenario::from_json(e.document()).expect("valid"), &BenchmarkTable::default());
        assert_eq!(Some(e.report()), full.as_ref().ok());
        assert!(!e.settle(), "nothing left to complete");
    }

    #[test]
    fn unknown_paths_are_drafts_not_panics() {
        let mut e = editor();
        for path in ["departments[9].headcount", "nope[x]", "", "costs.oneTime[5].amount"] {
            assert!(!e.type_into(path, "1", &NumberStyle::english()), "{path}");
        }
        assert!(!e.type_into("typo", "1", &NumberStyle::english()), "unknown keys fail validation");
    }
}
