//! Procedural powers and channels: what an instrument's procedural articles require (Budapest Arts. 16–21, 29, 30,
//! 35) and the national powers, points of contact and central authorities that meet them.
//!
//! These are a small shape of their own, not offense elements: a power is rated by the requirement paragraphs it
//! meets, whether it binds the person it is addressed to, and how long it keeps data, not by conduct and mental state.

use serde::{Deserialize, Serialize};

use super::{JurisdictionCode, Verification};
use crate::date::Date;

/// One procedural article of an instrument, with the paragraphs a state's powers must meet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProceduralArticle {
    pub(crate) article: String,
    pub(crate) title: String,
    pub(crate) requirements: Vec<Requirement>,
    /// Reservation paragraphs that may limit the article (Art. 14(3) for Arts. 20 and 21; 29(4) for Art. 29).
    pub(crate) limited_by: Vec<String>,
    /// Where the article may be met through general powers (search, seizure, production) in place of a dedicated
    /// one: the authority that says so (Art. 16: Explanatory Report para. 160).
    pub(crate) general_means: Option<String>,
    /// The channel that meets the article by itself (Art. 35: a 24/7 point of contact).
    pub(crate) met_by_contact: Option<ContactRole>,
    pub(crate) note: Option<String>,
    pub(crate) source: String,
}

impl ProceduralArticle {
    /// The article number, e.g. `"16"`.
    #[must_use]
    pub fn article(&self) -> &str {
        &self.article
    }
    /// Its heading.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
    /// The paragraphs a state's powers must meet.
    #[must_use]
    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }
    /// Reservation paragraphs that may limit the article.
    #[must_use]
    pub fn limited_by(&self) -> &[String] {
        &self.limited_by
    }
    /// The authority allowing general powers in place of a dedicated one, if any.
    #[must_use]
    pub fn general_means(&self) -> Option<&str> {
        self.general_means.as_deref()
    }
    /// The contact that meets the article by itself, if any (Art. 35).
    #[must_use]
    pub fn met_by_contact(&self) -> Option<ContactRole> {
        self.met_by_contact
    }
}

/// One paragraph of a procedural article that a power must meet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub(crate) paragraph: String,
    pub(crate) text: String,
    /// The power must bind the person addressed (an order, not a request without sanction).
    pub(crate) binding: bool,
    /// The power must keep data for at least this many days, counting renewals.
    pub(crate) min_days: Option<u32>,
    /// Applies only where the state meets the article by an order to a person, not through general powers.
    pub(crate) only_for_orders: bool,
}

impl Requirement {
    /// The paragraph, e.g. `"16(2)"`.
    #[must_use]
    pub fn paragraph(&self) -> &str {
        &self.paragraph
    }
    /// What the paragraph asks, in words.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Whether the power must bind the person addressed.
    #[must_use]
    pub fn binding(&self) -> bool {
        self.binding
    }
    /// The least number of days the power must be able to keep data, if the paragraph sets one.
    #[must_use]
    pub fn min_days(&self) -> Option<u32> {
        self.min_days
    }
    /// Whether the paragraph applies only where the state meets the article by an order to a person.
    #[must_use]
    pub fn only_for_orders(&self) -> bool {
        self.only_for_orders
    }
}

/// The role of a point of contact or central authority.
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
pub enum ContactRole {
    /// The 24/7 point of contact (Budapest Art. 35).
    #[serde(rename = "point_24_7")]
    Point247,
    /// The central authority for mutual assistance requests (Budapest Art. 27(2)).
    CentralAuthorityMla,
    /// The authority for extradition and provisional arrest where there is no treaty (Budapest Art. 24(7)).
    CentralAuthorityExtradition,
}

impl ContactRole {
    /// The spelling used in data files and JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ContactRole::Point247 => "point_24_7",
            ContactRole::CentralAuthorityMla => "central_authority_mla",
            ContactRole::CentralAuthorityExtradition => "central_authority_extradition",
        }
    }
    /// The article that provides for the role.
    #[must_use]
    pub fn article(self) -> &'static str {
        match self {
            ContactRole::Point247 => "35",
            ContactRole::CentralAuthorityMla => "27(2)",
            ContactRole::CentralAuthorityExtradition => "24(7)",
        }
    }
    /// The role in words.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ContactRole::Point247 => "24/7 point of contact",
            ContactRole::CentralAuthorityMla => "central authority for mutual assistance",
            ContactRole::CentralAuthorityExtradition => "authority for extradition",
        }
    }
}

/// A state's procedural records: powers, contacts, and what the data leaves out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Powers {
    pub(crate) state: JurisdictionCode,
    pub(crate) records_complete_from: Option<Date>,
    pub(crate) not_assessed: Vec<NotAssessedEntry>,
    pub(crate) lacks: Vec<Lack>,
    pub(crate) contacts: Vec<Contact>,
    pub(crate) powers: Vec<Power>,
}

