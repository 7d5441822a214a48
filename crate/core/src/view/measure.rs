//! Measure mode's screen: the checkpoint, each metric for the organisation with its target and status,
//! the scorecard, the return delivered, the flags with their diagnosis and next action, and the
//! departments with their adoption. Status is always said in words as well as colour.

use serde::Serialize;

use super::fields::Typed;
use super::realised::{RealisedView, realised};
use super::{Choice, DepartmentCard, Field, FigureView, Format, Num, Piece, Select, Text, WidgetState, attention};
use crate::assessment::{Metric, MetricResult, Metrics, RULES, Severity, Status};
use crate::realised::Realised;

/// Measure mode's screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MeasureView {
    /// The checkpoint day.
    pub checkpoint: Select,
    /// Trained people and licensed seats.
    pub counts: Vec<Field>,
    /// The scorecard's figures.
    pub scorecard: Vec<FigureView>,
    /// How many fields need attention, if any.
    pub status: String,
    /// Each metric against its target.
    pub metrics: Vec<MetricRow>,
    /// The return delivered.
    pub realised: RealisedView,
    /// What to do next, most urgent first.
    pub flags: Vec<FlagView>,
    /// Which departments are below 50% weekly active.
    pub adoption: String,
    /// The departments and what was measured in each.
    pub departments: Vec<DepartmentCard>,
}

/// One metric's row: its input (none for the computed department adoption), target and status.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct MetricRow {
    /// The metric's key.
    pub key: &'static str,
    /// What is typed, or none when the metric is computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    /// The metric's name.
    pub label: &'static str,
    /// "≥ 70%".
    pub target: Text,
    /// The status in words ("Below target (40%)").
    pub status: Text,
    /// The status as a class: `green`, `amber`, `red`, `unknown`.
    pub rag: &'static str,
}

/// What is wrong with one metric (of one department, or of everyone), why, and what to do: the
/// assessment's flags on the same metric and department are one item, the most urgent's heading first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct FlagView {
    /// `red` (act now) or `amber` (watch); `none` for the line saying there is nothing to flag.
    pub severity: &'static str,
    /// "Act now — Legal: Weekly active ÷ licensed seats".
    pub about: String,
    /// Each flag's diagnosis and next step, in the assessment's order (empty for `none`).
    pub advice: Vec<FlagAdvice>,
}

/// One flag's diagnosis and next step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct FlagAdvice {
    /// The diagnosis.
    pub diagnosis: String,
    /// "Next: …".
    pub action: String,
}

/// How a metric is typed and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Share,
    Number,
}

/// The metrics a person enters: key, label, kind.
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

/// The computed department adoption rate, judged like the entered metrics but never typed.
const ADOPTION: (&str, &str, Kind) = ("departmentAdoptionRate", "Departments at 50%+ weekly active", Kind::Share);

/// The metrics entered per department (the ones the department comparison and adoption use).
const DEPARTMENT_METRICS: [&str; 4] = ["weeklyActiveRate", "activeUsageRate", "hoursSavedPerWeek", "satisfaction"];

/// The checkpoints offered (judged from days 0, 28, 30 and 90: docs/model.md#metrics-and-targets).
const CHECKPOINTS: [u32; 4] = [7, 30, 60, 90];

/// A metric's key, label and kind.
fn metric(key: &str) -> (&'static str, &'static str, Kind) {
    METRICS.iter().chain([&ADOPTION]).find(|(k, ..)| *k == key).copied().unwrap_or(("", "", Kind::Number))
}

/// A metric's name in a sentence (its input label without the " %").
pub fn metric_name(key: &str) -> &'static str {
    let name = metric(key).1;
    if name.is_empty() { "a metric" } else { name.strip_suffix(" %").unwrap_or(name) }
}

