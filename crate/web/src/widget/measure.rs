//! Measure mode: the checkpoint, each metric for the organisation with its target and status, the
//! flags with their diagnosis and next action, the scorecard, and the departments with their adoption.
//! Status is always said in words as well as colour.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::Widget;
use roi_core::assessment::{Metric, MetricResult, Severity, Status};

/// The metrics a person enters: key, label, how the value is typed and shown.
const METRICS: [(&str, &str, Kind); 11] = [
    ("activeUsageRate", "Active use (3+ times in the last 7 days) %", Kind::Share),
    ("weeklyActiveRate", "Weekly active ÷ licensed seats %", Kind::Share),
    ("completionRate", "Completed the training %", Kind::Share),
    ("sessionsPerActiveUserWeek", "Sessions per active user a week", Kind::Number),
    ("avgSessionMinutes", "Average session, minutes", Kind::Number),
    ("week4RetentionOfWeek1", "Week-4 users ÷ week-1 users %", Kind::Share),
    ("hoursSavedPerWeek", "Hours saved per active user a week", Kind::Number),
    ("dailyWorkflowShare", "Say it is part of their daily work %", Kind::Share),
    ("satisfaction", "Satisfaction, 1–5", Kind::Number),
    ("reviewedBeforeUse", "Outputs reviewed before use %", Kind::Share),
    ("qualityEqualOrBetter", "Managers rating work equal or better %", Kind::Share),
];

/// The metrics entered per department (the ones the department comparison and adoption use).
const DEPARTMENT_METRICS: [&str; 4] = ["weeklyActiveRate", "activeUsageRate", "hoursSavedPerWeek", "satisfaction"];

/// The checkpoints offered (the targets are judged from days 0, 28, 30 and 90: docs/model.md#metrics-and-targets).
const CHECKPOINTS: [(&str, &str); 4] = [("7", "Day 7"), ("30", "Day 30"), ("60", "Day 60"), ("90", "Day 90")];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Share,
    Number,
}

/// The computed department adoption rate, judged like the entered metrics but never typed.
const ADOPTION: (&str, &str, Kind) = ("departmentAdoptionRate", "Departments at 50%+ weekly active", Kind::Share);

/// A metric's key, input label and kind.
fn metric(key: &str) -> (&str, &str, Kind) {
    METRICS.iter().chain([&ADOPTION]).find(|(k, ..)| *k == key).copied().unwrap_or((key, key, Kind::Number))
}

/// A metric's name in a sentence (its input label without the " %").
pub(super) fn name_of(key: &str) -> &str {
    metric(key).1.trim_end_matches(" %")
}

/// The status in words (colour is never the only signal) and its CSS class.
fn status_words(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Green => ("On target", "green"),
        Status::Amber => ("Below target", "amber"),
        Status::Red => ("Act now", "red"),
        Status::Unknown => ("Not measured", "unknown"),
        Status::NotYetJudged => ("Too early to judge", "unknown"),
    }
}

