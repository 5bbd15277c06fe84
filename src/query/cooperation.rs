//! Cooperation: which legal basis governs a request from one state to another on a date, dual criminality under
//! that basis's own rule, and what bars the request (the person's nationality first).
//!
//! Selection follows the instruments' own precedence rules, each named in the answer:
//! - a basis that supersedes another displaces it where both apply (the EAW Framework Decision Art. 31(1) and the
//!   European Convention on Extradition);
//! - an overlay agreement (EU–US) never governs alone: it acts through the bilateral treaty it amends;
//! - a subsidiary instrument (Budapest Arts. 24(1)(b), 24(5), 27(1)) governs only where no other treaty does;
//! - national law (reciprocity) governs only where no treaty does;
//! - between two treaties otherwise in force, the later one governs (lex posterior).

use std::fmt;

use serde::Serialize;

use super::dual::{
    BasisRule, DualCriminalityAnswer, DualCriminalityRequest, Outcome, Procedure, Reading, Reason,
};
use super::{Conduct, QueryError, Verdict};
use crate::corpus::Corpus;
use crate::date::Date;
use crate::model::{
    Approach, BarEffect, Basis, BasisId, BasisKind, CooperationProcedure, DcRequirement,
    JurisdictionCode, JurisdictionalElements, NationalityRule, ObligationWhen, Terms, Threshold,
    ThresholdIn, Verification,
};

/// Whose national the person sought is.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Nationality {
    /// Not given: a bar on the requested state's nationals is named as a condition.
    #[default]
    Unknown,
    /// A national of this state (a national of the requested state meets its bar).
    Of(JurisdictionCode),
    /// A national of neither the requesting nor the requested state.
    ThirdState,
}

/// A cooperation question: from the requesting state to the requested state, for a procedure, on a date.
///
/// ```
/// use cyberlex::{Conduct, Corpus, CooperationProcedure, CooperationRequest, Date};
/// let corpus = Corpus::builtin();
/// let conduct = Conduct::new()
///     .fact("act/access", true)
///     .fact("object/computer-system", true)
///     .fact("circ/without-right", true)
///     .fact("mental/intent", true);
/// let request = CooperationRequest::new("US", "DE", CooperationProcedure::Extradition, conduct)
///     .date("2024-01-01".parse::<Date>()?)
///     .nationality("DE");
/// let answer = corpus.cooperation(&request)?;
/// assert_eq!(answer.basis().map(|b| b.id.as_str()), Some("us-de-1978"));
/// assert_eq!(answer.outcome().as_str(), "barred"); // Basic Law Art. 16(2)
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct CooperationRequest {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) procedure: CooperationProcedure,
    pub(crate) conduct: Conduct,
    pub(crate) date: Date,
    pub(crate) nationality: Nationality,
    pub(crate) nationality_input: Option<String>,
    pub(crate) reading: Reading,
}

impl CooperationRequest {
    /// A request from `from` (requesting) to `to` (requested). The date defaults to today: set it with
    /// [`CooperationRequest::date`] for a reproducible answer.
    #[must_use]
    pub fn new(
        from: &str,
        to: &str,
        procedure: CooperationProcedure,
        conduct: Conduct,
    ) -> CooperationRequest {
        CooperationRequest {
            from: from.to_owned(),
            to: to.to_owned(),
            procedure,
            conduct,
            date: Date::today(),
            nationality: Nationality::Unknown,
            nationality_input: None,
            reading: Reading::Open,
        }
    }
    /// The date: the bases, the nationality rules and both states' law as on it.
    #[must_use]
    pub fn date(mut self, date: Date) -> CooperationRequest {
        self.date = date;
        self
    }
    /// The person's nationality, an ISO 3166-1 alpha-2 code (checked when the request is answered).
    #[must_use]
    pub fn nationality(mut self, code: &str) -> CooperationRequest {
        self.nationality_input = Some(code.to_owned());
        self
    }
    /// The person is a national of neither state.
    #[must_use]
    pub fn third_state_national(mut self) -> CooperationRequest {
        self.nationality = Nationality::ThirdState;
        self.nationality_input = None;
        self
    }
    /// Reads the conduct as stated (see [`Reading::AsStated`]).
    #[must_use]
    pub fn as_stated(mut self) -> CooperationRequest {
        self.reading = Reading::AsStated;
        self
    }
    /// The requesting state, as given.
    #[must_use]
    pub fn from_state(&self) -> &str {
        &self.from
    }
    /// The requested state, as given.
    #[must_use]
    pub fn to_state(&self) -> &str {
        &self.to
    }
    /// The procedure.
    #[must_use]
    pub fn procedure(&self) -> CooperationProcedure {
        self.procedure
    }
    /// The date.
    #[must_use]
    pub fn on(&self) -> Date {
        self.date
    }
}

/// What the requesting state can expect.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CooperationOutcome {
    /// A basis governs, dual criminality holds, and nothing bars the request.
    Available,
    /// The requested state may grant or refuse at its discretion (reciprocity, a discretionary nationality clause).
    Discretionary,
    /// It turns on something not known: the person's nationality, a condition, an open fact.
    Depends,
    /// A bar applies: the requested state will refuse.
    Barred,
    /// No basis in the data governs between the two states on the date.
    NotAvailable,
}

impl CooperationOutcome {
    /// The spelling in JSON and on the command line.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            CooperationOutcome::Available => "available",
            CooperationOutcome::Discretionary => "discretionary",
            CooperationOutcome::Depends => "depends",
            CooperationOutcome::Barred => "barred",
            CooperationOutcome::NotAvailable => "not_available",
        }
    }
    fn rank(self) -> u8 {
        match self {
            CooperationOutcome::Available => 0,
            CooperationOutcome::Discretionary => 1,
            CooperationOutcome::Depends => 2,
            CooperationOutcome::Barred => 3,
            CooperationOutcome::NotAvailable => 4,
        }
    }
    fn worst(self, other: CooperationOutcome) -> CooperationOutcome {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}