impl Powers {
    /// The state.
    #[must_use]
    pub fn state(&self) -> &JurisdictionCode {
        &self.state
    }
    /// The first day the records are complete, if declared.
    #[must_use]
    pub fn records_complete_from(&self) -> Option<Date> {
        self.records_complete_from
    }
    /// Articles or paragraphs the data leaves out, with the reason.
    #[must_use]
    pub fn not_assessed(&self) -> &[NotAssessedEntry] {
        &self.not_assessed
    }
    /// Why an article or paragraph is left out on a date, if it is.
    #[must_use]
    pub fn not_assessed_on(&self, target: &str, date: Date) -> Option<&str> {
        self.not_assessed
            .iter()
            .find(|n| {
                n.target == target
                    && n.from.is_none_or(|f| f <= date)
                    && n.to.is_none_or(|t| date <= t)
            })
            .map(|n| n.reason.as_str())
    }
    /// Paragraphs the law is known to lack, with the authority.
    #[must_use]
    pub fn lacks(&self) -> &[Lack] {
        &self.lacks
    }
    /// Points of contact and central authorities.
    #[must_use]
    pub fn contacts(&self) -> &[Contact] {
        &self.contacts
    }
    /// The powers.
    #[must_use]
    pub fn powers(&self) -> &[Power] {
        &self.powers
    }
    /// The contact with this role on a date, if recorded.
    #[must_use]
    pub fn contact(&self, role: ContactRole, date: Date) -> Option<&Contact> {
        self.contacts
            .iter()
            .find(|c| c.role == role && c.in_force(date))
    }
}

/// An article or paragraph the data leaves out (between two dates, or always), and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotAssessedEntry {
    pub(crate) target: String,
    pub(crate) reason: String,
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
}

impl NotAssessedEntry {
    /// The article (`"20"`) or paragraph (`"19(4)"`).
    #[must_use]
    pub fn target(&self) -> &str {
        &self.target
    }
    /// Why.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A paragraph the state's law is known to lack, with the authority that says so, between two dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lack {
    pub(crate) paragraph: String,
    pub(crate) reason: String,
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
    pub(crate) source: String,
    pub(crate) checked: Date,
    pub(crate) verification: Verification,
}

impl Lack {
    /// The paragraph.
    #[must_use]
    pub fn paragraph(&self) -> &str {
        &self.paragraph
    }
    /// What the law lacks, and who says so.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
    /// Whether it holds on a date.
    #[must_use]
    pub fn in_force(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
    /// Where the authority was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// How sure the record is.
    #[must_use]
    pub fn verification(&self) -> Verification {
        self.verification
    }
}

/// A point of contact or central authority: a body, never a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub(crate) role: ContactRole,
    pub(crate) body: String,
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
    pub(crate) note: Option<String>,
    pub(crate) source: String,
    pub(crate) checked: Date,
    pub(crate) verification: Verification,
}

impl Contact {
    /// Its role.
    #[must_use]
    pub fn role(&self) -> ContactRole {
        self.role
    }
    /// The body's name.
    #[must_use]
    pub fn body(&self) -> &str {
        &self.body
    }
    /// Whether the designation holds on a date.
    #[must_use]
    pub fn in_force(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
    /// A note, if any.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
    /// Where the designation was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The day it was checked.
    #[must_use]
    pub fn checked(&self) -> Date {
        self.checked
    }
    /// How sure the record is.
    #[must_use]
    pub fn verification(&self) -> Verification {
        self.verification
    }
}

/// A national procedural power, with its dated versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Power {
    pub(crate) id: String,
    pub(crate) citation: String,
    pub(crate) title: String,
    /// A general power (search, seizure, production) used where the state has no dedicated one.
    pub(crate) general: bool,
    pub(crate) versions: Vec<PowerVersion>,
}

impl Power {
    /// Its id, e.g. `nl/sv-126ni`.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The citation, e.g. "Wetboek van Strafvordering, art. 126ni".
    #[must_use]
    pub fn citation(&self) -> &str {
        &self.citation
    }
    /// What it is, in words.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Whether it is a general power used in place of a dedicated one.
    #[must_use]
    pub fn general(&self) -> bool {
        self.general
    }
    /// Its versions, oldest first.
    #[must_use]
    pub fn versions(&self) -> &[PowerVersion] {
        &self.versions
    }
    /// The version in force on a date, if any.
    #[must_use]
    pub fn version_on(&self, date: Date) -> Option<&PowerVersion> {
        self.versions.iter().find(|v| v.in_force(date))
    }
}

