//! The gap report: article-by-article coverage of each state's law against an instrument.
//!
//! `cargo run --release --example gap_report -- [--jurisdiction CODE]... [--instrument ID] [--date YYYY-MM-DD]
//!  [--data DIR] [--part offenses|procedural|all] [--format md|csv|json|svg|dot]`

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
    Svg,
    Dot,
}

#[derive(Parser)]
#[command(
    about = "Coverage of each state's law against a treaty, article by article, with reasons and advice"
)]
struct Args {
    /// ISO code of a state (repeatable); all states when omitted.
    #[arg(long = "jurisdiction", short = 'j')]
    jurisdictions: Vec<String>,
    /// The instrument (a file stem of data/instruments/).
    #[arg(long, default_value = "budapest")]
    instrument: String,
    /// The date of the law, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    /// A data tree laid over the built-in data.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Which articles: the offense articles, the procedural ones (powers and channels), or all.
    #[arg(long, default_value = "all")]
    part: cyberlex::Part,
    /// Output format; `dot` prints one Graphviz digraph per state.
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
    let (corpus, date) = match common::setup(args.data.as_ref(), args.date.as_deref()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let instrument = match corpus.instrument(&args.instrument) {
        Ok(i) => i,
        Err(e) => return common::fail(e),
    };
    let codes: Vec<String> = if args.jurisdictions.is_empty() {
        corpus
            .jurisdictions()
            .map(|j| j.code().to_string())
            .collect()
    } else {
        args.jurisdictions.clone()
    };
    let mut reports = Vec::new();
    for code in &codes {
        match corpus.coverage_part(code, &args.instrument, date, args.part) {
            Ok(r) => reports.push(r),
            Err(e) => return common::fail(e),
        }
    }
    let out = match args.format {
        Format::Md => report::coverage_markdown(corpus, &reports),
        Format::Csv => report::coverage_csv(&reports),
        Format::Json => report::coverage_json(&reports, instrument.id(), date),
        Format::Svg => report::coverage_svg(&reports, instrument.short_title()),
        Format::Dot => reports
            .iter()
            .map(|r| report::mapping_dot(corpus, r))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    say_raw!("{out}");
    ExitCode::SUCCESS
}
