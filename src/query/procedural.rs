//! Coverage of procedural articles (Budapest Arts. 16–21, 29, 30, 35): which national powers meet each requirement
//! paragraph on a date, and what a drafter would change.

use serde::{Deserialize, Serialize};

use crate::Corpus;
use crate::date::Date;
use crate::model::*;
use crate::query::CoverageStatus;

/// How one requirement paragraph fares.
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
pub enum RequirementStatus {
    /// A power in force meets it.
    Met,
    /// Met only through a general power (search, seizure, production) the article allows in place of a dedicated
    /// one.
    MetByGeneralPower,
    /// No power in force meets it.
    Unmet,
    /// The data does not settle it (the provision was not read).
    NotAssessed,
}

impl RequirementStatus {
    /// The spelling used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            RequirementStatus::Met => "met",
            RequirementStatus::MetByGeneralPower => "met by a general power",
            RequirementStatus::Unmet => "unmet",
            RequirementStatus::NotAssessed => "not assessed",
        }
    }
}

/// One requirement paragraph, rated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RequirementCoverage {
    /// The paragraph, e.g. `"16(2)"`.
    pub paragraph: String,
    /// What it asks, in words.
    pub text: String,
    /// How it fares.
    pub status: RequirementStatus,
    /// The powers that meet it (ids).
    pub powers: Vec<String>,
    /// Why, in words.
    pub reason: String,
}

/// A national power as cited in an answer: the version in force on the date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PowerRef {
    /// Its id, e.g. `nl/sv-126ni`.
    pub id: String,
    /// The citation.
    pub citation: String,
    /// What it is.
    pub title: String,
    /// A general power used in place of a dedicated one.
    pub general: bool,
    /// Whether it binds the person addressed.
    pub binding: bool,
    /// Who orders it.
    pub ordered_by: String,
    /// The suspicion or other threshold, if recorded.
    pub threshold: Option<String>,
    /// The offenses it is limited to, if any.
    pub offenses: Option<String>,
    /// How long it keeps data, in words, if recorded.
    pub period: Option<String>,
    /// The first day of the version in force.
    pub since: Date,
    /// How sure the record is.
    pub verification: Verification,
    /// Where it was read.
    pub source: String,
}

impl PowerRef {
    pub(crate) fn new(p: &Power, v: &PowerVersion) -> PowerRef {
        PowerRef {
            id: p.id.clone(),
            citation: p.citation.clone(),
            title: p.title.clone(),
            general: p.general,
            binding: v.binding,
            ordered_by: v.ordered_by.clone(),
            threshold: v.threshold.clone(),
            offenses: v.offenses.clone(),
            period: v.period.map(|x| x.to_string()).or_else(|| {
                v.no_time_limit
                    .then(|| "until lifted (no time limit)".to_owned())
            }),
            since: v.from,
            verification: v.verification,
            source: v.source.clone(),
        }
    }
    /// The power in a line: citation, who orders, period, and whether it binds.
    #[must_use]
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} ({}; ordered by {}",
            self.citation, self.title, self.ordered_by
        );
        if let Some(p) = &self.period {
            s.push_str(&format!("; {p}"));
        }
        if !self.binding {
            s.push_str("; a request without sanction");
        }
        if let Some(o) = &self.offenses {
            s.push_str(&format!("; only for {o}"));
        }
        if self.verification == Verification::Unverified {
            s.push_str("; unverified");
        }
        s.push(')');
        s
    }
}

/// A point of contact or central authority as cited in an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ContactRef {
    /// Its role.
    pub role: ContactRole,
    /// The article that provides for it.
    pub article: String,
    /// The body.
    pub body: String,
    /// How sure the record is.
    pub verification: Verification,
    /// Where it was read.
    pub source: String,
}

impl ContactRef {
    pub(crate) fn new(c: &Contact) -> ContactRef {
        ContactRef {
            role: c.role,
            article: c.role.article().to_owned(),
            body: c.body.clone(),
            verification: c.verification,
            source: c.source.clone(),
        }
    }
}

/// One procedural article's coverage for a state on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProceduralCoverage {
    /// The article number, e.g. `"16"`.
    pub article: String,
    /// Its heading.
    pub title: String,
    /// The status, as for offense articles.
    pub status: CoverageStatus,
    /// The powers in force that serve the article.
    pub powers: Vec<PowerRef>,
    /// Per requirement paragraph.
    pub requirements: Vec<RequirementCoverage>,
    /// The contact that meets the article (Art. 35), if any.
    pub contact: Option<ContactRef>,
    /// Why the status, in words.
    pub reasons: Vec<String>,
    /// What would move the row toward `full`, in a drafter's words.
    pub advice: Vec<String>,
}

