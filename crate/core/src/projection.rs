//! The money over time (docs/model.md#annual-figures): the steady-state year, the month-by-month projection with the
//! benefit ramp, the first year, payback and the Forrester-style NPV over the horizon.

use serde::Serialize;

use crate::model::{Contribution, Model};
use crate::scenario::Ramp;

/// `numerator / denominator` when it is a finite number; `None` for a zero denominator or an overflow.
pub fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    let r = numerator / denominator;
    (denominator != 0.0 && r.is_finite()).then_some(r)
}

/// Benefit, cost and the ratios people quote, for any period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Returns {
    /// Benefit credited in the period.
    pub benefit: f64,
    /// Cost in the period.
    pub cost: f64,
    /// Benefit − cost.
    pub net_benefit: f64,
    /// Net ROI, (benefit − cost) / cost × 100 (Phillips); null without cost.
    pub roi_percent: Option<f64>,
    /// Benefit / cost, the "7–12x" style multiple; null without cost.
    pub benefit_cost_ratio: Option<f64>,
}

impl Returns {
    /// The ratios of `benefit` against `cost`.
    pub fn new(benefit: f64, cost: f64) -> Self {
        let net_benefit = benefit - cost;
        Self {
            benefit,
            cost,
            net_benefit,
            roi_percent: ratio(net_benefit * 100.0, cost),
            benefit_cost_ratio: ratio(benefit, cost),
        }
    }
}

/// A steady-state year with all one-time costs in it (docs/model.md#annual-figures).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Annual {
    /// Adjusted hours saved in a year.
    pub hours_saved: f64,
    /// Time saved valued at hourly cost, plus other benefits.
    pub benefit: f64,
    /// First-year cost: one-time + 12 × monthly.
    pub cost: f64,
    /// One-time costs, employee time in training included.
    pub one_time_cost: f64,
    /// Recurring cost per month, licences included.
    pub monthly_cost: f64,
    /// Benefit − cost.
    pub net_benefit: f64,
    /// Net ROI in percent; null without cost.
    pub roi_percent: Option<f64>,
    /// Benefit / cost; null without cost.
    pub benefit_cost_ratio: Option<f64>,
}

impl Annual {
    /// The year for `model`, given the sum of its departments' contributions.
    pub fn from_totals(model: &Model, total: Contribution) -> Self {
        let one_time_cost = (model.fixed_one_time + total.employee_time_cost) * model.cost_factor;
        let monthly_cost = model.monthly_cost * model.cost_factor;
        let r = Returns::new(total.benefit + model.other_benefits, one_time_cost + 12.0 * monthly_cost);
        Self {
            hours_saved: total.hours_saved,
            benefit: r.benefit,
            cost: r.cost,
            one_time_cost,
            monthly_cost,
            net_benefit: r.net_benefit,
            roi_percent: r.roi_percent,
            benefit_cost_ratio: r.benefit_cost_ratio,
        }
    }

    /// The year for `model`.
    pub fn of(model: &Model) -> Self {
        let total = model.departments.iter().map(|d| model.contribution(d)).fold(Contribution::default(), |a, b| a + b);
        Self::from_totals(model, total)
    }
}

/// Share of the steady-state benefit earned in month `month` (≥ 1).
pub fn ramp_factor(ramp: Option<Ramp>, month: u32) -> f64 {
    match ramp {
        Some(Ramp { day30_factor, full_by_month }) if full_by_month > 1 && month < full_by_month => {
            day30_factor + (1.0 - day30_factor) * f64::from(month.saturating_sub(1)) / f64::from(full_by_month - 1)
        }
        _ => 1.0,
    }
}

/// One month of the projection; month 0 is the start, carrying the one-time costs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Month {
    /// 0 to the horizon.
    pub month: u32,
    /// Benefit earned in the month.
    pub benefit: f64,
    /// Cost paid in the month.
    pub cost: f64,
    /// Benefit up to and including this month.
    pub cumulative_benefit: f64,
    /// Cost up to and including this month.
    pub cumulative_cost: f64,
    /// Cumulative benefit − cumulative cost.
    pub cumulative_net: f64,
}

