//! The crosswalk, checked against the correspondences the instruments' own material and the domain brief state,
//! and coverage against an instrument with penalty floors.

mod common;

use common::{d, fixture_corpus};
use cyberlex::{Corpus, CoverageStatus, Relation};

fn pair(cw: &cyberlex::Crosswalk, from: &str, to: &str) -> Option<Relation> {
    cw.pairs
        .iter()
        .find(|p| p.from_article == from && p.to_article == to)
        .map(|p| p.relation)
}

/// Budapest ↔ Directive 2013/40/EU. The correspondences and differences are those tabulated in
/// shared/domain/frameworks.md section 5 ("Difference from Budapest", from the Directive's text as read in the
/// wordscope.be EN/FR sentence pairs and the Bulgarian official version at exlege.bg): Directive Art. 3 ~ Budapest
/// Art. 2 with the security-measure breach mandatory; Art. 4 ~ Art. 5; Art. 5 ~ Art. 4; Art. 6 ~ Art. 3; Art. 7 ~
/// Art. 6 without a possession limb; Art. 8 ~ Art. 11.
#[test]
fn budapest_to_directive() {
    let cw = Corpus::builtin()
        .crosswalk("budapest", "directive-2013-40")
        .unwrap();
    assert_eq!(pair(&cw, "2", "3"), Some(Relation::Broader));
    let access = cw
        .pairs
        .iter()
        .find(|p| p.from_article == "2" && p.to_article == "3")
        .unwrap();
    let sec = access
        .differences
        .iter()
        .find(|x| x.element.as_str() == "circ/security-measure-infringed")
        .expect("named difference");
    assert_eq!(sec.required_by.as_str(), "directive-2013-40");
    assert_eq!(
        sec.optional_in_other.as_deref(),
        Some("2"),
        "optional under Budapest Art. 40 for Art. 2"
    );
    assert_eq!(pair(&cw, "3", "6"), Some(Relation::Equivalent));
    assert_eq!(pair(&cw, "4", "5"), Some(Relation::Equivalent));
    assert_eq!(pair(&cw, "5", "4"), Some(Relation::Equivalent));
    assert_eq!(
        pair(&cw, "6", "7"),
        Some(Relation::Broader),
        "the Directive has no possession limb"
    );
    assert_eq!(pair(&cw, "11", "8"), Some(Relation::Equivalent));
    assert!(
        cw.unmatched.from.contains(&"9".to_owned()) && cw.unmatched.from.contains(&"10".to_owned())
    );
    // The relation read the other way round is the converse.
    let back = Corpus::builtin()
        .crosswalk("directive-2013-40", "budapest")
        .unwrap();
    assert_eq!(pair(&back, "3", "2"), Some(Relation::Narrower));
}

/// Budapest ↔ UN Convention against Cybercrime: the adopted text's Arts. 7-14 follow Budapest Arts. 2-9 in order
/// (illegal access, interception, data interference, system interference, misuse of devices, forgery, theft or
/// fraud, child sexual abuse material), as the UN text read for data/instruments/un-cybercrime.yaml shows and the
/// Lawfare article by a member of the US delegation describes (frameworks.md section 4, key UN-lawfare).
#[test]
fn budapest_to_un_convention() {
    let cw = Corpus::builtin()
        .crosswalk("budapest", "un-cybercrime")
        .unwrap();
    for (b, u) in [
        ("2", "7"),
        ("3", "8"),
        ("4", "9"),
        ("5", "10"),
        ("6", "11"),
        ("7", "12"),
    ] {
        assert_eq!(
            pair(&cw, b, u),
            Some(Relation::Equivalent),
            "Budapest Art. {b} ~ UN Art. {u}"
        );
    }
    // UN Art. 13 adds deception through an ICT system (13(c)): Budapest Art. 8 is narrower.
    assert_eq!(pair(&cw, "8", "13"), Some(Relation::Narrower));
    assert!(pair(&cw, "9", "14").is_some());
}

#[test]
fn unknown_instrument_is_a_typed_error() {
    let e = Corpus::builtin()
        .crosswalk("budapest", "directive")
        .unwrap_err();
    assert!(
        e.to_string().contains("unknown instrument `directive`"),
        "{e}"
    );
}

/// Directive 2013/40/EU Art. 9(2): a maximum of at least two years. XB punishes access by 6 months at most: partial,
/// naming the floor; XA (2 years) meets it but lacks the mandatory security-measure element... which only makes the
/// offense broader than the Directive's: full.
#[test]
fn coverage_against_the_directive_names_the_penalty_floor() {
    let c = fixture_corpus();
    let xb = c
        .coverage("XB", "directive-2013-40", d("2024-01-01"))
        .unwrap();
    let row = xb.rows.iter().find(|r| r.article == "3").unwrap();
    assert_eq!(row.status, CoverageStatus::Partial);
    assert!(
        row.reasons
            .join(" ")
            .contains("below the instrument's floor of 2 years"),
        "{:?}",
        row.reasons
    );
    let xa = c
        .coverage("XA", "directive-2013-40", d("2024-01-01"))
        .unwrap();
    assert_eq!(
        xa.rows.iter().find(|r| r.article == "3").unwrap().status,
        CoverageStatus::Full
    );
    assert!(xa.party_note.contains("no status recorded"));
}

/// What the data does not encode travels with the answers about it: the crosswalk lists the UN provisions not
/// encoded (where Budapest Art. 11's counterpart would be), a UN gap report says which provisions it does not
/// assess, and a fully encoded instrument carries no such list.
#[test]
fn unencoded_provisions_are_reported_not_mistaken_for_gaps() {
    let c = Corpus::builtin();
    let un = c.instrument("un-cybercrime").unwrap();
    assert!(
        un.not_encoded()
            .iter()
            .any(|n| n.provision().starts_with("Art. 16")),
        "the UN file records Art. 16 as not encoded"
    );
    let cw = c.crosswalk("budapest", "un-cybercrime").unwrap();
    assert!(cw.unmatched.from.contains(&"11".to_owned()));
    assert!(cw.not_encoded.from.is_empty());
    assert_eq!(cw.not_encoded.to, un.not_encoded());
    let md = cyberlex::report::crosswalk_markdown(c, &cw);
    assert!(md.contains("Not encoded in the UN Convention against Cybercrime data"));
    let json = serde_json::to_value(&cw).unwrap();
    assert_eq!(
        json["not_encoded"]["to"].as_array().map(Vec::len),
        Some(un.not_encoded().len())
    );

    let date = d("2024-01-01");
    let gb = c.coverage("GB", "un-cybercrime", date).unwrap();
    assert_eq!(gb.not_encoded, un.not_encoded());
    let md = cyberlex::report::coverage_markdown(c, std::slice::from_ref(&gb));
    assert!(
        md.contains("**Not assessed**") && md.contains("Art. 17 (laundering of proceeds of crime)")
    );
    let json: serde_json::Value = serde_json::from_str(&cyberlex::report::coverage_json(
        std::slice::from_ref(&gb),
        un.id(),
        date,
    ))
    .unwrap();
    assert_eq!(
        json["not_encoded"][0]["provision"],
        un.not_encoded()[0].provision()
    );

    let budapest = c.coverage("GB", "budapest", date).unwrap();
    assert!(budapest.not_encoded.is_empty());
    assert!(!cyberlex::report::coverage_markdown(c, &[budapest]).contains("Not assessed"));
}
