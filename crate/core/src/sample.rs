//! A made-up but plausible data set in the three CSV shapes of docs/model.md#import (roster, daily activity, pulse
//! survey), generated from a seed, so the importer can be tested and benchmarked on files of any size
//! without real people's data, and a demo can show what an import gives.
//!
//! What it models, so the figures it yields mean something: two training cohorts ("Wave 1" on days 0–9,
//! "Wave 2" sixty days later, so Wave 2 is a control group for Wave 1 until its own training); adoption
//! that clearly differs by department (Operations stays below 50% weekly active); almost no use before a
//! person's training; use that fades for some people (week-4 retention below 1); survey answers that
//! grow between the checkpoints. Output is written by hand (no `core::fmt`), since this is compiled into
//! the wasm too and must stay small; the same options always give byte-identical files.

use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::{Rng, SeedableRng};

/// Settings of a generated data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleOptions {
    /// People in the roster (`person00001@example.com` onwards).
    pub people: usize,
    /// Days of activity, the first being [`FIRST_DATE`].
    pub days: u32,
    /// Seed of the generator: the same options always give the same bytes.
    pub seed: u64,
}

/// Three CSV files, as a person would export them: header line first, `\n` line ends, comma delimiter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleFiles {
    /// `user,department,completed_on,licensed,cohort`: one row per trained person.
    pub roster: String,
    /// `date,user,sessions,minutes`: one row per person per day with at least one session, in date order.
    pub activity: String,
    /// `user,day,hours_saved,integration,satisfaction,reviewed,tasks,time_reinvested`: one row per pulse answer.
    pub survey: String,
}

/// The first activity date and Wave 1's first training day, 2026-03-02 (a Monday), so tests can check it.
pub const FIRST_DATE: &str = "2026-03-02";
/// [`FIRST_DATE`] as days since 1970-01-01.
const FIRST_DAY: u64 = 20_514;
/// Days after the first date on which Wave 2's training starts.
const WAVE_2_START: u32 = 60;
/// Daily chance of a session before training, for people never trained, and for people who did not adopt.
const BASELINE: f64 = 0.008;
/// Survey checkpoints, in days after a person's completion, with how much of a department's typical hours
/// saved a person reports by then.
const CHECKPOINTS: [(u32, f64); 4] = [(7, 0.45), (30, 0.75), (60, 0.9), (90, 1.0)];
/// The task categories of the survey's `tasks` column.
const TASKS: [&str; 6] = ["drafting", "research", "code", "analysis", "summaries", "email"];
/// Where the saved time went (the survey's `time_reinvested` column), each with its chance of being named
/// first; a department's own favourite is named first more often.
const REINVESTED: [(&str, f64); 5] =
    [("customer work", 0.3), ("deeper analysis", 0.25), ("learning", 0.2), ("admin", 0.15), ("new projects", 0.1)];

/// How a department's people behave after training.
struct Department {
    name: &'static str,
    /// Share of the roster.
    share: f64,
    /// Share of trained people who adopt Claude at all.
    adoption: f64,
    /// Typical daily chance of a session for an adopter.
    daily: f64,
    /// Typical hours saved a week at day 90 (survey).
    hours: f64,
    /// Exponent skewing sessions a day towards 1 (higher: fewer sessions).
    skew: f64,
    /// The index in [`REINVESTED`] of where its people most often put the time saved.
    reinvests: usize,
}

const DEPARTMENTS: [Department; 6] = [
    Department { name: "Engineering", share: 0.30, adoption: 0.95, daily: 0.85, hours: 6.5, skew: 1.4, reinvests: 1 },
    Department { name: "Sales", share: 0.20, adoption: 0.85, daily: 0.75, hours: 4.0, skew: 2.0, reinvests: 0 },
    Department { name: "Legal", share: 0.10, adoption: 0.55, daily: 0.60, hours: 3.5, skew: 2.2, reinvests: 1 },
    Department { name: "Marketing", share: 0.15, adoption: 0.85, daily: 0.75, hours: 4.5, skew: 1.8, reinvests: 0 },
    Department { name: "Finance", share: 0.10, adoption: 0.60, daily: 0.60, hours: 3.0, skew: 2.2, reinvests: 1 },
    Department { name: "Operations", share: 0.15, adoption: 0.40, daily: 0.60, hours: 2.5, skew: 2.5, reinvests: 3 },
];

/// One person of the roster and the hidden traits that drive their activity.
struct Person {
    department: &'static Department,
    /// Day (from the first date) of training completion; `None` when never completed.
    completed: Option<u32>,
    licensed: bool,
    wave_2: bool,
    adopter: bool,
    /// Daily chance of a session once fully ramped up (adopters).
    daily: f64,
    /// Factor applied to that chance each day after training (1 = no fading).
    fade: f64,
}

