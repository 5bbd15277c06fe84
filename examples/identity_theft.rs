//! Identity theft: which built-in states criminalise a typical identity-theft conduct as such, which only through
//! general offenses, which not at all; and the dual-criminality matrix for that conduct under extradition and mutual
//! legal assistance, with the provisions each cell rests on.
//!
//! `cargo run --example identity_theft -- [--date YYYY-MM-DD] [--data DIR] [--format md|json|csv]`

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use cyberlex::report::{self, csv_field};
use cyberlex::{
    Conduct, Corpus, Date, DualCriminalityRequest, ElementId, JurisdictionCode, Outcome, Procedure,
    Verdict,
};
use serde::Serialize;

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Json,
    Csv,
}

#[derive(Parser)]
#[command(
    about = "Identity theft across the built-in states: dedicated offenses, general offenses, and dual criminality"
)]
struct Args {
    /// The date of the law (default: today).
    #[arg(long)]
    date: Option<String>,
    /// A data tree laid over the built-in data.
    #[arg(long)]
    data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
}

/// The typical conduct: obtaining another person's identification data (e.g. by phishing) and using it, entered
/// into a payment or banking system, to obtain money.
const CONDUCT: &[(&str, bool)] = &[
    ("act/obtain-identity-data", true),
    ("act/use-identity-data", true),
    ("act/input-data", true),
    ("object/identification-data", true),
    ("object/computer-data", true),
    ("object/computer-system", true),
    ("circ/without-right", true),
    ("mental/intent", true),
    ("mental/intent-to-commit-offense", true),
    ("mental/intent-to-defraud", true),
    ("mental/intent-economic-benefit", true),
    ("result/economic-benefit", true),
    ("result/loss-of-property", true),
];

#[derive(Serialize)]
struct StateRow {
    jurisdiction: JurisdictionCode,
    name: String,
    /// `as_such` (a dedicated identity offense covers it), `general_only`, `depends` or `not_criminalised`
    classification: &'static str,
    dedicated: Vec<Provision>,
    general: Vec<Provision>,
    open: Vec<Provision>,
}

#[derive(Serialize, Clone)]
struct Provision {
    id: String,
    citation: String,
    max_months: Option<u32>,
    source: String,
    verification: String,
    detail: String,
}

