//! Validated, immutable domain types. Nothing here reads files; [`crate::load`] builds these.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;

mod cooperation;
mod procedural;
pub use cooperation::*;
pub use procedural::*;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub(crate) String);

        impl $name {
            /// The id as written in the data.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        /// Maps keyed by the id can be searched with a `&str` (equality, order and hash are those of the text).
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// An element of the vocabulary, `KIND/NAME`, e.g. `act/access`.
    ElementId
);
id_type!(
    /// A state's ISO 3166-1 alpha-2 code, upper case, e.g. `DE`.
    JurisdictionCode
);
id_type!(
    /// A national offense, `<cc>/<slug>`, e.g. `de/stgb-202a`.
    OffenseId
);
id_type!(
    /// An instrument (treaty, framework decision, list), the stem of its file, e.g. `budapest`.
    InstrumentId
);
id_type!(
    /// A legal basis for cooperation (a treaty between states, or a state's own law), the stem of its file under
    /// `bases/`, e.g. `us-gb-2003`.
    BasisId
);

impl ElementId {
    /// Parses an element id, checking only its shape (`KIND/NAME`).
    ///
    /// # Errors
    /// When the kind is unknown or the name is not lower-case letters, digits and hyphens.
    pub fn parse(s: &str) -> Result<ElementId, String> {
        let Some((kind, name)) = s.split_once('/') else {
            return Err(format!("`{s}` is not of the form KIND/NAME"));
        };
        if ElementKind::from_prefix(kind).is_none() {
            return Err(format!(
                "`{kind}` is not an element kind (act, object, mental, circ, result)"
            ));
        }
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(format!(
                "`{s}`: the name must be lower-case letters, digits and hyphens"
            ));
        }
        Ok(ElementId(s.to_owned()))
    }

    /// The kind, read from the prefix.
    #[must_use]
    pub fn kind(&self) -> ElementKind {
        self.0
            .split_once('/')
            .and_then(|(k, _)| ElementKind::from_prefix(k))
            .unwrap_or(ElementKind::Circumstance)
    }
}

impl JurisdictionCode {
    /// Parses a two-letter code in either case; stores it upper case.
    ///
    /// # Errors
    /// When the code is not two ASCII letters.
    pub fn parse(s: &str) -> Result<JurisdictionCode, String> {
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
            Ok(JurisdictionCode(s.to_ascii_uppercase()))
        } else {
            Err(format!(
                "`{s}` is not an ISO 3166-1 alpha-2 code (two letters)"
            ))
        }
    }
}

impl OffenseId {
    /// Wraps an offense id as written in the data (no check; look it up with [`crate::Corpus::offense`]).
    #[must_use]
    pub fn new(s: &str) -> OffenseId {
        OffenseId(s.to_owned())
    }
}

impl InstrumentId {
    /// Wraps an instrument id (no check; look it up with [`crate::Corpus::instrument`]).
    #[must_use]
    pub fn new(s: &str) -> InstrumentId {
        InstrumentId(s.to_owned())
    }
}

/// The five kinds of element.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    /// The conduct: access, intercept, delete data, ...
    Act,
    /// What the conduct is done to: a computer system, computer data, ...
    Object,
    /// The mental state: intent, knowledge, a specific intent, ...
    Mental,
    /// A circumstance: without right, by infringing a security measure, ...
    Circumstance,
    /// A result: serious harm, loss of property, ...
    Result,
}

impl ElementKind {
    /// The kind named by an id prefix (`act`, `object`, `mental`, `circ`, `result`).
    #[must_use]
    pub fn from_prefix(p: &str) -> Option<ElementKind> {
        Some(match p {
            "act" => ElementKind::Act,
            "object" => ElementKind::Object,
            "mental" => ElementKind::Mental,
            "circ" => ElementKind::Circumstance,
            "result" => ElementKind::Result,
            _ => return None,
        })
    }
}

/// One element of the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Element {
    pub(crate) id: ElementId,
    pub(crate) definition: String,
    pub(crate) broader: Vec<ElementId>,
    pub(crate) defined_by: Option<JurisdictionCode>,
    pub(crate) authority: Option<String>,
    pub(crate) implies: Vec<Implication>,
    pub(crate) jurisdictional: bool,
    pub(crate) national_reading: bool,
}

