//! Loading procedural powers: the `procedural` section of an instrument file and the state files
//! `powers/<cc>.yaml`.

use std::collections::{BTreeMap, HashMap, HashSet};

use schemars::JsonSchema;
use serde::Deserialize;

use super::convert::{Ctx, pos};
use super::cooperation::{overlap, period};
use super::files::{Layer, SourceFile};
use super::raw::S;
use crate::date::Date;
use crate::model::*;
use crate::suggest::did_you_mean;

/// The longest period a power may record, in days (100 years): anything longer is a typing error.
const MAX_DAYS: u32 = 36_500;

/// One procedural article in an instrument file.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProceduralArticle {
    #[schemars(with = "String")]
    pub article: S<String>,
    pub title: String,
    #[schemars(with = "String")]
    pub source: S<String>,
    /// The paragraphs a state's powers must meet.
    #[serde(default)]
    pub requirements: Vec<RawRequirement>,
    /// Reservation paragraphs (listed under `reservable`, `procedural: true`) that may limit the article.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub limited_by: Vec<S<String>>,
    /// The authority allowing general powers (search, seizure, production) in place of a dedicated one.
    #[serde(default)]
    pub general_means: Option<String>,
    /// A contact that meets the article by itself (Art. 35: `point_24_7`).
    #[serde(default)]
    #[schemars(with = "Option<ContactRole>")]
    pub met_by_contact: Option<S<ContactRole>>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One requirement paragraph.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRequirement {
    #[schemars(with = "String")]
    pub paragraph: S<String>,
    pub text: String,
    /// The power must bind the person addressed.
    #[serde(default)]
    pub binding: bool,
    /// The power must keep data at least this many days, counting renewals.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    pub min_days: Option<S<u32>>,
    /// The paragraph binds only a state that meets the article by an order to a person (Art. 16(2)): where the
    /// state relies on general powers alone, it does not apply.
    #[serde(default)]
    pub only_for_orders: bool,
}

