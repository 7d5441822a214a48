//! Measured results from the files people already have (docs/model.md#import): a roster of who was
//! trained, a usage export and the pulse-survey answers, read as CSV or JSON in any of the shapes of
//! [`shapes`] (docs/model.md#export-shapes) and turned into a measurements document for
//! [`crate::assess`], with a report of every row that could not be used,
//! the 13-week trend, the departments worst first, the task categories and, when the roster names
//! cohorts, a trained cohort compared with a later one as its control.
//!
//! Files are read from any [`Read`], so the browser can stream a large file in chunks from a worker
//! while tests read strings. A [`Dataset`] keeps what was read, so a new checkpoint is measured
//! without reading again.

use std::io::Read;

use crate::benchmarks::BenchmarkTable;
use crate::fields::FieldError;

mod activity;
mod columns;
mod daily;
pub mod dates;
mod enterprise;
mod files;
mod json;
mod json_records;
mod lenient;
mod mapped;
mod measure;
mod metrics;
mod people;
mod people_lists;
mod periods;
mod private;
mod report;
mod shapes;
mod snapshot;
mod source;
mod table;
mod trend;
mod values;

pub use dates::DateOrder;
pub use files::{ALL_STAFF, LISTED_PROBLEMS};
pub use mapped::ColumnMap;
pub(crate) use mapped::{choosable, head, header_key, looks_like};
pub use people_lists::{LISTED, PeopleLists, PersonRow};
pub use report::{
    DepartmentBreakdown, FileKind, FileProblem, FileSummary, ImportOptions, ImportReport, Imported, Problem,
};
pub use shapes::NotMeasured;
pub use trend::{CohortComparison, CohortFigures, TaskShare, TrendWeek};
pub use values::parse_date;

use activity::Activity;
use files::{Roster, Survey};
use people::People;
use shapes::Reader;

/// The files read so far, each kind replacing the last file of that kind — except a further page
/// of a Claude Code analytics report, which adds to the pages read before.
#[derive(Debug, Default, Clone)]
pub struct Dataset {
    roster: Option<(Roster, FileSummary)>,
    activity: Option<(Activity, FileSummary)>,
    survey: Option<(Survey, FileSummary)>,
    /// A people file (an HR system's e-mail addresses and departments), joined onto the roster when
    /// measured.
    people: Option<(People, FileSummary)>,
    /// The fingerprints of the activity pages added up so far.
    pages: Vec<(u64, u64)>,
    date_order: Option<DateOrder>,
}

impl Dataset {
    /// Reads slash dates in `order` in the files read from now on (none: as their values decide,
    /// asking when they do not).
    pub fn set_date_order(&mut self, order: Option<DateOrder>) {
        self.date_order = order;
    }

    /// Reads `source` as a file of `kind`, or of the kind its header shows when `kind` is none. A file
    /// that cannot be used leaves what was read before untouched.
    pub fn read(&mut self, kind: Option<FileKind>, source: impl Read) -> Result<FileSummary, FileProblem> {
        self.read_from(kind, None, None, Box::new(source), 0)
    }

    /// [`Dataset::read_sized`] of a file called `name`: an export of one day whose rows have no date
    /// (Claude Enterprise analytics) is of the day its name gives (`claude-analytics-2025-09-08.csv`).
    pub fn read_named(
        &mut self,
        kind: Option<FileKind>,
        name: &str,
        source: impl Read,
        bytes: u64,
    ) -> Result<FileSummary, FileProblem> {
        self.read_from(kind, None, json::FileDay::of_name(name), Box::new(source), bytes)
    }

    /// [`Dataset::read_sized`] of an export of one day whose rows have no date (Claude Enterprise
    /// analytics), of the `day` (a Julian day number, as [`parse_date`] gives) the person said it covers
    /// when asked: when its name gives none, [`Dataset::read_named`] refuses it with
    /// [`FileProblem::asks_day`]. The day is for this read only, so a later file of the same name is asked
    /// again; rows that have a date keep theirs.
    pub fn read_on_day(
        &mut self,
        kind: Option<FileKind>,
        day: i32,
        source: impl Read,
        bytes: u64,
    ) -> Result<FileSummary, FileProblem> {
        self.read_from(kind, None, Some(json::FileDay { day, given: true }), Box::new(source), bytes)
    }

