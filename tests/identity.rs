//! Identity theft: the legally significant facts the data pins, each citing the source recorded with the offense.

use cyberlex::{Corpus, Date};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// An offense exists on a date and not the day before its first version.
fn created_on(id: &str, date: &str) {
    let o = Corpus::builtin()
        .offense(id)
        .unwrap_or_else(|e| panic!("{e}"));
    let day: Date = d(date);
    assert!(
        o.version_on(day).is_some(),
        "{id} should be in force on {date}"
    );
    let before = Date::new(day.year(), day.month(), day.day().saturating_sub(1).max(1)).unwrap();
    if before < day {
        assert!(
            o.version_on(before).is_none(),
            "{id} should not be in force before {date}"
        );
    }
}

#[test]
fn dedicated_identity_offenses_and_their_dates() {
    // Canada: Criminal Code s. 402.2 (identity theft), S.C. 2009, c. 28, in force 8 January 2010
    // (source recorded: lois.justice.gc.ca, C-46 page 57).
    created_on("ca/cc-402.2-1", "2010-01-08");
    // France: Code pénal art. 226-4-1 (usurpation d'identité), created by the LOPPSI 2 law, in force 16 March 2011.
    created_on("fr/cp-226-4-1", "2011-03-16");
    // Netherlands: Sr art. 231b (identiteitsfraude), in force 1 May 2014.
    created_on("nl/sr-231b", "2014-05-01");
    // United States: 18 U.S.C. § 1028A (aggravated identity theft), Identity Theft Penalty Enhancement Act,
    // enacted 15 July 2004 (source recorded: the codexstanford US Code mirror, chunk 632).
    created_on("us/usc18-1028a", "2004-07-15");
}

#[test]
fn aggravated_identity_theft_is_a_fixed_two_years() {
    // 18 U.S.C. § 1028A(a)(1): a term of 2 years, in addition to the punishment for the felony.
    let v = Corpus::builtin()
        .offense("us/usc18-1028a")
        .unwrap()
        .version_on(d("2024-01-01"))
        .unwrap();
    assert_eq!(v.penalty().max_months(), Some(24));
    assert!(!v.penalty().fine_only_possible());
}

#[test]
fn french_identity_usurpation_penalty_doubled_for_partners_from_2020() {
    // Art. 226-4-1: 1 year; from 1 August 2020 (loi 2020-936) 2 years when committed by a spouse or partner.
    let o = Corpus::builtin().offense("fr/cp-226-4-1").unwrap();
    assert_eq!(
        o.version_on(d("2015-01-01"))
            .unwrap()
            .penalty()
            .max_months_aggravated(),
        None
    );
    assert_eq!(
        o.version_on(d("2015-01-01"))
            .unwrap()
            .penalty()
            .max_months(),
        Some(12)
    );
    assert_eq!(
        o.version_on(d("2021-01-01"))
            .unwrap()
            .penalty()
            .max_months_aggravated(),
        Some(24)
    );
}

#[test]
fn states_without_a_general_identity_theft_offense_rely_on_fraud() {
    // Germany has no dedicated identity-theft offense (StGB §§ 202a, 202d, 263, 263a, 269 are used); its identity
    // records are narrow (§ 281 misuse of identity papers). A conduct of using another's data to obtain money
    // through a payment system is reached by computer fraud, § 263a.
    let c = Corpus::builtin();
    let conduct = cyberlex::Conduct::new()
        .fact("act/use-identity-data", true)
        .fact("act/input-data", true)
        .fact("object/identification-data", true)
        .fact("object/computer-data", true)
        .fact("circ/without-right", true)
        .fact("mental/intent-economic-benefit", true)
        .fact("result/loss-of-property", true);
    let a = c
        .dual_criminality(
            &cyberlex::DualCriminalityRequest::new("DE", "DE", cyberlex::Procedure::Mla, conduct)
                .date(d("2024-01-01")),
        )
        .unwrap();
    assert_eq!(a.verdict(), cyberlex::Verdict::Satisfied, "{a}");
    assert!(a.reasons().iter().any(|r| {
        r.outcome == cyberlex::Outcome::Satisfied
            && r.provision
                .as_ref()
                .is_some_and(|p| p.offense.as_str() == "de/stgb-263a")
    }));
}