/// Elements that together exhaust another: whenever `element` holds, one of the `cases` holds. Offenses that each
/// reach one case together cover conduct that needs only `element`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Partition {
    pub(crate) element: ElementId,
    pub(crate) cases: Vec<ElementId>,
    pub(crate) authority: String,
    pub(crate) defined_by: Option<JurisdictionCode>,
}

impl Partition {
    /// The element exhausted.
    #[must_use]
    pub fn element(&self) -> &ElementId {
        &self.element
    }
    /// The cases that exhaust it.
    #[must_use]
    pub fn cases(&self) -> &[ElementId] {
        &self.cases
    }
    /// The authority the partition rests on.
    #[must_use]
    pub fn authority(&self) -> &str {
        &self.authority
    }
    /// The state whose file declares it, if any.
    #[must_use]
    pub fn defined_by(&self) -> Option<&JurisdictionCode> {
        self.defined_by.as_ref()
    }
}

/// An implication across kinds: whoever does or shows the element also shows `element` (an act implies its object;
/// a result implies an act), with the authority it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Implication {
    pub(crate) element: ElementId,
    pub(crate) authority: String,
}

impl Implication {
    /// The element implied.
    #[must_use]
    pub fn element(&self) -> &ElementId {
        &self.element
    }
    /// The authority the implication rests on.
    #[must_use]
    pub fn authority(&self) -> &str {
        &self.authority
    }
}

impl Element {
    /// Its id.
    #[must_use]
    pub fn id(&self) -> &ElementId {
        &self.id
    }
    /// Its one-line definition.
    #[must_use]
    pub fn definition(&self) -> &str {
        &self.definition
    }
    /// The definition up to its first semicolon or parenthesis: words short enough for a hint or a table.
    #[must_use]
    pub fn short_definition(&self) -> &str {
        let end = self
            .definition
            .find(['(', ';'])
            .unwrap_or(self.definition.len());
        self.definition[..end].trim_end_matches([' ', ',', ':'])
    }
    /// The elements it is directly a special case of.
    #[must_use]
    pub fn broader(&self) -> &[ElementId] {
        &self.broader
    }
    /// The state whose file defines it, for national elements; `None` for the shared vocabulary.
    #[must_use]
    pub fn defined_by(&self) -> Option<&JurisdictionCode> {
        self.defined_by.as_ref()
    }
    /// The authority its `broader` links rest on, if recorded.
    #[must_use]
    pub fn authority(&self) -> Option<&str> {
        self.authority.as_deref()
    }
    /// What it implies across kinds, each with its authority.
    #[must_use]
    pub fn implies(&self) -> &[Implication] {
        &self.implies
    }
    /// Whether it is a jurisdictional hook (federal competence and the like), disregarded by coverage and dual
    /// criminality: only its broader, substantive elements count.
    #[must_use]
    pub fn is_jurisdictional(&self) -> bool {
        self.jurisdictional
    }
    /// Whether it is a state's own reading of a term the instrument leaves to national law (the criteria of
    /// "serious" in Budapest Art. 5, for instance): it counts as the broader elements it reads.
    #[must_use]
    pub fn is_national_reading(&self) -> bool {
        self.national_reading
    }
    /// Whether coverage and dual criminality count it as its broader elements: a jurisdictional hook or a
    /// national reading.
    #[must_use]
    pub fn counts_as_broader(&self) -> bool {
        self.jurisdictional || self.national_reading
    }
}

/// How far a record was confirmed.
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
#[serde(rename_all = "kebab-case")]
pub enum Verification {
    /// Read in the official text at the recorded source.
    OfficialText,
    /// Read in a reliable secondary source.
    Secondary,
    /// Not confirmed in any source read; reports flag it.
    Unverified,
}

impl Verification {
    /// The spelling used in data files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verification::OfficialText => "official-text",
            Verification::Secondary => "secondary",
            Verification::Unverified => "unverified",
        }
    }
}

/// A state's legal family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalFamily {
    /// Civil law.
    Civil,
    /// Common law.
    Common,
    /// A mixed system.
    Mixed,
    /// Anything else.
    Other,
}

