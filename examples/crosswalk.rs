//! Which article of one instrument corresponds to which of another, derived from shared elements.
//!
//! `cargo run --example crosswalk -- --from ID --to ID [--data DIR] [--format md|csv|json]`

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cyberlex::report;

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Csv,
    Json,
}

#[derive(Parser)]
#[command(
    about = "Crosswalk between two instruments, computed from the elements of their articles"
)]
struct Args {
    /// The first instrument (a file stem of data/instruments/).
    #[arg(long, default_value = "budapest")]
    from: String,
    /// The second instrument.
    #[arg(long)]
    to: String,
    /// A data tree laid over the built-in data.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
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
    let corpus = match common::load(args.data.as_ref()) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let cw = match corpus.crosswalk(&args.from, &args.to) {
        Ok(c) => c,
        Err(e) => return common::fail(e),
    };
    let out = match args.format {
        Format::Md => report::crosswalk_markdown(corpus, &cw),
        Format::Csv => report::crosswalk_csv(&cw),
        Format::Json => serde_json::to_string_pretty(&cw).unwrap_or_default() + "\n",
    };
    say_raw!("{out}");
    ExitCode::SUCCESS
}
