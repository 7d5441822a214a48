//! Project mode's screen: the headline figures (and their one-line summary), the charts, what the
//! figures assume, and the inputs — departments with their benchmark bands, costs, settings.

use serde::Serialize;

use super::fields::Typed;
use super::{
    DepartmentCard, Field, FigureView, Format, KeyedChart, Num, Piece, Text, UseCases, WidgetState, attention, words,
};
use crate::assumptions::{SlotValue, ValueKind, assumptions};
use crate::benchmarks::Compared;
use crate::charts;
use crate::model::Model;
use crate::report::Report;
use crate::scenario::Department;

/// Project mode's screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ProjectView {
    /// The headline in one line, kept in sight while the inputs scroll.
    pub summary: Vec<FigureView>,
    /// The headline figures with their definitions.
    pub figures: Vec<FigureView>,
    /// How many fields need attention, if any.
    pub status: String,
    /// Cumulative benefit and cost, the outcomes' spread, what moves the ROI most.
    pub charts: Vec<KeyedChart>,
    /// What the figures assume, in plain words.
    pub assumptions: Vec<Text>,
    /// The departments.
    pub departments: Vec<DepartmentCard>,
    /// Training and learning-curve hours a person.
    pub people_costs: Vec<Field>,
    /// The one-time, monthly and per-seat cost lists.
    pub cost_lists: Vec<CostList>,
    /// The settings.
    pub settings: Vec<Field>,
    /// Only the quick start's inputs are shown (see [`WidgetState::quick`]).
    pub quick: bool,
    /// In the quick start, which shows only the programme's one-time cost lines: what else the first
    /// year's cost counts ("The first year also costs $135,000 more: …"), so the figures do not seem to
    /// rest on the programme's price alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub other_costs: Option<Text>,
}

/// A list of cost lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct CostList {
    /// Its path (`costs.monthly`).
    pub path: &'static str,
    /// Its heading.
    pub heading: &'static str,
    /// The add button's accessible name.
    pub add_label: String,
    /// Each line's label and amount fields.
    pub lines: Vec<[Field; 2]>,
}

/// The headline figures: key, label, definition.
const FIGURES: [(&str, &str, &str); 6] = [
    ("roiPercent", "Net ROI, steady-state year", "(annual benefit − first-year cost) ÷ first-year cost"),
    ("benefitCostRatio", "Benefit–cost ratio", "annual benefit ÷ first-year cost"),
    ("netBenefit", "Net benefit a year", "annual benefit − first-year cost"),
    ("paybackMonths", "Payback", "months until the cumulative net benefit stays at or above zero"),
    ("firstYearRoiPercent", "Net ROI, first 12 months", "months 0–12 of the projection, with the adoption ramp"),
    ("npv", "NPV over the horizon", "net present value, each year discounted at the discount rate"),
];

/// The figures of the compact summary: key (as in `FIGURES`), short label.
const SUMMARY: [(&str, &str); 3] =
    [("roiPercent", "Net ROI"), ("benefitCostRatio", "Return"), ("paybackMonths", "Payback")];

/// The cost lists: path, heading, the amount's label.
const COST_LISTS: [(&str, &str, &str); 3] = [
    ("costs.oneTime", "One-time costs", "Amount"),
    ("costs.monthly", "Monthly costs", "A month"),
    ("costs.perSeatMonthly", "Per seat, a month", "A seat a month"),
];

/// The most inputs the tornado shows; the rest move the ROI least.
const TORNADO_ROWS: usize = 6;

/// Project mode's screen of `state`.
pub(super) fn project(state: &WidgetState) -> ProjectView {
    let editor = state.editor();
    let report = editor.report();
    let figures: Vec<FigureView> = FIGURES
        .iter()
        .map(|&(key, label, definition)| FigureView {
            key,
            label,
            value: figure(report, key),
            definition: words(definition),
        })
        .collect();
    let summary = SUMMARY
        .iter()
        .map(|&(key, label)| FigureView { key, label, value: figure(report, key), definition: Text::new() })
        .collect();
    let width = state.chart_width();
    let charts = vec![
        KeyedChart { key: "cumulative", chart: charts::cumulative(report, width) },
        KeyedChart { key: "outcomes", chart: charts::outcomes(report, width) },
        KeyedChart { key: "tornado", chart: charts::tornado(report, TORNADO_ROWS, width) },
    ];
    let scenario = editor.scenario();
    let assumptions = Model::resolve(scenario, state.table())
        .map(|model| assumptions(scenario, &model, &report.annual).iter().map(|a| slots(a.text, &a.values)).collect())
        .unwrap_or_default();
    let mut departments: Vec<DepartmentCard> =
        scenario.departments.iter().enumerate().map(|(i, d)| department(state, i, d)).collect();
    let mut view = ProjectView {
        summary,
        figures,
        status: attention(editor.drafts().len(), "figures"),
        charts,
        assumptions,
        departments: Vec::new(),
        people_costs: people_costs(state),
        cost_lists: cost_lists(state),
        settings: settings(state),
        quick: state.quick(),
        other_costs: None,
    };
    if view.quick {
        // The same fields, at the same paths, as the full form: only fewer of them.
        for card in &mut departments {
            card.fields.truncate(2);
            card.use_cases = None;
        }
        view.cost_lists.truncate(1);
        view.people_costs.clear();
        view.settings.clear();
        let shown: f64 = scenario.costs.one_time.iter().map(|line| line.amount).sum();
        let other = report.annual.cost - shown;
        view.other_costs = (other >= 0.5).then(|| {
            vec![
                Piece::Words("The first year also costs ".into()),
                Piece::num(other, Format::Money),
                Piece::Words(
                    " more: people's time in training and learning, and the monthly and per-seat costs (every input shows them)."
                        .into(),
                ),
            ]
        });
    }
    view.departments = departments;
    view
}

