//! The README's worked examples (a cooperation answer, a preservation answer, the procedural table) are what the
//! library prints for them.

use cyberlex::{Conduct, CooperationProcedure, CooperationRequest, Corpus, Part};

#[test]
fn the_readme_cooperation_example_matches_the_program() {
    let readme = include_str!("../README.md");
    let marker =
        "<!-- cooperation-output: checked against the program by tests/readme.rs -->\n```text\n";
    let start = readme
        .find(marker)
        .expect("the README marks its cooperation example")
        + marker.len();
    let len = readme[start..].find("```").expect("the example block ends");
    let shown = &readme[start..start + len];
    let conduct = Conduct::new()
        .fact("act/access", true)
        .fact("act/delete-data", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true);
    let req = CooperationRequest::new("US", "DE", CooperationProcedure::Extradition, conduct)
        .date("2024-06-01".parse().unwrap())
        .nationality("DE")
        .as_stated();
    let got = Corpus::builtin().cooperation(&req).unwrap().to_string();
    assert_eq!(
        shown, got,
        "the README's example output is stale: regenerate it with the command it shows"
    );
}

fn block<'a>(readme: &'a str, marker: &str) -> &'a str {
    let start = readme
        .find(marker)
        .unwrap_or_else(|| panic!("the README has the block {marker:?}"))
        + marker.len();
    let len = readme[start..].find("\n\n").unwrap_or(readme.len() - start);
    &readme[start..start + len]
}

#[test]
fn the_readme_procedural_table_matches_the_program() {
    let readme = include_str!("../README.md");
    let shown = block(
        readme,
        "<!-- procedural-table: checked against the program by tests/readme.rs -->\n",
    );
    let corpus = Corpus::builtin();
    let reports: Vec<_> = ["DE", "GB", "JP", "NL"]
        .iter()
        .map(|c| {
            corpus
                .coverage_part(
                    c,
                    "budapest",
                    "2026-12-01".parse().unwrap(),
                    Part::Procedural,
                )
                .unwrap()
        })
        .collect();
    let md = cyberlex::report::coverage_markdown(corpus, &reports);
    assert!(
        md.contains(shown),
        "the README's procedural table is stale: regenerate it with the command it shows\n{shown}"
    );
}

#[test]
fn the_readme_preservation_example_matches_the_program() {
    let readme = include_str!("../README.md");
    let marker =
        "<!-- preservation-output: checked against the program by tests/readme.rs -->\n```text\n";
    let start = readme
        .find(marker)
        .expect("the README marks its preservation example")
        + marker.len();
    let len = readme[start..].find("```").expect("the example block ends");
    let shown = &readme[start..start + len];
    let conduct = Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true);
    let req = CooperationRequest::new("US", "DE", CooperationProcedure::Preservation, conduct)
        .date("2026-12-01".parse().unwrap())
        .as_stated();
    let got = Corpus::builtin().cooperation(&req).unwrap().to_string();
    assert_eq!(
        shown, got,
        "the README's preservation example is stale: regenerate it with the command it shows"
    );
}
