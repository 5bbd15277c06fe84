//! Cooperation: the laws of selection (a basis governs only on dates it applies), errors on questions that make no
//! sense, and the shape of the answer.

use cyberlex::{
    Applies, BarKind, BasisKind, Conduct, CooperationOutcome, CooperationProcedure,
    CooperationRequest, Corpus, Date, QueryError,
};
use proptest::prelude::*;

fn access() -> Conduct {
    Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("circ/security-measure-infringed", true)
        .fact("mental/intent", true)
}

fn codes() -> Vec<String> {
    Corpus::builtin()
        .jurisdictions()
        .map(|j| j.code().to_string())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    /// A basis is never chosen on a date outside its dates of application: both states are bound by it on the date
    /// (for national law, the requested state's law is in force), and it has terms for the procedure on that date.
    #[test]
    fn a_basis_governs_only_on_dates_it_applies(
        a in 0usize..8, b in 0usize..8, y in 1996u16..2027, m in 1u8..13, dd in 1u8..29, p in 0usize..3,
        who in 0usize..3,
    ) {
        let corpus = Corpus::builtin();
        let codes = codes();
        prop_assume!(a != b && a < codes.len() && b < codes.len());
        let (from, to) = (&codes[a], &codes[b]);
        let date = Date::new(y, m, dd).unwrap();
        let procedure = CooperationProcedure::ALL[p];
        let mut req = CooperationRequest::new(from, to, procedure, access()).date(date).as_stated();
        req = match who { 0 => req, 1 => req.third_state_national(), _ => req.nationality(to) };
        let ans = corpus.cooperation(&req).unwrap();
        match ans.basis() {
            None => prop_assert_eq!(ans.outcome(), CooperationOutcome::NotAvailable),
            Some(r) => {
                prop_assert_ne!(ans.outcome(), CooperationOutcome::NotAvailable);
                let basis = corpus.bases().find(|x| x.id() == &r.id).unwrap();
                let terms = basis.terms_on(procedure, date);
                prop_assert!(terms.is_some(), "{} has no {procedure} terms on {date}", r.id);
                prop_assert_eq!(&terms.unwrap().article, &r.articles);
                let bound = |state: &str| -> bool {
                    match basis.parties_from_instrument() {
                        Some(i) => corpus.jurisdiction(state).unwrap().treaty(i).is_some_and(|t| t.party_on(date)),
                        None => basis.parties().iter().any(|x| x.state.as_str() == state && x.covers(date)),
                    }
                };
                if basis.kind() == BasisKind::National {
                    prop_assert!(bound(to), "{} is not {to}'s law on {date}", r.id);
                } else {
                    prop_assert!(bound(from) && bound(to), "{} does not bind {from} and {to} on {date}", r.id);
                }
            }
        }
        // Barred means a bar applies; a nationality bar is named only for extradition, and only when the person may be
        // a national of the requested state.
        if ans.outcome() == CooperationOutcome::Barred {
            prop_assert!(ans.bars().iter().any(|b| b.applies == Applies::Yes));
        }
        if ans.bars().iter().any(|b| b.kind == BarKind::Nationality) {
            prop_assert_eq!(procedure, CooperationProcedure::Extradition);
            prop_assert!(who != 1, "a bar on nationals named for a third state's national");
        }
    }
}

#[test]
fn questions_that_make_no_sense_are_typed_errors() {
    let corpus = Corpus::builtin();
    let d: Date = "2020-01-01".parse().unwrap();
    let same =
        CooperationRequest::new("DE", "de", CooperationProcedure::Extradition, access()).date(d);
    assert!(
        matches!(corpus.cooperation(&same), Err(QueryError::SameState { code }) if code == "DE")
    );
    let nat = CooperationRequest::new("US", "DE", CooperationProcedure::Extradition, access())
        .date(d)
        .nationality("XQZ");
    assert!(
        matches!(corpus.cooperation(&nat), Err(QueryError::UnknownNationality { code }) if code == "XQZ")
    );
    let unknown =
        CooperationRequest::new("US", "ZZ", CooperationProcedure::Extradition, access()).date(d);
    assert!(matches!(
        corpus.cooperation(&unknown),
        Err(QueryError::UnknownJurisdiction { .. })
    ));
    assert!("MLA".parse::<CooperationProcedure>().is_ok());
    assert!("rendition".parse::<CooperationProcedure>().is_err());
}

