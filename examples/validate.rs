//! Validates a data tree laid over the built-in data (or the built-in data alone).
//!
//! `cargo run --example validate -- [DIR] [--hide-builtin]`: the problems in DIR's files first; exit 0 and a summary when valid; exit 1 and one diagnostic per problem,
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
    /// A data tree (elements.yaml, instruments/*.yaml, jurisdictions/*.yaml, bases/*.yaml, nationality/*.yaml, powers/*.yaml); omit
    /// to check the built-in data.
    dir: Option<PathBuf>,
    /// With DIR: show only the problems in DIR's files (the built-in data's own warnings are hidden).
    #[arg(long, requires = "dir")]
    hide_builtin: bool,
}

/// Whether a diagnostic concerns the user's tree: its path is under DIR, or it names a jurisdiction file of DIR's.
fn is_users(d: &cyberlex::Diagnostic, dir: &std::path::Path, mine: &[String]) -> bool {
    let p = d.path();
    p.starts_with(&dir.display().to_string()) || mine.iter().any(|m| p == m)
}

fn main() -> ExitCode {
    run(std::env::args_os())
}

/// The program with its arguments (the first is the program's name), as `main` and the `cyberlex` command call it.
pub fn run<I, T>(argv: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args = Args::parse_from(argv);
    let result = match &args.dir {
        None => Corpus::builder().builtin().build(),
        Some(d) => Corpus::load_dir_over_builtin(d),
    };
    // The jurisdiction files of the user's tree, as the loader's later checks name them (`jurisdictions/cc.yaml`).
    let mine: Vec<String> = args
        .dir
        .as_ref()
        .and_then(|d| std::fs::read_dir(d.join("jurisdictions")).ok())
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| format!("jurisdictions/{}", e.file_name().to_string_lossy()))
                .collect()
        })
        .unwrap_or_default();
    // The user's problems first, then the built-in data's (or none with --hide-builtin).
    let order = |diags: &[cyberlex::Diagnostic]| -> Vec<String> {
        let Some(dir) = &args.dir else {
            return diags.iter().map(ToString::to_string).collect();
        };
        let (theirs, builtin): (Vec<_>, Vec<_>) =
            diags.iter().partition(|d| is_users(d, dir, &mine));
        let mut out: Vec<String> = theirs.iter().map(ToString::to_string).collect();
        if args.hide_builtin {
            if !builtin.is_empty() {
                out.push(format!(
                    "({} notes and warnings on the built-in data hidden)",
                    builtin.len()
                ));
            }
        } else {
            out.extend(builtin.iter().map(ToString::to_string));
        }
        out
    };
    match result {
        Ok(c) => {
            for d in order(c.diagnostics()) {
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
            for d in order(e.diagnostics()) {
                say!("{d}");
            }
            let n = e.errors().count();
            eprintln!("invalid: {n} error{}", if n == 1 { "" } else { "s" });
            ExitCode::from(common::EXIT_DATA)
        }
    }
}
