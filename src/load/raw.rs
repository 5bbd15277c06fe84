//! Raw serde structs mirroring the YAML files exactly: `deny_unknown_fields`, no `flatten`,
//! locations kept with `Spanned` wherever a later check may need to point at the value.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

pub(crate) type S<T> = Spanned<T>;

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ElementsFile {
    #[schemars(with = "u32")]
    pub format_version: S<u32>,
    pub elements: Vec<RawElement>,
    #[serde(default)]
    pub partitions: Vec<RawPartition>,
    #[serde(default)]
    pub aliases: Vec<RawAlias>,
}

/// An element id that was renamed or merged: the loader accepts the old id, reads it as the new one, and warns.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAlias {
    #[schemars(with = "String")]
    pub id: S<String>,
    #[schemars(with = "String")]
    pub now: S<String>,
    pub reason: String,
}

/// Elements that together exhaust another: whenever `element` holds, one of `cases` holds (children under 14 and
/// juveniles of 14 to 17 exhaust the minors). Two offenses, one per case, together cover what needs `element`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPartition {
    #[schemars(with = "String")]
    pub element: S<String>,
    #[schemars(with = "Vec<String>")]
    pub cases: Vec<S<String>>,
    pub authority: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawElement {
    #[schemars(with = "String")]
    pub id: S<String>,
    pub definition: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub broader: Vec<S<String>>,
    /// The authority the `broader` links rest on (an Explanatory Report paragraph, a statute, a judgment).
    #[serde(default)]
    pub authority: Option<String>,
    /// Elements of other kinds (or acts) that this one entails: an act implies its object, a result implies an act.
    #[serde(default)]
    pub implies: Vec<RawImplication>,
    /// Elements (of the shared vocabulary, say) that entail this one: a national element a shared fact establishes.
    #[serde(default)]
    pub implied_by: Vec<RawImplication>,
    /// A jurisdictional hook (federal competence, a constitutional head of power): it narrows nothing a treaty
    /// cares about, and coverage and dual criminality disregard it.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub jurisdictional: Option<S<bool>>,
    /// The state's own reading of a term the instrument leaves to national law (how serious "serious" is, what
    /// "intentionally" takes): it counts as the broader elements it reads.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub national_reading: Option<S<bool>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawImplication {
    #[schemars(with = "String")]
    pub element: S<String>,
    /// The authority the implication rests on.
    pub authority: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct InstrumentFile {
    #[schemars(with = "u32")]
    pub format_version: S<u32>,
    pub instrument: RawInstrumentHeader,
    #[serde(default)]
    pub elements: Vec<RawElement>,
    pub articles: Vec<RawArticle>,
    #[serde(default)]
    pub declarable: Vec<RawDeclarable>,
    #[serde(default)]
    pub reservable: Vec<RawReservable>,
    #[serde(default)]
    pub cooperation: Option<RawCooperation>,
    /// Provisions of the instrument that the file does not encode, and why (reports list them).
    #[serde(default)]
    pub not_encoded: Vec<RawNotEncoded>,
    /// Procedural articles (powers and channels), rated against `powers/<cc>.yaml`.
    #[serde(default)]
    pub procedural: Vec<super::procedural::RawProceduralArticle>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNotEncoded {
    /// The provision, as a reader would name it, e.g. "Art. 16 (non-consensual dissemination of intimate images)".
    #[schemars(with = "String")]
    pub provision: S<String>,
    /// Why it is not encoded, e.g. that no text of it could be read.
    pub reason: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawInstrumentHeader {
    pub title: String,
    pub short_title: String,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub opened: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub in_force: Option<S<String>>,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
    #[schemars(with = "String")]
    pub verification: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticle {
    #[schemars(with = "String")]
    pub article: S<String>,
    pub title: String,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[serde(default)]
    pub custodial_required: bool,
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub min_max_months: Option<S<u32>>,
    #[serde(default)]
    pub note: Option<String>,
    pub variants: Vec<RawVariant>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVariant {
    #[schemars(with = "String")]
    pub id: S<String>,
    #[schemars(with = "String")]
    pub act: S<String>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub also_reached_by: Vec<S<String>>,
    /// For an accessory variant (attempt, aiding): the articles or variants whose offenses it is accessory to. It is
    /// assessed per target: the state's general-part provision must reach the offenses implementing each.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub accessory_to: Vec<S<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub requires: Vec<S<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeclarable {
    #[schemars(with = "String")]
    pub paragraph: S<String>,
    pub article: String,
    #[schemars(with = "Vec<String>")]
    pub applies_to: Vec<S<String>>,
    #[schemars(with = "Vec<String>")]
    pub may_require: Vec<S<String>>,
    #[serde(default)]
    pub note: Option<String>,
    #[schemars(with = "String")]
    pub source: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReservable {
    #[schemars(with = "String")]
    pub paragraph: S<String>,
    pub article: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub applies_to: Vec<S<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub may_require: Vec<S<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub may_not_apply: Vec<S<String>>,
    #[serde(default)]
    pub procedural: bool,
    #[serde(default)]
    pub note: Option<String>,
    #[schemars(with = "String")]
    pub source: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCooperation {
    #[serde(default)]
    pub extradition: Option<RawThresholdRule>,
    #[serde(default)]
    pub mla: Option<RawRule>,
    #[serde(default)]
    pub preservation: Option<RawPreservation>,
    #[serde(default)]
    pub eaw: Option<RawEaw>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawThresholdRule {
    pub article: String,
    #[schemars(with = "u32")]
    pub min_max_months: S<u32>,
    pub note: String,
    #[schemars(with = "String")]
    pub source: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub article: String,
    pub note: String,
    #[schemars(with = "String")]
    pub source: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPreservation {
    pub article: String,
    pub reservation: String,
    #[schemars(with = "Vec<String>")]
    pub scope_articles: Vec<S<String>>,
    pub note: String,
    #[schemars(with = "String")]
    pub source: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEaw {
    pub list_article: String,
    #[schemars(with = "u32")]
    pub list_min_max_months: S<u32>,
    pub general_article: String,
    #[schemars(with = "u32")]
    pub general_min_max_months: S<u32>,
    pub note: String,
    #[schemars(with = "String")]
    pub source: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct JurisdictionFile {
    #[schemars(with = "u32")]
    pub format_version: S<u32>,
    pub jurisdiction: RawJurisdictionHeader,
    #[serde(default)]
    pub treaties: Vec<RawTreaty>,
    #[serde(default)]
    pub elements: Vec<RawElement>,
    #[serde(default)]
    pub partitions: Vec<RawPartition>,
    #[serde(default)]
    pub aliases: Vec<RawAlias>,
    #[serde(default)]
    pub offenses: Vec<RawOffense>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawJurisdictionHeader {
    #[schemars(with = "String")]
    pub code: S<String>,
    pub name: String,
    #[serde(default)]
    pub name_original: Option<String>,
    #[schemars(with = "String")]
    pub legal_family: S<String>,
    #[serde(default)]
    pub scope: Option<String>,
    /// The first day from which the file records every offense in force within its scope: before it answers are
    /// refused; from it, an offense that is not recorded did not exist.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub records_complete_from: Option<S<String>>,
    /// Articles the data's scope leaves out: reported `not_assessed`, never as gaps in the law.
    #[serde(default)]
    pub not_assessed: Vec<RawScopeGap>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScopeGap {
    #[schemars(with = "String")]
    pub instrument: S<String>,
    #[schemars(with = "Vec<String>")]
    pub articles: Vec<S<String>>,
    pub reason: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTreaty {
    #[schemars(with = "String")]
    pub instrument: S<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub signed: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub ratified: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub in_force: Option<S<String>>,
    #[serde(default)]
    pub party: bool,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
    #[schemars(with = "String")]
    pub verification: S<String>,
    /// What the status rests on, or what could not be confirmed, in your own words.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub declarations: Vec<RawDeclaration>,
    #[serde(default)]
    pub reservations: Vec<RawReservation>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeclaration {
    #[schemars(with = "String")]
    pub paragraph: S<String>,
    #[schemars(with = "Vec<String>")]
    pub requires: Vec<S<String>>,
    /// The national elements through which the state's law requires what it declared, where the state says so
    /// (the US presents 18 U.S.C. 1030(a)(2)'s "obtains information" as its Art. 2 intent to obtain data).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub as_national: Vec<S<String>>,
    #[serde(default)]
    pub note: Option<String>,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReservation {
    #[schemars(with = "String")]
    pub paragraph: S<String>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub not_applied: Vec<S<String>>,
    /// Every variant the paragraph lets a Party leave out, except these.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub not_applied_except: Vec<S<String>>,
    /// Variants applied only where the listed elements hold.
    #[serde(default)]
    pub applied_only_where: Vec<RawPartialApplication>,
    /// For an accessory variant left out (Art. 11(3)): the target articles or variants it is left out for; empty
    /// means all.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub accessory_targets: Vec<S<String>>,
    /// For a procedural reservation (Art. 14(3)): the procedural articles it limits; empty means every article
    /// the paragraph may limit.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub limits: Vec<S<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub requires: Vec<S<String>>,
    #[serde(default)]
    pub note: Option<String>,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPartialApplication {
    #[schemars(with = "Vec<String>")]
    pub variants: Vec<S<String>>,
    #[schemars(with = "Vec<String>")]
    pub requires: Vec<S<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOffense {
    #[schemars(with = "String")]
    pub id: S<String>,
    pub citation: String,
    pub title: RawTitle,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
    #[schemars(with = "String")]
    pub verification: S<String>,
    #[serde(default)]
    pub implements: Vec<RawArticleRef>,
    #[serde(default)]
    pub note: Option<String>,
    pub versions: Vec<RawVersion>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTitle {
    pub original: String,
    pub en: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticleRef {
    #[schemars(with = "String")]
    pub instrument: S<String>,
    #[schemars(with = "String")]
    pub article: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVersion {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<S<String>>,
    #[schemars(with = "Vec<String>")]
    pub acts: S<Vec<S<String>>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub requires: Vec<S<String>>,
    /// Groups of elements of which at least one must hold: `[[a, b]]` reads "a or b" (two or more per group).
    #[serde(default)]
    #[schemars(with = "Vec<Vec<String>>")]
    pub requires_one_of: Vec<S<Vec<S<String>>>>,
    /// A first day known only as a bound: the version was in force on this day at the latest.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from_not_later_than: Option<S<String>>,
    /// Periods in which the version could not be applied (a court's restraining order, a moratorium).
    #[serde(default)]
    pub suspended: Vec<RawSuspension>,
    #[schemars(with = "RawPenalty")]
    pub penalty: S<RawPenalty>,
    #[serde(default)]
    pub amended_by: Option<String>,
    /// For a general-part provision (attempt, aiding) that reaches only some offenses: their ids.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub accessory_to: Vec<S<String>>,
}

/// A period in which a version, though in force, could not be applied.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSuspension {
    #[schemars(with = "String")]
    pub from: S<String>,
    #[schemars(with = "String")]
    pub to: S<String>,
    /// What suspended it: the order or act, by name and date.
    pub by: String,
    #[schemars(with = "String")]
    pub source: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPenalty {
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub max_months: Option<S<i64>>,
    #[serde(default)]
    pub fine_only_possible: bool,
    #[serde(default)]
    pub aggravated: Vec<RawAggravated>,
    #[serde(default)]
    pub follows_principal: bool,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAggravated {
    #[schemars(with = "Vec<String>")]
    pub when: Vec<S<String>>,
    #[schemars(with = "i64")]
    pub max_months: S<i64>,
    #[serde(default)]
    pub citation: Option<String>,
}
