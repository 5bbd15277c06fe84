//! Dual criminality: hand-worked cases per procedure and verdict, on the fictional fixture states (whose law is
//! given in tests/fixtures/good) and on real data (each citing the statute it relies on), plus domain laws.

mod common;

use common::{d, fixture_corpus};
use cyberlex::{Conduct, Corpus, DualCriminalityRequest, Outcome, Procedure, QueryError, Verdict};
use proptest::prelude::*;

fn access() -> Conduct {
    Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true)
}

fn ask(
    c: &Corpus,
    from: &str,
    to: &str,
    p: Procedure,
    conduct: Conduct,
    date: &str,
) -> cyberlex::DualCriminalityAnswer {
    c.dual_criminality(&DualCriminalityRequest::new(from, to, p, conduct).date(d(date)))
        .expect("answer")
}

#[test]
fn extradition_fails_on_the_requested_states_penalty() {
    // XB s. 10 punishes access by at most 6 months: below Budapest Art. 24(1)(a)'s one year.
    let c = fixture_corpus();
    let a = ask(
        &c,
        "XA",
        "XB",
        Procedure::Extradition,
        access().fact("mental/intent-to-obtain-data", true),
        "2024-01-01",
    );
    assert_eq!(a.verdict(), Verdict::NotSatisfied);
    assert!(a.reasons().iter().any(|r| {
        r.outcome == Outcome::NotSatisfied
            && r.provision
                .as_ref()
                .is_some_and(|p| p.citation == "Crimes Act s. 10")
            && r.detail.contains("below")
    }));
    assert!(a.reasons().iter().any(|r| {
        r.outcome == Outcome::Satisfied
            && r.provision
                .as_ref()
                .is_some_and(|p| p.citation == "Penal Code s. 301")
    }));
    assert!(
        a.reasons()
            .iter()
            .any(|r| r.detail.contains("not bound by the Budapest Convention")),
        "XB is not a party"
    );
}

#[test]
fn extradition_with_a_treaty_threshold_is_satisfied() {
    // Art. 24(1)(b): a bilateral treaty may set another minimum; with 6 months, XB s. 10 suffices.
    let c = fixture_corpus();
    let req = DualCriminalityRequest::new(
        "XA",
        "XB",
        Procedure::Extradition,
        access().fact("mental/intent-to-obtain-data", true),
    )
    .date(d("2024-01-01"))
    .threshold_months(6);
    let a = c.dual_criminality(&req).unwrap();
    assert_eq!(a.verdict(), Verdict::Satisfied);
    assert!(a.reasons()[0].detail.contains("set by the request"));
}

#[test]
fn extradition_depends_on_an_unknown_intent_and_says_which_way() {
    let c = fixture_corpus();
    let req = DualCriminalityRequest::new("XA", "XB", Procedure::Extradition, access())
        .date(d("2024-01-01"))
        .threshold_months(6);
    let a = c.dual_criminality(&req).unwrap();
    assert_eq!(a.verdict(), Verdict::Depends);
    let f = a
        .deciding_facts()
        .iter()
        .find(|f| f.element.as_str() == "mental/intent-to-obtain-data")
        .expect("deciding fact");
    assert_eq!(
        (f.if_true, f.if_false),
        (Verdict::Satisfied, Verdict::NotSatisfied)
    );
}

#[test]
fn the_law_in_force_on_the_date_is_used() {
    // Before 2012 XA s. 301 required a breach of security and carried 6 months; after, 24 months.
    let c = fixture_corpus();
    let a = ask(
        &c,
        "XA",
        "XA",
        Procedure::Extradition,
        access(),
        "2011-06-01",
    );
    assert_eq!(
        a.verdict(),
        Verdict::NotSatisfied,
        "6 months is below the threshold whatever the security measure"
    );
    let a = ask(
        &c,
        "XA",
        "XA",
        Procedure::Extradition,
        access(),
        "2012-01-01",
    );
    assert_eq!(a.verdict(), Verdict::Satisfied);
    // A conduct date before the records begin (XA: 1999; XB: 2001): a typed error, not an answer.
    let req = DualCriminalityRequest::new("XA", "XB", Procedure::Mla, access())
        .date(d("2024-01-01"))
        .conduct_date(d("2000-01-01"));
    assert!(
        matches!(c.dual_criminality(&req).unwrap_err(), QueryError::BeforeData { ref jurisdiction, .. } if jurisdiction == "XB")
    );
}