/// The value of the headline figure `key`.
fn figure(report: &Report, key: &str) -> Option<Num> {
    let (value, unit) = match key {
        "roiPercent" => (report.annual.roi_percent, Format::Percent),
        "benefitCostRatio" => (report.annual.benefit_cost_ratio, Format::Ratio),
        "netBenefit" => (Some(report.annual.net_benefit), Format::Money),
        "paybackMonths" => (report.payback_months, Format::Months),
        "firstYearRoiPercent" => (report.first_year.roi_percent, Format::Percent),
        _ => (Some(report.horizon.npv), Format::Money),
    };
    value.map(|v| Num::new(v, unit))
}

/// A sentence template with `{n}` slots, its values as pieces.
pub(super) fn slots(template: &str, values: &[SlotValue]) -> Text {
    let mut text = Text::new();
    let mut rest = template;
    while let Some((before, opened)) = rest.split_once('{') {
        let slot = opened.split_once('}').and_then(|(n, after)| Some((n.parse::<usize>().ok()?, after)));
        let Some((n, after)) = slot else { break };
        if !before.is_empty() {
            text.push(Piece::Words(before.to_owned()));
        }
        if let Some(value) = values.get(n) {
            text.push(Piece::Num(slot_value(*value)));
        }
        rest = after;
    }
    if !rest.is_empty() {
        text.push(Piece::Words(rest.to_owned()));
    }
    text
}

/// A sentence's value as a number to show.
pub(super) fn slot_value(value: SlotValue) -> Num {
    let unit = match value.kind {
        ValueKind::Money => Format::Money,
        ValueKind::Percent => Format::Share,
        ValueKind::Hours => Format::HoursLong,
        ValueKind::Number => Format::Decimal,
    };
    Num::new(value.value, unit)
}

/// Department `i`'s card: name, benchmark, people, cost, active use and hours with their bands, use cases.
fn department(state: &WidgetState, i: usize, dept: &Department) -> DepartmentCard {
    let report = state.editor().report();
    let used = report.departments.get(i);
    let compared = used.and_then(|d| d.benchmark.as_ref());
    let path = |key: &str| format!("departments[{i}].{key}");
    let headcount = state.number_field(path("headcount"), "People", Some(dept.headcount as f64), Typed::Plain);
    let cost = match dept.annual_cost {
        Some(annual) => state.number_field(path("annualCost"), "Annual cost", Some(annual), Typed::Plain),
        None => state.number_field(path("hourlyCost"), "Hourly cost", dept.hourly_cost, Typed::Plain),
    };
    let mut active = state.number_field(path("activeRate"), "Active use %", dept.active_rate, Typed::Percent);
    benchmarked(&mut active, used.map(|d| d.active_rate * 100.0), compared.map(|b| &b.active_rate), true);
    let mut hours =
        state.number_field(path("hoursSavedPerWeek"), "Hours saved a week", dept.hours_saved_per_week, Typed::Plain);
    benchmarked(&mut hours, used.map(|d| d.hours_saved_per_week), compared.map(|b| &b.hours_saved_per_week), false);
    if dept.use_cases.is_some() {
        // Hours then come from the use cases: shown, not typed.
        hours.readonly = true;
        hours.placeholder = words("from the use cases");
    }
    let cases_path = path("useCases");
    let rows = dept
        .use_cases
        .iter()
        .flatten()
        .enumerate()
        .map(|(j, case)| {
            let at = |key: &str| format!("{cases_path}[{j}].{key}");
            vec![
                state.text_field(at("name"), "Task", &case.name),
                state.number_field(at("minutesBefore"), "Minutes before", Some(case.minutes_before), Typed::Plain),
                state.number_field(at("minutesAfter"), "Minutes with Claude", Some(case.minutes_after), Typed::Plain),
                state.number_field(at("perWeek"), "Times a week", Some(case.per_week), Typed::Plain),
            ]
        })
        .collect();
    let legend = used.map_or_else(|| dept.name.clone(), |d| d.name.clone());
    DepartmentCard {
        index: i,
        use_cases: Some(UseCases { add_label: format!("Add a use case to {}", dept.name), path: cases_path, rows }),
        legend,
        name: state.text_field(path("name"), "Name", &dept.name),
        benchmark: state.benchmark_select(i, dept.benchmark.as_deref()),
        fields: vec![headcount, cost, active, hours],
        removable: report.departments.len() > 1,
    }
}

