//! CSV import across the boundary: `measureFromCsv` for the three files' texts (README.md#the-javascript-api), and the
//! streaming `Importer` that the widget's worker feeds a large file through in chunks, so the page
//! never holds the whole file as a string and never freezes.

use std::io::{self, Read};

use js_sys::{Function, Uint8Array};
use wasm_bindgen::prelude::*;

use roi_boundary::{BenchmarkTableArg, error, error_alone, invalid, json_from, to_js};
use roi_core::benchmarks::BenchmarkTable;
use roi_core::fields::FieldError;
use roi_core::import::{ColumnMap, Dataset, FileKind, FileProblem, ImportOptions, measure_from_csv as measure_texts};

/// Reads the roster, activity and (optional) survey CSV texts and measures the checkpoint of
/// `options` (`checkpointDay`, 30 by default): the measurements document, the import report, the
/// departments worst first, the 13-week trend, the task categories and the cohort comparison.
#[wasm_bindgen(js_name = measureFromCsv, unchecked_return_type = "Imported")]
pub fn measure_from_csv(
    #[wasm_bindgen(unchecked_param_type = "{ roster: string, activity: string, survey?: string | null }")]
    files: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "{ checkpointDay?: number, treatedCohort?: string, controlCohort?: string, dateOrder?: \"dmy\" | \"mdy\", minGroupSize?: number }"
    )]
    options: JsValue,
    benchmarks: Option<BenchmarkTableArg>,
) -> Result<JsValue, JsValue> {
    let table = roi_boundary::table(benchmarks)?;
    let options = read_options(&options)?;
    let text = |key: &str| js_sys::Reflect::get(&files, &JsValue::from_str(key)).ok().and_then(|v| v.as_string());
    let (roster, activity, survey) = (text("roster"), text("activity"), text("survey"));
    let (Some(roster), Some(activity)) = (&roster, &activity) else {
        let problems: Vec<FieldError> = [("roster", &roster), ("activity", &activity)]
            .into_iter()
            .filter(|(_, text)| text.is_none())
            .map(|(key, _)| FieldError { path: key.into(), message: format!("must be the text of the {key} file") })
            .collect();
        return Err(error(&invalid("import", &problems), &problems));
    };
    let imported = measure_texts(roster, activity, survey.as_deref(), &options, &table).map_err(cannot_import)?;
    Ok(to_js(&imported))
}

/// The files of an import, read one by one (each kind replacing the last of its kind) and measured
/// at any checkpoint without reading them again.
#[wasm_bindgen]
pub struct Importer {
    dataset: Dataset,
    table: BenchmarkTable,
    /// The summary of the file read last, for [`Importer::describe`].
    last: Option<roi_core::import::FileSummary>,
}

#[wasm_bindgen]
impl Importer {
    /// An importer with nothing read; `benchmarks` optionally extends the built-in table.
    #[wasm_bindgen(constructor)]
    pub fn new(benchmarks: Option<BenchmarkTableArg>) -> Result<Importer, JsValue> {
        Ok(Self { dataset: Dataset::default(), table: roi_boundary::table(benchmarks)?, last: None })
    }

    /// Reads the file called `name`, pulling its bytes from `next`: a function returning the next
    /// chunk as a `Uint8Array`, empty at the end. `kind` (`roster`, `activity`, `survey`) forces
    /// what it is read as; without it the header decides. A file that cannot be used throws and
    /// leaves what was read before untouched.
    /// `size`, the file's size in bytes when known, lets the rows be stored without regrowing. An export
    /// of one day whose rows have no date (Claude Enterprise analytics) is of the day in `name`; when
    /// `name` gives none, it throws an error whose `asksDay` property is `true`: read it again with `day`,
    /// the day the person says it covers (`YYYY-MM-DD`, as `<input type="date">` gives it), for this read
    /// only. A file whose columns were not recognised throws an error whose `unrecognised` property is
    /// `true`: its columns may be chosen ([`Importer::peek`], [`Importer::read_mapped`]).
    #[wasm_bindgen(unchecked_return_type = "FileSummary")]
    pub fn read(
        &mut self,
        name: &str,
        kind: Option<String>,
        next: Function,
        size: Option<f64>,
        day: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let kind = kind.as_deref().and_then(FileKind::from_name);
        let bytes = size.filter(|s| s.is_finite() && *s > 0.0).map_or(0, |s| s as u64);
        let source = Chunks { next, chunk: Vec::new(), at: 0 };
        let read = match day.as_deref() {
            None => self.dataset.read_named(kind, name, source, bytes),
            Some(text) => {
                let Some(day) = roi_core::import::parse_date(text.trim()) else {
                    let message =
                        format!("The day given for \"{name}\" must be a date such as 2025-09-08, not \"{text}\"");
                    return Err(error_alone(FieldError { path: "day".into(), message }));
                };
                self.dataset.read_on_day(kind, day, source, bytes)
            }
        };
        let summary = read.map_err(|problem| file_error(problem, name))?;
        let shown = to_js(&summary);
        self.last = Some(summary);
        Ok(shown)
    }

