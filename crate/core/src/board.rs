//! The one-page board report, in the shape source 000 recommends for leadership: the headline return,
//! adoption evidence, quality assurance, one compelling case and the next step.
//!
//! Like [`crate::assumptions`], the sentences are written here and their numbers formatted by the
//! browser. Department and use-case names are user text: they travel as their own parts, never spliced
//! into a template, so nothing they contain can be read as a slot or as markup.

use crate::assessment::{Assessment, Severity};
use crate::assumptions::{SlotValue, ValueKind};
use crate::intensity::Intensity;
use crate::realised::{Basis, Realised, RealisedDepartment, RealisedStatus};
use crate::report::Report;
use crate::scenario::Scenario;

/// A piece of a sentence: words, a name someone typed, or a number to format.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Fixed words.
    Words(&'static str),
    /// Text from the scenario or the measurements (a department, a use case).
    Name(String),
    /// A number, formatted by the caller.
    Value(SlotValue),
}

/// One section of the report: a heading and a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardItem {
    /// Which of the five parts this is (`headline`, `adoption`, `quality`, `case`, `next`).
    pub id: &'static str,
    /// The part's heading.
    pub heading: &'static str,
    /// The sentence.
    pub parts: Vec<Part>,
}

/// Builds a sentence part by part.
#[derive(Default)]
struct Sentence(Vec<Part>);

impl Sentence {
    fn words(mut self, words: &'static str) -> Self {
        self.0.push(Part::Words(words));
        self
    }
    fn name(mut self, name: &str) -> Self {
        self.0.push(Part::Name(name.to_owned()));
        self
    }
    fn value(mut self, kind: ValueKind, value: f64) -> Self {
        self.0.push(Part::Value(SlotValue { kind, value }));
        self
    }
}

/// The counts of the usage-intensity groups after `sentence` (counts only: no one is named).
fn groups(sentence: Sentence, intensity: &Intensity) -> Sentence {
    use crate::intensity::Group;
    #[allow(clippy::cast_precision_loss)]
    let count = |g| intensity.people_in(g) as f64;
    sentence
        .words(" Power users (5+ sessions a week): ")
        .value(ValueKind::Number, count(Group::Heavy))
        .words("; moderate (3–4): ")
        .value(ValueKind::Number, count(Group::Moderate))
        .words("; light (1–2): ")
        .value(ValueKind::Number, count(Group::Light))
        .words("; trained with no session: ")
        .value(ValueKind::Number, count(Group::None))
        .words(".")
}

