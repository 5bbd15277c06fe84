//! Can the requesting state get what it asks for? The legal basis that governs a request between two states on a date,
//! dual criminality under that basis's own rule, the bars (the person's nationality first), and the requested state's
//! duties if it refuses.
//!
//! `cargo run --example cooperation -- --from CODE --to CODE --procedure extradition|mla|preservation
//!  (--offense ID | --fact ELEMENT[=true|false]...) [--date YYYY-MM-DD] [--nationality CODE] [--as-stated]
//!  [--data DIR] [--format text|json]`
//!
//! Exit 0 whatever the outcome; exit 2 with a clear error for an unknown state, nationality, offense, element or
//! procedure.

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cyberlex::{Conduct, CooperationProcedure, CooperationRequest};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Parser)]
#[command(
    about = "The legal basis that governs a request between two states, dual criminality under it, and what bars the request"
)]
struct Args {
    /// The requesting state.
    #[arg(long)]
    from: String,
    /// The requested state.
    #[arg(long)]
    to: String,
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
    let args = Args::parse();
    let procedure: CooperationProcedure = match args.procedure.parse() {
        Ok(p) => p,
        Err(e) => return common::fail(e),
    };
    let (corpus, date) = match common::setup(args.data.as_ref(), args.date.as_deref()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let conduct = if let Some(id) = &args.offense {
        if !id
            .to_ascii_uppercase()
            .starts_with(&format!("{}/", args.from.trim().to_ascii_uppercase()))
        {
            return common::fail(format!(
                "offense `{id}` is not an offense of the requesting state `{}`",
                args.from
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
    let mut req = CooperationRequest::new(&args.from, &args.to, procedure, conduct).date(date);
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
        Format::Text => say_raw!("{answer}"),
        Format::Json => match serde_json::to_string_pretty(&answer) {
            Ok(s) => say!("{s}"),
            Err(e) => return common::fail(e),
        },
    }
    ExitCode::SUCCESS
}
