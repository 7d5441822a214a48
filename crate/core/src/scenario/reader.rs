//! Reads a scenario document field by field (see [`crate::fields`]), filling the defaults of
//! docs/model.md#scenario-inputs.

use serde_json::Value;

use super::{
    AMOUNT_RULE, CostItem, Costs, Department, FULL_BY_MONTH, HORIZON_MONTHS, HOURS_PER_WEEK, MAX_AMOUNT,
    MAX_ANNUAL_COST, MAX_DEPARTMENT_DRAWS, MAX_DEPARTMENTS, MAX_DRAWS, MAX_HEADCOUNT, MAX_HOURLY_COST,
    MAX_HOURS_PER_PERSON, MAX_ITEMS, MAX_MINUTES, MAX_PER_WEEK, MAX_SEATS, MAX_TEXT, MAX_USE_CASES, OtherBenefit, Ramp,
    Scenario, Uncertainty, UseCase, WEEKS_PER_YEAR,
};
use crate::fields::{ObjectReader, Problems, check_version, grouped, join};

const SCENARIO_KEYS: &[&str] = &[
    "version",
    "currency",
    "locale",
    "weeksPerYear",
    "hoursPerWeek",
    "horizonMonths",
    "discountRate",
    "attribution",
    "confidence",
    "ramp",
    "seats",
    "departments",
    "costs",
    "otherBenefits",
    "uncertainty",
];
const DEPARTMENT_KEYS: &[&str] =
    &["name", "benchmark", "headcount", "hourlyCost", "annualCost", "activeRate", "hoursSavedPerWeek", "useCases"];
const SHARE_RULE: &str = "a share greater than 0 and at most 1 (for example 0.85)";

/// Reads `value` as a scenario; every problem goes to `problems`, invalid fields take their defaults
/// and departments missing a required field are left out.
pub(super) fn read(value: &Value, problems: &mut Problems) -> Scenario {
    let mut scenario = Scenario { costs: Costs::default(), ..Scenario::default() };
    let Some(doc) = ObjectReader::new(value, "", SCENARIO_KEYS, problems) else {
        return scenario;
    };
    check_version(&doc, problems);
    if let Some(code) = doc.text("currency", 3, problems) {
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            scenario.currency = code;
        } else {
            problems.add(&doc.path_of("currency"), "must be a three-letter ISO 4217 code such as USD or EUR");
        }
    }
    if let Some(tag) = doc.text("locale", 35, problems) {
        if is_language_tag(&tag) {
            scenario.locale = Some(tag);
        } else {
            problems.add(&doc.path_of("locale"), "must be a BCP 47 language tag such as en-US or de-DE");
        }
    }
    let weeks =
        doc.number_in("weeksPerYear", WEEKS_PER_YEAR.0, WEEKS_PER_YEAR.1, "a number of weeks from 1 to 52", problems);
    scenario.weeks_per_year = weeks.unwrap_or(scenario.weeks_per_year);
    let hours =
        doc.number_in("hoursPerWeek", HOURS_PER_WEEK.0, HOURS_PER_WEEK.1, "a number of hours from 1 to 80", problems);
    scenario.hours_per_week = hours.unwrap_or(scenario.hours_per_week);
    if let Some(months) = doc.whole_in(
        "horizonMonths",
        HORIZON_MONTHS.0.into(),
        HORIZON_MONTHS.1.into(),
        "a whole number of months from 12 to 120",
        problems,
    ) {
        scenario.horizon_months = u32::try_from(months).unwrap_or(scenario.horizon_months);
    }
    let rate = doc.number_in("discountRate", 0.0, 1.0, "a rate from 0 to 1 (for example 0.1 for 10%)", problems);
    scenario.discount_rate = rate.unwrap_or(scenario.discount_rate);
    scenario.attribution = share(&doc, "attribution", problems).unwrap_or(1.0);
    scenario.confidence = share(&doc, "confidence", problems).unwrap_or(1.0);
    if let Some(ramp) = doc.raw("ramp") {
        scenario.ramp =
            if ramp.is_null() { None } else { read_ramp(ramp, &doc.path_of("ramp"), problems).or(scenario.ramp) };
    }
    scenario.seats = doc.whole_in("seats", 0, MAX_SEATS, "a whole number of seats, 0 or more", problems);

    let hours_per_week = scenario.hours_per_week;
    let departments = doc.list("departments", MAX_DEPARTMENTS, problems, |item, path, problems| {
        read_department(item, path, hours_per_week, problems)
    });
    match departments {
        Some(list) if !list.is_empty() => scenario.departments = list,
        Some(_) if doc.raw("departments").and_then(Value::as_array).is_some_and(Vec::is_empty) => {
            problems.add(&doc.path_of("departments"), "must hold at least one department");
        }
        _ => {}
    }
    if let Some(costs) = doc.raw("costs") {
        scenario.costs = read_costs(costs, &doc.path_of("costs"), problems);
    }
    scenario.other_benefits = doc.list("otherBenefits", MAX_ITEMS, problems, read_other_benefit).unwrap_or_default();
    if let Some(uncertainty) = doc.raw("uncertainty") {
        scenario.uncertainty = read_uncertainty(uncertainty, &doc.path_of("uncertainty"), problems);
    }
    let departments = scenario.departments.len() as u64;
    if scenario.uncertainty.draws.saturating_mul(departments) > MAX_DEPARTMENT_DRAWS {
        let most = MAX_DEPARTMENT_DRAWS / departments.max(1);
        problems.add(
            &join(&doc.path_of("uncertainty"), "draws"),
            format!(
                "must be at most {} for {departments} departments (draws × departments may not exceed 5,000,000, so the \
                 figures come back in well under a second)",
                grouped(most)
            ),
        );
        // The default draws are within the limit for the most departments a scenario may have.
        scenario.uncertainty.draws = Uncertainty::default().draws;
    }
    scenario
}

