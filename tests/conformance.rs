//! The conformance suite: cases taken from authorities (declarations, explanatory memoranda, Council of Europe
//! assessments, statutes, treaties, judgments), each citing its source, run against the built-in data. See
//! `tests/conformance/README.md` for the format.
//!
//! A case the engine answers otherwise fails the test, unless the case records the disagreement (what the engine
//! answers and why): then the test pins the engine's answer, so that fixing the cause shows up here too.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use cyberlex::{
    Conduct, Corpus, CoverageStatus, Date, DualCriminalityRequest, Part, Procedure, QueryError,
    Verdict,
};
// Dual-criminality cases are read as stated by default: a court looks at the conduct the request alleges.
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoverageFile {
    cases: Vec<CoverageCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoverageCase {
    id: String,
    state: String,
    instrument: String,
    article: String,
    date: String,
    expect: String,
    #[serde(default)]
    provisions: Vec<String>,
    authority: String,
    source: String,
    checked: String,
    summary: String,
    #[serde(default)]
    disagreement: Option<Disagreement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Disagreement {
    engine: String,
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DualFile {
    cases: Vec<DualCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DualCase {
    id: String,
    from: String,
    to: String,
    procedure: String,
    conduct_date: String,
    #[serde(default)]
    request_date: Option<String>,
    #[serde(default)]
    threshold_months: Option<u32>,
    conduct: CaseConduct,
    /// `as_stated` (the default: the conduct is what the authority describes) or `open`.
    #[serde(default)]
    reading: Option<String>,
    expect: String,
    authority: String,
    source: String,
    checked: String,
    summary: String,
    #[serde(default)]
    disagreement: Option<Disagreement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseConduct {
    #[serde(default)]
    offense: Option<String>,
    #[serde(default)]
    facts: Option<std::collections::BTreeMap<String, bool>>,
}

fn files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/conformance")
        .join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    v.sort();
    v
}

fn read<T: for<'de> Deserialize<'de>>(p: &Path) -> T {
    let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn date(s: &str, id: &str) -> Date {
    s.parse()
        .unwrap_or_else(|e| panic!("case `{id}`: bad date `{s}`: {e}"))
}

/// Checks what every case must carry: a unique id, an authority, the page read and the day it was read.
fn check_citation(
    ids: &mut BTreeSet<String>,
    id: &str,
    authority: &str,
    source: &str,
    checked: &str,
    summary: &str,
) {
    assert!(ids.insert(id.to_owned()), "case id `{id}` is used twice");
    assert!(
        !authority.trim().is_empty(),
        "case `{id}` names no authority"
    );
    assert!(
        source.starts_with("http") || source.contains('['),
        "case `{id}`: source `{source}` is neither an address nor a law-report citation"
    );
    date(checked, id);
    assert!(!summary.trim().is_empty(), "case `{id}` has no summary");
}

fn status_matches(expect: &str, got: CoverageStatus) -> bool {
    match expect {
        "implemented" => matches!(
            got,
            CoverageStatus::Full | CoverageStatus::Permitted | CoverageStatus::Reserved
        ),
        "not_implemented" => matches!(got, CoverageStatus::Partial | CoverageStatus::Absent),
        exact => got.as_str() == exact,
    }
}

#[test]
fn coverage_cases_agree_with_their_authorities() {
    let corpus = Corpus::builtin();
    let mut ids = BTreeSet::new();
    let mut failures = Vec::new();
    let (mut agree, mut recorded) = (0, 0);
    for f in files("coverage") {
        let file: CoverageFile = read(&f);
        for c in file.cases {
            check_citation(
                &mut ids,
                &c.id,
                &c.authority,
                &c.source,
                &c.checked,
                &c.summary,
            );
            assert!(
                [
                    "implemented",
                    "not_implemented",
                    "full",
                    "permitted",
                    "reserved",
                    "partial",
                    "absent",
                    "not_assessed"
                ]
                .contains(&c.expect.as_str()),
                "case `{}`: unknown expectation `{}`",
                c.id,
                c.expect
            );
            let d = date(&c.date, &c.id);
            let report = match corpus.coverage(&c.state, &c.instrument, d) {
                Ok(r) => r,
                Err(e) => {
                    // A date before the state's records are complete is refused; a case may record that.
                    match &c.disagreement {
                        Some(dis) if dis.engine == "refused" => recorded += 1,
                        _ => failures.push(format!(
                            "{}: {}: the engine refused: {e}",
                            f.display(),
                            c.id
                        )),
                    }
                    continue;
                }
            };
            let Some(row) = report.rows.iter().find(|r| r.article == c.article) else {
                failures.push(format!("{}: no row for Art. {}", c.id, c.article));
                continue;
            };
            let cited: Vec<&str> = row.provisions.iter().map(|p| p.offense.as_str()).collect();
            if let Some(dis) = &c.disagreement {
                recorded += 1;
                assert!(
                    !dis.reason.trim().is_empty(),
                    "case `{}`: a disagreement needs its reason",
                    c.id
                );
                if row.status.as_str() != dis.engine {
                    failures.push(format!(
                        "{}: the recorded disagreement says the engine answers `{}`, it now answers `{}` (authority: `{}`): update the case",
                        c.id,
                        dis.engine,
                        row.status.as_str(),
                        c.expect
                    ));
                }
                continue;
            }
            if !status_matches(&c.expect, row.status) {
                failures.push(format!(
                    "{}: {} Art. {} on {}: the authority says `{}`, the engine `{}` ({})",
                    c.id,
                    c.state,
                    c.article,
                    c.date,
                    c.expect,
                    row.status.as_str(),
                    row.reasons.join(" | ")
                ));
                continue;
            }
            // The provisions an authority names are the ones it relies on; the engine cites the best offense per
            // variant, which may be another (a broader offense). At least one named provision must be cited.
            if status_matches("implemented", row.status)
                && !c.provisions.is_empty()
                && !c.provisions.iter().any(|p| cited.contains(&p.as_str()))
            {
                failures.push(format!(
                    "{}: the authority names {:?} for Art. {}, but the row cites none of them: {:?}",
                    c.id, c.provisions, c.article, cited
                ));
                continue;
            }
            agree += 1;
        }
    }
    eprintln!(
        "coverage conformance: {agree} cases agree with their authority, {recorded} recorded disagreements, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(agree + recorded > 0, "no coverage case was run");
}

#[test]
fn dual_criminality_cases_agree_with_their_authorities() {
    let corpus = Corpus::builtin();
    let mut ids = BTreeSet::new();
    let mut failures = Vec::new();
    let (mut agree, mut recorded) = (0, 0);
    for f in files("dual") {
        let file: DualFile = read(&f);
        for c in file.cases {
            check_citation(
                &mut ids,
                &c.id,
                &c.authority,
                &c.source,
                &c.checked,
                &c.summary,
            );
            let procedure: Procedure = c
                .procedure
                .parse()
                .unwrap_or_else(|e| panic!("case `{}`: {e}", c.id));
            let conduct_date = date(&c.conduct_date, &c.id);
            let request_date = c
                .request_date
                .as_deref()
                .map_or(conduct_date, |s| date(s, &c.id));
            let conduct = match (&c.conduct.offense, &c.conduct.facts) {
                (Some(o), None) => match Conduct::from_offense(corpus, o, conduct_date) {
                    Ok(c) => c,
                    Err(e) => {
                        failures.push(format!("{}: {e}", c.id));
                        continue;
                    }
                },
                (None, Some(facts)) => facts.iter().fold(Conduct::new(), |k, (e, v)| k.fact(e, *v)),
                _ => panic!(
                    "case `{}`: give the conduct as an offense or as facts, not both",
                    c.id
                ),
            };
            let mut req = DualCriminalityRequest::new(&c.from, &c.to, procedure, conduct)
                .date(request_date)
                .conduct_date(conduct_date)
                .request_date(request_date);
            if let Some(t) = c.threshold_months {
                req = req.threshold_months(t);
            }
            match c.reading.as_deref() {
                None | Some("as_stated") => req = req.as_stated(),
                Some("open") => {}
                Some(other) => panic!("case `{}`: unknown reading `{other}`", c.id),
            }
            let got = match corpus.dual_criminality(&req) {
                Ok(a) => a,
                Err(e @ QueryError::BeforeData { .. }) => {
                    match &c.disagreement {
                        Some(dis) if dis.engine == "refused" => recorded += 1,
                        _ => failures.push(format!("{}: the engine refused: {e}", c.id)),
                    }
                    continue;
                }
                Err(e) => {
                    failures.push(format!("{}: {e}", c.id));
                    continue;
                }
            };
            let verdict = got.verdict();
            if let Some(dis) = &c.disagreement {
                recorded += 1;
                assert!(
                    !dis.reason.trim().is_empty(),
                    "case `{}`: a disagreement needs its reason",
                    c.id
                );
                if verdict.as_str() != dis.engine {
                    failures.push(format!(
                        "{}: the recorded disagreement says the engine answers `{}`, it now answers `{}` (authority: `{}`): update the case",
                        c.id,
                        dis.engine,
                        verdict.as_str(),
                        c.expect
                    ));
                }
                continue;
            }
            let want = match c.expect.as_str() {
                "satisfied" => Verdict::Satisfied,
                "not_satisfied" => Verdict::NotSatisfied,
                "depends" => Verdict::Depends,
                other => panic!("case `{}`: unknown expectation `{other}`", c.id),
            };
            if verdict != want {
                let why: Vec<String> = got.reasons().iter().map(|r| r.detail.clone()).collect();
                failures.push(format!(
                    "{}: {} → {} ({}, {}): the authority says `{}`, the engine `{}`\n    {}",
                    c.id,
                    c.from,
                    c.to,
                    c.procedure,
                    c.conduct_date,
                    c.expect,
                    verdict.as_str(),
                    why.join("\n    ")
                ));
                continue;
            }
            agree += 1;
        }
    }
    eprintln!(
        "dual-criminality conformance: {agree} cases agree with their authority, {recorded} recorded disagreements, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CooperationFile {
    cases: Vec<CooperationCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CooperationCase {
    id: String,
    from: String,
    to: String,
    procedure: String,
    date: String,
    #[serde(default)]
    nationality: Option<String>,
    conduct: CaseConduct,
    expect: CooperationExpect,
    authority: String,
    source: String,
    checked: String,
    summary: String,
    #[serde(default)]
    disagreement: Option<Disagreement>,
}

/// What the authority says; each field given is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CooperationExpect {
    /// The governing basis's id, or `none`.
    #[serde(default)]
    basis: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    outcome_not: Option<String>,
    #[serde(default)]
    dual_criminality: Option<String>,
    /// The effect of the nationality bar named (absolute, conditional, discretionary).
    #[serde(default)]
    bar: Option<String>,
    /// The governing basis's threshold, in months as written.
    #[serde(default)]
    threshold_months: Option<u32>,
}

#[test]
fn cooperation_cases_agree_with_their_authorities() {
    use cyberlex::{BarKind, CooperationProcedure, CooperationRequest};
    let corpus = Corpus::builtin();
    let mut ids = BTreeSet::new();
    let mut failures = Vec::new();
    let (mut agree, mut recorded) = (0, 0);
    for f in files("cooperation") {
        let file: CooperationFile = read(&f);
        for c in file.cases {
            check_citation(
                &mut ids,
                &c.id,
                &c.authority,
                &c.source,
                &c.checked,
                &c.summary,
            );
            let procedure: CooperationProcedure = c
                .procedure
                .parse()
                .unwrap_or_else(|e| panic!("case `{}`: {e}", c.id));
            let d = date(&c.date, &c.id);
            let conduct = match (&c.conduct.offense, &c.conduct.facts) {
                (Some(o), None) => Conduct::from_offense(corpus, o, d)
                    .unwrap_or_else(|e| panic!("case `{}`: {e}", c.id)),
                (None, Some(facts)) => facts.iter().fold(Conduct::new(), |k, (e, v)| k.fact(e, *v)),
                _ => panic!(
                    "case `{}`: give the conduct as an offense or as facts",
                    c.id
                ),
            };
            let mut req = CooperationRequest::new(&c.from, &c.to, procedure, conduct)
                .date(d)
                .as_stated();
            if let Some(n) = &c.nationality {
                req = req.nationality(n);
            }
            let got = corpus
                .cooperation(&req)
                .unwrap_or_else(|e| panic!("case `{}`: {e}", c.id));
            let mut wrong = Vec::new();
            let e = &c.expect;
            let basis = got.basis().map_or("none", |b| b.id.as_str());
            if let Some(want) = &e.basis
                && want != basis
            {
                wrong.push(format!("basis: authority `{want}`, engine `{basis}`"));
            }
            if let Some(want) = &e.outcome
                && want != got.outcome().as_str()
            {
                wrong.push(format!(
                    "outcome: authority `{want}`, engine `{}`",
                    got.outcome().as_str()
                ));
            }
            if let Some(not) = &e.outcome_not
                && not == got.outcome().as_str()
            {
                wrong.push(format!(
                    "outcome: the authority excludes `{not}`, the engine answers it"
                ));
            }
            if let Some(want) = &e.dual_criminality {
                let v = got
                    .dual_criminality()
                    .map_or("not_tested", |a| a.verdict().as_str());
                if want != v {
                    wrong.push(format!(
                        "dual criminality: authority `{want}`, engine `{v}`"
                    ));
                }
            }
            if let Some(want) = &e.bar {
                let effect = got
                    .bars()
                    .iter()
                    .find(|b| b.kind == BarKind::Nationality)
                    .map_or("none", |b| b.effect.as_str());
                if want != effect {
                    wrong.push(format!(
                        "nationality bar: authority `{want}`, engine `{effect}`"
                    ));
                }
            }
            if let Some(want) = e.threshold_months {
                let t = got.basis().and_then(|b| b.threshold).map(|t| t.months);
                if t != Some(want) {
                    wrong.push(format!("threshold: authority {want} months, engine {t:?}"));
                }
            }
            match (&c.disagreement, wrong.is_empty()) {
                (None, true) => agree += 1,
                (Some(dis), false) => {
                    recorded += 1;
                    assert!(!dis.reason.trim().is_empty(), "case `{}`: a disagreement needs its reason", c.id);
                }
                (Some(_), true) => failures.push(format!(
                    "{}: the engine now agrees with the authority: remove the recorded disagreement",
                    c.id
                )),
                (None, false) => {
                    let why: Vec<String> = got.reasons().iter().map(|r| format!("{}. {}", r.step, r.detail)).collect();
                    failures.push(format!("{}: {}\n    {}", c.id, wrong.join("; "), why.join("\n    ")));
                }
            }
        }
    }
    eprintln!(
        "cooperation conformance: {agree} cases agree with their authority, {recorded} recorded disagreements, {} failures",
        failures.len()
    );
    assert!(
        agree >= 15,
        "the cooperation suite has too few cases ({agree})"
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProceduralFile {
    cases: Vec<ProceduralCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProceduralCase {
    id: String,
    state: String,
    article: String,
    date: String,
    expect: ProceduralExpect,
    authority: String,
    source: String,
    checked: String,
    summary: String,
    #[serde(default)]
    disagreement: Option<Disagreement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProceduralExpect {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    status_not: Option<String>,
}

/// Procedural powers (Budapest Arts. 16-21, 29, 30, 35): the status an authority gives a state's law for an
/// article on a date (`research/procedural/FORMAT.md`).
#[test]
fn procedural_cases_agree_with_their_authorities() {
    let corpus = Corpus::builtin();
    let mut ids = BTreeSet::new();
    let mut failures = Vec::new();
    let (mut agree, mut recorded) = (0, 0);
    let statuses = [
        "implemented",
        "not_implemented",
        "full",
        "permitted",
        "reserved",
        "partial",
        "absent",
        "not_assessed",
    ];
    for f in files("procedural") {
        let file: ProceduralFile = read(&f);
        for c in file.cases {
            check_citation(
                &mut ids,
                &c.id,
                &c.authority,
                &c.source,
                &c.checked,
                &c.summary,
            );
            for s in c.expect.status.iter().chain(c.expect.status_not.iter()) {
                assert!(
                    statuses.contains(&s.as_str()),
                    "case `{}`: unknown status `{s}`",
                    c.id
                );
            }
            assert!(
                c.expect.status.is_some() != c.expect.status_not.is_some(),
                "case `{}`: give `status` or `status_not`",
                c.id
            );
            let d = date(&c.date, &c.id);
            let mut with_powers = false;
            let got = match corpus.coverage_part(&c.state, "budapest", d, Part::Procedural) {
                Ok(r) => match r.procedural.iter().find(|p| p.article == c.article) {
                    Some(row) => {
                        with_powers = !row.powers.is_empty() || row.contact.is_some();
                        (row.status.as_str().to_owned(), row.reasons.join(" | "))
                    }
                    None => {
                        failures.push(format!(
                            "{}: no procedural row for Art. {}",
                            c.id, c.article
                        ));
                        continue;
                    }
                },
                Err(e) => ("refused".to_owned(), e.to_string()),
            };
            let agrees = match (&c.expect.status, &c.expect.status_not) {
                (Some(s), _) => {
                    got.0 != "refused"
                        && status_matches(
                            s,
                            got.0.parse_status().unwrap_or(CoverageStatus::NotAssessed),
                        )
                        && (s != "not_assessed" || got.0 == "not_assessed")
                }
                // "Not absent" is what an authority says when it names the power; a row that cites that power but
                // leaves another paragraph open (`not_assessed`) agrees with it. Otherwise `not_assessed` says
                // nothing and agrees with nothing.
                (None, Some(n)) if n == "absent" && got.0 == "not_assessed" => with_powers,
                (None, Some(n)) => {
                    got.0 != "refused"
                        && got.0 != "not_assessed"
                        && !status_matches(
                            n,
                            got.0.parse_status().unwrap_or(CoverageStatus::NotAssessed),
                        )
                }
                (None, None) => false,
            };
            match (&c.disagreement, agrees) {
                (None, true) => agree += 1,
                (None, false) => failures.push(format!(
                    "{}: {} Art. {} on {}: the authority says {}, the engine `{}` ({})",
                    c.id,
                    c.state,
                    c.article,
                    c.date,
                    c.expect
                        .status
                        .as_ref()
                        .map(|s| format!("`{s}`"))
                        .unwrap_or_else(|| format!(
                            "not `{}`",
                            c.expect.status_not.clone().unwrap_or_default()
                        )),
                    got.0,
                    got.1
                )),
                (Some(dis), _) => {
                    recorded += 1;
                    assert!(
                        !dis.reason.trim().is_empty(),
                        "case `{}`: a disagreement needs its reason",
                        c.id
                    );
                    if agrees {
                        failures.push(format!(
                            "{}: the engine now agrees with the authority: remove the recorded disagreement",
                            c.id
                        ));
                    } else if dis.engine != got.0 {
                        failures.push(format!(
                            "{}: the recorded disagreement says the engine answers `{}`, it now answers `{}`: update the case",
                            c.id, dis.engine, got.0
                        ));
                    }
                }
            }
        }
    }
    eprintln!(
        "procedural conformance: {agree} cases agree with their authority, {recorded} recorded disagreements, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(
        agree >= 20,
        "fewer than 20 procedural cells agree with their authorities: {agree}"
    );
}

trait ParseStatus {
    fn parse_status(&self) -> Option<CoverageStatus>;
}

impl ParseStatus for String {
    fn parse_status(&self) -> Option<CoverageStatus> {
        [
            CoverageStatus::Full,
            CoverageStatus::Permitted,
            CoverageStatus::Reserved,
            CoverageStatus::Partial,
            CoverageStatus::Absent,
            CoverageStatus::NotAssessed,
        ]
        .into_iter()
        .find(|s| s.as_str() == self)
    }
}