/// The status in words (colour is never the only signal) and its class.
pub(super) fn status_words(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Green => ("On target", "green"),
        Status::Amber => ("Below target", "amber"),
        Status::Red => ("Act now", "red"),
        Status::Unknown => ("Not measured", "unknown"),
        Status::NotYetJudged => ("Too early to judge", "unknown"),
    }
}

/// Measure mode's screen of `state`, with the return delivered (`realised`) computed once for it and
/// the board report.
pub(super) fn measure(state: &WidgetState, realised_return: Option<&Realised>) -> MeasureView {
    let editor = state.measure();
    let (doc, assessment) = (editor.measurements(), editor.assessment());
    let day = doc.checkpoint_day;
    let mut days: Vec<u32> = CHECKPOINTS.to_vec();
    if !days.contains(&day) {
        days.push(day);
    }
    let options = days.iter().map(|d| Choice { value: d.to_string(), label: format!("Day {d}") }).collect();
    let counts = vec![
        state.number_field("people".into(), "Trained people", doc.people.map(|n| n as f64), Typed::Plain),
        state.number_field(
            "licensedSeats".into(),
            "Licensed seats",
            doc.licensed_seats.map(|n| n as f64),
            Typed::Plain,
        ),
    ];
    let card = &assessment.scorecard;
    let score = |key, label, value: Option<f64>, u, judged: Option<Metric>| FigureView {
        key,
        label,
        value: value.map(|v| match judged {
            Some(metric) => judged_num(v, u, assessment.metrics.get(metric)),
            None => Num::new(v, u),
        }),
        definition: Text::new(),
    };
    let scorecard = vec![
        score(
            "weeklyActiveRate",
            "Weekly active rate",
            card.weekly_active_rate,
            Format::Share,
            Some(Metric::WeeklyActiveRate),
        ),
        score(
            "hoursPerUser",
            "Hours saved per active user a week",
            card.hours_saved_per_week_per_user,
            Format::Hours,
            Some(Metric::HoursSavedPerWeek),
        ),
        score("hoursTotal", "Hours saved a week, everyone", card.hours_saved_per_week_total, Format::Hours, None),
        score("retention", "Week-4 ÷ week-1 users", card.retention, Format::Share, Some(Metric::Week4RetentionOfWeek1)),
    ];
    let metrics = METRICS
        .iter()
        .chain([&ADOPTION])
        .filter_map(|&(key, label, _)| {
            let result = assessment.metrics.get(Metric::from_key(key)?);
            let field = (key != ADOPTION.0)
                .then(|| metric_field(state, format!("metrics.{key}"), &doc.metrics, key, Some(result)));
            let (words, rag) = status_words(result.status);
            let mut status = vec![Piece::Words(words.into())];
            if let (true, Some(v)) = (key == ADOPTION.0, result.value) {
                status.extend([Piece::Words(" (".into()), Piece::num(v, Format::Share), Piece::Words(")".into())]);
            }
            Some(MetricRow { key, field, label, target: target(key, result), status, rag })
        })
        .collect();
    let flags = flags(state);
    let below = &assessment.departments_below_adoption;
    let adoption = match (assessment.departments.len(), below.len()) {
        (0, _) => "Add departments to see which have adopted it.".to_owned(),
        (_, 0) if assessment.departments.iter().all(|d| d.metrics.weekly_active_rate.value.is_none()) => {
            "No department's weekly active rate is measured yet.".to_owned()
        }
        (_, 0) => "No department is below 50% weekly active (of those measured).".to_owned(),
        _ => format!("Below 50% weekly active: {}.", below.join(", ")),
    };
    let departments = doc
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let judged = assessment.departments.get(i);
            let fields = DEPARTMENT_METRICS
                .iter()
                .map(|key| {
                    let path = format!("departments[{i}].metrics.{key}");
                    let result = judged.zip(Metric::from_key(key)).map(|(j, m)| j.metrics.get(m));
                    metric_field(state, path, &d.metrics, key, result)
                })
                .collect();
            DepartmentCard {
                index: i,
                legend: {
                    let name = judged.map_or_else(|| d.name.clone(), |j| j.name.clone());
                    let min = doc.min_group_size.unwrap_or(crate::privacy::DEFAULT_MIN_GROUP);
                    match d.hidden {
                        Some(h) => format!("{name} — {}: its figures are hidden", h.words(min)),
                        None => name,
                    }
                },
                name: state.text_field(format!("departments[{i}].name"), "Name", &d.name),
                benchmark: state.benchmark_select(i, d.benchmark.as_deref()),
                fields,
                use_cases: None,
                removable: true,
            }
        })
        .collect();
    MeasureView {
        checkpoint: state.select("checkpointDay".into(), "Checkpoint", options, &day.to_string()),
        counts,
        scorecard,
        status: attention(editor.drafts().len(), "results"),
        metrics,
        realised: realised(state, realised_return),
        flags,
        adoption,
        departments,
    }
}

