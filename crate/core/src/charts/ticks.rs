//! Round tick values for a chart's axis: steps of 1, 2, 2.5 or 5 times a power of ten, so an axis
//! reads `$0 · $1M · $2M · $3M` rather than `$0 … $4,850,998`.

/// About `count` round steps covering `lo ..= hi`: from the largest multiple of the step at or below
/// `lo` to the smallest at or above `hi`, in order. Of the round steps between half and all of the
/// next round step above `(hi − lo) / count`, the one whose axis overshoots the range least, with at
/// most `count + count / 2` steps (larger on a tie): `0 … 2.03M` in about 4 steps is `0 … 2.5M` by
/// 0.5M, not `0 … 3M` by 1M, an axis a third empty. A degenerate or non-finite range gives `[0, 1]`
/// around its value, so a chart always has an axis.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if !(lo.is_finite() && hi.is_finite()) {
        return vec![0.0, 1.0];
    }
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        let base = lo.floor();
        return vec![base, base + 1.0];
    }
    let count = count.max(1);
    let raw = (hi - lo) / count as f64;
    let most = (count + count / 2) as f64;
    let largest = nice_step(raw);
    let power = 10f64.powf((raw / 2.0).log10().floor());
    // The candidates in increasing order, the largest first considered last so it wins ties.
    let mut step = largest;
    let mut span = f64::INFINITY;
    for scale in [power, power * 10.0] {
        for nice in [1.0, 2.0, 2.5, 5.0, 10.0] {
            let candidate = nice * scale;
            if candidate <= raw / 2.0 || candidate > largest * (1.0 + 1e-12) {
                continue;
            }
            let steps = (hi / candidate).ceil() - (lo / candidate).floor();
            let covered = steps * candidate;
            if steps <= most && covered <= span * (1.0 + 1e-12) {
                (step, span) = (candidate, covered);
            }
        }
    }
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    // At most a few dozen ticks: `count` steps, one more at each end for rounding. (`f64::clamp` would
    // bring its panic's float formatting into the WebAssembly build: docs/decisions.md, "Size".)
    #[allow(clippy::manual_clamp)]
    let steps = (last - first).max(1.0).min(1000.0) as u32;
    (0..=steps).map(|i| tidy((first + f64::from(i)) * step, step)).collect()
}

/// The round step (1, 2, 2.5 or 5 × 10ᵏ) nearest above `raw`.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = [1.0, 2.0, 2.5, 5.0].into_iter().find(|&n| fraction <= n).unwrap_or(10.0);
    nice * power
}

/// `value` without the float noise of `i × step` (0.30000000000000004 → 0.3; −0 → 0).
fn tidy(value: f64, step: f64) -> f64 {
    // One decimal more than the step's first significant digit (2.5 → tenths, 0.1 → hundredths).
    let scale = 10f64.powf((1.0 - step.log10().floor()).max(0.0));
    let rounded = (value * scale).round() / scale;
    if rounded == 0.0 { 0.0 } else { rounded }
}

#[cfg(test)]
mod tests {
    use super::nice_ticks;

    #[test]
    fn money_axis_of_the_default_scenario() {
        // 0 … 4,850,998 in about 5 steps: raw step 970,199.6 → 1,000,000; 0 … 5,000,000.
        assert_eq!(nice_ticks(0.0, 4_850_998.0, 5), vec![0.0, 1e6, 2e6, 3e6, 4e6, 5e6]);
    }

    #[test]
    fn negative_start_and_a_step_of_two_and_a_half() {
        // −60,000 … 150,000, 5 steps: raw 42,000 → 50,000; −100,000 … 150,000.
        assert_eq!(nice_ticks(-60_000.0, 150_000.0, 5), vec![-1e5, -5e4, 0.0, 5e4, 1e5, 1.5e5]);
        // 0 … 11 in about 5 steps: raw 2.2, round steps 2 (0 … 12, 6 steps) and 2.5 (0 … 12.5): 2
        // overshoots less.
        assert_eq!(nice_ticks(0.0, 11.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
        // 0 … 9 in about 4 steps: raw 2.25, round steps 2 (0 … 10 in 5) and 2.5 (0 … 10 in 4): a tie,
        // the larger.
        assert_eq!(nice_ticks(0.0, 9.0, 4), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
    }

    #[test]
    fn percent_axis_and_small_steps_without_float_noise() {
        // 166.7 … 1,905.7 in 4 steps: raw 434.75 → 500; 0 … 2,000.
        assert_eq!(nice_ticks(166.7, 1905.7, 4), vec![0.0, 500.0, 1000.0, 1500.0, 2000.0]);
        // 0 … 0.7 in 7 steps: 0.1 each, exactly.
        assert_eq!(nice_ticks(0.0, 0.7, 7), vec![0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    }

    #[test]
    fn the_step_that_leaves_the_axis_least_empty() {
        // 0 … 2,030,000 in about 4 steps: raw 507,500; round steps 500,000 (0 … 2.5M, 5 steps, ≤ 6)
        // and 1,000,000 (0 … 3M): the first overshoots by 0.47M, the second by 0.97M.
        assert_eq!(nice_ticks(0.0, 2_030_000.0, 4), vec![0.0, 5e5, 1e6, 1.5e6, 2e6, 2.5e6]);
        // The same range in about 3 steps (a phone's chart): 500,000 would take 5 steps, more than
        // 3 + 1, so 1,000,000: 0 … 3M.
        assert_eq!(nice_ticks(0.0, 2_030_000.0, 3), vec![0.0, 1e6, 2e6, 3e6]);
    }

    #[test]
    fn degenerate_ranges_still_give_an_axis() {
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, 3.0, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(10.0, 0.0, 5), nice_ticks(0.0, 10.0, 5));
    }
}
