//! Measured results from the files people already have (SPEC 4): a roster of who was trained, the
//! per-user daily usage export and the pulse-survey answers, read as CSV and turned into a
//! measurements document for [`crate::assess`], with a report of every row that could not be used,
//! the 13-week trend, the departments worst first, the task categories and, when the roster names
//! cohorts, a trained cohort compared with a later one as its control.
//!
//! Files are read from any [`Read`], so the browser can stream a large file in chunks from a worker
//! while tests read strings. A [`Dataset`] keeps what was read, so a new checkpoint is measured
//! without reading again.

use std::io::Read;

use serde::Serialize;

use crate::assessment::{Measurements, Metrics};
use crate::benchmarks::BenchmarkTable;
use crate::fields::{FieldError, ObjectReader, Problems};

mod columns;
mod files;
mod measure;
mod metrics;
mod table;
mod trend;
mod values;

pub use files::LISTED_PROBLEMS;
pub use trend::{CohortComparison, CohortFigures, TaskShare, TrendWeek};
pub use values::parse_date;

use files::{Activity, Roster, Survey};

/// The three files of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum FileKind {
    /// One row per trained person.
    Roster,
    /// One row per person per day of use.
    Activity,
    /// One row per survey answer.
    Survey,
}

impl FileKind {
    /// The file's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Roster => "roster",
            Self::Activity => "activity",
            Self::Survey => "survey",
        }
    }

    /// The kind named `name` (`roster`, `activity`, `survey`).
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Roster, Self::Activity, Self::Survey].into_iter().find(|k| k.name() == name)
    }
}

/// A row that was skipped, where it is and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Problem {
    /// The file it is in.
    pub file: FileKind,
    /// The line the row starts on (the header is line 1).
    pub line: u64,
    /// What is wrong with it.
    pub message: String,
}

/// Why a whole file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The kind of file it was read as, when known.
    pub kind: Option<FileKind>,
    /// What is wrong, to follow "The roster file …".
    pub message: String,
}

impl FileProblem {
    /// The problem as a field error whose path names the file's kind; `name` is the file's own name,
    /// when it has one.
    pub fn into_field_error(self, name: Option<&str>) -> FieldError {
        let kind = self.kind.map_or("", FileKind::name);
        let name = name.map(|n| format!(" \"{n}\"")).unwrap_or_default();
        let message = format!("The {kind}{}file{name} {}", if kind.is_empty() { "" } else { " " }, self.message);
        FieldError { path: if kind.is_empty() { "file".into() } else { kind.into() }, message }
    }
}

/// What one file held, once read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct FileSummary {
    /// What the file was read as.
    pub kind: FileKind,
    /// Data rows read.
    pub rows: u64,
    /// Rows skipped.
    pub skipped: u64,
}

/// Choices of a measurement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    /// The checkpoint day N, counted from each person's training completion.
    pub checkpoint_day: u32,
    /// The cohort to treat as trained (default: the first to complete training).
    pub treated_cohort: Option<String>,
    /// The cohort to use as its control (default: the first later cohort untrained at the treated
    /// cohort's Day N).
    pub control_cohort: Option<String>,
}

impl ImportOptions {
    /// Reads `{ checkpointDay, treatedCohort, controlCohort }` (all optional; day 30 by default),
    /// failing with every problem found.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, Vec<FieldError>> {
        let mut problems = Problems::default();
        let mut options = Self { checkpoint_day: 30, ..Self::default() };
        if let Some(reader) =
            ObjectReader::new(value, "", &["checkpointDay", "treatedCohort", "controlCohort"], &mut problems)
        {
            let rule = "a whole number of days from 0 to 365";
            if let Some(day) = reader.whole_in("checkpointDay", 0, 365, rule, &mut problems) {
                options.checkpoint_day = u32::try_from(day).unwrap_or(30);
            }
            options.treated_cohort = reader.text("treatedCohort", 80, &mut problems);
            options.control_cohort = reader.text("controlCohort", 80, &mut problems);
        }
        if problems.is_empty() { Ok(options) } else { Err(problems.into_vec()) }
    }
}

/// How the import went.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ImportReport {
    /// Data rows read across the files.
    pub rows_read: u64,
    /// Rows skipped as malformed.
    pub rows_skipped: u64,
    /// Users in the activity export or survey who are not in the roster (their rows are not used).
    pub unknown_users: u64,
    /// Activity rows of those users.
    pub unknown_user_rows: u64,
    /// The first skipped rows of each file, with line and reason.
    pub problems: Vec<Problem>,
    /// Things worth knowing that are not errors (people not yet at the checkpoint, values left out).
    pub notes: Vec<String>,
    /// First and last date of the activity export (ISO).
    pub dates: [String; 2],
    /// Roster people who have reached the checkpoint inside the data (the metrics' population).
    pub people_at_checkpoint: u64,
}

/// One department in the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct DepartmentBreakdown {
    /// The department's name.
    pub name: String,
    /// People in the roster.
    pub people: u64,
    /// Of them, licensed.
    pub licensed: u64,
    /// Of them, at the checkpoint inside the data.
    pub at_checkpoint: u64,
    /// Its metrics.
    pub metrics: Metrics,
}

/// Everything an import yields.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Imported {
    /// Document version, always 1.
    pub version: u32,
    /// The measurements document for [`crate::assess`] and measure mode.
    pub measurements: Measurements,
    /// Rows read, skipped and why, unknown users.
    pub import_report: ImportReport,
    /// Departments, worst weekly active rate first (unmeasured last).
    pub departments: Vec<DepartmentBreakdown>,
    /// The 13-week rolling trend, oldest week first.
    pub trend: Vec<TrendWeek>,
    /// Task categories named at the checkpoint, most named first.
    pub task_categories: Vec<TaskShare>,
    /// A trained cohort against a later one as control, when the roster has cohorts.
    pub cohorts: Option<CohortComparison>,
}

