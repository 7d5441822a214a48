//! The return delivered (measure mode): the realised figures beside the projected ones, said in words,
//! each department's projected and realised benefit drawn, and whether the projection can go back to
//! how it was before what was measured was carried into it. See [`crate::realised`].

use serde::Serialize;

use super::{FigureView, Format, KeyedChart, Num, Piece, Text, WidgetState, number_or_dash, words};
use crate::charts;
use crate::intensity::Group;
use crate::projection::Annual;
use crate::realised::{Basis, MatchedBy, Realised, RealisedStatus};

/// The "return delivered" section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct RealisedView {
    /// The return delivered in one sentence.
    pub words: Text,
    /// The realised figures; each definition says what was projected.
    pub figures: Vec<FigureView>,
    /// Projected and realised benefit by department, once anything was measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chart: Option<KeyedChart>,
    /// What the figures rest on.
    pub notes: Vec<Text>,
    /// Whether anything was measured that the projection could take (else its button is not offered).
    pub can_apply: bool,
    /// Whether the projection has a state before the measurements were applied to go back to.
    pub can_undo: bool,
}

/// The figures: key, label, unit.
const FIGURES: [(&str, &str, Format); 4] = [
    ("roiPercent", "Net ROI delivered", Format::Percent),
    ("benefitCostRatio", "Benefit–cost ratio", Format::Ratio),
    ("netBenefit", "Net benefit a year", Format::Money),
    ("hoursSaved", "Hours saved a year", Format::Hours),
];

fn pick(annual: &Annual, key: &str) -> Option<f64> {
    match key {
        "roiPercent" => annual.roi_percent,
        "benefitCostRatio" => annual.benefit_cost_ratio,
        "netBenefit" => Some(annual.net_benefit),
        _ => Some(annual.hours_saved),
    }
}

/// The section for `realised` (none: the scenario and measurements cannot be read together).
pub(super) fn realised(state: &WidgetState, realised: Option<&Realised>) -> RealisedView {
    let figures = FIGURES
        .iter()
        .map(|&(key, label, unit)| {
            let measured = realised.filter(|r| r.anything_measured).and_then(|r| pick(&r.annual, key));
            let projected = realised.and_then(|r| pick(&r.projected, key));
            let definition = vec![Piece::Words("projected: ".into()), number_or_dash(projected, unit)];
            FigureView { key, label, value: measured.map(|v| Num::new(v, unit)), definition }
        })
        .collect();
    let chart = realised
        .filter(|r| r.anything_measured && !r.departments.is_empty())
        .map(|r| KeyedChart { key: "realised", chart: charts::realised(r, state.chart_width()) });
    let mut notes: Vec<Text> = realised.and_then(headcounts).into_iter().collect();
    notes.extend(realised.iter().flat_map(|r| &r.notes).map(|n| words(n.as_str())));
    notes.extend(realised.and_then(fallback_note));
    notes.extend(realised.and_then(|r| light_to_moderate(state, r)));
    let can_apply = realised.is_some_and(|r| r.anything_measured);
    RealisedView { words: sentence(realised), figures, chart, notes, can_apply, can_undo: state.can_undo() }
}

/// When the measured people differ from the projection's by more than a tenth, that first: the amounts
/// (net benefit, hours) then compare different headcounts, the ratios do not.
fn headcounts(r: &Realised) -> Option<Text> {
    let (measured, projected) = (r.people.realised, r.people.projected);
    let differ = r.anything_measured && r.people.basis == Basis::Measured && projected > 0.0;
    (differ && (measured - projected).abs() > 0.1 * projected).then(|| {
        vec![
            Piece::Words("Measured for ".into()),
            Piece::num(measured, Format::Decimal),
            Piece::Words(" people; the projection is for ".into()),
            Piece::num(projected, Format::Decimal),
            Piece::Words(
                ", the scenario's. So the amounts (net benefit, hours) are for different numbers of people: compare \
                 the ROI and the benefit–cost ratio, which set each benefit against its own cost."
                    .into(),
            ),
        ]
    })
}

