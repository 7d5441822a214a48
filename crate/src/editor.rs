//! Editing a scenario as a person does, one field at a time (groundwork for the widget, issue 3).
//!
//! The scenario document is the source of truth, and each input is addressed by the path the
//! validator reports (`departments[2].headcount`), so an error lands beside the field that caused it.
//! An edit that parses and validates is committed and the report recomputed; one that does not stays
//! as a draft with its message — nothing typed is lost, and the last valid report stays on screen.
//! Edits recompute everything but the Monte Carlo, which [`Editor::settle`] completes when typing pauses.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::benchmarks::BenchmarkTable;
use crate::fields::FieldError;
use crate::numbers::{NumberStyle, parse_number};
use crate::report::{Report, evaluate, evaluate_without_risk};
use crate::scenario::Scenario;

/// Fields typed as percentages (`85` or `85%` means 0.85).
const PERCENT_FIELDS: &[&str] = &["activeRate", "attribution", "confidence", "discountRate", "day30Factor", "spread"];
/// Fields typed as text.
const TEXT_FIELDS: &[&str] = &["name", "label", "currency", "locale", "benchmark"];
/// Fields that may be left empty, which restores their default.
const OPTIONAL_FIELDS: &[&str] = &["activeRate", "hoursSavedPerWeek", "seats", "locale", "benchmark"];

/// What a person typed into a field that could not be used yet, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The text as typed.
    pub text: String,
    /// What is wrong with it.
    pub message: String,
}

/// A scenario being edited, with its latest valid report.
#[derive(Debug, Clone)]
pub struct Editor {
    document: Value,
    report: Report,
    table: BenchmarkTable,
    drafts: BTreeMap<String, Draft>,
    risk_pending: bool,
}

impl Editor {
    /// Starts editing a valid scenario.
    pub fn new(scenario: &Scenario, table: BenchmarkTable) -> Result<Self, Vec<FieldError>> {
        let report = evaluate(scenario, &table)?;
        let document = serde_json::to_value(scenario).unwrap_or_else(|_| json!({}));
        Ok(Self { document, report, table, drafts: BTreeMap::new(), risk_pending: false })
    }

