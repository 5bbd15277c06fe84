//! Can the requesting state get what it asks for? The legal basis that governs a request between two states on a date,
//! dual criminality under that basis's own rule, the bars (the person's nationality first), and the requested state's
//! duties if it refuses.
//!
//! `cargo run --example cooperation -- --from CODE --to CODE --procedure extradition|mla|preservation
//!  (--offense ID | --fact ELEMENT[=true|false]...) [--date YYYY-MM-DD] [--nationality CODE] [--as-stated]
//!  [--data DIR] [--format text|json]`
//!
//! All pairs: `cargo run --example cooperation -- --all-pairs --procedure P (--article ID | --fact ...)
//!  [--jurisdiction CODE]... [--date D] [--person unknown|third-state|requested] [--format md|csv|json|svg]`
//!
//! Exit 0 whatever the outcome; exit 2 with a clear error for an unknown state, nationality, offense, element or
//! procedure.

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cyberlex::{
    Conduct, CooperationProcedure, CooperationRequest, JurisdictionCode, MatrixPerson, Reading,
    report,
};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Md,
    Csv,
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum Person {
    /// Nationality not given: bars on nationals are conditions.
    Unknown,
    /// A national of neither state.
    ThirdState,
    /// A national of the requested state in each cell.
    Requested,
}

#[derive(Parser)]
#[command(
    about = "The legal basis that governs a request between two states, dual criminality under it, and what bars the request"
)]
struct Args {
    /// The requesting state.
    #[arg(long, required_unless_present = "all_pairs")]
    from: Option<String>,
    /// The requested state.
    #[arg(long, required_unless_present = "all_pairs")]
    to: Option<String>,
    /// Every ordered pair of states (or of the states given with --jurisdiction): outcome and governing basis.
    #[arg(long, conflicts_with_all = ["from", "to", "offense", "nationality"])]
    all_pairs: bool,
    /// With --all-pairs: limit to these states (repeatable).
    #[arg(long = "jurisdiction", short = 'j')]
    jurisdictions: Vec<String>,
    /// With --all-pairs: the conduct is this Budapest article's first conduct variant.
    #[arg(long, conflicts_with = "fact")]
    article: Option<String>,
    /// With --all-pairs: whose national the person is in each cell.
    #[arg(long, value_enum, default_value = "third-state")]
    person: Person,
    /// extradition (or surrender), mla or preservation.
    #[arg(long)]
    procedure: String,
    /// Take the conduct from an offense of the requesting state (its elements known true).
    #[arg(long, conflicts_with = "fact")]
    offense: Option<String>,
    /// A fact: ELEMENT (known true) or ELEMENT=true|false (repeatable).
    #[arg(long)]
    fact: Vec<String>,
    /// The date of the request (default: today).
    #[arg(long)]
    date: Option<String>,
    /// The person's nationality (ISO 3166-1 alpha-2); not given, a bar on nationals is named as a condition.
    #[arg(long)]
    nationality: Option<String>,
    /// Read the conduct as stated: facts not given are absent.
    #[arg(long)]
    as_stated: bool,
    /// A data tree laid over the built-in data.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
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
    let procedure: CooperationProcedure = match args.procedure.parse() {
        Ok(p) => p,
        Err(e) => return common::fail(e),
    };
    let (corpus, date) = match common::setup(args.data.as_ref(), args.date.as_deref()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if args.all_pairs {
        return all_pairs(corpus, &args, procedure, date);
    }
    let (Some(from), Some(to)) = (args.from.as_deref(), args.to.as_deref()) else {
        return common::fail("give --from and --to, or --all-pairs");
    };
    let conduct = if let Some(id) = &args.offense {
        if !id
            .to_ascii_uppercase()
            .starts_with(&format!("{}/", from.trim().to_ascii_uppercase()))
        {
            return common::fail(format!(
                "offense `{id}` is not an offense of the requesting state `{from}`"
            ));
        }
        match Conduct::from_offense(corpus, id, date) {
            Ok(c) => c,
            Err(e) => return common::fail(e),
        }
    } else {
        match common::facts(corpus, &args.fact) {
            Ok(c) => c,
            Err(code) => return code,
        }
    };
    let mut req = CooperationRequest::new(from, to, procedure, conduct).date(date);
    if let Some(n) = &args.nationality {
        req = req.nationality(n);
    }
    if args.as_stated {
        req = req.as_stated();
    }
    let answer = match corpus.cooperation(&req) {
        Ok(a) => a,
        Err(e) => return common::fail(e),
    };
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&answer) {
            Ok(s) => say!("{s}"),
            Err(e) => return common::fail(e),
        },
        _ => say_raw!("{answer}"),
    }
    ExitCode::SUCCESS
}

fn all_pairs(
    corpus: &'static cyberlex::Corpus,
    args: &Args,
    procedure: CooperationProcedure,
    date: cyberlex::Date,
) -> ExitCode {
    let (conduct, what) = if let Some(a) = &args.article {
        let art = match corpus.article("budapest", a) {
            Ok(x) => x,
            Err(e) => return common::fail(e),
        };
        let Some(v) = art.variants().first() else {
            return common::fail(format!("article {a} has no conduct variant"));
        };
        let mut c = Conduct::new().fact(v.act().as_str(), true);
        for r in v.requires() {
            c = c.fact(r.as_str(), true);
        }
        (
            c,
            format!("Budapest Art. {} ({})", art.number(), art.title()),
        )
    } else if args.fact.is_empty() {
        return common::fail("give the conduct: --article ID or --fact ELEMENT ...");
    } else {
        match common::facts(corpus, &args.fact) {
            Ok(c) => (c, format!("the facts {}", args.fact.join(", "))),
            Err(code) => return code,
        }
    };
    let mut codes: Vec<JurisdictionCode> = Vec::new();
    for c in &args.jurisdictions {
        match corpus.jurisdiction(c) {
            Ok(j) => codes.push(j.code().clone()),
            Err(e) => return common::fail(e),
        }
    }
    if codes.is_empty() {
        codes = corpus.jurisdictions().map(|j| j.code().clone()).collect();
    }
    let person = match args.person {
        Person::Unknown => MatrixPerson::Unknown,
        Person::ThirdState => MatrixPerson::ThirdState,
        Person::Requested => MatrixPerson::RequestedStateNational,
    };
    let reading = if args.as_stated {
        Reading::AsStated
    } else {
        Reading::Open
    };
    let cells = match corpus.cooperation_matrix(&codes, procedure, &conduct, date, person, reading)
    {
        Ok(c) => c,
        Err(e) => return common::fail(e),
    };
    let who = match args.person {
        Person::Unknown => "nationality not given",
        Person::ThirdState => "the person a national of neither state",
        Person::Requested => "the person a national of the requested state",
    };
    let title = format!("Cooperation ({}) for {what}", procedure.as_str());
    let out = match args.format {
        Format::Md | Format::Text => report::cooperation_markdown(&title, &codes, &cells),
        Format::Csv => report::cooperation_csv(&cells),
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({
            "procedure": procedure.as_str(),
            "conduct": what,
            "date": date.to_string(),
            "person": who,
            "cells": cells,
        }))
        .unwrap_or_default(),
        Format::Svg => report::cooperation_svg(
            &title,
            &format!(
                "On {date}, {who}; rows request, columns are requested. Computed by cyberlex."
            ),
            &codes,
            &cells,
        ),
    };
    say_raw!("{out}");
    ExitCode::SUCCESS
}
