//! Measure mode's import: the drop zone and file chooser, sample data, the progress bar with its
//! cancel button, what each file held and every skipped row, and — once an import succeeds — the
//! 13-week trend, the departments weakest first, the control cohort and the task categories.
//!
//! The files themselves are read by the JavaScript shell's worker (`www/import-worker.js`); this side
//! only shows its progress and adopts a result. A result replaces the measurements only if it is a
//! valid measurements document; anything else leaves the screen as it was.

use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::Widget;
use roi_core::charts;
use roi_core::editor::MeasureEditor;
use roi_core::import::TrendWeek;

/// What an import has shown so far.
#[derive(Debug, Default)]
pub(super) struct ImportView {
    /// The last successful import (the `Imported` document), if any.
    pub imported: Option<Value>,
    /// One line per file read: what it was and how many rows it held, or why it was not used.
    pub files: Vec<String>,
}

#[wasm_bindgen]
impl Widget {
    /// The import is under way: `loaded` of `total` bytes read; `message` says what is happening.
    #[wasm_bindgen(js_name = importProgress)]
    pub fn import_progress(&self, loaded: f64, total: f64, message: &str) -> Result<(), JsValue> {
        if let Some(bar) = self.root.query_selector(".import-progress progress")? {
            bar.set_attribute(
                "value",
                &super::format::attribute_number(if total > 0.0 { loaded / total } else { 0.0 }),
            )?;
        }
        self.show_progress(true)?;
        self.import_status(message, false)
    }

    /// A file was read (`summary`: its kind and rows) or could not be used (`error`).
    #[wasm_bindgen(js_name = importFile)]
    pub fn import_file(&mut self, name: &str, summary: JsValue, error: Option<String>) -> Result<(), JsValue> {
        let line = match error {
            Some(message) => message,
            None => {
                let summary = roi_boundary::json_from(&summary, "file summary")?;
                let rows = summary["rows"].as_u64().unwrap_or(0);
                let skipped = summary["skipped"].as_u64().unwrap_or(0);
                let shape = summary["shape"].as_str().unwrap_or("file");
                let skipped = if skipped > 0 { format!(", {skipped} skipped") } else { String::new() };
                let mut line = format!("{name}: {shape}, {rows} rows{skipped}");
                // What this export cannot measure, said beside it (the metric's name and why).
                for missing in summary["notMeasured"].as_array().into_iter().flatten() {
                    let metric = super::measure::name_of(missing["metric"].as_str().unwrap_or_default());
                    let reason = missing["reason"].as_str().unwrap_or_default();
                    line.push_str(&format!(". Not measured: {metric} — {reason}"));
                }
                line
            }
        };
        self.import.files.push(line);
        self.show_import_files()
    }

    /// Every file was read but the roster or the activity export is still missing (`kinds` were read).
    #[wasm_bindgen(js_name = importWaiting)]
    pub fn import_waiting(&self, kinds: Vec<String>) -> Result<(), JsValue> {
        self.show_progress(false)?;
        let missing: Vec<&str> =
            ["roster", "activity"].into_iter().filter(|k| !kinds.iter().any(|have| have == k)).collect();
        self.import_status(&format!("Now add the {} file to measure the checkpoint.", missing.join(" and the ")), false)
    }

    /// The import succeeded: adopts its measurements (if valid) and shows what it found.
    #[wasm_bindgen(js_name = importDone)]
    pub fn import_done(&mut self, imported: JsValue) -> Result<(), JsValue> {
        let value = roi_boundary::json_from(&imported, "import")?;
        let editor = match MeasureEditor::new(value["measurements"].clone(), self.table.clone()) {
            Ok(editor) => editor,
            Err(problems) => {
                let first = problems.first().map(|p| format!("{} {}", p.path, p.message)).unwrap_or_default();
                return self.import_failed(&format!("The import gave measurements that cannot be used: {first}"));
            }
        };
        self.measure = editor;
        let report = &value["importReport"];
        let people = report["peopleAtCheckpoint"].as_u64().unwrap_or(0);
        let day = value["measurements"]["checkpointDay"].as_u64().unwrap_or(0);
        let read = report["rowsRead"].as_u64().unwrap_or(0);
        let skipped = report["rowsSkipped"].as_u64().unwrap_or(0);
        self.import.imported = Some(value);
        self.render()?;
        let status = format!("Imported {read} rows ({skipped} skipped): {people} people measured at day {day}.");
        self.import_status(&status, false)?;
        self.announce()
    }