/// The report for `scenario` and its `report`; `measured` (the assessment of what was measured, if
/// anything was) replaces projections with evidence where it has it.
///
/// `realised` (the realised return of those measurements) leads the headline and gives the case when
/// something was measured at day 30 or later: the board reads the ROI delivered, not the one projected.
/// `intensity` (the measured usage-intensity groups) adds their counts to the adoption evidence.
pub fn board_report(
    scenario: &Scenario,
    report: &Report,
    measured: Option<&Assessment>,
    realised: Option<&Realised>,
    intensity: Option<&Intensity>,
) -> Vec<BoardItem> {
    use ValueKind::{Number, Percent};
    let item = |id, heading, sentence: Sentence| BoardItem { id, heading, parts: sentence.0 };
    let delivered = realised.filter(|r| r.anything_measured && r.status != RealisedStatus::TooEarly);
    let people: f64 = report.departments.iter().map(|d| d.headcount).sum();
    let weekly_hours: f64 =
        report.departments.iter().map(|d| d.headcount * d.active_rate * d.hours_saved_per_week).sum();
    let active: f64 = report.departments.iter().map(|d| d.headcount * d.active_rate).sum();

    let headline = match delivered {
        Some(r) => delivered_headline(r, report),
        None => projected_headline(report, people, weekly_hours),
    };

    let metric = |pick: fn(&Assessment) -> Option<f64>| measured.and_then(pick);
    let adoption = match metric(|a| a.metrics.active_usage_rate.value) {
        Some(rate) => {
            let day = measured.map_or(30, |a| a.checkpoint_day);
            let verdict = if rate >= 0.70 { ", meeting the 70% target." } else { ", short of the 70% target." };
            let sentence = Sentence::default()
                .value(Percent, rate)
                .words(" of trained employees use Claude 3+ times a week at day ")
                .value(Number, f64::from(day))
                .words(verdict);
            match intensity {
                Some(i) => groups(sentence, i),
                None => sentence,
            }
        }
        None => Sentence::default()
            .words("The projection assumes ")
            .value(Percent, if people > 0.0 { active / people } else { 0.0 })
            .words(" of trained employees use Claude 3+ times a week; measure it at day 30 against the 70% target."),
    };

    let quality = match (metric(|a| a.metrics.quality_equal_or_better.value), metric(|a| a.metrics.reviewed_before_use.value)) {
        (Some(share), _) => Sentence::default()
            .value(Percent, share)
            .words(" of managers rate Claude-assisted work as equal or better than before (target 85%)."),
        (None, Some(share)) => Sentence::default()
            .value(Percent, share)
            .words(" of outputs are reviewed before use (target 90%)."),
        (None, None) => Sentence::default().words(
            "Not measured yet: at day 90, ask managers whether Claude-assisted work is equal or better than before (target 85%), and track the share of outputs reviewed before use (target 90%).",
        ),
    };

    let case = match delivered.and_then(best_measured) {
        Some(dept) => delivered_case(dept, delivered.map_or(0, |r| r.checkpoint_day)),
        None => projected_case(scenario, report),
    };

    let red = measured.and_then(|a| a.flags.iter().find(|f| f.severity == Severity::Red));
    let next = match (red, report.first_year.roi_percent) {
        (Some(flag), _) => {
            let s = Sentence::default().words("Before expanding: ");
            let s = match &flag.department {
                Some(department) => s.name(department).words(" — "),
                None => s,
            };
            s.name(&flag.action)
        }
        (None, Some(roi)) => Sentence::default()
            .words("Expand to the next cohort: on the same costs and adoption, its projected ROI is ")
            .value(Percent, roi / 100.0)
            .words(" in its first 12 months."),
        (None, None) => Sentence::default().words("Expand to the next cohort and measure it at day 30 and day 90."),
    };

    vec![
        item("headline", "Headline return", headline),
        item("adoption", "Adoption evidence", adoption),
        item("quality", "Quality assurance", quality),
        item("case", "One case", case),
        item("next", "Next step", next),
    ]
}

/// The headline of the projection: its multiple, net benefit, hours per trained employee and payback.
fn projected_headline(report: &Report, people: f64, weekly_hours: f64) -> Sentence {
    use ValueKind::{Hours, Money, Number};
    let mut headline: Sentence = match report.annual.benefit_cost_ratio {
        Some(ratio) => Sentence::default()
            .words("Training returns ")
            .value(Number, ratio)
            .words("× its first-year cost in a steady-state year, "),
        None => Sentence::default().words("Training costs nothing in this scenario and returns "),
    };
    headline = headline.value(Money, report.annual.net_benefit).words(" net a year, saving ");
    headline = headline.value(Hours, if people > 0.0 { weekly_hours / people } else { 0.0 });
    headline = headline.words(" per trained employee a week on average");
    headline = match report.payback_months {
        Some(months) => headline.words("; it pays back in ").value(Number, months).words(" months."),
        None => headline.words("; it does not pay back within the horizon."),
    };
    headline
}

/// The headline of what was delivered: the realised multiple against the projected one, the net benefit
/// and the hours saved per measured employee a week.
fn delivered_headline(r: &Realised, report: &Report) -> Sentence {
    use ValueKind::{Hours, Money, Number};
    let people: f64 = r.departments.iter().map(|d| d.people.realised).sum();
    let weekly: f64 = r
        .departments
        .iter()
        .map(|d| d.people.realised * d.active_rate.realised * d.hours_saved_per_week.realised)
        .sum();
    let s = Sentence::default().words("At day ").value(Number, f64::from(r.checkpoint_day));
    let s = match r.annual.benefit_cost_ratio {
        Some(ratio) => s.words(" training returns ").value(Number, ratio).words("× its first-year cost"),
        None => s.words(" training costs nothing and returns its benefit"),
    };
    let s = match report.annual.benefit_cost_ratio {
        Some(projected) => s.words(", against ").value(Number, projected).words("× projected: "),
        None => s.words(": "),
    };
    s.value(Money, r.annual.net_benefit)
        .words(" net a year, saving ")
        .value(Hours, if people > 0.0 { weekly / people } else { 0.0 })
        .words(" per employee a week on average, as measured.")
}

