//! Procedural powers (Budapest Arts. 16-21, 29, 30, 35): laws of the domain as properties, and the rating rules on
//! small synthetic states whose law is written here, so that each rule would fail a test if it broke.

mod common;

use common::d;
use cyberlex::{
    Conduct, CooperationProcedure, CooperationRequest, Corpus, CoverageStatus, Date, Part,
    RequirementStatus,
};
use proptest::prelude::*;

const STATES: [&str; 8] = ["AU", "CA", "DE", "FR", "GB", "JP", "NL", "US"];

fn access() -> Conduct {
    Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

    /// A power is cited only on a date within one of its versions, and the version cited is the one in force.
    #[test]
    fn a_power_is_never_cited_outside_its_versions(s in 0usize..8, y in 1995u16..2028, m in 1u8..13, dd in 1u8..29) {
        let corpus = Corpus::builtin();
        let date = Date::new(y, m, dd).unwrap();
        let report = corpus.coverage_part(STATES[s], "budapest", date, Part::Procedural).unwrap();
        let powers = corpus.powers(STATES[s]).unwrap();
        for row in &report.procedural {
            for p in &row.powers {
                let power = powers.powers().iter().find(|x| x.id() == p.id).unwrap();
                let v = power.version_on(date);
                prop_assert!(v.is_some(), "{} cited on {date}, outside its versions", p.id);
                prop_assert_eq!(v.unwrap().from(), p.since);
            }
            for q in &row.requirements {
                for id in &q.powers {
                    let power = powers.powers().iter().find(|x| x.id() == id).unwrap();
                    prop_assert!(power.version_on(date).is_some(), "{id} meets {} on {date}, outside its versions", q.paragraph);
                }
            }
        }
    }

    /// A state with a reservation under Art. 14(3) is never `full` for an article the reservation limits.
    #[test]
    fn a_limiting_reservation_is_never_full(s in 0usize..8, y in 2005u16..2028) {
        let corpus = Corpus::builtin();
        let date = Date::new(y, 6, 1).unwrap();
        let j = corpus.jurisdiction(STATES[s]).unwrap();
        let report = corpus.coverage_part(STATES[s], "budapest", date, Part::Procedural).unwrap();
        let inst = corpus.instrument("budapest").unwrap();
        if let Some(t) = j.treaties().iter().find(|t| t.instrument().as_str() == "budapest") {
            for r in t.reservations() {
                for a in inst.procedural().iter().filter(|a| a.limited_by().contains(&r.paragraph().to_owned())) {
                    if !r.limits().is_empty() && !r.limits().contains(&a.article().to_owned()) {
                        continue;
                    }
                    let row = report.procedural.iter().find(|x| x.article == a.article()).unwrap();
                    prop_assert_ne!(row.status, CoverageStatus::Full, "{} Art. {} on {}", STATES[s], a.article(), date);
                }
            }
        }
    }

    /// The powers a cooperation answer says would execute a preservation or assistance request are in force in the
    /// requested state on the date, and the channel is the requested state's.
    #[test]
    fn executing_powers_are_the_requested_states_and_in_force(a in 0usize..8, b in 0usize..8, y in 2008u16..2028, p in 1usize..3) {
        prop_assume!(a != b);
        let corpus = Corpus::builtin();
        let date = Date::new(y, 3, 15).unwrap();
        let procedure = CooperationProcedure::ALL[p];
        let req = CooperationRequest::new(STATES[a], STATES[b], procedure, access()).date(date).as_stated();
        let ans = corpus.cooperation(&req).unwrap();
        let ex = ans.execution().expect("preservation and assistance answers say how they would be executed");
        let powers = corpus.powers(STATES[b]).unwrap();
        for pw in &ex.powers {
            let power = powers.powers().iter().find(|x| x.id() == pw.id);
            prop_assert!(power.is_some(), "{} is not a power of {}", pw.id, STATES[b]);
            prop_assert!(power.unwrap().version_on(date).is_some());
        }
        if let Some(c) = &ex.channel {
            prop_assert!(powers.contacts().iter().any(|x| x.body() == c.body && x.in_force(date)));
        }
    }
}

