//! A share link's first figures (docs/decisions.md, "The first-figures module"): the headline of a
//! scenario handed over as a flat list of numbers, computed by the same functions as the full report
//! ([`Model::resolve`], [`Annual::of`], [`project`], [`payback_months`], [`first_year`], [`horizon`]).
//!
//! The hand-off layout ([`read`]) needs no JSON reader, so a WebAssembly module built on it carries no
//! serde_json. It is conservative: anything the full reader (`Scenario::from_json`) would report or
//! replace is refused (`None`), and the page then waits for the full engine as before. Absent values
//! are NaN, and take the default scenario's; [`write`] is the inverse, for tests and tools.
//!
//! Layout, in order (`n` a count, `k` a string as its length in UTF-16 units then its code units):
//! `1` (the layout's version); weeksPerYear, hoursPerWeek, horizonMonths, discountRate, attribution,
//! confidence; ramp day30Factor and fullByMonth (NaN NaN: the default ramp; −1 −1: no ramp); seats;
//! costs (NaN alone: the default costs; else trainingHoursPerPerson, learningCurveHoursPerPerson, then
//! `n` one-time amounts, `n` monthly, `n` per-seat monthly); `n` other benefits as (annualAmount,
//! confidence) pairs (NaN alone: the default, none); departments (NaN alone: the default's; else `n`,
//! then each: name length in characters, benchmark `k` (−1: none), headcount, hourlyCost, annualCost,
//! activeRate, hoursSavedPerWeek, then `n` use cases (−1: none) as (minutesBefore, minutesAfter,
//! perWeek, name length)). A name's length stands for the name: only its length is checked.

use crate::benchmarks::BenchmarkTable;
use crate::model::Model;
use crate::projection::{Annual, first_year, horizon, payback_months, project};
// The reader's own limits, so this path refuses exactly the values the full reader refuses.
use crate::scenario::{
    CostItem, Costs, Department, FULL_BY_MONTH, HORIZON_MONTHS, HOURS_PER_WEEK, MAX_AMOUNT, MAX_ANNUAL_COST,
    MAX_DEPARTMENTS, MAX_HEADCOUNT, MAX_HOURLY_COST, MAX_HOURS_PER_PERSON, MAX_ITEMS, MAX_MINUTES, MAX_PER_WEEK,
    MAX_SEATS, MAX_TEXT, MAX_USE_CASES, OtherBenefit, Ramp, Scenario, UseCase, WEEKS_PER_YEAR,
};

/// The layout's version, its first number.
pub const LAYOUT: f64 = 1.0;

/// The headline figures, in the order the widget shows them; `None` where the widget shows "—".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Headline {
    /// Net ROI of the steady-state year, in percent.
    pub roi_percent: Option<f64>,
    /// Benefit–cost ratio of the steady-state year.
    pub benefit_cost_ratio: Option<f64>,
    /// Net benefit a year.
    pub net_benefit: f64,
    /// Months to payback.
    pub payback_months: Option<f64>,
    /// Net ROI of months 0–12, in percent.
    pub first_year_roi_percent: Option<f64>,
    /// NPV over the horizon.
    pub npv: f64,
}

impl Headline {
    /// The six figures as numbers, NaN for an absent one (what the WebAssembly boundary returns).
    pub fn to_array(&self) -> [f64; 6] {
        let or_nan = |x: Option<f64>| x.unwrap_or(f64::NAN);
        [
            or_nan(self.roi_percent),
            or_nan(self.benefit_cost_ratio),
            self.net_benefit,
            or_nan(self.payback_months),
            or_nan(self.first_year_roi_percent),
            self.npv,
        ]
    }
}

/// The headline of `scenario` against `table` (`None` for an unknown benchmark), as the full report has it.
pub fn headline(scenario: &Scenario, table: &BenchmarkTable) -> Option<Headline> {
    let model = Model::resolve(scenario, table).ok()?;
    let annual = Annual::of(&model);
    let months = project(&annual, model.ramp, model.horizon_months);
    Some(Headline {
        roi_percent: annual.roi_percent,
        benefit_cost_ratio: annual.benefit_cost_ratio,
        net_benefit: annual.net_benefit,
        payback_months: payback_months(&months),
        first_year_roi_percent: first_year(&months).roi_percent,
        npv: horizon(&months, model.discount_rate).npv,
    })
}

/// The headline of the scenario in `layout`, against the default benchmarks; `None` when refused.
pub fn figures(layout: &[f64]) -> Option<Headline> {
    headline(&read(layout)?, &BenchmarkTable::default())
}

