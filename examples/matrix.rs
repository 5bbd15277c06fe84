//! Dual criminality for every ordered pair of states, for one conduct and procedure.
//!
//! `cargo run --example matrix -- (--fact ELEMENT[=true|false]... | --article ID) --procedure P [--instrument ID]
//!  [--jurisdiction CODE]... [--date D] [--data DIR] [--format md|csv|json|svg]`

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cyberlex::report;
use cyberlex::{Conduct, JurisdictionCode, Procedure};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Csv,
    Json,
    Svg,
}

#[derive(Parser)]
#[command(about = "Dual-criminality matrix over every ordered pair of states")]
struct Args {
    /// A fact: ELEMENT or ELEMENT=true|false (repeatable).
    #[arg(long)]
    fact: Vec<String>,
    /// An article of the instrument: its first conduct variant's elements are the conduct (the article's minimal conduct).
    #[arg(long, conflicts_with = "fact")]
    article: Option<String>,
    /// The instrument the article belongs to.
    #[arg(long, default_value = "budapest")]
    instrument: String,
    /// extradition, mla, preservation or eaw.
    #[arg(long, default_value = "extradition")]
    procedure: String,
    /// Limit to these states (repeatable).
    #[arg(long = "jurisdiction", short = 'j')]
    jurisdictions: Vec<String>,
    /// The date (default: today).
    #[arg(long)]
    date: Option<String>,
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
    let procedure: Procedure = match args.procedure.parse() {
        Ok(p) => p,
        Err(e) => return common::fail(e),
    };
    let (corpus, date) = match common::setup(args.data.as_ref(), args.date.as_deref()) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let (conduct, what) = if let Some(a) = &args.article {
        let inst = match corpus.instrument(&args.instrument) {
            Ok(i) => i,
            Err(e) => return common::fail(e),
        };
        let art = match corpus.article(&args.instrument, a) {
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
            format!(
                "{} Art. {} ({}), variant {}",
                inst.short_title(),
                art.number(),
                art.title(),
                v.id()
            ),
        )
    } else {
        match common::facts(corpus, &args.fact) {
            Ok(c) => (c, format!("the facts {}", args.fact.join(", "))),
            Err(code) => return code,
        }
    };
    let codes: Vec<JurisdictionCode> = if args.jurisdictions.is_empty() {
        corpus.jurisdictions().map(|j| j.code().clone()).collect()
    } else {
        let mut v = Vec::new();
        for c in &args.jurisdictions {
            match corpus.jurisdiction(c) {
                Ok(j) => v.push(j.code().clone()),
                Err(e) => return common::fail(e),
            }
        }
        v
    };
    let (cells, answers) = match common::all_pairs(corpus, &codes, procedure, &conduct, date) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let title = format!("Dual criminality ({}) for {what}", procedure.as_str());
    let out = match args.format {
        Format::Md => report::matrix_markdown(&title, &codes, &cells),
        Format::Csv => report::matrix_csv(&cells),
        Format::Json => serde_json::to_string_pretty(&serde_json::json!({
            "procedure": procedure.as_str(),
            "conduct": what,
            "date": date.to_string(),
            "cells": cells,
            "answers": answers,
        }))
        .unwrap_or_default(),
        Format::Svg => report::matrix_svg(
            &title,
            &format!(
                "Law in force on {date}; rows request, columns are requested. Computed by cyberlex."
            ),
            &codes,
            &cells,
        ),
    };
    say_raw!("{out}");
    ExitCode::SUCCESS
}
