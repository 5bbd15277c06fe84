//! Model-based tests: a naive evaluator written directly from the definitions in DESIGN.md (plain sets, no index,
//! no bitsets) must give the same answers as the engine, for dual criminality and coverage, on random corpora.

use std::collections::{BTreeSet, HashMap};

use cyberlex::{
    Conduct, Corpus, CoverageStatus, Date, DualCriminalityRequest, ElementKind, Procedure, Verdict,
};
use proptest::prelude::*;

const ACTS: [&str; 9] = [
    "act/access",
    "act/intercept",
    "act/delete-data",
    "act/data-interference",
    "act/input-data",
    "act/hinder-system",
    "act/possess-item",
    "act/device-dealing",
    "act/distribute-material",
];
const OTHERS: [&str; 12] = [
    "object/computer-system",
    "object/computer-data",
    "object/access-credential",
    "object/csam",
    "circ/without-right",
    "circ/security-measure-infringed",
    "mental/intent",
    "mental/recklessness",
    "mental/dishonest-intent",
    "result/serious-harm",
    "result/serious-hindering",
    "result/loss-of-property",
];

struct Naive<'a> {
    c: &'a Corpus,
    broader: HashMap<String, Vec<String>>,
    /// broader and implied elements: what a fact entails
    entails: HashMap<String, Vec<String>>,
    jurisdictional: BTreeSet<String>,
}

impl<'a> Naive<'a> {
    fn new(c: &'a Corpus) -> Self {
        let broader = c
            .elements()
            .iter()
            .map(|e| {
                (
                    e.id().to_string(),
                    e.broader().iter().map(ToString::to_string).collect(),
                )
            })
            .collect();
        let entails = c
            .elements()
            .iter()
            .map(|e| {
                (
                    e.id().to_string(),
                    e.broader()
                        .iter()
                        .map(ToString::to_string)
                        .chain(e.implies().iter().map(|i| i.element().to_string()))
                        .collect(),
                )
            })
            .collect();
        let jurisdictional = c
            .elements()
            .iter()
            .filter(|e| e.is_jurisdictional())
            .map(|e| e.id().to_string())
            .collect();
        Naive {
            c,
            broader,
            entails,
            jurisdictional,
        }
    }
    fn closure(map: &HashMap<String, Vec<String>>, e: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![e.to_owned()];
        while let Some(x) = stack.pop() {
            if seen.insert(x.clone()) {
                stack.extend(map.get(&x).cloned().unwrap_or_default());
            }
        }
        seen
    }
    /// What a fact entails: itself, its broader elements and what it implies, transitively.
    fn up(&self, e: &str) -> BTreeSet<String> {
        Self::closure(&self.entails, e)
    }
    /// What entails the element.
    fn down(&self, e: &str) -> BTreeSet<String> {
        self.entails
            .keys()
            .filter(|k| self.up(k).contains(e))
            .cloned()
            .collect()
    }
    /// Special cases by the taxonomy alone.
    fn down_isa(&self, e: &str) -> BTreeSet<String> {
        self.broader
            .keys()
            .filter(|k| Self::closure(&self.broader, k).contains(e))
            .cloned()
            .collect()
    }
    /// A required element as it counts: a jurisdictional hook by its nearest broader elements that are not hooks.
    fn substance(&self, e: &str) -> Vec<String> {
        if !self.jurisdictional.contains(e) {
            return vec![e.to_owned()];
        }
        self.broader
            .get(e)
            .into_iter()
            .flatten()
            .flat_map(|b| self.substance(b))
            .collect()
    }
    fn facts(&self, conduct: &[(String, bool)]) -> (BTreeSet<String>, BTreeSet<String>) {
        let mut t = BTreeSet::new();
        let mut f = BTreeSet::new();
        for (e, v) in conduct {
            if *v {
                t.extend(self.up(e))
            } else {
                f.extend(self.down(e))
            }
        }
        let acts: Vec<String> = self
            .c
            .elements()
            .iter()
            .filter(|e| e.id().kind() == ElementKind::Act)
            .map(|e| e.id().to_string())
            .collect();
        let done: Vec<&String> = acts.iter().filter(|a| t.contains(*a)).collect();
        if !done.is_empty() {
            let narrower: BTreeSet<String> = done.iter().flat_map(|a| self.down_isa(a)).collect();
            for a in &acts {
                if !t.contains(a) && !narrower.contains(a) {
                    f.insert(a.clone());
                }
            }
        }
        (t, f)
    }
    /// A state's verdict: satisfied, depends or not, with an optional penalty threshold.
    fn state(
        &self,
        code: &str,
        date: Date,
        t: &BTreeSet<String>,
        f: &BTreeSet<String>,
        threshold: Option<u32>,
    ) -> Verdict {
        let mut out = Verdict::NotSatisfied;
        for (_, v) in self.c.offenses_in_force(code, date).unwrap() {
            let acts: Vec<String> = v.acts().iter().map(ToString::to_string).collect();
            let req: Vec<String> = v
                .requires()
                .iter()
                .flat_map(|r| self.substance(r.as_str()))
                .collect();
            let sat = acts.iter().any(|a| t.contains(a)) && req.iter().all(|r| t.contains(r));
            let out_ = req.iter().any(|r| f.contains(r)) || acts.iter().all(|a| f.contains(a));
            let p = v.penalty();
            let mut known = p.max_months();
            let mut possible = p.max_months();
            for a in p.aggravated() {
                let w: Vec<String> = a.when().iter().map(ToString::to_string).collect();
                if w.iter().all(|e| t.contains(e)) {
                    known = known.max(Some(a.max_months()));
                }
                if !w.iter().any(|e| f.contains(e)) {
                    possible = possible.max(Some(a.max_months()));
                }
            }
            let meets = |m: Option<u32>| threshold.is_none_or(|th| m.is_some_and(|m| m >= th));
            if sat && meets(known) {
                return Verdict::Satisfied;
            }
            if (sat || !out_) && meets(possible) {
                out = Verdict::Depends;
            }
        }
        out
    }
}