/// A share in (0, 1].
fn share(reader: &ObjectReader<'_>, key: &str, problems: &mut Problems) -> Option<f64> {
    let x = reader.number_in(key, 0.0, 1.0, SHARE_RULE, problems)?;
    if x > 0.0 {
        Some(x)
    } else {
        problems.add(&reader.path_of(key), format!("must be {SHARE_RULE}"));
        None
    }
}

/// A syntactic BCP 47 check: letters, digits and hyphens in subtags of 1–8 characters, led by a
/// 2–8-letter language subtag. Whether the browser knows the locale is the browser's business.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok =
        parts.next().is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn read_ramp(value: &Value, path: &str, problems: &mut Problems) -> Option<Ramp> {
    let ramp = ObjectReader::new(value, path, &["day30Factor", "fullByMonth"], problems)?;
    ramp.require("day30Factor", SHARE_RULE, problems);
    ramp.require("fullByMonth", "a whole number of months from 1 to 12", problems);
    let factor = share(&ramp, "day30Factor", problems);
    let month = ramp.whole_in(
        "fullByMonth",
        FULL_BY_MONTH.0.into(),
        FULL_BY_MONTH.1.into(),
        "a whole number of months from 1 to 12",
        problems,
    );
    Some(Ramp { day30_factor: factor?, full_by_month: u32::try_from(month?).ok()? })
}

fn read_department(value: &Value, path: &str, hours_per_week: f64, problems: &mut Problems) -> Option<Department> {
    let dept = ObjectReader::new(value, path, DEPARTMENT_KEYS, problems)?;
    dept.require("name", "any name of 1 to 80 characters", problems);
    dept.require("headcount", "the number of trained employees", problems);
    let name = dept.text("name", MAX_TEXT, problems);
    let benchmark = match dept.raw("benchmark") {
        None | Some(Value::Null) => None,
        Some(_) => dept.text("benchmark", MAX_TEXT, problems),
    };
    let headcount = dept.whole_in("headcount", 0, MAX_HEADCOUNT, "a whole number from 0 to 10,000,000", problems);
    let hourly_cost = positive_amount(
        &dept,
        "hourlyCost",
        MAX_HOURLY_COST,
        "an hourly cost greater than 0 and at most 1,000,000",
        problems,
    );
    let annual_cost = positive_amount(
        &dept,
        "annualCost",
        MAX_ANNUAL_COST,
        "an annual cost greater than 0 and at most 1,000,000,000",
        problems,
    );
    let cost_ok = match (dept.has("hourlyCost"), dept.has("annualCost")) {
        (true, true) => {
            problems.add(&dept.path_of("annualCost"), "give hourlyCost or annualCost, not both");
            false
        }
        (false, false) => {
            problems
                .add(&dept.path_of("hourlyCost"), "is required (or annualCost): the fully loaded cost of one employee");
            false
        }
        _ => hourly_cost.is_some() || annual_cost.is_some(),
    };
    let active_rate = dept.number_in("activeRate", 0.0, 1.0, "a share from 0 to 1 (for example 0.85)", problems);
    let hours_rule = "hours from 0 to hoursPerWeek";
    let hours = dept.number_in("hoursSavedPerWeek", 0.0, hours_per_week, hours_rule, problems);
    let mut use_cases = dept.list("useCases", MAX_USE_CASES, problems, read_use_case);
    // Use cases that clash with the rest are dropped, so that a leniently read scenario (a damaged
    // link) never keeps what its problems name.
    if dept.has("hoursSavedPerWeek") && dept.has("useCases") {
        problems.add(&dept.path_of("useCases"), "give hoursSavedPerWeek or useCases, not both");
        use_cases = None;
    }
    if let Some(cases) = &use_cases {
        let total: f64 = cases.iter().map(UseCase::hours_saved_per_week).sum();
        if total > hours_per_week {
            problems.add(&dept.path_of("useCases"), "add up to more hours saved a week than hoursPerWeek");
            use_cases = None;
        }
    }
    Some(Department {
        name: name?,
        benchmark,
        headcount: headcount?,
        hourly_cost: hourly_cost.filter(|_| cost_ok),
        annual_cost: annual_cost.filter(|_| cost_ok),
        active_rate,
        hours_saved_per_week: hours,
        use_cases,
    })
    .filter(|_| cost_ok)
}