/// The input of metric `key` at `path`, holding `measured`'s value at display precision, with the note of
/// its judgement (`result`), if it has one.
fn metric_field(
    state: &WidgetState,
    path: String,
    measured: &Metrics,
    key: &str,
    result: Option<&MetricResult>,
) -> Field {
    let (_, label, kind) = metric(key);
    let value = Metric::from_key(key).and_then(|m| measured.get(m));
    let typed = if kind == Kind::Share { Typed::MeasuredPercent } else { Typed::Measured };
    let mut field = state.number_field(path, label, value, typed);
    if let Some(result) = result {
        field.note = note(result, key);
        if let Piece::Num(shown) = &mut field.value {
            let scale = if kind == Kind::Share { 100.0 } else { 1.0 };
            shown.u = precision(shown.v, lines(result, scale));
        }
    }
    field
}

/// The green and red lines of the rules behind `result`, times `scale` (100 for a share shown as a
/// percentage, 1 otherwise).
fn lines(result: &MetricResult, scale: f64) -> impl Iterator<Item = f64> + Clone + '_ {
    RULES
        .iter()
        .filter(|rule| result.rule_ids.contains(&rule.id))
        .flat_map(|rule| std::iter::once(rule.green_at).chain(rule.red_below))
        .chain(std::iter::once(result.target))
        .map(move |line| line * scale)
}

/// `v` shown as `u` with the decimals that keep it on its side of the lines `result` was judged by, as
/// the metric's field does: 2.96 hours beside a target of 3 is "2.96 h", not "3 h"; a share is "75.96%"
/// beside 76%. `u` is a share, hours (short) or a plain decimal.
pub(super) fn judged_num(v: f64, u: Format, result: &MetricResult) -> Num {
    let scale = if u == Format::Share { 100.0 } else { 1.0 };
    match (precision(v * scale, lines(result, scale)), u) {
        (Format::Rounded, _) => Num::new(v, u),
        (_, Format::Share) => Num::new(v, Format::Share2),
        (_, Format::Hours) => Num::new(v, Format::Hours2),
        (finer, _) => Num::new(v, finer),
    }
}

/// The fewest decimals (one to three, else every one) at which `value`, rounded as the field shows it,
/// stays on the same side of each of `lines` as it is exactly: so that a measured 2.96 hours beside
/// "Below target · target ≥ 3" reads "2.96", not "3", and 1.955 under a red line of 2 reads "1.96".
pub(super) fn precision(value: f64, lines: impl Iterator<Item = f64> + Clone) -> Format {
    const FORMATS: [(Format, f64); 3] =
        [(Format::Rounded, 10.0), (Format::Rounded2, 100.0), (Format::Rounded3, 1000.0)];
    let side = |x: f64, line: f64| x >= line;
    FORMATS
        .iter()
        .find(|(_, scale)| {
            // Half away from zero, as Intl.NumberFormat's default rounding.
            let rounded = (value * scale).round() / scale;
            lines.clone().all(|line| side(rounded, line) == side(value, line))
        })
        .map_or(Format::Plain, |(format, _)| *format)
}

