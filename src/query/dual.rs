//! Dual criminality: is the conduct a crime in both states, under the rule of the procedure, on the date?

use serde::Serialize;

use crate::Corpus;
use crate::date::Date;
use crate::model::{Instrument, Jurisdiction, JurisdictionCode};
use crate::query::eval::{Facts, PenaltyEval, eval_penalty, eval_version, version_truth};
use crate::query::{Conduct, ProvisionRef, QueryError, Verdict, months_text};

use super::deciding::{minimal_sets, tidy};
pub use super::dual_types::*;

struct Ctx<'a> {
    corpus: &'a Corpus,
    from: &'a Jurisdiction,
    to: &'a Jurisdiction,
    req: &'a DualCriminalityRequest,
    law_date: Date,
    treaty_date: Date,
    /// Build the reasons (false when only the verdict is needed, e.g. to find which way a fact tips it).
    explain: bool,
}

/// A reason before numbering.
struct R {
    rule: String,
    jurisdiction: Option<JurisdictionCode>,
    provision: Option<ProvisionRef>,
    outcome: Outcome,
    detail: String,
}

struct Core {
    verdict: Verdict,
    reasons: Vec<R>,
    open: Vec<usize>,
    rule: String,
}

fn rule_label(inst: &Instrument, article: &str) -> String {
    format!("{} Art. {article}", inst.short_title)
}

fn find_rule<'a, T>(
    corpus: &'a Corpus,
    pick: impl Fn(&'a Instrument) -> Option<&'a T>,
    p: Procedure,
) -> Result<(&'a Instrument, &'a T), QueryError> {
    corpus
        .instruments
        .values()
        .find_map(|i| pick(i).map(|r| (i, r)))
        .ok_or_else(|| QueryError::NoRule {
            procedure: p.as_str().to_owned(),
        })
}

/// Both states' verdicts combined: not satisfied if either is, satisfied if both are.
fn both(a: Verdict, b: Verdict) -> Verdict {
    match (a, b) {
        (Verdict::NotSatisfied, _) | (_, Verdict::NotSatisfied) => Verdict::NotSatisfied,
        (Verdict::Satisfied, Verdict::Satisfied) => Verdict::Satisfied,
        _ => Verdict::Depends,
    }
}

struct StateResult {
    verdict: Verdict,
    reasons: Vec<R>,
    open: Vec<usize>,
}

/// What one offense version contributes to a state's verdict: `Satisfied` when it covers the conduct with a maximum
/// known to meet the threshold, `Depends` when it might, `NotSatisfied` when it cannot.
fn contribution(truth: Verdict, pen: &PenaltyEval, threshold: Option<u32>) -> Verdict {
    let reaches = |m: Option<u32>| threshold.is_none_or(|t| m.is_some_and(|m| m >= t));
    match truth {
        Verdict::Satisfied if reaches(pen.known) => Verdict::Satisfied,
        Verdict::Satisfied | Verdict::Depends if reaches(pen.possible) => Verdict::Depends,
        _ => Verdict::NotSatisfied,
    }
}

/// A state's verdict alone (what [`assess_state`] concludes, without reasons): only offenses one of whose acts is
/// not known false are evaluated, found through the index's act table, and the first covering offense ends it.
fn state_verdict(
    corpus: &Corpus,
    j: &Jurisdiction,
    law_date: Date,
    facts: &Facts,
    threshold: Option<u32>,
) -> Verdict {
    let v = state_verdict_direct(corpus, j, law_date, facts, threshold);
    if v == Verdict::Satisfied {
        return v;
    }
    match by_cases(corpus, j, facts, |f| {
        state_verdict(corpus, j, law_date, f, threshold)
    }) {
        Some((Verdict::Satisfied, _)) => Verdict::Satisfied,
        _ => v,
    }
}

/// A case split over the vocabulary's partitions: where the facts establish an element that some cases exhaust,
/// and no case is known, the conduct is one of the cases. When every case that the facts allow gives `satisfied`,
/// so does the conduct (offenses for children under 14 and for juveniles of 14 to 17 together reach any minor).
/// Returns the agreed verdict and the partition used.
fn by_cases(
    corpus: &Corpus,
    j: &Jurisdiction,
    facts: &Facts,
    mut eval: impl FnMut(&Facts) -> Verdict,
) -> Option<(Verdict, usize)> {
    let idx = &corpus.index;
    if !facts.t.intersects(&idx.partitioned) {
        return None;
    }
    // A state's own partitions and the shared ones: another state's definitions say nothing of this law.
    for &k in idx.partitions_of.get(&j.code).into_iter().flatten() {
        let (pi, genus, cases) = &idx.partitions[k];
        if !facts.t.contains(*genus) || cases.iter().any(|&c| facts.t.contains(c)) {
            continue;
        }
        let mut any = false;
        let mut all = true;
        for &c in cases {
            let Some(f) = facts.with(idx, c, true) else {
                continue;
            };
            any = true;
            if eval(&f) != Verdict::Satisfied {
                all = false;
                break;
            }
        }
        if any && all {
            return Some((Verdict::Satisfied, *pi));
        }
    }
    None
}