/// An amount in (0, max].
fn positive_amount(reader: &ObjectReader<'_>, key: &str, max: f64, rule: &str, problems: &mut Problems) -> Option<f64> {
    let x = reader.number_in(key, 0.0, max, rule, problems)?;
    if x > 0.0 {
        Some(x)
    } else {
        problems.add(&reader.path_of(key), format!("must be {rule}"));
        None
    }
}

fn read_use_case(value: &Value, path: &str, problems: &mut Problems) -> Option<UseCase> {
    let case = ObjectReader::new(value, path, &["name", "minutesBefore", "minutesAfter", "perWeek"], problems)?;
    for key in ["name", "minutesBefore", "minutesAfter", "perWeek"] {
        case.require(key, "every use case needs it", problems);
    }
    let minutes = "minutes from 0 to 10,000";
    let name = case.text("name", MAX_TEXT, problems);
    let before = case.number_in("minutesBefore", 0.0, MAX_MINUTES, minutes, problems);
    let after = case.number_in("minutesAfter", 0.0, MAX_MINUTES, minutes, problems);
    let per_week = case.number_in("perWeek", 0.0, MAX_PER_WEEK, "a number of times from 0 to 1,000", problems);
    let (before, after) = (before?, after?);
    if after > before {
        problems.add(&case.path_of("minutesAfter"), "must not be more than minutesBefore");
        return None;
    }
    Some(UseCase { name: name?, minutes_before: before, minutes_after: after, per_week: per_week? })
}

fn read_costs(value: &Value, path: &str, problems: &mut Problems) -> Costs {
    let keys = ["oneTime", "monthly", "perSeatMonthly", "trainingHoursPerPerson", "learningCurveHoursPerPerson"];
    let Some(costs) = ObjectReader::new(value, path, &keys, problems) else {
        return Costs::default();
    };
    let hours = "hours from 0 to 10,000";
    Costs {
        one_time: costs.list("oneTime", MAX_ITEMS, problems, read_cost_item).unwrap_or_default(),
        monthly: costs.list("monthly", MAX_ITEMS, problems, read_cost_item).unwrap_or_default(),
        per_seat_monthly: costs.list("perSeatMonthly", MAX_ITEMS, problems, read_cost_item).unwrap_or_default(),
        training_hours_per_person: costs
            .number_in("trainingHoursPerPerson", 0.0, MAX_HOURS_PER_PERSON, hours, problems)
            .unwrap_or(0.0),
        learning_curve_hours_per_person: costs
            .number_in("learningCurveHoursPerPerson", 0.0, MAX_HOURS_PER_PERSON, hours, problems)
            .unwrap_or(0.0),
    }
}

fn read_cost_item(value: &Value, path: &str, problems: &mut Problems) -> Option<CostItem> {
    let item = ObjectReader::new(value, path, &["label", "amount"], problems)?;
    item.require("label", "a label of 1 to 80 characters", problems);
    item.require("amount", AMOUNT_RULE, problems);
    let label = item.text("label", MAX_TEXT, problems);
    let amount = item.number_in("amount", 0.0, MAX_AMOUNT, AMOUNT_RULE, problems);
    Some(CostItem { label: label?, amount: amount? })
}

fn read_other_benefit(value: &Value, path: &str, problems: &mut Problems) -> Option<OtherBenefit> {
    let item = ObjectReader::new(value, path, &["label", "annualAmount", "confidence"], problems)?;
    item.require("label", "a label of 1 to 80 characters", problems);
    item.require("annualAmount", AMOUNT_RULE, problems);
    let label = item.text("label", MAX_TEXT, problems);
    let amount = item.number_in("annualAmount", 0.0, MAX_AMOUNT, AMOUNT_RULE, problems);
    let confidence = if item.has("confidence") { share(&item, "confidence", problems) } else { Some(1.0) };
    Some(OtherBenefit { label: label?, annual_amount: amount?, confidence: confidence? })
}

fn read_uncertainty(value: &Value, path: &str, problems: &mut Problems) -> Uncertainty {
    let mut out = Uncertainty::default();
    let Some(u) = ObjectReader::new(value, path, &["spread", "draws", "seed"], problems) else {
        return out;
    };
    out.spread =
        u.number_in("spread", 0.0, 1.0, "a share from 0 to 1 (0.2 means ±20%)", problems).unwrap_or(out.spread);
    out.draws = u.whole_in("draws", 0, MAX_DRAWS, "a whole number from 0 to 1,000,000", problems).unwrap_or(out.draws);
    let seed_rule = "a whole number from 0 to 9,007,199,254,740,991";
    out.seed = u.whole_in("seed", 0, (1 << 53) - 1, seed_rule, problems).unwrap_or(out.seed);
    out
}