    /// [`Dataset::read`] of a file of `bytes` bytes: its rows are stored without growing (and copying)
    /// their storage as it fills, which lowers the peak memory of a large import by a third.
    pub fn read_sized(
        &mut self,
        kind: Option<FileKind>,
        source: impl Read,
        bytes: u64,
    ) -> Result<FileSummary, FileProblem> {
        self.read_from(kind, None, None, Box::new(source), bytes)
    }

    /// Reads `source`, `bytes` bytes long (0 when not known), as a file of `map`'s kind with the columns
    /// `map` chose (docs/model.md#choosing-columns): a file whose shape was not recognised, read by the
    /// same readers as a recognised one. Fails, naming them, when required columns are left unchosen, and
    /// when a chosen column is not the kind's, is beyond the header or shares its header with another.
    pub fn read_mapped(&mut self, map: &ColumnMap, source: impl Read, bytes: u64) -> Result<FileSummary, FileProblem> {
        self.read_from(Some(map.kind), Some(map), None, Box::new(source), bytes)
    }

    /// [`Dataset::read`] for any source through one code path: the readers are compiled once, not once
    /// per kind of source (a text, the browser's chunks), which keeps the WebAssembly module smaller.
    /// With a `map`, the file's columns are the ones it chose; rows without a date are of `file_day`.
    fn read_from(
        &mut self,
        kind: Option<FileKind>,
        map: Option<&ColumnMap>,
        file_day: Option<json::FileDay>,
        source: Box<dyn Read + '_>,
        bytes: u64,
    ) -> Result<FileSummary, FileProblem> {
        let mut fingerprint = source::Fingerprint::new(source);
        let sniffed =
            source::sniff(&mut fingerprint).map_err(|e| FileProblem::new(kind, format!("could not be read: {e}")))?;
        let order = self.date_order;
        if sniffed.json {
            if map.is_some() {
                let message = "is JSON; columns are chosen in CSV files only".to_owned();
                return Err(FileProblem::new(kind, message));
            }
            if let Some(other) = kind.filter(|&k| k != FileKind::Activity) {
                let message = "is JSON; only usage exports (Claude Code analytics) are read from JSON".to_owned();
                return Err(FileProblem::new(Some(other), message));
            }
            let activity = json::read(sniffed.source, order, file_day)?;
            return self.keep_activity(activity, fingerprint.value());
        }
        let columns::Opened { shape, mut table, at } = match map {
            None => columns::open(kind, sniffed.source)?,
            Some(map) => mapped::open(map, sniffed.source)?,
        };
        let summary = |rows, skipped| FileSummary {
            kind: shape.kind,
            shape: shape.name.to_owned(),
            rows,
            skipped,
            not_measured: Vec::new(),
            notes: Vec::new(),
        };
        match shape.reader {
            Reader::Roster { learning_system } => {
                let roster = files::read_roster(&mut table, &at, learning_system, order)?;
                let summary = summary(roster.rows, roster.skipped.count);
                keep(&mut self.roster, roster, summary, |r| r.people.is_empty())
            }
            Reader::Survey => {
                let survey = files::read_survey(&mut table, &at)?;
                let summary = summary(survey.rows, survey.skipped.count);
                keep(&mut self.survey, survey, summary, |s| s.answers.is_empty())
            }
            Reader::Daily => {
                let activity = daily::read(&mut table, &at, bytes, shape, order, file_day)?;
                self.keep_activity(activity, fingerprint.value())
            }
            Reader::People => {
                let people = people::read(&mut table, &at)?;
                let mut summary = summary(people.rows, people.skipped.count);
                summary.notes.push(
                    "Its departments are joined onto the roster by e-mail address when measured; the roster's own \
                     department wins where it names one."
                        .into(),
                );
                keep(&mut self.people, people, summary, People::is_empty)
            }
            Reader::Periods => self.keep_activity(periods::read(&mut table, &at, shape, order)?, (0, 0)),
            Reader::Snapshot => self.keep_activity(snapshot::read(&mut table, &at, shape, order)?, (0, 0)),
        }
    }