/// A basis as an answer cites it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct BasisRef {
    /// Its id.
    pub id: BasisId,
    /// Its title.
    pub title: String,
    /// Its short title.
    pub short_title: String,
    /// Multilateral, bilateral or national.
    pub kind: BasisKind,
    /// The articles that set the terms applied.
    pub articles: String,
    /// The threshold applied, if any.
    pub threshold: Option<Threshold>,
    /// How dual criminality is tested.
    pub approach: Option<Approach>,
    /// Whether dual criminality is a condition.
    pub dual_criminality: Option<DcRequirement>,
    /// Where it was read.
    pub source: String,
    /// How far it was confirmed (the lower of the basis's and its terms').
    pub verification: Verification,
    /// The day it was read.
    pub checked: Date,
}

/// A basis considered and why it does not govern.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Alternative {
    /// The basis.
    pub basis: BasisRef,
    /// Why it does not govern.
    pub why: String,
}

/// What kind of bar.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BarKind {
    /// The person is (or may be) a national of the requested state.
    Nationality,
    /// The conduct is not (or may not be) punishable in both states as the basis requires.
    DualCriminality,
    /// The requested state grants the request only on a guarantee of reciprocity.
    Reciprocity,
}

/// Whether a bar applies to this request.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    /// It applies.
    Yes,
    /// It applies if a fact not given holds (the person's nationality, an open element).
    Unknown,
}

/// A bar to the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Bar {
    /// Its kind.
    pub kind: BarKind,
    /// Absolute, conditional or discretionary.
    pub effect: BarEffect,
    /// Whether it applies.
    pub applies: Applies,
    /// The provision.
    pub citation: String,
    /// For a conditional bar: the conditions.
    pub conditions: Option<String>,
    /// Where it was read.
    pub source: String,
    /// How far it was confirmed.
    pub verification: Verification,
    /// In words.
    pub detail: String,
}

/// A duty the requested state bears if it refuses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct ObligationRef {
    /// The basis that imposes it.
    pub basis: BasisId,
    /// Its short title.
    pub short_title: String,
    /// The article.
    pub article: String,
    /// When it arises.
    pub when: ObligationWhen,
    /// The duty.
    pub duty: String,
}

/// The answer to a [`CooperationRequest`].
#[derive(Clone, Debug, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct CooperationAnswer {
    pub(crate) outcome: CooperationOutcome,
    pub(crate) from: JurisdictionCode,
    pub(crate) to: JurisdictionCode,
    pub(crate) procedure: CooperationProcedure,
    pub(crate) date: Date,
    pub(crate) nationality: Nationality,
    pub(crate) basis: Option<BasisRef>,
    pub(crate) alternatives: Vec<Alternative>,
    pub(crate) dual_criminality: Option<DualCriminalityAnswer>,
    #[serde(skip)]
    pub(crate) dual_verdict: Option<Verdict>,
    pub(crate) bars: Vec<Bar>,
    pub(crate) obligations: Vec<ObligationRef>,
    pub(crate) reasons: Vec<Reason>,
    pub(crate) warnings: Vec<String>,
    /// How the requested state would carry out a preservation or mutual-assistance request: its powers and the
    /// channel (`None` for extradition).
    #[serde(default)]
    pub(crate) execution: Option<Execution>,
}

/// How the requested state would carry out a request: the national powers that would execute it, with their
/// conditions and time limits, and the channel it goes through (the 24/7 point for preservation, Budapest Art. 35;
/// the central authority for mutual assistance, Art. 27(2)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Execution {
    /// The powers in force in the requested state that would execute the request.
    pub powers: Vec<crate::query::PowerRef>,
    /// The channel, if recorded.
    pub channel: Option<crate::query::ContactRef>,
    /// What the data says, or does not say, in words.
    pub notes: Vec<String>,
}

impl CooperationAnswer {
    /// The outcome.
    #[must_use]
    pub fn outcome(&self) -> CooperationOutcome {
        self.outcome
    }
    /// The requesting state.
    #[must_use]
    pub fn from_state(&self) -> &JurisdictionCode {
        &self.from
    }
    /// The requested state.
    #[must_use]
    pub fn to_state(&self) -> &JurisdictionCode {
        &self.to
    }
    /// The procedure.
    #[must_use]
    pub fn procedure(&self) -> CooperationProcedure {
        self.procedure
    }
    /// The date answered for.
    #[must_use]
    pub fn date(&self) -> Date {
        self.date
    }
    /// The person's nationality as the answer read it.
    #[must_use]
    pub fn nationality(&self) -> &Nationality {
        &self.nationality
    }
    /// The governing basis (`None`: not available).
    #[must_use]
    pub fn basis(&self) -> Option<&BasisRef> {
        self.basis.as_ref()
    }
    /// The bases considered that do not govern, each with why.
    #[must_use]
    pub fn alternatives(&self) -> &[Alternative] {
        &self.alternatives
    }
    /// Dual criminality under the governing basis (`None` where it is not a condition, or no basis governs).
    #[must_use]
    pub fn dual_criminality(&self) -> Option<&DualCriminalityAnswer> {
        self.dual_criminality.as_ref()
    }
    /// The bars that apply or may apply.
    #[must_use]
    pub fn bars(&self) -> &[Bar] {
        &self.bars
    }
    /// Duties of the requested state if it refuses.
    #[must_use]
    pub fn obligations(&self) -> &[ObligationRef] {
        &self.obligations
    }
    /// The steps, in order.
    #[must_use]
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }
    /// Cautions: unverified bases or rules relied on, and what the data does not encode.
    #[must_use]
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
    /// How the requested state would carry out a preservation or mutual-assistance request (`None` for
    /// extradition).
    #[must_use]
    pub fn execution(&self) -> Option<&Execution> {
        self.execution.as_ref()
    }
}

