//! Writes a generated sample data set (roster.csv, activity.csv, survey.csv) for the import benchmark
//! and for trying the import by hand:
//!
//!   cargo run --release --example sample-data -- --people 10000 --days 120 --seed 1 --out DIR

use std::path::PathBuf;
use std::process::ExitCode;

use roi_core::sample::{SampleOptions, generate};

const USAGE: &str = "usage: sample-data [--people N] [--days N] [--seed N] --out DIR";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sample-data: {message}\n{USAGE}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut options = SampleOptions { people: 10_000, days: 120, seed: 1 };
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || value.parse::<u64>().map_err(|_| format!("{flag}: not a whole number: {value}"));
        match flag.as_str() {
            "--people" => options.people = usize::try_from(number()?).map_err(|e| e.to_string())?,
            "--days" => options.days = u32::try_from(number()?).map_err(|e| e.to_string())?,
            "--seed" => options.seed = number()?,
            "--out" => out = Some(PathBuf::from(&value)),
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    let out = out.ok_or("--out is required")?;
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let started = std::time::Instant::now();
    let files = generate(&options);
    let elapsed = started.elapsed();
    for (name, text) in
        [("roster.csv", &files.roster), ("activity.csv", &files.activity), ("survey.csv", &files.survey)]
    {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let rows = text.bytes().filter(|&b| b == b'\n').count().saturating_sub(1);
        println!("{:<50} {rows:>10} rows {:>12} bytes", path.display(), text.len());
    }
    println!(
        "people {}, days {}, seed {}: generated in {:.2} s",
        options.people,
        options.days,
        options.seed,
        elapsed.as_secs_f64()
    );
    Ok(())
}
