//! Power users and laggards by name (docs/model.md#usage-intensity): the people measured at a checkpoint
//! with their sessions, minutes and hours saved — the ones with the most sessions, the most hours
//! saved, and the trained people with no session — and the whole list as CSV. Made only when a person
//! asks to see people; names never enter the measurements document, a link or the board report.

use serde::Serialize;

use super::metrics::{self, Clock};
use super::{Dataset, ImportOptions};
use crate::intensity::Group;
use crate::order::sorted_by;

/// How many people each list shows on screen.
pub const LISTED: usize = 20;

/// One person at the checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct PersonRow {
    /// Their user key as the roster writes it (an email address).
    pub user: String,
    /// Their department.
    pub department: String,
    /// Their usage-intensity group.
    pub group: Group,
    /// Sessions in their Day-N window.
    pub sessions: u64,
    /// Minutes in it, when the export has minutes.
    pub minutes: Option<f64>,
    /// The hours saved a week they answered at the checkpoint, if they did.
    pub hours_saved: Option<f64>,
}

/// The people lists of one checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct PeopleLists {
    /// The checkpoint day.
    pub checkpoint_day: u32,
    /// The first [`LISTED`] by sessions, most first.
    pub most_sessions: Vec<PersonRow>,
    /// The first [`LISTED`] by hours saved answered, most first.
    pub most_hours: Vec<PersonRow>,
    /// The first [`LISTED`] trained (completed) people with no session in their window.
    pub no_session: Vec<PersonRow>,
    /// Trained people with no session, in all.
    pub no_session_count: u64,
    /// Everyone at the checkpoint, as CSV (`user,department,group,sessions,minutes,hours_saved`), most
    /// sessions first.
    pub csv: String,
}

impl Dataset {
    /// The people lists of the checkpoint of `options`; none without a roster and an activity export
    /// (or when no one has completed training). Everyone who reached the checkpoint is listed: these
    /// lists are for the person who imported the files, who may see them all.
    pub fn people_lists(&self, options: &ImportOptions) -> Option<PeopleLists> {
        let (roster, activity) = (&self.roster.as_ref()?.0, &self.activity.as_ref()?.0);
        // Departments joined from a people file, as the measurement joins them.
        let joined = self.people.as_ref().map(|(people, _)| people.join(roster).0);
        let roster = joined.as_ref().unwrap_or(roster);
        let starts = metrics::starts(roster)?;
        let (_, last) = activity.span?;
        let day = i32::try_from(options.checkpoint_day.min(365)).unwrap_or(365);
        let snapshot = matches!(activity.grain, super::activity::Grain::Snapshot { .. });
        let clock = Clock { last, day, control_window: None, snapshot };
        let person_of = metrics::people_of(activity, roster);
        let (usage, _) = metrics::usage(activity, &person_of, &starts, &clock);
        let answers = metrics::answered(roster, self.survey.as_ref().map(|s| &s.0));
        let mut users = vec![""; roster.people.len()];
        for (user, &p) in &roster.index {
            users[p as usize] = user;
        }
        let mut hours = vec![None; roster.people.len()];
        for &(answer, p) in answers.iter().filter(|(a, _)| a.day == day) {
            hours[p] = answer.hours_saved.or(hours[p]);
        }
        let rows: Vec<(PersonRow, bool)> = roster
            .people
            .iter()
            .enumerate()
            .filter(|&(p, _)| clock.reached(starts[p]))
            .map(|(p, person)| {
                let row = PersonRow {
                    user: users[p].to_owned(),
                    department: roster.departments.get(person.department as usize).cloned().unwrap_or_default(),
                    group: Group::of(usage[p].sessions),
                    sessions: usage[p].sessions,
                    minutes: activity.has_minutes.then_some(usage[p].minutes),
                    hours_saved: hours[p],
                };
                (row, person.completed.is_some())
            })
            .collect();
        let rows = sorted_by(rows, |(a, _), (b, _)| b.sessions.cmp(&a.sessions).then_with(|| a.user.cmp(&b.user)));
        let no_session: Vec<PersonRow> =
            rows.iter().filter(|(r, completed)| *completed && r.sessions == 0).map(|(r, _)| r.clone()).collect();
        let by_hours: Vec<&PersonRow> = rows.iter().map(|(r, _)| r).filter(|r| r.hours_saved.is_some()).collect();
        let by_hours =
            sorted_by(by_hours, |a, b| b.hours_saved.unwrap_or(0.0).total_cmp(&a.hours_saved.unwrap_or(0.0)));
        Some(PeopleLists {
            checkpoint_day: day as u32,
            most_sessions: rows.iter().filter(|(r, _)| r.sessions > 0).take(LISTED).map(|(r, _)| r.clone()).collect(),
            most_hours: by_hours.into_iter().take(LISTED).cloned().collect(),
            no_session_count: no_session.len() as u64,
            no_session: no_session.into_iter().take(LISTED).collect(),
            csv: csv(rows.iter().map(|(r, _)| r)),
        })
    }
}

/// The rows as CSV: a field quoted when it holds a comma, quote or line break (RFC 4180), and
/// formula-like text prefixed with `'` so a spreadsheet shows it rather than running it. Written here,
/// not with the `csv` crate's writer, which added 20 KB gzipped to the import module; numbers through
/// `serde_json`'s formatter, already in it, not `std`'s.
fn csv<'a>(rows: impl Iterator<Item = &'a PersonRow>) -> String {
    // To the cent, and a whole number without serde_json's ".0" (70, not 70.0).
    let number = |x: Option<f64>| match x.map(|v| (v * 100.0).round() / 100.0) {
        #[allow(clippy::cast_possible_truncation)]
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => (v as i64).to_string(),
        Some(v) => serde_json::Number::from_f64(v).map(|n| n.to_string()).unwrap_or_default(),
        None => String::new(),
    };
    let mut out = String::from("user,department,group,sessions,minutes,hours_saved\n");
    for r in rows {
        for field in [&*text(&r.user), &*text(&r.department), r.group.name(), &r.sessions.to_string()] {
            out.push_str(field);
            out.push(',');
        }
        out.push_str(&number(r.minutes));
        out.push(',');
        out.push_str(&number(r.hours_saved));
        out.push('\n');
    }
    out
}

/// A text field as written in the CSV.
fn text(value: &str) -> String {
    let safe = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_owned() };
    if safe.contains([',', '"', '\n', '\r']) { format!("\"{}\"", safe.replace('"', "\"\"")) } else { safe }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(text("ana@x.com"), "ana@x.com");
        assert_eq!(text("Sales, EMEA"), "\"Sales, EMEA\"");
        assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(text("-1, or so"), "\"'-1, or so\"");
        let row = PersonRow {
            user: "a@x.com".into(),
            department: "R&D, Labs".into(),
            group: Group::Light,
            sessions: 2,
            minutes: Some(12.345),
            hours_saved: None,
        };
        let whole = PersonRow { minutes: Some(70.0), hours_saved: Some(0.0), ..row.clone() };
        assert_eq!(
            csv([row, whole].iter()),
            "user,department,group,sessions,minutes,hours_saved\na@x.com,\"R&D, Labs\",light,2,12.35,\n\
             a@x.com,\"R&D, Labs\",light,2,70,0\n"
        );
    }
}