/// The requested state's powers and channel for a preservation or mutual-assistance request on a date.
fn execution(
    corpus: &Corpus,
    to: &crate::model::Jurisdiction,
    p: CooperationProcedure,
    date: Date,
) -> Option<Execution> {
    use crate::model::ContactRole;
    let (wanted, fallback, role): (&[&str], &[&str], ContactRole) = match p {
        CooperationProcedure::Extradition => return None,
        // Art. 29 powers first; a state may preserve on a foreign request with its domestic Art. 16 power.
        CooperationProcedure::Preservation => (&["29(1)"], &["16(1)"], ContactRole::Point247),
        CooperationProcedure::Mla => (
            &["18(1)(a)", "18(1)(b)", "19(1)", "19(3)"],
            &[],
            ContactRole::CentralAuthorityMla,
        ),
    };
    let mut ex = Execution {
        powers: vec![],
        channel: None,
        notes: vec![],
    };
    let Some(rec) = corpus.powers.get(&to.code) else {
        ex.notes.push(format!(
            "the procedural powers of {} are not recorded: the data does not say how it would execute the request",
            to.name
        ));
        return Some(ex);
    };
    if let Some(from) = rec.records_complete_from
        && date < from
    {
        ex.notes.push(format!(
            "the procedural records of {} begin on {from}: not assessed for {date}",
            to.name
        ));
        return Some(ex);
    }
    let pick = |paras: &[&str]| -> Vec<crate::query::PowerRef> {
        rec.powers
            .iter()
            .filter_map(|pw| pw.version_on(date).map(|v| (pw, v)))
            .filter(|(_, v)| v.provides.iter().any(|x| paras.contains(&x.as_str())))
            .map(|(pw, v)| crate::query::PowerRef::new(pw, v))
            .collect()
    };
    ex.powers = pick(wanted);
    if ex.powers.is_empty() && !fallback.is_empty() {
        ex.powers = pick(fallback);
        if !ex.powers.is_empty() {
            ex.notes.push(format!(
                "no power for foreign requests (Art. 29) is recorded; {}'s domestic preservation powers (Art. 16) are shown",
                to.name
            ));
        }
    }
    if ex.powers.is_empty() {
        ex.notes.push(format!(
            "no power of {} in force on {date} is recorded for this request",
            to.name
        ));
    }
    match rec.contact(role, date) {
        Some(c) => ex.channel = Some(crate::query::ContactRef::new(c)),
        None => ex.notes.push(format!(
            "no {} of {} is recorded on {date}",
            role.label(),
            to.name
        )),
    }
    Some(ex)
}

impl fmt::Display for CooperationAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} from {} to {} on {}: {}",
            self.procedure,
            self.from,
            self.to,
            self.date,
            self.outcome.as_str().replace('_', " ")
        )?;
        match &self.basis {
            Some(b) => writeln!(
                f,
                "basis: {} (Art. {}; {})",
                b.short_title,
                b.articles,
                b.verification.as_str()
            )?,
            None => writeln!(f, "basis: none in the data")?,
        }
        for r in &self.reasons {
            writeln!(f, "{}. [{}] {}", r.step, r.rule, r.detail)?;
        }
        for b in &self.bars {
            writeln!(
                f,
                "bar: {} ({}, {}): {}",
                match b.kind {
                    BarKind::Nationality => "nationality",
                    BarKind::DualCriminality => "dual criminality",
                    BarKind::Reciprocity => "reciprocity",
                },
                b.effect.as_str(),
                if b.applies == Applies::Yes {
                    "applies"
                } else {
                    "may apply"
                },
                b.detail
            )?;
        }
        for o in &self.obligations {
            writeln!(
                f,
                "obligation: {} Art. {}: {}",
                o.short_title, o.article, o.duty
            )?;
        }
        if let Some(ex) = &self.execution {
            for pw in &ex.powers {
                writeln!(f, "executed by: {}", pw.summary())?;
            }
            if let Some(c) = &ex.channel {
                writeln!(
                    f,
                    "channel: {} (Art. {}): {}{}",
                    c.role.label(),
                    c.article,
                    c.body,
                    if c.verification == Verification::Unverified {
                        " (unverified)"
                    } else {
                        ""
                    }
                )?;
            }
            for n in &ex.notes {
                writeln!(f, "execution: {n}")?;
            }
        }
        for w in &self.warnings {
            writeln!(f, "caution: {w}")?;
        }
        Ok(())
    }
}

/// A basis applicable between the pair on the date, with its terms for the procedure.
struct Cand<'a> {
    basis: &'a Basis,
    terms: &'a Terms,
    start: Date,
}

fn basis_ref(b: &Basis, t: Option<&Terms>) -> BasisRef {
    BasisRef {
        id: b.id.clone(),
        title: b.title.clone(),
        short_title: b.short_title.clone(),
        kind: b.kind,
        articles: t.map(|t| t.article.clone()).unwrap_or_default(),
        threshold: t.and_then(|t| t.threshold),
        approach: t.map(|t| t.approach),
        dual_criminality: t.map(|t| t.dual_criminality),
        source: t
            .and_then(|t| t.source.clone())
            .unwrap_or_else(|| b.source.clone()),
        verification: t.map_or(b.verification, |t| t.verification.max(b.verification)),
        checked: b.checked,
    }
}

/// The first day a basis binds a state on `date`'s period, if it does on `date`.
fn bound_since(corpus: &Corpus, b: &Basis, state: &JurisdictionCode, date: Date) -> Option<Date> {
    if let Some(inst) = &b.parties_from_instrument {
        let t = corpus.jurisdictions.get(state)?.treaty(inst)?;
        return t.party_on(date).then(|| t.in_force().unwrap_or(Date::MIN));
    }
    b.parties
        .iter()
        .find(|p| &p.state == state && p.covers(date))
        .map(|p| p.from)
}

/// Whether a basis names a state at all (any period).
fn names(corpus: &Corpus, b: &Basis, state: &JurisdictionCode) -> bool {
    match &b.parties_from_instrument {
        Some(inst) => corpus
            .jurisdictions
            .get(state)
            .and_then(|j| j.treaty(inst))
            .is_some(),
        None => b.parties.iter().any(|p| &p.state == state),
    }
}

