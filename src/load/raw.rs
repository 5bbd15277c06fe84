//! Raw serde structs mirroring the YAML files exactly: `deny_unknown_fields`, no `flatten`,
//! locations kept with `Spanned` wherever a later check may need to point at the value.

use serde::Deserialize;
use serde_saphyr::Spanned;

pub(crate) type S<T> = Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ElementsFile {
    pub format_version: S<u32>,
    pub elements: Vec<RawElement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawElement {
    pub id: S<String>,
    pub definition: String,
    #[serde(default)]
    pub broader: Vec<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InstrumentFile {
    pub format_version: S<u32>,
    pub instrument: RawInstrumentHeader,
    pub articles: Vec<RawArticle>,
    #[serde(default)]
    pub declarable: Vec<RawDeclarable>,
    #[serde(default)]
    pub reservable: Vec<RawReservable>,
    #[serde(default)]
    pub cooperation: Option<RawCooperation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawInstrumentHeader {
    pub title: String,
    pub short_title: String,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub opened: Option<S<String>>,
    #[serde(default)]
    pub in_force: Option<S<String>>,
    pub source: S<String>,
    pub checked: S<String>,
    pub verification: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticle {
    pub article: S<String>,
    pub title: String,
    pub source: S<String>,
    #[serde(default)]
    pub custodial_required: bool,
    #[serde(default)]
    pub min_max_months: Option<S<u32>>,
    #[serde(default)]
    pub note: Option<String>,
    pub variants: Vec<RawVariant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVariant {
    pub id: S<String>,
    pub act: S<String>,
    #[serde(default)]
    pub also_reached_by: Vec<S<String>>,
    #[serde(default)]
    pub requires: Vec<S<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeclarable {
    pub paragraph: S<String>,
    pub article: String,
    pub applies_to: Vec<S<String>>,
    pub may_require: Vec<S<String>>,
    #[serde(default)]
    pub note: Option<String>,
    pub source: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReservable {
    pub paragraph: S<String>,
    pub article: String,
    #[serde(default)]
    pub applies_to: Vec<S<String>>,
    #[serde(default)]
    pub may_require: Vec<S<String>>,
    #[serde(default)]
    pub may_not_apply: Vec<S<String>>,
    #[serde(default)]
    pub procedural: bool,
    #[serde(default)]
    pub note: Option<String>,
    pub source: S<String>,
}

#[derive(Deserialize)]
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawThresholdRule {
    pub article: String,
    pub min_max_months: S<u32>,
    pub note: String,
    pub source: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub article: String,
    pub note: String,
    pub source: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPreservation {
    pub article: String,
    pub reservation: String,
    pub scope_articles: Vec<S<String>>,
    pub note: String,
    pub source: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEaw {
    pub list_article: String,
    pub list_min_max_months: S<u32>,
    pub general_article: String,
    pub general_min_max_months: S<u32>,
    pub note: String,
    pub source: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct JurisdictionFile {
    pub format_version: S<u32>,
    pub jurisdiction: RawJurisdictionHeader,
    #[serde(default)]
    pub treaties: Vec<RawTreaty>,
    #[serde(default)]
    pub elements: Vec<RawElement>,
    #[serde(default)]
    pub offenses: Vec<RawOffense>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawJurisdictionHeader {
    pub code: S<String>,
    pub name: String,
    #[serde(default)]
    pub name_original: Option<String>,
    pub legal_family: S<String>,
    #[serde(default)]
    pub scope: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTreaty {
    pub instrument: S<String>,
    #[serde(default)]
    pub signed: Option<S<String>>,
    #[serde(default)]
    pub ratified: Option<S<String>>,
    #[serde(default)]
    pub in_force: Option<S<String>>,
    #[serde(default)]
    pub party: bool,
    pub source: S<String>,
    pub checked: S<String>,
    pub verification: S<String>,
    #[serde(default)]
    pub declarations: Vec<RawDeclaration>,
    #[serde(default)]
    pub reservations: Vec<RawReservation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeclaration {
    pub paragraph: S<String>,
    pub requires: Vec<S<String>>,
    #[serde(default)]
    pub note: Option<String>,
    pub source: S<String>,
    pub checked: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawReservation {
    pub paragraph: S<String>,
    #[serde(default)]
    pub not_applied: Vec<S<String>>,
    #[serde(default)]
    pub requires: Vec<S<String>>,
    #[serde(default)]
    pub note: Option<String>,
    pub source: S<String>,
    pub checked: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOffense {
    pub id: S<String>,
    pub citation: String,
    pub title: RawTitle,
    pub source: S<String>,
    pub checked: S<String>,
    pub verification: S<String>,
    #[serde(default)]
    pub implements: Vec<RawArticleRef>,
    #[serde(default)]
    pub note: Option<String>,
    pub versions: Vec<RawVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTitle {
    pub original: String,
    pub en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticleRef {
    pub instrument: S<String>,
    pub article: S<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVersion {
    #[serde(default)]
    pub from: Option<S<String>>,
    #[serde(default)]
    pub to: Option<S<String>>,
    pub acts: S<Vec<S<String>>>,
    #[serde(default)]
    pub requires: Vec<S<String>>,
    pub penalty: S<RawPenalty>,
    #[serde(default)]
    pub amended_by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPenalty {
    #[serde(default)]
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAggravated {
    pub when: Vec<S<String>>,
    pub max_months: S<i64>,
    #[serde(default)]
    pub citation: Option<String>,
}