/// The files read so far, each kind replacing the last file of that kind.
#[derive(Debug, Default, Clone)]
pub struct Dataset {
    roster: Option<Roster>,
    activity: Option<Activity>,
    survey: Option<Survey>,
}

impl Dataset {
    /// Reads `source` as a file of `kind`, or of the kind its header shows when `kind` is none. A file
    /// that cannot be used leaves what was read before untouched.
    pub fn read(&mut self, kind: Option<FileKind>, source: impl Read) -> Result<FileSummary, FileProblem> {
        self.read_from(kind, Box::new(source), 0)
    }

    /// [`Dataset::read`] of a file of `bytes` bytes: its rows are stored without growing (and copying)
    /// their storage as it fills, which lowers the peak memory of a large import by a third.
    pub fn read_sized(
        &mut self,
        kind: Option<FileKind>,
        source: impl Read,
        bytes: u64,
    ) -> Result<FileSummary, FileProblem> {
        self.read_from(kind, Box::new(source), bytes)
    }

    /// [`Dataset::read`] for any source through one code path: the readers are compiled once, not once
    /// per kind of source (a text, the browser's chunks), which keeps the WebAssembly module smaller.
    fn read_from(
        &mut self,
        kind: Option<FileKind>,
        source: Box<dyn Read + '_>,
        bytes: u64,
    ) -> Result<FileSummary, FileProblem> {
        let columns::Opened { kind, mut table, at } = columns::open(kind, source)?;
        let (rows, skipped) = match kind {
            FileKind::Roster => {
                let roster = files::read_roster(&mut table, &at)?;
                let counts = (roster.people.is_empty(), roster.rows, roster.skipped.count);
                keep(&mut self.roster, roster, kind, counts)?
            }
            FileKind::Activity => {
                let activity = files::read_activity(&mut table, &at, bytes)?;
                let counts = (activity.days.is_empty(), activity.rows, activity.skipped.count);
                keep(&mut self.activity, activity, kind, counts)?
            }
            FileKind::Survey => {
                let survey = files::read_survey(&mut table, &at)?;
                let counts = (survey.answers.is_empty(), survey.rows, survey.skipped.count);
                keep(&mut self.survey, survey, kind, counts)?
            }
        };
        Ok(FileSummary { kind, rows, skipped })
    }

    /// The kinds read so far.
    pub fn kinds(&self) -> Vec<FileKind> {
        let mut kinds = Vec::new();
        if self.roster.is_some() {
            kinds.push(FileKind::Roster);
        }
        if self.activity.is_some() {
            kinds.push(FileKind::Activity);
        }
        if self.survey.is_some() {
            kinds.push(FileKind::Survey);
        }
        kinds
    }

    /// Measures the checkpoint of `options` from the files read; fails when the roster or the
    /// activity export is missing, or when no one in the roster completed training.
    pub fn measure(&self, options: &ImportOptions, table: &BenchmarkTable) -> Result<Imported, Vec<FieldError>> {
        let missing = |kind: FileKind, what: &str| FieldError {
            path: kind.name().to_owned(),
            message: format!("The {} file is needed: {what}", kind.name()),
        };
        let (roster, activity) = match (&self.roster, &self.activity) {
            (Some(r), Some(a)) => (r, a),
            (r, a) => {
                let mut problems = Vec::new();
                if r.is_none() {
                    problems.push(missing(FileKind::Roster, "who was trained, in which department, and when."));
                }
                if a.is_none() {
                    problems.push(missing(FileKind::Activity, "sessions per person per day."));
                }
                return Err(problems);
            }
        };
        let Some(starts) = metrics::starts(roster) else {
            return Err(vec![FieldError {
                path: "roster".into(),
                message: "No one in the roster has a completed_on date, and checkpoint days count from it.".into(),
            }]);
        };
        measure::measure(roster, activity, self.survey.as_ref(), &starts, options, table)
    }
}

/// Keeps a file that was read into `slot`, unless it held no usable row (`empty`); its rows read and
/// skipped.
fn keep<T>(
    slot: &mut Option<T>,
    data: T,
    kind: FileKind,
    (empty, rows, skipped): (bool, u64, u64),
) -> Result<(u64, u64), FileProblem> {
    if empty {
        return Err(no_rows(kind, rows));
    }
    *slot = Some(data);
    Ok((rows, skipped))
}

fn no_rows(kind: FileKind, rows: u64) -> FileProblem {
    let message = if rows == 0 {
        "has a header but no rows".to_owned()
    } else {
        format!("has no usable row: all {rows} were skipped (the first reasons are listed with their lines)")
    };
    FileProblem { kind: Some(kind), message }
}

/// Reads the texts of the three files (the survey is optional) and measures `options`' checkpoint:
/// the whole import in one call, for scripts and tests.
pub fn measure_from_csv(
    roster: &str,
    activity: &str,
    survey: Option<&str>,
    options: &ImportOptions,
    table: &BenchmarkTable,
) -> Result<Imported, Vec<FieldError>> {
    let mut dataset = Dataset::default();
    let mut problems = Vec::new();
    let files = [(FileKind::Roster, Some(roster)), (FileKind::Activity, Some(activity)), (FileKind::Survey, survey)];
    for (kind, text) in files {
        if let Some(text) = text
            && let Err(problem) = dataset.read(Some(kind), text.as_bytes())
        {
            problems.push(problem.into_field_error(None));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    dataset.measure(options, table)
}