    /// The scenario as last committed.
    pub fn document(&self) -> &Value {
        &self.document
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
    pub fn drafts(&self) -> &BTreeMap<String, Draft> {
        &self.drafts
    }

    /// Sets the field at `path` from what was typed; returns true when the report changed.
    pub fn type_into(&mut self, path: &str, text: &str, style: &NumberStyle) -> bool {
        let key = path.rsplit(['.', '[']).next().unwrap_or(path);
        let value = match read_typed(key, text, style) {
            Ok(value) => value,
            Err(message) => {
                self.drafts.insert(path.to_owned(), Draft { text: text.to_owned(), message });
                return false;
            }
        };
        let mut trial = self.document.clone();
        if !set_path(&mut trial, path, value) {
            self.drafts
                .insert(path.to_owned(), Draft { text: text.to_owned(), message: "This field does not exist.".into() });
            return false;
        }
        match self.commit(trial) {
            Ok(()) => {
                self.drafts.remove(path);
                true
            }
            Err(problems) => {
                let message = problems
                    .iter()
                    .find(|p| p.path == path)
                    .or_else(|| problems.first())
                    .map_or_else(String::new, |p| p.message.clone());
                self.drafts.insert(path.to_owned(), Draft { text: text.to_owned(), message });
                false
            }
        }
    }

    /// Adds a department like the last one, named `name`; returns false if the scenario is full.
    pub fn add_department(&mut self, name: &str) -> bool {
        let mut trial = self.document.clone();
        let Some(list) = trial.get_mut("departments").and_then(Value::as_array_mut) else { return false };
        let mut copy = list.last().cloned().unwrap_or_else(|| json!({}));
        if let Some(fields) = copy.as_object_mut() {
            fields.insert("name".into(), json!(name));
            fields.remove("useCases");
        }
        list.push(copy);
        self.commit(trial).is_ok()
    }

    /// Removes department `index` (never the last one left), with any drafts typed into it.
    pub fn remove_department(&mut self, index: usize) -> bool {
        let mut trial = self.document.clone();
        let Some(list) = trial.get_mut("departments").and_then(Value::as_array_mut) else { return false };
        if list.len() <= 1 || index >= list.len() {
            return false;
        }
        list.remove(index);
        if self.commit(trial).is_err() {
            return false;
        }
        // Drafts of later departments move up one place; those of the removed one go.
        let moved: BTreeMap<String, Draft> = std::mem::take(&mut self.drafts)
            .into_iter()
            .filter_map(|(path, draft)| match department_index(&path) {
                Some(i) if i == index => None,
                Some(i) if i > index => {
                    Some((path.replacen(&format!("departments[{i}]"), &format!("departments[{}]", i - 1), 1), draft))
                }
                _ => Some((path, draft)),
            })
            .collect();
        self.drafts = moved;
        true
    }

    /// Completes the report's Monte Carlo after edits; returns true when there was one to complete.
    pub fn settle(&mut self) -> bool {
        if !self.risk_pending {
            return false;
        }
        self.risk_pending = false;
        match Scenario::from_json(&self.document).map(|scenario| evaluate(&scenario, &self.table)) {
            Ok(Ok(report)) => {
                self.report = report;
                true
            }
            _ => false,
        }
    }

    /// True while the report lacks the Monte Carlo of the latest edit.
    pub fn risk_pending(&self) -> bool {
        self.risk_pending
    }

    /// Validates and evaluates `trial` (all but the Monte Carlo); on success it becomes the document and
    /// its report the report.
    fn commit(&mut self, trial: Value) -> Result<(), Vec<FieldError>> {
        let scenario = Scenario::from_json(&trial)?;
        self.report = evaluate_without_risk(&scenario, &self.table)?;
        self.risk_pending = scenario.uncertainty.draws > 0;
        self.document = trial;
        Ok(())
    }
}

/// The JSON value of `text` typed into a field named `key`.
fn read_typed(key: &str, text: &str, style: &NumberStyle) -> Result<Value, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() && OPTIONAL_FIELDS.contains(&key) {
        return Ok(Value::Null);
    }
    if TEXT_FIELDS.contains(&key) {
        return Ok(json!(trimmed));
    }
    let number = parse_number(trimmed, style).map_err(|e| e.to_string())?;
    Ok(json!(if PERCENT_FIELDS.contains(&key) { number / 100.0 } else { number }))
}

/// The index of the department a path is in (`departments[3].name` → 3).
fn department_index(path: &str) -> Option<usize> {
    path.strip_prefix("departments[")?.split(']').next()?.parse().ok()
}

/// Sets `value` at `path` (`costs.oneTime[0].amount`) in `document`; `null` removes an optional key.
/// Returns false when the path's parent does not exist.
fn set_path(document: &mut Value, path: &str, value: Value) -> bool {
    let mut segments: Vec<Segment<'_>> = Vec::new();
    for part in path.split('.') {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            segments.push(Segment::Key(key));
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            match index.trim_end_matches(']').parse() {
                Ok(i) => segments.push(Segment::Index(i)),
                Err(_) => return false,
            }
        }
    }
    let Some((last, parents)) = segments.split_last() else { return false };
    let mut node = document;
    for segment in parents {
        node = match (segment, node) {
            (Segment::Key(k), Value::Object(map)) => {
                map.entry((*k).to_owned()).or_insert_with(|| Value::Object(Map::new()))
            }
            (Segment::Index(i), Value::Array(items)) => match items.get_mut(*i) {
                Some(item) => item,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (Segment::Key(k), Value::Object(map)) => {
            if value.is_null() && *k != "benchmark" {
                map.remove(*k);
            } else {
                map.insert((*k).to_owned(), value);
            }
            true
        }
        (Segment::Index(i), Value::Array(items)) if *i < items.len() => {
            items[*i] = value;
            true
        }
        _ => false,
    }
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor() -> Editor {
        Editor::new(&Scenario::default(), BenchmarkTable::default()).expect("the default scenario is valid")
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
        assert!(e.remove_department(1));
        assert_eq!(e.report().departments.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["All staff", "Sales"]);
        assert!(e.draft("departments[1].headcount").is_some_and(|d| d.text == "many"));
        assert!(e.drafts().len() == 1);
        assert!(e.remove_department(1));
        assert!(!e.remove_department(0), "the last department stays");
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