/// Whether a version meets a requirement, or why not.
fn check(q: &Requirement, p: &Power, v: &PowerVersion) -> Result<Option<String>, String> {
    if q.binding && !v.binding {
        return Err(format!(
            "{} is a request without sanction: the person addressed may refuse, where {} asks for an order that binds",
            p.citation, q.paragraph
        ));
    }
    if let Some(min) = q.min_days {
        match v.period {
            None if v.no_time_limit => {}
            None => {
                return Ok(Some(format!(
                    "{}: the period is not recorded, so {} days could not be checked",
                    p.citation, min
                )));
            }
            Some(per) => {
                if let Some(longest) = per.longest_days()
                    && longest < min
                {
                    return Err(format!(
                        "{} keeps data for {per}; {} asks that data can be kept as long as necessary, up to {} days",
                        p.citation, q.paragraph, min
                    ));
                }
            }
        }
    }
    Ok(None)
}

/// The procedural rows for a state and an instrument on a date (empty when the instrument has none).
pub(crate) fn procedural_rows(
    corpus: &Corpus,
    j: &Jurisdiction,
    inst: &Instrument,
    date: Date,
    unverified: &mut Vec<String>,
) -> Vec<ProceduralCoverage> {
    let records = corpus.powers.get(&j.code);
    let status = j.treaty(&inst.id);
    inst.procedural
        .iter()
        .map(|art| {
            let mut row = ProceduralCoverage {
                article: art.article.clone(),
                title: art.title.clone(),
                status: CoverageStatus::NotAssessed,
                powers: vec![],
                requirements: vec![],
                contact: None,
                reasons: vec![],
                advice: vec![],
            };
            let Some(rec) = records else {
                row.reasons.push(format!(
                    "no procedural powers of {} are recorded: the data says nothing about them",
                    j.name
                ));
                return row;
            };
            if let Some(from) = rec.records_complete_from
                && date < from
            {
                row.reasons.push(format!(
                    "the procedural records of {} begin on {from}: {date} is before them",
                    j.name
                ));
                return row;
            }
            if let Some(why) = rec.not_assessed_on(&art.article, date) {
                row.reasons.push(format!("not assessed: {why}"));
                return row;
            }
            rate(art, rec, status, date, &mut row, unverified);
            row
        })
        .collect()
}

