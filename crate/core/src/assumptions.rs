//! "Assumptions in plain words": the short list a reader needs to trust (or challenge) the figures.
//!
//! Sentences are written here; their numbers are not. Each sentence has `{0}`, `{1}`… slots and the
//! values to put in them with their kind, so the browser formats them with `Intl.NumberFormat` in the
//! reader's locale and currency.

use serde::Serialize;

use crate::model::Model;
use crate::projection::Annual;
use crate::scenario::Scenario;

/// How a value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum ValueKind {
    /// A count or plain number.
    Number,
    /// An amount in the scenario's currency.
    Money,
    /// A share, 0.7 shown as 70%.
    Percent,
    /// Hours.
    Hours,
}

/// A value for one slot of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct SlotValue {
    /// How to show it.
    pub kind: ValueKind,
    /// The number.
    pub value: f64,
}

/// One assumption.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Assumption {
    /// Stable id of the sentence (`cohort`, `adoption`, …).
    pub id: &'static str,
    /// The sentence, with `{0}`, `{1}`… where the values go.
    pub text: &'static str,
    /// The values, in slot order.
    pub values: Vec<SlotValue>,
}

fn say(id: &'static str, text: &'static str, values: &[(ValueKind, f64)]) -> Assumption {
    Assumption { id, text, values: values.iter().map(|&(kind, value)| SlotValue { kind, value }).collect() }
}

/// What the figures of `scenario` (resolved as `model`, with annual figures `annual`) assume.
pub fn assumptions(scenario: &Scenario, model: &Model, annual: &Annual) -> Vec<Assumption> {
    use ValueKind::{Hours, Money, Number, Percent};
    let mut out = Vec::new();
    let people: f64 = model.departments.iter().map(|d| d.headcount).sum();
    let active: f64 = model.departments.iter().map(|d| d.headcount * d.active_rate).sum();
    let hours: f64 = model.departments.iter().map(|d| d.headcount * d.active_rate * d.hours).sum();
    let paid: f64 = model.departments.iter().map(|d| d.headcount * model.hourly_cost(d)).sum();
    #[allow(clippy::cast_precision_loss)]
    let departments = model.departments.len() as f64;

    out.push(if model.departments.len() == 1 {
        say("cohort", "{0} people are trained.", &[(Number, people)])
    } else {
        say("cohort", "{0} people are trained, in {1} departments.", &[(Number, people), (Number, departments)])
    });
    if active > 0.0 {
        out.push(say(
            "adoption",
            "{0} of them use Claude for real work at least three times a week, each saving {1} a week.",
            &[(Percent, active / people), (Hours, hours / active)],
        ));
    }
    let defaulted = model.departments.iter().filter(|d| !d.rate_typed || !d.hours_typed).count();
    if defaulted > 0 {
        #[allow(clippy::cast_precision_loss)]
        let defaulted = defaulted as f64;
        out.push(say(
            "benchmarks",
            "Where an active rate or hours saved was left blank ({0} of {1} departments), the midpoint of the published Day-90 benchmark is used.",
            &[(Number, defaulted), (Number, departments)],
        ));
    }
    if people > 0.0 {
        out.push(say(
            "valuation",
            "An hour saved is worth the fully loaded hourly cost, {0} on average, over a year of {1} weeks of {2}.",
            &[(Money, paid / people), (Number, model.weeks), (Hours, model.hours_per_week)],
        ));
    }
    if model.credit < 1.0 {
        out.push(say(
            "credit",
            "Only {0} of the time saved is credited to the training, after attribution and confidence in self-reports.",
            &[(Percent, model.credit)],
        ));
    }
    out.push(match model.ramp {
        Some(ramp) if ramp.full_by_month > 1 => say(
            "ramp",
            "Benefits start at {0} of their full level in the first month and reach it by month {1}.",
            &[(Percent, ramp.day30_factor), (Number, f64::from(ramp.full_by_month))],
        ),
        _ => say("ramp", "Benefits are at their full level from the first month.", &[]),
    });
    out.push(say(
        "costs",
        "All one-time costs, {0}, fall at the start, including {1} of each person's time in training and learning; {2} a month follows.",
        &[(Money, annual.one_time_cost), (Hours, model.training_hours), (Money, annual.monthly_cost)],
    ));
    if !scenario.other_benefits.is_empty() {
        out.push(say(
            "otherBenefits",
            "Other benefits add {0} a year, after their confidence.",
            &[(Money, model.other_benefits)],
        ));
    }
    out.push(say(
        "discounting",
        "Net present value discounts each year's cash flow at {0} a year, over {1} months.",
        &[(Percent, model.discount_rate), (Number, f64::from(model.horizon_months))],
    ));
    out.push(say(
        "uncertainty",
        "The low and high cases move each estimate to the end of its benchmark band, or by {0} either way where it has none.",
        &[(Percent, scenario.uncertainty.spread)],
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BenchmarkTable;

    fn for_scenario(scenario: &Scenario) -> Vec<Assumption> {
        let model = Model::resolve(scenario, &BenchmarkTable::default()).expect("valid");
        assumptions(scenario, &model, &Annual::of(&model))
    }

    fn values(list: &[Assumption], id: &str) -> Vec<f64> {
        list.iter().find(|a| a.id == id).map(|a| a.values.iter().map(|v| v.value).collect()).unwrap_or_default()
    }

    #[test]
    fn the_default_scenario_in_plain_words() {
        let list = for_scenario(&Scenario::default());
        let ids: Vec<&str> = list.iter().map(|a| a.id).collect();
        assert_eq!(
            ids,
            ["cohort", "adoption", "benchmarks", "valuation", "ramp", "costs", "discounting", "uncertainty"]
        );
        assert_eq!(values(&list, "cohort"), [100.0]);
        // 70% active (general midpoint), 6.5 h each; $75/h over 48 weeks of 40 h.
        assert_eq!(values(&list, "adoption"), [0.7, 6.5]);
        assert_eq!(values(&list, "valuation"), [75.0, 48.0, 40.0]);
        // One-time: $60,000 + 100 × 10 h × $75 = $135,000; monthly $2,000 + 100 × $30.
        assert_eq!(values(&list, "costs"), [135_000.0, 10.0, 5_000.0]);
        assert_eq!(values(&list, "ramp"), [0.6923, 3.0]);
    }

    #[test]
    fn slots_match_values_in_every_sentence() {
        let mut scenario = Scenario { attribution: 0.8, confidence: 0.5, ramp: None, ..Scenario::default() };
        scenario.departments.push(scenario.departments[0].clone());
        scenario.other_benefits.push(crate::scenario::OtherBenefit {
            label: "x".into(),
            annual_amount: 1000.0,
            confidence: 0.5,
        });
        let list = for_scenario(&scenario);
        assert!(list.iter().any(|a| a.id == "credit" && a.values[0].value == 0.4));
        for assumption in &list {
            let slots = (0..10).filter(|i| assumption.text.contains(&format!("{{{i}}}"))).count();
            assert_eq!(slots, assumption.values.len(), "{}", assumption.id);
        }
        // Weighted averages over departments: two equal departments keep the single one's averages.
        assert_eq!(values(&list, "cohort"), [200.0, 2.0]);
        assert_eq!(values(&list, "adoption"), [0.7, 6.5]);
    }
}