fn party_text(corpus: &Corpus, b: &Basis, state: &JurisdictionCode) -> String {
    if let Some(inst) = &b.parties_from_instrument {
        return match corpus.jurisdictions.get(state).and_then(|j| j.treaty(inst)) {
            Some(t) => match t.in_force() {
                Some(d) => format!("{state} from {d}"),
                None if t.party_date_unknown() => format!("{state} (date not recorded)"),
                None => format!("{state} not bound"),
            },
            None => format!("{state} not a party"),
        };
    }
    let ps: Vec<String> = b
        .parties
        .iter()
        .filter(|p| &p.state == state)
        .map(|p| match p.to {
            Some(t) => format!("{} to {t}", p.from),
            None if p.from == Date::MIN => "always".to_owned(),
            None => format!("from {}", p.from),
        })
        .collect();
    if ps.is_empty() {
        format!("{state} not a party")
    } else {
        format!("{state} {}", ps.join(", "))
    }
}

struct Ctx {
    reasons: Vec<Reason>,
    warnings: Vec<String>,
}

impl Ctx {
    fn say(&mut self, rule: &str, j: Option<&JurisdictionCode>, outcome: Outcome, detail: String) {
        let step = self.reasons.len() + 1;
        self.reasons.push(Reason {
            step,
            rule: rule.to_owned(),
            jurisdiction: j.cloned(),
            provision: None,
            outcome,
            detail,
        });
    }
    fn warn(&mut self, w: String) {
        if !self.warnings.contains(&w) {
            self.warnings.push(w);
        }
    }
}

/// The rule on nationals that applies for the governing basis on the date: one limited to that basis first, then
/// the state's general rule.
fn nationality_rule<'a>(
    corpus: &'a Corpus,
    state: &JurisdictionCode,
    basis: &BasisId,
    date: Date,
) -> Option<&'a NationalityRule> {
    let rules = corpus.nationality.get(state)?;
    rules
        .iter()
        .find(|r| r.covers(date) && r.bases.contains(basis))
        .or_else(|| rules.iter().find(|r| r.covers(date) && r.bases.is_empty()))
}

/// "the Budapest Convention", but "Japan's Act of Extradition" (a possessive needs no article).
fn the(title: &str) -> String {
    if title.contains("'s ") {
        title.to_owned()
    } else {
        format!("the {title}")
    }
}

fn label(b: &Basis, t: &Terms) -> String {
    format!("{} Art. {}", b.short_title, t.article)
}

impl Corpus {
    /// Answers a cooperation question: the governing legal basis between the two states on the date, dual criminality
    /// under its rule, the bars (nationality first) and the requested state's obligations if it refuses.
    ///
    /// # Errors
    /// [`QueryError::UnknownJurisdiction`] for an unknown state, [`QueryError::SameState`] when both states are the
    /// same, [`QueryError::UnknownNationality`] for a nationality that is not an ISO code, [`QueryError::BeforeData`]
    /// when dual criminality must be tested on a date before a state's records, and the errors of
    /// [`Corpus::dual_criminality`] for a bad conduct.
    pub fn cooperation(&self, req: &CooperationRequest) -> Result<CooperationAnswer, QueryError> {
        self.cooperation_inner(req, true)
    }