/// A treaty, framework decision or list whose provisions are written in elements.
#[derive(Clone, Debug, Serialize)]
pub struct Instrument {
    pub(crate) id: InstrumentId,
    pub(crate) title: String,
    pub(crate) short_title: String,
    pub(crate) reference: Option<String>,
    pub(crate) opened: Option<Date>,
    pub(crate) in_force: Option<Date>,
    pub(crate) source: String,
    pub(crate) checked: Date,
    pub(crate) verification: Verification,
    pub(crate) articles: Vec<Article>,
    pub(crate) declarable: Vec<Declarable>,
    pub(crate) reservable: Vec<Reservable>,
    pub(crate) cooperation: Cooperation,
    pub(crate) not_encoded: Vec<NotEncoded>,
    pub(crate) procedural: Vec<ProceduralArticle>,
}

/// A provision of an instrument that the data does not encode, and why: answers about the instrument say so
/// rather than let an absence pass for a gap in national law.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NotEncoded {
    pub(crate) provision: String,
    pub(crate) reason: String,
}

impl NotEncoded {
    /// The provision, as a reader would name it, e.g. "Art. 16 (non-consensual dissemination of intimate images)".
    #[must_use]
    pub fn provision(&self) -> &str {
        &self.provision
    }
    /// Why it is not encoded.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl Instrument {
    /// Provisions the data does not encode, with the reason (empty when the file encodes everything it covers).
    #[must_use]
    pub fn not_encoded(&self) -> &[NotEncoded] {
        &self.not_encoded
    }
    /// Its procedural articles (powers and channels), rated against each state's `powers/<cc>.yaml`.
    #[must_use]
    pub fn procedural(&self) -> &[ProceduralArticle] {
        &self.procedural
    }
    /// Its id (the file stem).
    #[must_use]
    pub fn id(&self) -> &InstrumentId {
        &self.id
    }
    /// Its full title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Its short title, e.g. "Budapest Convention".
    #[must_use]
    pub fn short_title(&self) -> &str {
        &self.short_title
    }
    /// Its official reference, e.g. "ETS No. 185".
    #[must_use]
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }
    /// Where its text was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Its offense articles, in the order of the file.
    #[must_use]
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }
    /// The article numbered `number`, e.g. `"2"`.
    #[must_use]
    pub fn article(&self, number: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.number == number)
    }
    /// Paragraphs under which a Party may require further elements by declaration.
    #[must_use]
    pub fn declarable(&self) -> &[Declarable] {
        &self.declarable
    }
    /// Paragraphs a Party may reserve.
    #[must_use]
    pub fn reservable(&self) -> &[Reservable] {
        &self.reservable
    }
    /// Its cooperation rules.
    #[must_use]
    pub fn cooperation(&self) -> &Cooperation {
        &self.cooperation
    }
    /// The date it entered into force, where recorded.
    #[must_use]
    pub fn in_force(&self) -> Option<Date> {
        self.in_force
    }
}

/// An offense article (or list category) of an instrument.
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    pub(crate) number: String,
    pub(crate) title: String,
    pub(crate) source: String,
    pub(crate) custodial_required: bool,
    pub(crate) min_max_months: Option<u32>,
    pub(crate) note: Option<String>,
    pub(crate) variants: Vec<Variant>,
}

impl Article {
    /// The number as the instrument writes it, e.g. `"2"` or `"6"`.
    #[must_use]
    pub fn number(&self) -> &str {
        &self.number
    }
    /// Its heading.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Where its text was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Whether the instrument requires a custodial penalty for it (Budapest Art. 13).
    #[must_use]
    pub fn custodial_required(&self) -> bool {
        self.custodial_required
    }
    /// The lowest maximum penalty the instrument demands, in months (Directive 2013/40/EU Art. 9).
    #[must_use]
    pub fn min_max_months(&self) -> Option<u32> {
        self.min_max_months
    }
    /// Its conduct variants.
    #[must_use]
    pub fn variants(&self) -> &[Variant] {
        &self.variants
    }
}

/// One conduct variant of an article: one act and the elements that must accompany it.
#[derive(Clone, Debug, Serialize)]
pub struct Variant {
    pub(crate) id: String,
    pub(crate) act: ElementId,
    pub(crate) also_reached_by: Vec<ElementId>,
    pub(crate) requires: Vec<ElementId>,
    pub(crate) accessory_to: Vec<String>,
}

