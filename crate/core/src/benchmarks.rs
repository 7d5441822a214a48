//! Department benchmarks: the Day-90 bands an organisation's figures are compared with.
//!
//! The built-in table is source 000's "typical ranges at Day 90" plus a derived `general` row for
//! departments the source does not cover. It is data, not code: embedders pass their own table, whose
//! rows replace built-in rows with the same key and add new ones.

use serde::Serialize;
use serde_json::Value;

use crate::fields::{FieldError, ObjectReader, Problems, check_version};

/// A low–high range with the value used when the user gives none.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Band {
    /// Lowest typical value.
    pub low: f64,
    /// The default value: the midpoint unless the source states otherwise.
    pub mid: f64,
    /// Highest typical value.
    pub high: f64,
}

impl Band {
    /// A band whose default is the arithmetic mean of its ends.
    pub fn new(low: f64, high: f64) -> Self {
        Self { low, mid: (low + high) / 2.0, high }
    }

    /// Where `value` falls relative to this band.
    pub fn status(&self, value: f64) -> BandStatus {
        if value < self.low {
            BandStatus::Below
        } else if value > self.high {
            BandStatus::Above
        } else {
            BandStatus::Within
        }
    }
}

/// Where a value falls relative to a benchmark band (ends inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum BandStatus {
    /// Under the band's low end.
    Below,
    /// Between the ends, inclusive.
    Within,
    /// Over the band's high end.
    Above,
}

impl BandStatus {
    /// The status as a word (`below`, `within`, `above`), as JSON writes it.
    pub fn word(self) -> &'static str {
        match self {
            Self::Below => "below",
            Self::Within => "within",
            Self::Above => "above",
        }
    }
}

/// One value against one band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Compared {
    /// The value used.
    pub value: f64,
    /// The band's low end.
    pub low: f64,
    /// The band's high end.
    pub high: f64,
    /// Where the value falls.
    pub status: BandStatus,
}

impl Compared {
    /// `value` placed in `band`.
    pub fn new(value: f64, band: Band) -> Self {
        Self { value, low: band.low, high: band.high, status: band.status(value) }
    }
}

/// One department's benchmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Benchmark {
    /// Stable key scenarios refer to (`engineering`).
    pub key: String,
    /// Name shown to people (`Engineering`).
    pub label: String,
    /// Share of the trained cohort actively using Claude at Day 90.
    pub active_rate: Band,
    /// Hours saved per active user per week at Day 90.
    pub hours_saved_per_week: Band,
}

/// The key of the fallback row used for departments without a benchmark of their own.
pub const GENERAL: &str = "general";

/// Longest benchmark key or label accepted.
const MAX_TEXT: usize = 80;
/// Most rows a custom table may hold.
const MAX_ROWS: usize = 200;

/// A set of department benchmarks, in display order; always contains [`GENERAL`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct BenchmarkTable {
    /// Document version, always 1.
    pub version: u32,
    /// The rows.
    pub benchmarks: Vec<Benchmark>,
}

impl Default for BenchmarkTable {
    /// Source 000's table (docs/model.md#benchmarks) and the derived `general` row: low = the 50% red-flag line,
    /// mid = the 70% target, high = the highest published top; hours = the general Day-90 band 5–8.
    fn default() -> Self {
        // Midpoints are the arithmetic means, written out so they print as the decimals people expect.
        let band = |low, mid, high| Band { low, mid, high };
        let row = |key: &str, label: &str, rate: Band, hours: Band| Benchmark {
            key: key.into(),
            label: label.into(),
            active_rate: rate,
            hours_saved_per_week: hours,
        };
        Self {
            version: 1,
            benchmarks: vec![
                row("engineering", "Engineering", band(0.80, 0.85, 0.90), band(6.0, 8.0, 10.0)),
                row("legal", "Legal", band(0.65, 0.725, 0.80), band(4.0, 5.5, 7.0)),
                row("marketing", "Marketing", band(0.75, 0.825, 0.90), band(5.0, 6.5, 8.0)),
                row("finance", "Finance", band(0.60, 0.675, 0.75), band(3.0, 4.5, 6.0)),
                row("sales", "Sales", band(0.70, 0.775, 0.85), band(3.0, 4.0, 5.0)),
                row(GENERAL, "Other / general", band(0.50, 0.70, 0.90), band(5.0, 6.5, 8.0)),
            ],
        }
    }
}

impl BenchmarkTable {
    /// The row with `key`, if any.
    pub fn get(&self, key: &str) -> Option<&Benchmark> {
        self.benchmarks.iter().find(|b| b.key == key)
    }

    /// The fallback row.
    pub fn general(&self) -> &Benchmark {
        // Every constructor keeps the general row, so this is only a guard.
        self.get(GENERAL).unwrap_or(&DEFAULT_GENERAL)
    }

    /// The keys, comma-separated, for error messages.
    pub fn keys(&self) -> String {
        self.benchmarks.iter().map(|b| b.key.as_str()).collect::<Vec<_>>().join(", ")
    }

    /// The built-in table with the rows of a custom table document laid over it
    /// (`{ "version": 1, "benchmarks": [ { key, label, activeRate: {low, mid?, high}, hoursSavedPerWeek } ] }`).
    pub fn with_overrides(custom: &Value) -> Result<Self, Vec<FieldError>> {
        let mut problems = Problems::default();
        let mut table = Self::default();
        if let Some(doc) = ObjectReader::new(custom, "", &["version", "benchmarks"], &mut problems) {
            check_version(&doc, &mut problems);
            doc.require("benchmarks", "a list of benchmark rows", &mut problems);
            let rows = doc.list("benchmarks", MAX_ROWS, &mut problems, read_row).unwrap_or_default();
            for row in rows {
                match table.benchmarks.iter_mut().find(|b| b.key == row.key) {
                    Some(existing) => *existing = row,
                    None => table.benchmarks.push(row),
                }
            }
        }
        if problems.is_empty() { Ok(table) } else { Err(problems.into_vec()) }
    }
}

