//! Queries: pure functions of (corpus, request) → answer. Nothing here reads files or mutates the corpus.

pub(crate) mod cooperation;
pub(crate) mod coverage;
pub(crate) mod crosswalk;
mod deciding;
mod display;
pub(crate) mod dual;
mod dual_types;
pub(crate) mod eval;
pub(crate) mod procedural;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;
use crate::model::{ElementId, Offense, OffenseId, OffenseVersion, Verification};

pub use cooperation::{
    Alternative, Applies, Bar, BarKind, BasisRef, CooperationAnswer, CooperationCell,
    CooperationOutcome, CooperationRequest, Execution, MatrixPerson, Nationality, ObligationRef,
};
pub use coverage::{
    Advice, AdviceKind, ArticleCoverage, CoverageReport, CoverageStatus, ExtraElement, ExtraKind,
    Part, VariantCoverage, VariantStatus,
};
pub use crosswalk::{ArticlePair, Crosswalk, Difference, NotEncodedSides, Relation, Unmatched};
pub use dual::{
    DecidingFact, DecidingSet, DualCriminalityAnswer, DualCriminalityRequest, FactValue, Outcome,
    Procedure, Reading, Reason, VerdictMatrix,
};
pub use procedural::{
    ContactRef, PowerRef, ProceduralCoverage, RequirementCoverage, RequirementStatus,
};

/// A question the corpus cannot answer as asked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// No state with that code in the corpus.
    #[error("unknown jurisdiction `{code}`{}{}", hint_suffix(.suggestion), note_suffix(.note))]
    UnknownJurisdiction {
        /// As asked.
        code: String,
        /// A close match, if any: the United Kingdom for `UK`, Germany for `germany` or `Germny`.
        suggestion: Option<Suggestion>,
        /// Why there is no match, where that helps (a real state code the data has no records for).
        note: Option<String>,
    },
    /// No instrument with that id.
    #[error("unknown instrument `{id}`{}", hint_suffix(.suggestion))]
    UnknownInstrument {
        /// As asked.
        id: String,
        /// A close match, if any.
        suggestion: Option<Suggestion>,
    },
    /// No offense with that id.
    #[error("unknown offense `{id}`{}", hint_suffix(.suggestion))]
    UnknownOffense {
        /// As asked.
        id: String,
        /// A close match, if any.
        suggestion: Option<Suggestion>,
    },
    /// No element with that id.
    #[error("unknown element `{id}`{}", hint_suffix(.suggestion))]
    UnknownElement {
        /// As asked.
        id: String,
        /// A close match, if any.
        suggestion: Option<Suggestion>,
    },
    /// The instrument has no such article.
    #[error("`{instrument}` has no article `{article}`{}", hint_suffix(.suggestion))]
    UnknownArticle {
        /// The instrument.
        instrument: String,
        /// As asked.
        article: String,
        /// A close match, if any.
        suggestion: Option<Suggestion>,
    },
    /// A fact is given as both true and false (directly or through the taxonomy).
    #[error("the facts contradict each other on `{element}`: it is implied true and known false")]
    ContradictoryFacts {
        /// The element known both ways.
        element: String,
    },
    /// The offense had no version in force on the date.
    #[error("offense `{id}` was not in force on {date}")]
    NotInForce {
        /// The offense.
        id: String,
        /// The date asked.
        date: Date,
    },
    /// No instrument in the corpus carries the rule the procedure needs.
    #[error("no instrument in the data defines the rule for `{procedure}`")]
    NoRule {
        /// The procedure.
        procedure: String,
    },
    /// The date is before the state's records begin: the data cannot say what its law was then.
    #[error("the data for `{jurisdiction}` begins on {earliest}; it cannot answer for {date}")]
    BeforeData {
        /// The state.
        jurisdiction: String,
        /// The date asked.
        date: Date,
        /// The first day any of its offense records covers.
        earliest: Date,
    },
    /// The requesting and the requested state are the same.
    #[error("`{code}` cannot make a request to itself: give two different states")]
    SameState {
        /// The state.
        code: String,
    },
    /// A nationality that is not an ISO 3166-1 alpha-2 code.
    #[error("unknown nationality `{code}`: give an ISO 3166-1 alpha-2 code such as `DE` or `GB`")]
    UnknownNationality {
        /// As given.
        code: String,
    },
    /// The instrument is a list of offense categories for surrender (the European Arrest Warrant), not a treaty
    /// whose offense articles a state implements: coverage of it would mean nothing.
    #[error(
        "`{instrument}` lists categories of offenses for surrender, not articles a state implements: ask dual criminality with the procedure `eaw` instead"
    )]
    NotImplementable {
        /// The instrument asked for.
        instrument: String,
    },
    /// The conduct has no fact known true.
    #[error("the conduct has no fact known true: say at least what was done (an act)")]
    EmptyConduct,
}

