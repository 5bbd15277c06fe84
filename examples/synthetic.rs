//! Writes the synthetic data tree the benches use: the built-in states' files cloned under other ISO codes (and,
//! past the codes available, with their offenses repeated), `FACTOR` times the built-in data. Deterministic.
//!
//! `cargo run --release --example synthetic -- --factor 50 --out /tmp/cyberlex-50x`, then for instance
//! `/usr/bin/time -v target/release/examples/validate /tmp/cyberlex-50x` for the peak memory at 50x.

#[path = "../benches/synthetic/mod.rs"]
mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
#[command(about = "Write a synthetic data tree FACTOR times the size of the built-in data")]
struct Args {
    /// How many times the built-in data (1 to 100).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=100))]
    factor: u16,
    /// The directory to write `jurisdictions/*.yaml` into (created if missing; existing files are replaced).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let files = synthetic::synthetic(usize::from(args.factor));
    let mut bytes = 0usize;
    for (rel, text) in &files {
        let path = args.out.join(rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        bytes += text.len();
    }
    println!(
        "wrote {} files ({:.1} MB) under {}",
        files.len(),
        bytes as f64 / 1e6,
        args.out.display()
    );
    ExitCode::SUCCESS
}
