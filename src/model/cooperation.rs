//! Legal bases for cooperation (treaties and national law) and the nationality rules that bar surrender.
//!
//! These types are the cooperation layer's own: the offense model does not refer to them.

use serde::{Deserialize, Serialize};

use super::{BasisId, InstrumentId, JurisdictionCode, Verification};
use crate::date::Date;

/// What a request asks the requested state to do.
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
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CooperationProcedure {
    /// Extradition, or surrender under an arrest-warrant scheme (EAW, EU–UK TCA).
    Extradition,
    /// Mutual legal assistance: gathering evidence for the requesting state.
    Mla,
    /// Expedited preservation of stored computer data (Budapest Art. 29).
    Preservation,
}

impl CooperationProcedure {
    /// The spelling used in data files, on the command line and in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            CooperationProcedure::Extradition => "extradition",
            CooperationProcedure::Mla => "mla",
            CooperationProcedure::Preservation => "preservation",
        }
    }
    /// Every procedure.
    pub const ALL: [CooperationProcedure; 3] = [
        CooperationProcedure::Extradition,
        CooperationProcedure::Mla,
        CooperationProcedure::Preservation,
    ];
}

impl std::fmt::Display for CooperationProcedure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for CooperationProcedure {
    type Err = String;
    fn from_str(s: &str) -> Result<CooperationProcedure, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "extradition" | "surrender" => Ok(CooperationProcedure::Extradition),
            "mla" => Ok(CooperationProcedure::Mla),
            "preservation" => Ok(CooperationProcedure::Preservation),
            _ => Err(format!(
                "unknown procedure `{s}` (use extradition, mla or preservation)"
            )),
        }
    }
}

/// What kind of basis it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BasisKind {
    /// A treaty or instrument binding several states (Budapest, ETS 24, the EAW Framework Decision).
    Multilateral,
    /// A treaty between two states.
    Bilateral,
    /// The requested state's own law, where no treaty applies (e.g. Japan's Act of Extradition on reciprocity).
    National,
}

/// A state's participation in a basis, for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The state.
    pub state: JurisdictionCode,
    /// The first day the basis applies to it.
    pub from: Date,
    /// The last day it applies (`None`: still applies).
    pub to: Option<Date>,
    /// Why the period starts or ends where it does.
    pub note: Option<String>,
    /// How far the period was confirmed, when less than the basis's (`None`: as the basis).
    pub verification: Option<Verification>,
}

impl Party {
    /// Whether the period covers `date`.
    #[must_use]
    pub fn covers(&self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|t| date <= t)
    }
}

/// Is dual criminality a condition under a basis's terms?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DcRequirement {
    /// Always a condition.
    Required,
    /// A condition only for coercive measures (search, seizure, interception): a request may be refused for them.
    CoerciveOnly,
    /// Not a condition.
    NotRequired,
}

/// How a basis tests dual criminality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Approach {
    /// The conduct must be punishable in both states, whatever its name or category.
    Conduct,
    /// The offense must be on the treaty's list (and punishable in both). The lists are not encoded: the conduct is
    /// tested, and the answer says the list was not checked.
    List,
    /// The European Arrest Warrant's rule (FD 2002/584/JHA Art. 2): listed categories punishable by at least three
    /// years in the issuing state are surrendered without verifying dual criminality.
    EawList,
    /// Budapest Art. 29(3)/(4): preservation without dual criminality, unless reserved.
    Preservation,
}

/// Whether the threshold is "at least" or "more than".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// A maximum of at least the months.
    AtLeast,
    /// A maximum of more than the months.
    MoreThan,
}

/// Where the threshold must be met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdIn {
    /// In both states.
    Both,
    /// In the requesting (issuing) state only.
    Requesting,
}

/// A penalty threshold: the maximum custodial penalty, compared with `months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Threshold {
    /// The months.
    pub months: u32,
    /// At least, or more than.
    pub comparison: Comparison,
    /// In both states or in the requesting state only.
    #[serde(rename = "in")]
    pub applies_in: ThresholdIn,
}

impl Threshold {
    /// The smallest whole number of months that meets it (`more than 12` is `13`).
    #[must_use]
    pub fn min_months(&self) -> u32 {
        match self.comparison {
            Comparison::AtLeast => self.months,
            Comparison::MoreThan => self.months.saturating_add(1),
        }
    }
    /// In words: "more than one year in both states".
    #[must_use]
    pub fn text(&self) -> String {
        let m = crate::query::months_text(Some(self.months)).replace("1 year", "one year");
        format!(
            "a maximum of {} {m} {}",
            match self.comparison {
                Comparison::AtLeast => "at least",
                Comparison::MoreThan => "more than",
            },
            match self.applies_in {
                ThresholdIn::Both => "in both states",
                ThresholdIn::Requesting => "in the requesting state",
            }
        )
    }
}