    /// The column mapper of the file called `name`, from `bytes`, its start (the first 64 KiB is enough;
    /// a line cut at the end is not shown): its header, first rows, and a guess of which column is which.
    #[wasm_bindgen(unchecked_return_type = "MapperView")]
    pub fn peek(&self, name: &str, bytes: Uint8Array) -> Result<JsValue, JsValue> {
        let start = bytes.to_vec();
        let view = roi_core::view::mapper_view(name, start.as_slice()).map_err(|problem| file_error(problem, name))?;
        Ok(to_js(&view))
    }

    /// Reads the file called `name` as [`Importer::read`] does, with the columns `map` chose: what the
    /// file holds (`roster` or `activity`) and, for each column of that kind (`user`, `completed_on`,
    /// `sessions`…), the index of the header that holds it. A map that cannot be read throws, and so does
    /// one that leaves a required column unchosen (naming it).
    #[wasm_bindgen(js_name = readMapped, unchecked_return_type = "FileSummary")]
    pub fn read_mapped(
        &mut self,
        name: &str,
        #[wasm_bindgen(
            unchecked_param_type = "{ kind: \"roster\" | \"activity\", columns: { [role: string]: number } }"
        )]
        map: JsValue,
        next: Function,
        size: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let map = column_map(name, &map)?;
        let bytes = size.filter(|s| s.is_finite() && *s > 0.0).map_or(0, |s| s as u64);
        let summary = self
            .dataset
            .read_mapped(&map, Chunks { next, chunk: Vec::new(), at: 0 }, bytes)
            .map_err(|problem| file_error(problem, name))?;
        let shown = to_js(&summary);
        self.last = Some(summary);
        Ok(shown)
    }

    /// The line the widget shows for the file read last, called `name`: what it was, its rows (as numbers
    /// the reader's locale formats), and what it cannot measure.
    #[wasm_bindgen(unchecked_return_type = "Text | undefined")]
    pub fn describe(&self, name: &str) -> JsValue {
        self.last.as_ref().map_or(JsValue::UNDEFINED, |summary| to_js(&roi_core::view::file_line(name, summary)))
    }

    /// Reads slash dates (`03/04/25`) in the files read from now on as day first (`"dmy"`) or month
    /// first (`"mdy"`); without an order, as each file's values decide, a file they do not decide
    /// being refused with a question (its error's message asks for `dateOrder`).
    #[wasm_bindgen(js_name = setDateOrder)]
    pub fn set_date_order(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "\"dmy\" | \"mdy\" | undefined")] order: Option<String>,
    ) {
        self.dataset.set_date_order(order.as_deref().and_then(roi_core::import::DateOrder::from_name));
    }

    /// The kinds read so far (`roster`, `activity`, `survey`).
    #[wasm_bindgen(unchecked_return_type = "FileKind[]")]
    pub fn kinds(&self) -> JsValue {
        to_js(&self.dataset.kinds())
    }

    /// Measures the checkpoint of `options` from the files read.
    #[wasm_bindgen(unchecked_return_type = "Imported")]
    pub fn measure(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "{ checkpointDay?: number, treatedCohort?: string, controlCohort?: string, dateOrder?: \"dmy\" | \"mdy\", minGroupSize?: number }"
        )]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options = read_options(&options)?;
        let imported = self.dataset.measure(&options, &self.table).map_err(cannot_import)?;
        Ok(to_js(&imported))
    }

    /// The people of the checkpoint of `options` by name — the most sessions, the most hours saved, the
    /// trained people with no session, and everyone as CSV — for a person who asked to see them; null
    /// until a roster and an activity export are read.
    #[wasm_bindgen(unchecked_return_type = "PeopleLists | null")]
    pub fn people(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ checkpointDay?: number }")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let options = read_options(&options)?;
        Ok(self.dataset.people_lists(&options).map_or(JsValue::NULL, |lists| to_js(&lists)))
    }

    /// The same for the widget: the measurements, and what the import shows beside them.
    #[wasm_bindgen(
        js_name = measureShown,
        unchecked_return_type = "{ measurements: Measurements, view: ImportedView }"
    )]
    pub fn measure_shown(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ checkpointDay?: number, minGroupSize?: number }")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        /// What the widget is sent.
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            measurements: &'a roi_core::Measurements,
            view: roi_core::view::ImportedView,
        }
        let options = read_options(&options)?;
        let imported = self.dataset.measure(&options, &self.table).map_err(cannot_import)?;
        let at = |day| {
            let options = roi_core::import::ImportOptions { checkpoint_day: day, ..options.clone() };
            self.dataset.measure(&options, &self.table).ok()
        };
        let view = roi_core::view::imported_view(&imported, at);
        Ok(to_js(&Shown { measurements: &imported.measurements, view }))
    }
}