    /// Keeps a usage export that was read: a further page of the Claude Code analytics report read
    /// before adds to it (the same page twice is refused), any other replaces it.
    fn keep_activity(&mut self, activity: Activity, fingerprint: (u64, u64)) -> Result<FileSummary, FileProblem> {
        let mut summary = FileSummary {
            kind: FileKind::Activity,
            shape: activity.shape.to_owned(),
            rows: activity.rows,
            skipped: activity.skipped.count,
            not_measured: activity.not_measured.clone(),
            notes: activity.all_notes(),
        };
        if activity.is_empty() {
            let json = activity.shape == json::PAGES || activity.shape == json::LINES;
            return Err(if json && activity.rows == 0 {
                FileProblem::new(Some(FileKind::Activity), "holds no records (its data is empty)".into())
            } else {
                no_rows(FileKind::Activity, activity.rows)
            });
        }
        // Pages of one report add up: Claude Code analytics, or Claude Enterprise analytics (a file per day).
        let family = |shape: &str| {
            ["Claude Code analytics", "Claude Enterprise analytics"].into_iter().find(|f| shape.starts_with(f))
        };
        match &mut self.activity {
            Some((before, kept))
                if family(before.shape).is_some() && family(before.shape) == family(activity.shape) =>
            {
                if self.pages.contains(&fingerprint) {
                    let message = "is a page already imported; it was not added again".to_owned();
                    return Err(FileProblem::new(Some(FileKind::Activity), message));
                }
                self.pages.push(fingerprint);
                let pages = self.pages.len();
                before.absorb(activity);
                summary.notes.push(format!(
                    "Added to the pages read before: {pages} pages, {} rows in all.",
                    crate::fields::grouped(before.rows)
                ));
                *kept = summary.clone();
                kept.rows = before.rows;
                kept.skipped = before.skipped.count;
            }
            slot => {
                self.pages = vec![fingerprint];
                *slot = Some((activity, summary.clone()));
            }
        }
        Ok(summary)
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
            (Some((r, _)), Some((a, _))) => (r, a),
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
        let files = [
            &self.roster.as_ref().map(|f| &f.1),
            &self.people.as_ref().map(|f| &f.1),
            &self.activity.as_ref().map(|f| &f.1),
            &self.survey.as_ref().map(|f| &f.1),
        ];
        let files: Vec<FileSummary> = files.into_iter().flatten().map(|&f| f.clone()).collect();
        let survey = self.survey.as_ref().map(|s| &s.0);
        let Some((people, _)) = &self.people else {
            return measure::measure(roster, activity, survey, &starts, options, table, files);
        };
        let (joined, notes) = people.join(roster);
        let mut imported = measure::measure(&joined, activity, survey, &starts, options, table, files)?;
        imported.import_report.notes.splice(0..0, notes);
        Ok(imported)
    }
}

/// Keeps a file that was read into `slot` with its summary, unless it held no usable row (`empty`).
fn keep<T>(
    slot: &mut Option<(T, FileSummary)>,
    data: T,
    summary: FileSummary,
    empty: impl Fn(&T) -> bool,
) -> Result<FileSummary, FileProblem> {
    if empty(&data) {
        return Err(no_rows(summary.kind, summary.rows));
    }
    *slot = Some((data, summary.clone()));
    Ok(summary)
}

fn no_rows(kind: FileKind, rows: u64) -> FileProblem {
    let message = if rows == 0 {
        "has a header but no rows".to_owned()
    } else {
        format!("has no usable row: all {rows} were skipped (the first reasons are listed with their lines)")
    };
    FileProblem::new(Some(kind), message)
}

/// Reads the texts of the three files (the survey is optional; CSV, or JSON for the activity) and measures `options`' checkpoint:
/// the whole import in one call, for scripts and tests.
pub fn measure_from_csv(
    roster: &str,
    activity: &str,
    survey: Option<&str>,
    options: &ImportOptions,
    table: &BenchmarkTable,
) -> Result<Imported, Vec<FieldError>> {
    let mut dataset = Dataset::default();
    dataset.set_date_order(options.date_order);
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