impl Variant {
    /// For an accessory variant (attempt, aiding): the articles or variants whose offenses it is accessory to.
    #[must_use]
    pub fn accessory_to(&self) -> &[String] {
        &self.accessory_to
    }
    /// Its id, unique within the instrument, e.g. `"4(1)-delete"`.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The act.
    #[must_use]
    pub fn act(&self) -> &ElementId {
        &self.act
    }
    /// The elements every Party must accept.
    #[must_use]
    pub fn requires(&self) -> &[ElementId] {
        &self.requires
    }
    /// Other acts by which a national offense also reaches this variant (e.g. an offense of hindering a system by
    /// any means reaches Budapest Art. 5's hindering by inputting data).
    #[must_use]
    pub fn also_reached_by(&self) -> &[ElementId] {
        &self.also_reached_by
    }
}

/// A paragraph under which a Party may add elements by declaration (Budapest Art. 40).
#[derive(Clone, Debug, Serialize)]
pub struct Declarable {
    pub(crate) paragraph: String,
    pub(crate) article: String,
    pub(crate) applies_to: Vec<String>,
    pub(crate) may_require: Vec<ElementId>,
    pub(crate) note: Option<String>,
    pub(crate) source: String,
}

impl Declarable {
    /// The paragraph, e.g. `"2"`.
    #[must_use]
    pub fn paragraph(&self) -> &str {
        &self.paragraph
    }
    /// The variants it concerns.
    #[must_use]
    pub fn applies_to(&self) -> &[String] {
        &self.applies_to
    }
    /// The elements a Party may require.
    #[must_use]
    pub fn may_require(&self) -> &[ElementId] {
        &self.may_require
    }
}

/// A paragraph a Party may reserve (Budapest Art. 42).
#[derive(Clone, Debug, Serialize)]
pub struct Reservable {
    pub(crate) paragraph: String,
    pub(crate) article: String,
    pub(crate) applies_to: Vec<String>,
    pub(crate) may_require: Vec<ElementId>,
    pub(crate) may_not_apply: Vec<String>,
    pub(crate) procedural: bool,
    pub(crate) note: Option<String>,
    pub(crate) source: String,
}

impl Reservable {
    /// The paragraph, e.g. `"9(4)"`.
    #[must_use]
    pub fn paragraph(&self) -> &str {
        &self.paragraph
    }
    /// Variants a reserving Party may leave out.
    #[must_use]
    pub fn may_not_apply(&self) -> &[String] {
        &self.may_not_apply
    }
    /// Elements a reserving Party may add, and the variants they concern.
    #[must_use]
    pub fn may_require(&self) -> (&[ElementId], &[String]) {
        (&self.may_require, &self.applies_to)
    }
    /// Whether the reservation concerns procedure only (no offense variant).
    #[must_use]
    pub fn procedural(&self) -> bool {
        self.procedural
    }
}

/// The cooperation rules of an instrument, each with its article.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Cooperation {
    pub(crate) extradition: Option<ThresholdRule>,
    pub(crate) mla: Option<Rule>,
    pub(crate) preservation: Option<PreservationRule>,
    pub(crate) eaw: Option<EawRule>,
}

impl Cooperation {
    /// The extradition rule (Budapest Art. 24(1)(a)).
    #[must_use]
    pub fn extradition(&self) -> Option<&ThresholdRule> {
        self.extradition.as_ref()
    }
    /// The mutual assistance rule (Budapest Art. 25(5)).
    #[must_use]
    pub fn mla(&self) -> Option<&Rule> {
        self.mla.as_ref()
    }
    /// The preservation rule (Budapest Art. 29(3)/(4)).
    #[must_use]
    pub fn preservation(&self) -> Option<&PreservationRule> {
        self.preservation.as_ref()
    }
    /// The European Arrest Warrant rule (FD 2002/584/JHA Art. 2).
    #[must_use]
    pub fn eaw(&self) -> Option<&EawRule> {
        self.eaw.as_ref()
    }
}

/// A rule with its article and source.
#[derive(Clone, Debug, Serialize)]
pub struct Rule {
    pub(crate) article: String,
    pub(crate) note: String,
    pub(crate) source: String,
}

impl Rule {
    /// The article, e.g. `"25(5)"`.
    #[must_use]
    pub fn article(&self) -> &str {
        &self.article
    }
}

/// A rule with a penalty threshold: the maximum penalty must be at least `min_max_months`.
#[derive(Clone, Debug, Serialize)]
pub struct ThresholdRule {
    pub(crate) article: String,
    pub(crate) min_max_months: u32,
    pub(crate) note: String,
    pub(crate) source: String,
}