fn rate(
    art: &ProceduralArticle,
    rec: &Powers,
    status: Option<&TreatyStatus>,
    date: Date,
    row: &mut ProceduralCoverage,
    unverified: &mut Vec<String>,
) {
    if let Some(role) = art.met_by_contact {
        match rec.contact(role, date) {
            Some(c) => {
                row.status = CoverageStatus::Full;
                row.reasons.push(format!("{}: {}", role.label(), c.body));
                if c.verification == Verification::Unverified {
                    row.reasons
                        .push("the designation is unverified: check it before use".into());
                }
                row.contact = Some(ContactRef::new(c));
            }
            None => {
                row.status = CoverageStatus::Absent;
                row.reasons
                    .push(format!("no {} is recorded on {date}", role.label()));
                row.advice.push(format!(
                    "designate a {} available 24 hours a day, 7 days a week (Art. {})",
                    role.label(),
                    role.article()
                ));
            }
        }
        return;
    }
    let paragraphs: Vec<&str> = art
        .requirements
        .iter()
        .map(|q| q.paragraph.as_str())
        .collect();
    let serving: Vec<(&Power, &PowerVersion)> = rec
        .powers
        .iter()
        .filter_map(|p| p.version_on(date).map(|v| (p, v)))
        .filter(|(_, v)| v.provides.iter().any(|x| paragraphs.contains(&x.as_str())))
        .collect();
    for (p, v) in &serving {
        row.powers.push(PowerRef::new(p, v));
        if v.verification == Verification::Unverified && !unverified.contains(&p.id) {
            unverified.push(p.id.clone());
        }
    }
    if serving.is_empty() {
        row.status = CoverageStatus::Absent;
        let later = rec.powers.iter().find_map(|p| {
            p.versions
                .iter()
                .find(|v| {
                    v.from > date && v.provides.iter().any(|x| paragraphs.contains(&x.as_str()))
                })
                .map(|v| (p, v))
        });
        row.reasons.push(match later {
            Some((p, v)) => format!(
                "no power in force on {date} serves Art. {}; {} came into force on {}",
                art.article, p.citation, v.from
            ),
            None => format!("no recorded power serves Art. {}", art.article),
        });
        for q in &art.requirements {
            row.requirements.push(RequirementCoverage {
                paragraph: q.paragraph.clone(),
                text: q.text.clone(),
                status: RequirementStatus::Unmet,
                powers: vec![],
                reason: "no power".into(),
            });
        }
        row.advice.push(format!(
            "provide a power that meets Art. {}: {}",
            art.article,
            art.requirements
                .iter()
                .map(|q| format!("{} ({})", q.text, q.paragraph))
                .collect::<Vec<_>>()
                .join("; ")
        ));
        return;
    }
    let mut any_unmet = false;
    let mut any_general = false;
    let mut any_unknown = false;
    // Does the state meet the article by an order to a person? Only then do paragraphs such as 16(2) apply.
    let by_order = serving.iter().any(|(p, v)| {
        !p.general
            && v.binding
            && art.requirements.iter().any(|q| {
                !q.only_for_orders && v.provides.contains(&q.paragraph) && check(q, p, v).is_ok()
            })
    });
    for q in &art.requirements {
        if let Some(why) = rec.not_assessed_on(&q.paragraph, date) {
            any_unknown = true;
            row.requirements.push(RequirementCoverage {
                paragraph: q.paragraph.clone(),
                text: q.text.clone(),
                status: RequirementStatus::NotAssessed,
                powers: vec![],
                reason: format!("not assessed: {why}"),
            });
            continue;
        }
        if q.only_for_orders && !by_order && art.general_means.is_some() {
            let general: Vec<String> = serving
                .iter()
                .filter(|(p, _)| p.general)
                .map(|(p, _)| p.id.clone())
                .collect();
            if !general.is_empty() {
                any_general = true;
                row.requirements.push(RequirementCoverage {
                    paragraph: q.paragraph.clone(),
                    text: q.text.clone(),
                    status: RequirementStatus::MetByGeneralPower,
                    powers: general.clone(),
                    reason: format!(
                        "{} binds only a state that preserves by an order to a person; here data are preserved through general powers ({})",
                        q.paragraph,
                        citations(&serving, &general)
                    ),
                });
                continue;
            }
        }
        let mut met: Vec<String> = vec![];
        let mut met_general: Vec<String> = vec![];
        let mut failures: Vec<String> = vec![];
        let mut cautions: Vec<String> = vec![];
        for (p, v) in serving
            .iter()
            .filter(|(_, v)| v.provides.contains(&q.paragraph))
        {
            match check(q, p, v) {
                Ok(c) => {
                    cautions.extend(c);
                    if p.general && art.general_means.is_some() {
                        met_general.push(p.id.clone());
                    } else {
                        met.push(p.id.clone());
                    }
                }
                Err(why) => failures.push(why),
            }
        }
        let (st, powers, reason) = if !met.is_empty() {
            let mut r = format!("met by {}", citations(&serving, &met));
            for c in &cautions {
                r.push_str(&format!("; {c}"));
            }
            (RequirementStatus::Met, met, r)
        } else if !met_general.is_empty() {
            any_general = true;
            let mut r = format!(
                "met only through general powers ({}), which the article allows",
                citations(&serving, &met_general)
            );
            if !failures.is_empty() {
                r.push_str(&format!("; {}", failures.join("; ")));
                row.advice.push(advice_for(q, &failures, art));
            }
            (RequirementStatus::MetByGeneralPower, met_general.clone(), r)
        } else if !failures.is_empty() {
            any_unmet = true;
            row.advice.push(advice_for(q, &failures, art));
            (RequirementStatus::Unmet, vec![], failures.join("; "))
        } else if let Some(l) = rec
            .lacks
            .iter()
            .find(|l| l.paragraph == q.paragraph && l.in_force(date))
        {
            any_unmet = true;
            row.advice.push(advice_for(q, &failures, art));
            (RequirementStatus::Unmet, vec![], l.reason.clone())
        } else {
            // No power provides the paragraph, and the data does not say the law lacks it: not read as a gap.
            any_unknown = true;
            (
                RequirementStatus::NotAssessed,
                vec![],
                format!(
                    "no recorded power provides {}, and the data does not say the law lacks it",
                    q.paragraph
                ),
            )
        };
        row.requirements.push(RequirementCoverage {
            paragraph: q.paragraph.clone(),
            text: q.text.clone(),
            status: st,
            powers,
            reason,
        });
    }
    // A voluntary request that would become the state's order: say now what its period would lack.
    for q in art.requirements.iter().filter(|q| q.only_for_orders) {
        let Some(min) = q.min_days else { continue };
        for (p, v) in serving.iter().filter(|(p, v)| !p.general && !v.binding) {
            if let Some(per) = v.period
                && per.longest_days().is_some_and(|d| d < min)
            {
                row.advice.push(format!(
                    "if {} becomes a binding order, {} applies to it: it lasts {per}, where the Convention allows up to {min} days and renewal",
                    p.citation, q.paragraph
                ));
            }
        }
    }
    row.advice = merge_advice(std::mem::take(&mut row.advice));
    row.status = if any_unmet {
        CoverageStatus::Partial
    } else if any_unknown {
        CoverageStatus::NotAssessed
    } else if any_general {
        CoverageStatus::Permitted
    } else {
        CoverageStatus::Full
    };
    match row.status {
        CoverageStatus::Full => row.reasons.push(format!(
            "every paragraph of Art. {} is met by a power in force",
            art.article
        )),
        CoverageStatus::Permitted => {
            row.reasons.push(format!(
                "Art. {} is met through general powers: {}",
                art.article,
                art.general_means.as_deref().unwrap_or_default()
            ));
            row.advice.push(format!(
                "a dedicated order obliging the custodian to preserve the data would meet Art. {} directly",
                art.article
            ));
        }
        CoverageStatus::NotAssessed => {
            let open: Vec<&str> = row
                .requirements
                .iter()
                .filter(|r| r.status == RequirementStatus::NotAssessed)
                .map(|r| r.paragraph.as_str())
                .collect();
            row.reasons.push(format!(
                "the other paragraphs are met, but the data does not settle {}: the article is not assessed",
                open.join(", ")
            ));
        }
        _ => {
            let unmet: Vec<&str> = row
                .requirements
                .iter()
                .filter(|r| r.status == RequirementStatus::Unmet)
                .map(|r| r.paragraph.as_str())
                .collect();
            row.reasons.push(format!("not met: {}", unmet.join(", ")));
        }
    }
    // Art. 14(2): the powers of Arts. 16-20 apply to offenses committed by computer and to electronic evidence of
    // any offense; a power limited to some offenses is said so, not graded down (the other powers may fill in).
    if ["16", "17", "18", "19", "20"].contains(&art.article.as_str()) {
        for (p, v) in &serving {
            if let Some(o) = &v.offenses {
                row.reasons.push(format!(
                    "{} applies only to {o}; Art. 14(2) asks that Arts. 16-20 reach offenses committed by means of a computer system and electronic evidence of any offense",
                    p.citation
                ));
            }
        }
    }
    if let Some(s) = status {
        for r in &s.reservations {
            let limits = art.limited_by.contains(&r.paragraph)
                && (r.limits.is_empty() || r.limits.contains(&art.article));
            if !limits {
                continue;
            }
            let note = r
                .note
                .as_deref()
                .unwrap_or("its wording is recorded without a summary");
            row.reasons.push(format!(
                "reservation under Art. {} limits Art. {}: {note}",
                r.paragraph, art.article
            ));
            if matches!(row.status, CoverageStatus::Full | CoverageStatus::Permitted) {
                row.status = CoverageStatus::Reserved;
            }
        }
    }
}