/// Reads numbers off the layout, in order.
struct Cursor<'a> {
    rest: &'a [f64],
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<f64> {
        let (first, rest) = self.rest.split_first()?;
        self.rest = rest;
        Some(*first)
    }

    /// A number in `low..=high`, or the default `or` for NaN.
    fn number(&mut self, low: f64, high: f64, or: f64) -> Option<f64> {
        let x = self.next()?;
        if x.is_nan() {
            return Some(or);
        }
        (low..=high).contains(&x).then_some(x)
    }

    /// A present number in `low..=high`.
    fn given(&mut self, low: f64, high: f64) -> Option<f64> {
        let x = self.next()?;
        (low..=high).contains(&x).then_some(x)
    }

    /// A present number in `low..=high`, or `None` inside `Some` for NaN.
    fn optional(&mut self, low: f64, high: f64) -> Option<Option<f64>> {
        let x = self.next()?;
        if x.is_nan() {
            return Some(None);
        }
        (low..=high).contains(&x).then_some(Some(x))
    }

    /// A whole number in `low..=high`.
    fn whole(&mut self, low: f64, high: f64) -> Option<u64> {
        let x = self.given(low, high)?;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        (x.fract() == 0.0).then_some(x as u64)
    }

    /// A count of at most `most` items.
    fn count(&mut self, most: usize) -> Option<usize> {
        #[allow(clippy::cast_precision_loss)]
        let n = self.whole(0.0, most as f64)?;
        usize::try_from(n).ok()
    }

    /// A name's length, which must be 1 to [`MAX_TEXT`] characters.
    fn name(&mut self) -> Option<String> {
        #[allow(clippy::cast_precision_loss)]
        self.whole(1.0, MAX_TEXT as f64)?;
        Some(String::new())
    }

    /// A string as its UTF-16 length and code units; `None` inside `Some` for a length of −1.
    fn text(&mut self) -> Option<Option<String>> {
        if self.rest.first() == Some(&-1.0) {
            self.next()?;
            return Some(None);
        }
        let n = self.count(MAX_TEXT)?;
        let units = (0..n)
            .map(|_| self.whole(0.0, 65_535.0).and_then(|u| u16::try_from(u).ok()))
            .collect::<Option<Vec<u16>>>()?;
        String::from_utf16(&units).ok().map(Some)
    }
}

const SHARE_ABOVE_ZERO: f64 = f64::MIN_POSITIVE;