impl ThresholdRule {
    /// The article, e.g. `"24(1)(a)"`.
    #[must_use]
    pub fn article(&self) -> &str {
        &self.article
    }
    /// The threshold in months.
    #[must_use]
    pub fn min_max_months(&self) -> u32 {
        self.min_max_months
    }
}

/// The preservation rule: no dual criminality, except under a reservation for offenses outside a scope.
#[derive(Clone, Debug, Serialize)]
pub struct PreservationRule {
    pub(crate) article: String,
    pub(crate) reservation: String,
    pub(crate) scope_articles: Vec<String>,
    pub(crate) note: String,
    pub(crate) source: String,
}

/// The European Arrest Warrant thresholds.
#[derive(Clone, Debug, Serialize)]
pub struct EawRule {
    pub(crate) list_article: String,
    pub(crate) list_min_max_months: u32,
    pub(crate) general_article: String,
    pub(crate) general_min_max_months: u32,
    pub(crate) note: String,
    pub(crate) source: String,
}

/// A state: its names, treaty status and offenses.
#[derive(Clone, Debug, Serialize)]
pub struct Jurisdiction {
    pub(crate) code: JurisdictionCode,
    pub(crate) name: String,
    pub(crate) name_original: Option<String>,
    pub(crate) legal_family: LegalFamily,
    pub(crate) scope: Option<String>,
    pub(crate) records_complete_from: Option<Date>,
    pub(crate) not_assessed: Vec<ScopeGap>,
    pub(crate) treaties: Vec<TreatyStatus>,
    pub(crate) offenses: Vec<Offense>,
}

/// Articles of an instrument that a state's data leaves out of its scope: reported `not_assessed`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScopeGap {
    pub(crate) instrument: InstrumentId,
    pub(crate) articles: Vec<String>,
    pub(crate) reason: String,
}

impl ScopeGap {
    /// The instrument.
    #[must_use]
    pub fn instrument(&self) -> &InstrumentId {
        &self.instrument
    }
    /// The article numbers left out.
    #[must_use]
    pub fn articles(&self) -> &[String] {
        &self.articles
    }
    /// Why the data leaves them out.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl Jurisdiction {
    /// Its ISO code.
    #[must_use]
    pub fn code(&self) -> &JurisdictionCode {
        &self.code
    }
    /// Its English short name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Its legal family.
    #[must_use]
    pub fn legal_family(&self) -> LegalFamily {
        self.legal_family
    }
    /// What part of its law the data covers.
    #[must_use]
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }
    /// The first day from which the data records every offense in force within its scope, when declared.
    #[must_use]
    pub fn records_complete_from(&self) -> Option<Date> {
        self.records_complete_from
    }
    /// Articles the data's scope leaves out, per instrument.
    #[must_use]
    pub fn not_assessed(&self) -> &[ScopeGap] {
        &self.not_assessed
    }
    /// Why the data leaves an article out of its scope, if it does.
    #[must_use]
    pub fn not_assessed_reason(&self, instrument: &InstrumentId, article: &str) -> Option<&str> {
        self.not_assessed
            .iter()
            .find(|g| &g.instrument == instrument && g.articles.iter().any(|a| a == article))
            .map(|g| g.reason.as_str())
    }
    /// Its status under each instrument.
    #[must_use]
    pub fn treaties(&self) -> &[TreatyStatus] {
        &self.treaties
    }
    /// Its status under one instrument.
    #[must_use]
    pub fn treaty(&self, instrument: &InstrumentId) -> Option<&TreatyStatus> {
        self.treaties.iter().find(|t| &t.instrument == instrument)
    }
    /// Its offenses (every version, in force or not).
    #[must_use]
    pub fn offenses(&self) -> &[Offense] {
        &self.offenses
    }
}

/// A state's status under one instrument.
#[derive(Clone, Debug, Serialize)]
pub struct TreatyStatus {
    pub(crate) instrument: InstrumentId,
    pub(crate) signed: Option<Date>,
    pub(crate) ratified: Option<Date>,
    pub(crate) in_force: Option<Date>,
    pub(crate) party_undated: bool,
    pub(crate) source: String,
    pub(crate) checked: Date,
    pub(crate) verification: Verification,
    pub(crate) note: Option<String>,
    pub(crate) declarations: Vec<Declaration>,
    pub(crate) reservations: Vec<Reservation>,
}

