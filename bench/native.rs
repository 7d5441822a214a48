//! Times the engine's core natively (no JavaScript, no JSON): `cargo bench --bench native`.
//!
//! Each case runs in batches after a warm-up; the table shows the median and 95th percentile of the
//! per-call time over 41 batches. Compare with bench/engine.mjs, which times the same cases through
//! the WebAssembly boundary in Chromium (bench/run.mjs, `make bench`, reads this table).

use std::hint::black_box;
use std::time::Instant;

use roi_core::scenario::Department;
use roi_core::{BenchmarkTable, Scenario, evaluate};

fn scenario(departments: usize, draws: u64) -> Scenario {
    let mut scenario = Scenario::default();
    scenario.uncertainty.draws = draws;
    let keys = ["engineering", "legal", "marketing", "finance", "sales"];
    scenario.departments = (0..departments)
        .map(|i| Department {
            name: format!("Department {}", i + 1),
            benchmark: Some(keys[i % 5].into()),
            headcount: 20 + (i as u64 % 7) * 10,
            hourly_cost: Some(60.0 + (i % 4) as f64 * 15.0),
            ..Scenario::default().departments[0].clone()
        })
        .collect();
    scenario
}

fn draws(draws: u64) -> Scenario {
    let mut scenario = Scenario::default();
    scenario.uncertainty.draws = draws;
    scenario
}

fn main() {
    let table = BenchmarkTable::default();
    let cases = [
        ("default scenario, 10,000 draws", Scenario::default(), 5),
        ("default scenario, 100,000 draws", draws(100_000), 1),
        ("5 departments, no draws", scenario(5, 0), 2_000),
        ("50 departments, no draws", scenario(50, 0), 200),
        ("500 departments, no draws", scenario(500, 0), 20),
    ];
    println!("{:36} {:>10} {:>10}", "evaluate(), native core", "median", "p95");
    for (name, scenario, batch) in cases {
        let run = || black_box(evaluate(black_box(&scenario), &table));
        for _ in 0..batch {
            let _ = run();
        }
        let mut samples: Vec<f64> = (0..41)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..batch {
                    let _ = run();
                }
                start.elapsed().as_secs_f64() / f64::from(batch)
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        let show = |s: f64| if s < 1e-3 { format!("{:.1} µs", s * 1e6) } else { format!("{:.2} ms", s * 1e3) };
        println!("{name:36} {:>10} {:>10}", show(samples[20]), show(samples[38]));
    }
}
