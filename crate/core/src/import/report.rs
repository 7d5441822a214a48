//! The documents of an import (docs/model.md#import): the kinds of file, what each file held once
//! read (its shape and what it cannot support), why a file or a row could not be used, the options
//! of a measurement and everything it yields.

use serde::Serialize;

use super::dates::DateOrder;
use super::shapes::NotMeasured;
use super::trend::{CohortComparison, TaskShare, TrendWeek};
use crate::assessment::{Measurements, Metrics};
use crate::fields::{FieldError, ObjectReader, Problems};
use crate::intensity::Intensity;
use crate::privacy::{DEFAULT_MIN_GROUP, Hidden, LEAST_MIN_GROUP, MOST_MIN_GROUP};

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
    /// Whether the file can be read once the person says in which order its dates are written
    /// ([`Dataset::set_date_order`], or `dateOrder` in the import options).
    pub asks_date_order: bool,
    /// Whether the file can be read once the person says which day it covers: a Claude Enterprise
    /// analytics export of one day whose rows have no date and whose name none
    /// ([`super::Dataset::read_on_day`]).
    pub asks_day: bool,
    /// Whether its shape was not recognised from its header, so the person may choose which column is
    /// which ([`super::Dataset::read_mapped`]).
    pub unrecognised: bool,
}

impl FileProblem {
    /// The problem `message` of a file of `kind`.
    pub fn new(kind: Option<FileKind>, message: String) -> Self {
        Self { kind, message, asks_date_order: false, asks_day: false, unrecognised: false }
    }

    /// A file whose columns were not recognised: `message` says which it has.
    pub fn not_recognised(kind: Option<FileKind>, message: String) -> Self {
        Self { unrecognised: true, ..Self::new(kind, message) }
    }

    /// A file of `kind` whose date order must be asked: `message` says so.
    pub fn asking(kind: FileKind, message: String) -> Self {
        Self { asks_date_order: true, ..Self::new(Some(kind), message) }
    }

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
    /// The shape recognised, as the person is told ("Weekly engagement export").
    pub shape: String,
    /// Data rows read.
    pub rows: u64,
    /// Rows skipped.
    pub skipped: u64,
    /// The metrics this file cannot support, each with why (shown beside them as not measured).
    pub not_measured: Vec<NotMeasured>,
    /// What is worth knowing about the file: API keys left out, pages added up or still to import.
    pub notes: Vec<String>,
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
    /// The order of slash dates (`03/04/25`) in files whose values do not decide it.
    pub date_order: Option<DateOrder>,
    /// The privacy threshold: groups measured on fewer people have their figures hidden
    /// (docs/model.md#small-groups); none for the default, [`DEFAULT_MIN_GROUP`].
    pub min_group_size: Option<u32>,
}

impl ImportOptions {
    /// The privacy threshold these options measure with.
    pub fn min_group(&self) -> u32 {
        self.min_group_size.unwrap_or(DEFAULT_MIN_GROUP)
    }

    /// Reads `{ checkpointDay, treatedCohort, controlCohort, dateOrder, minGroupSize }` (all optional;
    /// day 30 by default; `dateOrder` is `"dmy"` or `"mdy"`; `minGroupSize` from 3, 5 by default),
    /// failing with every problem found.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, Vec<FieldError>> {
        let mut problems = Problems::default();
        let mut options = Self { checkpoint_day: 30, ..Self::default() };
        if let Some(reader) = ObjectReader::new(
            value,
            "",
            &["checkpointDay", "treatedCohort", "controlCohort", "dateOrder", "minGroupSize"],
            &mut problems,
        ) {
            let rule = "a whole number of days from 0 to 365";
            if let Some(day) = reader.whole_in("checkpointDay", 0, 365, rule, &mut problems) {
                options.checkpoint_day = u32::try_from(day).unwrap_or(30);
            }
            let (least, most) = (u64::from(LEAST_MIN_GROUP), u64::from(MOST_MIN_GROUP));
            let rule = format!("a whole number of people from {least} to {most} (groups smaller are hidden)");
            let min = reader.whole_in("minGroupSize", least, most, &rule, &mut problems);
            options.min_group_size = min.and_then(|n| u32::try_from(n).ok());
            options.treated_cohort = reader.text("treatedCohort", 80, &mut problems);
            options.control_cohort = reader.text("controlCohort", 80, &mut problems);
            if let Some(order) = reader.text("dateOrder", 3, &mut problems) {
                options.date_order = DateOrder::from_name(&order);
                if options.date_order.is_none() {
                    let message = "must be \"dmy\" (day first) or \"mdy\" (month first)".to_owned();
                    problems.add("dateOrder", message);
                }
            }
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
    /// Things worth knowing that are not errors (people not yet at the checkpoint, values left out,
    /// API keys left out).
    pub notes: Vec<String>,
    /// The files measured, each with its shape and what it cannot support.
    pub files: Vec<FileSummary>,
    /// The metrics the files cannot support, each with why.
    pub not_measured: Vec<NotMeasured>,
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
    /// Its metrics (none when hidden).
    pub metrics: Metrics,
    /// Why its figures are hidden, when they are (docs/model.md#small-groups); its people, licensed
    /// and at-checkpoint counts are then 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub hidden: Option<Hidden>,
    /// Its usage-intensity groups, when sessions were counted and it is not hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub intensity: Option<Intensity>,
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
    /// Where the saved time went, as named at the checkpoint, most named first.
    pub time_reinvested: Vec<TaskShare>,
    /// A trained cohort against a later one as control, when the roster has cohorts.
    pub cohorts: Option<CohortComparison>,
}