impl TreatyStatus {
    /// The instrument.
    #[must_use]
    pub fn instrument(&self) -> &InstrumentId {
        &self.instrument
    }
    /// Date of signature.
    #[must_use]
    pub fn signed(&self) -> Option<Date> {
        self.signed
    }
    /// Date of ratification (or accession).
    #[must_use]
    pub fn ratified(&self) -> Option<Date> {
        self.ratified
    }
    /// Date of entry into force for this state.
    #[must_use]
    pub fn in_force(&self) -> Option<Date> {
        self.in_force
    }
    /// Whether the state is bound on `date`. A state recorded as a party without a known date of entry into force
    /// (`party: true` in the data) counts as bound on every date.
    #[must_use]
    pub fn party_on(&self, date: Date) -> bool {
        self.in_force.map_or(self.party_undated, |d| d <= date)
    }

    /// Whether the data records the state as a party without a date of entry into force.
    #[must_use]
    pub fn party_date_unknown(&self) -> bool {
        self.party_undated && self.in_force.is_none()
    }
    /// Its declarations.
    #[must_use]
    pub fn declarations(&self) -> &[Declaration] {
        &self.declarations
    }
    /// Its reservations.
    #[must_use]
    pub fn reservations(&self) -> &[Reservation] {
        &self.reservations
    }
    /// Where the status was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// How far the status was confirmed.
    #[must_use]
    pub fn verification(&self) -> Verification {
        self.verification
    }
    /// What the status rests on, or what could not be confirmed.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// A declaration requiring further elements (Budapest Art. 40).
#[derive(Clone, Debug, Serialize)]
pub struct Declaration {
    pub(crate) paragraph: String,
    pub(crate) requires: Vec<ElementId>,
    pub(crate) as_national: Vec<ElementId>,
    pub(crate) note: Option<String>,
    pub(crate) source: String,
    pub(crate) checked: Date,
}

impl Declaration {
    /// The national elements through which the state says its law requires what it declared.
    #[must_use]
    pub fn as_national(&self) -> &[ElementId] {
        &self.as_national
    }
    /// The paragraph declared under.
    #[must_use]
    pub fn paragraph(&self) -> &str {
        &self.paragraph
    }
    /// The elements required.
    #[must_use]
    pub fn requires(&self) -> &[ElementId] {
        &self.requires
    }
}

/// A reservation (Budapest Art. 42).
#[derive(Clone, Debug, Serialize)]
pub struct Reservation {
    pub(crate) paragraph: String,
    pub(crate) not_applied: Vec<String>,
    pub(crate) requires: Vec<ElementId>,
    pub(crate) applied_only_where: Vec<PartialApplication>,
    pub(crate) accessory_targets: Vec<String>,
    /// For a procedural reservation: the procedural articles it limits (empty: every article it may limit).
    pub(crate) limits: Vec<String>,
    pub(crate) note: Option<String>,
    pub(crate) source: String,
    pub(crate) checked: Date,
}

/// A partial reservation: variants the state applies only where some elements hold (a Party that may leave a
/// variant out altogether may also apply it in part, e.g. Art. 6(3) for programs but not other devices).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartialApplication {
    pub(crate) variants: Vec<String>,
    pub(crate) requires: Vec<ElementId>,
}

impl PartialApplication {
    /// The variants applied only in part.
    #[must_use]
    pub fn variants(&self) -> &[String] {
        &self.variants
    }
    /// The elements that must hold for the state to apply them.
    #[must_use]
    pub fn requires(&self) -> &[ElementId] {
        &self.requires
    }
}

