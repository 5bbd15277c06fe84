//! Three-valued evaluation of offenses against a conduct, through the taxonomy.

use crate::Corpus;
use crate::index::{CVersion, ElementSet, Index};
use crate::model::Penalty;
use crate::query::{Conduct, QueryError, Verdict};

/// A conduct's facts closed under the taxonomy: a true fact makes every broader element true; a false fact makes
/// every narrower element false.
#[derive(Clone, Debug)]
pub(crate) struct Facts {
    pub t: ElementSet,
    pub f: ElementSet,
    /// When some act is known (so the closed world applies): the acts not known false, in increasing order. Only
    /// offenses with one of these acts can be satisfied or open; the others are ruled out.
    pub live_acts: Option<Vec<usize>>,
    /// The conduct is read as stated: whatever it does not establish is taken as absent.
    pub stated: bool,
}

/// The members of a word slice, in increasing order.
fn words_iter(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(wi, &w)| {
        let mut rest = w;
        std::iter::from_fn(move || {
            if rest == 0 {
                return None;
            }
            let b = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            Some(wi * 64 + b)
        })
    })
}

/// The acts not known false.
fn live(acts: &[u64], f: &[u64]) -> Vec<usize> {
    let w: Vec<u64> = acts.iter().zip(f).map(|(a, x)| a & !x).collect();
    words_iter(&w).collect()
}

/// Read as stated, the live acts are those known true.
fn stated_acts(idx: &Index, t: &ElementSet) -> Vec<usize> {
    let aw = idx.act_words;
    let w: Vec<u64> = idx.acts.words()[..aw]
        .iter()
        .zip(&t.words()[..aw])
        .map(|(a, x)| a & x)
        .collect();
    words_iter(&w).collect()
}

impl Facts {
    pub(crate) fn compile(corpus: &Corpus, conduct: &Conduct) -> Result<Facts, QueryError> {
        let idx = &corpus.index;
        let mut t = ElementSet::new(idx.len());
        let mut f = ElementSet::new(idx.len());
        for (e, known) in &conduct.facts {
            let i = *idx.ix.get(e).ok_or_else(|| QueryError::UnknownElement {
                id: e.0.clone(),
                suggestion: corpus.element_suggestion(&e.0),
            })?;
            // The closures are short lists: inserting them costs what they hold, not the vocabulary's width.
            if *known {
                for &a in &idx.up_list[i] {
                    t.insert(a);
                }
            } else {
                for &d in &idx.down_list[i] {
                    f.insert(d);
                }
            }
        }
        for e in &conduct.one_of_acts {
            if !idx.ix.contains_key(e) {
                return Err(QueryError::UnknownElement {
                    id: e.0.clone(),
                    suggestion: corpus.element_suggestion(&e.0),
                });
            }
        }
        // The conduct is what it is: once some act is known, acts neither implied by it nor a special case of it
        // are taken as not done (other elements stay three-valued). Without this, every answer would "depend" on
        // whether the person also did something else entirely.
        // Acts are numbered first, so the acts' words are a short prefix of each set.
        let aw = idx.act_words;
        let acts = &idx.acts.words()[..aw];
        let mut live_acts = None;
        if t.words()[..aw].iter().zip(acts).any(|(x, a)| x & a != 0) {
            // Acts neither done nor a special case of a done act (by the taxonomy) are taken as not done.
            let mut known: Vec<u64> = t.words()[..aw]
                .iter()
                .zip(acts)
                .map(|(x, a)| x & a)
                .collect();
            let done: Vec<usize> = words_iter(&known).collect();
            for d in done {
                for (k, w) in known.iter_mut().zip(idx.down_isa[d].words()) {
                    *k |= w;
                }
            }
            for ((fw, a), (tw, k)) in f.words_mut()[..aw]
                .iter_mut()
                .zip(acts)
                .zip(t.words()[..aw].iter().zip(&known))
            {
                *fw |= a & !tw & !k;
            }
            live_acts = Some(live(acts, &f.words()[..aw]));
        }
        if t.intersects(&f)
            && let Some(i) = t.and(&f).iter().next()
        {
            return Err(QueryError::ContradictoryFacts {
                element: idx.ids[i].0.clone(),
            });
        }
        Ok(Facts {
            t,
            f,
            live_acts,
            stated: false,
        })
    }

    /// The same facts read as stated: every element the facts do not establish is taken as absent.
    pub(crate) fn as_stated(&self, idx: &Index) -> Facts {
        let mut n = self.clone();
        n.stated = true;
        n.live_acts = Some(stated_acts(idx, &n.t));
        n
    }

    /// The same facts read openly: what they do not establish is unknown.
    pub(crate) fn as_open(&self) -> Facts {
        let mut n = self.clone();
        n.stated = false;
        n
    }

    pub(crate) fn with(&self, idx: &Index, e: usize, known: bool) -> Option<Facts> {
        let mut n = self.clone();
        if known {
            for &a in &idx.up_list[e] {
                n.t.insert(a);
            }
            if n.stated {
                n.live_acts = Some(stated_acts(idx, &n.t));
            }
        } else {
            for &d in &idx.down_list[e] {
                n.f.insert(d);
            }
            if let Some(live) = &mut n.live_acts {
                live.retain(|&a| !n.f.contains(a));
            }
        }
        if n.t.intersects(&n.f) { None } else { Some(n) }
    }

