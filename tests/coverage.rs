//! Coverage: one test per status, proving it is reachable and correctly reasoned, on the fictional fixture states
//! XA and XB (tests/fixtures/good), plus the laws of the domain as properties.

mod common;

use common::{d, fixture_corpus};
use cyberlex::{AdviceKind, Corpus, CoverageReport, CoverageStatus, ExtraKind, VariantStatus};
use proptest::prelude::*;

fn row<'a>(r: &'a CoverageReport, article: &str) -> &'a cyberlex::ArticleCoverage {
    r.rows
        .iter()
        .find(|x| x.article == article)
        .expect("article row")
}

/// One helper for every status check: state, date, article → expected status, and a word the reasons must contain.
fn check(
    corpus: &Corpus,
    state: &str,
    date: &str,
    article: &str,
    status: CoverageStatus,
    reason_has: &str,
) {
    let rep = corpus
        .coverage(state, "budapest", d(date))
        .expect("coverage");
    let r = row(&rep, article);
    assert_eq!(
        r.status, status,
        "{state} Art. {article} on {date}: {:#?}",
        r.reasons
    );
    let all = r.reasons.join("\n");
    assert!(
        all.contains(reason_has),
        "{state} Art. {article}: reasons {all:?} lack {reason_has:?}"
    );
}

#[test]
fn full_when_every_variant_is_covered_without_extra_elements() {
    let c = fixture_corpus();
    check(
        &c,
        "XA",
        "2024-01-01",
        "2",
        CoverageStatus::Full,
        "no element beyond",
    );
    check(
        &c,
        "XA",
        "2024-01-01",
        "8",
        CoverageStatus::Full,
        "5 conduct variant",
    );
    // Art. 10: the offense names the broad act `act/infringe-ip` and needs only intent, which "wilfully" implies.
    check(
        &c,
        "XA",
        "2024-01-01",
        "10",
        CoverageStatus::Full,
        "2 conduct variant",
    );
}

#[test]
fn permitted_with_a_declared_element_before_the_2012_amendment() {
    // XA's s. 301 required a breach of security until 2011-12-31, and XA declared that element under Art. 40.
    let c = fixture_corpus();
    check(
        &c,
        "XA",
        "2011-06-01",
        "2",
        CoverageStatus::Permitted,
        "declared",
    );
    let rep = c
        .coverage("XA", "budapest", d("2011-06-01"))
        .expect("coverage");
    let v = &row(&rep, "2").variants[0];
    assert_eq!(v.extra_elements[0].kind, ExtraKind::PermittedDeclared);
    assert_eq!(v.extra_elements[0].paragraph.as_deref(), Some("2"));
}

#[test]
fn permitted_only_where_declared_otherwise_partial_with_declaration_advice() {
    // XB requires an intent to obtain data (narrower than the "dishonest intent" Art. 40 allows) without declaring
    // it. Art. 40 makes the declaration the condition, so the row is partial, and the advice is to declare.
    let c = fixture_corpus();
    check(
        &c,
        "XB",
        "2024-01-01",
        "2",
        CoverageStatus::Partial,
        "only by declaring it",
    );
    let rep = c
        .coverage("XB", "budapest", d("2024-01-01"))
        .expect("coverage");
    assert!(
        row(&rep, "2")
            .advice
            .iter()
            .any(|a| a.kind == AdviceKind::Declare)
    );
    assert!(!rep.party, "XB only signed");
    assert!(rep.party_note.contains("not a party"));
}

#[test]
fn an_offense_on_transmissions_reaches_emissions_which_art_3_counts_among_them() {
    // s. 302 intercepts non-public transmissions; Art. 3 says those include electromagnetic emissions carrying
    // computer data, so the emissions variant is covered too (elements.yaml: emissions are a special case).
    let c = fixture_corpus();
    check(
        &c,
        "XA",
        "2024-01-01",
        "3",
        CoverageStatus::Full,
        "all 2 conduct variant(s)",
    );
}

#[test]
fn partial_for_a_missing_variant() {
    // XB has no possession offense for devices or credentials, nor any Art. 6 offense at all: absent.
    // XA's CSAM offense lacks possession; without its 9(4) reservation, Art. 9 is partial with add-conduct advice.
    let c = with_reservations("");
    check(
        &c,
        "XA",
        "2024-01-01",
        "9",
        CoverageStatus::Partial,
        "9(1)(e) (missing)",
    );
    let rep = c
        .coverage("XA", "budapest", d("2024-01-01"))
        .expect("coverage");
    let adv = &row(&rep, "9").advice;
    assert!(
        adv.iter()
            .any(|a| a.kind == AdviceKind::AddConduct && a.variants.iter().any(|v| v == "9(1)(e)"))
    );
}

