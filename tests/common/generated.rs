//! Generated scenarios for the property tests: every field left out or drawn from its valid range.

use std::ops::RangeInclusive;

use proptest::prelude::*;
use serde_json::{Value, json};

/// The benchmark keys a generated department may name (or none).
const BENCHMARKS: [Option<&str>; 5] = [None, Some("engineering"), Some("finance"), Some("legal"), Some("general")];

/// A department; with `use_cases`, its hours may come from up to three use cases instead (which can add
/// up to more than a working week: the reader refuses those).
pub fn department(use_cases: bool) -> impl Strategy<Value = Value> {
    let hours = if use_cases {
        prop_oneof![
            Just(None),
            (0.0f64..=20.0).prop_map(|h| Some(json!({ "hoursSavedPerWeek": h }))),
            proptest::collection::vec((0.0f64..60.0, 0.0f64..=1.0, 0.0f64..10.0), 0..4).prop_map(|cases| {
                let cases: Vec<Value> = cases
                    .iter()
                    .map(|(before, share, per_week)| {
                        json!({ "name": "Task", "minutesBefore": before, "minutesAfter": before * share, "perWeek": per_week })
                    })
                    .collect();
                Some(json!({ "useCases": cases }))
            }),
        ]
        .boxed()
    } else {
        proptest::option::of((0.0f64..=20.0).prop_map(|h| json!({ "hoursSavedPerWeek": h }))).boxed()
    };
    (
        "[A-Za-z ]{1,12}",
        0..BENCHMARKS.len(),
        0u64..5_000,
        prop_oneof![
            (1.0f64..300.0).prop_map(|h| json!({ "hourlyCost": h })),
            (10_000.0f64..400_000.0).prop_map(|a| json!({ "annualCost": a }))
        ],
        proptest::option::of(0.0f64..=1.0),
        hours,
    )
        .prop_map(|(name, benchmark, headcount, cost, rate, hours)| {
            let mut dept = json!({ "name": name, "benchmark": BENCHMARKS[benchmark], "headcount": headcount });
            let object = dept.as_object_mut().expect("an object");
            object.extend(cost.as_object().cloned().unwrap_or_default());
            object.extend(hours.and_then(|h| h.as_object().cloned()).unwrap_or_default());
            if let Some(rate) = rate {
                object.insert("activeRate".into(), json!(rate));
            }
            dept
        })
}

/// A scenario of 1 to 5 such departments, a horizon in `horizon` months, every setting and cost line,
/// and seats sometimes.
pub fn scenario(horizon: RangeInclusive<u32>, use_cases: bool) -> impl Strategy<Value = Value> {
    (
        (1.0f64..=52.0, 20.0f64..=80.0, horizon, 0.0f64..=1.0),
        (0.01f64..=1.0, 0.01f64..=1.0, proptest::option::of((0.01f64..=1.0, 1u32..=12))),
        proptest::collection::vec(department(use_cases), 1..6),
        (0.0f64..200_000.0, 0.0f64..5_000.0, 0.0f64..60.0, 0.0f64..20.0, proptest::option::of(0u64..20_000)),
    )
        .prop_map(|((weeks, hours, horizon, rate), (attribution, confidence, ramp), departments, costs)| {
            let (one_time, monthly, per_seat, training, seats) = costs;
            let mut scenario = json!({
                "version": 1, "weeksPerYear": weeks, "hoursPerWeek": hours, "horizonMonths": horizon, "discountRate": rate,
                "attribution": attribution, "confidence": confidence,
                "ramp": ramp.map(|(f, m)| json!({ "day30Factor": f, "fullByMonth": m })),
                "departments": departments,
                "costs": {
                    "oneTime": [ { "label": "Training", "amount": one_time } ],
                    "monthly": [ { "label": "Programme", "amount": monthly } ],
                    "perSeatMonthly": [ { "label": "Licence", "amount": per_seat } ],
                    "trainingHoursPerPerson": training
                },
            });
            if let Some(seats) = seats {
                scenario["seats"] = json!(seats);
            }
            scenario
        })
}
