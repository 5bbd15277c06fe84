//! The dual-criminality question and answer: the procedure, the request and how its conduct is read, the steps of
//! the reasoning, the facts that would decide an open answer. The engine that answers is in `dual.rs`.

use std::fmt;

use serde::Serialize;

use crate::date::Date;
use crate::model::{ElementId, JurisdictionCode};
use crate::query::{Conduct, ProvisionRef, Verdict};

/// The procedure whose dual-criminality rule applies.
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
pub enum Procedure {
    /// Extradition (Budapest Art. 24(1)(a)): criminal in both, maximum at least the threshold in both.
    Extradition,
    /// Mutual legal assistance (Budapest Art. 25(5)): conduct-based, no penalty threshold.
    Mla,
    /// Expedited preservation (Budapest Art. 29(3)/(4)): not required, unless reserved for offenses outside Arts. 2-11.
    Preservation,
    /// European Arrest Warrant (FD 2002/584/JHA Art. 2).
    Eaw,
}

impl Procedure {
    /// The name used on the command line and in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Procedure::Extradition => "extradition",
            Procedure::Mla => "mla",
            Procedure::Preservation => "preservation",
            Procedure::Eaw => "eaw",
        }
    }
}

impl std::str::FromStr for Procedure {
    type Err = String;
    fn from_str(s: &str) -> Result<Procedure, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "extradition" => Ok(Procedure::Extradition),
            "mla" => Ok(Procedure::Mla),
            "preservation" => Ok(Procedure::Preservation),
            "eaw" => Ok(Procedure::Eaw),
            _ => Err(format!(
                "unknown procedure `{s}` (use extradition, mla, preservation or eaw)"
            )),
        }
    }
}

/// A dual-criminality question.
///
/// ```
/// use cyberlex::{Conduct, Corpus, Date, DualCriminalityRequest, Procedure};
/// # let corpus = Corpus::builder().builtin()
/// #   .file("jurisdictions/xa.yaml", include_str!("../../tests/fixtures/good/jurisdictions/xa.yaml"))
/// #   .file("jurisdictions/xb.yaml", include_str!("../../tests/fixtures/good/jurisdictions/xb.yaml"))
/// #   .build()?;
/// let conduct = Conduct::new()
///     .fact("act/access", true)
///     .fact("object/computer-system", true)
///     .fact("circ/without-right", true)
///     .fact("mental/intent", true);
/// let request = DualCriminalityRequest::new("XA", "XB", Procedure::Extradition, conduct)
///     .date("2024-01-01".parse::<Date>()?);
/// let answer = corpus.dual_criminality(&request)?;
/// println!("{answer}");
/// for reason in answer.reasons() {
///     println!("{}. {}", reason.step, reason.detail);
/// }
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct DualCriminalityRequest {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) procedure: Procedure,
    pub(crate) conduct: Conduct,
    pub(crate) date: Date,
    pub(crate) conduct_date: Option<Date>,
    pub(crate) request_date: Option<Date>,
    pub(crate) threshold_months: Option<u32>,
    pub(crate) reading: Reading,
    /// Set by the cooperation layer: the governing basis's rule replaces the instrument's.
    #[serde(skip)]
    pub(crate) basis: Option<BasisRule>,
}

/// The dual-criminality rule of a governing legal basis, as the cooperation layer hands it to this engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BasisRule {
    /// "US–UK Extradition Treaty 2003 Art. 2(1), 2(3)".
    pub label: String,
    /// The rule in words.
    pub note: String,
    /// The smallest maximum that meets the threshold in the requesting state, in months.
    pub from_months: Option<u32>,
    /// The same in the requested state.
    pub to_months: Option<u32>,
    /// The threshold in words.
    pub threshold_text: Option<String>,
}

/// How a conduct's silence is read.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
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
pub enum Reading {
    /// What the conduct does not state is unknown: the answer may depend on it (the default).
    #[default]
    Open,
    /// The conduct is read as stated, as an extradition court reads the conduct a request alleges: what it does not
    /// state (or entail) is taken as absent. The verdict is then settled, and the deciding facts are those that
    /// would change it if the request alleged them.
    AsStated,
}

impl DualCriminalityRequest {
    /// A request from the requesting (issuing) state `from` to the requested (executing) state `to`, dated today.
    #[must_use]
    pub fn new(
        from: &str,
        to: &str,
        procedure: Procedure,
        conduct: Conduct,
    ) -> DualCriminalityRequest {
        DualCriminalityRequest {
            from: from.to_owned(),
            to: to.to_owned(),
            procedure,
            conduct,
            date: Date::today(),
            conduct_date: None,
            request_date: None,
            threshold_months: None,
            reading: Reading::Open,
            basis: None,
        }
    }
    /// Reads the conduct as stated: facts it does not state (or entail) are taken as absent, as a court reads the
    /// conduct a request alleges. See [`Reading::AsStated`].
    #[must_use]
    pub fn as_stated(mut self) -> DualCriminalityRequest {
        self.reading = Reading::AsStated;
        self
    }
    /// The date of the question: both states' law and treaty status as in force on it (unless the dates below are set).
    #[must_use]
    pub fn date(mut self, date: Date) -> DualCriminalityRequest {
        self.date = date;
        self
    }
    /// The date of the conduct: both states' law is taken as in force on it.
    #[must_use]
    pub fn conduct_date(mut self, date: Date) -> DualCriminalityRequest {
        self.conduct_date = Some(date);
        self
    }
    /// The date of the request: treaty status (party, reservations) is taken as on it.
    #[must_use]
    pub fn request_date(mut self, date: Date) -> DualCriminalityRequest {
        self.request_date = Some(date);
        self
    }
    /// A penalty threshold set by a treaty between the parties (Budapest Art. 24(1)(b)), in months.
    #[must_use]
    pub fn threshold_months(mut self, months: u32) -> DualCriminalityRequest {
        self.threshold_months = Some(months);
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
    pub fn procedure(&self) -> Procedure {
        self.procedure
    }
    /// The conduct.
    #[must_use]
    pub fn conduct(&self) -> &Conduct {
        &self.conduct
    }
    /// The date of the question (set with [`Self::date`]; [`Self::new`] sets today).
    #[must_use]
    pub fn on(&self) -> Date {
        self.date
    }
    /// The conduct date, if set apart from the question's date.
    #[must_use]
    pub fn conduct_date_set(&self) -> Option<Date> {
        self.conduct_date
    }
    /// The request date, if set apart from the question's date.
    #[must_use]
    pub fn request_date_set(&self) -> Option<Date> {
        self.request_date
    }
    /// The threshold set by the request, if any.
    #[must_use]
    pub fn threshold(&self) -> Option<u32> {
        self.threshold_months
    }
    /// How the conduct's silence is read.
    #[must_use]
    pub fn reading(&self) -> Reading {
        self.reading
    }
}

/// What one step of the reasoning found.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The step holds.
    Satisfied,
    /// The step fails.
    NotSatisfied,
    /// The step turns on facts not known.
    Depends,
    /// A statement of the rule, a date or a status.
    Info,
}

