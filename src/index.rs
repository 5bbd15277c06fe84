//! The index: a petgraph graph built once from the validated model (element taxonomy, offenses → elements,
//! article variants → elements), the taxonomy's transitive closure, and element sets as bitsets.
//! Nothing here is public API and nothing is mutated after [`Index::build`].

use std::collections::{BTreeMap, HashMap};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Dfs, Reversed};

use crate::model::{ElementId, Instrument, InstrumentId, Jurisdiction, JurisdictionCode};

/// A set of elements, as a bitset over the index's element numbering.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct ElementSet {
    words: Vec<u64>,
}

impl ElementSet {
    pub(crate) fn new(n: usize) -> ElementSet {
        ElementSet {
            words: vec![0; n.div_ceil(64)],
        }
    }
    pub(crate) fn insert(&mut self, i: usize) {
        if let Some(w) = self.words.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
    pub(crate) fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    pub(crate) fn union_with(&mut self, o: &ElementSet) {
        for (a, b) in self.words.iter_mut().zip(&o.words) {
            *a |= *b;
        }
    }
    pub(crate) fn intersects(&self, o: &ElementSet) -> bool {
        self.words.iter().zip(&o.words).any(|(a, b)| a & b != 0)
    }
    /// Elements in both.
    pub(crate) fn and(&self, o: &ElementSet) -> ElementSet {
        ElementSet {
            words: self
                .words
                .iter()
                .zip(&o.words)
                .map(|(a, b)| a & b)
                .collect(),
        }
    }
    /// The words, for loops that touch only a prefix of the numbering (the acts come first).
    pub(crate) fn words(&self) -> &[u64] {
        &self.words
    }
    /// The same, to change.
    pub(crate) fn words_mut(&mut self) -> &mut [u64] {
        &mut self.words
    }
    /// The members in increasing order (word by word, one step per member).
    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
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
}

/// What a node of the graph stands for.
#[derive(Clone, Debug)]
#[expect(
    dead_code,
    reason = "offense and variant payloads identify nodes when debugging and for future graph queries"
)]
pub(crate) enum Node {
    Element(usize),
    /// jurisdiction, offense index within it
    Offense(JurisdictionCode, usize),
    /// instrument, article index, variant index
    Variant(InstrumentId, usize, usize),
}

/// What an edge means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    /// element → a broader element
    Broader,
    /// element → an element it implies across kinds
    Implies,
    /// offense or variant → one of its acts
    Act,
    /// offense or variant → a required element
    Requires,
}

/// An offense version with its elements numbered.
#[derive(Clone, Debug)]
pub(crate) struct CVersion {
    pub acts: Vec<usize>,
    /// the required elements that carry substance: a jurisdictional hook is replaced by its nearest broader
    /// elements that are not hooks (the protected computer by the computer system), or dropped if it has none
    pub requires: Vec<usize>,
    /// the jurisdictional hooks and national readings the version names, counted as their broader elements in
    /// `requires`
    pub disregarded: Vec<usize>,
    /// groups of which one member must hold (`requires_one_of`), hooks replaced as in `requires`; a group with a
    /// hook that carries no substance always holds and is dropped
    pub one_of: Vec<Vec<usize>>,
    pub aggravated: Vec<(Vec<usize>, u32)>,
}

/// A treaty variant with its elements numbered.
#[derive(Clone, Debug)]
pub(crate) struct CVariant {
    pub act: usize,
    /// other acts that also reach the variant
    pub alt_acts: Vec<usize>,
    pub requires: Vec<usize>,
    /// every element the variant's own elements imply (reflexive-transitive broader closure)
    pub implied: ElementSet,
    /// the acts that reach the variant: its act, its other acts, and every act broader than one of them
    pub reached_by: ElementSet,
    /// the instrument's declarable paragraphs that apply to the variant: (index in `declarable`, every element a
    /// Party may require under it, i.e. the listed elements and their special cases)
    pub declarable: Vec<(usize, ElementSet)>,
    /// the instrument's reservable paragraphs that apply to the variant (indices in `reservable`)
    pub reservable: Vec<usize>,
}