/// The extradition answer names no executing power: only preservation and assistance are executed by powers.
#[test]
fn extradition_names_no_executing_power() {
    let corpus = Corpus::builtin();
    let req = CooperationRequest::new("US", "DE", CooperationProcedure::Extradition, access())
        .date(d("2024-01-01"))
        .as_stated();
    assert!(corpus.cooperation(&req).unwrap().execution().is_none());
}

const STATE: &str = r#"format_version: 1
jurisdiction:
  code: XA
  name: Examplia
  legal_family: civil
treaties:
  - instrument: budapest
    ratified: 2010-01-01
    in_force: 2010-05-01
    source: https://example.invalid/treaty
    checked: 2026-12-02
    verification: unverified
    reservations:
      - paragraph: "14(3)"
        limits: ["20"]
        note: real-time traffic data only for offenses punishable by 3 years or more
        source: https://example.invalid/treaty
        checked: 2026-12-02
offenses: []
"#;

fn corpus_with(powers: &str) -> Corpus {
    Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", STATE)
        .file("powers/xa.yaml", powers)
        .build()
        .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics()))
}

fn version(provides: &str, extra: &str) -> String {
    format!(
        "      - from: 2012-01-01\n        provides: {provides}\n        ordered_by: prosecutor\n{extra}        source: https://example.invalid/ccp\n        checked: 2026-12-02\n        verification: secondary\n"
    )
}

fn power(id: &str, general: bool, versions: &str) -> String {
    format!(
        "  - id: xa/{id}\n    citation: Code of Criminal Procedure, {id}\n    title: {id}\n    general: {general}\n    versions:\n{versions}"
    )
}

fn file(powers: &str, more: &str) -> String {
    format!("format_version: 1\nstate: XA\ninstrument: budapest\n{more}powers:\n{powers}")
}

fn row(c: &Corpus, article: &str, date: &str) -> cyberlex::ProceduralCoverage {
    c.coverage_part("XA", "budapest", d(date), Part::Procedural)
        .unwrap()
        .procedural
        .into_iter()
        .find(|r| r.article == article)
        .unwrap()
}

#[test]
fn a_binding_order_of_ninety_days_with_confidentiality_is_full_and_absent_before_it() {
    let p = power(
        "preservation-order",
        false,
        &version(
            r#"["16(1)", "16(2)", "16(3)"]"#,
            "        binding: true\n        period: { length: 90, unit: days }\n",
        ),
    );
    let c = corpus_with(&file(&p, ""));
    let r = row(&c, "16", "2013-01-01");
    assert_eq!(r.status, CoverageStatus::Full, "{:?}", r.reasons);
    assert_eq!(r.powers[0].id, "xa/preservation-order");
    let before = row(&c, "16", "2011-06-01");
    assert_eq!(before.status, CoverageStatus::Absent);
    assert!(
        before.reasons[0].contains("came into force on 2012-01-01"),
        "{:?}",
        before.reasons
    );
    // An article no power serves is absent, with advice naming what to provide.
    let r17 = row(&c, "17", "2013-01-01");
    assert_eq!(r17.status, CoverageStatus::Absent);
    assert!(r17.advice[0].contains("17(1)(a)"), "{:?}", r17.advice);
}

#[test]
fn a_voluntary_request_is_partial_and_says_so() {
    let p = power(
        "preservation-request",
        false,
        &version(
            r#"["16(1)", "16(2)", "16(3)"]"#,
            "        binding: false\n        period: { length: 90, unit: days }\n",
        ),
    );
    let r = row(&corpus_with(&file(&p, "")), "16", "2013-01-01");
    assert_eq!(r.status, CoverageStatus::Partial);
    assert!(
        r.advice
            .iter()
            .any(|a| a.contains("voluntary, with no sanction")),
        "{:?}",
        r.advice
    );
}