/// Generates the three files of `options`: the roster first, then activity day by day, then the survey,
/// each from its own stream of the seed so that, e.g., the roster does not change with `days`.
pub fn generate(options: &SampleOptions) -> SampleFiles {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(options.seed);
    let people: Vec<Person> = (0..options.people).map(|_| person(&mut rng)).collect();
    let users: Vec<String> = (1..=options.people).map(user).collect();

    let mut roster = String::with_capacity(options.people * 64);
    roster.push_str("user,department,completed_on,licensed,cohort\n");
    for (person, user) in people.iter().zip(&users) {
        roster.push_str(user);
        roster.push(',');
        roster.push_str(person.department.name);
        roster.push(',');
        if let Some(day) = person.completed {
            push_date(&mut roster, day);
        }
        roster.push_str(if person.licensed { ",true," } else { ",false," });
        roster.push_str(if person.wave_2 { "Wave 2\n" } else { "Wave 1\n" });
    }

    let mut rng = Xoshiro256PlusPlus::seed_from_u64(options.seed ^ 0xA5A5_5A5A_C3C3_3C3C);
    let mut activity = String::with_capacity(options.people * options.days as usize * 20);
    activity.push_str("date,user,sessions,minutes\n");
    let mut date = String::with_capacity(10);
    for day in 0..options.days {
        date.clear();
        push_date(&mut date, day);
        for (person, user) in people.iter().zip(&users) {
            if unit(&mut rng) >= chance(person, day) {
                continue;
            }
            let sessions = 1 + (unit(&mut rng).powf(person.department.skew) * 8.0) as u64;
            let minutes = sessions * (6 + below(&mut rng, 9));
            activity.push_str(&date);
            activity.push(',');
            activity.push_str(user);
            activity.push(',');
            push_number(&mut activity, sessions, 1);
            activity.push(',');
            push_number(&mut activity, minutes, 1);
            activity.push('\n');
        }
    }

    let mut rng = Xoshiro256PlusPlus::seed_from_u64(options.seed ^ 0x0F0F_F0F0_9696_6969);
    // Where the saved time went has a stream of its own, so the other columns stay as they were without it.
    let mut spent = Xoshiro256PlusPlus::seed_from_u64(options.seed ^ 0x3C3C_C3C3_5A5A_A5A5);
    let mut survey = String::with_capacity(options.people * 100);
    survey.push_str("user,day,hours_saved,integration,satisfaction,reviewed,tasks,time_reinvested\n");
    for (person, user) in people.iter().zip(&users) {
        let Some(completed) = person.completed else { continue };
        for (checkpoint, growth) in CHECKPOINTS {
            if completed + checkpoint >= options.days || unit(&mut rng) >= 0.7 {
                continue;
            }
            answer(&mut survey, &mut rng, person, user, checkpoint, growth);
            reinvested(&mut survey, &mut spent, person);
        }
    }
    SampleFiles { roster, activity, survey }
}

/// Draws one person: department by share, cohort, completion, licence and how they use Claude.
fn person(rng: &mut Xoshiro256PlusPlus) -> Person {
    let mut pick = unit(rng);
    let department = DEPARTMENTS.iter().find(|d| {
        pick -= d.share;
        pick < 0.0
    });
    let department = department.unwrap_or(&DEPARTMENTS[DEPARTMENTS.len() - 1]);
    let wave_2 = unit(rng) >= 0.6;
    let start = if wave_2 { WAVE_2_START } else { 0 };
    let completed = start + below(rng, 10) as u32;
    let completed = (unit(rng) >= 0.05).then_some(completed);
    let licensed = unit(rng) < 0.95;
    let adopter = unit(rng) < department.adoption;
    let daily = (department.daily * (0.7 + 0.6 * unit(rng))).min(0.97);
    // A quarter of the people lose interest slowly: a time constant of 30 to 120 days.
    let fade = if unit(rng) < 0.25 { (-1.0 / (30.0 + 90.0 * unit(rng))).exp() } else { 1.0 };
    Person { department, completed, licensed, wave_2, adopter, daily, fade }
}

/// The chance that `person` has at least one session on `day`: nothing without a licence, a small
/// baseline before training and for non-adopters, then ramping up over ten days and possibly fading.
fn chance(person: &Person, day: u32) -> f64 {
    if !person.licensed {
        return 0.0;
    }
    match person.completed {
        Some(completed) if day >= completed && person.adopter => {
            let since = f64::from(day - completed);
            let ramp = 0.5 + 0.5 * (since / 10.0).min(1.0);
            (person.daily * ramp * person.fade.powf(since)).max(BASELINE)
        }
        Some(completed) if day >= completed => 1.5 * BASELINE,
        _ => BASELINE,
    }
}