#[test]
fn mla_is_conduct_based_and_has_no_threshold() {
    // Data interference: XB s. 20 covers it; XA s. 303 requires serious harm, unknown here.
    let c = fixture_corpus();
    let conduct = Conduct::new()
        .fact("act/delete-data", true)
        .fact("object/computer-data", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true);
    let a = ask(
        &c,
        "XB",
        "XA",
        Procedure::Mla,
        conduct.clone(),
        "2024-01-01",
    );
    assert_eq!(a.verdict(), Verdict::Depends);
    // Serious harm decides s. 303; if it is false, XA's forgery and fraud offenses (which also name deleting data)
    // stay open on their own results.
    let f = a
        .deciding_facts()
        .iter()
        .find(|f| f.element.as_str() == "result/serious-harm")
        .expect("serious harm decides");
    assert_eq!(
        (f.if_true, f.if_false),
        (Verdict::Satisfied, Verdict::Depends)
    );
    let a = ask(
        &c,
        "XB",
        "XA",
        Procedure::Mla,
        conduct.clone().fact("result/serious-harm", true),
        "2024-01-01",
    );
    assert_eq!(a.verdict(), Verdict::Satisfied);
    let none = conduct
        .fact("result/serious-harm", false)
        .fact("result/inauthentic-data", false)
        .fact("result/loss-of-property", false);
    let a = ask(&c, "XB", "XA", Procedure::Mla, none, "2024-01-01");
    assert_eq!(a.verdict(), Verdict::NotSatisfied);
}

#[test]
fn preservation_needs_no_dual_criminality_without_the_29_4_reservation() {
    let c = fixture_corpus();
    let fraud = Conduct::new()
        .fact("act/deceive", true)
        .fact("result/loss-of-property", true)
        .fact("mental/intent-economic-benefit", true);
    let a = ask(&c, "XA", "XB", Procedure::Preservation, fraud, "2024-01-01");
    assert_eq!(a.verdict(), Verdict::Satisfied);
    assert!(
        a.reasons()
            .iter()
            .any(|r| r.detail.contains("no Art. 29(4) reservation"))
    );
}

#[test]
fn preservation_under_the_reservation_inside_arts_2_to_11() {
    let c = fixture_corpus();
    let a = ask(
        &c,
        "XB",
        "XA",
        Procedure::Preservation,
        access(),
        "2024-01-01",
    );
    assert_eq!(a.verdict(), Verdict::Satisfied);
    assert!(
        a.reasons()
            .iter()
            .any(|r| r.detail.contains("the reservation does not apply"))
    );
}

#[test]
fn preservation_under_the_reservation_outside_arts_2_to_11() {
    // Deception by a person (not by computer data) is outside Art. 8; XA punishes only computer fraud.
    let c = fixture_corpus();
    let fraud = Conduct::new()
        .fact("act/deceive", true)
        .fact("result/loss-of-property", true)
        .fact("mental/intent-economic-benefit", true)
        .fact("circ/without-right", true);
    let a = ask(&c, "XB", "XA", Procedure::Preservation, fraud, "2024-01-01");
    assert_eq!(a.verdict(), Verdict::NotSatisfied);
    assert!(
        a.reasons()
            .iter()
            .any(|r| r.detail.contains("falls outside Arts. 2-11"))
    );
}

#[test]
fn eaw_listed_category_over_three_years_skips_verification() {
    // XA s. 320 (computer fraud, 5 years) falls in the list category "fraud" (FD 2002/584/JHA Art. 2(2)).
    let c = fixture_corpus();
    let fraud = Conduct::new()
        .fact("act/input-data", true)
        .fact("result/loss-of-property", true)
        .fact("mental/intent-economic-benefit", true)
        .fact("circ/without-right", true);
    let a = ask(&c, "XA", "XB", Procedure::Eaw, fraud, "2024-01-01");
    assert_eq!(a.verdict(), Verdict::Satisfied);
    assert!(a.reasons().iter().any(|r| {
        r.detail
            .contains("without verification of double criminality")
    }));
}

