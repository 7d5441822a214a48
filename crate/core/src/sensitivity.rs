//! Which assumption matters most (docs/model.md#sensitivity): the annual ROI with each uncertain input at its low and
//! at its high end, every other input expected, ranked by swing — the data of a tornado chart.

use serde::Serialize;

use crate::model::{Contribution, Model};
use crate::uncertainty::{Ranges, annual_with};

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Sensitivity {
    /// The input, as the path of its scenario field (`costs` for the total cost).
    pub input: String,
    /// The input's low value.
    pub low: f64,
    /// The input's high value.
    pub high: f64,
    /// Annual net ROI % with the input low; null without cost.
    pub roi_at_low: Option<f64>,
    /// Annual net ROI % with the input high; null without cost.
    pub roi_at_high: Option<f64>,
    /// |roiAtHigh − roiAtLow|, 0 when either is null.
    pub swing: f64,
}

/// The ranking, largest swing first, and — in [`Ranges::iter`] order — whether each input's low end
/// gives the lower annual net benefit.
pub fn rank(model: &Model, ranges: &Ranges) -> (Vec<Sensitivity>, Vec<bool>) {
    let contributions: Vec<Contribution> = model.departments.iter().map(|d| model.contribution(d)).collect();
    let total = contributions.iter().copied().fold(Contribution::default(), |a, b| a + b);
    let mut bars = Vec::new();
    let mut directions = Vec::new();
    for (input, range) in ranges.iter() {
        let at_low = annual_with(model, ranges, (&contributions, total), input, range.low);
        let at_high = annual_with(model, ranges, (&contributions, total), input, range.high);
        directions.push(at_low.net_benefit <= at_high.net_benefit);
        let swing = match (at_low.roi_percent, at_high.roi_percent) {
            (Some(lo), Some(hi)) => (hi - lo).abs(),
            _ => 0.0,
        };
        bars.push(Sensitivity {
            input: input.path(),
            low: range.low,
            high: range.high,
            roi_at_low: at_low.roi_percent,
            roi_at_high: at_high.roi_percent,
            swing,
        });
    }
    // Largest swing first; equal swings keep the inputs' order.
    let order = crate::order::largest_first(&bars.iter().map(|bar| bar.swing).collect::<Vec<_>>());
    let mut bars: Vec<Option<Sensitivity>> = bars.into_iter().map(Some).collect();
    (order.into_iter().filter_map(|i| bars.get_mut(i)?.take()).collect(), directions)
}