#[test]
fn an_order_shorter_than_ninety_days_is_partial_with_the_drafters_advice() {
    let p = power(
        "preservation-order",
        false,
        &version(
            r#"["16(1)", "16(2)", "16(3)"]"#,
            "        binding: true\n        period: { length: 30, unit: days }\n",
        ),
    );
    let r = row(&corpus_with(&file(&p, "")), "16", "2013-01-01");
    assert_eq!(r.status, CoverageStatus::Partial);
    let q = r
        .requirements
        .iter()
        .find(|q| q.paragraph == "16(2)")
        .unwrap();
    assert_eq!(q.status, RequirementStatus::Unmet);
    assert!(
        r.advice
            .iter()
            .any(|a| a.contains("lasts 30 days") && a.contains("up to 90 days and renewal")),
        "{:?}",
        r.advice
    );
    // Renewable without a cap, the same order keeps data as long as necessary.
    let p = power(
        "preservation-order",
        false,
        &version(
            r#"["16(1)", "16(2)", "16(3)"]"#,
            "        binding: true\n        period: { length: 30, unit: days, renewable: true }\n",
        ),
    );
    let r = row(&corpus_with(&file(&p, "")), "16", "2013-01-01");
    assert_eq!(r.status, CoverageStatus::Full, "{:?}", r.reasons);
}

#[test]
fn general_powers_are_permitted_for_art_16_and_16_2_does_not_bind_them() {
    let p = power(
        "seizure",
        true,
        &version(
            r#"["16(1)", "16(3)", "18(1)(a)"]"#,
            "        binding: true\n        no_time_limit: true\n",
        ),
    );
    let c = corpus_with(&file(&p, ""));
    let r = row(&c, "16", "2013-01-01");
    assert_eq!(r.status, CoverageStatus::Permitted, "{:?}", r.reasons);
    let q = r
        .requirements
        .iter()
        .find(|q| q.paragraph == "16(2)")
        .unwrap();
    assert_eq!(q.status, RequirementStatus::MetByGeneralPower);
    // Where the article allows no general means, a general power counts as any other.
    let r18 = row(&c, "18", "2013-01-01");
    assert_ne!(r18.status, CoverageStatus::Permitted);
}

#[test]
fn an_unclaimed_paragraph_is_not_assessed_unless_the_law_is_recorded_as_lacking_it() {
    let p = power(
        "preservation-order",
        false,
        &version(
            r#"["16(1)", "16(2)"]"#,
            "        binding: true\n        period: { length: 90, unit: days }\n",
        ),
    );
    let c = corpus_with(&file(&p, ""));
    let r = row(&c, "16", "2013-01-01");
    assert_eq!(r.status, CoverageStatus::NotAssessed);
    assert!(!r.powers.is_empty());
    let lacks = "lacks:\n  - paragraph: \"16(3)\"\n    to: 2014-12-31\n    reason: the code has no confidentiality duty (commentary)\n    source: https://example.invalid/commentary\n    checked: 2026-12-02\n    verification: secondary\n";
    let c = corpus_with(&file(&p, lacks));
    assert_eq!(row(&c, "16", "2013-01-01").status, CoverageStatus::Partial);
    // The lack is dated: after it, the paragraph is open again.
    assert_eq!(
        row(&c, "16", "2015-06-01").status,
        CoverageStatus::NotAssessed
    );
}

#[test]
fn a_reservation_limiting_art_20_makes_it_reserved_not_full() {
    let p = power(
        "traffic-data",
        false,
        &version(
            r#"["20(1)(a)", "20(1)(b)", "20(3)", "21(1)(a)", "21(1)(b)", "21(3)"]"#,
            "        binding: true\n",
        ),
    );
    let c = corpus_with(&file(&p, ""));
    assert_eq!(row(&c, "20", "2013-01-01").status, CoverageStatus::Reserved);
    // The reservation names Art. 20 only: Art. 21 stays full.
    assert_eq!(row(&c, "21", "2013-01-01").status, CoverageStatus::Full);
}

#[test]
fn records_not_yet_begun_and_states_without_records_are_not_assessed() {
    let p = power(
        "preservation-order",
        false,
        &version(
            r#"["16(1)", "16(2)", "16(3)"]"#,
            "        binding: true\n        period: { length: 90, unit: days }\n",
        ),
    );
    let c = corpus_with(&file(&p, "records_complete_from: 2010-01-01\n"));
    let r = row(&c, "16", "2009-06-01");
    assert_eq!(r.status, CoverageStatus::NotAssessed);
    assert!(r.reasons[0].contains("begin on 2010-01-01"));
    // A state with no powers file: every procedural row is not assessed, never absent.
    let rep = Corpus::builtin()
        .coverage_part("BR", "budapest", d("2024-01-01"), Part::Procedural)
        .unwrap();
    assert!(!rep.procedural.is_empty());
    assert!(
        rep.procedural
            .iter()
            .all(|r| r.status == CoverageStatus::NotAssessed)
    );
}