impl Reservation {
    /// For a procedural reservation (Art. 14(3)): the procedural articles it limits (empty: every article the
    /// paragraph may limit).
    #[must_use]
    pub fn limits(&self) -> &[String] {
        &self.limits
    }
    /// For an accessory variant left out: the targets it is left out for (empty: all).
    #[must_use]
    pub fn accessory_targets(&self) -> &[String] {
        &self.accessory_targets
    }
    /// Variants applied only in part, with the elements that must hold.
    #[must_use]
    pub fn applied_only_where(&self) -> &[PartialApplication] {
        &self.applied_only_where
    }
    /// The paragraph reserved.
    #[must_use]
    pub fn paragraph(&self) -> &str {
        &self.paragraph
    }
    /// Variants not applied.
    #[must_use]
    pub fn not_applied(&self) -> &[String] {
        &self.not_applied
    }
    /// Elements added.
    #[must_use]
    pub fn requires(&self) -> &[ElementId] {
        &self.requires
    }
    /// Where it was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// Title in the original language and in English.
#[derive(Clone, Debug, Serialize)]
pub struct Title {
    /// As the statute names it.
    pub original: String,
    /// In English.
    pub en: String,
}

/// A claim in the data that an offense implements an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    /// The instrument.
    pub instrument: InstrumentId,
    /// The article number.
    pub article: String,
}

/// A national offense with its dated versions.
#[derive(Clone, Debug, Serialize)]
pub struct Offense {
    pub(crate) id: OffenseId,
    pub(crate) jurisdiction: JurisdictionCode,
    pub(crate) citation: String,
    pub(crate) title: Title,
    pub(crate) source: String,
    pub(crate) checked: Date,
    pub(crate) verification: Verification,
    pub(crate) implements: Vec<ArticleRef>,
    pub(crate) note: Option<String>,
    pub(crate) versions: Vec<OffenseVersion>,
}

impl Offense {
    /// Its stable id.
    #[must_use]
    pub fn id(&self) -> &OffenseId {
        &self.id
    }
    /// Its state.
    #[must_use]
    pub fn jurisdiction(&self) -> &JurisdictionCode {
        &self.jurisdiction
    }
    /// The official citation.
    #[must_use]
    pub fn citation(&self) -> &str {
        &self.citation
    }
    /// Its titles.
    #[must_use]
    pub fn title(&self) -> &Title {
        &self.title
    }
    /// The address actually read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The day it was checked.
    #[must_use]
    pub fn checked(&self) -> Date {
        self.checked
    }
    /// How far it was confirmed.
    #[must_use]
    pub fn verification(&self) -> Verification {
        self.verification
    }
    /// Articles the data claims it implements.
    #[must_use]
    pub fn implements(&self) -> &[ArticleRef] {
        &self.implements
    }
    /// A note in the data.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
    /// Its versions, oldest first.
    #[must_use]
    pub fn versions(&self) -> &[OffenseVersion] {
        &self.versions
    }
    /// The version in force on `date`, if any.
    #[must_use]
    pub fn version_on(&self, date: Date) -> Option<&OffenseVersion> {
        self.versions.iter().find(|v| v.in_force_on(date))
    }
}

/// One version of an offense, in force over a span of dates.
#[derive(Clone, Debug, Serialize)]
pub struct OffenseVersion {
    pub(crate) from: Option<Date>,
    pub(crate) to: Option<Date>,
    pub(crate) acts: Vec<ElementId>,
    pub(crate) requires: Vec<ElementId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) requires_one_of: Vec<Vec<ElementId>>,
    /// whether `from` is only the latest possible first day
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) from_is_bound: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) suspended: Vec<Suspension>,
    pub(crate) penalty: Penalty,
    pub(crate) amended_by: Option<String>,
    pub(crate) accessory_to: Vec<OffenseId>,
}

/// A period in which a version, though in force, could not be applied: a court's restraining order, a moratorium.
/// Queries treat the version as not in force over the period, and say so.
#[derive(Clone, Debug, Serialize)]
pub struct Suspension {
    pub(crate) from: Date,
    pub(crate) to: Date,
    pub(crate) by: String,
    pub(crate) source: String,
}

impl Suspension {
    /// First day of the suspension.
    #[must_use]
    pub fn from(&self) -> Date {
        self.from
    }
    /// Last day of the suspension.
    #[must_use]
    pub fn to(&self) -> Date {
        self.to
    }
    /// What suspended the version (an order or act, by name and date).
    #[must_use]
    pub fn by(&self) -> &str {
        &self.by
    }
    /// Where the suspension was read.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Whether `date` falls in the suspension.
    #[must_use]
    pub fn covers(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }
}