/// Realistic roster, activity and survey files for `people` people over `days` days, the same for the
/// same `seed`: for "try with sample data".
#[wasm_bindgen(js_name = sampleFiles, unchecked_return_type = "{ roster: string, activity: string, survey: string }")]
pub fn sample_files(people: u32, days: u32, seed: u32) -> JsValue {
    let options = roi_core::sample::SampleOptions {
        people: people.min(100_000) as usize,
        days: days.min(730),
        seed: u64::from(seed),
    };
    let files = roi_core::sample::generate(&options);
    roi_boundary::texts([("roster", files.roster), ("activity", files.activity), ("survey", files.survey)])
}

fn read_options(options: &JsValue) -> Result<ImportOptions, JsValue> {
    let value = if options.is_undefined() || options.is_null() {
        serde_json::Value::Object(serde_json::Map::new())
    } else {
        json_from(options, "import options")?
    };
    ImportOptions::from_json(&value).map_err(|problems| error(&invalid("import options", &problems), &problems))
}

/// The error of a file that cannot be used, its message naming it; `unrecognised: true` when its columns
/// may be chosen instead, `asksDateOrder: true` when it can be read once its dates' order is chosen,
/// `asksDay: true` when once the day it covers is given.
fn file_error(problem: FileProblem, name: &str) -> JsValue {
    let flags = [
        ("unrecognised", problem.unrecognised),
        ("asksDateOrder", problem.asks_date_order),
        ("asksDay", problem.asks_day),
    ];
    let err = error_alone(problem.into_field_error(Some(name)));
    for (flag, set) in flags {
        if set {
            // Setting a property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&err, &JsValue::from_str(flag), &JsValue::TRUE);
        }
    }
    err
}

/// Reads `{ kind, columns }`, the map of the file called `name`, from its JavaScript values (not through
/// serde: a typed deserializer measured 7 KB gzipped in this module), or throws saying what it should be.
fn column_map(name: &str, map: &JsValue) -> Result<ColumnMap, JsValue> {
    let get = |value: &JsValue, key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).ok();
    let kind = get(map, "kind").and_then(|k| k.as_string()).and_then(|k| FileKind::from_name(&k));
    let chosen = get(map, "columns").filter(JsValue::is_object).map(js_sys::Object::from);
    if let (Some(kind @ (FileKind::Roster | FileKind::Activity)), Some(chosen)) = (kind, chosen) {
        let columns: Option<Vec<(String, usize)>> = js_sys::Object::entries(&chosen)
            .iter()
            .map(|entry| {
                let entry = js_sys::Array::from(&entry);
                let at = entry.get(1).as_f64().filter(|at| at.fract() == 0.0 && (0.0..1e9).contains(at))?;
                Some((entry.get(0).as_string()?, at as usize))
            })
            .collect();
        if let Some(columns) = columns {
            return Ok(ColumnMap { kind, columns });
        }
    }
    let message = format!(
        "The columns chosen for \"{name}\" cannot be read: they must be {{ kind: \"roster\" or \"activity\", \
         columns: {{ [column]: header index from 0 }} }}"
    );
    Err(error_alone(FieldError { path: "map".into(), message }))
}

/// The error of an import that failed: one problem in its own words, or several listed.
fn cannot_import(mut problems: Vec<FieldError>) -> JsValue {
    match problems.len() {
        1 => error_alone(problems.remove(0)),
        n => error(&format!("The files could not be imported ({n} problems)"), &problems),
    }
}

/// A file's bytes pulled chunk by chunk from a JavaScript function.
struct Chunks {
    next: Function,
    chunk: Vec<u8>,
    at: usize,
}

impl Read for Chunks {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at == self.chunk.len() {
            let value = self.next.call0(&JsValue::NULL).map_err(|e| {
                let message = js_sys::Error::from(e).message().as_string().unwrap_or_default();
                io::Error::other(message)
            })?;
            if !value.is_instance_of::<Uint8Array>() {
                return Err(io::Error::other("the file reader returned something other than bytes"));
            }
            self.chunk = Uint8Array::from(value).to_vec();
            self.at = 0;
            if self.chunk.is_empty() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