fn is_identity_offense(corpus: &Corpus, id: &str, date: Date) -> bool {
    let Ok(o) = corpus.offense(id) else {
        return false;
    };
    let Some(v) = o.version_on(date) else {
        return false;
    };
    let genus = ElementId::parse("act/identity-dealing").ok();
    v.acts().iter().any(|a| {
        a.as_str() == "act/impersonate"
            || genus.as_ref().is_some_and(|g| {
                corpus
                    .element(a.as_str())
                    .is_ok_and(|e| e.id() == g || e.broader().contains(g))
            })
    })
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
    let conduct = CONDUCT
        .iter()
        .fold(Conduct::new(), |c, (e, v)| c.fact(e, *v));
    let codes: Vec<JurisdictionCode> = corpus.jurisdictions().map(|j| j.code().clone()).collect();

    // 1. Per state: the state asked about itself under mla lists every offense covering the conduct.
    let mut rows = Vec::new();
    for code in &codes {
        let req = DualCriminalityRequest::new(
            code.as_str(),
            code.as_str(),
            Procedure::Mla,
            conduct.clone(),
        )
        .date(date);
        let answer = match corpus.dual_criminality(&req) {
            Ok(a) => a,
            Err(e) => return common::fail(e),
        };
        let mut row = StateRow {
            jurisdiction: code.clone(),
            name: corpus
                .jurisdiction(code.as_str())
                .map(|j| j.name().to_owned())
                .unwrap_or_default(),
            classification: "not_criminalised",
            dedicated: vec![],
            general: vec![],
            open: vec![],
        };
        let mut seen = std::collections::BTreeSet::new();
        for r in answer.reasons() {
            let Some(p) = &r.provision else { continue };
            if r.jurisdiction.as_ref() != Some(code)
                || !matches!(r.outcome, Outcome::Satisfied | Outcome::Depends)
                || !seen.insert(p.offense.to_string())
            {
                continue;
            }
            let prov = Provision {
                id: p.offense.to_string(),
                citation: p.citation.clone(),
                max_months: p.max_months,
                source: p.source.clone(),
                verification: p.verification.as_str().to_owned(),
                detail: r.detail.clone(),
            };
            match (
                r.outcome,
                is_identity_offense(corpus, p.offense.as_str(), date),
            ) {
                (Outcome::Satisfied, true) => row.dedicated.push(prov),
                (Outcome::Satisfied, false) => row.general.push(prov),
                _ => row.open.push(prov),
            }
        }
        row.classification = if !row.dedicated.is_empty() {
            "as_such"
        } else if !row.general.is_empty() {
            "general_only"
        } else if !row.open.is_empty() {
            "depends"
        } else {
            "not_criminalised"
        };
        rows.push(row);
    }

    // 2. The matrices.
    let mut matrices = Vec::new();
    for p in [Procedure::Extradition, Procedure::Mla] {
        let (cells, answers) = match common::all_pairs(corpus, &codes, p, &conduct, date) {
            Ok(x) => x,
            Err(code) => return code,
        };
        matrices.push((p, cells, answers));
    }

    let conduct_text = CONDUCT
        .iter()
        .map(|(e, _)| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match args.format {
        Format::Json => {
            let m: serde_json::Map<String, serde_json::Value> = matrices
                .iter()
                .map(|(p, cells, answers)| {
                    (
                        p.as_str().to_owned(),
                        serde_json::json!({ "cells": cells, "answers": answers }),
                    )
                })
                .collect();
            let v = serde_json::json!({ "date": date.to_string(), "conduct": CONDUCT.iter().map(|(e, _)| e).collect::<Vec<_>>(), "states": rows, "matrices": m });
            say!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        Format::Csv => {
            say!("section,jurisdiction,from,to,classification_or_verdict,provisions");
            for r in &rows {
                let provs: Vec<&str> = r
                    .dedicated
                    .iter()
                    .chain(&r.general)
                    .chain(&r.open)
                    .map(|p| p.citation.as_str())
                    .collect();
                let f = [
                    "state".to_owned(),
                    r.jurisdiction.to_string(),
                    String::new(),
                    String::new(),
                    r.classification.to_owned(),
                    provs.join("; "),
                ];
                say!(
                    "{}",
                    f.iter().map(|x| csv_field(x)).collect::<Vec<_>>().join(",")
                );
            }
            for (p, cells, _) in &matrices {
                for c in cells {
                    let f = [
                        p.as_str().to_owned(),
                        String::new(),
                        c.from.to_string(),
                        c.to.to_string(),
                        c.verdict.as_str().to_owned(),
                        format!(
                            "{} / {}",
                            c.from_provisions.join("; "),
                            c.to_provisions.join("; ")
                        ),
                    ];
                    say!(
                        "{}",
                        f.iter().map(|x| csv_field(x)).collect::<Vec<_>>().join(",")
                    );
                }
            }
        }
        Format::Md => {
            let mut s = String::new();
            let _ = writeln!(s, "# Identity theft across {} states\n", rows.len());
            let _ = writeln!(
                s,
                "Law in force on **{date}**. The conduct: obtaining another person's identification data and using it, entered into a payment or banking system, to obtain money — the facts {conduct_text}, all known true. Computed by cyberlex from the cited sources; not legal advice.\n"
            );
            let _ = writeln!(
                s,
                "## Who criminalises it, and how\n\nA *dedicated* offense is one whose conduct is dealing in another person's identification data (the `act/identity-dealing` family); *general* offenses are fraud, forgery, computer-misuse and similar offenses that reach the conduct too. *Open* offenses would cover it if further elements were established.\n\n| State | Classification | Dedicated identity offenses that cover it | General offenses that cover it | Open |\n|---|---|---|---|---|"
            );
            let list = |v: &[Provision]| {
                if v.is_empty() {
                    "—".to_owned()
                } else {
                    v.iter()
                        .map(|p| {
                            format!(
                                "{} (max. {})",
                                p.citation,
                                cyberlex::query::months_text(p.max_months)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            };
            for r in &rows {
                let class = match r.classification {
                    "as_such" => "**as such** (a dedicated identity offense)",
                    "general_only" => "only through general offenses",
                    "depends" => "depends on further facts",
                    _ => "not criminalised",
                };
                let _ = writeln!(
                    s,
                    "| {} ({}) | {} | {} | {} | {} |",
                    r.name,
                    r.jurisdiction,
                    class,
                    list(&r.dedicated),
                    list(&r.general),
                    list(&r.open)
                );
            }
            for (p, cells, answers) in &matrices {
                let title = format!("Dual criminality ({}) for this conduct", p.as_str());
                let md = report::matrix_markdown(&title, &codes, cells);
                s.push('\n');
                s.push_str(
                    &md.replacen("# ", "## ", 1)
                        .replace("\n## Cells", "\n### Cells"),
                );
                let open: Vec<_> = answers
                    .iter()
                    .filter(|a| a.verdict() != Verdict::Satisfied)
                    .collect();
                if !open.is_empty() {
                    let _ = writeln!(s, "\n### Why not satisfied\n");
                    for a in open {
                        let last = a
                            .reasons()
                            .last()
                            .map(|r| r.detail.clone())
                            .unwrap_or_default();
                        let failing: Vec<String> = a
                            .reasons()
                            .iter()
                            .filter(|r| {
                                r.provision.is_none()
                                    && r.jurisdiction.is_some()
                                    && matches!(r.outcome, Outcome::NotSatisfied | Outcome::Depends)
                            })
                            .map(|r| r.detail.clone())
                            .collect();
                        let _ = writeln!(
                            s,
                            "- {last}{}",
                            if failing.is_empty() {
                                String::new()
                            } else {
                                format!(": {}", failing.join("; "))
                            }
                        );
                        for d in a.deciding_facts().iter().take(4) {
                            let _ = writeln!(
                                s,
                                "  - would be decided by `{}`: if true → {}, if false → {}",
                                d.element,
                                d.if_true.as_str(),
                                d.if_false.as_str()
                            );
                        }
                    }
                }
            }
            say_raw!("{s}");
        }
    }
    ExitCode::SUCCESS
}