#[test]
fn uk_as_a_nationality_reads_as_gb_and_meets_no_bar_in_gb() {
    let corpus = Corpus::builtin();
    let req = CooperationRequest::new("US", "GB", CooperationProcedure::Extradition, access())
        .date("2020-01-01".parse().unwrap())
        .nationality("uk")
        .as_stated();
    let ans = corpus.cooperation(&req).unwrap();
    assert_eq!(ans.basis().map(|b| b.id.as_str()), Some("us-gb-2003"));
    assert!(ans.bars().iter().all(|b| b.kind != BarKind::Nationality));
}

#[test]
fn unknown_nationality_names_the_bar_as_a_condition_and_obligations_follow() {
    let corpus = Corpus::builtin();
    let req = CooperationRequest::new("GB", "FR", CooperationProcedure::Extradition, access())
        .date("2022-01-01".parse().unwrap())
        .as_stated();
    let ans = corpus.cooperation(&req).unwrap();
    assert_eq!(
        ans.dual_criminality().map(|d| d.verdict().as_str()),
        Some("satisfied")
    );
    let bar = ans
        .bars()
        .iter()
        .find(|b| b.kind == BarKind::Nationality)
        .expect("a nationality bar");
    assert_eq!(bar.applies, Applies::Unknown);
    assert_eq!(ans.outcome(), CooperationOutcome::Depends);
    // Both are Budapest Parties: Art. 24(6) obliges France to submit the case if it refuses on nationality, and the
    // TCA asks it to consider proceedings; the European Convention on Extradition, superseded, adds nothing.
    let cited: Vec<&str> = ans.obligations().iter().map(|o| o.basis.as_str()).collect();
    assert!(
        cited.contains(&"budapest") && cited.contains(&"tca-2021"),
        "{cited:?}"
    );
    assert!(!cited.contains(&"ets-24"), "{cited:?}");
    let json = serde_json::to_value(&ans).unwrap();
    assert_eq!(json["outcome"], "depends");
    assert_eq!(json["basis"]["id"], "tca-2021");
}

#[test]
fn no_basis_is_not_available_and_says_so() {
    // Before Japan and Australia were Budapest Parties there is no treaty between them, and the data records no
    // Australian law for a request from Japan.
    let corpus = Corpus::builtin();
    let req = CooperationRequest::new("JP", "AU", CooperationProcedure::Extradition, access())
        .date("2012-06-01".parse().unwrap());
    let ans = corpus.cooperation(&req).unwrap();
    assert_eq!(ans.outcome(), CooperationOutcome::NotAvailable);
    assert!(ans.basis().is_none());
    assert!(
        ans.reasons()
            .last()
            .unwrap()
            .detail
            .contains("no basis in the data governs")
    );
}