fn hint_suffix(h: &Option<Suggestion>) -> String {
    h.as_ref().map(|h| format!(" ({h})")).unwrap_or_default()
}

fn note_suffix(n: &Option<String>) -> String {
    n.as_ref().map(|n| format!(" ({n})")).unwrap_or_default()
}

/// A structured "did you mean": the id to use and its words, so that a product can render "Did you mean the
/// United Kingdom (GB)?" without parsing prose.
///
/// ```
/// use cyberlex::{Corpus, QueryError};
/// match Corpus::builtin().jurisdiction("UK") {
///     Err(QueryError::UnknownJurisdiction { suggestion: Some(s), .. }) => {
///         assert_eq!(s.id, "GB");
///         assert_eq!(s.label, "United Kingdom");
///         assert_eq!(s.to_string(), "did you mean United Kingdom (`GB`)?");
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Suggestion {
    /// The id to use instead: a state code, an offense, element or instrument id, an article number.
    pub id: String,
    /// What it is, in words: a state's name, an offense's citation and title, an element's definition, an
    /// instrument's short title, an article's heading.
    pub label: String,
}

impl Suggestion {
    pub(crate) fn new(id: impl Into<String>, label: impl Into<String>) -> Suggestion {
        Suggestion {
            id: id.into(),
            label: label.into(),
        }
    }
}

impl std::fmt::Display for Suggestion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.label.is_empty() || self.label == self.id {
            write!(f, "did you mean `{}`?", self.id)
        } else {
            write!(f, "did you mean {} (`{}`)?", self.label, self.id)
        }
    }
}

/// Three-valued truth: a fact or an answer may be known true, known false, or open.
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
pub enum Verdict {
    /// Known to hold.
    Satisfied,
    /// Known not to hold.
    NotSatisfied,
    /// Depends on facts not yet known; see the answer's deciding facts.
    Depends,
}

impl Verdict {
    /// The spelling used in JSON and CSV.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Satisfied => "satisfied",
            Verdict::NotSatisfied => "not_satisfied",
            Verdict::Depends => "depends",
        }
    }
}

/// A conduct: facts over the element vocabulary, each known true or known false; any element not mentioned is
/// unknown.
///
/// ```
/// use cyberlex::Conduct;
/// let c = Conduct::new()
///     .fact("act/access", true)
///     .fact("object/computer-system", true)
///     .fact("circ/security-measure-infringed", false);
/// assert_eq!(c.facts().count(), 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Conduct {
    pub(crate) facts: BTreeMap<ElementId, bool>,
    /// When taken from an offense with several acts: exactly one of these was done, which one is unknown.
    pub(crate) one_of_acts: Vec<ElementId>,
    pub(crate) from_offense: Option<OffenseId>,
}

impl Conduct {
    /// An empty conduct.
    #[must_use]
    pub fn new() -> Conduct {
        Conduct::default()
    }

    /// Adds a fact (checked against the vocabulary when the conduct is used). A later fact on the same element
    /// replaces the earlier one.
    #[must_use]
    pub fn fact(mut self, element: &str, known: bool) -> Conduct {
        self.facts.insert(ElementId(element.to_owned()), known);
        self
    }