    pub(crate) fn truth(&self, e: usize) -> Option<bool> {
        if self.t.contains(e) {
            Some(true)
        } else if self.stated || self.f.contains(e) {
            Some(false)
        } else {
            None
        }
    }
}

/// How one offense version fares against the facts.
#[derive(Clone, Debug)]
pub(crate) struct Eval {
    pub truth: Verdict,
    /// elements whose truth is unknown and matters (acts if no act is known, then required elements)
    pub open: Vec<usize>,
    /// required elements known false (or all acts known false)
    pub failed: Vec<usize>,
}

/// A disjunction, three-valued: true when a member is, false when every member is, unknown otherwise.
pub(crate) fn group_truth(facts: &Facts, g: &[usize]) -> Option<bool> {
    let mut all_false = true;
    for &e in g {
        match facts.truth(e) {
            Some(true) => return Some(true),
            Some(false) => {}
            None => all_false = false,
        }
    }
    all_false.then_some(false)
}

/// An offense is satisfied when one of its acts and all its required elements are known true; ruled out when
/// a required element is known false or every act is; open otherwise.
pub(crate) fn eval_version(facts: &Facts, v: &CVersion) -> Eval {
    let mut open = Vec::new();
    let mut failed = Vec::new();
    let act_true = v.acts.iter().any(|&a| facts.truth(a) == Some(true));
    let all_acts_false = v.acts.iter().all(|&a| facts.truth(a) == Some(false));
    if all_acts_false {
        failed.extend(v.acts.iter().copied());
    } else if !act_true {
        open.extend(v.acts.iter().copied().filter(|&a| facts.truth(a).is_none()));
    }
    for &r in &v.requires {
        match facts.truth(r) {
            Some(true) => {}
            Some(false) => failed.push(r),
            None => open.push(r),
        }
    }
    // A group holds when one member does, fails when every member does, and is open otherwise: then each member
    // not known false would decide it.
    for g in &v.one_of {
        match group_truth(facts, g) {
            Some(true) => {}
            Some(false) => failed.extend(g.iter().copied()),
            None => open.extend(g.iter().copied().filter(|&e| facts.truth(e).is_none())),
        }
    }
    let truth = if !failed.is_empty() {
        Verdict::NotSatisfied
    } else if open.is_empty() {
        Verdict::Satisfied
    } else {
        Verdict::Depends
    };
    Eval {
        truth,
        open,
        failed,
    }
}

/// The verdict of [`eval_version`] alone, without collecting elements: no allocation, and it stops at the first
/// element that rules the offense out.
pub(crate) fn version_truth(facts: &Facts, v: &CVersion) -> Verdict {
    let mut open = false;
    for &r in &v.requires {
        match facts.truth(r) {
            Some(true) => {}
            Some(false) => return Verdict::NotSatisfied,
            None => open = true,
        }
    }
    for g in &v.one_of {
        match group_truth(facts, g) {
            Some(true) => {}
            Some(false) => return Verdict::NotSatisfied,
            None => open = true,
        }
    }
    let mut any_act_open = false;
    for &a in &v.acts {
        match facts.truth(a) {
            Some(true) => {
                return if open {
                    Verdict::Depends
                } else {
                    Verdict::Satisfied
                };
            }
            Some(false) => {}
            None => any_act_open = true,
        }
    }
    // No act is known done: ruled out when every act is known not done, open otherwise (as in `eval_version`,
    // a version without acts rests on its required elements alone).
    if v.acts.is_empty() {
        if open {
            Verdict::Depends
        } else {
            Verdict::Satisfied
        }
    } else if any_act_open {
        Verdict::Depends
    } else {
        Verdict::NotSatisfied
    }
}

/// The maximum penalty for the conduct: `known` counts the basic form and aggravated forms whose elements are all
/// known true; `possible` adds forms whose elements are not known false. `None` means no custodial penalty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PenaltyEval {
    pub known: Option<u32>,
    pub possible: Option<u32>,
    /// elements of aggravated forms that could raise the known maximum
    pub open: Vec<usize>,
}

pub(crate) fn eval_penalty(facts: &Facts, v: &CVersion, p: &Penalty) -> PenaltyEval {
    if p.follows_principal {
        // The penalty is that of the offense attempted, aided or intended: unknown here, possibly any.
        return PenaltyEval {
            known: None,
            possible: Some(u32::MAX),
            open: Vec::new(),
        };
    }
    let mut known = p.max_months;
    let mut possible = p.max_months;
    let mut open = Vec::new();
    for (when, m) in &v.aggravated {
        let any_false = when.iter().any(|&e| facts.truth(e) == Some(false));
        let all_true = when.iter().all(|&e| facts.truth(e) == Some(true));
        if all_true {
            known = known.max(Some(*m));
        }
        if !any_false {
            if !all_true && Some(*m) > known {
                open.extend(when.iter().copied().filter(|&e| facts.truth(e).is_none()));
            }
            possible = possible.max(Some(*m));
        }
    }
    open.sort_unstable();
    open.dedup();
    PenaltyEval {
        known,
        possible,
        open,
    }
}