/// `powers/<cc>.yaml`: a state's procedural powers, points of contact and central authorities.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PowersFile {
    #[schemars(with = "u32")]
    pub format_version: S<u32>,
    #[schemars(with = "String")]
    pub state: S<String>,
    /// The instrument whose procedural articles the powers are rated against.
    #[schemars(with = "String")]
    pub instrument: S<String>,
    /// Before this day the records are not complete: procedural rows are `not_assessed`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub records_complete_from: Option<S<String>>,
    /// Articles or paragraphs the data leaves out, with the reason.
    #[serde(default)]
    pub not_assessed: Vec<RawNotAssessed>,
    /// Paragraphs the state's law is known to lack, with the authority that says so. A paragraph no power
    /// provides and that is not listed here is `not assessed`, never read as a gap in the law.
    #[serde(default)]
    pub lacks: Vec<RawLack>,
    #[serde(default)]
    pub contacts: Vec<RawContact>,
    #[serde(default)]
    pub powers: Vec<RawPower>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNotAssessed {
    /// An article (`"20"`) or one requirement paragraph (`"19(4)"`) the data does not settle.
    #[schemars(with = "String")]
    pub article: S<String>,
    pub reason: String,
    /// First day the entry holds (default: always).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<S<String>>,
    /// Last day the entry holds (default: always).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<S<String>>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLack {
    /// A requirement paragraph, e.g. `"16(3)"`.
    #[schemars(with = "String")]
    pub paragraph: S<String>,
    /// What the law lacks, and who says so.
    pub reason: String,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<S<String>>,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
    #[schemars(with = "String")]
    pub verification: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContact {
    #[schemars(with = "ContactRole")]
    pub role: S<ContactRole>,
    /// The article providing for the role ("35", "27(2)" or "24(7)"); checked against the role.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub article: Option<S<String>>,
    /// The body's name (never a person or a telephone number).
    pub body: String,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<S<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<S<String>>,
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
pub(crate) struct RawPower {
    #[schemars(with = "String")]
    pub id: S<String>,
    pub citation: String,
    pub title: String,
    /// A general power (search, seizure, production) used where the state has no dedicated one.
    #[serde(default)]
    pub general: bool,
    pub versions: Vec<RawPowerVersion>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPowerVersion {
    #[schemars(with = "String")]
    pub from: S<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<S<String>>,
    /// Requirement paragraphs of the instrument's procedural articles that this version meets.
    #[schemars(with = "Vec<String>")]
    pub provides: Vec<S<String>>,
    /// False for a request without legal sanction.
    pub binding: bool,
    pub ordered_by: String,
    #[serde(default)]
    pub threshold: Option<String>,
    #[serde(default)]
    pub offenses: Option<String>,
    #[serde(default)]
    pub period: Option<RawPeriod>,
    /// The measure lasts until it is lifted: the law sets no period (a seizure).
    #[serde(default)]
    #[schemars(with = "bool")]
    pub no_time_limit: Option<S<bool>>,
    #[serde(default)]
    pub note: Option<String>,
    #[schemars(with = "String")]
    pub source: S<String>,
    #[schemars(with = "String")]
    pub checked: S<String>,
    #[schemars(with = "String")]
    pub verification: S<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriod {
    #[schemars(with = "u32")]
    pub length: S<u32>,
    #[schemars(with = "PeriodUnit")]
    pub unit: S<PeriodUnit>,
    #[serde(default)]
    pub renewable: bool,
    #[serde(default)]
    pub max_total: Option<RawSpan>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSpan {
    #[schemars(with = "u32")]
    pub length: S<u32>,
    #[schemars(with = "PeriodUnit")]
    pub unit: S<PeriodUnit>,
}

fn span(ctx: &mut Ctx, path: &str, length: &S<u32>, unit: &S<PeriodUnit>) -> Option<Span> {
    let s = Span {
        length: length.value,
        unit: unit.value,
    };
    if s.length == 0 {
        ctx.err(path, pos(length), "a period of length 0");
        return None;
    }
    if s.days() > MAX_DAYS {
        ctx.err_help(
            path,
            pos(length),
            format!("a period of {s} is longer than 100 years"),
            Some("give the period the text sets; leave `period` out if it sets none".into()),
        );
        return None;
    }
    Some(s)
}

/// Converts an instrument's procedural articles; `reservable` are the instrument's reservable paragraphs.
pub(crate) fn convert_articles(
    ctx: &mut Ctx,
    path: &str,
    raw: &[RawProceduralArticle],
    reservable: &[Reservable],
    offense_articles: &HashSet<String>,
) -> Vec<ProceduralArticle> {
    let mut out: Vec<ProceduralArticle> = Vec::new();
    let mut paragraphs: HashSet<String> = HashSet::new();
    for a in raw {
        let art = a.article.value.trim().to_owned();
        if art.is_empty() {
            ctx.err(path, pos(&a.article), "`article` is empty");
            continue;
        }
        if offense_articles.contains(&art) || out.iter().any(|x| x.article == art) {
            ctx.err(
                path,
                pos(&a.article),
                format!("article `{art}` is listed twice"),
            );
            continue;
        }
        let mut requirements = Vec::new();
        for q in &a.requirements {
            let p = q.paragraph.value.trim().to_owned();
            let belongs = p == art || p.starts_with(&format!("{art}("));
            if !belongs {
                ctx.err_help(
                    path,
                    pos(&q.paragraph),
                    format!("paragraph `{p}` is not a paragraph of Art. {art}"),
                    Some(format!("write it as `{art}(1)`, `{art}(1)(a)` …")),
                );
                continue;
            }
            if !paragraphs.insert(p.clone()) {
                ctx.err(
                    path,
                    pos(&q.paragraph),
                    format!("paragraph `{p}` is listed twice"),
                );
                continue;
            }
            if q.text.trim().is_empty() {
                ctx.err(
                    path,
                    pos(&q.paragraph),
                    format!("paragraph `{p}` has an empty `text`"),
                );
            }
            let min_days = q.min_days.as_ref().and_then(|m| {
                if m.value == 0 || m.value > MAX_DAYS {
                    ctx.err(
                        path,
                        pos(m),
                        format!("`min_days` {} is not between 1 and {MAX_DAYS}", m.value),
                    );
                    None
                } else {
                    Some(m.value)
                }
            });
            requirements.push(Requirement {
                paragraph: p,
                text: q.text.trim().to_owned(),
                binding: q.binding,
                min_days,
                only_for_orders: q.only_for_orders,
            });
        }
        if requirements.is_empty() && a.met_by_contact.is_none() {
            ctx.err_help(
                path,
                pos(&a.article),
                format!("procedural article `{art}` has no requirements"),
                Some("list the paragraphs a power must meet, or `met_by_contact`".into()),
            );
        }
        let mut limited_by = Vec::new();
        for l in &a.limited_by {
            match reservable.iter().find(|r| r.paragraph == l.value) {
                Some(r) if r.procedural => limited_by.push(l.value.clone()),
                Some(_) => ctx.err(
                    path,
                    pos(l),
                    format!(
                        "reservable paragraph `{}` is not marked `procedural: true`",
                        l.value
                    ),
                ),
                None => ctx.err_help(
                    path,
                    pos(l),
                    format!("`{}` is not a reservable paragraph", l.value),
                    did_you_mean(&l.value, reservable.iter().map(|r| r.paragraph.as_str())),
                ),
            }
        }
        out.push(ProceduralArticle {
            article: art,
            title: a.title.trim().to_owned(),
            requirements,
            limited_by,
            general_means: a.general_means.as_ref().map(|s| s.trim().to_owned()),
            met_by_contact: a.met_by_contact.as_ref().map(|m| m.value),
            note: a.note.as_ref().map(|n| n.trim().to_owned()),
            source: ctx.source(path, &a.source),
        });
    }
    out
}

/// Converts the powers files; `instruments` are already converted.
pub(crate) fn convert_powers(
    ctx: &mut Ctx,
    files: &[(SourceFile, String, PowersFile)],
    instruments: &BTreeMap<InstrumentId, Instrument>,
) -> BTreeMap<JurisdictionCode, Powers> {
    let mut out: BTreeMap<JurisdictionCode, (Layer, Powers)> = BTreeMap::new();
    for (f, stem, r) in files {
        let path = f.path.as_str();
        let Some(state) = super::cooperation::state_code(ctx, path, &r.state) else {
            continue;
        };
        if state.0.to_ascii_lowercase() != *stem {
            ctx.err_help(
                path,
                pos(&r.state),
                format!("the state `{state}` does not match the file name `{stem}.yaml`"),
                Some(format!(
                    "name the file `powers/{}.yaml`",
                    state.0.to_ascii_lowercase()
                )),
            );
            continue;
        }
        let Some(inst) = instruments.get(r.instrument.value.as_str()) else {
            ctx.err_help(
                path,
                pos(&r.instrument),
                format!("unknown instrument `{}`", r.instrument.value),
                did_you_mean(
                    &r.instrument.value,
                    instruments.keys().map(InstrumentId::as_str),
                ),
            );
            continue;
        };
        if inst.procedural.is_empty() {
            ctx.err(
                path,
                pos(&r.instrument),
                format!(
                    "instrument `{}` has no procedural articles to rate powers against",
                    inst.id
                ),
            );
            continue;
        }
        let known: HashMap<&str, &ProceduralArticle> = inst
            .procedural
            .iter()
            .flat_map(|a| {
                a.requirements
                    .iter()
                    .map(move |q| (q.paragraph.as_str(), a))
            })
            .collect();
        let records_complete_from = ctx.opt_date(
            path,
            r.records_complete_from.as_ref(),
            "`records_complete_from`",
        );
        let mut not_assessed = Vec::new();
        for n in &r.not_assessed {
            if inst.procedural.iter().any(|a| a.article == n.article.value)
                || known.contains_key(n.article.value.as_str())
            {
                let Some((from, to)) = period(ctx, path, n.from.as_ref(), n.to.as_ref()) else {
                    continue;
                };
                not_assessed.push(NotAssessedEntry {
                    target: n.article.value.clone(),
                    reason: n.reason.trim().to_owned(),
                    from,
                    to,
                });
            } else {
                ctx.err_help(
                    path,
                    pos(&n.article),
                    format!(
                        "`{}` is neither a procedural article nor a requirement paragraph of `{}`",
                        n.article.value, inst.id
                    ),
                    did_you_mean(
                        &n.article.value,
                        inst.procedural.iter().map(|a| a.article.as_str()),
                    ),
                );
            }
        }
        let mut lacks = Vec::new();
        for l in &r.lacks {
            if !known.contains_key(l.paragraph.value.as_str()) {
                ctx.err_help(
                    path,
                    pos(&l.paragraph),
                    format!(
                        "`{}` is not a requirement paragraph of `{}`",
                        l.paragraph.value, inst.id
                    ),
                    did_you_mean(&l.paragraph.value, known.keys().copied()),
                );
                continue;
            }
            let Some((from, to)) = period(ctx, path, l.from.as_ref(), l.to.as_ref()) else {
                continue;
            };
            if l.reason.trim().is_empty() {
                ctx.err(
                    path,
                    pos(&l.paragraph),
                    "`reason` is empty: say what the law lacks and who says so",
                );
            }
            lacks.push(Lack {
                paragraph: l.paragraph.value.clone(),
                reason: l.reason.trim().to_owned(),
                from,
                to,
                source: ctx.source(path, &l.source),
                checked: ctx.date(path, &l.checked, "`checked`").unwrap_or(Date::MIN),
                verification: ctx.verification(path, &l.verification),
            });
        }
        let mut contacts = Vec::new();
        for c in &r.contacts {
            let role = c.role.value;
            if let Some(a) = &c.article
                && a.value != role.article()
            {
                ctx.err_help(
                    path,
                    pos(a),
                    format!(
                        "a {} is designated under Art. {}, not `{}`",
                        role.label(),
                        role.article(),
                        a.value
                    ),
                    Some(format!("write `article: \"{}\"`", role.article())),
                );
            }
            let Some((from, to)) = period(ctx, path, c.from.as_ref(), c.to.as_ref()) else {
                continue;
            };
            if c.body.trim().is_empty() {
                ctx.err(path, pos(&c.role), "`body` is empty");
            }
            if let Some(earlier) = contacts
                .iter()
                .find(|x: &&Contact| x.role == role && overlap((x.from, x.to), (from, to)))
            {
                ctx.err_help(
                    path,
                    pos(&c.role),
                    format!(
                        "two designations of the {} overlap in time ({} is already designated)",
                        role.label(),
                        earlier.body
                    ),
                    Some("end the earlier one the day before the later one begins".into()),
                );
                continue;
            }
            contacts.push(Contact {
                role,
                body: c.body.trim().to_owned(),
                from,
                to,
                note: c.note.as_ref().map(|n| n.trim().to_owned()),
                source: ctx.source(path, &c.source),
                checked: ctx.date(path, &c.checked, "`checked`").unwrap_or(Date::MIN),
                verification: ctx.verification(path, &c.verification),
            });
        }
        let mut powers: Vec<Power> = Vec::new();
        let mut ids: HashSet<String> = HashSet::new();
        for p in &r.powers {
            let id = p.id.value.trim().to_ascii_lowercase();
            let prefix = format!("{}/", stem);
            if !id.starts_with(&prefix) || id.len() == prefix.len() {
                ctx.err_help(
                    path,
                    pos(&p.id),
                    format!("power id `{}` must begin with `{prefix}`", p.id.value),
                    Some(format!("e.g. `{prefix}sv-126ni`")),
                );
                continue;
            }
            if !ids.insert(id.clone()) {
                ctx.err(path, pos(&p.id), format!("power `{id}` is defined twice"));
                continue;
            }
            if p.versions.is_empty() {
                ctx.err(path, pos(&p.id), format!("power `{id}` has no versions"));
                continue;
            }
            let mut versions: Vec<PowerVersion> = Vec::new();
            for v in &p.versions {
                let Some((Some(from), to)) = period(ctx, path, Some(&v.from), v.to.as_ref()) else {
                    continue;
                };
                if versions
                    .iter()
                    .any(|x| overlap((Some(x.from), x.to), (Some(from), to)))
                {
                    ctx.err_help(
                        path,
                        pos(&v.from),
                        format!("two versions of power `{id}` overlap in time"),
                        Some("end the earlier version the day before the later one begins".into()),
                    );
                    continue;
                }
                let mut provides = Vec::new();
                for q in &v.provides {
                    match known.get(q.value.as_str()) {
                        Some(_) => {
                            if !provides.contains(&q.value) {
                                provides.push(q.value.clone());
                            }
                        }
                        None => ctx.err_help(
                            path,
                            pos(q),
                            format!(
                                "`{}` is not a requirement paragraph of `{}`",
                                q.value, inst.id
                            ),
                            did_you_mean(&q.value, known.keys().copied()).or_else(|| {
                                Some(format!(
                                    "requirement paragraphs: {}",
                                    inst.procedural
                                        .iter()
                                        .flat_map(|a| a.requirements.iter())
                                        .map(|q| q.paragraph.as_str())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ))
                            }),
                        ),
                    }
                }
                if v.provides.is_empty() {
                    ctx.err(
                        path,
                        pos(&v.from),
                        format!("a version of power `{id}` provides no requirement paragraph"),
                    );
                }
                let period = match &v.period {
                    None => None,
                    Some(rp) => {
                        let s = span(ctx, path, &rp.length, &rp.unit);
                        let m = rp
                            .max_total
                            .as_ref()
                            .and_then(|m| span(ctx, path, &m.length, &m.unit).map(|x| (x, m)));
                        if let (Some(s), Some((m, raw))) = (s, m) {
                            if m.days() < s.days() {
                                ctx.err(
                                    path,
                                    pos(&raw.length),
                                    format!("`max_total` ({m}) is shorter than one period ({s})"),
                                );
                            }
                            if !rp.renewable {
                                ctx.err_help(
                                    path,
                                    pos(&raw.length),
                                    "`max_total` is given for a period that is not renewable",
                                    Some("write `renewable: true`, or drop `max_total`".into()),
                                );
                            }
                        }
                        s.map(|span| PowerPeriod {
                            span,
                            renewable: rp.renewable,
                            max_total: m.map(|(x, _)| x),
                        })
                    }
                };
                let no_time_limit = v.no_time_limit.as_ref().is_some_and(|n| n.value);
                if let (true, Some(n)) = (no_time_limit && v.period.is_some(), &v.no_time_limit) {
                    ctx.err_help(
                        path,
                        pos(n),
                        "`no_time_limit` and `period` contradict each other",
                        Some("keep `period` if the law sets one".into()),
                    );
                }
                if v.ordered_by.trim().is_empty() {
                    ctx.err(path, pos(&v.from), "`ordered_by` is empty");
                }
                versions.push(PowerVersion {
                    from,
                    to,
                    provides,
                    binding: v.binding,
                    ordered_by: v.ordered_by.trim().to_owned(),
                    threshold: v.threshold.as_ref().map(|s| s.trim().to_owned()),
                    offenses: v.offenses.as_ref().map(|s| s.trim().to_owned()),
                    period,
                    no_time_limit,
                    note: v.note.as_ref().map(|n| n.trim().to_owned()),
                    source: ctx.source(path, &v.source),
                    checked: ctx.date(path, &v.checked, "`checked`").unwrap_or(Date::MIN),
                    verification: ctx.verification(path, &v.verification),
                });
            }
            versions.sort_by_key(|v| v.from);
            powers.push(Power {
                id,
                citation: p.citation.trim().to_owned(),
                title: p.title.trim().to_owned(),
                general: p.general,
                versions,
            });
        }
        let powers_rec = Powers {
            state: state.clone(),
            records_complete_from,
            not_assessed,
            lacks,
            contacts,
            powers,
        };
        if let Some((layer0, _)) = out.get(&state) {
            if *layer0 < f.layer {
                ctx.diags.push(super::Diagnostic::note(
                    path,
                    None,
                    format!("the procedural powers of `{state}` replace the built-in ones"),
                ));
            } else {
                ctx.err(
                    path,
                    pos(&r.state),
                    format!("the procedural powers of `{state}` are given twice"),
                );
                continue;
            }
        }
        out.insert(state, (f.layer, powers_rec));
    }
    out.into_iter().map(|(k, (_, v))| (k, v)).collect()
}