fn state_verdict_direct(
    corpus: &Corpus,
    j: &Jurisdiction,
    law_date: Date,
    facts: &Facts,
    threshold: Option<u32>,
) -> Verdict {
    let idx = &corpus.index;
    let Some(compiled) = idx.offenses.get(&j.code) else {
        return Verdict::NotSatisfied;
    };
    let mut depends = false;
    let mut visit = |oi: usize| -> bool {
        let (Some(o), Some(versions)) = (j.offenses.get(oi), compiled.get(oi)) else {
            return false;
        };
        let Some((v, cv)) = o
            .versions
            .iter()
            .zip(versions)
            .find(|(v, _)| v.in_force_on(law_date))
        else {
            return false;
        };
        let truth = version_truth(facts, cv);
        if truth == Verdict::NotSatisfied {
            return false;
        }
        let pen = if threshold.is_some() {
            eval_penalty(facts, cv, &v.penalty)
        } else {
            PenaltyEval::default()
        };
        match contribution(truth, &pen, threshold) {
            Verdict::Satisfied => true,
            Verdict::Depends => {
                depends = true;
                false
            }
            Verdict::NotSatisfied => false,
        }
    };
    let satisfied = match (&facts.live_acts, idx.act_offenses.get(&j.code)) {
        // An offense may be reached by several live acts and is then evaluated more than once: harmless here.
        (Some(live), Some(table)) => live.iter().any(|&a| {
            let from = table.partition_point(|&(x, _)| x < a);
            table[from..]
                .iter()
                .take_while(|&&(x, _)| x == a)
                .any(|&(_, oi)| visit(oi))
        }),
        _ => (0..j.offenses.len()).any(&mut visit),
    };
    if satisfied {
        Verdict::Satisfied
    } else if depends {
        Verdict::Depends
    } else {
        Verdict::NotSatisfied
    }
}