#[test]
fn eaw_below_the_list_threshold_falls_back_to_double_criminality() {
    // XA s. 301: 2 years, below 3, unless data was obtained (aggravated, 5 years): then the list applies. Otherwise
    // Art. 2(1) applies and XB's s. 10 decides, which needs intent to obtain data.
    let c = fixture_corpus();
    let a = ask(&c, "XA", "XB", Procedure::Eaw, access(), "2024-01-01");
    assert_eq!(a.verdict(), Verdict::Depends);
    let f = a
        .deciding_facts()
        .iter()
        .find(|f| f.element.as_str() == "result/data-obtained")
        .expect("aggravation decides");
    assert_eq!(f.if_true, Verdict::Satisfied);
    let a = ask(
        &c,
        "XA",
        "XB",
        Procedure::Eaw,
        access().fact("result/data-obtained", false),
        "2024-01-01",
    );
    assert!(
        a.reasons()
            .iter()
            .any(|r| r.detail.contains("below 3 years")),
        "{a}"
    );
}

#[test]
fn bad_requests_are_typed_errors() {
    let c = fixture_corpus();
    let e = c
        .dual_criminality(&DualCriminalityRequest::new(
            "XA",
            "ZZ",
            Procedure::Mla,
            access(),
        ))
        .unwrap_err();
    assert!(matches!(e, QueryError::UnknownJurisdiction { .. }));
    let e = c
        .dual_criminality(&DualCriminalityRequest::new(
            "XA",
            "XB",
            Procedure::Mla,
            Conduct::new().fact("act/acces", true),
        ))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown element `act/acces` (did you mean gaining entry to the whole or any part of a computer system, including the data stored in it (`act/access`)?)"
    );
    let e = c
        .dual_criminality(&DualCriminalityRequest::new(
            "XA",
            "XB",
            Procedure::Mla,
            Conduct::new(),
        ))
        .unwrap_err();
    assert_eq!(e, QueryError::EmptyConduct);
    let contradictory = Conduct::new()
        .fact("act/delete-data", true)
        .fact("act/data-interference", false);
    let e = c
        .dual_criminality(&DualCriminalityRequest::new(
            "XA",
            "XB",
            Procedure::Mla,
            contradictory,
        ))
        .unwrap_err();
    assert!(matches!(e, QueryError::ContradictoryFacts { .. }));
    let e = Conduct::from_offense(&c, "xa/pc-301", d("1980-01-01")).unwrap_err();
    assert!(matches!(e, QueryError::NotInForce { .. }));
}

// ---- real data: each case cites the provision it rests on (see the record's `source`).

#[test]
fn gb_access_was_six_months_until_2008_and_two_years_after() {
    // Computer Misuse Act 1990 s. 1: 6 months until 30 Sep 2008; 2 years from 1 Oct 2008 (Police and Justice Act
    // 2006 s. 35, as recorded in data/jurisdictions/gb.yaml from legislation.gov.uk).
    let c = Corpus::builtin();
    let o = c.offense("gb/cma-1").unwrap();
    assert_eq!(
        o.version_on(d("2008-09-30"))
            .unwrap()
            .penalty()
            .max_months(),
        Some(6)
    );
    assert_eq!(
        o.version_on(d("2008-10-01"))
            .unwrap()
            .penalty()
            .max_months(),
        Some(24)
    );
    let before = ask(
        c,
        "FR",
        "GB",
        Procedure::Extradition,
        Conduct::from_offense(c, "gb/cma-1", d("2008-01-01")).unwrap(),
        "2008-01-01",
    );
    let reason = before
        .reasons()
        .iter()
        .find(|r| {
            r.provision
                .as_ref()
                .is_some_and(|p| p.offense.as_str() == "gb/cma-1")
        })
        .expect("s. 1 cited");
    assert_eq!(reason.outcome, Outcome::NotSatisfied, "{}", reason.detail);
}