fn both(a: Verdict, b: Verdict) -> Verdict {
    match (a, b) {
        (Verdict::NotSatisfied, _) | (_, Verdict::NotSatisfied) => Verdict::NotSatisfied,
        (Verdict::Satisfied, Verdict::Satisfied) => Verdict::Satisfied,
        _ => Verdict::Depends,
    }
}

type Spec = Vec<(Vec<usize>, Vec<usize>, Option<u32>, Option<(usize, u32)>)>;

fn corpus(offenses: &Spec, reserve: &[bool; 3], declare: bool) -> Corpus {
    let mut s = String::from(
        "format_version: 1\njurisdiction: { code: XA, name: R, legal_family: civil }\ntreaties:\n  - instrument: budapest\n    in_force: 2005-01-01\n    source: s\n    checked: 2020-01-01\n    verification: unverified\n    reservations:\n      - { paragraph: \"29(4)\", source: s, checked: 2020-01-01 }\n",
    );
    if reserve[0] {
        s.push_str("      - { paragraph: \"9(4)\", not_applied: [\"9(1)(d)\", \"9(1)(e)\"], source: s, checked: 2020-01-01 }\n");
    }
    if reserve[1] {
        s.push_str("      - { paragraph: \"6(3)\", not_applied: [\"6(1)(b)-device\", \"6(1)(b)-credential\"], source: s, checked: 2020-01-01 }\n");
    }
    if reserve[2] {
        s.push_str("      - { paragraph: \"4(2)\", requires: [result/serious-harm], source: s, checked: 2020-01-01 }\n");
    }
    if declare {
        s.push_str("    declarations:\n      - { paragraph: \"2\", requires: [circ/security-measure-infringed], source: s, checked: 2020-01-01 }\n");
    }
    s.push_str(if offenses.is_empty() {
        "offenses: []\n"
    } else {
        "offenses:\n"
    });
    for (i, (acts, req, months, aggr)) in offenses.iter().enumerate() {
        let acts: BTreeSet<&str> = acts.iter().map(|a| ACTS[a % ACTS.len()]).collect();
        let req: BTreeSet<&str> = req.iter().map(|a| OTHERS[a % OTHERS.len()]).collect();
        let mut pen = format!(
            "max_months: {}",
            months.map_or("null".into(), |m| m.to_string())
        );
        if let Some((e, m)) = aggr {
            pen.push_str(&format!(
                ", aggravated: [{{ when: [{}], max_months: {} }}]",
                OTHERS[e % OTHERS.len()],
                m.max(&months.unwrap_or(0))
            ));
        }
        s.push_str(&format!(
            "  - {{ id: xa/o{i}, citation: s{i}, title: {{ original: o, en: o }}, source: s, checked: 2020-01-01, verification: unverified, versions: [{{ from: 2000-01-01, acts: [{}], requires: [{}], penalty: {{ {pen} }} }}] }}\n",
            acts.into_iter().collect::<Vec<_>>().join(", "),
            req.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", &s)
        .build()
        .expect("generated corpus loads")
}

fn naive_coverage(n: &Naive<'_>, code: &str, date: Date) -> Vec<CoverageStatus> {
    let c = n.c;
    let inst = c.instrument("budapest").unwrap();
    let j = c.jurisdiction(code).unwrap();
    let status = j.treaty(inst.id());
    let offs = c.offenses_in_force(code, date).unwrap();
    let mut out = Vec::new();
    for art in inst.articles() {
        let mut vstatus = Vec::new(); // 0 full, 1 permitted, 2 reserved, 3 partial, 4 missing
        let mut reached = false;
        for var in art.variants() {
            let mut implied: BTreeSet<String> = n.up(var.act().as_str());
            for a in var.also_reached_by() {
                implied.extend(n.up(a.as_str()));
            }
            for r in var.requires() {
                implied.extend(n.up(r.as_str()));
            }
            let allowed = |e: &str, may: &[cyberlex::ElementId]| {
                may.iter().any(|p| n.up(e).contains(p.as_str()))
            };
            let mut best: Option<(u8, usize)> = None;
            for (_, v) in &offs {
                let hit = v.acts().iter().any(|a| {
                    let d = n.down(a.as_str());
                    d.contains(var.act().as_str())
                        || var.also_reached_by().iter().any(|x| d.contains(x.as_str()))
                });
                if !hit {
                    continue;
                }
                let extras: Vec<String> = v
                    .requires()
                    .iter()
                    .flat_map(|r| n.substance(r.as_str()))
                    .filter(|r| !implied.contains(r))
                    .collect();
                let mut grade = 0u8;
                for e in &extras {
                    let reserved = status.is_some_and(|s| {
                        s.reservations().iter().any(|r| {
                            inst.reservable().iter().any(|rb| {
                                rb.paragraph() == r.paragraph()
                                    && rb.may_require().1.contains(&var.id().to_owned())
                            }) && allowed(e, r.requires())
                        })
                    });
                    // Permitted only where the state declared the element under the paragraph.
                    let declarable = inst.declarable().iter().any(|d| {
                        d.applies_to().contains(&var.id().to_owned())
                            && allowed(e, d.may_require())
                            && status.is_some_and(|s| {
                                s.declarations().iter().any(|x| {
                                    x.paragraph() == d.paragraph() && allowed(e, x.requires())
                                })
                            })
                    });
                    grade = grade.max(if reserved {
                        2
                    } else if declarable {
                        1
                    } else {
                        3
                    });
                }
                if art.custodial_required() && !v.penalty().is_custodial() {
                    grade = 3;
                }
                let cand = (grade, extras.len());
                if best.is_none_or(|b| cand < b) {
                    best = Some(cand);
                }
            }
            let reserved_variant = status.is_some_and(|s| {
                s.reservations()
                    .iter()
                    .any(|r| r.not_applied().contains(&var.id().to_owned()))
            });
            let st = match best {
                Some((g, _)) => {
                    reached = true;
                    if g == 3 && reserved_variant { 2 } else { g }
                }
                None if reserved_variant => 2,
                None => 4,
            };
            vstatus.push(st);
        }
        let worst = vstatus.iter().copied().max().unwrap_or(4);
        out.push(if !reached && !vstatus.iter().all(|&s| s == 2) {
            CoverageStatus::Absent
        } else if worst > 2 {
            CoverageStatus::Partial
        } else {
            [
                CoverageStatus::Full,
                CoverageStatus::Permitted,
                CoverageStatus::Reserved,
            ][worst as usize]
        });
    }
    out
}

fn spec() -> impl Strategy<Value = Spec> {
    prop::collection::vec(
        (
            prop::collection::vec(0usize..ACTS.len(), 1..3),
            prop::collection::vec(0usize..OTHERS.len(), 0..4),
            prop::option::of(0u32..60),
            prop::option::of((0usize..OTHERS.len(), 0u32..120)),
        ),
        0..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn dual_criminality_matches_the_naive_evaluator(
        offenses in spec(), reserve in any::<[bool; 3]>(), declare in any::<bool>(),
        act in 0usize..ACTS.len(), facts in prop::collection::vec((0usize..OTHERS.len(), any::<bool>()), 0..6),
        threshold in prop::option::of(0u32..40), to in prop::sample::select(vec!["XA", "DE", "GB", "US"]),
    ) {
        let c = corpus(&offenses, &reserve, declare);
        let n = Naive::new(&c);
        let date: Date = "2024-01-01".parse().unwrap();
        let mut given: Vec<(String, bool)> = vec![(ACTS[act].to_owned(), true)];
        for (e, v) in &facts {
            given.retain(|(x, _)| x != OTHERS[*e]);
            given.push((OTHERS[*e].to_owned(), *v));
        }
        let conduct = given.iter().fold(Conduct::new(), |c, (e, v)| c.fact(e, *v));
        let (t, f) = n.facts(&given);
        prop_assume!(t.is_disjoint(&f));
        for p in [Procedure::Mla, Procedure::Extradition] {
            let th = if p == Procedure::Mla { None } else { Some(threshold.unwrap_or(12)) };
            let mut req = DualCriminalityRequest::new("XA", to, p, conduct.clone()).date(date);
            if let Some(x) = threshold {
                req = req.threshold_months(x);
            }
            let engine = c.dual_criminality(&req).unwrap().verdict();
            let naive = both(n.state("XA", date, &t, &f, th), n.state(to, date, &t, &f, th));
            prop_assert_eq!(engine, naive, "{:?} {:?}", p, given);
        }
    }

    #[test]
    fn coverage_matches_the_naive_evaluator(offenses in spec(), reserve in any::<[bool; 3]>(), declare in any::<bool>()) {
        let c = corpus(&offenses, &reserve, declare);
        let n = Naive::new(&c);
        let date: Date = "2024-01-01".parse().unwrap();
        let engine: Vec<CoverageStatus> = c.coverage("XA", "budapest", date).unwrap().rows.iter().map(|r| r.status).collect();
        prop_assert_eq!(engine, naive_coverage(&n, "XA", date));
    }
}
