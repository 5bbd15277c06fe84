//! Shared test helpers: the fixture corpus and one `check_bad` helper for hostile input.
#![allow(dead_code)]

use cyberlex::{Corpus, Date};

/// The built-in data with the two fictional fixture states laid over it.
pub fn fixture_corpus() -> Corpus {
    Corpus::builder()
        .builtin()
        .file(
            "jurisdictions/xa.yaml",
            include_str!("../fixtures/good/jurisdictions/xa.yaml"),
        )
        .file(
            "jurisdictions/xb.yaml",
            include_str!("../fixtures/good/jurisdictions/xb.yaml"),
        )
        .build()
        .expect("fixtures load")
}

pub fn d(s: &str) -> Date {
    s.parse().expect("test date")
}