/// Writes one survey answer of `person` at `checkpoint`; adopters answer higher.
fn answer(out: &mut String, rng: &mut Xoshiro256PlusPlus, person: &Person, user: &str, checkpoint: u32, growth: f64) {
    let factor = if person.adopter { 1.0 } else { 0.3 };
    let tenths = (person.department.hours * growth * factor * (0.5 + unit(rng)) * 10.0).round() as u64;
    let floor = if person.adopter { 3 } else { 1 };
    let integration = floor + below(rng, 3);
    let satisfaction = floor.max(2) + below(rng, 3);
    out.push_str(user);
    out.push(',');
    push_number(out, u64::from(checkpoint), 1);
    out.push(',');
    push_number(out, tenths / 10, 1);
    out.push('.');
    push_number(out, tenths % 10, 1);
    out.push(',');
    push_number(out, integration, 1);
    out.push(',');
    push_number(out, satisfaction, 1);
    out.push_str(if unit(rng) < 0.92 { ",yes," } else { ",no," });
    // 1 to 3 distinct tasks in the list's order (selection sampling).
    let mut wanted = 1 + below(rng, 3);
    let mut first = true;
    for (index, task) in TASKS.iter().enumerate() {
        let left = (TASKS.len() - index) as u64;
        if wanted > 0 && below(rng, left) < wanted {
            if !first {
                out.push(';');
            }
            out.push_str(task);
            first = false;
            wanted -= 1;
        }
    }
}

/// Ends an answer with where the saved time went: blank for about one in six (more for non-adopters,
/// who save little), else one or two categories, the department's favourite first about half the time.
fn reinvested(out: &mut String, rng: &mut Xoshiro256PlusPlus, person: &Person) {
    out.push(',');
    if unit(rng) < if person.adopter { 0.12 } else { 0.4 } {
        out.push('\n');
        return;
    }
    let pick = |rng: &mut Xoshiro256PlusPlus, not: Option<usize>| {
        if not.is_none() && unit(rng) < 0.5 {
            return person.department.reinvests;
        }
        loop {
            let mut draw = unit(rng);
            let index = REINVESTED.iter().position(|(_, chance)| {
                draw -= chance;
                draw < 0.0
            });
            let index = index.unwrap_or(REINVESTED.len() - 1);
            if Some(index) != not {
                return index;
            }
        }
    };
    let first = pick(rng, None);
    out.push_str(REINVESTED[first].0);
    if unit(rng) < 0.4 {
        out.push(';');
        out.push_str(REINVESTED[pick(rng, Some(first))].0);
    }
    out.push('\n');
}

/// The e-mail address of person `id`: `person00042@example.com`.
fn user(id: usize) -> String {
    let mut out = String::with_capacity(24);
    out.push_str("person");
    push_number(&mut out, id as u64, 5);
    out.push_str("@example.com");
    out
}

/// Appends `day` days after [`FIRST_DATE`] as `YYYY-MM-DD` (the civil-from-days algorithm, for dates
/// from 1970 on).
fn push_date(out: &mut String, day: u32) {
    let (year, month, date) = civil(FIRST_DAY + u64::from(day));
    push_number(out, year, 4);
    out.push('-');
    push_number(out, month, 2);
    out.push('-');
    push_number(out, date, 2);
}

/// Year, month (1–12) and day of the month of `days` since 1970-01-01, in the proleptic Gregorian
/// calendar: shift to a year starting on 1 March, so the leap day is the year's last, then split the
/// 400-year era into years, and the year into five-month runs of 153 days.
fn civil(days: u64) -> (u64, u64, u64) {
    let shifted = days + 719_468; // days since 0000-03-01
    let era = shifted / 146_097;
    let of_era = shifted % 146_097;
    let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / 146_096) / 365;
    let of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * of_year + 2) / 153;
    let date = of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    (year_of_era + era * 400 + u64::from(month <= 2), month, date)
}

/// Appends `value` in decimal, zero-padded to at least `width` digits.
fn push_number(out: &mut String, mut value: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    while value > 0 || digits.len() - start < width.max(1) {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// A uniform number in [0, 1) from the top 53 bits of the generator's output.
fn unit(rng: &mut Xoshiro256PlusPlus) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A uniform whole number below `n` (`n` ≥ 1; the modulo bias is far below anything a test could see).
fn below(rng: &mut Xoshiro256PlusPlus, n: u64) -> u64 {
    rng.next_u64() % n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        let date = |day| {
            let mut out = String::new();
            push_date(&mut out, day);
            out
        };
        assert_eq!(date(0), FIRST_DATE);
        assert_eq!(date(30), "2026-04-01");
        assert_eq!(date(304), "2026-12-31");
        assert_eq!(date(305), "2027-01-01");
        assert_eq!(date(1094), "2029-02-28");
        assert_eq!(date(730), "2028-03-01"); // 2028 is a leap year: 2028-02-29 is day 729
        assert_eq!(date(729), "2028-02-29");
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(user(42), "person00042@example.com");
        assert_eq!(user(123_456), "person123456@example.com");
    }
}