/// The index over a corpus.
#[derive(Debug)]
pub(crate) struct Index {
    pub ids: Vec<ElementId>,
    pub ix: HashMap<ElementId, usize>,
    /// `up[i]`: i and every element it entails: broader elements and implied ones, transitively
    pub up: Vec<ElementSet>,
    /// `down[i]`: i and every element that entails it
    pub down: Vec<ElementSet>,
    /// `down_isa[i]`: i and its special cases by the taxonomy alone (`broader`), without implications: the acts a
    /// named act may have been done as, which the closed world leaves open
    pub down_isa: Vec<ElementSet>,
    /// every element of kind act
    pub acts: ElementSet,
    /// how many leading words of a bitset hold every act (the corpus numbers acts first), so that the closed world
    /// of acts is computed on them alone
    pub act_words: usize,
    /// `up[i]` and `down[i]` as sorted lists: a conduct's few facts are closed by inserting these
    pub up_list: Vec<Vec<usize>>,
    pub down_list: Vec<Vec<usize>>,
    pub graph: DiGraph<Node, Edge>,
    pub offense_nodes: BTreeMap<JurisdictionCode, Vec<NodeIndex>>,
    /// per jurisdiction, per offense, per version
    pub offenses: BTreeMap<JurisdictionCode, Vec<Vec<CVersion>>>,
    /// per jurisdiction, `(act, offense)` for every act of any version of an offense, sorted: which offenses an
    /// act can reach, found by binary search
    pub act_offenses: BTreeMap<JurisdictionCode, Vec<(usize, usize)>>,
    /// per instrument, per article, per variant
    pub variants: BTreeMap<InstrumentId, Vec<Vec<CVariant>>>,
    /// partitions: (index in the corpus's list, the element exhausted, its cases)
    pub partitions: Vec<(usize, usize, Vec<usize>)>,
    /// which partitions apply to a state: the shared ones and its own (indices in `partitions`)
    pub partitions_of: BTreeMap<JurisdictionCode, Vec<usize>>,
    /// the elements some partition exhausts: a conduct that shows none of them needs no case split
    pub partitioned: ElementSet,
}

