//! What a legal-tech product would write: one JSON question in, one JSON answer out, with the library's typed
//! errors turned into structured hints a user interface can render. It uses only the public API and the README.
//!
//! ```sh
//! echo '{"ask":"cooperation","from":"US","to":"DE","procedure":"preservation","date":"2024-06-01",
//!        "facts":{"act/access":true,"object/computer-system":true,"circ/without-right":true,"mental/intent":true}}' \
//!   | cargo run --example product
//! echo '{"ask":"coverage","state":"UK","date":"2024-06-01"}' | cargo run --example product   # a hint, not a crash
//! echo '{"ask":"states"}' | cargo run --example product                                       # browse
//! ```
//!
//! Questions: `states`, `elements` (browse), `offenses` (`state`, `date`), `coverage` (`state`, `date`, optional
//! `part`: offenses|procedural|all), `cooperation` (`from`, `to`, `procedure`, `date`, `facts`, optional
//! `nationality`). The answer is the library's own serde JSON; errors come back as
//! `{"error": "...", "suggestion": {"id": "GB", "label": "United Kingdom"}}`. Exit code 0 for an answer, 2 for an
//! error.

use std::collections::BTreeMap;
use std::io::Read;
use std::process::ExitCode;

use cyberlex::{
    Conduct, CooperationProcedure, CooperationRequest, Corpus, Date, Part, QueryError, Suggestion,
};
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    ask: String,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    procedure: Option<String>,
    /// The library never reads the clock for a product: the date is part of the question.
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    part: Option<String>,
    #[serde(default)]
    nationality: Option<String>,
    #[serde(default)]
    facts: BTreeMap<String, bool>,
}

/// An error as the product's front end wants it: a sentence, and the id and words of a close match.
fn error(message: impl Into<String>, suggestion: Option<&Suggestion>) -> Value {
    json!({ "error": message.into(), "suggestion": suggestion })
}

fn from_query(e: &QueryError) -> Value {
    let s = match e {
        QueryError::UnknownJurisdiction { suggestion, .. }
        | QueryError::UnknownOffense { suggestion, .. }
        | QueryError::UnknownElement { suggestion, .. }
        | QueryError::UnknownInstrument { suggestion, .. }
        | QueryError::UnknownArticle { suggestion, .. } => suggestion.as_ref(),
        _ => None,
    };
    error(e.to_string(), s)
}

fn need<'a>(v: &'a Option<String>, what: &str) -> Result<&'a str, Value> {
    v.as_deref()
        .ok_or_else(|| error(format!("the question needs `{what}`"), None))
}

fn date(q: &Question) -> Result<Date, Value> {
    need(&q.date, "date")?
        .parse()
        .map_err(|e| error(format!("bad date: {e}"), None))
}

fn answer(corpus: &Corpus, q: &Question) -> Result<Value, Value> {
    let json = |v: serde_json::Result<Value>| v.map_err(|e| error(e.to_string(), None));
    match q.ask.as_str() {
        "states" => Ok(corpus
            .jurisdictions()
            .map(|j| json!({ "code": j.code(), "name": j.name(), "scope": j.scope() }))
            .collect()),
        "elements" => Ok(corpus
            .elements()
            .iter()
            .map(|e| json!({ "id": e.id(), "label": e.short_definition(), "broader": e.broader() }))
            .collect()),
        "offenses" => {
            let list = corpus
                .offenses_in_force(need(&q.state, "state")?, date(q)?)
                .map_err(|e| from_query(&e))?;
            Ok(list
                .iter()
                .map(|(o, v)| json!({ "id": o.id(), "citation": o.citation(), "title": o.title().en, "max_months": v.penalty().max_months() }))
                .collect())
        }
        "coverage" => {
            let part: Part = q
                .part
                .as_deref()
                .unwrap_or("all")
                .parse()
                .map_err(|e: String| error(e, None))?;
            let r = corpus
                .coverage_part(need(&q.state, "state")?, "budapest", date(q)?, part)
                .map_err(|e| from_query(&e))?;
            json(serde_json::to_value(r))
        }
        "cooperation" => {
            let procedure: CooperationProcedure = need(&q.procedure, "procedure")?
                .parse()
                .map_err(|e: String| error(e, None))?;
            let mut conduct = Conduct::new();
            for (id, known) in &q.facts {
                conduct = conduct.fact(id, *known);
            }
            let mut req = CooperationRequest::new(
                need(&q.from, "from")?,
                need(&q.to, "to")?,
                procedure,
                conduct,
            )
            .date(date(q)?)
            .as_stated();
            if let Some(n) = &q.nationality {
                req = req.nationality(n);
            }
            let a = corpus.cooperation(&req).map_err(|e| from_query(&e))?;
            json(serde_json::to_value(a))
        }
        other => Err(error(
            format!(
                "unknown question `{other}`: ask states, elements, offenses, coverage or cooperation"
            ),
            None,
        )),
    }
}

fn main() -> ExitCode {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        println!("{}", error(format!("cannot read the question: {e}"), None));
        return ExitCode::from(2);
    }
    let q: Question = match serde_json::from_str(&input) {
        Ok(q) => q,
        Err(e) => {
            println!(
                "{}",
                error(format!("the question is not valid JSON: {e}"), None)
            );
            return ExitCode::from(2);
        }
    };
    match answer(Corpus::builtin(), &q) {
        Ok(v) => {
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(v) => {
            println!("{v}");
            ExitCode::from(2)
        }
    }
}
