//! The dual-criminality answer as text a lawyer can read: its `Display`, kept beside the answer so that the
//! renderers in `report` call it rather than the other way round.

use std::fmt::Write as _;

use super::dual::DualCriminalityAnswer;
use super::{Outcome, months_text};

pub(crate) fn dual_text(a: &DualCriminalityAnswer) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Dual criminality ({}) from {} to {}: {}",
        a.procedure.as_str(),
        a.from,
        a.to,
        a.verdict.as_str().replace('_', " ").to_uppercase()
    );
    let _ = writeln!(
        s,
        "Rule: {}. Law as in force on {}; treaty status on {}.",
        a.rule, a.law_date, a.treaty_date
    );
    s.push('\n');
    for r in &a.reasons {
        let mark = match r.outcome {
            Outcome::Satisfied => "[yes]",
            Outcome::NotSatisfied => "[no] ",
            Outcome::Depends => "[?]  ",
            Outcome::Info => "[i]  ",
        };
        let _ = writeln!(s, "{:>3}. {mark} {}", r.step, r.detail);
        if let Some(p) = &r.provision {
            let _ = writeln!(
                s,
                "          {} — max. {}{}; {} ({}, checked {})",
                p.citation,
                if p.penalty_follows_principal {
                    "that of the principal offense".to_owned()
                } else {
                    months_text(p.max_months)
                },
                p.max_months_aggravated
                    .map(|m| format!(", aggravated {}", months_text(Some(m))))
                    .unwrap_or_default(),
                p.source,
                p.verification.as_str(),
                p.checked
            );
        }
    }
    if !a.deciding_sets().is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            if a.reading() == crate::query::Reading::AsStated {
                "Would change the verdict if the request also alleged (each line on its own):"
            } else {
                "Would be decided by (each line settles the verdict on its own):"
            }
        );
        for d in a.deciding_sets() {
            let facts: Vec<String> = d
                .facts
                .iter()
                .map(|f| {
                    format!(
                        "{} {} (`{}`)",
                        f.definition,
                        if f.value { "— yes" } else { "— no" },
                        f.element
                    )
                })
                .collect();
            let _ = writeln!(s, "  - {} → {}", facts.join("; and "), d.verdict.as_str());
        }
    } else if a.verdict == crate::query::Verdict::Depends {
        let _ = writeln!(
            s,
            "\nNo set of up to three facts settles it on its own: the conduct needs to be stated more fully."
        );
    }
    if !a.warnings.is_empty() {
        let _ = writeln!(s, "\nCautions:");
        for w in &a.warnings {
            let _ = writeln!(s, "  - {w}");
        }
    }
    s
}
