//! What contributors reached for (issue 17, item 7): alternatives inside `requires`, suspensions, and a first day
//! known only as "not later than". Each is checked against the reading it abbreviates: a group of alternatives
//! answers as the separate records it replaces; a suspended version answers as if absent over the period, and says
//! so; a bounded first day counts from the bound and says the law may be older.

mod common;

use common::d;
use cyberlex::{Conduct, Corpus, CoverageStatus, DualCriminalityRequest, Procedure, Verdict};
use proptest::prelude::*;

const HEAD: &str = "format_version: 1\njurisdiction: { code: XA, name: Ruritania, legal_family: civil, records_complete_from: 2000-01-01 }\noffenses:\n";

fn offense(id: &str, version: &str) -> String {
    format!(
        "  - id: xa/{id}\n    citation: \"s. {id}\"\n    title: {{ original: A, en: A }}\n    source: https://example.invalid/{id}\n    checked: 2026-11-20\n    verification: unverified\n    versions:\n      - {version}\n"
    )
}

fn corpus(offenses: &str) -> Corpus {
    Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", &format!("{HEAD}{offenses}"))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn mla(c: &Corpus, conduct: Conduct, date: &str) -> cyberlex::DualCriminalityAnswer {
    c.dual_criminality(
        &DualCriminalityRequest::new("XA", "XA", Procedure::Mla, conduct).date(d(date)),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

const ACTS: [&str; 4] = [
    "act/access",
    "act/intercept",
    "act/delete-data",
    "act/input-data",
];
const OTHERS: [&str; 9] = [
    "object/computer-system",
    "object/computer-data",
    "circ/without-right",
    "circ/security-measure-infringed",
    "mental/intent",
    "mental/intent-to-defraud",
    "mental/dishonest-intent",
    "result/serious-harm",
    "result/data-obtained",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// "requires a, and b or c" answers every conduct as the two records "a and b", "a and c" do.
    #[test]
    fn a_group_answers_as_the_records_it_replaces(
        act in 0..ACTS.len(),
        req in proptest::collection::btree_set(0..OTHERS.len(), 0..3),
        pair in (0..OTHERS.len(), 0..OTHERS.len()),
        facts in proptest::collection::vec((0..OTHERS.len(), any::<bool>()), 0..5),
    ) {
        let (b, c) = pair;
        prop_assume!(b != c && !req.contains(&b) && !req.contains(&c));
        let list = |extra: &[usize]| req.iter().chain(extra).map(|&i| OTHERS[i]).collect::<Vec<_>>().join(", ");
        let grouped = corpus(&offense("g", &format!(
            "{{ acts: [{}], requires: [{}], requires_one_of: [[{}, {}]], penalty: {{ max_months: 36 }} }}",
            ACTS[act], list(&[]), OTHERS[b], OTHERS[c]
        )));
        let split = corpus(&format!(
            "{}{}",
            offense("b", &format!("{{ acts: [{}], requires: [{}], penalty: {{ max_months: 36 }} }}", ACTS[act], list(&[b]))),
            offense("c", &format!("{{ acts: [{}], requires: [{}], penalty: {{ max_months: 36 }} }}", ACTS[act], list(&[c]))),
        ));
        let mut conduct = Conduct::new().fact(ACTS[act], true);
        let mut seen = std::collections::BTreeSet::new();
        for (e, v) in facts {
            if seen.insert(e) {
                conduct = conduct.fact(OTHERS[e], v);
            }
        }
        let req = DualCriminalityRequest::new("XA", "XA", Procedure::Mla, conduct).date(d("2024-01-01"));
        let (g, s) = (grouped.dual_criminality(&req), split.dual_criminality(&req));
        match (g, s) {
            (Ok(g), Ok(s)) => {
                prop_assert_eq!(g.verdict(), s.verdict(), "grouped: {}\nsplit: {}", g, s);
                prop_assert_eq!(grouped.dual_criminality_verdict(&req), Ok(g.verdict()));
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (g, s) => prop_assert!(false, "one answered, one failed: {:?} / {:?}", g.map(|x| x.verdict()), s.map(|x| x.verdict())),
        }
        // Coverage: the group is as narrow as its least narrow member, so every article's status is the split one's.
        let cg = grouped.coverage("XA", "budapest", d("2024-01-01")).unwrap();
        let cs = split.coverage("XA", "budapest", d("2024-01-01")).unwrap();
        for (rg, rs) in cg.rows.iter().zip(&cs.rows) {
            prop_assert_eq!(rg.status, rs.status, "Art. {}: {:?} / {:?}", rg.article, rg.reasons, rs.reasons);
        }
    }
}

#[test]
fn an_open_group_names_each_member_that_would_decide_it() {
    let c = corpus(&offense(
        "g",
        "{ acts: [act/intercept], requires: [circ/without-right], requires_one_of: [[object/non-public-transmission, object/electromagnetic-emissions]], penalty: { max_months: 24 } }",
    ));
    let open = mla(
        &c,
        Conduct::new()
            .fact("act/intercept", true)
            .fact("circ/without-right", true),
        "2024-01-01",
    );
    assert_eq!(open.verdict(), Verdict::Depends, "{open}");
    let deciding: Vec<&str> = open
        .deciding_facts()
        .iter()
        .map(|f| f.element.as_str())
        .collect();
    assert!(
        deciding.contains(&"object/non-public-transmission")
            && deciding.contains(&"object/electromagnetic-emissions"),
        "{deciding:?}"
    );
    let one = mla(
        &c,
        Conduct::new()
            .fact("act/intercept", true)
            .fact("circ/without-right", true)
            .fact("object/electromagnetic-emissions", true),
        "2024-01-01",
    );
    assert_eq!(one.verdict(), Verdict::Satisfied, "{one}");
    let none = mla(
        &c,
        Conduct::new()
            .fact("act/intercept", true)
            .fact("circ/without-right", true)
            .fact("object/electromagnetic-emissions", false)
            .fact("object/non-public-transmission", false),
        "2024-01-01",
    );
    assert_eq!(none.verdict(), Verdict::NotSatisfied, "{none}");
}

#[test]
fn a_group_the_article_does_not_imply_is_shown_with_its_alternatives() {
    // Art. 2 (access to a computer system) implies neither member: the row is partial and says "a or b".
    let c = corpus(&offense(
        "g",
        "{ acts: [act/access], requires: [circ/without-right, mental/intent], requires_one_of: [[mental/intent-to-defraud, result/serious-harm]], penalty: { max_months: 24 } }",
    ));
    let r = c.coverage("XA", "budapest", d("2024-01-01")).unwrap();
    let row = r.rows.iter().find(|x| x.article == "2").unwrap();
    let extra = row
        .variants
        .iter()
        .flat_map(|v| &v.extra_elements)
        .find(|e| !e.or.is_empty());
    let extra = extra.unwrap_or_else(|| panic!("{:#?}", row.variants));
    assert_eq!(extra.or.len(), 1, "{extra:?}");
    assert!(
        row.reasons.iter().any(|x| x.contains(" or ")),
        "{:?}",
        row.reasons
    );
}

#[test]
fn a_suspended_version_is_not_counted_over_the_suspension_and_the_answer_says_so() {
    let c = corpus(&offense(
        "s",
        "{ from: 2012-10-03, acts: [act/access], requires: [circ/without-right], suspended: [{ from: 2012-10-09, to: 2014-02-18, by: \"the court's restraining order of 9 October 2012\", source: https://example.invalid/tro }], penalty: { max_months: 144 } }",
    ));
    let conduct = || {
        Conduct::new()
            .fact("act/access", true)
            .fact("circ/without-right", true)
            .fact("object/computer-system", true)
    };
    let before = mla(&c, conduct(), "2012-10-05");
    assert_eq!(before.verdict(), Verdict::Satisfied, "{before}");
    let during = mla(&c, conduct(), "2013-06-01");
    assert_eq!(during.verdict(), Verdict::NotSatisfied, "{during}");
    assert!(
        during.warnings().iter().any(|w| w
            .contains("suspended from 2012-10-09 to 2014-02-18 by the court's restraining order")),
        "{:?}",
        during.warnings()
    );
    let after = mla(&c, conduct(), "2014-02-19");
    assert_eq!(after.verdict(), Verdict::Satisfied, "{after}");
    assert!(
        after.warnings().iter().all(|w| !w.contains("suspended")),
        "{:?}",
        after.warnings()
    );
    // Coverage on a day of the suspension: Art. 2 is not met by it, and the row says why.
    let cov = c.coverage("XA", "budapest", d("2013-06-01")).unwrap();
    let row = cov.rows.iter().find(|x| x.article == "2").unwrap();
    assert_ne!(row.status, CoverageStatus::Full, "{:?}", row.reasons);
    assert!(
        row.reasons.iter().any(|x| x.contains("suspended")),
        "{:?}",
        row.reasons
    );
    let cov = c.coverage("XA", "budapest", d("2015-01-01")).unwrap();
    let row = cov.rows.iter().find(|x| x.article == "2").unwrap();
    assert!(
        row.reasons.iter().all(|x| !x.contains("suspended")),
        "{:?}",
        row.reasons
    );
}

#[test]
fn a_bounded_first_day_counts_from_the_bound_and_cautions_before_it() {
    let c = corpus(&offense(
        "b",
        "{ from_not_later_than: 2011-12-31, acts: [act/access], requires: [circ/without-right], penalty: { max_months: 24 } }",
    ));
    let o = c.offense("xa/b").unwrap();
    assert!(o.versions()[0].from_is_bound());
    let conduct = || {
        Conduct::new()
            .fact("act/access", true)
            .fact("circ/without-right", true)
            .fact("object/computer-system", true)
    };
    let after = mla(&c, conduct(), "2012-01-01");
    assert_eq!(after.verdict(), Verdict::Satisfied, "{after}");
    assert!(
        after
            .warnings()
            .iter()
            .all(|w| !w.contains("at the latest")),
        "{:?}",
        after.warnings()
    );
    let before = mla(&c, conduct(), "2011-12-15");
    assert_eq!(before.verdict(), Verdict::NotSatisfied, "{before}");
    assert!(
        before
            .warnings()
            .iter()
            .any(|w| w.contains("in force from 2011-12-31 at the latest")),
        "{:?}",
        before.warnings()
    );
}

#[test]
fn the_new_fields_survive_writing_the_data_back() {
    let c = corpus(&format!(
        "{}{}",
        offense(
            "g",
            "{ from_not_later_than: 2010-01-01, acts: [act/access], requires_one_of: [[object/computer-system, object/computer-data]], suspended: [{ from: 2011-01-01, to: 2011-06-30, by: TRO, source: https://example.invalid/t }], penalty: { max_months: 12 } }"
        ),
        offense(
            "h",
            "{ acts: [act/access], requires: [object/computer-system], penalty: { max_months: 12 } }"
        ),
    ));
    let text = cyberlex::load::write::jurisdiction_file(&c, c.jurisdiction("XA").unwrap());
    assert!(
        text.contains("from_not_later_than") && text.contains("requires_one_of"),
        "{text}"
    );
    let again = Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", &text)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let v = &again.offense("xa/g").unwrap().versions()[0];
    assert!(v.from_is_bound());
    assert_eq!(v.requires_one_of().len(), 1);
    assert_eq!(v.suspended().len(), 1);
    assert_eq!(v.suspended()[0].by(), "TRO");
}

/// A drafter closes a gap where the law already has the rest (issue 17, item 3): the missing act goes into the
/// offense that punishes the article's other conduct, and a missing object into the offense that lacks only it.
#[test]
fn advice_adds_the_missing_act_or_object_to_the_offense_that_has_the_rest() {
    let c = corpus(&format!(
        "{}{}",
        offense(
            "dev",
            "{ acts: [act/produce-item, act/sell-item, act/distribute-item, act/make-available-item, act/import-item, act/procure-item], requires: [object/offense-device, mental/intent-offense-use, circ/without-right], penalty: { max_months: 36 } }"
        )
        .replace("    versions:", "    implements: [{ instrument: budapest, article: \"6\" }]\n    versions:"),
        offense("unrelated", "{ acts: [act/access], requires: [circ/without-right], penalty: { max_months: 24 } }"),
    ));
    let r = c.coverage("XA", "budapest", d("2024-01-01")).unwrap();
    let row = r.rows.iter().find(|x| x.article == "6").unwrap();
    // Possession of a device: no act of s. dev; the act goes into s. dev, which has every other element.
    let possess = row
        .advice
        .iter()
        .find(|a| a.variants.iter().any(|v| v == "6(1)(b)-device"))
        .unwrap_or_else(|| panic!("{:#?}", row.advice));
    assert_eq!(
        possess.provision.as_ref().map(|p| p.as_str()),
        Some("xa/dev"),
        "{possess:?}"
    );
    assert!(
        possess.text.starts_with("add possessing"),
        "{}",
        possess.text
    );
    assert!(
        possess.text.contains("to the acts of s. dev"),
        "{}",
        possess.text
    );
    // Credentials: s. dev reaches the acts for devices only; the drafter extends it to credentials.
    let cred = row
        .advice
        .iter()
        .find(|a| a.variants.iter().any(|v| v == "6(1)(a)(ii)-produce"))
        .unwrap_or_else(|| panic!("{:#?}", row.advice));
    assert_eq!(
        cred.provision.as_ref().map(|p| p.as_str()),
        Some("xa/dev"),
        "{cred:?}"
    );
    assert!(
        cred.text.starts_with("extend s. dev to a password"),
        "{}",
        cred.text
    );
    // An offense about something else is never proposed as the home of the missing conduct.
    assert!(row.advice.iter().all(|a| {
        a.provision
            .as_ref()
            .is_none_or(|p| p.as_str() != "xa/unrelated")
    }));
}

/// Near-synonyms (issue 17, item 3; docs/data-format.md "Choosing among near-synonyms"): a computer-fraud offense
/// written with "intent to defraud", with Art. 8's own "fraudulent or dishonest intent of procuring an economic
/// benefit", or with a general dishonest intent gets the same Art. 8 status. A narrower intent the law really adds
/// (intent to obtain data) still makes the row partial.
#[test]
fn the_choice_among_near_synonyms_does_not_flip_art_8() {
    let status = |intent: &str| {
        let c = corpus(&offense(
            "fraud",
            &format!(
                "{{ acts: [act/input-data, act/alter-data, act/delete-data, act/suppress-data, act/interfere-system], requires: [result/loss-of-property, {intent}, circ/without-right], penalty: {{ max_months: 60 }} }}"
            ),
        ));
        let r = c.coverage("XA", "budapest", d("2024-01-01")).unwrap();
        let row = r.rows.iter().find(|x| x.article == "8").unwrap().clone();
        (row.status, row.reasons)
    };
    let art8 = status("mental/intent-economic-benefit");
    assert_eq!(art8.0, CoverageStatus::Full, "{:?}", art8.1);
    for synonym in [
        "mental/intent-to-defraud",
        "mental/dishonest-intent",
        "mental/intent",
    ] {
        let s = status(synonym);
        assert_eq!(s.0, art8.0, "{synonym}: {:?}", s.1);
    }
    let narrower = status("mental/intent-to-obtain-data");
    assert_eq!(narrower.0, CoverageStatus::Partial, "{:?}", narrower.1);
}