/// One version of a power: what it meets and on what conditions, between two dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PowerVersion {
    pub(crate) from: Date,
    pub(crate) to: Option<Date>,
    pub(crate) provides: Vec<String>,
    pub(crate) binding: bool,
    pub(crate) ordered_by: String,
    pub(crate) threshold: Option<String>,
    pub(crate) offenses: Option<String>,
    pub(crate) period: Option<PowerPeriod>,
    pub(crate) no_time_limit: bool,
    pub(crate) note: Option<String>,
    pub(crate) source: String,
    pub(crate) checked: Date,
    pub(crate) verification: Verification,
}

impl PowerVersion {
    /// The first day in force.
    #[must_use]
    pub fn from(&self) -> Date {
        self.from
    }
    /// The last day in force, if it ended.
    #[must_use]
    pub fn to(&self) -> Option<Date> {
        self.to
    }
    /// Whether the version is in force on a date.
    #[must_use]
    pub fn in_force(&self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|t| date <= t)
    }
    /// The requirement paragraphs it meets.
    #[must_use]
    pub fn provides(&self) -> &[String] {
        &self.provides
    }
    /// Whether it binds the person addressed.
    #[must_use]
    pub fn binding(&self) -> bool {
        self.binding
    }
    /// Who orders it.
    #[must_use]
    pub fn ordered_by(&self) -> &str {
        &self.ordered_by
    }
    /// The suspicion or other threshold, if recorded.
    #[must_use]
    pub fn threshold(&self) -> Option<&str> {
        self.threshold.as_deref()
    }
    /// The offenses it may be used for, if limited.
    #[must_use]
    pub fn offenses(&self) -> Option<&str> {
        self.offenses.as_deref()
    }
    /// How long it keeps data, if recorded.
    #[must_use]
    pub fn period(&self) -> Option<&PowerPeriod> {
        self.period.as_ref()
    }
    /// Whether the measure lasts until lifted, the law setting no period (a seizure).
    #[must_use]
    pub fn no_time_limit(&self) -> bool {
        self.no_time_limit
    }
    /// A note, if any.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
    /// Where it was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The day it was checked.
    #[must_use]
    pub fn checked(&self) -> Date {
        self.checked
    }
    /// How sure the record is.
    #[must_use]
    pub fn verification(&self) -> Verification {
        self.verification
    }
}

/// A unit of time in a power's period.
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
pub enum PeriodUnit {
    /// Days.
    Days,
    /// Weeks (7 days).
    Weeks,
    /// Months, counted as 30 days when compared with a number of days.
    Months,
    /// Years, counted as 365 days.
    Years,
}

impl PeriodUnit {
    fn days(self) -> u32 {
        match self {
            PeriodUnit::Days => 1,
            PeriodUnit::Weeks => 7,
            PeriodUnit::Months => 30,
            PeriodUnit::Years => 365,
        }
    }
    fn word(self, n: u32) -> &'static str {
        match (self, n == 1) {
            (PeriodUnit::Days, true) => "day",
            (PeriodUnit::Days, false) => "days",
            (PeriodUnit::Weeks, true) => "week",
            (PeriodUnit::Weeks, false) => "weeks",
            (PeriodUnit::Months, true) => "month",
            (PeriodUnit::Months, false) => "months",
            (PeriodUnit::Years, true) => "year",
            (PeriodUnit::Years, false) => "years",
        }
    }
}

/// A length of time: a number and a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// How many units.
    pub length: u32,
    /// The unit.
    pub unit: PeriodUnit,
}

impl Span {
    /// In days (a month counts 30, a year 365).
    #[must_use]
    pub fn days(self) -> u32 {
        self.length.saturating_mul(self.unit.days())
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.length, self.unit.word(self.length))
    }
}

/// How long a power keeps data, and whether it can be renewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PowerPeriod {
    pub(crate) span: Span,
    pub(crate) renewable: bool,
    pub(crate) max_total: Option<Span>,
}

impl PowerPeriod {
    /// One order's length.
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }
    /// Whether it can be renewed.
    #[must_use]
    pub fn renewable(&self) -> bool {
        self.renewable
    }
    /// The cap on renewals, if any.
    #[must_use]
    pub fn max_total(&self) -> Option<Span> {
        self.max_total
    }
    /// The longest the data can be kept, in days: unbounded (`None`) when renewable without a cap.
    #[must_use]
    pub fn longest_days(&self) -> Option<u32> {
        match (self.renewable, self.max_total) {
            (_, Some(m)) => Some(m.days()),
            (true, None) => None,
            (false, None) => Some(self.span.days()),
        }
    }
}

impl std::fmt::Display for PowerPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.span)?;
        match (self.renewable, self.max_total) {
            (true, Some(m)) => write!(f, ", renewable up to {m} in all"),
            (true, None) => write!(f, ", renewable"),
            (false, _) => write!(f, ", not renewable"),
        }
    }
}