/// The scenario in `layout` (see the module's documentation), or `None` for anything the full reader would not take as it is.
pub fn read(layout: &[f64]) -> Option<Scenario> {
    let mut at = Cursor { rest: layout };
    if at.next()? != LAYOUT {
        return None;
    }
    let base = Scenario::default();
    let weeks = at.number(WEEKS_PER_YEAR.0, WEEKS_PER_YEAR.1, base.weeks_per_year)?;
    let hours_per_week = at.number(HOURS_PER_WEEK.0, HOURS_PER_WEEK.1, base.hours_per_week)?;
    let horizon = at.number(HORIZON_MONTHS.0.into(), HORIZON_MONTHS.1.into(), f64::from(base.horizon_months))?;
    if horizon.fract() != 0.0 {
        return None;
    }
    let discount_rate = at.number(0.0, 1.0, base.discount_rate)?;
    let attribution = at.number(SHARE_ABOVE_ZERO, 1.0, base.attribution)?;
    let confidence = at.number(SHARE_ABOVE_ZERO, 1.0, base.confidence)?;
    let (factor, full_by) = (at.next()?, at.next()?);
    let ramp = if factor.is_nan() && full_by.is_nan() {
        base.ramp
    } else if factor == -1.0 && full_by == -1.0 {
        None
    } else if factor > 0.0
        && factor <= 1.0
        && (f64::from(FULL_BY_MONTH.0)..=f64::from(FULL_BY_MONTH.1)).contains(&full_by)
        && full_by.fract() == 0.0
    {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(Ramp { day30_factor: factor, full_by_month: full_by as u32 })
    } else {
        return None;
    };
    #[allow(clippy::cast_precision_loss)]
    let seats = match at.optional(0.0, MAX_SEATS as f64)? {
        Some(s) if s.fract() == 0.0 =>
        {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some(s as u64)
        }
        Some(_) => return None,
        None => None,
    };
    let costs = if at.rest.first().is_some_and(|x| x.is_nan()) {
        at.next()?;
        base.costs.clone()
    } else {
        let training = at.given(0.0, MAX_HOURS_PER_PERSON)?;
        let learning = at.given(0.0, MAX_HOURS_PER_PERSON)?;
        let mut items = || -> Option<Vec<CostItem>> {
            let n = at.count(MAX_ITEMS)?;
            (0..n).map(|_| at.given(0.0, MAX_AMOUNT).map(|amount| CostItem { label: String::new(), amount })).collect()
        };
        let (one_time, monthly, per_seat_monthly) = (items()?, items()?, items()?);
        Costs {
            one_time,
            monthly,
            per_seat_monthly,
            training_hours_per_person: training,
            learning_curve_hours_per_person: learning,
        }
    };
    let other_benefits = if at.rest.first().is_some_and(|x| x.is_nan()) {
        at.next()?;
        base.other_benefits.clone()
    } else {
        let n = at.count(MAX_ITEMS)?;
        (0..n)
            .map(|_| {
                let annual_amount = at.given(0.0, MAX_AMOUNT)?;
                let confidence = at.number(SHARE_ABOVE_ZERO, 1.0, 1.0)?;
                Some(OtherBenefit { label: String::new(), annual_amount, confidence })
            })
            .collect::<Option<Vec<_>>>()?
    };
    let departments = if at.rest.first().is_some_and(|x| x.is_nan()) {
        at.next()?;
        base.departments.clone()
    } else {
        let n = at.count(MAX_DEPARTMENTS)?;
        if n == 0 {
            return None;
        }
        (0..n).map(|_| department(&mut at, hours_per_week)).collect::<Option<Vec<_>>>()?
    };
    if !at.rest.is_empty() {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let horizon_months = horizon as u32;
    Some(Scenario {
        weeks_per_year: weeks,
        hours_per_week,
        horizon_months,
        discount_rate,
        attribution,
        confidence,
        ramp,
        seats,
        departments,
        costs,
        other_benefits,
        ..base
    })
}

fn department(at: &mut Cursor<'_>, hours_per_week: f64) -> Option<Department> {
    let name = at.name()?;
    let benchmark = at.text()?;
    #[allow(clippy::cast_precision_loss)]
    let headcount = at.whole(0.0, MAX_HEADCOUNT as f64)?;
    let hourly_cost = at.optional(f64::MIN_POSITIVE, MAX_HOURLY_COST)?;
    let annual_cost = at.optional(f64::MIN_POSITIVE, MAX_ANNUAL_COST)?;
    if hourly_cost.is_some() == annual_cost.is_some() {
        return None; // both or neither: the full reader reports it
    }
    let active_rate = at.optional(0.0, 1.0)?;
    let hours = at.optional(0.0, hours_per_week)?;
    let use_cases = if at.rest.first() == Some(&-1.0) {
        at.next()?;
        None
    } else {
        let n = at.count(MAX_USE_CASES)?;
        let cases = (0..n)
            .map(|_| {
                let minutes_before = at.given(0.0, MAX_MINUTES)?;
                let minutes_after = at.given(0.0, minutes_before)?;
                let per_week = at.given(0.0, MAX_PER_WEEK)?;
                let name = at.name()?;
                Some(UseCase { name, minutes_before, minutes_after, per_week })
            })
            .collect::<Option<Vec<_>>>()?;
        if hours.is_some() || cases.iter().map(UseCase::hours_saved_per_week).sum::<f64>() > hours_per_week {
            return None;
        }
        Some(cases)
    };
    Some(Department {
        name,
        benchmark,
        headcount,
        hourly_cost,
        annual_cost,
        active_rate,
        hours_saved_per_week: hours,
        use_cases,
    })
}

/// The layout of `scenario`, every value written out (names by their length), for tests and tools.
pub fn write(scenario: &Scenario) -> Vec<f64> {
    #[allow(clippy::cast_precision_loss)]
    let len = |s: &str| s.chars().count() as f64;
    let opt = |x: Option<f64>| x.unwrap_or(f64::NAN);
    let mut out = vec![LAYOUT, scenario.weeks_per_year, scenario.hours_per_week, f64::from(scenario.horizon_months)];
    out.extend([scenario.discount_rate, scenario.attribution, scenario.confidence]);
    match scenario.ramp {
        Some(r) => out.extend([r.day30_factor, f64::from(r.full_by_month)]),
        None => out.extend([-1.0, -1.0]),
    }
    #[allow(clippy::cast_precision_loss)]
    out.push(scenario.seats.map_or(f64::NAN, |s| s as f64));
    let costs = &scenario.costs;
    out.extend([costs.training_hours_per_person, costs.learning_curve_hours_per_person]);
    for list in [&costs.one_time, &costs.monthly, &costs.per_seat_monthly] {
        #[allow(clippy::cast_precision_loss)]
        out.push(list.len() as f64);
        out.extend(list.iter().map(|c| c.amount));
    }
    #[allow(clippy::cast_precision_loss)]
    out.push(scenario.other_benefits.len() as f64);
    out.extend(scenario.other_benefits.iter().flat_map(|b| [b.annual_amount, b.confidence]));
    #[allow(clippy::cast_precision_loss)]
    out.push(scenario.departments.len() as f64);
    for d in &scenario.departments {
        out.push(len(&d.name));
        match &d.benchmark {
            Some(key) => {
                let units: Vec<u16> = key.encode_utf16().collect();
                #[allow(clippy::cast_precision_loss)]
                out.push(units.len() as f64);
                out.extend(units.iter().map(|&u| f64::from(u)));
            }
            None => out.push(-1.0),
        }
        #[allow(clippy::cast_precision_loss)]
        out.push(d.headcount as f64);
        out.extend([opt(d.hourly_cost), opt(d.annual_cost), opt(d.active_rate), opt(d.hours_saved_per_week)]);
        match &d.use_cases {
            Some(cases) => {
                #[allow(clippy::cast_precision_loss)]
                out.push(cases.len() as f64);
                out.extend(cases.iter().flat_map(|c| [c.minutes_before, c.minutes_after, c.per_week, len(&c.name)]));
            }
            None => out.push(-1.0),
        }
    }
    out
}