#[test]
fn state_hints_point_the_right_way() {
    let corpus = Corpus::builtin();
    let hint = |code: &str| match corpus.jurisdiction(code) {
        Err(QueryError::UnknownJurisdiction {
            suggestion, note, ..
        }) => (suggestion.map(|s| (s.id, s.label)), note),
        other => panic!("{code}: {other:?}"),
    };
    let gb = Some(("GB".to_owned(), "United Kingdom".to_owned()));
    assert_eq!(hint("UK"), (gb, None));
    let de = Some(("DE".to_owned(), "Germany".to_owned()));
    assert_eq!(hint("germany"), (de.clone(), None));
    assert_eq!(hint("Germny"), (de, None));
    // No spelling suggestion between two-letter codes: every one is "close" to every other.
    assert_eq!(hint("XX"), (None, None));
    assert_eq!(hint(""), (None, None));
    let (s, note) = hint("MX");
    assert!(s.is_none() && note.unwrap().contains("no records"));
    // The message a reader sees keeps the words.
    assert_eq!(
        corpus.jurisdiction("UK").unwrap_err().to_string(),
        "unknown jurisdiction `UK` (did you mean United Kingdom (`GB`)?)"
    );
    // Offenses, elements, instruments and articles carry the same structured hint, with their words.
    match corpus.offense("gb/cma-l") {
        Err(QueryError::UnknownOffense {
            suggestion: Some(s),
            ..
        }) => {
            assert_eq!(s.id, "gb/cma-1");
            assert!(s.label.contains("Computer Misuse Act"), "{}", s.label);
        }
        other => panic!("{other:?}"),
    }
    match corpus.element("act/acess") {
        Err(QueryError::UnknownElement {
            suggestion: Some(s),
            ..
        }) => {
            assert_eq!(s.id, "act/access");
            assert!(!s.label.is_empty() && !s.label.contains('('));
        }
        other => panic!("{other:?}"),
    }
    match corpus.instrument("budapes") {
        Err(QueryError::UnknownInstrument {
            suggestion: Some(s),
            ..
        }) => {
            assert_eq!(
                (s.id.as_str(), s.label.as_str()),
                ("budapest", "Budapest Convention")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unusual_dual_criminality_questions_carry_a_warning() {
    use cyberlex::{DualCriminalityRequest, Procedure};
    let corpus = Corpus::builtin();
    let d: Date = "2024-06-01".parse().unwrap();
    let warned = |r: DualCriminalityRequest, needle: &str| {
        let a = corpus.dual_criminality(&r).unwrap();
        assert!(
            a.warnings().iter().any(|w| w.contains(needle)),
            "{needle}: {:?}",
            a.warnings()
        );
    };
    // The European Arrest Warrant between two states outside the European Union.
    warned(
        DualCriminalityRequest::new("US", "JP", Procedure::Eaw, access()).date(d),
        "US does not apply the European Arrest Warrant",
    );
    // A state asking itself.
    warned(
        DualCriminalityRequest::new("DE", "DE", Procedure::Extradition, access()).date(d),
        "no state extradites to itself",
    );
    // A conduct read from a third state's offense.
    let c = Conduct::from_offense(corpus, "gb/cma-1", d).unwrap();
    warned(
        DualCriminalityRequest::new("DE", "FR", Procedure::Mla, c).date(d),
        "an offense of neither DE nor FR",
    );
    // And an ordinary question carries none of these.
    let a = corpus
        .dual_criminality(
            &DualCriminalityRequest::new("DE", "FR", Procedure::Eaw, access()).date(d),
        )
        .unwrap();
    assert!(
        !a.warnings()
            .iter()
            .any(|w| w.contains("European Arrest Warrant") || w.contains("itself"))
    );
}

#[test]
fn offense_ids_and_procedures_are_read_in_any_case() {
    let corpus = Corpus::builtin();
    assert_eq!(
        corpus.offense("GB/CMA-1").unwrap().id().as_str(),
        "gb/cma-1"
    );
    assert!("MLA".parse::<cyberlex::Procedure>().is_ok());
    assert!(" Extradition ".parse::<CooperationProcedure>().is_ok());
}

/// Answers go out as JSON and come back in: what a web product stores, it can read again.
#[test]
fn answers_and_requests_round_trip_through_json() {
    use cyberlex::{
        CooperationAnswer, CoverageReport, DualCriminalityAnswer, DualCriminalityRequest, Procedure,
    };
    fn round<T: serde::Serialize + serde::de::DeserializeOwned>(v: &T) {
        let a = serde_json::to_string(v).unwrap();
        let back: T = serde_json::from_str(&a).unwrap();
        assert_eq!(a, serde_json::to_string(&back).unwrap());
    }
    let corpus = Corpus::builtin();
    let d: Date = "2024-06-01".parse().unwrap();
    let req = DualCriminalityRequest::new("US", "DE", Procedure::Extradition, access()).date(d);
    round(&req);
    let dual: DualCriminalityAnswer = corpus.dual_criminality(&req).unwrap();
    round(&dual);
    assert_eq!(
        (
            dual.from_state().as_str(),
            dual.to_state().as_str(),
            dual.law_date()
        ),
        ("US", "DE", d)
    );
    let cov: CoverageReport = corpus.coverage("DE", "budapest", d).unwrap();
    round(&cov);
    let coop: CooperationAnswer = corpus
        .cooperation(
            &CooperationRequest::new("US", "DE", CooperationProcedure::Extradition, access())
                .date(d),
        )
        .unwrap();
    round(&coop);
    round(&CooperationRequest::new("US", "DE", CooperationProcedure::Mla, access()).date(d));
}