    /// The import failed or was cancelled: says why; nothing else changes.
    #[wasm_bindgen(js_name = importFailed)]
    pub fn import_failed(&self, message: &str) -> Result<(), JsValue> {
        self.show_progress(false)?;
        self.import_status(message, true)
    }
}

impl Widget {
    /// The import panel, at the top of measure mode.
    pub(super) fn build_import(&self, main: &Element) -> Result<(), JsValue> {
        let section = self.add(main, "section", "import", None)?;
        section.set_attribute("part", "import")?;
        self.add(&section, "h2", "", Some("Import what you measured"))?;
        self.add(
            &section,
            "p",
            "hint",
            Some(
                "Drop your roster, usage export and pulse-survey CSV files here, or choose them. They are read in \
                 this browser and never leave it.",
            ),
        )?;
        let zone = self.add(&section, "div", "dropzone", None)?;
        let label = self.add(&zone, "label", "file-label", Some("Choose CSV files"))?;
        let input = self.add(&label, "input", "", None)?;
        input.set_attribute("type", "file")?;
        input.set_attribute("multiple", "")?;
        input.set_attribute("accept", ".csv,.tsv,.txt,text/csv,text/tab-separated-values")?;
        zone.append_child(self.button("Try with sample data", "secondary", "import:sample", None, None)?.as_ref())?;
        let progress = self.add(&section, "div", "import-progress", None)?;
        progress.set_attribute("hidden", "")?;
        let bar = self.add(&progress, "progress", "", None)?;
        bar.set_attribute("max", "1")?;
        bar.set_attribute("value", "0")?;
        bar.set_attribute("aria-label", "Import progress")?;
        progress.append_child(self.button("Cancel import", "secondary", "import:cancel", None, None)?.as_ref())?;
        self.add(&section, "p", "import-status", None)?.set_attribute("role", "status")?;
        self.list_import_files(&self.add(&section, "ul", "import-files", None)?)?;
        if let Some(imported) = &self.import.imported {
            self.show_report(&section, &imported["importReport"])?;
        }
        Ok(())
    }

    /// The sections of a successful import: trend, departments, control cohort, task categories.
    pub(super) fn build_imported(&self, main: &Element) -> Result<(), JsValue> {
        let Some(imported) = &self.import.imported else { return Ok(()) };
        let weeks: Vec<TrendWeek> =
            imported["trend"].as_array().map_or_else(Vec::new, |w| w.iter().map(week).collect());
        if !weeks.is_empty() {
            let section = self.add(main, "section", "trend", None)?;
            section.set_attribute("part", "trend")?;
            self.add(&section, "h2", "", Some("The last 13 weeks"))?;
            let figure = self.add(&section, "figure", "chart", None)?;
            figure.append_child(self.svg(&charts::trend(&weeks))?.as_ref())?;
            self.trend_table(&section, &weeks)?;
        }
        self.breakdown(main, imported)?;
        self.cohorts(main, &imported["cohorts"])?;
        let tasks = imported["taskCategories"].as_array().filter(|t| !t.is_empty());
        if let Some(tasks) = tasks {
            let section = self.add(main, "section", "tasks", None)?;
            section.set_attribute("part", "tasks")?;
            self.add(&section, "h2", "", Some("What people use it for"))?;
            let list = self.add(&section, "ul", "task-list", None)?;
            for task in tasks {
                let share = self.formats.share(task["share"].as_f64().unwrap_or(0.0));
                let name = task["category"].as_str().unwrap_or("");
                self.add(&list, "li", "", Some(&format!("{name}: {share} of answers")))?;
            }
        }
        Ok(())
    }

    fn trend_table(&self, section: &Element, weeks: &[TrendWeek]) -> Result<(), JsValue> {
        let table = self.add(&self.scroller(section, "Week by week")?, "table", "trend-table", None)?;
        self.add(&table, "caption", "", Some("Week by week"))?;
        let head = self.add(&self.add(&table, "thead", "", None)?, "tr", "", None)?;
        for heading in ["Week", "Weekly active", "Sessions per active user", "Satisfaction"] {
            self.add(&head, "th", "", Some(heading))?.set_attribute("scope", "col")?;
        }
        let body = self.add(&table, "tbody", "", None)?;
        for w in weeks.iter().rev() {
            let row = self.add(&body, "tr", "", None)?;
            self.add(&row, "th", "", Some(&format!("{} – {}", w.start, w.end)))?.set_attribute("scope", "row")?;
            for value in [
                w.weekly_active_rate.map(|x| self.formats.share(x)),
                w.sessions_per_active_user.map(|x| self.formats.decimal(x)),
                w.satisfaction.map(|x| self.formats.decimal(x)),
            ] {
                self.add(&row, "td", "", Some(value.as_deref().unwrap_or("—")))?;
            }
        }
        Ok(())
    }