impl OffenseVersion {
    /// For a general-part provision that reaches only some offenses (attempt where the law provides for it): their
    /// ids. Empty: it reaches every offense.
    #[must_use]
    pub fn accessory_to(&self) -> &[OffenseId] {
        &self.accessory_to
    }
    /// First day in force (`None`: before the records begin).
    #[must_use]
    pub fn from(&self) -> Option<Date> {
        self.from
    }
    /// Last day in force (`None`: still in force).
    #[must_use]
    pub fn to(&self) -> Option<Date> {
        self.to
    }
    /// Whether `from` is known only as a bound: the version was in force on that day at the latest
    /// (`from_not_later_than` in the data), and may have been earlier.
    #[must_use]
    pub fn from_is_bound(&self) -> bool {
        self.from_is_bound
    }
    /// Whether it is in force on `date` and not suspended then. Before a `from` known only as a bound, a version
    /// counts as not yet in force (queries say that it may have been).
    #[must_use]
    pub fn in_force_on(&self, date: Date) -> bool {
        self.enacted_on(date) && !self.suspended.iter().any(|s| s.covers(date))
    }
    /// Whether it is in force on `date` by its dates alone, suspended or not.
    #[must_use]
    pub fn enacted_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
    /// The suspensions recorded for it.
    #[must_use]
    pub fn suspended(&self) -> &[Suspension] {
        &self.suspended
    }
    /// The suspension covering `date`, if any.
    #[must_use]
    pub fn suspension_on(&self, date: Date) -> Option<&Suspension> {
        self.suspended.iter().find(|s| s.covers(date))
    }
    /// Groups of elements of which at least one must hold, besides [`OffenseVersion::requires`]: the offense is
    /// committed by "data or system", "transmission or emissions". Each group has two or more members.
    #[must_use]
    pub fn requires_one_of(&self) -> &[Vec<ElementId>] {
        &self.requires_one_of
    }
    /// The acts, any one of which the offense punishes.
    #[must_use]
    pub fn acts(&self) -> &[ElementId] {
        &self.acts
    }
    /// The elements that must all hold.
    #[must_use]
    pub fn requires(&self) -> &[ElementId] {
        &self.requires
    }
    /// The penalty.
    #[must_use]
    pub fn penalty(&self) -> &Penalty {
        &self.penalty
    }
}

/// The penalty of an offense version.
#[derive(Clone, Debug, Serialize)]
pub struct Penalty {
    pub(crate) max_months: Option<u32>,
    pub(crate) fine_only_possible: bool,
    pub(crate) aggravated: Vec<AggravatedForm>,
    pub(crate) follows_principal: bool,
    pub(crate) note: Option<String>,
}

impl Penalty {
    /// A note in the data on the penalty (e.g. how life imprisonment or a sentencing range was recorded).
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
    /// The basic form's maximum custodial penalty in months; `None` when there is none.
    #[must_use]
    pub fn max_months(&self) -> Option<u32> {
        self.max_months
    }
    /// Whether a fine alone may be imposed.
    #[must_use]
    pub fn fine_only_possible(&self) -> bool {
        self.fine_only_possible
    }
    /// Aggravated forms.
    #[must_use]
    pub fn aggravated(&self) -> &[AggravatedForm] {
        &self.aggravated
    }
    /// The highest maximum of any aggravated form.
    #[must_use]
    pub fn max_months_aggravated(&self) -> Option<u32> {
        self.aggravated.iter().map(|a| a.max_months).max()
    }
    /// Whether the penalty is that of the principal offense (attempt, aiding).
    #[must_use]
    pub fn follows_principal(&self) -> bool {
        self.follows_principal
    }
    /// Whether any custodial penalty is provided.
    #[must_use]
    pub fn is_custodial(&self) -> bool {
        self.follows_principal
            || self.max_months.is_some_and(|m| m > 0)
            || !self.aggravated.is_empty()
    }
}

/// An aggravated form: extra elements and a higher maximum.
#[derive(Clone, Debug, Serialize)]
pub struct AggravatedForm {
    pub(crate) when: Vec<ElementId>,
    pub(crate) max_months: u32,
    pub(crate) citation: Option<String>,
}

impl AggravatedForm {
    /// The elements that trigger it.
    #[must_use]
    pub fn when(&self) -> &[ElementId] {
        &self.when
    }
    /// Its maximum in months.
    #[must_use]
    pub fn max_months(&self) -> u32 {
        self.max_months
    }
    /// Its citation, if different from the offense's.
    #[must_use]
    pub fn citation(&self) -> Option<&str> {
        self.citation.as_deref()
    }
}
