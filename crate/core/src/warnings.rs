//! Suspicious but valid input (docs/model.md#errors-and-warnings): figures the calculator will compute
//! but a reader should question before trusting.

use serde::Serialize;

use crate::fields::{index, join};
use crate::model::Model;
use crate::projection::Annual;
use crate::scenario::Scenario;

/// Hours saved above the band's high end by more than this factor are flagged.
const HOURS_FAR_ABOVE: f64 = 1.5;
/// An active rate this far (absolute) above the band's high end is flagged.
const RATE_FAR_ABOVE: f64 = 0.10;

/// One warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Warning {
    /// Stable machine-readable kind: `zeroCost`, `noBenefit`, `emptyDepartment`, `hoursFarAboveBenchmark`,
    /// `activeRateFarAboveBenchmark`, `seatsBelowHeadcount`.
    pub code: String,
    /// The field it concerns; empty for the scenario as a whole.
    pub path: String,
    /// What looks wrong and why it matters.
    pub message: String,
}

fn warning(code: &str, path: &str, message: &str) -> Warning {
    Warning { code: code.into(), path: path.into(), message: message.into() }
}

/// The warnings for a scenario and its resolved model and annual figures.
pub fn warnings(scenario: &Scenario, model: &Model, annual: &Annual) -> Vec<Warning> {
    let mut out = Vec::new();
    if annual.cost == 0.0 {
        out.push(warning(
            "zeroCost",
            "costs",
            "There are no costs, so ROI, the benefit–cost ratio and the risk analysis cannot be computed; add the programme's costs.",
        ));
    }
    if annual.benefit == 0.0 {
        out.push(warning(
            "noBenefit",
            "departments",
            "The scenario yields no benefit: check headcounts, active rates and hours saved.",
        ));
    }
    let headcount: u64 = scenario.departments.iter().map(|d| d.headcount).sum();
    if scenario.seats.is_some_and(|seats| seats < headcount) {
        out.push(warning(
            "seatsBelowHeadcount",
            "seats",
            "Fewer licensed seats than trained employees: some trained people cannot use Claude.",
        ));
    }
    for (i, (dept, m)) in scenario.departments.iter().zip(&model.departments).enumerate() {
        let path = index("departments", i);
        if dept.headcount == 0 {
            out.push(warning(
                "emptyDepartment",
                &join(&path, "headcount"),
                "This department has no one in it and adds nothing.",
            ));
        }
        if m.hours_band.is_some_and(|b| m.hours > b.high * HOURS_FAR_ABOVE) {
            out.push(warning(
                "hoursFarAboveBenchmark",
                &join(&path, "hoursSavedPerWeek"),
                "Hours saved are more than 50% above the top of this department's benchmark band; check how they were measured.",
            ));
        }
        if m.rate_band.is_some_and(|b| m.active_rate > b.high + RATE_FAR_ABOVE) {
            out.push(warning(
                "activeRateFarAboveBenchmark",
                &join(&path, "activeRate"),
                "The active rate is far above this department's benchmark band; few programmes reach it.",
            ));
        }
    }
    out
}