/// What federal jurisdictional elements (interstate commerce, the mails) count for in the dual-criminality test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionalElements {
    /// The basis says they are disregarded (US–GB 2003 Art. 2(3)(b)).
    Disregarded,
    /// The basis says nothing; the engine disregards them as the vocabulary's authorities say.
    Unspecified,
}

/// The terms of a basis for one procedure, for a period (a protocol or an overlay agreement starts a new period).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// The procedure.
    pub procedure: CooperationProcedure,
    /// First day (`None`: from the basis's start).
    pub from: Option<Date>,
    /// Last day (`None`: open).
    pub to: Option<Date>,
    /// The articles that set them, e.g. `"2(1)"`.
    pub article: String,
    /// Whether dual criminality is a condition.
    pub dual_criminality: DcRequirement,
    /// How it is tested.
    pub approach: Approach,
    /// The penalty threshold, if any.
    pub threshold: Option<Threshold>,
    /// What US federal jurisdictional elements count for.
    pub jurisdictional_elements: JurisdictionalElements,
    /// The rule in words.
    pub note: String,
    /// Where these terms were read, when it is not the basis's source (an amending protocol).
    pub source: Option<String>,
    /// How far these terms were confirmed.
    pub verification: Verification,
}

impl Terms {
    /// Whether the terms apply on `date`.
    #[must_use]
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// A rule that one basis displaces another, with the article that says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supersession {
    /// The basis displaced where both apply.
    pub basis: BasisId,
    /// The article of this basis that says so.
    pub article: String,
    /// In words.
    pub note: String,
}

/// A clause with its article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Clause {
    /// The article.
    pub article: String,
    /// In words.
    pub note: String,
}

/// When an obligation arises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ObligationWhen {
    /// When extradition is refused because the person is a national of the requested state.
    RefusedOnNationality,
}

/// A duty a basis places on the requested state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Obligation {
    /// The basis.
    pub basis: BasisId,
    /// The article.
    pub article: String,
    /// When it arises.
    pub when: ObligationWhen,
    /// The duty, in words.
    pub duty: String,
}

/// A legal basis for cooperation: a treaty or a state's own law, with its parties, dates and terms.
#[derive(Clone, Debug, Serialize)]
pub struct Basis {
    pub(crate) id: BasisId,
    pub(crate) title: String,
    pub(crate) short_title: String,
    pub(crate) kind: BasisKind,
    pub(crate) parties: Vec<Party>,
    pub(crate) parties_from_instrument: Option<InstrumentId>,
    pub(crate) one_side: Option<JurisdictionCode>,
    pub(crate) in_force_by: Option<Date>,
    pub(crate) subsidiary: Option<Clause>,
    pub(crate) supersedes: Vec<Supersession>,
    pub(crate) operates_through_bilateral: Option<Clause>,
    pub(crate) reciprocity: Option<Clause>,
    pub(crate) terms: Vec<Terms>,
    pub(crate) obligations: Vec<Obligation>,
    pub(crate) source: String,
    pub(crate) checked: Date,
    pub(crate) verification: Verification,
    pub(crate) note: Option<String>,
}