/// Gives `field` its benchmark band and note (`compared`), and the value an empty field stands for.
fn benchmarked(field: &mut Field, default: Option<f64>, compared: Option<&Compared>, percent: bool) {
    if let Some(default) = default {
        field.placeholder = vec![Piece::num(default, Format::Plain), Piece::Words(" (benchmark)".into())];
    }
    if let Some(c) = compared {
        let unit = if percent { Format::Share } else { Format::Decimal };
        let end = if percent { "" } else { " h" };
        field.note = vec![
            Piece::Words("Benchmark ".into()),
            Piece::num(c.low, unit),
            Piece::Words("–".into()),
            Piece::num(c.high, unit),
            Piece::Words(format!("{end}: {}", c.status.word())),
        ];
        field.band = Some(charts::band(c, percent));
    }
}

fn people_costs(state: &WidgetState) -> Vec<Field> {
    let costs = &state.editor().scenario().costs;
    vec![
        state.number_field(
            "costs.trainingHoursPerPerson".into(),
            "Training hours a person",
            Some(costs.training_hours_per_person),
            Typed::Plain,
        ),
        state.number_field(
            "costs.learningCurveHoursPerPerson".into(),
            "Learning-curve hours a person",
            Some(costs.learning_curve_hours_per_person),
            Typed::Plain,
        ),
    ]
}

fn cost_lists(state: &WidgetState) -> Vec<CostList> {
    let costs = &state.editor().scenario().costs;
    let lists = [&costs.one_time, &costs.monthly, &costs.per_seat_monthly];
    COST_LISTS
        .iter()
        .zip(lists)
        .map(|(&(path, heading, amount), lines)| CostList {
            path,
            heading,
            add_label: format!("Add a line to {}", heading.to_ascii_lowercase()),
            lines: lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    [
                        state.text_field(format!("{path}[{i}].label"), "What", &line.label),
                        state.number_field(format!("{path}[{i}].amount"), amount, Some(line.amount), Typed::Plain),
                    ]
                })
                .collect(),
        })
        .collect()
}

/// The settings, each with a line saying in plain words what it changes (docs/model.md, "Scenario
/// inputs"), since their names alone are an analyst's.
fn settings(state: &WidgetState) -> Vec<Field> {
    let s = state.editor().scenario();
    let ramp = s.ramp;
    let rows: [(&str, &str, Option<f64>, Typed, &str); 11] = [
        (
            "weeksPerYear",
            "Working weeks a year",
            Some(s.weeks_per_year),
            Typed::Plain,
            "Hours saved count in these weeks.",
        ),
        (
            "hoursPerWeek",
            "Hours a week",
            Some(s.hours_per_week),
            Typed::Plain,
            "Turns an annual cost into an hourly one.",
        ),
        (
            "horizonMonths",
            "Horizon, months",
            Some(f64::from(s.horizon_months)),
            Typed::Plain,
            "How far the projection and its NPV run.",
        ),
        ("discountRate", "Discount rate %", Some(s.discount_rate), Typed::Percent, "A year's discount in the NPV."),
        (
            "attribution",
            "Credited to training %",
            Some(s.attribution),
            Typed::Percent,
            "The share of the time saved owed to training, not to other causes.",
        ),
        (
            "confidence",
            "Confidence in estimates %",
            Some(s.confidence),
            Typed::Percent,
            "Hours saved count at this share, allowing for error in the estimates.",
        ),
        (
            "ramp.day30Factor",
            "Day-30 use, % of steady state",
            ramp.map(|r| r.day30_factor),
            Typed::Percent,
            "The first month's share of the full benefit, rising to all of it by the month below.",
        ),
        (
            "ramp.fullByMonth",
            "Full use by month",
            ramp.map(|r| f64::from(r.full_by_month)),
            Typed::Plain,
            "The month the full benefit is reached.",
        ),
        (
            "seats",
            "Licensed seats (empty: everyone)",
            s.seats.map(|n| n as f64),
            Typed::Plain,
            "Per-seat costs are paid for these.",
        ),
        (
            "uncertainty.spread",
            "Uncertainty ± %",
            Some(s.uncertainty.spread),
            Typed::Percent,
            "How far each estimate may be off: the low and high cases and the likely range.",
        ),
        (
            "uncertainty.draws",
            "Monte Carlo draws",
            Some(s.uncertainty.draws as f64),
            Typed::Plain,
            "Simulated outcomes behind the likely range; 0 leaves it out.",
        ),
    ];
    rows.into_iter()
        .map(|(path, label, value, typed, note)| {
            let mut field = state.number_field(path.into(), label, value, typed);
            field.note = words(note);
            field
        })
        .collect()
}