    /// The facts, element and truth.
    pub fn facts(&self) -> impl Iterator<Item = (&ElementId, bool)> {
        self.facts.iter().map(|(k, v)| (k, *v))
    }

    /// The offense this conduct was read from, for an in-abstracto conduct.
    #[must_use]
    pub fn from_offense_id(&self) -> Option<&OffenseId> {
        self.from_offense.as_ref()
    }

    /// The in-abstracto reading of an offense: the elements of the version in force on `date` known true,
    /// everything else unknown. Where the offense lists several acts, the conduct is one of them, unknown which;
    /// of each `requires_one_of` group, the first member is taken as true (one way of committing it).
    ///
    /// # Errors
    /// [`QueryError::UnknownOffense`], or [`QueryError::NotInForce`] when no version was in force on `date`.
    pub fn from_offense(
        corpus: &crate::Corpus,
        id: &str,
        date: Date,
    ) -> Result<Conduct, QueryError> {
        let o = corpus.offense(id)?;
        let v = o.version_on(date).ok_or_else(|| QueryError::NotInForce {
            id: id.to_owned(),
            date,
        })?;
        let mut c = Conduct {
            from_offense: Some(o.id.clone()),
            ..Conduct::default()
        };
        for r in &v.requires {
            c.facts.insert(r.clone(), true);
        }
        // Of each group of alternatives, the first: one way of committing the offense.
        for g in &v.requires_one_of {
            if let Some(r) = g.first() {
                c.facts.insert(r.clone(), true);
            }
        }
        if let [a] = v.acts.as_slice() {
            c.facts.insert(a.clone(), true);
        } else {
            c.one_of_acts = v.acts.clone();
        }
        Ok(c)
    }
}

/// A national provision cited in an answer, with what a lawyer needs to check it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct ProvisionRef {
    /// The offense id.
    pub offense: OffenseId,
    /// The official citation.
    pub citation: String,
    /// The English title.
    pub title: String,
    /// The address of the text read.
    pub source: String,
    /// The day it was checked.
    pub checked: Date,
    /// How far it was confirmed.
    pub verification: Verification,
    /// The version's first day in force (`None`: before the records begin).
    pub in_force_from: Option<Date>,
    /// The version's last day in force (`None`: still in force).
    pub in_force_to: Option<Date>,
    /// Basic maximum custodial penalty, months.
    pub max_months: Option<u32>,
    /// Highest aggravated maximum, months.
    pub max_months_aggravated: Option<u32>,
    /// Whether the penalty is that of the principal offense (attempt, aiding, intent to commit another offense).
    pub penalty_follows_principal: bool,
}

impl ProvisionRef {
    pub(crate) fn new(o: &Offense, v: &OffenseVersion) -> ProvisionRef {
        ProvisionRef {
            offense: o.id.clone(),
            citation: o.citation.clone(),
            title: o.title.en.clone(),
            source: o.source.clone(),
            checked: o.checked,
            verification: o.verification,
            in_force_from: v.from,
            in_force_to: v.to,
            max_months: v.penalty.max_months,
            max_months_aggravated: v.penalty.max_months_aggravated(),
            penalty_follows_principal: v.penalty.follows_principal,
        }
    }
}

/// Months as a lawyer reads them: "2 years", "18 months", "life (recorded as 1200 months)".
#[must_use]
pub fn months_text(m: Option<u32>) -> String {
    match m {
        None => "no custodial penalty".into(),
        Some(1200) => "life imprisonment".into(),
        Some(m) if m % 12 == 0 => {
            let y = m / 12;
            format!("{y} year{}", if y == 1 { "" } else { "s" })
        }
        Some(m) => format!("{m} months"),
    }
}

/// Any answer the library gives, for its JSON Schema: a coverage report, a dual-criminality answer, or a
/// cooperation answer.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code, clippy::large_enum_variant)] // never built: it only describes the JSON
pub(crate) enum AnyAnswer {
    Coverage(CoverageReport),
    DualCriminality(DualCriminalityAnswer),
    Cooperation(CooperationAnswer),
}
