//! The walk-through in CONTRIBUTING.md adds a fictional state, Examplia (`XE`), from `docs/walkthrough/`. This test
//! keeps what the walk-through says true: the files load over the built-in data, and the report reads as shown.

use cyberlex::{Corpus, CoverageStatus};

#[test]
fn the_contributing_walkthrough_reads_as_it_says() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/walkthrough");
    let corpus =
        Corpus::load_dir_over_builtin(dir).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics()));
    let r = corpus
        .coverage("XE", "budapest", "2024-01-01".parse().unwrap())
        .unwrap();
    let status = |a: &str| r.rows.iter().find(|x| x.article == a).unwrap().status;
    assert_eq!(status("2"), CoverageStatus::Full);
    assert_eq!(status("3"), CoverageStatus::Absent);
    assert_eq!(status("10"), CoverageStatus::NotAssessed);
    let p16 = r.procedural.iter().find(|x| x.article == "16").unwrap();
    assert_eq!(p16.status, CoverageStatus::Partial);
    assert!(
        p16.advice.iter().any(|a| a.contains("lasts 30 days")),
        "{:?}",
        p16.advice
    );
    let p35 = r.procedural.iter().find(|x| x.article == "35").unwrap();
    assert_eq!(p35.status, CoverageStatus::Full);
    // Before the records begin, the offense part is refused rather than guessed.
    assert!(
        corpus
            .coverage("XE", "budapest", "2012-01-01".parse().unwrap())
            .is_err()
    );
}