#[test]
fn partial_for_an_element_the_article_does_not_permit() {
    // Serious harm may be required only under an Art. 4(2) reservation, which XA did not make.
    let c = fixture_corpus();
    check(
        &c,
        "XA",
        "2024-01-01",
        "4",
        CoverageStatus::Partial,
        "does not permit",
    );
    let rep = c
        .coverage("XA", "budapest", d("2024-01-01"))
        .expect("coverage");
    let adv = &row(&rep, "4").advice;
    assert!(adv.iter().any(|a| a.kind == AdviceKind::DropElement
        && a.element.as_ref().map(|e| e.as_str()) == Some("result/serious-harm")));
}

#[test]
fn partial_without_custodial_penalty_art_13() {
    let c = fixture_corpus();
    check(
        &c,
        "XA",
        "2024-01-01",
        "7",
        CoverageStatus::Partial,
        "no custodial penalty",
    );
    let rep = c
        .coverage("XA", "budapest", d("2024-01-01"))
        .expect("coverage");
    assert!(
        row(&rep, "7")
            .advice
            .iter()
            .any(|a| a.kind == AdviceKind::ProvideCustodialPenalty)
    );
}

#[test]
fn reserved_when_a_reservation_covers_the_missing_variant() {
    // XA does not criminalise possession (9(1)(e)) and reserved it under Art. 9(4).
    let c = fixture_corpus();
    check(
        &c,
        "XA",
        "2024-01-01",
        "9",
        CoverageStatus::Reserved,
        "9(4)",
    );
    let rep = c
        .coverage("XA", "budapest", d("2024-01-01"))
        .expect("coverage");
    let v = row(&rep, "9")
        .variants
        .iter()
        .find(|v| v.variant == "9(1)(e)")
        .expect("variant");
    assert_eq!(v.status, VariantStatus::Reserved);
}

#[test]
fn absent_when_no_offense_reaches_the_article() {
    let c = fixture_corpus();
    check(
        &c,
        "XB",
        "2024-01-01",
        "6",
        CoverageStatus::Absent,
        "no offense in force",
    );
    // Art. 5 is reached through its means (deleting data, ...) by XA's data-interference offense, which however
    // protects data rather than systems and demands serious harm: partial, not absent.
    check(
        &c,
        "XA",
        "2024-01-01",
        "5",
        CoverageStatus::Partial,
        "5-damage, 5-delete, 5-deteriorate, 5-alter, 5-suppress (partial)",
    );
    check(
        &c,
        "XA",
        "2024-01-01",
        "6",
        CoverageStatus::Absent,
        "no offense in force",
    );
    // XA's records begin on 1999-01-01: before that the data cannot say, and the answer is a typed error, not
    // a report of absences.
    let e = c.coverage("XA", "budapest", d("1990-01-01")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the data for `XA` begins on 1999-01-01; it cannot answer for 1990-01-01"
    );
    // From the first day of the records, the law in force is used: only the 1999 offenses exist then.
    let rep = c
        .coverage("XA", "budapest", d("1999-06-01"))
        .expect("coverage");
    assert!(
        rep.rows
            .iter()
            .filter(|r| r.article != "2" && r.article != "11")
            .all(|r| r.status == CoverageStatus::Absent)
    );
}

#[test]
fn unknown_state_or_instrument_is_a_typed_error() {
    let c = fixture_corpus();
    let e = c.coverage("QQ", "budapest", d("2024-01-01")).unwrap_err();
    assert!(e.to_string().contains("unknown jurisdiction `QQ`"));
    let e = c.coverage("XA", "budapst", d("2024-01-01")).unwrap_err();
    assert!(
        e.to_string()
            .contains("did you mean Budapest Convention (`budapest`)"),
        "{e}"
    );
}