    /// `explain`: build the full dual-criminality answer (reasons, deciding facts); without it only the verdict is
    /// computed, which is what the all-pairs view needs.
    fn cooperation_inner(
        &self,
        req: &CooperationRequest,
        explain: bool,
    ) -> Result<CooperationAnswer, QueryError> {
        let from = self.jurisdiction(&req.from)?;
        let to = self.jurisdiction(&req.to)?;
        if from.code == to.code {
            return Err(QueryError::SameState {
                code: from.code.to_string(),
            });
        }
        let nationality = match &req.nationality_input {
            None => req.nationality.clone(),
            Some(n) => {
                let code = n.trim().to_ascii_uppercase();
                let code = if code == "UK" { "GB".to_owned() } else { code };
                // User-assigned codes (AA, QM-QZ, XA-XZ, ZZ) name a state only where the data defines one.
                let user_assigned = crate::iso::is_user_assigned(&code);
                if code.len() != 2
                    || !crate::suggest::iso_known(&code)
                    || (user_assigned && !self.jurisdictions.contains_key(code.as_str()))
                {
                    return Err(QueryError::UnknownNationality { code: n.clone() });
                }
                Nationality::Of(JurisdictionCode(code))
            }
        };
        let date = req.date;
        // How the request would be executed is part of the explained answer; the all-pairs view needs outcomes only.
        let mut execution = if explain {
            execution(self, to, req.procedure, date)
        } else {
            None
        };
        let p = req.procedure;
        let mut cx = Ctx {
            reasons: Vec::new(),
            warnings: Vec::new(),
        };
        cx.say(
            "request",
            None,
            Outcome::Info,
            format!(
                "{} requested by {} ({}) of {} ({}) on {date}; the person is {}",
                match p {
                    CooperationProcedure::Extradition => "extradition or surrender",
                    CooperationProcedure::Mla => "mutual legal assistance",
                    CooperationProcedure::Preservation => "expedited preservation of stored data",
                },
                from.name,
                from.code,
                to.name,
                to.code,
                match &nationality {
                    Nationality::Unknown => "of unknown nationality".to_owned(),
                    Nationality::ThirdState => "a national of neither state".to_owned(),
                    Nationality::Of(c) => format!("a national of {c}"),
                }
            ),
        );

        // ---- candidates: bases in force between the two on the date with terms for the procedure
        let mut cands: Vec<Cand<'_>> = Vec::new();
        let mut alternatives: Vec<Alternative> = Vec::new();
        for b in self.bases.values() {
            if !b.terms.iter().any(|t| t.procedure == p) {
                continue;
            }
            let relevant = match b.kind {
                BasisKind::National => b.parties.iter().any(|x| x.state == to.code),
                _ => {
                    names(self, b, &from.code)
                        && names(self, b, &to.code)
                        && b.joins(&from.code, &to.code)
                }
            };
            if !relevant {
                continue;
            }
            let since = match b.kind {
                BasisKind::National => bound_since(self, b, &to.code, date),
                _ => match (
                    bound_since(self, b, &from.code, date),
                    bound_since(self, b, &to.code, date),
                ) {
                    (Some(a), Some(c)) => Some(a.max(c)),
                    _ => None,
                },
            };
            let Some(start) = since else {
                let why = match b.kind {
                    BasisKind::National => {
                        format!("not in force on {date} ({})", party_text(self, b, &to.code))
                    }
                    _ => format!(
                        "not in force between them on {date} ({}; {})",
                        party_text(self, b, &from.code),
                        party_text(self, b, &to.code)
                    ),
                };
                alternatives.push(Alternative {
                    basis: basis_ref(b, None),
                    why,
                });
                continue;
            };
            match b.terms_on(p, date) {
                Some(t) => cands.push(Cand {
                    basis: b,
                    terms: t,
                    start,
                }),
                None => alternatives.push(Alternative {
                    basis: basis_ref(b, None),
                    why: format!("no terms for {p} are recorded for {date}"),
                }),
            }
        }

        // ---- precedence
        let superseded: Vec<(usize, String)> = cands
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                cands.iter().find_map(|o| {
                    o.basis
                        .supersedes
                        .iter()
                        .find(|s| s.basis == c.basis.id)
                        .map(|s| {
                            (
                                i,
                                format!(
                                    "superseded by {} (Art. {}): {}",
                                    the(&o.basis.short_title),
                                    s.article,
                                    s.note
                                ),
                            )
                        })
                })
            })
            .collect();
        let mut out_of: Vec<Option<String>> = vec![None; cands.len()];
        // A superseded basis's duties go with it; the others' remain (Budapest Art. 24(6) beside a bilateral treaty).
        let mut displaced = vec![false; cands.len()];
        for (i, why) in superseded {
            out_of[i] = Some(why);
            displaced[i] = true;
        }
        for (i, c) in cands.iter().enumerate() {
            if out_of[i].is_none()
                && let Some(cl) = &c.basis.operates_through_bilateral
            {
                out_of[i] = Some(format!(
                    "acts through the bilateral treaty it amends (Art. {}): {}",
                    cl.article, cl.note
                ));
                let bilateral_here = cands.iter().any(|o| o.basis.kind == BasisKind::Bilateral);
                if !bilateral_here {
                    cx.warn(format!(
                        "the {} acts through a bilateral {} treaty between {} and {} that the data does not encode; that treaty would govern",
                        c.basis.short_title, p, from.code, to.code
                    ));
                }
            }
        }
        let live = |out_of: &Vec<Option<String>>, pick: &dyn Fn(&Cand<'_>) -> bool| -> Vec<usize> {
            (0..cands.len())
                .filter(|&i| out_of[i].is_none() && pick(&cands[i]))
                .collect()
        };
        let treaties = live(&out_of, &|c| {
            c.basis.kind != BasisKind::National && c.basis.subsidiary.is_none()
        });
        let subsidiary = live(&out_of, &|c| {
            c.basis.kind != BasisKind::National && c.basis.subsidiary.is_some()
        });
        let national = live(&out_of, &|c| c.basis.kind == BasisKind::National);
        let pool = if !treaties.is_empty() {
            for &i in subsidiary.iter().chain(&national) {
                let c = &cands[i];
                out_of[i] = Some(match &c.basis.subsidiary {
                    Some(cl) => format!(
                        "gives way to a treaty between them (Art. {}): {}",
                        cl.article, cl.note
                    ),
                    None => "national law applies only where no treaty does".to_owned(),
                });
            }
            treaties
        } else if !subsidiary.is_empty() {
            for &i in &national {
                out_of[i] = Some("national law applies only where no treaty does".to_owned());
            }
            subsidiary
        } else {
            national
        };
        let governing = pool
            .iter()
            .copied()
            .max_by_key(|&i| (cands[i].start, std::cmp::Reverse(cands[i].basis.id.clone())));
        if let Some(g) = governing {
            for &i in &pool {
                if i != g {
                    displaced[i] = true;
                    out_of[i] = Some(format!(
                        "{} applies between them from a later date ({}) and governs (the later treaty prevails, VCLT Art. 30(3))",
                        the(&cands[g].basis.short_title),
                        cands[g].start
                    ));
                }
            }
        }
        for (i, c) in cands.iter().enumerate() {
            if let Some(why) = &out_of[i] {
                alternatives.push(Alternative {
                    basis: basis_ref(c.basis, Some(c.terms)),
                    why: why.clone(),
                });
            }
        }
        for a in &alternatives {
            cx.say(
                &a.basis.short_title,
                None,
                Outcome::Info,
                format!("does not govern: {}", a.why),
            );
        }

        let Some(g) = governing else {
            let detail = format!(
                "no basis in the data governs {p} between {} and {} on {date}; {} may still act under its own law (for example on reciprocity), which the data does not record",
                from.code, to.code, to.name
            );
            cx.say("selection", None, Outcome::NotSatisfied, detail);
            return Ok(CooperationAnswer {
                outcome: CooperationOutcome::NotAvailable,
                from: from.code.clone(),
                to: to.code.clone(),
                procedure: p,
                date,
                nationality,
                basis: None,
                alternatives,
                dual_criminality: None,
                dual_verdict: None,
                bars: Vec::new(),
                obligations: Vec::new(),
                reasons: cx.reasons,
                warnings: cx.warnings,
                execution,
            });
        };
        let gov = &cands[g];
        let (b, t) = (gov.basis, gov.terms);
        let bref = basis_ref(b, Some(t));
        cx.say(
            &label(b, t),
            None,
            Outcome::Info,
            format!(
                "governs: in force between {} and {} on {date}{}; {}",
                from.code,
                to.code,
                match b.kind {
                    BasisKind::National => format!(" as {}'s own law", to.name),
                    _ => format!(" (between them since {})", gov.start),
                },
                t.note
            ),
        );
        if bref.verification != Verification::OfficialText {
            cx.warn(format!(
                "the governing basis ({}, Art. {}) is recorded from a {} source: check it before relying on it",
                b.short_title,
                t.article,
                if bref.verification == Verification::Secondary { "secondary" } else { "unverified" }
            ));
        }
        if b.parties.iter().any(|x| {
            x.from == gov.start
                && x.note
                    .as_deref()
                    .is_some_and(|n| n.starts_with("in force by"))
        }) {
            cx.warn(format!(
                "the entry into force of the {} was not found; the data applies it from {}, a day by which a source shows it in force",
                b.short_title, gov.start
            ));
        }

        for x in b
            .parties
            .iter()
            .filter(|x| (x.state == from.code || x.state == to.code) && x.covers(date))
        {
            if let Some(v) = x.verification.filter(|v| *v != Verification::OfficialText) {
                cx.warn(format!(
                    "the date from which the {} applies to {} ({}) is {}{}",
                    b.short_title,
                    x.state,
                    x.from,
                    if v == Verification::Secondary {
                        "from a secondary source"
                    } else {
                        "not confirmed"
                    },
                    x.note
                        .as_ref()
                        .map(|n| format!(": {n}"))
                        .unwrap_or_default()
                ));
            }
        }
        let mut outcome = CooperationOutcome::Available;
        let mut bars: Vec<Bar> = Vec::new();

        // ---- dual criminality under the governing basis
        let dual = match (t.dual_criminality, t.approach) {
            (_, Approach::Preservation) => self
                .dual_for(
                    req,
                    from.code.as_str(),
                    to.code.as_str(),
                    Procedure::Preservation,
                    None,
                    explain,
                )
                .map(Some),
            (DcRequirement::NotRequired, _) => {
                cx.say(
                    &label(b, t),
                    None,
                    Outcome::Satisfied,
                    "dual criminality is not a condition under this basis".into(),
                );
                Ok(None)
            }
            (_, Approach::EawList) => self
                .dual_for(
                    req,
                    from.code.as_str(),
                    to.code.as_str(),
                    Procedure::Eaw,
                    None,
                    explain,
                )
                .map(Some),
            (_, approach) => {
                let th = t.threshold;
                let m = th.map(|x| x.min_months());
                let rule = BasisRule {
                    label: label(b, t),
                    note: t.note.clone(),
                    from_months: m,
                    to_months: match th.map(|x| x.applies_in) {
                        Some(ThresholdIn::Requesting) => None,
                        _ => m,
                    },
                    threshold_text: th.map(|x| x.text()),
                };
                if approach == Approach::List {
                    cx.warn(format!(
                        "the {} lists extraditable offenses; the list is not encoded, so the conduct was tested as conduct and whether it is listed was not checked{}",
                        b.short_title,
                        if self.pair_in_budapest(&from.code, &to.code, date) {
                            " (both states are Budapest Parties: Art. 24(2) deems the Convention's offenses included in their extradition treaties)"
                        } else {
                            ""
                        }
                    ));
                }
                if t.jurisdictional_elements == JurisdictionalElements::Disregarded {
                    cx.say(
                        &label(b, t),
                        None,
                        Outcome::Info,
                        "the basis itself says that US federal jurisdictional elements (interstate commerce, the mails) do not count in the test".into(),
                    );
                }
                let proc_ = if p == CooperationProcedure::Mla {
                    Procedure::Mla
                } else {
                    Procedure::Extradition
                };
                self.dual_for(
                    req,
                    from.code.as_str(),
                    to.code.as_str(),
                    proc_,
                    Some(rule),
                    explain,
                )
                .map(Some)
            }
        };
        let (dual_verdict, dual) = match dual {
            Ok(Some((v, a))) => (Some(v), a),
            Ok(None) => (None, None),
            Err(QueryError::BeforeData {
                jurisdiction,
                date: asked,
                earliest,
            }) => {
                cx.say(
                    &label(b, t),
                    Some(&JurisdictionCode(jurisdiction.clone())),
                    Outcome::Depends,
                    format!("dual criminality cannot be tested: the data for {jurisdiction} begins on {earliest}, after {asked}"),
                );
                cx.warn(format!("the offense records of {jurisdiction} begin on {earliest}: dual criminality on {asked} was not tested"));
                outcome = outcome.worst(CooperationOutcome::Depends);
                (None, None)
            }
            Err(e) => return Err(e),
        };
        if let Some(v) = dual_verdict {
            let coercive = t.dual_criminality == DcRequirement::CoerciveOnly;
            cx.say(
                &label(b, t),
                None,
                v.into(),
                format!(
                    "dual criminality{}: {}",
                    if coercive {
                        " (a condition for coercive measures only)"
                    } else {
                        ""
                    },
                    v.as_str().replace('_', " ")
                ),
            );
            for w in dual.iter().flat_map(DualCriminalityAnswer::warnings) {
                cx.warn(w.clone());
            }
            let effect = if coercive {
                BarEffect::Discretionary
            } else {
                BarEffect::Absolute
            };
            let applies = match v {
                Verdict::Satisfied => None,
                Verdict::NotSatisfied => Some(Applies::Yes),
                Verdict::Depends => Some(Applies::Unknown),
            };
            if let Some(applies) = applies {
                bars.push(Bar {
                    kind: BarKind::DualCriminality,
                    effect,
                    applies,
                    citation: label(b, t),
                    conditions: None,
                    source: bref.source.clone(),
                    verification: bref.verification,
                    detail: if coercive {
                        "coercive measures (search, seizure, interception) may be refused where the conduct is not an offense under the requested state's law".into()
                    } else {
                        format!("the conduct must be punishable in both states as the basis requires; the test says {}", v.as_str().replace('_', " "))
                    },
                });
                outcome = outcome.worst(match (applies, coercive) {
                    (Applies::Yes, false) => CooperationOutcome::Barred,
                    (Applies::Yes, true) => CooperationOutcome::Discretionary,
                    (Applies::Unknown, _) => CooperationOutcome::Depends,
                });
            }
        }

        // ---- reciprocity (national law)
        if let Some(cl) = &b.reciprocity {
            bars.push(Bar {
                kind: BarKind::Reciprocity,
                effect: BarEffect::Discretionary,
                applies: Applies::Yes,
                citation: format!("{} Art. {}", b.short_title, cl.article),
                conditions: Some("a guarantee of reciprocity from the requesting state".into()),
                source: b.source.clone(),
                verification: b.verification,
                detail: cl.note.clone(),
            });
            cx.say(
                &format!("{} Art. {}", b.short_title, cl.article),
                Some(&to.code),
                Outcome::Info,
                format!("without a treaty, {}", cl.note),
            );
            outcome = outcome.worst(CooperationOutcome::Discretionary);
        }

        if b.kind == BasisKind::National && b.reciprocity.is_none() {
            cx.say(
                &b.short_title,
                Some(&to.code),
                Outcome::Info,
                format!("without a treaty {} owes no extradition: it decides under its own law, at its discretion", to.name),
            );
            outcome = outcome.worst(CooperationOutcome::Discretionary);
        }

        // ---- nationality (extradition only)
        let mut obligations = Vec::new();
        if p == CooperationProcedure::Extradition {
            let applies = match &nationality {
                Nationality::Of(c) if *c == to.code => Some(Applies::Yes),
                Nationality::Unknown => Some(Applies::Unknown),
                _ => None,
            };
            match (nationality_rule(self, &to.code, &b.id, date), applies) {
                (_, None) => cx.say(
                    "nationality",
                    Some(&to.code),
                    Outcome::Satisfied,
                    format!(
                        "the person is not a national of {}: no bar on nationals applies",
                        to.name
                    ),
                ),
                (None, Some(a)) => {
                    bars.push(Bar {
                        kind: BarKind::Nationality,
                        effect: BarEffect::Absolute,
                        applies: Applies::Unknown,
                        citation: String::new(),
                        conditions: None,
                        source: String::new(),
                        verification: Verification::Unverified,
                        detail: format!("the data records no rule of {} on surrendering its nationals on {date}", to.name),
                    });
                    cx.say(
                        "nationality",
                        Some(&to.code),
                        Outcome::Depends,
                        format!(
                            "{}the data records no rule of {} on surrendering its own nationals on {date}",
                            if a == Applies::Yes { "the person is its national, and " } else { "" },
                            to.name
                        ),
                    );
                    outcome = outcome.worst(CooperationOutcome::Depends);
                }
                (Some(r), Some(a)) => {
                    if r.verification != Verification::OfficialText {
                        cx.warn(format!(
                            "the rule on nationals relied on ({}) is recorded from a {} source",
                            r.citation,
                            if r.verification == Verification::Secondary {
                                "secondary"
                            } else {
                                "unverified"
                            }
                        ));
                    }
                    if r.effect == BarEffect::None {
                        cx.say(
                            &r.citation,
                            Some(&to.code),
                            Outcome::Satisfied,
                            format!(
                                "nationality is no ground for refusal{}",
                                r.note
                                    .as_ref()
                                    .map(|n| format!(": {n}"))
                                    .unwrap_or_default()
                            ),
                        );
                    } else {
                        let detail = match r.effect {
                            BarEffect::Absolute => {
                                format!("{} does not surrender its nationals", to.name)
                            }
                            BarEffect::Conditional => format!(
                                "{} surrenders its nationals only on conditions: {}",
                                to.name,
                                r.conditions.as_deref().unwrap_or("")
                            ),
                            _ => format!(
                                "{} may refuse to surrender its nationals, at its discretion",
                                to.name
                            ),
                        };
                        let o = match (r.effect, a) {
                            (BarEffect::Absolute, Applies::Yes) => CooperationOutcome::Barred,
                            (BarEffect::Discretionary, Applies::Yes) => {
                                CooperationOutcome::Discretionary
                            }
                            _ => CooperationOutcome::Depends,
                        };
                        cx.say(
                            &r.citation,
                            Some(&to.code),
                            match o {
                                CooperationOutcome::Barred => Outcome::NotSatisfied,
                                CooperationOutcome::Depends => Outcome::Depends,
                                _ => Outcome::Info,
                            },
                            format!(
                                "{detail}{}",
                                if a == Applies::Unknown {
                                    format!("; this applies if the person is a national of {}, which the request does not say", to.code)
                                } else {
                                    String::new()
                                }
                            ),
                        );
                        bars.push(Bar {
                            kind: BarKind::Nationality,
                            effect: r.effect,
                            applies: a,
                            citation: r.citation.clone(),
                            conditions: r.conditions.clone(),
                            source: r.source.clone(),
                            verification: r.verification,
                            detail,
                        });
                        outcome = outcome.worst(o);
                        // Duties on refusal, under every basis in force between the two.
                        for (c, _) in cands.iter().zip(&displaced).filter(|(_, d)| !**d) {
                            for ob in &c.basis.obligations {
                                if ob.when == ObligationWhen::RefusedOnNationality {
                                    obligations.push(ObligationRef {
                                        basis: c.basis.id.clone(),
                                        short_title: c.basis.short_title.clone(),
                                        article: ob.article.clone(),
                                        when: ob.when,
                                        duty: ob.duty.clone(),
                                    });
                                }
                            }
                        }
                        for ob in &obligations {
                            cx.say(
                                &format!("{} Art. {}", ob.short_title, ob.article),
                                Some(&to.code),
                                Outcome::Info,
                                format!("if {} refuses on nationality: {}", to.code, ob.duty),
                            );
                        }
                    }
                }
            }
        }
        cx.say(
            "outcome",
            None,
            match outcome {
                CooperationOutcome::Available => Outcome::Satisfied,
                CooperationOutcome::Barred | CooperationOutcome::NotAvailable => {
                    Outcome::NotSatisfied
                }
                CooperationOutcome::Depends => Outcome::Depends,
                CooperationOutcome::Discretionary => Outcome::Info,
            },
            format!(
                "{} under {}",
                outcome.as_str().replace('_', " "),
                the(&b.short_title)
            ),
        );
        if let Some(ex) = execution.as_mut()
            && ex.channel.is_some()
            && b.parties_from_instrument
                .as_ref()
                .is_none_or(|i| i.as_str() != "budapest")
        {
            ex.notes.push(format!(
                "the channel shown is the one designated under the Budapest Convention; {} may name its own (a request under it goes the way it prescribes)",
                the(&b.short_title)
            ));
        }
        Ok(CooperationAnswer {
            outcome,
            from: from.code.clone(),
            to: to.code.clone(),
            procedure: p,
            date,
            nationality,
            basis: Some(bref),
            alternatives,
            dual_criminality: dual,
            dual_verdict,
            bars,
            obligations,
            reasons: cx.reasons,
            warnings: cx.warnings,
            execution,
        })
    }

    fn pair_in_budapest(&self, a: &JurisdictionCode, b: &JurisdictionCode, date: Date) -> bool {
        [a, b].iter().all(|c| {
            self.jurisdictions
                .get(*c)
                .and_then(|j| j.treaty(&crate::model::InstrumentId("budapest".to_owned())))
                .is_some_and(|t| t.party_on(date))
        })
    }

    fn dual_for(
        &self,
        req: &CooperationRequest,
        from: &str,
        to: &str,
        procedure: Procedure,
        rule: Option<BasisRule>,
        explain: bool,
    ) -> Result<(Verdict, Option<DualCriminalityAnswer>), QueryError> {
        let mut d =
            DualCriminalityRequest::new(from, to, procedure, req.conduct.clone()).date(req.date);
        if req.reading == Reading::AsStated {
            d = d.as_stated();
        }
        d.basis = Some(rule.unwrap_or(BasisRule {
            label: String::new(),
            note: String::new(),
            from_months: None,
            to_months: None,
            threshold_text: None,
        }));
        // The EAW and preservation rules are the instruments' own; the marker only silences party statements.
        if explain {
            let a = super::dual::answer(self, &d)?;
            Ok((a.verdict(), Some(a)))
        } else {
            Ok((super::dual::verdict_only(self, &d)?, None))
        }
    }

    /// The legal bases in the data, by id.
    pub fn bases(&self) -> impl Iterator<Item = &Basis> {
        self.bases.values()
    }

    /// A state's procedural powers, points of contact and central authorities, if recorded.
    #[must_use]
    pub fn powers(&self, state: &str) -> Option<&crate::model::Powers> {
        self.powers.get(state.trim().to_ascii_uppercase().as_str())
    }

    /// A state's rules on surrendering its nationals.
    #[must_use]
    pub fn nationality_rules(&self, state: &str) -> &[NationalityRule] {
        self.nationality
            .get(state.trim().to_ascii_uppercase().as_str())
            .map_or(&[], Vec::as_slice)
    }
}