#[test]
fn the_24_7_point_meets_art_35_and_its_absence_is_advice() {
    let contact = "contacts:\n  - role: point_24_7\n    body: National Police, cybercrime unit\n    from: 2012-01-01\n    source: https://example.invalid/declarations\n    checked: 2026-12-02\n    verification: secondary\n";
    let p = power(
        "seizure",
        false,
        &version(r#"["19(1)"]"#, "        binding: true\n"),
    );
    let c = corpus_with(&file(&p, contact));
    let r = row(&c, "35", "2013-01-01");
    assert_eq!(r.status, CoverageStatus::Full);
    assert_eq!(
        r.contact.as_ref().unwrap().body,
        "National Police, cybercrime unit"
    );
    let r = row(&c, "35", "2011-01-01");
    assert_eq!(r.status, CoverageStatus::Absent);
    assert!(r.advice[0].contains("24/7"));
}

#[test]
fn parts_select_rows_and_json_uses_article_strings() {
    let corpus = Corpus::builtin();
    let date = d("2024-01-01");
    let all = corpus.coverage("NL", "budapest", date).unwrap();
    assert!(!all.rows.is_empty() && !all.procedural.is_empty());
    let off = corpus
        .coverage_part("NL", "budapest", date, Part::Offenses)
        .unwrap();
    assert!(off.procedural.is_empty() && !off.rows.is_empty());
    let json = cyberlex::report::coverage_json(std::slice::from_ref(&all), &all.instrument, date);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let arts: Vec<&str> = v["procedural"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["article"].as_str().unwrap())
        .collect();
    assert_eq!(arts, ["16", "17", "18", "19", "20", "21", "29", "30", "35"]);
    let md = cyberlex::report::coverage_markdown(corpus, std::slice::from_ref(&all));
    assert!(md.contains("## Procedural powers"));
    assert!(md.find("## Summary").unwrap() < md.find("## Procedural powers").unwrap());
    let csv = cyberlex::report::coverage_csv(&[all]);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("NL,") && l.ends_with(",procedural"))
    );
    let svg = cyberlex::report::coverage_svg(&[off], "Budapest Convention");
    assert!(!svg.contains("Procedural powers and channels"));
    // A report round-trips through JSON.
    let rep = corpus
        .coverage_part("JP", "budapest", date, Part::Procedural)
        .unwrap();
    let back: cyberlex::CoverageReport =
        serde_json::from_str(&serde_json::to_string(&rep).unwrap()).unwrap();
    assert_eq!(back.procedural, rep.procedural);
}

#[test]
fn a_preservation_answer_names_the_power_its_period_and_the_24_7_point() {
    let corpus = Corpus::builtin();
    let req = CooperationRequest::new("US", "NL", CooperationProcedure::Preservation, access())
        .date(d("2024-01-01"))
        .as_stated();
    let ans = corpus.cooperation(&req).unwrap();
    let ex = ans.execution().unwrap();
    assert!(
        ex.powers.iter().any(|p| p.citation.contains("126ni")),
        "{ex:?}"
    );
    assert!(ex.powers.iter().all(|p| p.period.is_some()));
    assert_eq!(
        ex.channel.as_ref().unwrap().role,
        cyberlex::ContactRole::Point247
    );
    let text = ans.to_string();
    assert!(text.contains("executed by:") && text.contains("channel: 24/7 point of contact"));
    // Assistance goes to the central authority.
    let req = CooperationRequest::new("US", "NL", CooperationProcedure::Mla, access())
        .date(d("2024-01-01"))
        .as_stated();
    let ans = corpus.cooperation(&req).unwrap();
    assert_eq!(
        ans.execution().unwrap().channel.as_ref().unwrap().role,
        cyberlex::ContactRole::CentralAuthorityMla
    );
}
