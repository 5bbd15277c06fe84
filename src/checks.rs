//! Checks of the loaded data that need the index (and the coverage engine): warnings for the loader's report.
//! They live here, not in `query`, so that queries never depend on the loader's diagnostics.

use crate::Corpus;
use crate::index::ElementSet;
use crate::load::Diagnostic;
use crate::model::ElementKind;
use crate::query::coverage::reached_articles;

/// Offenses that name no object and whose acts imply none: they are read as reaching any object, which is
/// seldom what the law says. The vocabulary's `implies` usually supplies the object (access implies a computer
/// system); where it does not, the record should name one.
pub(crate) fn objectless_offenses(corpus: &Corpus) -> Vec<Diagnostic> {
    let idx = &corpus.index;
    let has_object = |e: usize| {
        idx.up[e]
            .iter()
            .any(|k| idx.ids[k].kind() == ElementKind::Object)
    };
    // An act needs an object when some treaty variant it reaches names one (access: a computer system;
    // deleting: computer data). Acts of the general part (attempt, aiding) and of general offenses need none here.
    let mut needs_object = ElementSet::new(idx.len());
    for v in idx.variants.values().flatten().flatten() {
        if v.requires
            .iter()
            .any(|&r| idx.ids[r].kind() == ElementKind::Object)
        {
            for a in v.reached_by.iter() {
                needs_object.insert(a);
            }
        }
    }
    let mut out = Vec::new();
    for j in corpus.jurisdictions.values() {
        let path = format!(
            "jurisdictions/{}.yaml",
            j.code.as_str().to_ascii_lowercase()
        );
        let Some(coffs) = idx.offenses.get(&j.code) else {
            continue;
        };
        for (o, cvs) in j.offenses.iter().zip(coffs) {
            let lacking = cvs.iter().any(|cv| {
                !cv.requires.iter().any(|&r| has_object(r))
                    && !cv.disregarded.iter().any(|&r| has_object(r))
                    && !cv.one_of.iter().any(|g| g.iter().all(|&r| has_object(r)))
                    && cv
                        .acts
                        .iter()
                        .any(|&a| needs_object.contains(a) && !has_object(a))
            });
            if lacking {
                out.push(Diagnostic::warning(&path, None, format!("`{}` ({}) names no object, and an act of it that treaties define over an object implies none: it is read as reaching any object", o.id, o.citation)).with_help(Some(
                    "name the object the provision protects (a computer system, computer data, a document...), or give the act an `implies` in the vocabulary".into(),
                )));
            }
        }
    }
    out
}

/// Declared mappings (`implements:`) that the computation does not confirm, as warnings.
pub(crate) fn declared_vs_computed(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for j in corpus.jurisdictions.values() {
        let path = format!(
            "jurisdictions/{}.yaml",
            j.code.as_str().to_ascii_lowercase()
        );
        let Some(coffs) = corpus.index.offenses.get(&j.code) else {
            continue;
        };
        for (o, cvs) in j.offenses.iter().zip(coffs) {
            for claim in &o.implements {
                let Ok(inst) = corpus.instrument(claim.instrument.as_str()) else {
                    continue;
                };
                let hit = cvs
                    .iter()
                    .any(|cv| reached_articles(corpus, cv, inst).contains(&claim.article));
                if !hit {
                    out.push(Diagnostic::warning(&path, None, format!("`{}` ({}) is said to implement {} Art. {}, but none of its acts reaches that article's conduct", o.id, o.citation, inst.short_title, claim.article)).with_help(Some(
                        "either the claim or the offense's acts are wrong, or the vocabulary lacks an element linking them".into(),
                    )));
                }
            }
        }
    }
    out
}
