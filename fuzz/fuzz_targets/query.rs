//! Arbitrary requests against the built-in corpus, built once: no request panics, the verdict-only path agrees with
//! the explained answer, answers are reproducible, and every answer survives a JSON round trip unchanged.
//!
//! The corpus is parsed on the first input and shared by all the others, so a run measures the queries, not the
//! loader (the `state` target fuzzes small user data laid over a lean vocabulary, and `load` fuzzes the loader).
#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use cyberlex::{
    Conduct, CooperationProcedure, CooperationRequest, Corpus, Date, DualCriminalityAnswer,
    DualCriminalityRequest, Procedure,
};
use libfuzzer_sys::fuzz_target;

/// The built-in corpus, its state codes and its element ids, computed once.
static WORLD: LazyLock<(&'static Corpus, Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let c = Corpus::builtin();
    let states = c.jurisdictions().map(|j| j.code().as_str().to_owned()).collect();
    let elements = c.elements().iter().map(|e| e.id().as_str().to_owned()).collect();
    (c, states, elements)
});

#[derive(Arbitrary, Debug)]
enum State {
    Known(u8),
    /// Any text: unknown codes, lower case, aliases such as `UK`, empty strings.
    Text(String),
}

#[derive(Arbitrary, Debug)]
enum Fact {
    Known(u16, bool),
    /// Any text as an element id.
    Text(String, bool),
}

#[derive(Arbitrary, Debug)]
struct Input {
    from: State,
    to: State,
    facts: Vec<Fact>,
    procedure: u8,
    /// days after 1990-01-01
    day: u16,
    threshold: Option<u8>,
    as_stated: bool,
    nationality: Option<State>,
    instrument: u8,
}

fn code(s: &State, states: &[String]) -> String {
    match s {
        State::Known(i) => states[*i as usize % states.len()].clone(),
        State::Text(t) => t.clone(),
    }
}

fn json_round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(x: &T) {
    let a = serde_json::to_string(x).expect("answers serialize");
    let back: T = serde_json::from_str(&a).expect("an answer's JSON reads back");
    assert_eq!(a, serde_json::to_string(&back).expect("again"), "JSON round trip changed the answer");
}

fuzz_target!(|input: Input| {
    let (corpus, states, elements) = &*WORLD;
    let d = input.day;
    let Some(date) = Date::new(1990 + d % 45, 1 + ((d / 45) % 12) as u8, 1 + ((d / 540) % 31) as u8) else {
        return;
    };
    let from = code(&input.from, states);
    let to = code(&input.to, states);
    let mut conduct = Conduct::new();
    for f in input.facts.iter().take(8) {
        conduct = match f {
            Fact::Known(i, v) => conduct.fact(&elements[*i as usize % elements.len()], *v),
            Fact::Text(t, v) => conduct.fact(t, *v),
        };
    }
    let procedure = [
        Procedure::Extradition,
        Procedure::Mla,
        Procedure::Preservation,
        Procedure::Eaw,
    ][input.procedure as usize % 4];
    let mut req = DualCriminalityRequest::new(&from, &to, procedure, conduct.clone()).date(date);
    if let Some(t) = input.threshold {
        req = req.threshold_months(u32::from(t));
    }
    if input.as_stated {
        req = req.as_stated();
    }
    let a = corpus.dual_criminality(&req);
    let b = corpus.dual_criminality(&req);
    let fast = corpus.dual_criminality_verdict(&req);
    match (&a, &b) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.verdict(), b.verdict());
            assert_eq!(fast, Ok(a.verdict()), "the verdict-only path disagrees: {a}");
            assert_eq!(a.reasons().len(), b.reasons().len());
            let _ = a.to_string();
            json_round_trip::<DualCriminalityAnswer>(a);
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            assert!(fast.is_err(), "the verdict-only path answered a request the explained path refused: {a}");
            let _ = a.to_string();
        }
        _ => panic!("the same request answered once and failed once"),
    }
    json_round_trip::<DualCriminalityRequest>(&req);

    let cprocedure = [
        CooperationProcedure::Extradition,
        CooperationProcedure::Mla,
        CooperationProcedure::Preservation,
    ][input.procedure as usize % 3];
    let mut creq = CooperationRequest::new(&from, &to, cprocedure, conduct).date(date);
    if let Some(n) = &input.nationality {
        creq = creq.nationality(&code(n, states));
    }
    if input.as_stated {
        creq = creq.as_stated();
    }
    match corpus.cooperation(&creq) {
        Ok(answer) => {
            let _ = answer.to_string();
            json_round_trip(&answer);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }

    let instruments: Vec<&str> = corpus.instruments().map(|i| i.id().as_str()).collect();
    let instrument = instruments[input.instrument as usize % instruments.len()];
    match corpus.coverage(&from, instrument, date) {
        Ok(report) => json_round_trip(&report),
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
