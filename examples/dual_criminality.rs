//! Is dual criminality satisfied for a conduct, between two states, under a procedure's rule, on a date?
//!
//! `cargo run --example dual_criminality -- --from CODE --to CODE (--offense ID | --fact ELEMENT[=true|false]...)
//!  --procedure extradition|mla|preservation|eaw [--date YYYY-MM-DD] [--conduct-date D] [--request-date D]
//!  [--threshold-months N] [--as-stated] [--data DIR] [--format text|json]`
//!
//! Exit 0 whatever the verdict; exit 2 with a clear error for an unknown state, offense, element or procedure.

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cyberlex::{Conduct, DualCriminalityRequest, Procedure};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Parser)]
#[command(
    about = "Dual criminality between two states for a conduct, with the reasons and the facts that would decide an open answer"
)]
struct Args {
    /// The requesting (issuing) state.
    #[arg(long)]
    from: String,
    /// The requested (executing) state.
    #[arg(long)]
    to: String,
    /// Take the conduct from an offense of the requesting state (its elements known true).
    #[arg(long, conflicts_with = "fact")]
    offense: Option<String>,
    /// A fact: ELEMENT (known true) or ELEMENT=true|false (repeatable).
    #[arg(long)]
    fact: Vec<String>,
    /// extradition, mla, preservation or eaw.
    #[arg(long)]
    procedure: String,
    /// The date of the question (default: today).
    #[arg(long)]
    date: Option<String>,
    /// The date of the conduct: each state's law as in force on it.
    #[arg(long)]
    conduct_date: Option<String>,
    /// The date of the request: treaty status on it.
    #[arg(long)]
    request_date: Option<String>,
    /// Penalty threshold in months set by a treaty between the parties (Budapest Art. 24(1)(b)).
    #[arg(long)]
    threshold_months: Option<u32>,
    /// Read the conduct as stated, as a court reads the conduct a request alleges: facts not given are absent, the
    /// verdict settles, and the answer lists what would change it.
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
    let procedure: Procedure = match args.procedure.parse() {
        Ok(p) => p,
        Err(e) => return common::fail(e),
    };
    let (corpus, date) = match common::setup(args.data.as_ref(), args.date.as_deref()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let conduct_date = match args
        .conduct_date
        .as_deref()
        .map(|d| common::date(Some(d)))
        .transpose()
    {
        Ok(d) => d,
        Err(code) => return code,
    };
    let request_date = match args
        .request_date
        .as_deref()
        .map(|d| common::date(Some(d)))
        .transpose()
    {
        Ok(d) => d,
        Err(code) => return code,
    };
    let conduct = if let Some(id) = &args.offense {
        if !id
            .to_ascii_uppercase()
            .starts_with(&format!("{}/", args.from.to_ascii_uppercase()))
        {
            return common::fail(format!(
                "offense `{id}` is not an offense of the requesting state `{}`",
                args.from
            ));
        }
        match Conduct::from_offense(corpus, id, conduct_date.unwrap_or(date)) {
            Ok(c) => c,
            Err(e) => return common::fail(e),
        }
    } else {
        match common::facts(corpus, &args.fact) {
            Ok(c) => c,
            Err(code) => return code,
        }
    };
    let mut req = DualCriminalityRequest::new(&args.from, &args.to, procedure, conduct).date(date);
    if let Some(d) = conduct_date {
        req = req.conduct_date(d);
    }
    if let Some(d) = request_date {
        req = req.request_date(d);
    }
    if let Some(t) = args.threshold_months {
        req = req.threshold_months(t);
    }
    if args.as_stated {
        req = req.as_stated();
    }
    let answer = match corpus.dual_criminality(&req) {
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