    /// The departments, weakest weekly active rate first, with the figures that explain it.
    fn breakdown(&self, main: &Element, imported: &Value) -> Result<(), JsValue> {
        let Some(departments) = imported["departments"].as_array().filter(|d| !d.is_empty()) else { return Ok(()) };
        let section = self.add(main, "section", "breakdown", None)?;
        section.set_attribute("part", "breakdown")?;
        self.add(&section, "h2", "", Some("Departments, weakest first"))?;
        let table =
            self.add(&self.scroller(&section, "Departments, weakest first")?, "table", "breakdown-table", None)?;
        self.add(&table, "caption", "", Some("Measured at the checkpoint, from the imported files"))?;
        let head = self.add(&self.add(&table, "thead", "", None)?, "tr", "", None)?;
        let headings = [
            "Department",
            "People",
            "Weekly active",
            "Active use (3+)",
            "Sessions a week",
            "Hours saved",
            "Satisfaction",
        ];
        for heading in headings {
            self.add(&head, "th", "", Some(heading))?.set_attribute("scope", "col")?;
        }
        let body = self.add(&table, "tbody", "", None)?;
        let f = &self.formats;
        for dept in departments {
            let m = &dept["metrics"];
            let row = self.add(&body, "tr", "", None)?;
            let name = dept["name"].as_str().unwrap_or("");
            self.add(&row, "th", "", Some(name))?.set_attribute("scope", "row")?;
            let (all, reached) = (dept["people"].as_u64().unwrap_or(0), dept["atCheckpoint"].as_u64().unwrap_or(0));
            let people = if reached < all { format!("{all} ({reached} at the checkpoint)") } else { all.to_string() };
            self.add(&row, "td", "", Some(&people))?;
            let weekly = m["weeklyActiveRate"].as_f64();
            let weekly_text = match weekly {
                Some(x) if x < 0.5 => format!("{} — below 50%", f.share(x)),
                Some(x) => f.share(x),
                None => "—".into(),
            };
            let cell = self.add(&row, "td", "", Some(&weekly_text))?;
            if weekly.is_some_and(|x| x < 0.5) {
                cell.set_attribute("data-rag", "red")?;
            }
            for (key, share) in [
                ("activeUsageRate", true),
                ("sessionsPerActiveUserWeek", false),
                ("hoursSavedPerWeek", false),
                ("satisfaction", false),
            ] {
                let text =
                    m[key].as_f64().map_or_else(|| "—".into(), |x| if share { f.share(x) } else { f.decimal(x) });
                self.add(&row, "td", "", Some(&text))?;
            }
        }
        Ok(())
    }

    /// The trained cohort against its control, and the measured attribution it offers.
    fn cohorts(&self, main: &Element, cohorts: &Value) -> Result<(), JsValue> {
        if cohorts.is_null() {
            return Ok(());
        }
        let section = self.add(main, "section", "cohorts", None)?;
        section.set_attribute("part", "cohorts")?;
        self.add(&section, "h2", "", Some("Trained against not yet trained"))?;
        let (treated, control) = (&cohorts["treated"], &cohorts["control"]);
        let text = |v: &Value| v.as_str().unwrap_or("").to_owned();
        let intro = format!(
            "{} (trained, {} people) against {} (not yet trained, {} people), both measured over {} to {}:",
            text(&treated["cohort"]),
            treated["people"],
            text(&control["cohort"]),
            control["people"],
            text(&cohorts["window"][0]),
            text(&cohorts["window"][1]),
        );
        self.add(&section, "p", "", Some(&intro))?;
        let f = &self.formats;
        let list = self.add(&section, "ul", "cohort-figures", None)?;
        let shown = |v: &Value, share: bool| {
            v.as_f64().map_or_else(|| "—".into(), |x| if share { f.share(x) } else { f.decimal(x) })
        };
        for (label, key, difference, share) in [
            ("Active use (3+ sessions)", "activeUsageRate", "activeUsageDifference", true),
            ("Hours saved a week", "hoursSavedPerWeek", "hoursSavedDifference", false),
        ] {
            let line = format!(
                "{label}: {} against {} (difference {})",
                shown(&treated[key], share),
                shown(&control[key], share),
                shown(&cohorts[difference], share)
            );
            self.add(&list, "li", "", Some(&line))?;
        }
        match cohorts["attribution"].as_f64() {
            Some(a) => {
                let share = f.share(a);
                let line = format!("The difference credits training with {share} of the trained cohort's benefit.");
                self.add(&section, "p", "", Some(&line))?;
                let label = format!("Use {share} as the attribution");
                section.append_child(self.button(&label, "secondary", "import:attribution", None, None)?.as_ref())?;
            }
            None => {
                self.add(
                    &section,
                    "p",
                    "",
                    Some("The control cohort did as well: no difference to credit to training."),
                )?;
            }
        }
        Ok(())
    }

