//! Rendered reports on the fictional fixture states, as snapshots, plus structural checks of each format.

mod common;

use common::{d, fixture_corpus};
use cyberlex::report;
use cyberlex::{Conduct, DualCriminalityRequest, InstrumentId, Procedure};

fn reports(c: &cyberlex::Corpus) -> Vec<cyberlex::CoverageReport> {
    ["XA", "XB"]
        .iter()
        .map(|j| c.coverage(j, "budapest", d("2024-01-01")).unwrap())
        .collect()
}

/// Splits one CSV record (RFC 4180 quoting) into fields.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn markdown_gap_report() {
    let c = fixture_corpus();
    let md = report::coverage_markdown(&c, &reports(&c));
    assert!(md.contains("| Ruritania (XA) | yes |"));
    assert!(md.contains("### Art. 7 Computer-related forgery — partial"));
    insta::assert_snapshot!("gap_report_md", md);
}

#[test]
fn csv_gap_report_has_one_row_per_state_and_article() {
    let c = fixture_corpus();
    let csv = report::coverage_csv(&reports(&c));
    let rows = csv_rows(&csv);
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "ragged CSV");
    // 10 offense articles and 9 procedural ones per state; the last column says which part a row belongs to.
    assert_eq!(rows.len(), 1 + 2 * 10 + 2 * 9);
    assert_eq!(rows[1][0], "XA");
    assert_eq!(rows[0].last().map(String::as_str), Some("part"));
    assert_eq!(
        rows.iter()
            .filter(|r| r.last().map(String::as_str) == Some("procedural"))
            .count(),
        2 * 9
    );
    insta::assert_snapshot!("gap_report_csv", csv);
}

#[test]
fn json_gap_report_has_the_documented_shape() {
    let c = fixture_corpus();
    let json = report::coverage_json(
        &reports(&c),
        &InstrumentId::new("budapest"),
        d("2024-01-01"),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["instrument"], "budapest");
    assert_eq!(v["date"], "2024-01-01");
    let row = &v["rows"][0];
    for key in [
        "jurisdiction",
        "article",
        "status",
        "provisions",
        "reasons",
        "advice",
    ] {
        assert!(row.get(key).is_some(), "row lacks {key}");
    }
    assert_eq!(row["jurisdiction"], "XA");
    assert_eq!(row["article"], "2");
    insta::assert_snapshot!("gap_report_json", json);
}

#[test]
fn svg_heatmap_is_well_formed_and_labelled() {
    let c = fixture_corpus();
    let svg = report::coverage_svg(&reports(&c), "Budapest Convention");
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<g>").count(), svg.matches("</g>").count());
    // background + 2 states x 10 articles + the procedural band (2 states x 9 articles) + 7 legend swatches
    assert_eq!(svg.matches("<rect").count(), 1 + 20 + 18 + 7);
    assert!(svg.contains("Procedural powers and channels"));
    for label in [
        "Art. 2",
        "XA Ruritania",
        "XB Grand Fenwick *",
        "permitted",
        "absent",
    ] {
        assert!(svg.contains(label), "missing {label}");
    }
    insta::assert_snapshot!("gap_report_svg", svg);
}

#[test]
fn dot_mapping_graph() {
    let c = fixture_corpus();
    let r = c.coverage("XA", "budapest", d("2024-01-01")).unwrap();
    let dot = report::mapping_dot(&c, &r);
    assert!(dot.starts_with("digraph") && dot.trim_end().ends_with('}'));
    assert!(dot.contains("\"xa/pc-301\" -> \"act/access\""));
    insta::assert_snapshot!("mapping_dot", dot);
}

#[test]
fn dual_criminality_text() {
    let c = fixture_corpus();
    let conduct = Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true);
    let a = c
        .dual_criminality(
            &DualCriminalityRequest::new("XA", "XB", Procedure::Extradition, conduct)
                .date(d("2024-01-01"))
                .threshold_months(6),
        )
        .unwrap();
    let text = a.to_string();
    assert!(text.starts_with("Dual criminality (extradition) from XA to XB: DEPENDS"));
    insta::assert_snapshot!("dual_text", text);
    let json: serde_json::Value = serde_json::to_value(&a).unwrap();
    for key in ["verdict", "reasons", "deciding_facts"] {
        assert!(json.get(key).is_some(), "answer JSON lacks {key}");
    }
}

/// A matrix of "depends" says what it depends on: each open cell's tooltip names the facts that would settle it, and
/// a note under the grid names the fact most open cells turn on.
#[test]
fn matrix_says_what_open_cells_depend_on() {
    use cyberlex::{Conduct, DualCriminalityRequest, JurisdictionCode, Procedure, Verdict};
    let c = fixture_corpus();
    let conduct = Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true);
    let codes: Vec<JurisdictionCode> = ["XA", "XB"]
        .iter()
        .map(|x| c.jurisdiction(x).unwrap().code().clone())
        .collect();
    let mut cells = Vec::new();
    for a in &codes {
        for b in &codes {
            if a == b {
                continue;
            }
            // A 6-month threshold, so that penalties do not settle the pair before the facts do.
            let req = DualCriminalityRequest::new(
                a.as_str(),
                b.as_str(),
                Procedure::Extradition,
                conduct.clone(),
            )
            .date(d("2024-01-01"))
            .threshold_months(6);
            cells.push(report::MatrixCell::from_answer(
                &c.dual_criminality(&req).unwrap(),
            ));
        }
    }
    let open: Vec<_> = cells
        .iter()
        .filter(|x| x.verdict == Verdict::Depends)
        .collect();
    assert!(!open.is_empty(), "the fixture has an open pair");
    assert!(open.iter().all(|x| !x.depends_on.is_empty()));
    let svg = report::matrix_svg("t", "s", &codes, &cells);
    assert!(svg.contains("settled by whether:"));
    assert!(svg.contains("The fact most open cells turn on:"));
    let md = report::matrix_markdown("t", &codes, &cells);
    assert!(md.contains("The fact most open cells turn on:"));
}