#[test]
fn german_illegal_access_requires_overcoming_an_access_security() {
    // StGB § 202a: data "specially secured" and access "by overcoming the access security" (source in de.yaml);
    // Germany declared that element under Budapest Art. 40 for Art. 2.
    let c = Corpus::builtin();
    let v = c
        .offense("de/stgb-202a")
        .unwrap()
        .version_on(d("2024-01-01"))
        .unwrap();
    assert!(
        v.requires()
            .iter()
            .any(|e| e.as_str() == "circ/security-measure-infringed")
    );
    let rep = c.coverage("DE", "budapest", d("2024-01-01")).unwrap();
    let v2 = rep
        .rows
        .iter()
        .find(|r| r.article == "2")
        .unwrap()
        .variants
        .iter()
        .find(|v| {
            v.provision
                .as_ref()
                .is_some_and(|p| p.as_str() == "de/stgb-202a")
        });
    if let Some(v2) = v2 {
        assert!(
            v2.extra_elements
                .iter()
                .any(|e| e.element.as_str() == "circ/security-measure-infringed"
                    && e.kind == cyberlex::ExtraKind::PermittedDeclared)
        );
    }
    // An access without breaching any security measure is not a crime under § 202a.
    let no_breach = Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-data", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true)
        .fact("circ/security-measure-infringed", false);
    let a = ask(c, "GB", "DE", Procedure::Mla, no_breach, "2024-01-01");
    assert!(a.reasons().iter().any(|r| {
        r.outcome == Outcome::NotSatisfied
            && r.provision
                .as_ref()
                .is_some_and(|p| p.offense.as_str() == "de/stgb-202a")
    }));
}

#[test]
fn an_answer_names_real_provisions_with_sources() {
    let c = Corpus::builtin();
    let a = ask(
        c,
        "FR",
        "GB",
        Procedure::Extradition,
        Conduct::from_offense(c, "fr/cp-323-1", d("2024-01-01")).unwrap(),
        "2024-01-01",
    );
    assert_eq!(a.verdict(), Verdict::Satisfied, "{a}");
    for r in a
        .reasons()
        .iter()
        .filter(|r| r.outcome == Outcome::Satisfied)
    {
        if let Some(p) = &r.provision {
            assert!(p.source.starts_with("http"), "{p:?}");
        }
    }
}

fn states() -> Vec<String> {
    Corpus::builtin()
        .jurisdictions()
        .map(|j| j.code().to_string())
        .collect()
}

fn act_ids() -> Vec<String> {
    Corpus::builtin()
        .elements()
        .iter()
        .filter(|e| e.id().as_str().starts_with("act/"))
        .map(|e| e.id().to_string())
        .collect()
}

fn other_ids() -> Vec<String> {
    Corpus::builtin()
        .elements()
        .iter()
        .filter(|e| !e.id().as_str().starts_with("act/"))
        .map(|e| e.id().to_string())
        .collect()
}