/// `departments[i].benchmark` keys of a raw document that `table` does not know. It reads the document
/// itself, so the indices stay right even when another problem makes a reader drop a department.
pub fn unknown_department_benchmarks(document: &Value, table: &BenchmarkTable) -> Vec<FieldError> {
    let departments = document.get("departments").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    departments
        .iter()
        .enumerate()
        .filter_map(|(i, dept)| {
            let key = dept.get("benchmark")?.as_str()?;
            table.get(key).is_none().then(|| FieldError {
                path: format!("departments[{i}].benchmark"),
                message: format!("is not a known benchmark; use null or one of: {}", table.keys()),
            })
        })
        .collect()
}

static DEFAULT_GENERAL: Benchmark = Benchmark {
    key: String::new(),
    label: String::new(),
    active_rate: Band { low: 0.50, mid: 0.70, high: 0.90 },
    hours_saved_per_week: Band { low: 5.0, mid: 6.5, high: 8.0 },
};

fn read_row(value: &Value, path: &str, problems: &mut Problems) -> Option<Benchmark> {
    let row = ObjectReader::new(value, path, &["key", "label", "activeRate", "hoursSavedPerWeek"], problems)?;
    for key in ["key", "activeRate", "hoursSavedPerWeek"] {
        row.require(key, "every benchmark row needs it", problems);
    }
    let key = row.text("key", MAX_TEXT, problems);
    let label = row.text("label", MAX_TEXT, problems);
    let active_rate = read_band(&row, "activeRate", 1.0, "a share from 0 to 1", problems);
    let hours = read_band(&row, "hoursSavedPerWeek", 80.0, "hours from 0 to 80", problems);
    let key = key?;
    Some(Benchmark {
        label: label.unwrap_or_else(|| key.clone()),
        key,
        active_rate: active_rate?,
        hours_saved_per_week: hours?,
    })
}

fn read_band(row: &ObjectReader<'_>, key: &str, max: f64, rule: &str, problems: &mut Problems) -> Option<Band> {
    let band = ObjectReader::new(row.raw(key)?, &row.path_of(key), &["low", "mid", "high"], problems)?;
    band.require("low", rule, problems);
    band.require("high", rule, problems);
    let low = band.number_in("low", 0.0, max, rule, problems);
    let high = band.number_in("high", 0.0, max, rule, problems);
    let mid = band.number_in("mid", 0.0, max, rule, problems);
    let (low, high) = (low?, high?);
    if low > high {
        problems.add(&band.path_of("high"), "must not be below low");
        return None;
    }
    let mid = mid.unwrap_or((low + high) / 2.0);
    if !(low..=high).contains(&mid) {
        problems.add(&band.path_of("mid"), "must lie between low and high");
        return None;
    }
    Some(Band { low, mid, high })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn built_in_table_matches_source_000() {
        let table = BenchmarkTable::default();
        let eng = table.get("engineering").expect("engineering row");
        assert_eq!((eng.active_rate.low, eng.active_rate.mid, eng.active_rate.high), (0.80, 0.85, 0.90));
        assert_eq!(eng.hours_saved_per_week.mid, 8.0);
        for row in &table.benchmarks[..5] {
            let mean = Band::new(row.active_rate.low, row.active_rate.high);
            assert!((row.active_rate.mid - mean.mid).abs() < 1e-12, "{}", row.key);
            let mean = Band::new(row.hours_saved_per_week.low, row.hours_saved_per_week.high);
            assert!((row.hours_saved_per_week.mid - mean.mid).abs() < 1e-12, "{}", row.key);
        }
        assert_eq!(table.general().active_rate.mid, 0.70);
        assert_eq!(table.general().hours_saved_per_week.mid, 6.5);
    }

    #[test]
    fn status_ends_are_inclusive() {
        let band = Band::new(3.0, 6.0);
        assert_eq!(band.status(2.999), BandStatus::Below);
        assert_eq!(band.status(3.0), BandStatus::Within);
        assert_eq!(band.status(6.0), BandStatus::Within);
        assert_eq!(band.status(6.001), BandStatus::Above);
    }

    #[test]
    fn custom_rows_replace_and_extend() {
        let custom = json!({ "version": 1, "benchmarks": [
            { "key": "sales", "label": "Sales EMEA", "activeRate": { "low": 0.5, "high": 0.6 }, "hoursSavedPerWeek": { "low": 1, "high": 2 } },
            { "key": "hr", "activeRate": { "low": 0.4, "mid": 0.45, "high": 0.7 }, "hoursSavedPerWeek": { "low": 2, "high": 4 } }
        ]});
        let table = BenchmarkTable::with_overrides(&custom).expect("valid table");
        assert_eq!(table.get("sales").map(|b| b.label.as_str()), Some("Sales EMEA"));
        assert_eq!(table.get("hr").map(|b| b.active_rate.mid), Some(0.45));
        assert_eq!(table.benchmarks.len(), 7);
    }

    #[test]
    fn custom_table_errors_are_all_reported() {
        let custom = json!({ "version": 1, "benchmarks": [
            { "key": "x", "activeRate": { "low": 0.9, "high": 0.5 }, "hoursSavedPerWeek": { "low": -1, "high": 2 }, "extra": 1 }
        ]});
        let errors = BenchmarkTable::with_overrides(&custom).expect_err("invalid table");
        let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            ["benchmarks[0].extra", "benchmarks[0].activeRate.high", "benchmarks[0].hoursSavedPerWeek.low"]
        );
    }
}