impl Index {
    pub(crate) fn build(
        elements: &[crate::model::Element],
        partitions: &[crate::model::Partition],
        instruments: &BTreeMap<InstrumentId, Instrument>,
        jurisdictions: &BTreeMap<JurisdictionCode, Jurisdiction>,
    ) -> Index {
        let n = elements.len();
        let ids: Vec<ElementId> = elements.iter().map(|e| e.id.clone()).collect();
        let ix: HashMap<ElementId, usize> = ids
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, e)| (e, i))
            .collect();
        let mut graph: DiGraph<Node, Edge> = DiGraph::new();
        let element_nodes: Vec<NodeIndex> =
            (0..n).map(|i| graph.add_node(Node::Element(i))).collect();
        for (i, e) in elements.iter().enumerate() {
            for b in &e.broader {
                if let Some(&j) = ix.get(b) {
                    graph.add_edge(element_nodes[i], element_nodes[j], Edge::Broader);
                }
            }
        }
        // The taxonomy alone, downward: computed before implication edges are added.
        let down_isa = closure(&graph, &element_nodes, n, true);
        for (i, e) in elements.iter().enumerate() {
            for imp in &e.implies {
                if let Some(&j) = ix.get(&imp.element) {
                    graph.add_edge(element_nodes[i], element_nodes[j], Edge::Implies);
                }
            }
        }
        // Elements counted as their broader ones: jurisdictional hooks and national readings.
        let mut jurisdictional = ElementSet::new(n);
        for (i, e) in elements.iter().enumerate() {
            if e.counts_as_broader() {
                jurisdictional.insert(i);
            }
        }
        // A hook's substance: its nearest broader elements that are not hooks themselves.
        let substance = |i: usize| -> Vec<usize> {
            let mut out = Vec::new();
            let mut stack: Vec<usize> = elements[i]
                .broader
                .iter()
                .filter_map(|b| ix.get(b).copied())
                .collect();
            let mut seen = ElementSet::new(n);
            while let Some(k) = stack.pop() {
                if seen.contains(k) {
                    continue;
                }
                seen.insert(k);
                if jurisdictional.contains(k) {
                    stack.extend(
                        elements[k]
                            .broader
                            .iter()
                            .filter_map(|b| ix.get(b).copied()),
                    );
                } else if !out.contains(&k) {
                    out.push(k);
                }
            }
            out
        };
        let up = closure(&graph, &element_nodes, n, false);
        let mut acts = ElementSet::new(n);
        for (i, id) in ids.iter().enumerate() {
            if id.kind() == crate::model::ElementKind::Act {
                acts.insert(i);
            }
        }
        let down = closure(&graph, &element_nodes, n, true);
        let num = |v: &[ElementId]| -> Vec<usize> {
            v.iter().filter_map(|e| ix.get(e).copied()).collect()
        };

        let down_union = |v: &[ElementId]| down_union_of(&ix, &down, v);
        let mut offenses = BTreeMap::new();
        let mut offense_nodes = BTreeMap::new();
        let mut act_offenses = BTreeMap::new();
        for (code, j) in jurisdictions {
            let mut per = Vec::with_capacity(j.offenses.len());
            let mut nodes = Vec::with_capacity(j.offenses.len());
            let mut by_act = Vec::new();
            for (oi, o) in j.offenses.iter().enumerate() {
                let node = graph.add_node(Node::Offense(code.clone(), oi));
                nodes.push(node);
                let mut vs = Vec::with_capacity(o.versions.len());
                for v in &o.versions {
                    let mut requires = Vec::with_capacity(v.requires.len());
                    let mut disregarded = Vec::new();
                    for r in num(&v.requires) {
                        if jurisdictional.contains(r) {
                            disregarded.push(r);
                            for k in substance(r) {
                                if !requires.contains(&k) {
                                    requires.push(k);
                                }
                            }
                        } else if !requires.contains(&r) {
                            requires.push(r);
                        }
                    }
                    let mut one_of = Vec::with_capacity(v.requires_one_of.len());
                    'group: for g in &v.requires_one_of {
                        let mut members = Vec::with_capacity(g.len());
                        for r in num(g) {
                            if jurisdictional.contains(r) {
                                disregarded.push(r);
                                match substance(r).as_slice() {
                                    // "a hook or X" always holds in substance
                                    [] => continue 'group,
                                    [k] => members.push(*k),
                                    // a conjunction cannot stand in a disjunction: keep the element itself
                                    _ => members.push(r),
                                }
                            } else {
                                members.push(r);
                            }
                        }
                        members.sort_unstable();
                        members.dedup();
                        // a member also required on its own makes the group hold whenever the version does
                        if members.len() > 1 && !members.iter().any(|m| requires.contains(m)) {
                            one_of.push(members);
                        } else if let [m] = members.as_slice()
                            && !requires.contains(m)
                        {
                            requires.push(*m);
                        }
                    }
                    let cv = CVersion {
                        acts: num(&v.acts),
                        requires,
                        disregarded,
                        one_of,
                        aggravated: v
                            .penalty
                            .aggravated
                            .iter()
                            .map(|a| (num(&a.when), a.max_months))
                            .collect(),
                    };
                    for &a in &cv.acts {
                        graph.update_edge(node, element_nodes[a], Edge::Act);
                        by_act.push((a, oi));
                    }
                    for &r in cv.requires.iter().chain(cv.one_of.iter().flatten()) {
                        graph.update_edge(node, element_nodes[r], Edge::Requires);
                    }
                    vs.push(cv);
                }
                per.push(vs);
            }
            by_act.sort_unstable();
            by_act.dedup();
            act_offenses.insert(code.clone(), by_act);
            offenses.insert(code.clone(), per);
            offense_nodes.insert(code.clone(), nodes);
        }
        let mut variants = BTreeMap::new();
        for (iid, inst) in instruments {
            let mut arts = Vec::with_capacity(inst.articles.len());
            for (ai, a) in inst.articles.iter().enumerate() {
                let mut vs = Vec::with_capacity(a.variants.len());
                for (vi, v) in a.variants.iter().enumerate() {
                    let act = ix.get(&v.act).copied().unwrap_or(0);
                    let requires = num(&v.requires);
                    let alt_acts = num(&v.also_reached_by);
                    let mut reached_by = up[act].clone();
                    for &x in &alt_acts {
                        reached_by.union_with(&up[x]);
                    }
                    let mut implied = reached_by.clone();
                    for &r in &requires {
                        implied.union_with(&up[r]);
                    }
                    let node = graph.add_node(Node::Variant(iid.clone(), ai, vi));
                    graph.add_edge(node, element_nodes[act], Edge::Act);
                    for &r in &requires {
                        graph.add_edge(node, element_nodes[r], Edge::Requires);
                    }
                    let declarable = inst
                        .declarable
                        .iter()
                        .enumerate()
                        .filter(|(_, d)| d.applies_to.contains(&v.id))
                        .map(|(di, d)| (di, down_union(&d.may_require)))
                        .collect();
                    let reservable = inst
                        .reservable
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| r.applies_to.contains(&v.id))
                        .map(|(ri, _)| ri)
                        .collect();
                    vs.push(CVariant {
                        act,
                        alt_acts,
                        requires,
                        implied,
                        reached_by,
                        declarable,
                        reservable,
                    });
                }
                arts.push(vs);
            }
            variants.insert(iid.clone(), arts);
        }
        let compiled_partitions: Vec<(usize, usize, Vec<usize>)> = partitions
            .iter()
            .enumerate()
            .filter_map(|(pi, p)| {
                let g = *ix.get(&p.element)?;
                Some((
                    pi,
                    g,
                    p.cases.iter().filter_map(|c| ix.get(c).copied()).collect(),
                ))
            })
            .collect();
        let mut partitioned = ElementSet::new(n);
        for (_, g, _) in &compiled_partitions {
            partitioned.insert(*g);
        }
        // A state's own partitions and the shared ones.
        let partitions_of = jurisdictions
            .keys()
            .map(|code| {
                let mine = compiled_partitions
                    .iter()
                    .enumerate()
                    .filter(|(_, (pi, _, _))| {
                        partitions[*pi]
                            .defined_by
                            .as_ref()
                            .is_none_or(|o| o == code)
                    })
                    .map(|(k, _)| k)
                    .collect();
                (code.clone(), mine)
            })
            .collect();
        let partitions = compiled_partitions;
        let act_words = acts.iter().last().map_or(0, |a| a / 64 + 1);
        let up_list: Vec<Vec<usize>> = up.iter().map(|s| s.iter().collect()).collect();
        let down_list: Vec<Vec<usize>> = down.iter().map(|s| s.iter().collect()).collect();
        Index {
            act_words,
            up_list,
            down_list,
            partitions,
            partitions_of,
            partitioned,
            ids,
            ix,
            up,
            down,
            down_isa,
            acts,
            graph,
            offense_nodes,
            offenses,
            act_offenses,
            variants,
        }
    }

    /// Number of elements.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Every element that is, or is a special case of, one of `v` (unknown ids are skipped).
    pub(crate) fn down_union(&self, v: &[ElementId]) -> ElementSet {
        down_union_of(&self.ix, &self.down, v)
    }

    /// Whether element `narrow` is `broad` or a special case of it.
    pub(crate) fn is_within(&self, narrow: usize, broad: usize) -> bool {
        self.up[narrow].contains(broad)
    }
}