impl Basis {
    /// Its id.
    #[must_use]
    pub fn id(&self) -> &BasisId {
        &self.id
    }
    /// Its full title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Its short title.
    #[must_use]
    pub fn short_title(&self) -> &str {
        &self.short_title
    }
    /// Multilateral, bilateral or national.
    #[must_use]
    pub fn kind(&self) -> BasisKind {
        self.kind
    }
    /// The parties among the recorded states, each with its period. For a national basis: the state whose law it is.
    #[must_use]
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }
    /// For an instrument that the data records elsewhere (Budapest): its id; the parties are then the states whose
    /// treaty status says they are bound.
    #[must_use]
    pub fn parties_from_instrument(&self) -> Option<&InstrumentId> {
        self.parties_from_instrument.as_ref()
    }
    /// For an agreement between one state and a group (EU–US): that state. The basis applies only in pairs that
    /// include it.
    #[must_use]
    pub fn one_side(&self) -> Option<&JurisdictionCode> {
        self.one_side.as_ref()
    }
    /// Whether the basis can apply between `a` and `b` at all (an agreement of one state with a group does not apply
    /// between two members of the group).
    #[must_use]
    pub fn joins(&self, a: &JurisdictionCode, b: &JurisdictionCode) -> bool {
        self.one_side.as_ref().is_none_or(|s| s == a || s == b)
    }
    /// For a treaty whose entry into force was not found: a day by which it was in force.
    #[must_use]
    pub fn in_force_by(&self) -> Option<Date> {
        self.in_force_by
    }
    /// The clause that makes it apply only where no other treaty does (Budapest Art. 27(1)).
    #[must_use]
    pub fn subsidiary(&self) -> Option<&Clause> {
        self.subsidiary.as_ref()
    }
    /// The bases it displaces where both apply.
    #[must_use]
    pub fn supersedes(&self) -> &[Supersession] {
        &self.supersedes
    }
    /// For an overlay agreement (EU–US): the clause by which it operates through the bilateral treaties.
    #[must_use]
    pub fn operates_through_bilateral(&self) -> Option<&Clause> {
        self.operates_through_bilateral.as_ref()
    }
    /// For national law: the reciprocity on which it is granted.
    #[must_use]
    pub fn reciprocity(&self) -> Option<&Clause> {
        self.reciprocity.as_ref()
    }
    /// Its terms, per procedure and period.
    #[must_use]
    pub fn terms(&self) -> &[Terms] {
        &self.terms
    }
    /// The terms for `procedure` on `date`.
    #[must_use]
    pub fn terms_on(&self, procedure: CooperationProcedure, date: Date) -> Option<&Terms> {
        self.terms
            .iter()
            .find(|t| t.procedure == procedure && t.covers(date))
    }
    /// The duties it places on the requested state.
    #[must_use]
    pub fn obligations(&self) -> &[Obligation] {
        &self.obligations
    }
    /// Where it was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The day it was read.
    #[must_use]
    pub fn checked(&self) -> Date {
        self.checked
    }
    /// How far it was confirmed.
    #[must_use]
    pub fn verification(&self) -> Verification {
        self.verification
    }
    /// A note.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// How a rule on nationals affects surrender.
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
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BarEffect {
    /// Nationals are not surrendered.
    Absolute,
    /// Nationals are surrendered only if conditions are met (a guarantee of return, the person's consent).
    Conditional,
    /// The requested state may refuse, or may surrender, at its discretion.
    Discretionary,
    /// Nationality is no ground for refusal.
    None,
}

impl BarEffect {
    /// The spelling in data and JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            BarEffect::Absolute => "absolute",
            BarEffect::Conditional => "conditional",
            BarEffect::Discretionary => "discretionary",
            BarEffect::None => "none",
        }
    }
}

/// A state's rule on extraditing or surrendering its own nationals, for a period and (optionally) for some bases.
#[derive(Clone, Debug, Serialize)]
pub struct NationalityRule {
    pub(crate) state: JurisdictionCode,
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
    pub(crate) bases: Vec<BasisId>,
    pub(crate) effect: BarEffect,
    pub(crate) conditions: Option<String>,
    pub(crate) citation: String,
    pub(crate) source: String,
    pub(crate) checked: Date,
    pub(crate) verification: Verification,
    pub(crate) note: Option<String>,
}

impl NationalityRule {
    /// The state whose rule it is.
    #[must_use]
    pub fn state(&self) -> &JurisdictionCode {
        &self.state
    }
    /// Whether it applies on `date` (an open start: from the state's first recorded rule).
    #[must_use]
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
    /// The bases it is limited to (empty: every basis without a rule of its own).
    #[must_use]
    pub fn bases(&self) -> &[BasisId] {
        &self.bases
    }
    /// Its effect.
    #[must_use]
    pub fn effect(&self) -> BarEffect {
        self.effect
    }
    /// For a conditional rule: the conditions, in words.
    #[must_use]
    pub fn conditions(&self) -> Option<&str> {
        self.conditions.as_deref()
    }
    /// The provision, e.g. "Grundgesetz Art. 16(2)".
    #[must_use]
    pub fn citation(&self) -> &str {
        &self.citation
    }
    /// Where it was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// How far it was confirmed.
    #[must_use]
    pub fn verification(&self) -> Verification {
        self.verification
    }
    /// First day, if known.
    #[must_use]
    pub fn from(&self) -> Option<Date> {
        self.from
    }
    /// Last day, if any.
    #[must_use]
    pub fn to(&self) -> Option<Date> {
        self.to
    }
    /// A note.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}