impl From<Verdict> for Outcome {
    fn from(v: Verdict) -> Outcome {
        match v {
            Verdict::Satisfied => Outcome::Satisfied,
            Verdict::NotSatisfied => Outcome::NotSatisfied,
            Verdict::Depends => Outcome::Depends,
        }
    }
}

/// One step of the reasoning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Reason {
    /// Its place in the order, from 1.
    pub step: usize,
    /// The rule applied, e.g. "Budapest Convention Art. 24(1)(a)".
    pub rule: String,
    /// The state this step concerns.
    pub jurisdiction: Option<JurisdictionCode>,
    /// The provision matched or failed.
    pub provision: Option<ProvisionRef>,
    /// What the step found.
    pub outcome: Outcome,
    /// The step in words.
    pub detail: String,
}

/// An unknown fact that would decide an open answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct DecidingFact {
    /// The element.
    pub element: ElementId,
    /// Its definition.
    pub definition: String,
    /// The verdict if it proves true.
    pub if_true: Verdict,
    /// The verdict if it proves false.
    pub if_false: Verdict,
}

/// One fact and the value it takes in a [`DecidingSet`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct FactValue {
    /// The element.
    pub element: ElementId,
    /// Its definition.
    pub definition: String,
    /// The value that, with the set's other facts, settles the verdict.
    pub value: bool,
}

/// A smallest set of unknown facts whose values settle an open answer: with these values the verdict is
/// `satisfied` or `not_satisfied`, and no smaller part of the set settles it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct DecidingSet {
    /// The facts and their values.
    pub facts: Vec<FactValue>,
    /// The verdict they settle.
    pub verdict: Verdict,
}

/// The answer: a verdict, the reasons in order, and for an open answer the facts that would decide it.
#[derive(Clone, Debug, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct DualCriminalityAnswer {
    pub(crate) verdict: Verdict,
    pub(crate) procedure: Procedure,
    pub(crate) from: JurisdictionCode,
    pub(crate) to: JurisdictionCode,
    pub(crate) rule: String,
    pub(crate) law_date: Date,
    pub(crate) treaty_date: Date,
    pub(crate) reasons: Vec<Reason>,
    pub(crate) deciding_facts: Vec<DecidingFact>,
    pub(crate) deciding_sets: Vec<DecidingSet>,
    pub(crate) reading: Reading,
    pub(crate) warnings: Vec<String>,
}

impl DualCriminalityAnswer {
    /// The verdict.
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }
    /// The steps, in order.
    #[must_use]
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }
    /// The procedure whose rule was applied.
    #[must_use]
    pub fn procedure(&self) -> Procedure {
        self.procedure
    }
    /// The requesting (issuing) state.
    #[must_use]
    pub fn from_state(&self) -> &JurisdictionCode {
        &self.from
    }
    /// The requested (executing) state.
    #[must_use]
    pub fn to_state(&self) -> &JurisdictionCode {
        &self.to
    }
    /// The date whose law was applied (the conduct date, or the request's date).
    #[must_use]
    pub fn law_date(&self) -> Date {
        self.law_date
    }
    /// The date whose treaty status was applied.
    #[must_use]
    pub fn treaty_date(&self) -> Date {
        self.treaty_date
    }
    /// How the conduct's silence was read.
    #[must_use]
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// For `depends`: the smallest sets of unknown facts whose values settle the verdict, smallest first. Each set
    /// leads to `satisfied` or `not_satisfied`; a fact that decides nothing is not listed. For a conduct read as
    /// stated ([`Reading::AsStated`]): the smallest sets of facts the request does not allege that would change
    /// the verdict.
    #[must_use]
    pub fn deciding_sets(&self) -> &[DecidingSet] {
        &self.deciding_sets
    }

    /// The facts that settle an open answer on their own (the sets of one in [`Self::deciding_sets`]), with the
    /// verdict on each branch.
    #[must_use]
    pub fn deciding_facts(&self) -> &[DecidingFact] {
        &self.deciding_facts
    }
    /// The rule applied, e.g. "Budapest Convention Art. 24(1)(a)".
    #[must_use]
    pub fn rule(&self) -> &str {
        &self.rule
    }
    /// Cautions: unverified provisions relied on, a date later than the data's last check.
    #[must_use]
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

impl fmt::Display for DualCriminalityAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::display::dual_text(self))
    }
}
