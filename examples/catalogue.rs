//! Lists the offenses in force on a date.
//!
//! `cargo run --example catalogue -- [--jurisdiction CODE]... [--date YYYY-MM-DD] [--data DIR] [--format table|csv|json]`

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cyberlex::report::csv_field;
use serde::Serialize;

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Parser)]
#[command(about = "List the offenses in force on a date, with citations, penalties and sources")]
struct Args {
    /// ISO code of a state (repeatable); all states when omitted.
    #[arg(long = "jurisdiction", short = 'j')]
    jurisdictions: Vec<String>,
    /// The date, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    /// A data tree laid over the built-in data.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    jurisdiction: &'a str,
    citation: &'a str,
    title: &'a str,
    title_original: &'a str,
    max_months: Option<u32>,
    max_months_aggravated: Option<u32>,
    fine_only_possible: bool,
    in_force_from: Option<cyberlex::Date>,
    in_force_to: Option<cyberlex::Date>,
    source: &'a str,
    checked: cyberlex::Date,
    verification: &'a str,
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
    let codes: Vec<String> = if args.jurisdictions.is_empty() {
        corpus
            .jurisdictions()
            .map(|j| j.code().to_string())
            .collect()
    } else {
        args.jurisdictions.clone()
    };
    let mut rows = Vec::new();
    for code in &codes {
        let list = match corpus.offenses_in_force(code, date) {
            Ok(l) => l,
            Err(e) => return common::fail(e),
        };
        for (o, v) in list {
            rows.push(Row {
                id: o.id().as_str(),
                jurisdiction: o.jurisdiction().as_str(),
                citation: o.citation(),
                title: &o.title().en,
                title_original: &o.title().original,
                max_months: v.penalty().max_months(),
                max_months_aggravated: v.penalty().max_months_aggravated(),
                fine_only_possible: v.penalty().fine_only_possible(),
                in_force_from: v.from(),
                in_force_to: v.to(),
                source: o.source(),
                checked: o.checked(),
                verification: o.verification().as_str(),
            });
        }
    }
    let opt = |m: Option<u32>| m.map(|m| m.to_string()).unwrap_or_default();
    let optd = |d: Option<cyberlex::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&rows) {
            Ok(s) => say!("{s}"),
            Err(e) => return common::fail(e),
        },
        Format::Csv => {
            say!(
                "id,jurisdiction,citation,title,max_months,max_months_aggravated,fine_only_possible,in_force_from,in_force_to,source,checked,verification"
            );
            for r in &rows {
                let f = [
                    r.id.to_owned(),
                    r.jurisdiction.to_owned(),
                    r.citation.to_owned(),
                    r.title.to_owned(),
                    opt(r.max_months),
                    opt(r.max_months_aggravated),
                    r.fine_only_possible.to_string(),
                    optd(r.in_force_from),
                    optd(r.in_force_to),
                    r.source.to_owned(),
                    r.checked.to_string(),
                    r.verification.to_owned(),
                ];
                say!(
                    "{}",
                    f.iter().map(|x| csv_field(x)).collect::<Vec<_>>().join(",")
                );
            }
        }
        Format::Table => {
            say!("Offenses in force on {date} ({} records)\n", rows.len());
            say!(
                "{:<28} {:<44} {:>5} {:>5}  {:<10} {:<13}",
                "id",
                "citation",
                "max",
                "aggr",
                "from",
                "verification"
            );
            for r in &rows {
                let cit: String = r.citation.chars().take(44).collect();
                say!(
                    "{:<28} {:<44} {:>5} {:>5}  {:<10} {:<13}",
                    r.id,
                    cit,
                    opt(r.max_months),
                    opt(r.max_months_aggravated),
                    optd(r.in_force_from),
                    r.verification
                );
            }
            say!(
                "\nmax/aggr: maximum custodial penalty in months (basic form / highest aggravated form); empty: none recorded."
            );
        }
    }
    ExitCode::SUCCESS
}
