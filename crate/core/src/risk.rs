//! The chance the programme pays off (docs/model.md#risk): a seeded Monte Carlo over the uncertain inputs, each
//! drawn from a triangular distribution (low, mode = expected, high), reported as percentiles of ROI.

use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::{Rng, SeedableRng};
use serde::Serialize;

use crate::model::Model;
use crate::projection::Annual;
use crate::uncertainty::Ranges;

/// The distribution of annual net ROI over the draws.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Risk {
    /// Draws made.
    pub draws: u64,
    /// 10th percentile of ROI %.
    pub p10: f64,
    /// Median ROI %.
    pub p50: f64,
    /// 90th percentile of ROI %.
    pub p90: f64,
    /// Mean ROI %.
    pub mean: f64,
    /// Share of draws with ROI > 0.
    pub probability_positive: f64,
}

/// `draws` draws from `seed`; `None` when there are no draws or no draw has a cost to measure ROI against.
pub fn simulate(model: &Model, ranges: &Ranges, draws: u64, seed: u64) -> Option<Risk> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut sample = model.clone();
    let mut rois = Vec::with_capacity(usize::try_from(draws).unwrap_or(0));
    for _ in 0..draws {
        ranges.set_all(model, &mut sample, |_, range| range.triangular(unit(&mut rng)));
        if let Some(roi) = Annual::of(&sample).roi_percent {
            rois.push(roi);
        }
    }
    if rois.is_empty() {
        return None;
    }
    rois.sort_unstable_by(f64::total_cmp);
    #[allow(clippy::cast_precision_loss)]
    let n = rois.len() as f64;
    #[allow(clippy::cast_precision_loss)]
    let positive = rois.iter().filter(|&&r| r > 0.0).count() as f64;
    Some(Risk {
        draws,
        p10: percentile(&rois, 0.10),
        p50: percentile(&rois, 0.50),
        p90: percentile(&rois, 0.90),
        mean: rois.iter().sum::<f64>() / n,
        probability_positive: positive / n,
    })
}

/// A uniform number in [0, 1) from the top 53 bits of the generator's output.
fn unit(rng: &mut Xoshiro256PlusPlus) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let top = (rng.next_u64() >> 11) as f64;
    top * (1.0 / (1u64 << 53) as f64)
}

/// The `q` quantile of sorted values, interpolating linearly between closest ranks.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    #[allow(clippy::cast_precision_loss)]
    let position = q * last as f64;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let below = position.floor() as usize;
    let above = (below + 1).min(last);
    sorted[below] + (sorted[above] - sorted[below]) * (position - position.floor())
}
