//! The widget as data: for each mode, a typed description of everything on screen, derived from the
//! [`WidgetState`] by one function, [`view`]. Building the screen and updating it after a keystroke are
//! the same call; the shell (`www/view/`) only renders what it is given, keyed by field path.
//!
//! Numbers never arrive formatted: each is a [`Num`] with the [`Format`] that says how the reader's
//! `Intl.NumberFormat` shows it, so the figures read in the reader's locale and no float formatter enters
//! the WebAssembly build. Text someone typed is always its own [`Piece`], never spliced into markup.

use serde::Serialize;

use crate::charts::Chart;

mod board;
mod fields;
mod imported;
mod mapper;
mod measure;
mod project;
mod realised;
mod state;

pub use fields::field_id;
pub use imported::{file_line, imported_view};
pub use mapper::{MapperKind, MapperView, Role, mapper_view};
pub use state::{Effect, WidgetState};

/// How the shell shows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Format {
    /// Money, whole units ("$12,300").
    Money,
    /// A share, 0.85 as "85%".
    Share,
    /// A share with two decimals at most: a measured one a decimal would round onto its target.
    Share2,
    /// A percentage already multiplied by 100, 740 as "740%".
    Percent,
    /// A multiple, 3.2 as "3.2×".
    Ratio,
    /// Months, "4.5 months".
    Months,
    /// Hours, short: "3.5 h".
    Hours,
    /// Hours, short, two decimals at most ("2.96 h"): measured hours a decimal would round onto a target.
    Hours2,
    /// Hours, long: "3.5 hours".
    HoursLong,
    /// A number, one decimal at most, grouped.
    Decimal,
    /// A number as put back into an input: full precision, no grouping.
    Plain,
    /// A measured number in an input at display precision (0.71989529 typed as a share → "72"): one
    /// decimal at most, no grouping.
    Rounded,
    /// As `Rounded` with two decimals at most: a value one decimal would round onto a target (2.96
    /// hours against ≥ 3 is "2.96", not "3").
    Rounded2,
    /// As `Rounded` with three decimals at most.
    Rounded3,
}

/// A number and how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Num {
    /// The number.
    pub v: f64,
    /// Its unit.
    pub u: Format,
}

impl Num {
    /// `v` shown as `u`.
    pub fn new(v: f64, u: Format) -> Self {
        Self { v, u }
    }
}

/// A piece of shown text: words (fixed, or typed by someone) or a number to format.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Piece {
    /// Words, shown as they are.
    Words(String),
    /// A number, formatted by the shell.
    Num(Num),
}

impl Piece {
    /// The number `v`, shown as `u`.
    pub fn num(v: f64, u: Format) -> Self {
        Self::Num(Num::new(v, u))
    }
}

/// A line of text in pieces.
pub type Text = Vec<Piece>;

/// Words as a [`Text`].
pub fn words(text: impl Into<String>) -> Text {
    vec![Piece::Words(text.into())]
}

/// A number or a dash when there is none.
pub fn number_or_dash(value: Option<f64>, unit: Format) -> Piece {
    value.map_or_else(|| Piece::Words("—".into()), |v| Piece::num(v, unit))
}

/// Which screen the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Mode {
    /// Project the return of training from the inputs.
    Project,
    /// Judge measured results and the return they delivered.
    Measure,
}

impl Mode {
    /// `measure` (any case) is measure mode; anything else projects.
    pub fn from_name(name: &str) -> Self {
        if name.eq_ignore_ascii_case("measure") { Self::Measure } else { Self::Project }
    }
}

/// An input, addressed by the path its validator reports (`departments[2].headcount`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Field {
    /// The field's path; its element ids derive from it ([`field_id`]).
    pub path: String,
    /// The label.
    pub label: String,
    /// What the input holds: the text as typed, or a number to show at the field's precision.
    pub value: Piece,
    /// Why what was typed could not be used (a sentence), if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The line under the field: its benchmark band or target, with status in words.
    pub note: Text,
    /// What an empty field means ("45 (benchmark)").
    pub placeholder: Text,
    /// The benchmark band drawn beside the field, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<Chart>,
    /// Shown but computed from elsewhere (hours from the use cases).
    pub readonly: bool,
    /// Typed as text (a name), not as a number.
    pub text: bool,
}

/// One option of a [`Choice`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Choice {
    /// The option's value.
    pub value: String,
    /// What it reads.
    pub label: String,
}

/// A select, addressed by its path like a [`Field`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Select {
    /// The field's path.
    pub path: String,
    /// The label.
    pub label: String,
    /// The options, in order.
    pub options: Vec<Choice>,
    /// The selected option's value.
    pub current: String,
    /// Why the choice could not be used, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A headline figure: its label, its value (none: "—"), and what it means.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct FigureView {
    /// Stable key (`roiPercent`), for tests and styling.
    pub key: &'static str,
    /// The label.
    pub label: &'static str,
    /// The value, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Num>,
    /// The line under it: its definition, or what was projected.
    pub definition: Text,
}

/// A chart and the key that names its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct KeyedChart {
    /// `cumulative`, `outcomes`, `tornado`, `realised`, `trend`.
    pub key: &'static str,
    /// The chart.
    pub chart: Chart,
}

/// A department's card: its legend (the last valid name), its fields, and in project mode its use cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct DepartmentCard {
    /// Its index in the list.
    pub index: usize,
    /// The legend.
    pub legend: String,
    /// The name field.
    pub name: Field,
    /// The benchmark select.
    pub benchmark: Select,
    /// The other fields, in order.
    pub fields: Vec<Field>,
    /// Its use cases (project mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_cases: Option<UseCases>,
    /// Whether it may be removed (a projection keeps at least one department).
    pub removable: bool,
}

/// A department's use cases: one row of fields each, and the label of the button that adds one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct UseCases {
    /// The list's path (`departments[0].useCases`).
    pub path: String,
    /// "Add a use case to Legal".
    pub add_label: String,
    /// Each use case's fields: task, minutes before, minutes after, times a week.
    pub rows: Vec<Vec<Field>>,
}

/// One part of the board report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct BoardPart {
    /// `headline`, `delivered`, `adoption`, `quality`, `case`, `next`.
    pub id: &'static str,
    /// Its heading.
    pub heading: &'static str,
    /// Its sentence.
    pub text: Text,
}

/// Everything the widget shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct View {
    /// The mode shown.
    pub mode: Mode,
    /// Project mode's screen, in project mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<project::ProjectView>,
    /// Measure mode's screen, in measure mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<measure::MeasureView>,
    /// The board report, in both modes.
    pub board: Vec<BoardPart>,
}

pub use imported::ImportedView;
pub use measure::MeasureView;
pub use project::ProjectView;

/// What the widget shows for `state`: the one function from state to screen.
pub fn view(state: &WidgetState) -> View {
    let realised = state.realised();
    let (project, measure) = match state.mode() {
        Mode::Project => (Some(project::project(state)), None),
        Mode::Measure => (None, Some(measure::measure(state, realised.as_ref()))),
    };
    View { mode: state.mode(), project, measure, board: board::board(state, realised.as_ref()) }
}

/// The status line of a form: how many fields need attention, the `shown` (figures, results) being from
/// the last valid entry.
fn attention(drafts: usize, shown: &str) -> String {
    match drafts {
        0 => String::new(),
        1 => format!("One field needs attention; the {shown} are from the last valid entry."),
        n => format!("{n} fields need attention; the {shown} are from the last valid entries."),
    }
}
