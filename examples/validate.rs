//! Validates a data tree laid over the built-in data (or the built-in data alone).
//!
//! `cargo run --example validate -- [DIR]`: exit 0 and a summary when valid; exit 1 and one diagnostic per problem,
//! each line beginning `PATH:LINE:COLUMN: `, when not.

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use cyberlex::{Corpus, Severity};

#[derive(Parser)]
#[command(
    about = "Validate cyberlex data: a DIR laid out like data/ is loaded over the built-in data"
)]
struct Args {
    /// A data tree (elements.yaml, instruments/*.yaml, jurisdictions/*.yaml); omit to check the built-in data.
    dir: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match &args.dir {
        None => Corpus::builder().builtin().build(),
        Some(d) => Corpus::load_dir_over_builtin(d),
    };
    match result {
        Ok(c) => {
            for d in c.diagnostics() {
                say!("{d}");
            }
            let offenses: usize = c.jurisdictions().map(|j| j.offenses().len()).sum();
            let versions: usize = c
                .jurisdictions()
                .flat_map(|j| j.offenses())
                .map(|o| o.versions().len())
                .sum();
            let unverified = c
                .jurisdictions()
                .flat_map(|j| j.offenses())
                .filter(|o| o.verification() == cyberlex::Verification::Unverified)
                .count();
            let warnings = c
                .diagnostics()
                .iter()
                .filter(|d| d.severity() == Severity::Warning)
                .count();
            say!(
                "valid: {} elements, {} instruments, {} jurisdictions, {offenses} offenses ({versions} versions, {unverified} unverified), {warnings} warnings",
                c.elements().len(),
                c.instruments().count(),
                c.jurisdictions().count()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            for d in e.diagnostics() {
                say!("{d}");
            }
            let n = e.errors().count();
            eprintln!("invalid: {n} error{}", if n == 1 { "" } else { "s" });
            ExitCode::from(common::EXIT_DATA)
        }
    }
}
