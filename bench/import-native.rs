//! Times the CSV import natively on a generated data set (the same engine as the browser's worker, without
//! the chunk hand-over): `cargo run --release --example import-native -- DIR` where DIR holds roster.csv,
//! activity.csv and survey.csv (`make sample-data` writes one); a second argument names another activity
//! file of DIR to read instead (`activity.ndjson`, the JSON bench/import.mjs writes beside it).
use std::time::Instant;

use roi_core::BenchmarkTable;
use roi_core::import::{Dataset, FileKind, ImportOptions};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/sample-data".into());
    let activity_file = std::env::args().nth(2).unwrap_or_else(|| "activity.csv".into());
    let read = |name: &str| std::fs::read(format!("{dir}/{name}")).unwrap_or_default();
    let (roster, activity, survey) = (read("roster.csv"), read(&activity_file), read("survey.csv"));
    let mut times = Vec::new();
    for _ in 0..7 {
        let started = Instant::now();
        let mut data = Dataset::default();
        let steps = [(FileKind::Roster, &roster), (FileKind::Activity, &activity), (FileKind::Survey, &survey)];
        let mut split = Vec::new();
        for (kind, bytes) in steps {
            let t = Instant::now();
            if let Err(problem) = data.read(Some(kind), bytes.as_slice()) {
                eprintln!("{kind:?}: {}", problem.message);
            }
            split.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let t = Instant::now();
        let measured =
            data.measure(&ImportOptions { checkpoint_day: 30, ..ImportOptions::default() }, &BenchmarkTable::default());
        split.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(measured.is_ok());
        times.push((started.elapsed().as_secs_f64() * 1e3, split));
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (total, split) = &times[times.len() / 2];
    println!(
        "median {total:.1} ms: roster {:.1}, activity {:.1}, survey {:.1}, measure {:.1} ms",
        split[0], split[1], split[2], split[3]
    );
}