/// Who the person is in every cell of [`Corpus::cooperation_matrix`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatrixPerson {
    /// Nationality not given: bars on nationals are conditions.
    #[default]
    Unknown,
    /// A national of neither state.
    ThirdState,
    /// A national of the requested state, in each cell.
    RequestedStateNational,
}

/// One cell of the all-pairs cooperation view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct CooperationCell {
    /// Requesting state.
    pub from: JurisdictionCode,
    /// Requested state.
    pub to: JurisdictionCode,
    /// The outcome.
    pub outcome: CooperationOutcome,
    /// The governing basis.
    pub basis: Option<BasisId>,
    /// Its short title.
    pub basis_title: Option<String>,
    /// Dual criminality under it, where tested.
    pub dual_criminality: Option<Verdict>,
    /// The nationality bar named, if any.
    pub nationality_bar: Option<BarEffect>,
    /// The outcome's last reason, in words.
    pub note: String,
}

impl Corpus {
    /// The cooperation outcome and governing basis for every ordered pair of `codes` (all states when empty), for one
    /// conduct, procedure and date.
    ///
    /// ```
    /// use cyberlex::{Conduct, Corpus, CooperationProcedure, MatrixPerson, Reading};
    /// let corpus = Corpus::builtin();
    /// let conduct = Conduct::new().fact("act/access", true).fact("object/computer-system", true)
    ///     .fact("circ/without-right", true).fact("mental/intent", true);
    /// let cells = corpus.cooperation_matrix(&[], CooperationProcedure::Extradition, &conduct,
    ///     "2024-01-01".parse()?, MatrixPerson::ThirdState, Reading::AsStated)?;
    /// let n = corpus.jurisdictions().count();
    /// assert_eq!(cells.len(), n * (n - 1));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// An unknown state in `codes`, or a conduct the dual-criminality engine rejects.
    pub fn cooperation_matrix(
        &self,
        codes: &[JurisdictionCode],
        procedure: CooperationProcedure,
        conduct: &Conduct,
        date: Date,
        person: MatrixPerson,
        reading: Reading,
    ) -> Result<Vec<CooperationCell>, QueryError> {
        let codes: Vec<JurisdictionCode> = if codes.is_empty() {
            self.jurisdictions.keys().cloned().collect()
        } else {
            let mut v = Vec::new();
            for c in codes {
                v.push(self.jurisdiction(c.as_str())?.code.clone());
            }
            v
        };
        let mut out = Vec::with_capacity(codes.len() * codes.len());
        for a in &codes {
            for b in &codes {
                if a == b {
                    continue;
                }
                let mut req =
                    CooperationRequest::new(a.as_str(), b.as_str(), procedure, conduct.clone())
                        .date(date);
                if reading == Reading::AsStated {
                    req = req.as_stated();
                }
                req = match person {
                    MatrixPerson::Unknown => req,
                    MatrixPerson::ThirdState => req.third_state_national(),
                    MatrixPerson::RequestedStateNational => req.nationality(b.as_str()),
                };
                let ans = self.cooperation_inner(&req, false)?;
                out.push(CooperationCell {
                    from: a.clone(),
                    to: b.clone(),
                    outcome: ans.outcome,
                    basis: ans.basis.as_ref().map(|x| x.id.clone()),
                    basis_title: ans.basis.as_ref().map(|x| x.short_title.clone()),
                    dual_criminality: ans.dual_verdict,
                    nationality_bar: ans
                        .bars
                        .iter()
                        .find(|x| x.kind == BarKind::Nationality)
                        .map(|x| x.effect),
                    note: ans
                        .reasons
                        .last()
                        .map(|r| r.detail.clone())
                        .unwrap_or_default(),
                });
            }
        }
        Ok(out)
    }
}