/// The measured department with the largest realised benefit (one whose use or hours were measured, and
/// whose figures are not hidden for privacy).
fn best_measured(r: &Realised) -> Option<&RealisedDepartment> {
    r.departments
        .iter()
        .filter(|d| d.hidden.is_none())
        .filter(|d| d.active_rate.basis == Basis::Measured || d.hours_saved_per_week.basis == Basis::Measured)
        .max_by(|a, b| a.benefit.realised.total_cmp(&b.benefit.realised))
}

/// One measured department as the board's case.
fn delivered_case(d: &RealisedDepartment, day: u32) -> Sentence {
    use ValueKind::{Hours, Money, Number, Percent};
    Sentence::default()
        .name(&d.name)
        .words(": ")
        .value(Number, d.people.realised)
        .words(" people, ")
        .value(Percent, d.active_rate.realised)
        .words(" of them active, each saving ")
        .value(Hours, d.hours_saved_per_week.realised)
        .words(" a week at day ")
        .value(Number, f64::from(day))
        .words(" — worth ")
        .value(Money, d.benefit.realised)
        .words(" a year, against ")
        .value(Money, d.benefit.projected)
        .words(" projected.")
}

/// The projection's department with the largest benefit as the board's case, with its first use case.
fn projected_case(scenario: &Scenario, report: &Report) -> Sentence {
    use ValueKind::{Hours, Money, Number, Percent};
    let best = report.departments.iter().enumerate().max_by(|a, b| a.1.annual_benefit.total_cmp(&b.1.annual_benefit));
    match best {
        Some((i, dept)) => {
            let mut s = Sentence::default()
                .name(&dept.name)
                .words(": ")
                .value(Number, dept.headcount)
                .words(" people, ")
                .value(Percent, dept.active_rate)
                .words(" of them active, each saving ")
                .value(Hours, dept.hours_saved_per_week)
                .words(" a week — worth ")
                .value(Money, dept.annual_benefit)
                .words(" a year.");
            let use_case = scenario.departments.get(i).and_then(|d| d.use_cases.as_ref()).and_then(|u| u.first());
            if let Some(u) = use_case {
                s = s
                    .words(" For example, ")
                    .name(&u.name)
                    .words(" went from ")
                    .value(Number, u.minutes_before)
                    .words(" to ")
                    .value(Number, u.minutes_after)
                    .words(" minutes, ")
                    .value(Number, u.per_week)
                    .words(" times a week.");
            }
            s
        }
        None => Sentence::default().words("Add a department to see its case."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Measurements, assess};
    use crate::{BenchmarkTable, evaluate};

    /// The sentence with numbers shown plainly, for assertions.
    fn plain(parts: &[Part]) -> String {
        parts
            .iter()
            .map(|p| match p {
                Part::Words(w) => (*w).to_owned(),
                Part::Name(n) => n.clone(),
                Part::Value(v) => format!("<{}>", v.value),
            })
            .collect()
    }

    #[test]
    fn the_default_scenario_reads_as_a_board_report() {
        let scenario = Scenario::default();
        let report = evaluate(&scenario, &BenchmarkTable::default()).expect("valid");
        let items = board_report(&scenario, &report, None, None, None);
        assert_eq!(items.iter().map(|i| i.id).collect::<Vec<_>>(), ["headline", "adoption", "quality", "case", "next"]);
        // 8.4× = 1,638,000 / 195,000; 0.7 × 6.5 = 4.55 hours per trained employee.
        let headline = plain(&items[0].parts);
        assert!(headline.starts_with("Training returns <8.4>× its first-year cost"), "{headline}");
        assert!(headline.contains("<1443000> net a year"), "{headline}");
        assert!(headline.contains(&format!("saving <{}> per trained employee", 0.7 * 6.5)), "{headline}");
        assert!(plain(&items[1].parts).starts_with("The projection assumes <0.7>"));
        assert!(plain(&items[2].parts).starts_with("Not measured yet"));
        assert_eq!(
            plain(&items[3].parts),
            "All staff: <100> people, <0.7> of them active, each saving <6.5> a week — worth <1638000> a year."
        );
        assert!(plain(&items[4].parts).contains("projected ROI is"));
    }

    #[test]
    fn measured_results_replace_projections_and_a_red_flag_becomes_the_next_step() {
        let scenario = Scenario::default();
        let report = evaluate(&scenario, &BenchmarkTable::default()).expect("valid");
        let mut measurements = Measurements { version: 1, checkpoint_day: 30, ..Measurements::default() };
        measurements.metrics.active_usage_rate = Some(0.45);
        measurements.metrics.quality_equal_or_better = Some(0.87);
        let assessment = assess(&measurements, &BenchmarkTable::default());
        let items = board_report(&scenario, &report, Some(&assessment), None, None);
        assert_eq!(
            plain(&items[1].parts),
            "<0.45> of trained employees use Claude 3+ times a week at day <30>, short of the 70% target."
        );
        let groups = crate::intensity::Intensity { people: [30, 25, 20, 25], hours: [None; 4] };
        let with = board_report(&scenario, &report, Some(&assessment), None, Some(&groups));
        assert_eq!(
            plain(&with[1].parts),
            "<0.45> of trained employees use Claude 3+ times a week at day <30>, short of the 70% target. Power users \
             (5+ sessions a week): <25>; moderate (3–4): <20>; light (1–2): <25>; trained with no session: <30>."
        );
        assert!(plain(&items[2].parts).starts_with("<0.87> of managers"));
        let red = assessment.flags.iter().find(|f| f.severity == Severity::Red).expect("45% is red");
        assert_eq!(plain(&items[4].parts), format!("Before expanding: {}", red.action));
    }

    #[test]
    fn what_was_delivered_leads_the_headline_and_gives_the_case() {
        let scenario = Scenario::default();
        let table = BenchmarkTable::default();
        let report = evaluate(&scenario, &table).expect("valid");
        let mut measurements = Measurements { version: 1, checkpoint_day: 90, ..Measurements::default() };
        measurements.metrics.active_usage_rate = Some(0.5);
        measurements.metrics.hours_saved_per_week = Some(4.0);
        let assessment = assess(&measurements, &table);
        let realised = crate::realised::realise(&scenario, &measurements, &table).expect("valid");
        let items = board_report(&scenario, &report, Some(&assessment), Some(&realised), None);
        // By hand: 100 people × 0.5 × 4 h × 48 weeks × $75 = $720,000 against the same $195,000 cost:
        // 720,000 / 195,000 = 3.6923…×, net 525,000; 0.5 × 4 = 2 hours per employee a week.
        let headline = plain(&items[0].parts);
        let ratio = 720_000.0 / 195_000.0;
        assert_eq!(
            headline,
            format!(
                "At day <90> training returns <{ratio}>× its first-year cost, against <8.4>× projected: \
                 <525000> net a year, saving <2> per employee a week on average, as measured."
            )
        );
        assert_eq!(
            plain(&items[3].parts),
            "All staff: <100> people, <0.5> of them active, each saving <4> a week at day <90> — worth <720000> \
             a year, against <1638000> projected."
        );
        // Before day 30 the projection still leads.
        measurements.checkpoint_day = 7;
        let early = crate::realised::realise(&scenario, &measurements, &table).expect("valid");
        let items = board_report(&scenario, &report, Some(&assessment), Some(&early), None);
        assert!(plain(&items[0].parts).starts_with("Training returns <8.4>×"));
    }

    #[test]
    fn names_are_parts_of_their_own_never_templates() {
        let mut scenario = Scenario::default();
        scenario.departments[0].name = "{0} <b>Legal</b>".into();
        let report = evaluate(&scenario, &BenchmarkTable::default()).expect("valid");
        let items = board_report(&scenario, &report, None, None, None);
        assert_eq!(items[3].parts[0], Part::Name("{0} <b>Legal</b>".into()));
    }
}
