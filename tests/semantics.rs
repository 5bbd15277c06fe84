//! The semantics an expert checks (issue 14), on a fictional federal state (`tests/fixtures/semantics/xf.yaml`):
//! jurisdictional hooks disregarded, national readings counted as the term they read, objects implied by acts,
//! complementary offenses covering together, partial reservations, a declared scope and records window, and the
//! smallest sets of deciding facts. Each test would fail if its rule broke.

mod common;

use common::d;
use cyberlex::{
    Conduct, Corpus, CoverageStatus, DualCriminalityRequest, Procedure, QueryError, VariantStatus,
    Verdict,
};

fn corpus() -> Corpus {
    Corpus::builder()
        .builtin()
        .file(
            "jurisdictions/xa.yaml",
            include_str!("fixtures/good/jurisdictions/xa.yaml"),
        )
        .file(
            "jurisdictions/xf.yaml",
            include_str!("fixtures/semantics/xf.yaml"),
        )
        .build()
        .expect("fixtures load")
}

fn row<'a>(r: &'a cyberlex::CoverageReport, art: &str) -> &'a cyberlex::ArticleCoverage {
    r.rows.iter().find(|x| x.article == art).expect("row")
}

/// One variant's coverage in a state's report.
fn variant(r: &cyberlex::CoverageReport, art: &str, id: &str) -> cyberlex::VariantCoverage {
    row(r, art)
        .variants
        .iter()
        .find(|v| v.variant == id)
        .unwrap_or_else(|| panic!("no variant {id}"))
        .clone()
}

fn hacking() -> Conduct {
    Conduct::new()
        .fact("act/access", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true)
}

#[test]
fn a_federal_hook_is_disregarded_in_coverage_and_says_so() {
    let c = corpus();
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let a2 = row(&r, "2");
    assert_eq!(a2.status, CoverageStatus::Full, "{:#?}", a2.reasons);
    let v = &a2.variants[0];
    assert_eq!(
        v.disregarded.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
        ["object/xf-federal-computer", "circ/xf-interstate"]
    );
    assert!(v.reason.contains("jurisdictional hook"), "{}", v.reason);
}

#[test]
fn a_federal_hook_is_not_a_deciding_fact_in_dual_criminality() {
    // The conduct says nothing of interstate commerce or a federal computer: no lawyer treats that as open.
    let c = corpus();
    let req = DualCriminalityRequest::new("XA", "XF", Procedure::Extradition, hacking())
        .date(d("2024-01-01"));
    let a = c.dual_criminality(&req).unwrap();
    assert_eq!(a.verdict(), Verdict::Satisfied, "{a}");
    assert!(
        a.reasons()
            .iter()
            .any(|r| r.detail.contains("jurisdictional element")),
        "{a}"
    );
}

#[test]
fn an_act_implies_its_object() {
    // XA s. 301 requires a computer system; the conduct names only access, which implies one (Art. 2).
    let c = corpus();
    let req =
        DualCriminalityRequest::new("XF", "XA", Procedure::Mla, hacking()).date(d("2024-01-01"));
    let a = c.dual_criminality(&req).unwrap();
    assert_eq!(a.verdict(), Verdict::Satisfied, "{a}");
    // And a conduct known not to involve a computer system cannot be access.
    let not_a_system = hacking().fact("object/computer-system", false);
    let req =
        DualCriminalityRequest::new("XF", "XA", Procedure::Mla, not_a_system).date(d("2024-01-01"));
    assert!(matches!(
        c.dual_criminality(&req),
        Err(QueryError::ContradictoryFacts { .. })
    ));
}

#[test]
fn a_national_reading_counts_as_the_term_it_reads() {
    // XF s. 2 requires "essential importance", its reading of Art. 5's "serious" (ER para. 67).
    let c = corpus();
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let a5 = row(&r, "5");
    assert_eq!(a5.status, CoverageStatus::Full, "{:#?}", a5.reasons);
    assert!(a5.variants.iter().all(|v| v.reason.contains("read as")));
}

#[test]
fn complementary_offenses_cover_a_variant_together() {
    // s. 3 (children under 14) and s. 4 (juveniles 14-17) exhaust the minors; neither covers Art. 9(1) alone.
    let c = corpus();
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let a9 = row(&r, "9");
    for id in ["9(1)(a)", "9(1)(c)", "9(1)(e)"] {
        let v = a9.variants.iter().find(|v| v.variant == id).unwrap();
        assert_eq!(v.status, VariantStatus::Full, "{id}: {}", v.reason);
        assert_eq!(v.provision.as_ref().map(|p| p.as_str()), Some("xf/s-3"));
        assert_eq!(
            v.together_with
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>(),
            ["xf/s-4"]
        );
        assert!(v.reason.contains("together cover it"), "{}", v.reason);
    }
}

#[test]
fn one_case_of_a_partition_alone_does_not_cover() {
    let c = Corpus::builder()
        .builtin()
        .file(
            "jurisdictions/xf.yaml",
            &include_str!("fixtures/semantics/xf.yaml").replace(
                "circ/xf-juvenile, circ/without-right",
                "circ/xf-child, circ/without-right",
            ),
        )
        .build()
        .unwrap();
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let v = variant(&r, "9", "9(1)(c)");
    assert_eq!(v.status, VariantStatus::Partial, "{}", v.reason);
}