/// "≥ 70%": the green line of the rule that applies.
fn target(key: &str, result: &MetricResult) -> Text {
    let unit = if metric(key).2 == Kind::Share { Format::Share } else { Format::Decimal };
    vec![Piece::Words("≥ ".into()), Piece::num(result.target, unit)]
}

/// "Act now · target ≥ 70%" beside a metric's input; nothing when it was not measured.
fn note(result: &MetricResult, key: &str) -> Text {
    if result.status == Status::Unknown {
        return Text::new();
    }
    let mut text = vec![Piece::Words(format!("{} · target ", status_words(result.status).0))];
    text.extend(target(key, result));
    text
}

/// The flags, or one line saying there are none.
fn flags(state: &WidgetState) -> Vec<FlagView> {
    let assessment = state.measure().assessment();
    let flags = &assessment.flags;
    if flags.is_empty() {
        let measured = METRICS.iter().filter_map(|(key, ..)| Metric::from_key(key)).any(|m| {
            assessment.metrics.get(m).value.is_some()
                || assessment.departments.iter().any(|d| d.metrics.get(m).value.is_some())
        });
        let none = if measured {
            "No flags: nothing measured so far is below target."
        } else {
            "Nothing measured yet: enter or import the results to see what to do next."
        };
        return vec![FlagView { severity: "none", about: none.into(), advice: Vec::new() }];
    }
    // One item per metric and department, with each of its flags' advice; flags come most urgent first, so
    // an item's first flag gives its severity.
    let mut items: Vec<FlagItem> = Vec::new();
    for flag in flags {
        let advice = FlagAdvice { diagnosis: flag.diagnosis.clone(), action: format!("Next: {}", flag.action) };
        let department = flag.department.as_deref();
        match items.iter_mut().find(|i| i.metric == flag.metric && i.departments == [department]) {
            Some(item) if item.advice.contains(&advice) => {}
            Some(item) => item.advice.push(advice),
            None => items.push(FlagItem {
                metric: flag.metric,
                departments: vec![department],
                severity: flag.severity,
                advice: vec![advice],
            }),
        }
    }
    // The same advice on the same metric for several departments is one item naming them all, where it
    // would be said again, word for word, for each.
    let mut merged: Vec<FlagItem> = Vec::new();
    for item in items {
        let of_departments = |i: &FlagItem| i.departments[0].is_some();
        let same = |m: &&mut FlagItem| {
            m.metric == item.metric && m.severity == item.severity && m.advice == item.advice && of_departments(m)
        };
        match merged.iter_mut().find(same).filter(|_| of_departments(&item)) {
            Some(m) => m.departments.extend(item.departments),
            None => merged.push(item),
        }
    }
    merged.into_iter().map(FlagItem::shown).collect()
}

/// The flags on one metric: of one department, the organisation, or several departments given the same advice.
struct FlagItem<'a> {
    metric: &'a str,
    departments: Vec<Option<&'a str>>,
    severity: Severity,
    advice: Vec<FlagAdvice>,
}

impl FlagItem<'_> {
    /// "Act now — Operations, Finance and Legal: Hours saved per active user a week", with the advice.
    fn shown(self) -> FlagView {
        let (words, severity) = match self.severity {
            Severity::Red => ("Act now", "red"),
            Severity::Amber => ("Watch", "amber"),
        };
        let names: Vec<&str> = self.departments.iter().flatten().copied().collect();
        let about = match names.split_last() {
            None => format!("{words} — {}", metric_name(self.metric)),
            Some((last, [])) => format!("{words} — {last}: {}", metric_name(self.metric)),
            Some((last, rest)) => format!("{words} — {} and {last}: {}", rest.join(", "), metric_name(self.metric)),
        };
        FlagView { severity, about, advice: self.advice }
    }
}
