// Small statistics shared by the benchmarks. Timings on a noisy machine are summarised by their median
// and spread (min–max, p95), never by a mean.

/** The q-quantile (0 < q ≤ 1) of an ascending array, by the nearest-rank method. */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The median (middle element; the mean of the two middle ones for an even count) of any array. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { n, median, p95, min, max } of `values` (any order). */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, median: median(sorted), p95: quantile(sorted, 0.95), min: sorted[0], max: sorted.at(-1) };
}

/** A duration in ms as people read it: "350 µs", "3.21 ms", "1.08 s". */
export function duration(ms) {
  if (ms == null || Number.isNaN(ms)) return '—';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.1 ? 1 : 0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