#[test]
fn a_partial_reservation_covers_the_part_left_out() {
    // XF applies Art. 6(1)(a)(i) to programs only; its offense is limited to programs.
    let c = corpus();
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let v = variant(&r, "6", "6(1)(a)(i)-produce");
    assert_eq!(v.status, VariantStatus::Reserved, "{}", v.reason);
}

#[test]
fn an_article_outside_the_declared_scope_is_not_assessed() {
    let c = corpus();
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let a10 = row(&r, "10");
    assert_eq!(a10.status, CoverageStatus::NotAssessed);
    assert!(a10.reasons[0].contains("copyright statute is not recorded"));
}

#[test]
fn answers_are_refused_before_the_records_are_complete() {
    let c = corpus();
    assert!(matches!(
        c.coverage("XF", "budapest", d("2009-12-31")),
        Err(QueryError::BeforeData { .. })
    ));
    // The undated s. 1 is in force from the first day of the records on, not "since forever".
    let r = c.coverage("XF", "budapest", d("2010-01-01")).unwrap();
    assert_eq!(row(&r, "2").status, CoverageStatus::Full);
    assert!(matches!(
        c.offenses_in_force("XF", d("2009-06-01")),
        Err(QueryError::BeforeData { .. })
    ));
}

#[test]
fn an_undated_version_without_a_declared_window_is_known_only_from_when_it_was_checked() {
    let text = include_str!("fixtures/semantics/xf.yaml")
        .replace("  records_complete_from: 2010-01-01\n", "");
    let c = Corpus::builder()
        .builtin()
        .file("jurisdictions/xf.yaml", &text)
        .build()
        .unwrap();
    let j = c.jurisdiction("XF").unwrap();
    // s. 1 has no `from`; it was checked on 2026-11-20, so that is the first day the data can speak for.
    assert_eq!(c.records_begin(j), Some(d("2026-11-20")));
    assert!(c.coverage("XF", "budapest", d("2024-01-01")).is_err());
}

#[test]
fn the_builtin_data_refuses_the_decade_before_the_computer_misuse_act() {
    // `gap_report -j GB --date 1980-01-01` used to answer Art. 2 `full`, ten years before the Act.
    let c = Corpus::builtin();
    assert!(matches!(
        c.coverage("GB", "budapest", d("1980-01-01")),
        Err(QueryError::BeforeData { .. })
    ));
}

#[test]
fn deciding_sets_are_minimal_and_each_settles_the_verdict() {
    let c = corpus();
    // Whether the access was without right is unknown: it decides both states.
    let conduct = Conduct::new()
        .fact("act/access", true)
        .fact("mental/intent", true);
    let req = DualCriminalityRequest::new("XA", "XF", Procedure::Extradition, conduct)
        .date(d("2024-01-01"));
    let a = c.dual_criminality(&req).unwrap();
    assert_eq!(a.verdict(), Verdict::Depends);
    let sets = a.deciding_sets();
    assert!(!sets.is_empty());
    for s in sets {
        assert_ne!(s.verdict, Verdict::Depends);
        // Minimal: no listed set contains another.
        for t in sets {
            if !std::ptr::eq(s, t) {
                assert!(
                    !t.facts.iter().all(|f| s.facts.contains(f)),
                    "{:?} contains {:?}",
                    s.facts,
                    t.facts
                );
            }
        }
    }
    assert!(sets.iter().any(|s| s.facts.len() == 1
        && s.facts[0].element.as_str() == "circ/without-right"
        && s.facts[0].value
        && s.verdict == Verdict::Satisfied));
    // Every fact listed as deciding alone settles at least one branch.
    for f in a.deciding_facts() {
        assert!(f.if_true != Verdict::Depends || f.if_false != Verdict::Depends);
    }
}

#[test]
fn complementary_offenses_satisfy_dual_criminality_by_cases() {
    // The age of the minor is not stated: whichever case holds, XF has an offense, so XF criminalises the conduct.
    let c = corpus();
    let conduct = Conduct::new()
        .fact("act/distribute-material", true)
        .fact("object/csam-real-minor", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true);
    for reading_as_stated in [false, true] {
        let mut req = DualCriminalityRequest::new("XA", "XF", Procedure::Mla, conduct.clone())
            .date(d("2024-01-01"));
        if reading_as_stated {
            req = req.as_stated();
        }
        let a = c.dual_criminality(&req).unwrap();
        let xf = a
            .reasons()
            .iter()
            .find(|r| r.detail.contains("whichever of"))
            .unwrap_or_else(|| panic!("no case split: {a}"));
        assert!(xf.detail.contains("circ/xf-child"), "{}", xf.detail);
        assert_eq!(
            c.dual_criminality_verdict(&req).unwrap(),
            a.verdict(),
            "the verdict-only path agrees"
        );
    }
}