fn with_extra_offense(acts: &[&str], requires: &[&str], months: Option<u32>) -> Corpus {
    let months = months.map_or("null".to_owned(), |m| m.to_string());
    let extra = format!(
        "  - id: xa/extra\n    citation: \"Extra s. 1\"\n    title: {{ original: X, en: X }}\n    source: https://example.invalid/x\n    checked: 2026-11-20\n    verification: unverified\n    versions:\n      - from: 2000-01-01\n        acts: [{}]\n        requires: [{}]\n        penalty: {{ max_months: {months} }}\n",
        acts.join(", "),
        requires.join(", ")
    );
    let text = format!(
        "{}{extra}",
        include_str!("fixtures/good/jurisdictions/xa.yaml")
    );
    Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", &text)
        .file(
            "jurisdictions/xb.yaml",
            include_str!("fixtures/good/jurisdictions/xb.yaml"),
        )
        .build()
        .expect("loads")
}

fn with_reservations(res: &str) -> Corpus {
    let text = include_str!("fixtures/good/jurisdictions/xa.yaml").replace(
        "      - { paragraph: \"9(4)\", not_applied: [\"9(1)(e)\"], source: https://example.invalid/res, checked: 2026-11-20 }\n",
        res,
    );
    Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", &text)
        .build()
        .expect("loads")
}

fn element_ids(kind: &'static str) -> Vec<String> {
    Corpus::builtin()
        .elements()
        .iter()
        .filter(|e| e.id().as_str().starts_with(kind) && e.defined_by().is_none())
        .map(|e| e.id().to_string())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Adding an offense never lowers any article's status; removing it (the base corpus) never raises one.
    #[test]
    fn adding_an_offense_never_lowers_coverage(
        act in prop::sample::select(element_ids("act/")),
        reqs in prop::sample::subsequence(element_ids("circ/").into_iter().chain(element_ids("mental/")).chain(element_ids("object/")).collect::<Vec<_>>(), 0..4),
        months in prop::option::of(0u32..200),
    ) {
        let base = fixture_corpus();
        let reqs: Vec<&str> = reqs.iter().map(String::as_str).collect();
        let more = with_extra_offense(&[act.as_str()], &reqs, months);
        for date in ["2011-06-01", "2024-01-01"] {
            let a = base.coverage("XA", "budapest", d(date)).unwrap();
            let b = more.coverage("XA", "budapest", d(date)).unwrap();
            for (x, y) in a.rows.iter().zip(&b.rows) {
                prop_assert!(y.status <= x.status, "Art. {}: {:?} became {:?} after adding {act} {reqs:?}", x.article, x.status, y.status);
            }
        }
    }

    /// A reservation only ever moves a row to `reserved`; it never hides a covered row or worsens one.
    #[test]
    fn a_reservation_only_moves_rows_to_reserved(
        nine in prop::sample::subsequence(vec!["9(1)(d)", "9(1)(e)", "9(2)(b)", "9(2)(c)"], 0..4),
        six in prop::sample::subsequence(vec!["6(1)(a)(i)-produce", "6(1)(b)-device", "6(1)(b)-credential"], 0..3),
        eleven in any::<bool>(),
    ) {
        let none = with_reservations("");
        let mut res = String::new();
        if !nine.is_empty() {
            res.push_str(&format!("      - {{ paragraph: \"9(4)\", not_applied: [{}], source: https://example.invalid/r, checked: 2026-11-20 }}\n", nine.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ")));
        }
        if !six.is_empty() {
            res.push_str(&format!("      - {{ paragraph: \"6(3)\", not_applied: [{}], source: https://example.invalid/r, checked: 2026-11-20 }}\n", six.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ")));
        }
        if eleven {
            res.push_str("      - { paragraph: \"11(3)\", not_applied: [\"11(2)\"], source: https://example.invalid/r, checked: 2026-11-20 }\n");
        }
        let with = with_reservations(&res);
        let a = none.coverage("XA", "budapest", d("2024-01-01")).unwrap();
        let b = with.coverage("XA", "budapest", d("2024-01-01")).unwrap();
        for (x, y) in a.rows.iter().zip(&b.rows) {
            prop_assert!(y.status == x.status || y.status == CoverageStatus::Reserved, "Art. {}: {:?} -> {:?}", x.article, x.status, y.status);
            if matches!(x.status, CoverageStatus::Full | CoverageStatus::Permitted) {
                prop_assert_eq!(y.status, x.status);
            }
        }
    }
}

/// The EAW list names categories for surrender; asking a state's "coverage" of it is a typed error that says what
/// to ask instead.
#[test]
fn coverage_of_the_eaw_list_is_a_typed_error() {
    let e = cyberlex::Corpus::builtin()
        .coverage("DE", "eaw", d("2024-01-01"))
        .unwrap_err();
    assert!(
        matches!(e, cyberlex::QueryError::NotImplementable { .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("procedure `eaw`"));
}