fn conduct_from(act: &str, facts: &[(String, bool)]) -> Conduct {
    let mut c = Conduct::new().fact(act, true);
    for (e, v) in facts {
        c = c.fact(e, *v);
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A state satisfies dual criminality with itself for a conduct it criminalises above the threshold: every offense
    /// read in abstracto, requested from the state to itself.
    #[test]
    fn a_state_satisfies_dual_criminality_with_itself(state in prop::sample::select(states()), pick in any::<prop::sample::Index>(), year in 2001u16..2027) {
        let c = Corpus::builtin();
        let date = cyberlex::Date::new(year, 6, 1).unwrap();
        // Before a state's records are complete the data cannot say what its law was: skip those dates.
        let Ok(offs) = c.offenses_in_force(&state, date) else { return Ok(()) };
        prop_assume!(!offs.is_empty());
        let (o, v) = offs[pick.index(offs.len())];
        prop_assume!(v.acts().len() == 1 && v.penalty().max_months().is_some_and(|m| m >= 12));
        let conduct = Conduct::from_offense(c, o.id().as_str(), date).unwrap();
        let a = ask(c, &state, &state, Procedure::Extradition, conduct.clone(), &date.to_string());
        prop_assert_eq!(a.verdict(), Verdict::Satisfied, "{}", a);
        let a = ask(c, &state, &state, Procedure::Mla, conduct, &date.to_string());
        prop_assert_eq!(a.verdict(), Verdict::Satisfied);
    }

    /// Learning a further true fact never turns `satisfied` into `not_satisfied` under mla.
    #[test]
    fn learning_a_true_fact_never_breaks_mla(
        from in prop::sample::select(states()), to in prop::sample::select(states()),
        act in prop::sample::select(act_ids()),
        facts in prop::collection::vec((prop::sample::select(other_ids()), any::<bool>()), 0..8),
        extra in prop::sample::select(other_ids()),
    ) {
        let c = Corpus::builtin();
        let base = conduct_from(&act, &facts);
        let Ok(a) = c.dual_criminality(&DualCriminalityRequest::new(&from, &to, Procedure::Mla, base.clone()).date(d("2024-06-01"))) else { return Ok(()) };
        let more = base.clone().fact(&extra, true);
        // Skip when the new fact contradicts the old ones, or overrides a fact given as false.
        prop_assume!(!facts.iter().any(|(e, v)| e == &extra && !v));
        let Ok(b) = c.dual_criminality(&DualCriminalityRequest::new(&from, &to, Procedure::Mla, more).date(d("2024-06-01"))) else { return Ok(()) };
        if a.verdict() == Verdict::Satisfied {
            prop_assert_eq!(b.verdict(), Verdict::Satisfied);
        }
        if a.verdict() == Verdict::NotSatisfied {
            prop_assert_eq!(b.verdict(), Verdict::NotSatisfied, "a known-false answer stays false when a fact is learned");
        }
    }

    /// The same corpus and request give the same answer, byte for byte.
    #[test]
    fn answers_are_reproducible(from in prop::sample::select(states()), to in prop::sample::select(states()), act in prop::sample::select(act_ids()), p in prop::sample::select(vec![Procedure::Extradition, Procedure::Mla, Procedure::Preservation, Procedure::Eaw])) {
        let c = Corpus::builtin();
        let conduct = Conduct::new().fact(&act, true).fact("circ/without-right", true).fact("mental/intent", true);
        let r = DualCriminalityRequest::new(&from, &to, p, conduct).date(d("2024-06-01"));
        let a = serde_json::to_string(&c.dual_criminality(&r).unwrap()).unwrap();
        let b = serde_json::to_string(&c.dual_criminality(&r).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }

    /// Raising a penalty never turns a satisfied extradition answer into a failed one.
    #[test]
    fn raising_a_penalty_never_breaks_extradition(months in 0u32..60, raise in 0u32..60) {
        let make = |m: u32| {
            let text = include_str!("fixtures/good/jurisdictions/xb.yaml").replace("penalty: { max_months: 6, fine_only_possible: true }", &format!("penalty: {{ max_months: {m} }}"));
            Corpus::builder().builtin().file("jurisdictions/xa.yaml", include_str!("fixtures/good/jurisdictions/xa.yaml")).file("jurisdictions/xb.yaml", &text).build().unwrap()
        };
        let conduct = access().fact("mental/intent-to-obtain-data", true);
        let a = ask(&make(months), "XA", "XB", Procedure::Extradition, conduct.clone(), "2024-01-01");
        let b = ask(&make(months + raise), "XA", "XB", Procedure::Extradition, conduct, "2024-01-01");
        if a.verdict() == Verdict::Satisfied {
            prop_assert_eq!(b.verdict(), Verdict::Satisfied);
        }
        prop_assert_eq!(a.verdict() == Verdict::Satisfied, months >= 12);
    }
}

/// The matrix over every built-in state, and the verdict-only call for each pair, give the full answer's verdict.
/// A request the matrix refuses (e.g. a contradictory conduct) is skipped: refusals are tested elsewhere.
fn fast_paths_agree(
    c: &Corpus,
    conduct: &Conduct,
    p: Procedure,
    date: cyberlex::Date,
    threshold: Option<u32>,
) -> Result<(), TestCaseError> {
    let states: Vec<String> = states();
    let refs: Vec<&str> = states.iter().map(String::as_str).collect();
    let Ok(cells) = c.dual_criminality_matrix(&refs, p, conduct, date, threshold) else {
        return Ok(());
    };
    prop_assert_eq!(cells.len(), refs.len() * (refs.len() - 1));
    for (from, to, v) in cells.iter() {
        let mut req =
            DualCriminalityRequest::new(from.as_str(), to.as_str(), p, conduct.clone()).date(date);
        if let Some(t) = threshold {
            req = req.threshold_months(t);
        }
        let full = c.dual_criminality(&req).unwrap();
        prop_assert_eq!(v, full.verdict(), "{} -> {}", from, to);
        prop_assert_eq!(c.dual_criminality_verdict(&req).unwrap(), full.verdict());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The fast paths give the verdicts of the full answer: the verdict-only call for every procedure, the matrix
    /// for every pair under extradition and mutual assistance.
    #[test]
    fn fast_paths_agree_with_full_answers(
        act in prop::sample::select(act_ids()),
        facts in prop::collection::vec((prop::sample::select(other_ids()), any::<bool>()), 0..6),
        p in prop::sample::select(vec![Procedure::Extradition, Procedure::Mla, Procedure::Preservation, Procedure::Eaw]),
        threshold in prop::option::of(0u32..40),
    ) {
        let c = Corpus::builtin();
        let conduct = conduct_from(&act, &facts);
        let date = d("2022-03-01");
        fast_paths_agree(c, &conduct, p, date, threshold)?;
    }
}

/// Every offense id in the built-in data.
fn offense_ids() -> Vec<String> {
    Corpus::builtin()
        .jurisdictions()
        .flat_map(|j| j.offenses().iter().map(|o| o.id().to_string()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The same agreement on conducts read from real offenses, so that verdicts are often satisfied or open, not
    /// only ruled out: some of the offense's own elements are then denied, and another act may be added. This
    /// exercises the verdict path's act table (a known act) and its full scan (several possible acts).
    #[test]
    fn fast_paths_agree_on_conducts_read_from_offenses(
        offense in prop::sample::select(offense_ids()),
        deny in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        extra_act in prop::option::of(prop::sample::select(act_ids())),
        p in prop::sample::select(vec![Procedure::Extradition, Procedure::Mla, Procedure::Preservation, Procedure::Eaw]),
        threshold in prop::option::of(0u32..40),
    ) {
        let c = Corpus::builtin();
        let date = d("2022-03-01");
        let Ok(mut conduct) = Conduct::from_offense(c, &offense, date) else { return Ok(()) };
        let own: Vec<String> = conduct.facts().map(|(e, _)| e.to_string()).collect();
        for i in &deny {
            if !own.is_empty() {
                let e: &String = i.get(&own);
                conduct = conduct.fact(e, false);
            }
        }
        if let Some(a) = &extra_act {
            conduct = conduct.fact(a, true);
        }
        fast_paths_agree(c, &conduct, p, date, threshold)?;
    }
}

#[test]
fn the_matrix_names_each_state_once_and_serializes_by_rows() {
    let c = Corpus::builtin();
    let conduct = access();
    let m = c
        .dual_criminality_matrix(
            &["de", "FR", "DE"],
            Procedure::Mla,
            &conduct,
            d("2024-01-01"),
            None,
        )
        .unwrap();
    let codes: Vec<&str> = m.states().iter().map(|s| s.as_str()).collect();
    assert_eq!(codes, ["DE", "FR"]);
    assert_eq!(m.len(), 2);
    assert_eq!(m.get("DE", "DE"), None);
    assert_eq!(m.get("DE", "XX"), None);
    for (from, to, v) in m.iter() {
        let full = c
            .dual_criminality(
                &DualCriminalityRequest::new(
                    from.as_str(),
                    to.as_str(),
                    Procedure::Mla,
                    conduct.clone(),
                )
                .date(d("2024-01-01")),
            )
            .unwrap();
        assert_eq!(
            Some(v),
            m.get(from.as_str(), &to.as_str().to_ascii_lowercase())
        );
        assert_eq!(v, full.verdict());
    }
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["states"], serde_json::json!(["DE", "FR"]));
    assert_eq!(json["verdicts"][0][0], serde_json::Value::Null);
    assert_eq!(
        json["verdicts"][0][1],
        serde_json::json!(m.get("DE", "FR").unwrap().as_str())
    );
    let one = c
        .dual_criminality_matrix(&["DE"], Procedure::Mla, &conduct, d("2024-01-01"), None)
        .unwrap();
    assert!(one.is_empty() && one.iter().next().is_none());
}