/// Whether a state's law in force on the law date punishes the conduct, with a maximum of at least `threshold`.
fn assess_state(
    cx: &Ctx<'_>,
    j: &Jurisdiction,
    facts: &Facts,
    threshold: Option<u32>,
    rule: &str,
) -> StateResult {
    if !cx.explain {
        return StateResult {
            verdict: state_verdict(cx.corpus, j, cx.law_date, facts, threshold),
            reasons: Vec::new(),
            open: Vec::new(),
        };
    }
    let idx = &cx.corpus.index;
    let mut satisfied = false;
    let mut depends = false;
    let mut reasons = Vec::new();
    let mut open = Vec::new();
    let mut unrelated = 0usize;
    let name = |e: &[usize]| {
        e.iter()
            .map(|&i| crate::query::coverage::named(cx.corpus, &idx.ids[i]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let th_text = |t: u32| format!("the threshold of {} ({t} months)", months_text(Some(t)));
    let mut explained: Vec<usize> = Vec::new();
    for (o, v, cv) in cx.corpus.versions_in_force(j, cx.law_date) {
        let ev = eval_version(facts, cv);
        let pen = eval_penalty(facts, cv, &v.penalty);
        match contribution(ev.truth, &pen, threshold) {
            Verdict::Satisfied => satisfied = true,
            Verdict::Depends => {
                depends = true;
                if ev.truth == Verdict::Depends {
                    open.extend(ev.open.iter().copied());
                }
                if threshold.is_some_and(|t| pen.known.is_none_or(|m| m < t)) {
                    open.extend(pen.open.iter().copied());
                }
            }
            Verdict::NotSatisfied => {
                if ev.truth == Verdict::NotSatisfied
                    && !cv.acts.iter().any(|&a| facts.t.contains(a))
                {
                    unrelated += 1;
                }
            }
        }
        let mk = |outcome: Outcome, detail: String| R {
            rule: rule.to_owned(),
            jurisdiction: Some(j.code.clone()),
            provision: Some(ProvisionRef::new(o, v)),
            outcome,
            detail,
        };
        if !cv.disregarded.is_empty() && ev.truth != Verdict::NotSatisfied {
            let idx = &cx.corpus.index;
            // The authority is given the first time an element is disregarded in this answer, then only its id.
            let text = |e: usize, first: bool| {
                let el = &cx.corpus.elements[e];
                match el.authority() {
                    Some(a) if first => format!(
                        "{} ({a})",
                        crate::query::coverage::named(cx.corpus, &idx.ids[e])
                    ),
                    _ => crate::query::coverage::named(cx.corpus, &idx.ids[e]),
                }
            };
            let (hooks, readings): (Vec<usize>, Vec<usize>) = cv
                .disregarded
                .iter()
                .partition(|&&e| cx.corpus.elements[e].is_jurisdictional());
            if !hooks.is_empty() {
                reasons.push(mk(
                    Outcome::Info,
                    format!(
                        "{}: {} names {}, a jurisdictional element that only founds the state's competence; it is disregarded, and only its substance counts",
                        j.code,
                        o.citation,
                        hooks
                            .iter()
                            .map(|&e| text(e, !explained.contains(&e)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            if !readings.is_empty() {
                reasons.push(mk(
                    Outcome::Info,
                    format!(
                        "{}: {} names {}, the state's own reading of a term the treaty leaves to national law; it counts as that term",
                        j.code,
                        o.citation,
                        readings
                            .iter()
                            .map(|&e| text(e, !explained.contains(&e)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        if ev.truth != Verdict::NotSatisfied {
            explained.extend(cv.disregarded.iter().copied());
        }
        match ev.truth {
            Verdict::Satisfied => match threshold {
                None => {
                    reasons.push(mk(Outcome::Satisfied, format!("{}: {} ({}) covers the conduct: an act and every required element are established", j.code, o.citation, o.title.en)));
                }
                Some(t) if pen.known.is_some_and(|m| m >= t) => {
                    reasons.push(mk(Outcome::Satisfied, format!("{}: {} ({}) covers the conduct, punishable by up to {}, which meets {}", j.code, o.citation, o.title.en, months_text(pen.known), th_text(t))));
                }
                Some(t) if pen.possible.is_some_and(|m| m >= t) => {
                    let detail = if v.penalty.follows_principal {
                        format!(
                            "{}: {} covers the conduct; its penalty is that of the principal offense, so whether it meets {} depends on that offense",
                            j.code,
                            o.citation,
                            th_text(t)
                        )
                    } else {
                        format!(
                            "{}: {} covers the conduct, but its basic maximum ({}) is below {}; an aggravated form reaching it applies if {} hold",
                            j.code,
                            o.citation,
                            months_text(pen.known),
                            th_text(t),
                            name(&pen.open)
                        )
                    };
                    reasons.push(mk(Outcome::Depends, detail));
                }
                Some(t) => {
                    reasons.push(mk(
                        Outcome::NotSatisfied,
                        format!(
                            "{}: {} covers the conduct, but its maximum ({}) is below {}",
                            j.code,
                            o.citation,
                            months_text(pen.known),
                            th_text(t)
                        ),
                    ));
                }
            },
            Verdict::Depends => {
                if threshold.is_none_or(|t| pen.possible.is_some_and(|m| m >= t)) {
                    reasons.push(mk(
                        Outcome::Depends,
                        format!(
                            "{}: {} would cover the conduct if {} were established",
                            j.code,
                            o.citation,
                            name(&ev.open)
                        ),
                    ));
                } else if let Some(t) = threshold {
                    reasons.push(mk(Outcome::NotSatisfied, format!("{}: {} might cover the conduct, but even then its maximum ({}) is below {}", j.code, o.citation, months_text(pen.possible), th_text(t))));
                }
            }
            Verdict::NotSatisfied => {
                if cv.acts.iter().any(|&a| facts.t.contains(a)) {
                    reasons.push(mk(
                        Outcome::NotSatisfied,
                        format!(
                            "{}: {} does not cover the conduct: {} known not to hold",
                            j.code,
                            o.citation,
                            name(&ev.failed)
                        ),
                    ));
                }
            }
        }
    }
    let mut verdict = if satisfied {
        Verdict::Satisfied
    } else if depends {
        Verdict::Depends
    } else {
        Verdict::NotSatisfied
    };
    if verdict != Verdict::Satisfied
        && let Some((_, pi)) = by_cases(cx.corpus, j, facts, |f| {
            state_verdict(cx.corpus, j, cx.law_date, f, threshold)
        })
    {
        let p = &cx.corpus.partitions[pi];
        reasons.push(R {
            rule: rule.to_owned(),
            jurisdiction: Some(j.code.clone()),
            provision: None,
            outcome: Outcome::Satisfied,
            detail: format!(
                "{}: whichever of {} holds (together they exhaust `{}`: {}), an offense of {} covers the conduct",
                j.code,
                p.cases
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                p.element,
                p.authority,
                j.name
            ),
        });
        verdict = Verdict::Satisfied;
        open.clear();
    }
    open.sort_unstable();
    open.dedup();
    let in_force = j
        .offenses
        .iter()
        .filter(|o| o.version_on(cx.law_date).is_some())
        .count();
    let summary = match verdict {
        Verdict::Satisfied => format!(
            "{} ({}) criminalises the conduct under its law in force on {}",
            j.name, j.code, cx.law_date
        ),
        Verdict::Depends => format!(
            "whether {} ({}) criminalises the conduct under its law in force on {} depends on facts not yet known",
            j.name, j.code, cx.law_date
        ),
        Verdict::NotSatisfied => format!(
            "none of the {in_force} offenses of {} ({}) recorded as in force on {} covers the conduct{}{}",
            j.name,
            j.code,
            cx.law_date,
            threshold
                .map(|t| format!(" with a maximum of at least {}", months_text(Some(t))))
                .unwrap_or_default(),
            if unrelated > 0 {
                format!(" ({unrelated} concern other conduct)")
            } else {
                String::new()
            }
        ),
    };
    reasons.push(R {
        rule: rule.to_owned(),
        jurisdiction: Some(j.code.clone()),
        provision: None,
        outcome: verdict.into(),
        detail: summary,
    });
    StateResult {
        verdict,
        reasons,
        open,
    }
}

/// Adds a reason when the answer is explained; the reason is built only then.
fn note(cx: &Ctx<'_>, reasons: &mut Vec<R>, reason: impl FnOnce() -> R) {
    if cx.explain {
        reasons.push(reason());
    }
}

fn party_reasons(cx: &Ctx<'_>, inst: &Instrument, rule: &str) -> Vec<R> {
    let mut out = Vec::new();
    // When the cooperation layer chose the basis, it has already said who is bound by what.
    if !cx.explain || cx.req.basis.is_some() {
        return out;
    }
    for j in [cx.from, cx.to] {
        let detail = match j.treaty(&inst.id) {
            Some(t) if t.party_on(cx.treaty_date) => continue,
            Some(t) => format!(
                "{} is not bound by the {} on {}{}; the rule is applied all the same",
                j.name,
                inst.short_title,
                cx.treaty_date,
                t.in_force
                    .map(|d| format!(" (in force for it from {d})"))
                    .unwrap_or_else(|| " (not in force for it)".into())
            ),
            None => format!(
                "no status of {} under the {} is recorded; the rule is applied all the same",
                j.name, inst.short_title
            ),
        };
        out.push(R {
            rule: rule.to_owned(),
            jurisdiction: Some(j.code.clone()),
            provision: None,
            outcome: Outcome::Info,
            detail,
        });
    }
    out
}

fn core(cx: &Ctx<'_>, facts: &Facts) -> Result<Core, QueryError> {
    let corpus = cx.corpus;
    let p = cx.req.procedure;
    match p {
        Procedure::Extradition | Procedure::Mla if cx.req.basis.is_some() => {
            let Some(b) = cx.req.basis.as_ref() else {
                return Err(QueryError::NoRule {
                    procedure: p.as_str().to_owned(),
                });
            };
            if !cx.explain {
                let a = state_verdict(corpus, cx.from, cx.law_date, facts, b.from_months);
                let v = if a == Verdict::NotSatisfied {
                    Verdict::NotSatisfied
                } else {
                    both(
                        a,
                        state_verdict(corpus, cx.to, cx.law_date, facts, b.to_months),
                    )
                };
                return Ok(Core {
                    verdict: v,
                    reasons: Vec::new(),
                    open: Vec::new(),
                    rule: String::new(),
                });
            }
            let rule = b.label.clone();
            let mut reasons = vec![R {
                rule: rule.clone(),
                jurisdiction: None,
                provision: None,
                outcome: Outcome::Info,
                detail: match &b.threshold_text {
                    Some(t) => format!("rule: {}; threshold: {t}", b.note),
                    None => format!("rule: {}", b.note),
                },
            }];
            let a = assess_state(cx, cx.from, facts, b.from_months, &rule);
            let c = assess_state(cx, cx.to, facts, b.to_months, &rule);
            let verdict = both(a.verdict, c.verdict);
            let mut open = Vec::new();
            for s in [&a, &c] {
                if s.verdict == Verdict::Depends {
                    open.extend(s.open.iter().copied());
                }
            }
            reasons.extend(a.reasons);
            reasons.extend(c.reasons);
            Ok(Core {
                verdict,
                reasons,
                open,
                rule,
            })
        }
        Procedure::Extradition | Procedure::Mla => {
            let (inst, article, threshold, note) = if p == Procedure::Extradition {
                let (inst, r) = find_rule(corpus, |i| i.cooperation.extradition.as_ref(), p)?;
                (
                    inst,
                    r.article.as_str(),
                    Some(cx.req.threshold_months.unwrap_or(r.min_max_months)),
                    r.note.as_str(),
                )
            } else {
                let (inst, r) = find_rule(corpus, |i| i.cooperation.mla.as_ref(), p)?;
                (inst, r.article.as_str(), None, r.note.as_str())
            };
            if !cx.explain {
                let a = state_verdict(corpus, cx.from, cx.law_date, facts, threshold);
                let b = if a == Verdict::NotSatisfied {
                    Verdict::NotSatisfied
                } else {
                    state_verdict(corpus, cx.to, cx.law_date, facts, threshold)
                };
                return Ok(Core {
                    verdict: both(a, b),
                    reasons: Vec::new(),
                    open: Vec::new(),
                    rule: String::new(),
                });
            }
            let rule = rule_label(inst, article);
            let mut reasons = vec![R {
                rule: rule.clone(),
                jurisdiction: None,
                provision: None,
                outcome: Outcome::Info,
                detail: match (threshold, cx.req.threshold_months) {
                    (Some(t), Some(_)) => format!(
                        "rule: {note}; threshold set by the request (Art. 24(1)(b)): {} ({t} months)",
                        months_text(Some(t))
                    ),
                    (Some(t), None) => format!(
                        "rule: {note}; threshold {} ({t} months)",
                        months_text(Some(t))
                    ),
                    _ => format!("rule: {note}"),
                },
            }];
            reasons.extend(party_reasons(cx, inst, &rule));
            let a = assess_state(cx, cx.from, facts, threshold, &rule);
            let b = assess_state(cx, cx.to, facts, threshold, &rule);
            let verdict = both(a.verdict, b.verdict);
            let mut open = Vec::new();
            if a.verdict == Verdict::Depends {
                open.extend(a.open.iter().copied());
            }
            if b.verdict == Verdict::Depends {
                open.extend(b.open.iter().copied());
            }
            reasons.extend(a.reasons);
            reasons.extend(b.reasons);
            Ok(Core {
                verdict,
                reasons,
                open,
                rule,
            })
        }
        Procedure::Preservation => {
            let (inst, r) = find_rule(corpus, |i| i.cooperation.preservation.as_ref(), p)?;
            let rule = rule_label(inst, &r.article);
            let mut reasons = Vec::new();
            note(cx, &mut reasons, || R {
                rule: rule.clone(),
                jurisdiction: None,
                provision: None,
                outcome: Outcome::Info,
                detail: format!("rule: {}", r.note),
            });
            reasons.extend(party_reasons(cx, inst, &rule));
            let reserved = cx
                .to
                .treaty(&inst.id)
                .filter(|t| t.party_on(cx.treaty_date))
                .and_then(|t| t.reservations.iter().find(|x| x.paragraph == r.reservation));
            let Some(res) = reserved else {
                note(cx, &mut reasons, || R {
                    rule: rule.clone(),
                    jurisdiction: Some(cx.to.code.clone()),
                    provision: None,
                    outcome: Outcome::Satisfied,
                    detail: format!(
                        "{} made no Art. {} reservation in force on {}: dual criminality is not a condition for preservation",
                        cx.to.name, r.reservation, cx.treaty_date
                    ),
                });
                return Ok(Core {
                    verdict: Verdict::Satisfied,
                    reasons,
                    open: vec![],
                    rule,
                });
            };
            note(cx, &mut reasons, || R {
                rule: format!("{} Art. {}", inst.short_title, r.reservation),
                jurisdiction: Some(cx.to.code.clone()),
                provision: None,
                outcome: Outcome::Info,
                detail: format!(
                    "{} made the Art. {} reservation (source: {}); it reaches only offenses outside Arts. {}",
                    cx.to.name,
                    r.reservation,
                    res.source,
                    r.scope_articles.join(", ")
                ),
            });
            // Does the conduct fall within the scope articles? Evaluate each variant as an offense.
            let variants = corpus.index.variants.get(&inst.id);
            let mut within = Verdict::NotSatisfied;
            let mut open = Vec::new();
            let mut hit = None;
            for (ai, a) in inst.articles.iter().enumerate() {
                if !r.scope_articles.contains(&a.number) {
                    continue;
                }
                for (vi, v) in a.variants.iter().enumerate() {
                    let Some(cvar) = variants.and_then(|x| x.get(ai)).and_then(|x| x.get(vi))
                    else {
                        continue;
                    };
                    let cv = crate::index::CVersion {
                        acts: std::iter::once(cvar.act)
                            .chain(cvar.alt_acts.iter().copied())
                            .collect(),
                        requires: cvar.requires.clone(),
                        disregarded: vec![],
                        one_of: vec![],
                        aggravated: vec![],
                    };
                    let ev = eval_version(facts, &cv);
                    match ev.truth {
                        Verdict::Satisfied => {
                            within = Verdict::Satisfied;
                            hit = Some(v.id.clone());
                        }
                        Verdict::Depends if within != Verdict::Satisfied => {
                            within = Verdict::Depends;
                            open.extend(ev.open);
                        }
                        _ => {}
                    }
                }
            }
            if within == Verdict::Satisfied {
                note(cx, &mut reasons, || R {
                    rule: rule.clone(),
                    jurisdiction: None,
                    provision: None,
                    outcome: Outcome::Satisfied,
                    detail: format!(
                        "the conduct falls within Art. {} (variant {}): the reservation does not apply, dual criminality is not required",
                        hit.unwrap_or_default(),
                        inst.short_title
                    ),
                });
                return Ok(Core {
                    verdict: Verdict::Satisfied,
                    reasons,
                    open: vec![],
                    rule,
                });
            }
            note(cx, &mut reasons, || R {
                rule: rule.clone(),
                jurisdiction: None,
                provision: None,
                outcome: within.into(),
                detail: if within == Verdict::Depends {
                    "whether the conduct falls within Arts. 2-11 is open; where it does not, dual criminality must be met".into()
                } else {
                    "the conduct falls outside Arts. 2-11: under the reservation, dual criminality must be met".into()
                },
            });
            let a = assess_state(cx, cx.from, facts, None, &rule);
            let b = assess_state(cx, cx.to, facts, None, &rule);
            let dc = both(a.verdict, b.verdict);
            let verdict = if dc == Verdict::Satisfied {
                Verdict::Satisfied
            } else if within == Verdict::Depends || dc == Verdict::Depends {
                Verdict::Depends
            } else {
                Verdict::NotSatisfied
            };
            for s in [&a, &b] {
                if s.verdict == Verdict::Depends {
                    open.extend(s.open.iter().copied());
                }
            }
            reasons.extend(a.reasons);
            reasons.extend(b.reasons);
            Ok(Core {
                verdict,
                reasons,
                open,
                rule,
            })
        }
        Procedure::Eaw => {
            let (inst, r) = find_rule(corpus, |i| i.cooperation.eaw.as_ref(), p)?;
            let rule = rule_label(inst, &r.list_article);
            let general = rule_label(inst, &r.general_article);
            let mut reasons = Vec::new();
            note(cx, &mut reasons, || R {
                rule: rule.clone(),
                jurisdiction: None,
                provision: None,
                outcome: Outcome::Info,
                detail: format!("rule: {}", r.note),
            });
            reasons.extend(party_reasons(cx, inst, &rule));
            // Listed category with at least the list threshold in the issuing state?
            let idx = &corpus.index;
            let cvars = idx.variants.get(&inst.id);
            let mut listed_open = false;
            let mut open = Vec::new();
            for (o, v, cv) in corpus.versions_in_force(cx.from, cx.law_date) {
                let truth = version_truth(facts, cv);
                if truth == Verdict::NotSatisfied {
                    continue;
                }
                let pen = eval_penalty(facts, cv, &v.penalty);
                let mut implied = crate::index::ElementSet::new(idx.len());
                for &e in cv.acts.iter().chain(&cv.requires) {
                    implied.union_with(&idx.up[e]);
                }
                let category = inst.articles.iter().enumerate().find(|(ai, _)| {
                    cvars.and_then(|x| x.get(*ai)).is_some_and(|vars| {
                        vars.iter().any(|var| {
                            cv.acts.iter().any(|&a| idx.is_within(a, var.act))
                                && var.requires.iter().all(|&q| implied.contains(q))
                        })
                    })
                });
                let Some((_, cat)) = category else { continue };
                if truth == Verdict::Satisfied
                    && pen.known.is_some_and(|m| m >= r.list_min_max_months)
                {
                    note(cx, &mut reasons, || R {
                        rule: rule.clone(),
                        jurisdiction: Some(cx.from.code.clone()),
                        provision: Some(ProvisionRef::new(o, v)),
                        outcome: Outcome::Satisfied,
                        detail: format!(
                            "{}: {} falls in the listed category \"{}\" and is punishable by up to {} (at least {}): surrender without verification of double criminality",
                            cx.from.code,
                            o.citation,
                            cat.title,
                            months_text(pen.known),
                            months_text(Some(r.list_min_max_months))
                        ),
                    });
                    return Ok(Core {
                        verdict: Verdict::Satisfied,
                        reasons,
                        open: vec![],
                        rule,
                    });
                }
                if pen.possible.is_some_and(|m| m >= r.list_min_max_months) {
                    listed_open = true;
                    if !cx.explain {
                        continue;
                    }
                    let ev = eval_version(facts, cv);
                    open.extend(ev.open.iter().copied());
                    open.extend(pen.open.iter().copied());
                    note(cx, &mut reasons, || R {
                        rule: rule.clone(),
                        jurisdiction: Some(cx.from.code.clone()),
                        provision: Some(ProvisionRef::new(o, v)),
                        outcome: Outcome::Depends,
                        detail: format!(
                            "{}: {} (listed category \"{}\") could reach the list threshold if {} were established",
                            cx.from.code,
                            o.citation,
                            cat.title,
                            ev.open
                                .iter()
                                .chain(&pen.open)
                                .map(|&i| crate::query::coverage::named(cx.corpus, &idx.ids[i]))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    });
                } else {
                    note(cx, &mut reasons, || R {
                        rule: rule.clone(),
                        jurisdiction: Some(cx.from.code.clone()),
                        provision: Some(ProvisionRef::new(o, v)),
                        outcome: Outcome::NotSatisfied,
                        detail: format!(
                            "{}: {} falls in the listed category \"{}\" but its maximum ({}) is below {}: the list does not apply",
                            cx.from.code,
                            o.citation,
                            cat.title,
                            months_text(pen.possible),
                            months_text(Some(r.list_min_max_months))
                        ),
                    });
                }
            }
            // Otherwise Art. 2(1): at least the general threshold in the issuing state; double criminality may be checked.
            note(cx, &mut reasons, || R {
                rule: general.clone(),
                jurisdiction: None,
                provision: None,
                outcome: Outcome::Info,
                detail: format!(
                    "outside the list: the issuing state's maximum must be at least {}, and the executing state may require double criminality",
                    months_text(Some(r.general_min_max_months))
                ),
            });
            let a = assess_state(cx, cx.from, facts, Some(r.general_min_max_months), &general);
            let b = assess_state(cx, cx.to, facts, None, &general);
            let dc = both(a.verdict, b.verdict);
            let verdict = if dc == Verdict::Satisfied {
                Verdict::Satisfied
            } else if listed_open || dc == Verdict::Depends {
                Verdict::Depends
            } else {
                Verdict::NotSatisfied
            };
            for s in [&a, &b] {
                if s.verdict == Verdict::Depends {
                    open.extend(s.open.iter().copied());
                }
            }
            reasons.extend(a.reasons);
            reasons.extend(b.reasons);
            Ok(Core {
                verdict,
                reasons,
                open,
                rule,
            })
        }
    }
}

/// Answers a dual-criminality request.
/// Resolves a request's states and dates, checks them, and compiles its facts.
fn prepare<'a>(
    corpus: &'a Corpus,
    req: &'a DualCriminalityRequest,
    explain: bool,
) -> Result<(Ctx<'a>, Facts), QueryError> {
    let from = corpus.jurisdiction(&req.from)?;
    let to = corpus.jurisdiction(&req.to)?;
    let law_date = req.conduct_date.unwrap_or(req.date);
    let treaty_date = req.request_date.unwrap_or(req.date);
    corpus.check_covered(from, law_date)?;
    corpus.check_covered(to, law_date)?;
    if !req.conduct.facts.values().any(|&v| v) && req.conduct.one_of_acts.is_empty() {
        return Err(QueryError::EmptyConduct);
    }
    let mut facts = Facts::compile(corpus, &req.conduct)?;
    if req.reading == Reading::AsStated {
        facts = facts.as_stated(&corpus.index);
    }
    Ok((
        Ctx {
            corpus,
            from,
            to,
            req,
            law_date,
            treaty_date,
            explain,
        },
        facts,
    ))
}

/// The verdict over alternatives (one per possible act): agreed when all agree, otherwise open.
fn agree(mut verdicts: impl Iterator<Item = Verdict> + Clone) -> Verdict {
    if verdicts.clone().all(|v| v == Verdict::Satisfied) {
        Verdict::Satisfied
    } else if verdicts.all(|v| v == Verdict::NotSatisfied) {
        Verdict::NotSatisfied
    } else {
        Verdict::Depends
    }
}

pub(crate) fn answer(
    corpus: &Corpus,
    req: &DualCriminalityRequest,
) -> Result<DualCriminalityAnswer, QueryError> {
    let (cx, base) = prepare(corpus, req, true)?;
    let lean = Ctx {
        explain: false,
        ..cx
    };
    let (from, to, law_date, treaty_date) = (cx.from, cx.to, cx.law_date, cx.treaty_date);
    let idx = &corpus.index;

    let (verdict, mut reasons, deciding, rule) = if req.conduct.one_of_acts.is_empty() {
        let c = core(&cx, &base)?;
        let mut sets = Vec::new();
        if base.stated {
            // As stated the verdict is settled; what would change it are facts the request does not allege.
            // (the open facts are gathered only when explaining)
            let mut open = core(&cx, &base.as_open())?.open;
            tidy(&mut open);
            let settled = c.verdict;
            sets = minimal_sets(idx, &base, &open, &[true], &|v| v != settled, &mut |f| {
                Ok(core(&lean, f)?.verdict)
            })?;
        } else if c.verdict == Verdict::Depends {
            let mut open = c.open.clone();
            tidy(&mut open);
            sets = minimal_sets(
                idx,
                &base,
                &open,
                &[true, false],
                &|v| v != Verdict::Depends,
                &mut |f| Ok(core(&lean, f)?.verdict),
            )?;
        }
        (c.verdict, c.reasons, sets, c.rule)
    } else {
        // An in-abstracto conduct with several acts: answer for each act; agree or depend on which act it was.
        let mut verdicts = Vec::new();
        let mut reasons = Vec::new();
        let mut rule = String::new();
        for a in &req.conduct.one_of_acts {
            let Some(&ai) = idx.ix.get(a) else { continue };
            let Some(f) = base.with(idx, ai, true) else {
                continue;
            };
            let c = core(&cx, &f)?;
            reasons.push(R {
                rule: c.rule.clone(),
                jurisdiction: None,
                provision: None,
                outcome: Outcome::Info,
                detail: format!("if the act was `{a}`:"),
            });
            reasons.extend(c.reasons);
            verdicts.push((ai, c.verdict));
            rule = c.rule;
        }
        let verdict = agree(verdicts.iter().map(|(_, v)| *v));
        // The offense's own alternative acts are not facts to find out: the request is about the offense. What can
        // decide it are facts that settle the verdict whichever of its acts was done.
        let mut sets = Vec::new();
        if verdict == Verdict::Depends {
            let mut open: Vec<usize> = Vec::new();
            for &(ai, _) in &verdicts {
                if let Some(f) = base.with(idx, ai, true) {
                    open.extend(core(&cx, &f)?.open);
                }
            }
            let acts: Vec<usize> = verdicts.iter().map(|&(ai, _)| ai).collect();
            open.retain(|e| !idx.acts.contains(*e));
            tidy(&mut open);
            sets = minimal_sets(
                idx,
                &base,
                &open,
                &[true, false],
                &|v| v != Verdict::Depends,
                &mut |f| {
                    let mut vs = Vec::with_capacity(acts.len());
                    for &ai in &acts {
                        if let Some(g) = f.with(idx, ai, true) {
                            vs.push(core(&lean, &g)?.verdict);
                        }
                    }
                    Ok(agree(vs.into_iter()))
                },
            )?;
            if verdicts.iter().any(|(_, v)| *v == Verdict::Satisfied)
                && verdicts.iter().any(|(_, v)| *v == Verdict::NotSatisfied)
            {
                reasons.push(R {
                    rule: rule.clone(),
                    jurisdiction: None,
                    provision: None,
                    outcome: Outcome::Depends,
                    detail: "the offense's alternative acts fare differently: the verdict turns on the act actually alleged, which the request should state".into(),
                });
            }
        }
        (verdict, reasons, sets, rule)
    };
    let deciding_sets: Vec<DecidingSet> = deciding
        .iter()
        .map(|(set, v)| DecidingSet {
            facts: set
                .iter()
                .map(|&(e, value)| FactValue {
                    element: idx.ids[e].clone(),
                    definition: corpus.elements[e].definition.clone(),
                    value,
                })
                .collect(),
            verdict: *v,
        })
        .collect();
    // Facts that settle the verdict on their own, with both branches (the other branch may still depend).
    let mut singles: Vec<usize> = deciding
        .iter()
        .filter(|(s, _)| s.len() == 1)
        .map(|(s, _)| s[0].0)
        .collect();
    singles.dedup();
    let deciding: Vec<DecidingFact> = singles
        .iter()
        .map(|&e| {
            let tip = |v: bool| {
                deciding
                    .iter()
                    .find(|(s, _)| s.as_slice() == [(e, v)])
                    .map_or(Verdict::Depends, |(_, x)| *x)
            };
            DecidingFact {
                element: idx.ids[e].clone(),
                definition: corpus.elements[e].definition.clone(),
                if_true: tip(true),
                if_false: tip(false),
            }
        })
        .collect();

    if req.reading == Reading::AsStated {
        reasons.insert(
            0,
            R {
                rule: rule.clone(),
                jurisdiction: None,
                provision: None,
                outcome: Outcome::Info,
                detail: "the conduct is read as stated: what it does not state or entail is taken as absent, as a court reads the conduct a request alleges".into(),
            },
        );
    }
    reasons.push(R {
        rule: rule.clone(),
        jurisdiction: None,
        provision: None,
        outcome: verdict.into(),
        detail: format!(
            "conclusion: dual criminality for {} from {} to {} is {} (law as in force on {}, treaty status on {})",
            req.procedure.as_str(),
            from.code,
            to.code,
            verdict.as_str().replace('_', " "),
            law_date,
            treaty_date
        ),
    });
    let mut warnings = Vec::new();
    for r in &reasons {
        if let Some(p) = &r.provision
            && p.verification == crate::model::Verification::Unverified
            && r.outcome != Outcome::NotSatisfied
        {
            let w = format!(
                "{} ({}) is recorded as unverified: check it against the source before relying on it",
                p.citation, p.offense
            );
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }
    // Questions that are legitimate but unusual: say so rather than answer as if they were ordinary.
    if from.code == to.code {
        warnings.push(format!(
            "the requesting and the requested state are both {}: no state extradites to itself; this checks its own law against itself",
            from.code
        ));
    }
    if req.procedure == Procedure::Eaw && req.basis.is_none() {
        let eaw = corpus.bases.values().find(|b| {
            b.terms
                .iter()
                .any(|t| t.approach == crate::model::Approach::EawList)
        });
        if let Some(b) = eaw {
            for j in [from, to] {
                if !b
                    .parties
                    .iter()
                    .any(|p| p.state == j.code && p.covers(treaty_date))
                {
                    warnings.push(format!(
                        "{} does not apply the European Arrest Warrant on {treaty_date} (as the data records it): the warrant's rule is applied all the same; `Corpus::cooperation` says which basis governs",
                        j.code
                    ));
                }
            }
        }
    }
    if let Some(o) = &req.conduct.from_offense {
        let cc = o
            .as_str()
            .split('/')
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        if cc != from.code.as_str() && cc != to.code.as_str() {
            warnings.push(format!(
                "the conduct was read from `{o}`, an offense of neither {} nor {}: an answer is usually asked for the conduct the requesting state alleges",
                from.code, to.code
            ));
        }
    }
    for (j, d) in [(from, law_date), (to, law_date)] {
        for (_, _, caution) in corpus.not_counted(j, d) {
            if !warnings.contains(&caution) {
                warnings.push(caution);
            }
        }
    }
    for j in [from, to] {
        if let Some(c) = corpus.last_checked(j)
            && (law_date > c || treaty_date > c)
        {
            warnings.push(format!(
                "{}'s data was last checked on {c}; the law or status on a later date may differ",
                j.code
            ));
        }
    }
    let reasons = reasons
        .into_iter()
        .enumerate()
        .map(|(i, r)| Reason {
            step: i + 1,
            rule: r.rule,
            jurisdiction: r.jurisdiction,
            provision: r.provision,
            outcome: r.outcome,
            detail: r.detail,
        })
        .collect();
    Ok(DualCriminalityAnswer {
        verdict,
        procedure: req.procedure,
        from: from.code.clone(),
        to: to.code.clone(),
        rule,
        law_date,
        treaty_date,
        reasons,
        deciding_facts: deciding,
        deciding_sets,
        reading: req.reading,
        warnings,
    })
}

impl Corpus {
    /// Answers a dual-criminality request: a verdict, reasons naming the provisions and rules, and the facts that
    /// would decide an open answer.
    ///
    /// # Errors
    /// [`QueryError`] for an unknown state or element, contradictory or empty facts, a law date before either
    /// state's records begin ([`QueryError::BeforeData`]), or when no instrument in the corpus carries the
    /// procedure's rule.
    pub fn dual_criminality(
        &self,
        request: &DualCriminalityRequest,
    ) -> Result<DualCriminalityAnswer, QueryError> {
        answer(self, request)
    }
}

/// The verdict alone: no reasons, no deciding facts.
pub(crate) fn verdict_only(
    corpus: &Corpus,
    req: &DualCriminalityRequest,
) -> Result<Verdict, QueryError> {
    let (cx, base) = prepare(corpus, req, false)?;
    if req.conduct.one_of_acts.is_empty() {
        return Ok(core(&cx, &base)?.verdict);
    }
    let idx = &corpus.index;
    let mut verdicts = Vec::new();
    for a in &req.conduct.one_of_acts {
        let Some(&ai) = idx.ix.get(a) else { continue };
        let Some(f) = base.with(idx, ai, true) else {
            continue;
        };
        verdicts.push(core(&cx, &f)?.verdict);
    }
    Ok(agree(verdicts.into_iter()))
}

impl Corpus {
    /// Only the verdict of a request — the same verdict as [`Corpus::dual_criminality`], without building the
    /// reasons or the deciding facts. For bulk work (matrices, screening).
    ///
    /// # Errors
    /// As [`Corpus::dual_criminality`].
    pub fn dual_criminality_verdict(
        &self,
        request: &DualCriminalityRequest,
    ) -> Result<Verdict, QueryError> {
        verdict_only(self, request)
    }

    /// Verdicts for every ordered pair of distinct `states`, for one conduct, procedure and date (and, for
    /// extradition, an optional treaty threshold). Under extradition and mutual assistance each state is assessed
    /// once and the pairs are combined, so the cost grows with the number of states, not of pairs; the verdicts are
    /// those [`Corpus::dual_criminality`] gives pair by pair. A state named twice is counted once.
    ///
    /// ```
    /// use cyberlex::{Conduct, Corpus, Procedure};
    /// let c = Corpus::builtin();
    /// let conduct = Conduct::new().fact("act/access", true).fact("circ/without-right", true).fact("mental/intent", true);
    /// let m = c.dual_criminality_matrix(&["DE", "FR", "GB"], Procedure::Mla, &conduct, "2024-01-01".parse()?, None)?;
    /// assert_eq!(m.len(), 6);
    /// assert_eq!(m.get("DE", "FR"), m.iter().find(|(a, b, _)| a.as_str() == "DE" && b.as_str() == "FR").map(|c| c.2));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Corpus::dual_criminality`], for the first pair that fails.
    pub fn dual_criminality_matrix(
        &self,
        states: &[&str],
        procedure: Procedure,
        conduct: &Conduct,
        date: Date,
        threshold_months: Option<u32>,
    ) -> Result<VerdictMatrix, QueryError> {
        let request = |a: &str, b: &str| {
            let r = DualCriminalityRequest::new(a, b, procedure, conduct.clone()).date(date);
            match threshold_months {
                Some(t) => r.threshold_months(t),
                None => r,
            }
        };
        let mut js: Vec<&Jurisdiction> = Vec::with_capacity(states.len());
        for s in states {
            let j = self.jurisdiction(s)?;
            if !js.iter().any(|x| x.code == j.code) {
                js.push(j);
            }
        }
        let n = js.len();
        let mut cells = vec![None; n * n];
        let per_state = matches!(procedure, Procedure::Extradition | Procedure::Mla)
            && conduct.one_of_acts.is_empty();
        if !per_state {
            for (ai, a) in js.iter().enumerate() {
                for (bi, b) in js.iter().enumerate() {
                    if ai != bi {
                        cells[ai * n + bi] = Some(verdict_only(
                            self,
                            &request(a.code.as_str(), b.code.as_str()),
                        )?);
                    }
                }
            }
        } else {
            if !conduct.facts.values().any(|&v| v) {
                return Err(QueryError::EmptyConduct);
            }
            let facts = Facts::compile(self, conduct)?;
            let threshold = match procedure {
                Procedure::Extradition => {
                    let (_, r) =
                        find_rule(self, |i| i.cooperation.extradition.as_ref(), procedure)?;
                    Some(threshold_months.unwrap_or(r.min_max_months))
                }
                _ => None,
            };
            let mut verdicts = Vec::with_capacity(n);
            for j in &js {
                self.check_covered(j, date)?;
                verdicts.push(state_verdict(self, j, date, &facts, threshold));
            }
            for ai in 0..n {
                for bi in 0..n {
                    if ai != bi {
                        cells[ai * n + bi] = Some(both(verdicts[ai], verdicts[bi]));
                    }
                }
            }
        }
        Ok(VerdictMatrix {
            states: js.iter().map(|j| j.code.clone()).collect(),
            cells,
        })
    }
}

/// Verdicts for every ordered pair of distinct states (see [`Corpus::dual_criminality_matrix`]): one byte per
/// cell, the states named once. Serialized as `{"states": [...], "verdicts": [[...], ...]}`, row = requesting
/// state, column = requested state, `null` on the diagonal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictMatrix {
    states: Vec<JurisdictionCode>,
    /// row-major, `None` on the diagonal
    cells: Vec<Option<Verdict>>,
}

impl VerdictMatrix {
    /// The states, in the order given (each once).
    #[must_use]
    pub fn states(&self) -> &[JurisdictionCode] {
        &self.states
    }

    /// The number of ordered pairs of distinct states.
    #[must_use]
    pub fn len(&self) -> usize {
        let n = self.states.len();
        n * n.saturating_sub(1)
    }

    /// Whether there is no pair (fewer than two states).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The verdict from one state to another (codes in either case); `None` for a state not in the matrix or a
    /// state with itself.
    #[must_use]
    pub fn get(&self, from: &str, to: &str) -> Option<Verdict> {
        let pos = |c: &str| {
            self.states
                .iter()
                .position(|s| s.as_str().eq_ignore_ascii_case(c))
        };
        let (a, b) = (pos(from)?, pos(to)?);
        self.cells[a * self.states.len() + b]
    }

    /// Every ordered pair of distinct states with its verdict, row by row.
    pub fn iter(
        &self,
    ) -> impl Iterator<Item = (&JurisdictionCode, &JurisdictionCode, Verdict)> + '_ {
        let n = self.states.len();
        self.cells
            .iter()
            .enumerate()
            .filter_map(move |(i, v)| v.map(|v| (&self.states[i / n], &self.states[i % n], v)))
    }
}

impl Serialize for VerdictMatrix {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("VerdictMatrix", 2)?;
        st.serialize_field("states", &self.states)?;
        let rows: Vec<&[Option<Verdict>]> = self.cells.chunks(self.states.len().max(1)).collect();
        st.serialize_field("verdicts", &rows)?;
        st.end()
    }
}