/// What moving the light users to moderate use would be worth, when the measurements count them
/// (docs/model.md#usage-intensity).
fn light_to_moderate(state: &WidgetState, realised: &Realised) -> Option<Text> {
    let value = realised.light_to_moderate?;
    let intensity = state.measure().measurements().intensity?;
    let (light, moderate) = (intensity.hours_of(Group::Light)?, intensity.hours_of(Group::Moderate)?);
    Some(vec![
        Piece::Words(format!(
            "Moving the {} light users ({} a week) to moderate use ({}) would be worth ",
            intensity.people_in(Group::Light),
            Group::Light.bounds(),
            Group::Moderate.bounds()
        )),
        Piece::num(value, Format::Money),
        Piece::Words(" a year: they report ".into()),
        Piece::num(light, Format::Decimal),
        Piece::Words(" hours saved a week, the moderate users ".into()),
        Piece::num(moderate, Format::Decimal),
        Piece::Words(".".into()),
    ])
}

/// One note for every measured department the scenario has no match for (each one's own note says the
/// same at length).
fn fallback_note(r: &Realised) -> Option<Text> {
    let fallback: Vec<_> = r.departments.iter().filter(|d| d.matched.by == MatchedBy::Fallback).collect();
    let hourly = fallback.first()?.hourly_cost;
    let names: Vec<&str> = fallback.iter().map(|d| d.name.as_str()).collect();
    let (names, are, their) = match names.as_slice() {
        [one] => ((*one).to_owned(), "is not a department of the scenario and shares no benchmark with one", "its"),
        [rest @ .., last] => (
            format!("{} and {last}", rest.join(", ")),
            "are not departments of the scenario and share no benchmark with one",
            "their",
        ),
        [] => return None,
    };
    Some(vec![
        Piece::Words(format!(
            "{names} {are}: {their} hours are valued at the scenario's headcount-weighted mean hourly cost ("
        )),
        Piece::num(hourly, Format::Money),
        Piece::Words("), and what was not measured takes the scenario's averages.".into()),
    ])
}

/// The return delivered in one sentence: too early, nothing measured yet, or the realised multiple
/// against the projected one with the department whose hours fall furthest short of the assumption.
fn sentence(realised: Option<&Realised>) -> Text {
    let Some(r) = realised else {
        return words("The return delivered cannot be computed until the measurements and the scenario are valid.");
    };
    if r.status == RealisedStatus::TooEarly {
        return words(format!(
            "At day {} it is too early to judge the return: adoption is still forming. Measure again at day 30 and \
             day 90.",
            r.checkpoint_day
        ));
    }
    if !r.anything_measured {
        return words("Enter or import the active use and hours saved you measured to see the return delivered.");
    }
    let mut text = vec![
        Piece::Words(format!("At day {} the training returns ", r.checkpoint_day)),
        number_or_dash(r.annual.benefit_cost_ratio, Format::Ratio),
        Piece::Words(" its first-year cost, against ".into()),
        number_or_dash(r.projected.benefit_cost_ratio, Format::Ratio),
        Piece::Words(" projected".into()),
    ];
    let short = r
        .departments
        .iter()
        .filter(|d| d.hours_saved_per_week.basis == Basis::Measured && d.hidden.is_none())
        .map(|d| (d, d.hours_saved_per_week.realised - d.hours_saved_per_week.projected))
        .filter(|(_, gap)| *gap < 0.0)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match short {
        Some((d, _)) => {
            let whose = if d.name.ends_with('s') { "'" } else { "'s" };
            text.extend([
                Piece::Words(format!(": {}{whose} hours saved are ", d.name)),
                Piece::num(d.hours_saved_per_week.realised, Format::Decimal),
                Piece::Words(" against ".into()),
                Piece::num(d.hours_saved_per_week.projected, Format::Decimal),
                Piece::Words(" assumed.".into()),
            ]);
        }
        None => text.push(Piece::Words(".".into())),
    }
    text
}