/// Joins advice that differs only in the paragraph it names ("… (16(1))", "… (16(3))" → "… (16(1), 16(3))").
fn merge_advice(advice: Vec<String>) -> Vec<String> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for a in advice {
        let (stem, para) = match a.rsplit_once(" (") {
            Some((s, p))
                if p.ends_with(')') && p.chars().next().is_some_and(|c| c.is_ascii_digit()) =>
            {
                (s.to_owned(), p.strip_suffix(')').map(str::to_owned))
            }
            _ => (a.clone(), None),
        };
        match out.iter_mut().find(|(s, _)| *s == stem) {
            Some((_, ps)) => ps.extend(para),
            None => out.push((stem, para.into_iter().collect())),
        }
    }
    out.into_iter()
        .map(|(s, ps)| {
            if ps.is_empty() {
                s
            } else {
                format!("{s} ({})", ps.join(", "))
            }
        })
        .collect()
}

fn citations(serving: &[(&Power, &PowerVersion)], ids: &[String]) -> String {
    serving
        .iter()
        .filter(|(p, _)| ids.contains(&p.id))
        .map(|(p, _)| p.citation.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn advice_for(q: &Requirement, failures: &[String], art: &ProceduralArticle) -> String {
    if let Some(f) = failures.iter().find(|f| f.contains("without sanction")) {
        let who = f
            .split(" is a request without sanction")
            .next()
            .unwrap_or("the measure");
        return format!(
            "{who}: voluntary, with no sanction; give the authorities an order that binds the person addressed ({})",
            q.paragraph
        );
    }
    if let Some(min) = q.min_days
        && failures.iter().any(|f| f.contains("keeps data for"))
    {
        let now = failures
            .iter()
            .find(|f| f.contains("keeps data for"))
            .and_then(|f| f.split("keeps data for ").nth(1))
            .and_then(|f| f.split(';').next())
            .unwrap_or("less");
        return if art.article == "16" {
            format!(
                "the preservation order lasts {now}; the Convention allows up to {min} days and renewal: let it run as long as necessary, up to {min} days ({})",
                q.paragraph
            )
        } else {
            format!(
                "data preserved on a request are kept {now}; the Convention asks for at least {min} days ({})",
                q.paragraph
            )
        };
    }
    format!("provide for {}: {}", q.paragraph, q.text)
}