    /// A region that scrolls sideways when a wide table does not fit, reachable by keyboard.
    fn scroller(&self, parent: &Element, label: &str) -> Result<Element, JsValue> {
        let region = self.add(parent, "div", "table-scroll", None)?;
        region.set_attribute("role", "region")?;
        region.set_attribute("aria-label", label)?;
        region.set_attribute("tabindex", "0")?;
        Ok(region)
    }

    /// Lists every file read so far.
    fn show_import_files(&self) -> Result<(), JsValue> {
        match self.root.query_selector(".import-files")? {
            Some(list) => self.list_import_files(&list),
            None => Ok(()),
        }
    }

    /// Fills `list` with one line per file read.
    fn list_import_files(&self, list: &Element) -> Result<(), JsValue> {
        list.replace_children_with_node_0();
        for line in &self.import.files {
            self.add(list, "li", "", Some(line))?;
        }
        Ok(())
    }

    /// The rows skipped (the first of each file, with line and reason) and the notes of an import.
    fn show_report(&self, section: &Element, report: &Value) -> Result<(), JsValue> {
        let empty = Vec::new();
        for note in report["notes"].as_array().unwrap_or(&empty) {
            self.add(section, "p", "import-note", Some(note.as_str().unwrap_or("")))?;
        }
        let unknown = report["unknownUsers"].as_u64().unwrap_or(0);
        if unknown > 0 {
            let line = format!(
                "{unknown} users in the activity or survey are not in the roster; their {} activity rows were not used.",
                report["unknownUserRows"]
            );
            self.add(section, "p", "import-note", Some(&line))?;
        }
        let problems = report["problems"].as_array().unwrap_or(&empty);
        let skipped = report["rowsSkipped"].as_u64().unwrap_or(0);
        if problems.is_empty() {
            return Ok(());
        }
        let details = self.add(section, "details", "import-problems", None)?;
        let listed = if skipped as usize > problems.len() { " — the first of each file:" } else { ":" };
        self.add(&details, "summary", "", Some(&format!("{skipped} rows skipped{listed}")))?;
        let list = self.add(&details, "ol", "", None)?;
        for p in problems {
            let line = format!(
                "{} file, line {}: {}",
                p["file"].as_str().unwrap_or(""),
                p["line"],
                p["message"].as_str().unwrap_or("")
            );
            self.add(&list, "li", "", Some(&line))?;
        }
        Ok(())
    }

    fn show_progress(&self, shown: bool) -> Result<(), JsValue> {
        if let Some(progress) = self.root.query_selector(".import-progress")? {
            if shown { progress.remove_attribute("hidden")? } else { progress.set_attribute("hidden", "")? }
        }
        Ok(())
    }

    fn import_status(&self, message: &str, problem: bool) -> Result<(), JsValue> {
        if let Some(status) = self.root.query_selector(".import-status")? {
            status.set_text_content(Some(message));
            status.set_attribute("data-problem", if problem { "true" } else { "false" })?;
        }
        Ok(())
    }

    /// Sets the scenario's attribution to the control comparison's, as a whole percentage.
    pub(super) fn use_measured_attribution(&mut self) -> bool {
        let attribution = self.import.imported.as_ref().and_then(|v| v["cohorts"]["attribution"].as_f64());
        let Some(a) = attribution else { return false };
        let percent = ((a * 100.0).round() as u32).clamp(1, 100);
        self.editor.type_into("attribution", &percent.to_string(), &self.style)
    }
}

/// A trend week from its JSON.
fn week(value: &Value) -> TrendWeek {
    TrendWeek {
        start: value["start"].as_str().unwrap_or("").to_owned(),
        end: value["end"].as_str().unwrap_or("").to_owned(),
        weekly_active_rate: value["weeklyActiveRate"].as_f64(),
        sessions_per_active_user: value["sessionsPerActiveUser"].as_f64(),
        satisfaction: value["satisfaction"].as_f64(),
    }
}
