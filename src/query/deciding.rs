//! The search for the smallest sets of open facts that settle an answer (`DecidingSet`), bounded in size and in
//! evaluations. It knows nothing of the procedures: it is given the facts and a function that returns the verdict.

use crate::query::eval::Facts;
use crate::query::{QueryError, Verdict};

/// The most open facts a search considers (the first, in element order).
const MAX_DECIDING: usize = 24;
/// The largest set of facts searched for one that settles an open answer.
const MAX_SET: usize = 3;
/// A bound on the evaluations spent searching for deciding sets.
const MAX_EVALS: usize = 512;

/// Open facts in order, once each, at most [`MAX_DECIDING`] of them.
pub(crate) fn tidy(open: &mut Vec<usize>) {
    open.sort_unstable();
    open.dedup();
    open.truncate(MAX_DECIDING);
}

/// Values given to some facts: (element, value).
type Assignment = Vec<(usize, bool)>;

/// The smallest assignments to `open` facts that settle the verdict `eval` gives, smallest first: every set of one
/// fact, then of two facts among the rest, up to [`MAX_SET`]; a set that contains a smaller settling set is left
/// out, so each listed set is minimal.
pub(crate) fn minimal_sets(
    idx: &crate::index::Index,
    base: &Facts,
    open: &[usize],
    values: &[bool],
    settles: &dyn Fn(Verdict) -> bool,
    eval: &mut dyn FnMut(&Facts) -> Result<Verdict, QueryError>,
) -> Result<Vec<(Assignment, Verdict)>, QueryError> {
    let mut found: Vec<(Assignment, Verdict)> = Vec::new();
    let mut evals = 0usize;
    let mut frontier: Vec<Assignment> = vec![vec![]];
    for _size in 1..=MAX_SET {
        let mut next = Vec::new();
        for partial in &frontier {
            let start = partial.last().map_or(0, |&(e, _)| {
                open.iter()
                    .position(|&x| x == e)
                    .map_or(open.len(), |p| p + 1)
            });
            for &e in &open[start.min(open.len())..] {
                for &value in values {
                    let mut set = partial.clone();
                    set.push((e, value));
                    // Minimal only: skip a set containing one already found.
                    if found.iter().any(|(f, _)| f.iter().all(|x| set.contains(x))) {
                        continue;
                    }
                    let mut facts = Some(base.clone());
                    for &(x, v) in &set {
                        facts = facts.and_then(|f| f.with(idx, x, v));
                    }
                    let Some(facts) = facts else { continue };
                    if evals >= MAX_EVALS {
                        return Ok(found);
                    }
                    evals += 1;
                    let v = eval(&facts)?;
                    if settles(v) {
                        found.push((set, v));
                    } else {
                        next.push(set);
                    }
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    Ok(found)
}