impl Widget {
    /// Builds measure mode into `main`.
    pub(super) fn build_measure(&self, main: &Element) -> Result<(), JsValue> {
        let doc = self.measure.document();
        self.build_import(main)?;
        let intro = self.add(main, "section", "checkpoint", None)?;
        intro.set_attribute("part", "checkpoint")?;
        self.add(&intro, "h2", "", Some("Measured results"))?;
        self.add(
            &intro,
            "p",
            "hint",
            Some("Enter what you measured at the checkpoint; leave empty what you did not measure."),
        )?;
        let grid = self.add(&intro, "div", "settings", None)?;
        let day = doc["checkpointDay"].as_u64().unwrap_or(30).to_string();
        let mut days: Vec<(&str, &str)> = CHECKPOINTS.to_vec();
        let other = format!("Day {day}");
        if !CHECKPOINTS.iter().any(|(d, _)| *d == day) {
            days.push((&day, &other));
        }
        grid.append_child(self.select("checkpointDay", "Checkpoint", &days, &day)?.as_ref())?;
        for (key, label) in [("people", "Trained people"), ("licensedSeats", "Licensed seats")] {
            grid.append_child(self.field(key, label, &self.shown(&doc[key], false))?.as_ref())?;
        }

        let scorecard = self.add(main, "section", "scorecard", None)?;
        scorecard.set_attribute("part", "scorecard")?;
        self.add(&scorecard, "h2", "", Some("Scorecard"))?;
        let figures = self.add(&scorecard, "dl", "figures", None)?;
        for (key, label) in [
            ("weeklyActiveRate", "Weekly active rate"),
            ("hoursPerUser", "Hours saved per active user a week"),
            ("hoursTotal", "Hours saved a week, everyone"),
            ("retention", "Week-4 ÷ week-1 users"),
        ] {
            let item = self.add(&figures, "div", "figure", None)?;
            self.add(&item, "dt", "", Some(label))?;
            let value = self.add(&item, "dd", "", None)?;
            self.add(&value, "output", "", None)?.set_attribute("data-score", key)?;
        }
        self.add(&scorecard, "p", "status", None)?.set_attribute("role", "status")?;

        let table = self.add(&scorecard, "table", "metrics", None)?;
        self.add(&table, "caption", "", Some("Each metric against its target"))?;
        let head = self.add(&self.add(&table, "thead", "", None)?, "tr", "", None)?;
        for heading in ["Metric", "Target", "Status"] {
            self.add(&head, "th", "", Some(heading))?.set_attribute("scope", "col")?;
        }
        let body = self.add(&table, "tbody", "", None)?;
        for (key, label, kind) in METRICS {
            let row = self.add(&body, "tr", "", None)?;
            let cell = self.add(&row, "td", "", None)?;
            let path = format!("metrics.{key}");
            cell.append_child(
                self.field(&path, label, &self.shown_measured(&doc["metrics"][key], kind == Kind::Share))?.as_ref(),
            )?;
            self.add(&row, "td", "target", None)?.set_attribute("data-target", key)?;
            self.add(&row, "td", "rag", None)?.set_attribute("data-status", key)?;
        }
        let row = self.add(&body, "tr", "", None)?;
        self.add(&row, "td", "", Some(ADOPTION.1))?;
        self.add(&row, "td", "target", None)?.set_attribute("data-target", "departmentAdoptionRate")?;
        self.add(&row, "td", "rag", None)?.set_attribute("data-status", "departmentAdoptionRate")?;

        self.build_realised(main)?;

        let flags = self.add(main, "section", "flags", None)?;
        flags.set_attribute("part", "flags")?;
        self.add(&flags, "h2", "", Some("What to do next"))?;
        self.add(&flags, "ol", "flag-list", None)?;

        self.build_imported(main)?;
        main.append_child(self.measured_departments()?.as_ref())?;
        Ok(())
    }

    fn measured_departments(&self) -> Result<Element, JsValue> {
        let section = self.element("section", "departments", None)?;
        section.set_attribute("part", "departments")?;
        self.add(&section, "h2", "", Some("Departments"))?;
        self.add(&section, "p", "adoption", None)?.set_attribute("role", "status")?;
        let empty = Vec::new();
        let rows = self.measure.document()["departments"].as_array().unwrap_or(&empty);
        for (i, dept) in rows.iter().enumerate() {
            let card = self.department_card(&section, i, dept)?;
            for key in DEPARTMENT_METRICS {
                let (_, label, kind) = metric(key);
                let value = self.shown_measured(&dept["metrics"][key], kind == Kind::Share);
                card.append_child(self.field(&format!("departments[{i}].metrics.{key}"), label, &value)?.as_ref())?;
            }
            card.append_child(self.remove_button("departments", i, &format!("departments[{i}].name"))?.as_ref())?;
        }
        section.append_child(self.button("Add a department", "add", "add:departments", None, None)?.as_ref())?;
        Ok(section)
    }

