//! The README's worked example of a cooperation answer is what the library prints for that request.

use cyberlex::{Conduct, CooperationProcedure, CooperationRequest, Corpus};

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
