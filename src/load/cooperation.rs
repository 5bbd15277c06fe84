//! Loading the cooperation layer: legal bases (`bases/<id>.yaml`) and nationality rules (`nationality/<cc>.yaml`).

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::Deserialize;

use super::convert::{Ctx, Pos, pos};
use super::raw::S;
use super::{Layer, SourceFile, did_you_mean};
use crate::date::Date;
use crate::iso;
use crate::model::*;

/// `bases/<id>.yaml`: one legal basis.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct BasisFile {
    #[schemars(with = "u32")]
    pub format_version: S<u32>,
    /// Must equal the file's stem.
    #[schemars(with = "String")]
    pub id: S<String>,
    pub title: String,
    pub short_title: String,
    pub kind: BasisKind,
    /// The states the basis binds, each with its period (for national law: the one state whose law it is).
    #[serde(default)]
    pub parties: Vec<RawParty>,
    /// Instead of `parties`: the instrument whose treaty status, recorded in the jurisdiction files, gives them.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub parties_from_instrument: Option<S<String>>,
    /// An agreement between one state and a group (the EU–US, EU–Japan and EU–UK agreements): it applies only between
    /// this state and each other party, never between two of the others.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub one_side: Option<S<String>>,
    /// For a treaty whose entry into force was not found: a day by which it was in force (from a source).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub in_force_by: Option<S<String>>,
    /// It applies only where no other treaty for the procedure applies between the two states.
    #[serde(default)]
    pub subsidiary: Option<Clause>,
    /// Bases it displaces where both apply.
    #[serde(default)]
    pub supersedes: Vec<RawSupersession>,
    /// An overlay agreement that takes effect through the bilateral treaties it amends.
    #[serde(default)]
    pub operates_through_bilateral: Option<Clause>,
    /// National law: granted on reciprocity.
    #[serde(default)]
    pub reciprocity: Option<Clause>,
    pub terms: Vec<RawTerms>,
    #[serde(default)]
    pub obligations: Vec<RawObligation>,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
    #[schemars(with = "String")]
    pub verification: S<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParty {
    #[schemars(with = "String")]
    pub state: S<String>,
    /// First day it applies to the state. May be omitted for national law (in force before any date the data
    /// answers for) and where the basis gives `in_force_by`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<S<String>>,
    #[serde(default)]
    pub note: Option<String>,
    /// How far this party's dates were confirmed, when less than the basis's.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub verification: Option<S<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSupersession {
    #[schemars(with = "String")]
    pub basis: S<String>,
    pub article: String,
    pub note: String,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTerms {
    #[schemars(with = "String")]
    pub procedure: S<CooperationProcedure>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<S<String>>,
    pub article: String,
    pub dual_criminality: DcRequirement,
    pub approach: Approach,
    #[serde(default)]
    pub threshold: Option<RawThreshold>,
    #[serde(default)]
    pub jurisdictional_elements: Option<JurisdictionalElements>,
    pub note: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub verification: Option<S<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawThreshold {
    #[schemars(with = "i64")]
    pub months: S<i64>,
    pub comparison: Comparison,
    #[serde(rename = "in")]
    pub applies_in: ThresholdIn,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawObligation {
    pub article: String,
    pub when: ObligationWhen,
    pub duty: String,
}

/// `nationality/<cc>.yaml`: a state's rules on surrendering its own nationals.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NationalityFile {
    #[schemars(with = "u32")]
    pub format_version: S<u32>,
    #[schemars(with = "String")]
    pub state: S<String>,
    pub rules: Vec<RawNationalityRule>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNationalityRule {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<S<String>>,
    /// The bases it is limited to; empty: every basis without a rule of its own.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub bases: Vec<S<String>>,
    #[schemars(with = "String")]
    pub effect: S<BarEffect>,
    #[serde(default)]
    pub conditions: Option<String>,
    pub citation: String,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
    #[schemars(with = "String")]
    pub verification: S<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A period: first and last day, each open when `None`.
type Period = (Option<Date>, Option<Date>);
/// A converted basis with its layer, file and the bases it names as superseded (to check once all are read).
type Converted = (Layer, Basis, String, Vec<(String, Pos)>);

pub(crate) fn overlap(a: (Option<Date>, Option<Date>), b: (Option<Date>, Option<Date>)) -> bool {
    let a_to = a.1.unwrap_or(Date::MAX);
    let b_to = b.1.unwrap_or(Date::MAX);
    let a_from = a.0.unwrap_or(Date::MIN);
    let b_from = b.0.unwrap_or(Date::MIN);
    a_from <= b_to && b_from <= a_to
}

pub(crate) fn period(
    ctx: &mut Ctx,
    path: &str,
    from: Option<&S<String>>,
    to: Option<&S<String>>,
) -> Option<(Option<Date>, Option<Date>)> {
    let f = ctx.opt_date(path, from, "`from`");
    let t = ctx.opt_date(path, to, "`to`");
    if from.is_some() && f.is_none() || to.is_some() && t.is_none() {
        return None;
    }
    if let (Some(a), Some(b), Some(s)) = (f, t, to)
        && a > b
    {
        ctx.err(
            path,
            pos(s),
            format!("the period ends ({b}) before it begins ({a})"),
        );
        return None;
    }
    Some((f, t))
}

fn text(ctx: &mut Ctx, path: &str, p: Pos, what: &str, v: &str) -> String {
    if v.trim().is_empty() {
        ctx.err(path, p, format!("`{what}` is empty"));
    }
    v.trim().to_owned()
}

pub(crate) fn state_code(ctx: &mut Ctx, path: &str, s: &S<String>) -> Option<JurisdictionCode> {
    let code = s.value.trim().to_ascii_uppercase();
    if code.len() != 2 || !iso::is_known(&code) {
        ctx.err_help(
            path,
            pos(s),
            format!("`{}` is not an ISO 3166-1 alpha-2 state code", s.value),
            (code == "UK").then(|| "the United Kingdom is `GB`".into()),
        );
        return None;
    }
    Some(JurisdictionCode(code))
}

/// Converts the basis files; `instruments` and `jurisdictions` are already validated.
pub(crate) fn convert_bases(
    ctx: &mut Ctx,
    files: &[(SourceFile, String, BasisFile)],
    instruments: &BTreeMap<InstrumentId, Instrument>,
) -> BTreeMap<BasisId, Basis> {
    let mut out: BTreeMap<BasisId, Converted> = BTreeMap::new();
    for (f, stem, r) in files {
        let path = f.path.as_str();
        if r.id.value != *stem {
            ctx.err_help(
                path,
                pos(&r.id),
                format!(
                    "the basis id `{}` does not match the file name `{stem}.yaml`",
                    r.id.value
                ),
                Some(format!(
                    "name the file `bases/{}.yaml`, or change the id",
                    r.id.value
                )),
            );
            continue;
        }
        if !stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            ctx.err(
                path,
                pos(&r.id),
                format!("basis id `{stem}` must be lower-case letters, digits and hyphens"),
            );
            continue;
        }
        let id = BasisId(stem.clone());
        let title = text(ctx, path, pos(&r.id), "title", &r.title);
        let short_title = text(ctx, path, pos(&r.id), "short_title", &r.short_title);
        let source = ctx.source(path, &r.source);
        let checked = ctx.date(path, &r.checked, "`checked`").unwrap_or(Date::MIN);
        let verification = ctx.verification(path, &r.verification);
        // ---- parties
        let in_force_by = ctx.opt_date(path, r.in_force_by.as_ref(), "`in_force_by`");
        let mut parties: Vec<Party> = Vec::new();
        let mut party_pos: Vec<Pos> = Vec::new();
        for p in &r.parties {
            let Some(state) = state_code(ctx, path, &p.state) else {
                continue;
            };
            let Some((from, to)) = period(ctx, path, p.from.as_ref(), p.to.as_ref()) else {
                continue;
            };
            let (from, note) = match (from, in_force_by, r.kind) {
                (Some(f), _, _) => (f, p.note.clone()),
                (None, Some(by), _) => (
                    by,
                    Some(format!(
                        "in force by {by}; its entry into force was not found{}",
                        p.note
                            .as_ref()
                            .map(|n| format!(" ({})", n.trim()))
                            .unwrap_or_default()
                    )),
                ),
                (None, None, BasisKind::National) => (Date::MIN, p.note.clone()),
                (None, None, _) => {
                    ctx.err_help(
                        path,
                        pos(&p.state),
                        format!("the period of `{state}` has no `from` date"),
                        Some("give the day the treaty entered into force for it; if it was not found, give `in_force_by` on the basis (a day by which a source shows it in force)".into()),
                    );
                    continue;
                }
            };
            let clash = parties
                .iter()
                .zip(&party_pos)
                .find(|(q, _)| q.state == state && overlap((Some(q.from), q.to), (Some(from), to)));
            if let Some((_, at)) = clash {
                ctx.err_help(
                    path,
                    pos(&p.state),
                    format!("`{state}` is named twice for overlapping periods"),
                    Some(format!(
                        "the first entry is at {}; give each period once (a state that left and rejoined has two entries whose dates do not overlap)",
                        super::convert::at(path, *at)
                    )),
                );
                continue;
            }
            let verification = p.verification.as_ref().map(|v| ctx.verification(path, v));
            parties.push(Party {
                state,
                from,
                to,
                note,
                verification,
            });
            party_pos.push(pos(&p.state));
        }
        let parties_from_instrument = match &r.parties_from_instrument {
            None => None,
            Some(s) => {
                if !instruments.contains_key(s.value.as_str()) {
                    ctx.err_help(
                        path,
                        pos(s),
                        format!("unknown instrument `{}`", s.value),
                        did_you_mean(&s.value, instruments.keys().map(InstrumentId::as_str)),
                    );
                }
                Some(InstrumentId(s.value.clone()))
            }
        };
        let one_side = match &r.one_side {
            None => None,
            Some(s) => {
                let c = state_code(ctx, path, s);
                if let Some(c) = &c
                    && !parties.iter().any(|p| &p.state == c)
                {
                    ctx.err(
                        path,
                        pos(s),
                        format!("`one_side` names `{c}`, which is not among the parties"),
                    );
                }
                c
            }
        };
        let distinct: std::collections::BTreeSet<&JurisdictionCode> =
            parties.iter().map(|p| &p.state).collect();
        match (r.kind, parties_from_instrument.is_some()) {
            (_, true) if !r.parties.is_empty() => ctx.err(
                path,
                pos(&r.id),
                "give either `parties` or `parties_from_instrument`, not both",
            ),
            (BasisKind::Bilateral, false)
                if distinct.len() != 2 && r.parties.len() == parties.len() =>
            {
                ctx.err_help(
                    path,
                    pos(&r.id),
                    format!(
                        "a bilateral basis binds two states; `{id}` names {}",
                        distinct.len()
                    ),
                    Some("list both states under `parties`".into()),
                )
            }
            (BasisKind::National, false)
                if distinct.len() != 1 && r.parties.len() == parties.len() =>
            {
                ctx.err_help(
                    path,
                    pos(&r.id),
                    format!(
                        "a national basis is one state's law; `{id}` names {}",
                        distinct.len()
                    ),
                    Some("name the requested state whose law it is as the only party".into()),
                )
            }
            (BasisKind::Multilateral, false) if r.parties.is_empty() => ctx.err(
                path,
                pos(&r.id),
                "a multilateral basis needs `parties` or `parties_from_instrument`",
            ),
            (BasisKind::Bilateral | BasisKind::National, true) => ctx.err(
                path,
                pos(&r.id),
                "`parties_from_instrument` is for multilateral instruments",
            ),
            _ => {}
        }
        if r.kind != BasisKind::National && r.reciprocity.is_some() {
            ctx.err(
                path,
                pos(&r.id),
                "`reciprocity` is for national law (kind: national)",
            );
        }
        // ---- terms
        let mut terms: Vec<Terms> = Vec::new();
        if r.terms.is_empty() {
            ctx.err_help(
                path,
                pos(&r.id),
                "the basis has no `terms`",
                Some("give the terms for at least one procedure".into()),
            );
        }
        for t in &r.terms {
            let Some((from, to)) = period(ctx, path, t.from.as_ref(), t.to.as_ref()) else {
                continue;
            };
            let procedure = t.procedure.value;
            if let Some(prev) = terms
                .iter()
                .find(|x| x.procedure == procedure && overlap((x.from, x.to), (from, to)))
            {
                ctx.err_help(
                    path,
                    pos(&t.procedure),
                    format!("two sets of `{procedure}` terms overlap (the other is Art. {})", prev.article),
                    Some("give each period of the terms once: end the earlier with `to` the day before the later `from`".into()),
                );
                continue;
            }
            let threshold = match &t.threshold {
                None => None,
                Some(th) => {
                    if !(1..=1200).contains(&th.months.value) {
                        ctx.err(
                            path,
                            pos(&th.months),
                            format!(
                                "a threshold of {} months is not plausible (1 to 1200)",
                                th.months.value
                            ),
                        );
                        None
                    } else {
                        Some(Threshold {
                            months: u32::try_from(th.months.value).unwrap_or(12),
                            comparison: th.comparison,
                            applies_in: th.applies_in,
                        })
                    }
                }
            };
            if t.dual_criminality == DcRequirement::NotRequired && threshold.is_some() {
                ctx.err(path, pos(&t.procedure), "a threshold without dual criminality: say `dual_criminality: required`, or drop the threshold");
            }
            let tv = match &t.verification {
                Some(v) => ctx.verification(path, v),
                None => verification,
            };
            terms.push(Terms {
                procedure,
                from,
                to,
                article: text(ctx, path, pos(&t.procedure), "article", &t.article),
                dual_criminality: t.dual_criminality,
                approach: t.approach,
                threshold,
                jurisdictional_elements: t
                    .jurisdictional_elements
                    .unwrap_or(JurisdictionalElements::Unspecified),
                note: text(ctx, path, pos(&t.procedure), "note", &t.note),
                source: t.source.as_ref().map(|s| s.trim().to_owned()),
                verification: tv,
            });
        }
        let obligations = r
            .obligations
            .iter()
            .map(|o| Obligation {
                basis: id.clone(),
                article: o.article.trim().to_owned(),
                when: o.when,
                duty: o.duty.trim().to_owned(),
            })
            .collect();
        let sup: Vec<(String, Pos)> = r
            .supersedes
            .iter()
            .map(|s| (s.basis.value.clone(), pos(&s.basis)))
            .collect();
        let basis = Basis {
            id: id.clone(),
            title,
            short_title,
            kind: r.kind,
            parties,
            parties_from_instrument,
            one_side,
            in_force_by,
            subsidiary: r.subsidiary.clone(),
            supersedes: r
                .supersedes
                .iter()
                .map(|s| Supersession {
                    basis: BasisId(s.basis.value.clone()),
                    article: s.article.trim().to_owned(),
                    note: s.note.trim().to_owned(),
                })
                .collect(),
            operates_through_bilateral: r.operates_through_bilateral.clone(),
            reciprocity: r.reciprocity.clone(),
            terms,
            obligations,
            source,
            checked,
            verification,
            note: r.note.as_ref().map(|n| n.trim().to_owned()),
        };
        if let Some((layer0, ..)) = out.get(&id) {
            if *layer0 < f.layer {
                ctx.diags.push(super::Diagnostic::note(
                    path,
                    None,
                    format!("basis `{id}` replaces the built-in one"),
                ));
            } else {
                ctx.err(path, pos(&r.id), format!("basis `{id}` is defined twice"));
                continue;
            }
        }
        out.insert(id, (f.layer, basis, path.to_owned(), sup));
    }
    // ---- references between bases
    let ids: Vec<String> = out.keys().map(|k| k.0.clone()).collect();
    for (id, (_, _, path, sup)) in &out {
        for (s, p) in sup {
            if !ids.contains(s) {
                ctx.err_help(
                    path,
                    *p,
                    format!("basis `{id}` supersedes an unknown basis `{s}`"),
                    did_you_mean(s, ids.iter().map(String::as_str)),
                );
            } else if s == &id.0 {
                ctx.err(path, *p, format!("basis `{id}` supersedes itself"));
            }
        }
    }
    out.into_iter().map(|(k, (_, b, ..))| (k, b)).collect()
}

/// Converts the nationality files; `bases` are already converted.
pub(crate) fn convert_nationality(
    ctx: &mut Ctx,
    files: &[(SourceFile, String, NationalityFile)],
    bases: &BTreeMap<BasisId, Basis>,
) -> BTreeMap<JurisdictionCode, Vec<NationalityRule>> {
    let mut out: BTreeMap<JurisdictionCode, (Layer, Vec<NationalityRule>)> = BTreeMap::new();
    for (f, stem, r) in files {
        let path = f.path.as_str();
        let Some(state) = state_code(ctx, path, &r.state) else {
            continue;
        };
        if state.0.to_ascii_lowercase() != *stem {
            ctx.err_help(
                path,
                pos(&r.state),
                format!("the state `{state}` does not match the file name `{stem}.yaml`"),
                Some(format!(
                    "name the file `nationality/{}.yaml`",
                    state.0.to_ascii_lowercase()
                )),
            );
            continue;
        }
        let mut rules: Vec<NationalityRule> = Vec::new();
        let mut seen: HashMap<Vec<String>, Vec<Period>> = HashMap::new();
        for x in &r.rules {
            let Some((from, to)) = period(ctx, path, x.from.as_ref(), x.to.as_ref()) else {
                continue;
            };
            let mut bs = Vec::new();
            for b in &x.bases {
                if bases.contains_key(b.value.as_str()) {
                    bs.push(BasisId(b.value.clone()));
                } else {
                    ctx.err_help(
                        path,
                        pos(b),
                        format!("unknown basis `{}`", b.value),
                        did_you_mean(&b.value, bases.keys().map(BasisId::as_str)),
                    );
                }
            }
            let mut key: Vec<String> = bs.iter().map(|b| b.0.clone()).collect();
            key.sort();
            let periods = seen.entry(key).or_default();
            if periods.iter().any(|p| overlap(*p, (from, to))) {
                ctx.err_help(
                    path,
                    pos(&x.effect),
                    "two rules for the same bases overlap in time",
                    Some("end the earlier rule the day before the later one begins".into()),
                );
                continue;
            }
            periods.push((from, to));
            if x.effect.value == BarEffect::Conditional
                && x.conditions.as_ref().is_none_or(|c| c.trim().is_empty())
            {
                ctx.err(
                    path,
                    pos(&x.effect),
                    "a conditional rule must say its `conditions`",
                );
            }
            let source = ctx.source(path, &x.source);
            let checked = ctx.date(path, &x.checked, "`checked`").unwrap_or(Date::MIN);
            let verification = ctx.verification(path, &x.verification);
            rules.push(NationalityRule {
                state: state.clone(),
                from,
                to,
                bases: bs,
                effect: x.effect.value,
                conditions: x.conditions.as_ref().map(|c| c.trim().to_owned()),
                citation: text(ctx, path, pos(&x.effect), "citation", &x.citation),
                source,
                checked,
                verification,
                note: x.note.as_ref().map(|n| n.trim().to_owned()),
            });
        }
        if let Some((layer0, _)) = out.get(&state) {
            if *layer0 < f.layer {
                ctx.diags.push(super::Diagnostic::note(
                    path,
                    None,
                    format!("the nationality rules of `{state}` replace the built-in ones"),
                ));
            } else {
                ctx.err(
                    path,
                    pos(&r.state),
                    format!("the nationality rules of `{state}` are given twice"),
                );
                continue;
            }
        }
        out.insert(state, (f.layer, rules));
    }
    out.into_iter().map(|(k, (_, v))| (k, v)).collect()
}