#[test]
fn as_stated_settles_the_verdict_and_lists_what_would_change_it() {
    // Access with intent, without right, in XA on both sides. Nothing is said about obtaining data: XA's aggravated
    // form (60 months) is not alleged, so a 36-month threshold fails as stated, and obtaining data would change that.
    let c = corpus();
    let req = DualCriminalityRequest::new("XA", "XA", Procedure::Extradition, hacking())
        .date(d("2024-01-01"))
        .threshold_months(36)
        .as_stated();
    let a = c.dual_criminality(&req).unwrap();
    assert_eq!(a.verdict(), Verdict::NotSatisfied, "{a}");
    assert!(
        a.deciding_sets()
            .iter()
            .any(|s| s.verdict != Verdict::NotSatisfied
                && s.facts
                    .iter()
                    .any(|f| f.element.as_str() == "result/data-obtained" && f.value)),
        "{a}"
    );
    // Read openly, the same conduct depends on it.
    let open = DualCriminalityRequest::new("XA", "XA", Procedure::Extradition, hacking())
        .date(d("2024-01-01"))
        .threshold_months(36);
    assert_eq!(
        c.dual_criminality(&open).unwrap().verdict(),
        Verdict::Depends
    );
}

#[test]
fn a_reservation_of_all_but_some_variants_leaves_out_exactly_the_others() {
    // XF reserves under Art. 9(4) everything the paragraph allows except 9(1)(d) and 9(1)(e): so 9(2)(b) and
    // 9(2)(c) are left out, listed once each, and the excepted variants stay assessed.
    let c = corpus();
    let j = c.jurisdiction("XF").unwrap();
    let res = j.treaties()[0]
        .reservations()
        .iter()
        .find(|r| r.paragraph() == "9(4)")
        .unwrap();
    assert_eq!(res.not_applied(), ["9(2)(b)", "9(2)(c)"]);
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let a9 = row(&r, "9");
    let status = |id: &str| a9.variants.iter().find(|v| v.variant == id).unwrap().status;
    assert_eq!(status("9(2)(b)"), VariantStatus::Reserved);
    assert_eq!(status("9(2)(c)"), VariantStatus::Reserved);
    assert_eq!(status("9(1)(e)"), VariantStatus::Full);
    assert_eq!(a9.status, CoverageStatus::Reserved);
}

#[test]
fn attempt_is_assessed_per_target_article() {
    // XF's attempt rule reaches s. 2 (Art. 5) only: attempt of the child-material offenses (Art. 9(1)(a), (c)) is
    // not punishable, so Art. 11(2) is partial and says for which target.
    let attempt = r#"
  - id: xf/s-9
    citation: "Fed. Code s. 9"
    title: { original: Attempt, en: Attempt }
    source: https://example.invalid/xf-9
    checked: 2026-11-20
    verification: unverified
    versions:
      - from: 2010-01-01
        acts: [act/attempt]
        requires: [mental/intent]
        penalty: { follows_principal: true }
        accessory_to: [xf/s-2]
"#;
    let text = format!("{}{attempt}", include_str!("fixtures/semantics/xf.yaml"));
    let c = Corpus::builder()
        .builtin()
        .file("jurisdictions/xf.yaml", &text)
        .build()
        .unwrap();
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let v = variant(&r, "11", "11(2)");
    assert_eq!(v.status, VariantStatus::Partial, "{}", v.reason);
    assert!(
        v.reason.contains("attempt of Art. 5 is punishable"),
        "{}",
        v.reason
    );
    assert!(v.reason.contains("not of Art. 9(1)(a)"), "{}", v.reason);
    // Without the limit the rule reaches every offense, and attempt of every covered target is punishable.
    let general = text.replace("        accessory_to: [xf/s-2]\n", "");
    let c = Corpus::builder()
        .builtin()
        .file("jurisdictions/xf.yaml", &general)
        .build()
        .unwrap();
    let r = c.coverage("XF", "budapest", d("2024-01-01")).unwrap();
    let v = variant(&r, "11", "11(2)");
    assert!(!v.reason.contains("not of Art."), "{}", v.reason);
}

#[test]
fn an_old_element_id_is_read_as_its_new_one_with_a_warning() {
    // act/de-deceive-person was merged into act/deceive: a user's file that still names it loads, reads it as the
    // new id, and is told so at the line.
    let user = include_str!("fixtures/semantics/xf.yaml").replace(
        "acts: [act/hinder-system]",
        "acts: [act/hinder-system, act/de-deceive-person]",
    );
    let c = Corpus::builder()
        .builtin()
        .file("jurisdictions/xf.yaml", &user)
        .build()
        .unwrap();
    let w = c
        .diagnostics()
        .iter()
        .find(|d| d.message().contains("act/de-deceive-person"))
        .expect("a warning");
    assert!(w.message().contains("read as `act/deceive`"), "{w}");
    assert!(w.line().is_some());
    let o = c.offense("xf/s-2").unwrap();
    assert!(
        o.versions()[0]
            .acts()
            .iter()
            .any(|a| a.as_str() == "act/deceive")
    );
}
