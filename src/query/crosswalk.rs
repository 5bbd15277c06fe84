//! The crosswalk: which article of one instrument corresponds to which of another, derived from shared elements.

use serde::Serialize;

use crate::Corpus;
use crate::index::{CVariant, Index};
use crate::model::{ElementId, Instrument, InstrumentId};
use crate::query::QueryError;

/// How the conduct of one article relates to that of another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Each covers every conduct variant of the other.
    Equivalent,
    /// The `from` article covers every variant of the `to` article, but not the reverse.
    Broader,
    /// The `to` article covers every variant of the `from` article, but not the reverse.
    Narrower,
    /// Some variants correspond, neither covers the other.
    Overlap,
}

impl Relation {
    /// The spelling used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Equivalent => "equivalent",
            Relation::Broader => "broader",
            Relation::Narrower => "narrower",
            Relation::Overlap => "overlap",
        }
    }
}

/// An element one side requires and the other does not imply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The element.
    pub element: ElementId,
    /// The instrument that requires it.
    pub required_by: InstrumentId,
    /// The paragraph of the other instrument under which a Party may require it, if any.
    pub optional_in_other: Option<String>,
    /// The difference in words.
    pub text: String,
}

/// Two corresponding articles.
#[derive(Clone, Debug, Serialize)]
pub struct ArticlePair {
    /// Article of the `from` instrument.
    pub from_article: String,
    /// Its title.
    pub from_title: String,
    /// Article of the `to` instrument.
    pub to_article: String,
    /// Its title.
    pub to_title: String,
    /// How they relate.
    pub relation: Relation,
    /// Variants of `to` that `from` covers, of the total.
    pub to_variants_covered: (usize, usize),
    /// Variants of `from` that `to` covers, of the total.
    pub from_variants_covered: (usize, usize),
    /// Elements that differ, named.
    pub differences: Vec<Difference>,
}

/// Articles with no counterpart.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Unmatched {
    /// Articles of `from` with no counterpart in `to`.
    pub from: Vec<String>,
    /// Articles of `to` with no counterpart in `from`.
    pub to: Vec<String>,
}

/// The crosswalk between two instruments.
#[derive(Clone, Debug, Serialize)]
pub struct Crosswalk {
    /// The first instrument.
    pub from: InstrumentId,
    /// The second instrument.
    pub to: InstrumentId,
    /// Corresponding article pairs, in the order of `from`'s articles.
    pub pairs: Vec<ArticlePair>,
    /// Articles with no counterpart.
    pub unmatched: Unmatched,
    /// Provisions the data does not encode, per side: a counterpart among them cannot be found, so an article
    /// listed as unmatched may have one there.
    pub not_encoded: NotEncodedSides,
}

/// Provisions the data of each instrument does not encode (see [`crate::Instrument::not_encoded`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NotEncodedSides {
    /// Of the first instrument.
    pub from: Vec<crate::NotEncoded>,
    /// Of the second instrument.
    pub to: Vec<crate::NotEncoded>,
}

/// Whether variant `a` (as an offense) reaches variant `b`'s act.
fn reaches(a: &CVariant, b: &CVariant) -> bool {
    std::iter::once(a.act)
        .chain(a.alt_acts.iter().copied())
        .any(|x| b.reached_by.contains(x))
}

/// Whether variant `a` covers variant `b`: reaches its act and requires nothing `b` does not imply.
fn covers(a: &CVariant, b: &CVariant) -> bool {
    reaches(a, b) && a.requires.iter().all(|&r| b.implied.contains(r))
}

fn related(a: &CVariant, b: &CVariant) -> bool {
    reaches(a, b) || reaches(b, a)
}

fn optional_in(
    inst: &Instrument,
    idx: &Index,
    e: usize,
    article_variants: &[String],
) -> Option<String> {
    let allows = |may: &[ElementId]| {
        may.iter()
            .any(|p| idx.ix.get(p).is_some_and(|&pi| idx.is_within(e, pi)))
    };
    inst.declarable
        .iter()
        .find(|d| {
            d.applies_to.iter().any(|v| article_variants.contains(v)) && allows(&d.may_require)
        })
        .map(|d| d.paragraph.clone())
        .or_else(|| {
            inst.reservable
                .iter()
                .find(|r| {
                    r.applies_to.iter().any(|v| article_variants.contains(v))
                        && allows(&r.may_require)
                })
                .map(|r| format!("{} (reservation)", r.paragraph))
        })
}

