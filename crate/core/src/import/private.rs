//! Small groups kept private in what an import yields (docs/model.md#small-groups): the departments
//! measured on fewer people than the threshold, and one more wherever the total would give a hidden one
//! away, show no figure; within the departments shown, the survey means of too few answers are hidden
//! the same way; and the organisation's own figures when it is itself that small.

use super::DepartmentBreakdown;
use super::metrics::Tally;
use crate::assessment::Metrics;
use crate::privacy::{self, Hidden};

/// Hides what `breakdown` (in roster order, beside each department's `tallies`) must not show at
/// threshold `min`, saying what was hidden in `notes`.
pub(super) fn departments(breakdown: &mut [DepartmentBreakdown], tallies: &[Tally], min: u32, notes: &mut Vec<String>) {
    let people: Vec<u64> = breakdown.iter().map(|d| d.at_checkpoint).collect();
    let mut hidden = privacy::hidden(&people, min);
    for (dept, reason) in breakdown.iter_mut().zip(&hidden) {
        if let Some(reason) = *reason {
            *dept = DepartmentBreakdown {
                name: dept.name.clone(),
                people: 0,
                licensed: 0,
                at_checkpoint: 0,
                metrics: Metrics::default(),
                hidden: Some(reason),
                intensity: None,
            };
        }
    }
    let names = |reason: Hidden, hidden: &[Option<Hidden>]| -> Vec<String> {
        breakdown.iter().zip(hidden).filter(|(_, h)| **h == Some(reason)).map(|(d, _)| d.name.clone()).collect()
    };
    let (small, complement) = (names(Hidden::Small, &hidden), names(Hidden::Complement, &hidden));
    if !small.is_empty() {
        let mut note = format!("{} {} hidden: fewer than {min} people were measured.", list(&small), verb(small.len()));
        if !complement.is_empty() {
            note.push_str(&format!(
                " {} {} hidden with {}, so that the total less the departments shown does not give {} away.",
                list(&complement),
                verb(complement.len()),
                if small.len() == 1 { "it" } else { "them" },
                if small.len() == 1 { "it" } else { "them" },
            ));
        }
        notes.push(note);
    }

    let answers: Vec<u64> = tallies.iter().map(|t| t.answers).collect();
    let before = hidden.clone();
    privacy::hide_more(&answers, min, &mut hidden);
    let mut quiet = Vec::new();
    for ((dept, now), was) in breakdown.iter_mut().zip(&hidden).zip(&before) {
        if now.is_some() && was.is_none() {
            survey_hidden(&mut dept.metrics);
            quiet.push(dept.name.clone());
        }
    }
    if !quiet.is_empty() {
        notes.push(format!(
            "The survey figures of {} are hidden: fewer than {min} people answered (or hidden with a department \
             that had), so no one's answers can be told.",
            list(&quiet)
        ));
    }
}

/// Hides the organisation's figures when fewer than `min` people were measured in it, and its survey
/// means when fewer than `min` answered; true when the whole organisation is hidden.
pub(super) fn organisation(metrics: &mut Metrics, all: &Tally, min: u32, notes: &mut Vec<String>) -> bool {
    let min64 = u64::from(min);
    if all.reached > 0 && all.reached < min64 {
        *metrics = Metrics::default();
        notes.push(format!(
            "Every figure is hidden: fewer than {min} people were measured, and the figures of so few would be \
             theirs. Measure a larger group, or lower the threshold (never below 3)."
        ));
        return true;
    }
    if all.answers > 0 && all.answers < min64 {
        survey_hidden(metrics);
        notes.push(format!("The survey figures are hidden: fewer than {min} people answered."));
    }
    false
}

/// Leaves out the means of survey answers.
fn survey_hidden(metrics: &mut Metrics) {
    metrics.hours_saved_per_week = None;
    metrics.daily_workflow_share = None;
    metrics.satisfaction = None;
    metrics.reviewed_before_use = None;
}

/// "Legal", "Legal and Sales", "Legal, Sales and HR".
fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn verb(count: usize) -> &'static str {
    if count == 1 { "is" } else { "are" }
}