    /// Updates statuses, targets, flags, scorecard and department notes from the assessment.
    pub(super) fn refresh_measure(&self) -> Result<(), JsValue> {
        let assessment = self.measure.assessment();
        let f = &self.formats;
        for (key, ..) in METRICS.iter().chain([&ADOPTION]) {
            let Some(metric) = Metric::from_key(key) else { continue };
            let result = assessment.metrics.get(metric);
            self.set_cell(&format!("td[data-target=\"{key}\"]"), &self.target(key, result), None)?;
            let (words, class) = status_words(result.status);
            let text = match (*key, result.value) {
                ("departmentAdoptionRate", Some(v)) => format!("{words} ({})", f.share(v)),
                _ => words.to_owned(),
            };
            self.set_cell(&format!("td[data-status=\"{key}\"]"), &text, Some(class))?;
            self.set_text(&format!("metrics-{key}-note"), &self.note(result, key));
        }
        let card = &assessment.scorecard;
        for (key, value) in [
            ("weeklyActiveRate", card.weekly_active_rate.map(|x| f.share(x))),
            ("hoursPerUser", card.hours_saved_per_week_per_user.map(|x| format!("{} h", f.decimal(x)))),
            ("hoursTotal", card.hours_saved_per_week_total.map(|x| format!("{} h", f.decimal(x)))),
            ("retention", card.retention.map(|x| f.share(x))),
        ] {
            self.set_cell(&format!("output[data-score=\"{key}\"]"), &value.unwrap_or_else(|| "—".into()), None)?;
        }
        self.refresh_flags()?;
        let below = &assessment.departments_below_adoption;
        let adoption = match (assessment.departments.len(), below.len()) {
            (0, _) => "Add departments to see which have adopted it.".to_owned(),
            (_, 0) => "No department is below 50% weekly active (of those measured).".to_owned(),
            (_, 1) => format!("Below 50% weekly active: {}.", below[0]),
            _ => format!("Below 50% weekly active: {}.", below.join(", ")),
        };
        if let Some(p) = self.root.query_selector(".adoption")? {
            p.set_text_content(Some(&adoption));
        }
        self.show_department_names(assessment.departments.iter().map(|d| d.name.as_str()))?;
        for (i, dept) in assessment.departments.iter().enumerate() {
            for key in DEPARTMENT_METRICS {
                let Some(metric) = Metric::from_key(key) else { continue };
                self.set_text(
                    &format!("departments-{i}--metrics-{key}-note"),
                    &self.note(dept.metrics.get(metric), key),
                );
            }
        }
        self.show_drafts(self.measure.drafts(), "results")
    }

    /// "≥ 70%": the green line of the rule that applies.
    fn target(&self, key: &str, result: &MetricResult) -> String {
        let shown = match metric(key).2 {
            Kind::Share => self.formats.share(result.target),
            Kind::Number => self.formats.decimal(result.target),
        };
        format!("≥ {shown}")
    }

    /// "Act now · target ≥ 70%" beside a metric's input.
    fn note(&self, result: &MetricResult, key: &str) -> String {
        if result.status == Status::Unknown {
            return String::new();
        }
        format!("{} · target {}", status_words(result.status).0, self.target(key, result))
    }

    fn refresh_flags(&self) -> Result<(), JsValue> {
        let Some(list) = self.root.query_selector(".flag-list")? else { return Ok(()) };
        list.replace_children_with_node_0();
        let flags = &self.measure.assessment().flags;
        if flags.is_empty() {
            self.add(&list, "li", "flag none", Some("No flags: nothing measured so far is below target."))?;
        }
        for flag in flags {
            let (severity, class) = match flag.severity {
                Severity::Red => ("Act now", "flag red"),
                Severity::Amber => ("Watch", "flag amber"),
            };
            let item = self.add(&list, "li", class, None)?;
            let about = match &flag.department {
                Some(department) => format!("{severity} — {department}: {}", name_of(flag.metric)),
                None => format!("{severity} — {}", name_of(flag.metric)),
            };
            self.add(&item, "strong", "", Some(&about))?;
            self.add(&item, "p", "", Some(&flag.diagnosis))?;
            self.add(&item, "p", "action", Some(&format!("Next: {}", flag.action)))?;
        }
        Ok(())
    }

    /// Sets the text (and, if given, the status class) of the element matching `selector`.
    pub(super) fn set_cell(&self, selector: &str, text: &str, class: Option<&str>) -> Result<(), JsValue> {
        if let Some(cell) = self.root.query_selector(selector)? {
            cell.set_text_content(Some(text));
            if let Some(class) = class {
                cell.set_attribute("data-rag", class)?;
            }
        }
        Ok(())
    }
}