/// Computes the crosswalk between two instruments.
pub(crate) fn crosswalk(corpus: &Corpus, from: &str, to: &str) -> Result<Crosswalk, QueryError> {
    let fi = corpus.instrument(from)?;
    let ti = corpus.instrument(to)?;
    let idx = &corpus.index;
    let empty = Vec::new();
    let fv = idx.variants.get(&fi.id).unwrap_or(&empty);
    let tv = idx.variants.get(&ti.id).unwrap_or(&empty);
    let mut pairs = Vec::new();
    let mut matched_to = vec![false; ti.articles.len()];
    let mut unmatched = Unmatched::default();
    for (ai, a) in fi.articles.iter().enumerate() {
        let av = &fv[ai];
        let mut any = false;
        for (bi, b) in ti.articles.iter().enumerate() {
            let bv = &tv[bi];
            if !av.iter().any(|x| bv.iter().any(|y| related(x, y))) {
                continue;
            }
            let to_cov = bv
                .iter()
                .filter(|y| av.iter().any(|x| covers(x, y)))
                .count();
            let from_cov = av
                .iter()
                .filter(|x| bv.iter().any(|y| covers(y, x)))
                .count();
            let f_all = to_cov == bv.len();
            let t_all = from_cov == av.len();
            let relation = match (f_all, t_all) {
                (true, true) => Relation::Equivalent,
                (true, false) => Relation::Broader,
                (false, true) => Relation::Narrower,
                (false, false) => Relation::Overlap,
            };
            if to_cov == 0 && from_cov == 0 {
                // The acts meet but no variant of either covers one of the other: not a correspondence.
                continue;
            }
            any = true;
            matched_to[bi] = true;
            // Differences: for each variant, against its closest counterpart (fewest elements apart), the elements
            // one requires that the other does not imply.
            let a_ids: Vec<String> = a.variants.iter().map(|v| v.id.clone()).collect();
            let b_ids: Vec<String> = b.variants.iter().map(|v| v.id.clone()).collect();
            let apart = |x: &CVariant, y: &CVariant| -> (Vec<usize>, Vec<usize>) {
                (
                    y.requires
                        .iter()
                        .copied()
                        .filter(|&r| !x.implied.contains(r))
                        .collect(),
                    x.requires
                        .iter()
                        .copied()
                        .filter(|&r| !y.implied.contains(r))
                        .collect(),
                )
            };
            let mut found: Vec<(usize, bool)> = Vec::new(); // (element, required by `to`)
            let mut add = |(by_to, by_from): (Vec<usize>, Vec<usize>)| {
                for e in by_to {
                    if !found.contains(&(e, true)) {
                        found.push((e, true));
                    }
                }
                for e in by_from {
                    if !found.contains(&(e, false)) {
                        found.push((e, false));
                    }
                }
            };
            for y in bv {
                if let Some(best) = av
                    .iter()
                    .filter(|x| related(x, y))
                    .map(|x| apart(x, y))
                    .min_by_key(|(p, q)| p.len() + q.len())
                {
                    add(best);
                }
            }
            for x in av {
                if let Some(best) = bv
                    .iter()
                    .filter(|y| related(x, y))
                    .map(|y| apart(x, y))
                    .min_by_key(|(p, q)| p.len() + q.len())
                {
                    add(best);
                }
            }
            let differences: Vec<Difference> = found
                .into_iter()
                .map(|(e, by_to)| {
                    let (req, other, other_ids) = if by_to {
                        (ti, fi, &a_ids)
                    } else {
                        (fi, ti, &b_ids)
                    };
                    let element = idx.ids[e].clone();
                    let optional_in_other = optional_in(other, idx, e, other_ids);
                    let text = match &optional_in_other {
                        Some(p) => format!(
                            "`{element}` is required by {} and optional in {} (para. {p})",
                            req.short_title, other.short_title
                        ),
                        None => format!(
                            "`{element}` is required by {} and not by {}",
                            req.short_title, other.short_title
                        ),
                    };
                    Difference {
                        element,
                        required_by: req.id.clone(),
                        optional_in_other,
                        text,
                    }
                })
                .collect();
            pairs.push(ArticlePair {
                from_article: a.number.clone(),
                from_title: a.title.clone(),
                to_article: b.number.clone(),
                to_title: b.title.clone(),
                relation,
                to_variants_covered: (to_cov, bv.len()),
                from_variants_covered: (from_cov, av.len()),
                differences,
            });
        }
        if !any {
            unmatched.from.push(a.number.clone());
        }
    }
    unmatched.to = ti
        .articles
        .iter()
        .zip(&matched_to)
        .filter(|(_, m)| !**m)
        .map(|(a, _)| a.number.clone())
        .collect();
    Ok(Crosswalk {
        from: fi.id.clone(),
        to: ti.id.clone(),
        pairs,
        unmatched,
        not_encoded: NotEncodedSides {
            from: fi.not_encoded.clone(),
            to: ti.not_encoded.clone(),
        },
    })
}

impl Corpus {
    /// The crosswalk from one instrument to another, computed from the elements of their articles' variants:
    /// which articles correspond, whether one is broader, and which elements differ.
    ///
    /// ```
    /// use cyberlex::{Corpus, Relation};
    /// let c = Corpus::builtin().crosswalk("budapest", "directive-2013-40")?;
    /// let access = c.pairs.iter().find(|p| p.from_article == "2" && p.to_article == "3").expect("Art. 2 ~ Art. 3");
    /// assert_eq!(access.relation, Relation::Broader); // the Directive makes the security-measure breach mandatory
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`QueryError::UnknownInstrument`].
    pub fn crosswalk(&self, from: &str, to: &str) -> Result<Crosswalk, QueryError> {
        crosswalk(self, from, to)
    }
}
