//! The published JSON Schemas equal the generated ones, and every shipped data file validates against its schema.

use std::path::Path;

use cyberlex::load::{SchemaKind, json_schema};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_schemas_equal_the_generated_ones() {
    for (kind, name) in SchemaKind::ALL {
        let committed =
            std::fs::read_to_string(root().join("docs/schema").join(name)).unwrap_or_default();
        assert_eq!(
            committed,
            json_schema(kind),
            "docs/schema/{name} is stale: run `cargo run --example schema -- --write docs/schema`"
        );
    }
}

fn validate(kind: SchemaKind, file: &Path) -> Vec<String> {
    let schema: serde_json::Value = serde_json::from_str(&json_schema(kind)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let doc: serde_json::Value =
        serde_saphyr::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    validator
        .iter_errors(&doc)
        .map(|e| format!("{}: {e} at {}", file.display(), e.instance_path()))
        .collect()
}

#[test]
fn every_shipped_file_validates_against_its_schema() {
    let mut errors = validate(SchemaKind::Elements, &root().join("data/elements.yaml"));
    let mut n = 1;
    for (dir, kind) in [
        ("data/instruments", SchemaKind::Instrument),
        ("data/jurisdictions", SchemaKind::Jurisdiction),
        ("data/bases", SchemaKind::Basis),
        ("data/nationality", SchemaKind::Nationality),
        ("data/powers", SchemaKind::Powers),
        (
            "tests/fixtures/good/jurisdictions",
            SchemaKind::Jurisdiction,
        ),
    ] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            errors.extend(validate(kind, &e.unwrap().path()));
            n += 1;
        }
    }
    assert!(n >= 13);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schema_rejects_what_the_loader_rejects_by_shape() {
    let schema: serde_json::Value =
        serde_json::from_str(&json_schema(SchemaKind::Jurisdiction)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let unknown_key: serde_json::Value = serde_json::json!({"format_version": 1, "jurisdiction": {"code": "XA", "name": "R", "legal_family": "civil"}, "colour": "blue"});
    assert!(!validator.is_valid(&unknown_key));
    let missing: serde_json::Value = serde_json::json!({"format_version": 1});
    assert!(!validator.is_valid(&missing));
}

#[test]
fn the_template_loads_as_it_is() {
    let text = std::fs::read_to_string(root().join("docs/template/jurisdiction.yaml")).unwrap();
    let c = cyberlex::Corpus::builder()
        .builtin()
        .file("jurisdictions/xx.yaml", &text)
        .build()
        .expect("template loads");
    assert_eq!(c.jurisdiction("XX").unwrap().offenses().len(), 1);
    assert!(
        validate(
            SchemaKind::Jurisdiction,
            &root().join("docs/template/jurisdiction.yaml")
        )
        .is_empty()
    );
}

/// The answers a product reads validate against `docs/schema/answer.schema.json`: coverage reports with both parts,
/// dual-criminality answers with reasons and deciding sets, and cooperation answers with their execution.
#[test]
fn answers_validate_against_the_answer_schema() {
    use cyberlex::{
        Conduct, CooperationProcedure, CooperationRequest, Corpus, DualCriminalityRequest,
        Procedure,
    };
    let schema: serde_json::Value = serde_json::from_str(&json_schema(SchemaKind::Answer)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let corpus = Corpus::builtin();
    let date = "2024-06-01".parse().unwrap();
    let conduct = Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true);
    let mut docs = Vec::new();
    for code in ["DE", "JP", "US", "BR"] {
        docs.push(serde_json::to_value(corpus.coverage(code, "budapest", date).unwrap()).unwrap());
    }
    let dual =
        DualCriminalityRequest::new("US", "DE", Procedure::Extradition, conduct.clone()).date(date);
    docs.push(serde_json::to_value(corpus.dual_criminality(&dual).unwrap()).unwrap());
    for p in CooperationProcedure::ALL {
        let req = CooperationRequest::new("US", "DE", p, conduct.clone()).date(date);
        docs.push(serde_json::to_value(corpus.cooperation(&req).unwrap()).unwrap());
    }
    let errors: Vec<String> = docs
        .iter()
        .flat_map(|d| {
            validator
                .iter_errors(d)
                .map(|e| format!("{e} at {}", e.instance_path()))
        })
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema is not vacuous: a report with a status the library never writes is rejected.
    let mut bad = docs[0].clone();
    bad["procedural"][0]["status"] = serde_json::json!("splendid");
    assert!(!validator.is_valid(&bad));
}