/// Months 0..=horizon: month 0 carries the one-time cost, each later month the monthly cost and
/// a twelfth of the annual benefit times the ramp.
pub fn project(annual: &Annual, ramp: Option<Ramp>, horizon_months: u32) -> Vec<Month> {
    let (mut cumulative_benefit, mut cumulative_cost) = (0.0, 0.0);
    (0..=horizon_months)
        .map(|month| {
            let (benefit, cost) = if month == 0 {
                (0.0, annual.one_time_cost)
            } else {
                (annual.benefit / 12.0 * ramp_factor(ramp, month), annual.monthly_cost)
            };
            cumulative_benefit += benefit;
            cumulative_cost += cost;
            Month {
                month,
                benefit,
                cost,
                cumulative_benefit,
                cumulative_cost,
                cumulative_net: cumulative_benefit - cumulative_cost,
            }
        })
        .collect()
}

/// Months until the cumulative net benefit turns non-negative for good (docs/model.md#payback): the last crossing
/// from below zero, interpolated inside its month; 0 if never below zero; `None` if still below at the end.
pub fn payback_months(months: &[Month]) -> Option<f64> {
    let last = months.last()?;
    if last.cumulative_net < 0.0 {
        return None;
    }
    if months[0].cumulative_net >= 0.0 && months.iter().all(|m| m.cumulative_net >= 0.0) {
        return Some(0.0);
    }
    months.windows(2).rev().find(|w| w[0].cumulative_net < 0.0 && w[1].cumulative_net >= 0.0).map(|w| {
        let (before, after) = (w[0].cumulative_net, w[1].cumulative_net);
        f64::from(w[0].month) + (-before) / (after - before)
    })
}

/// Returns over months 0–12 of the projection, ramp included.
pub fn first_year(months: &[Month]) -> Returns {
    let year = months.iter().take(13);
    let (benefit, cost) = year.fold((0.0, 0.0), |(b, c), m| (b + m.benefit, c + m.cost));
    Returns::new(benefit, cost)
}

/// Totals over the whole projection and their present values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Horizon {
    /// Months projected after month 0.
    pub months: u32,
    /// Total benefit.
    pub benefit: f64,
    /// Total cost.
    pub cost: f64,
    /// Benefit − cost.
    pub net_benefit: f64,
    /// Present value of the benefits.
    pub pv_benefit: f64,
    /// Present value of the costs.
    pub pv_cost: f64,
    /// Net present value, pvBenefit − pvCost.
    pub npv: f64,
    /// npv / pvCost × 100; null without cost.
    pub npv_roi_percent: Option<f64>,
}

/// Horizon totals with NPV the Forrester TEI way: month 0 undiscounted, months 1–12 summed into year 1,
/// 13–24 into year 2 and so on, each year's flow divided by (1 + rate)^year.
pub fn horizon(months: &[Month], discount_rate: f64) -> Horizon {
    let (mut pv_benefit, mut pv_cost) = (0.0, 0.0);
    for m in months {
        let year = m.month.div_ceil(12);
        let discount = (1.0 + discount_rate).powi(i32::try_from(year).unwrap_or(i32::MAX));
        pv_benefit += m.benefit / discount;
        pv_cost += m.cost / discount;
    }
    let last = months.last().copied().unwrap_or_default();
    let npv = pv_benefit - pv_cost;
    Horizon {
        months: last.month,
        benefit: last.cumulative_benefit,
        cost: last.cumulative_cost,
        net_benefit: last.cumulative_net,
        pv_benefit,
        pv_cost,
        npv,
        npv_roi_percent: ratio(npv * 100.0, pv_cost),
    }
}
