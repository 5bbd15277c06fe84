//! Arbitrary small states laid over a lean corpus (the built-in vocabulary and the Budapest Convention only, so each
//! input builds in a fraction of the full data's time): queries never panic, answers are reproducible, and a state
//! asked about a conduct one of its offenses fully describes is never `not_satisfied` under mla with itself.
#![no_main]

use arbitrary::Arbitrary;
use cyberlex::{Conduct, Corpus, DualCriminalityRequest, Procedure, Verdict};
use libfuzzer_sys::fuzz_target;

const ELEMENTS: &str = include_str!("../../data/elements.yaml");
const BUDAPEST: &str = include_str!("../../data/instruments/budapest.yaml");

const ACTS: [&str; 6] = [
    "act/access",
    "act/intercept",
    "act/delete-data",
    "act/data-interference",
    "act/input-data",
    "act/hinder-system",
];
const OTHERS: [&str; 10] = [
    "object/computer-system",
    "object/computer-data",
    "circ/without-right",
    "circ/security-measure-infringed",
    "mental/intent",
    "mental/recklessness",
    "mental/intent-to-defraud",
    "result/serious-harm",
    "result/loss-of-property",
    "result/data-obtained",
];

#[derive(Arbitrary, Debug)]
struct Version {
    from_year: Option<u8>,
    years: Option<u8>,
    acts: Vec<u8>,
    requires: Vec<u8>,
    months: Option<u16>,
    aggravated: Option<(u8, u16)>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    offenses: Vec<Vec<Version>>,
    facts: Vec<(u8, bool)>,
    act: u8,
    procedure: u8,
    year: u8,
    threshold: Option<u8>,
    party: bool,
    reserve: bool,
}

fn yaml(input: &Input) -> String {
    let mut s = String::from(
        "format_version: 1\njurisdiction: { code: XA, name: R, legal_family: civil }\ntreaties:\n  - instrument: budapest\n    source: s\n    checked: 2020-01-01\n    verification: unverified\n",
    );
    if input.party {
        s.push_str("    in_force: 2005-01-01\n");
    }
    if input.reserve {
        s.push_str("    reservations: [{ paragraph: \"29(4)\", source: s, checked: 2020-01-01 }, { paragraph: \"4(2)\", requires: [result/serious-harm], applies_to: [], source: s, checked: 2020-01-01 }]\n".replace(", applies_to: []", "").as_str());
    }
    s.push_str("offenses:\n");
    for (i, versions) in input.offenses.iter().take(6).enumerate() {
        s.push_str(&format!("  - id: xa/o{i}\n    citation: s {i}\n    title: {{ original: o, en: o }}\n    source: s\n    checked: 2020-01-01\n    verification: unverified\n    versions:\n"));
        let mut year = 1990u32;
        for (k, v) in versions.iter().take(3).enumerate() {
            let from = year + u32::from(v.from_year.unwrap_or(0) % 10);
            let to = from + 1 + u32::from(v.years.unwrap_or(50) % 40);
            year = to + 1;
            let acts: Vec<&str> = v
                .acts
                .iter()
                .take(3)
                .map(|a| ACTS[*a as usize % ACTS.len()])
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let req: Vec<&str> = v
                .requires
                .iter()
                .take(4)
                .map(|a| OTHERS[*a as usize % OTHERS.len()])
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let acts = if acts.is_empty() {
                vec![ACTS[k % ACTS.len()]]
            } else {
                acts
            };
            let months = v.months.map(|m| u32::from(m) % 240);
            let mut pen = format!(
                "max_months: {}",
                months.map_or("null".to_owned(), |m| m.to_string())
            );
            if let Some((e, m)) = v.aggravated {
                let m = months.unwrap_or(0).max(u32::from(m) % 480);
                pen.push_str(&format!(
                    ", aggravated: [{{ when: [{}], max_months: {m} }}]",
                    OTHERS[e as usize % OTHERS.len()]
                ));
            }
            s.push_str(&format!("      - {{ from: {from}-01-01, to: {to}-12-31, acts: [{}], requires: [{}], penalty: {{ {pen} }} }}\n", acts.join(", "), req.join(", ")));
        }
        if versions.is_empty() {
            s.push_str("      - { acts: [act/access], penalty: { max_months: 12 } }\n");
        }
    }
    if input.offenses.is_empty() {
        s.push_str("  - { id: xa/none, citation: n, title: { original: n, en: n }, source: s, checked: 2020-01-01, verification: unverified, versions: [{ acts: [act/attempt], penalty: { follows_principal: true } }] }\n");
    }
    s
}

fuzz_target!(|input: Input| {
    let text = yaml(&input);
    let corpus = match Corpus::builder()
        .file("elements.yaml", ELEMENTS)
        .file("instruments/budapest.yaml", BUDAPEST)
        .file("jurisdictions/xa.yaml", &text)
        .build()
    {
        Ok(c) => c,
        Err(_) => return,
    };
    let date: cyberlex::Date = format!("{}-06-01", 1990 + u32::from(input.year % 50))
        .parse()
        .expect("date");
    match corpus.coverage("XA", "budapest", date) {
        Ok(_) => {}
        // A date before the state's first recorded version is a typed refusal, not a failure.
        Err(cyberlex::QueryError::BeforeData { .. }) => return,
        Err(e) => panic!("coverage of a loaded state failed: {e}"),
    }
    let mut conduct = Conduct::new().fact(ACTS[input.act as usize % ACTS.len()], true);
    for (e, v) in input.facts.iter().take(6) {
        conduct = conduct.fact(OTHERS[*e as usize % OTHERS.len()], *v);
    }
    let procedure = [
        Procedure::Extradition,
        Procedure::Mla,
        Procedure::Preservation,
        Procedure::Eaw,
    ][input.procedure as usize % 4];
    {
        let to = "XA";
        let mut req = DualCriminalityRequest::new("XA", to, procedure, conduct.clone()).date(date);
        if let Some(t) = input.threshold {
            req = req.threshold_months(u32::from(t));
        }
        let a = corpus.dual_criminality(&req);
        let b = corpus.dual_criminality(&req);
        let fast = corpus.dual_criminality_verdict(&req);
        match (a, b) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.verdict(), b.verdict());
                assert_eq!(fast, Ok(a.verdict()), "the verdict-only path disagrees: {a}");
                assert_eq!(a.reasons().len(), b.reasons().len());
                let _ = a.to_string();
            }
            (Err(a), Err(b)) => assert_eq!(a, b),
            _ => panic!("the same request answered once and failed once"),
        }
    }
    // In abstracto: every offense in force, read as a conduct, is criminal in its own state (mla, with itself).
    for (o, v) in corpus.offenses_in_force("XA", date).expect("state exists") {
        if v.acts().len() != 1 {
            continue;
        }
        let c = Conduct::from_offense(&corpus, o.id().as_str(), date).expect("in force");
        let a = corpus
            .dual_criminality(
                &DualCriminalityRequest::new("XA", "XA", Procedure::Mla, c).date(date),
            )
            .expect("answer");
        assert_eq!(a.verdict(), Verdict::Satisfied, "{}", a);
    }
});