/// Reflexive-transitive closure of every element over the element nodes' out-edges (or in-edges, `reversed`).
fn closure(
    g: &DiGraph<Node, Edge>,
    element_nodes: &[NodeIndex],
    n: usize,
    reversed: bool,
) -> Vec<ElementSet> {
    (0..n)
        .map(|i| {
            let mut s = ElementSet::new(n);
            if reversed {
                let r = Reversed(g);
                let mut dfs = Dfs::new(r, element_nodes[i]);
                while let Some(node) = dfs.next(r) {
                    if let Node::Element(k) = g[node] {
                        s.insert(k);
                    }
                }
            } else {
                let mut dfs = Dfs::new(g, element_nodes[i]);
                while let Some(node) = dfs.next(g) {
                    if let Node::Element(k) = g[node] {
                        s.insert(k);
                    }
                }
            }
            s
        })
        .collect()
}

/// Every element that is, or is a special case of, one of `v`, given the numbering and the `down` closures.
fn down_union_of(
    ix: &HashMap<ElementId, usize>,
    down: &[ElementSet],
    v: &[ElementId],
) -> ElementSet {
    let mut s = ElementSet::new(down.len());
    for &i in v.iter().filter_map(|e| ix.get(e)) {
        s.union_with(&down[i]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::ElementSet;

    #[test]
    fn bitset_iteration_yields_exactly_the_members_in_order() {
        let members: Vec<usize> = (0..300).filter(|i| i % 7 == 0 || i % 64 == 63).collect();
        let mut s = ElementSet::new(300);
        for &i in &members {
            s.insert(i);
        }
        assert_eq!(s.iter().collect::<Vec<_>>(), members);
        assert!(s.iter().next().is_some() && s.words().len() == 5);
        assert_eq!(ElementSet::new(300).iter().next(), None);
    }

    #[test]
    fn bitset_basics() {
        let mut a = ElementSet::new(130);
        a.insert(0);
        a.insert(129);
        assert!(a.contains(129) && a.contains(0) && !a.contains(64));
        assert_eq!(a.iter().collect::<Vec<_>>(), vec![0, 129]);
        let mut b = ElementSet::new(130);
        b.insert(64);
        assert!(!a.intersects(&b));
        b.union_with(&a);
        assert!(b.intersects(&a));
        assert_eq!(b.iter().count(), 3);
    }
}
