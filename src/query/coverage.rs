//! Coverage: which articles of an instrument a state's law implements, on a date, and what would close each gap.

use serde::Serialize;

use crate::Corpus;
use crate::date::Date;
use crate::index::{CVariant, CVersion, ElementSet, Index};
use crate::model::*;
use crate::query::{ProvisionRef, QueryError, months_text};

/// The status of an article for a state, from best to worst.
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
pub enum CoverageStatus {
    /// Every conduct variant is criminalised with no element beyond the article's own.
    Full,
    /// Covered, but only with elements the article allows a Party to require.
    Permitted,
    /// A reservation made by the state covers what is missing.
    Reserved,
    /// Some variant is missing, or an offense adds an element the article does not permit, or lacks a custodial
    /// penalty the instrument requires, or has a maximum below the instrument's floor.
    Partial,
    /// No offense of the state reaches the article.
    Absent,
    /// The data's declared scope leaves the article out (say, a state's copyright law is not recorded): the report
    /// says nothing about the law, only about the data.
    NotAssessed,
}

impl CoverageStatus {
    /// The spelling used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            CoverageStatus::Full => "full",
            CoverageStatus::Permitted => "permitted",
            CoverageStatus::Reserved => "reserved",
            CoverageStatus::Partial => "partial",
            CoverageStatus::Absent => "absent",
            CoverageStatus::NotAssessed => "not_assessed",
        }
    }
}

/// The status of one conduct variant, from best to worst.
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
pub enum VariantStatus {
    /// Criminalised with no extra element and an adequate penalty.
    Full,
    /// Criminalised, with only elements the instrument lets a Party require.
    Permitted,
    /// Left out or narrowed under a reservation the state made.
    Reserved,
    /// An offense reaches the act, but adds an element not permitted or lacks the required penalty.
    Partial,
    /// No offense reaches the act.
    Missing,
}

/// Why an element an offense requires is or is not acceptable.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ExtraKind {
    /// A Party may require it by declaration; the state made the declaration.
    PermittedDeclared,
    /// A Party may require it by declaration; the state has not declared it.
    PermittedUndeclared,
    /// The state's reservation allows it.
    Reserved,
    /// The instrument does not allow it.
    NotPermitted,
}

/// An element an offense requires beyond the article's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct ExtraElement {
    /// The element.
    pub element: ElementId,
    /// Whether the instrument permits it.
    pub kind: ExtraKind,
    /// The paragraph that permits it, if any.
    pub paragraph: Option<String>,
    /// Where the offense requires one of several elements (`requires_one_of`), the others: the group narrows the
    /// offense because the article implies none of them, and is graded as `element`, its least narrow member.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub or: Vec<ElementId>,
}

/// How one conduct variant fares.
#[derive(Clone, Debug, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct VariantCoverage {
    /// The variant id.
    pub variant: String,
    /// Its status.
    pub status: VariantStatus,
    /// The offense that serves it best, if any.
    pub provision: Option<OffenseId>,
    /// That offense's extra elements.
    pub extra_elements: Vec<ExtraElement>,
    /// Penalty problems (no custodial penalty; maximum below the floor).
    pub penalty_problem: Option<String>,
    /// Elements of the offense counted as their broader ones: jurisdictional hooks (federal competence and the
    /// like), disregarded, and the state's own readings of terms the instrument leaves to national law.
    pub disregarded: Vec<ElementId>,
    /// Where offenses cover the variant only together (one per case of a partition): the others besides
    /// `provision`.
    pub together_with: Vec<OffenseId>,
    /// The reason, in words.
    pub reason: String,
}

/// What kind of change would close a gap.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AdviceKind {
    /// Criminalise a conduct no offense reaches.
    AddConduct,
    /// Drop an element the instrument does not permit.
    DropElement,
    /// Provide a custodial penalty.
    ProvideCustodialPenalty,
    /// Raise the maximum penalty to the instrument's floor.
    RaisePenalty,
    /// Make the declaration that permits an element the law already requires.
    Declare,
}

/// One change that would move a row toward `full`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Advice {
    /// The kind of change.
    pub kind: AdviceKind,
    /// The variants concerned.
    pub variants: Vec<String>,
    /// The provision to amend, if any.
    pub provision: Option<OffenseId>,
    /// The element to add or drop, if any.
    pub element: Option<ElementId>,
    /// The penalty to provide, if any.
    pub months: Option<u32>,
    /// The change in words.
    pub text: String,
}

/// Which part of a coverage report to keep: the offense articles, the procedural ones, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Offense articles only.
    Offenses,
    /// Procedural articles (powers and channels) only.
    Procedural,
    /// Both.
    #[default]
    All,
}

impl std::str::FromStr for Part {
    type Err = String;
    fn from_str(s: &str) -> Result<Part, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "offenses" => Ok(Part::Offenses),
            "procedural" => Ok(Part::Procedural),
            "all" => Ok(Part::All),
            other => Err(format!(
                "`{other}` is not a part: use offenses, procedural or all"
            )),
        }
    }
}

impl CoverageReport {
    /// Keeps only one part of the report (the other part's rows are emptied).
    ///
    /// ```
    /// use cyberlex::{Corpus, Part};
    /// let corpus = Corpus::builtin();
    /// let mut report = corpus.coverage("NL", "budapest", "2024-01-01".parse()?)?;
    /// report.keep(Part::Procedural);
    /// assert!(report.rows.is_empty());
    /// assert_eq!(report.procedural[0].article, "16");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn keep(&mut self, part: Part) {
        match part {
            Part::Offenses => {
                self.procedural.clear();
                self.unverified_powers.clear();
            }
            Part::Procedural => {
                self.rows.clear();
                self.unverified.clear();
            }
            Part::All => {}
        }
    }
}

/// One article's coverage.
#[derive(Clone, Debug, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct ArticleCoverage {
    /// The article number, as the instrument writes it.
    pub article: String,
    /// Its heading.
    pub title: String,
    /// The status.
    pub status: CoverageStatus,
    /// The national provisions involved.
    pub provisions: Vec<ProvisionRef>,
    /// Per variant.
    pub variants: Vec<VariantCoverage>,
    /// Why the status, in words.
    pub reasons: Vec<String>,
    /// What would close the gap.
    pub advice: Vec<Advice>,
}

/// A state's coverage of an instrument on a date.
#[derive(Clone, Debug, Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct CoverageReport {
    /// The state.
    pub jurisdiction: JurisdictionCode,
    /// Its name.
    pub jurisdiction_name: String,
    /// The instrument.
    pub instrument: InstrumentId,
    /// Its short title.
    pub instrument_title: String,
    /// The date.
    pub date: Date,
    /// Whether the state is bound by the instrument on the date.
    pub party: bool,
    /// The party status in words.
    pub party_note: String,
    /// Per article.
    pub rows: Vec<ArticleCoverage>,
    /// Provisions relied on that are recorded as unverified.
    pub unverified: Vec<OffenseId>,
    /// The latest day any of the state's records was checked.
    pub last_checked: Option<Date>,
    /// Provisions of the instrument the data does not encode, so not assessed (see [`Instrument::not_encoded`]).
    pub not_encoded: Vec<NotEncoded>,
    /// Per procedural article (powers and channels: Budapest Arts. 16-21, 29, 30, 35); empty for an instrument
    /// without procedural articles.
    #[serde(default)]
    pub procedural: Vec<crate::query::ProceduralCoverage>,
    /// Powers relied on that are recorded as unverified (ids).
    #[serde(default)]
    pub unverified_powers: Vec<String>,
}

/// One offense version graded against one variant, borrowing from the corpus: only the best candidate per variant
/// is turned into owned text.
struct Grade<'a> {
    status: VariantStatus,
    extras: Vec<Extra<'a>>,
    penalty_problem: Option<PenaltyProblem>,
}

struct Extra<'a> {
    /// the element's number in the index
    at: usize,
    element: &'a ElementId,
    kind: ExtraKind,
    paragraph: Option<&'a str>,
    /// the other members of its `requires_one_of` group, if it stands for one
    or: Vec<&'a ElementId>,
}

enum PenaltyProblem {
    NotCustodial,
    BelowFloor { top: Option<u32>, floor: u32 },
}

impl PenaltyProblem {
    fn text(&self) -> String {
        match self {
            PenaltyProblem::NotCustodial => {
                "no custodial penalty, though the instrument requires deprivation of liberty"
                    .to_owned()
            }
            PenaltyProblem::BelowFloor { top, floor } => format!(
                "maximum {} is below the instrument's floor of {}",
                months_text(*top),
                months_text(Some(*floor))
            ),
        }
    }
}

impl Extra<'_> {
    fn owned(&self) -> ExtraElement {
        ExtraElement {
            element: self.element.clone(),
            kind: self.kind,
            paragraph: self.paragraph.map(str::to_owned),
            or: self.or.iter().map(|e| (*e).clone()).collect(),
        }
    }
}

/// A state's reservations and declarations under one instrument, as element sets: computed once per query.
struct StatusSets<'a> {
    /// per reservation: the reservable paragraphs it is made under (indices in `reservable`) and the elements it
    /// lets the state require
    reservations: Vec<(&'a Reservation, Vec<usize>, ElementSet)>,
    /// the index's element ids, to name compiled requirements
    ids: &'a [ElementId],
    /// partial reservations: the variants applied only in part and the elements that may then be required
    partial: Vec<(&'a Reservation, &'a [String], ElementSet)>,
    /// per declarable paragraph of the instrument: the elements the state declared it requires under it
    declared: Vec<ElementSet>,
}

impl<'a> StatusSets<'a> {
    fn new(idx: &'a Index, inst: &Instrument, status: Option<&'a TreatyStatus>) -> StatusSets<'a> {
        let reservations = status
            .map(|s| {
                s.reservations
                    .iter()
                    .map(|res| {
                        let under = inst
                            .reservable
                            .iter()
                            .enumerate()
                            .filter(|(_, rb)| rb.paragraph == res.paragraph)
                            .map(|(i, _)| i)
                            .collect();
                        (res, under, idx.down_union(&res.requires))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let declared = inst
            .declarable
            .iter()
            .map(|d| {
                let mut set = ElementSet::new(idx.len());
                for x in status
                    .iter()
                    .flat_map(|s| &s.declarations)
                    .filter(|x| x.paragraph == d.paragraph)
                {
                    set.union_with(&idx.down_union(&x.requires));
                    set.union_with(&idx.down_union(&x.as_national));
                }
                set
            })
            .collect();
        let partial = status
            .map(|s| {
                s.reservations
                    .iter()
                    .flat_map(|res| {
                        res.applied_only_where.iter().map(move |pa| {
                            (res, pa.variants.as_slice(), idx.down_union(&pa.requires))
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        StatusSets {
            ids: &idx.ids,
            reservations,
            partial,
            declared,
        }
    }
}

fn grade<'a>(
    inst: &'a Instrument,
    art: &Article,
    var: &Variant,
    cvar: &CVariant,
    v: &'a OffenseVersion,
    cv: &CVersion,
    sets: &StatusSets<'a>,
) -> Option<Grade<'a>> {
    // The offense reaches the variant's act when one of its acts is that act or broader.
    if !cv.acts.iter().any(|&a| cvar.reached_by.contains(a)) {
        return None;
    }
    // How one element the variant does not imply is graded: reserved, permitted (declared or not), or not permitted.
    let classify = |r: usize| -> Extra<'a> {
        // The compiled requirements (hooks and readings replaced), named from the index: they need not line up with
        // the version's own list.
        let element = &sets.ids[r];
        // An element is permitted when it is, or is narrower than, an element a paragraph lets a Party require.
        let reserved = sets
            .reservations
            .iter()
            .find(|(_, under, allowed)| {
                allowed.contains(r) && under.iter().any(|rb| cvar.reservable.contains(rb))
            })
            .map(|(res, _, _)| *res)
            .or_else(|| {
                sets.partial
                    .iter()
                    .find(|(_, vs, allowed)| allowed.contains(r) && vs.contains(&var.id))
                    .map(|(res, _, _)| *res)
            });
        // Permitted by the paragraph, or the national element through which the state says it requires what it
        // declared under it.
        let declarable = cvar.declarable.iter().find(|(di, allowed)| {
            allowed.contains(r) || sets.declared.get(*di).is_some_and(|d| d.contains(r))
        });
        let (kind, paragraph) = if let Some(res) = reserved {
            (ExtraKind::Reserved, Some(res.paragraph.as_str()))
        } else if let Some(&(di, _)) = declarable {
            let declared = sets.declared.get(di).is_some_and(|d| d.contains(r));
            let kind = if declared {
                ExtraKind::PermittedDeclared
            } else {
                ExtraKind::PermittedUndeclared
            };
            (kind, Some(inst.declarable[di].paragraph.as_str()))
        } else {
            (ExtraKind::NotPermitted, None)
        };
        Extra {
            at: r,
            element,
            kind,
            paragraph,
            or: Vec::new(),
        }
    };
    let mut extras: Vec<Extra<'a>> = Vec::new();
    for &r in &cv.requires {
        if !cvar.implied.contains(r) {
            extras.push(classify(r));
        }
    }
    // A group of alternatives narrows the offense only when the variant implies none of them; it is then as narrow
    // as its least narrow member (requiring "a or b" asks less than requiring a), and is graded as that member.
    let rank = |k: ExtraKind| match k {
        ExtraKind::PermittedDeclared => 0,
        ExtraKind::Reserved => 1,
        ExtraKind::PermittedUndeclared => 2,
        ExtraKind::NotPermitted => 3,
    };
    for g in &cv.one_of {
        if g.iter().any(|&m| cvar.implied.contains(m)) {
            continue;
        }
        if let Some(best) = g.iter().map(|&m| classify(m)).min_by_key(|e| rank(e.kind)) {
            let or = g
                .iter()
                .filter(|&&m| m != best.at)
                .map(|&m| &sets.ids[m])
                .collect();
            extras.push(Extra { or, ..best });
        }
    }
    let p = &v.penalty;
    let penalty_problem = if art.custodial_required && !p.is_custodial() {
        Some(PenaltyProblem::NotCustodial)
    } else {
        art.min_max_months.and_then(|floor| {
            let top = p.max_months.max(p.max_months_aggravated());
            (!p.follows_principal && top.is_none_or(|m| m < floor))
                .then_some(PenaltyProblem::BelowFloor { top, floor })
        })
    };
    // An optional element is `permitted` only where the state declared it (Art. 40 makes the declaration the
    // condition: "may require ... by declaration"); an undeclared one is as much a gap as any other extra element.
    let status = if penalty_problem.is_some()
        || extras.iter().any(|e| {
            matches!(
                e.kind,
                ExtraKind::NotPermitted | ExtraKind::PermittedUndeclared
            )
        }) {
        VariantStatus::Partial
    } else if extras.iter().any(|e| e.kind == ExtraKind::Reserved) {
        VariantStatus::Reserved
    } else if !extras.is_empty() {
        VariantStatus::Permitted
    } else {
        VariantStatus::Full
    };
    Some(Grade {
        status,
        extras,
        penalty_problem,
    })
}

/// An element as a reader should see it: its words first, the id after, where it can be copied.
pub(crate) fn named(corpus: &Corpus, e: &ElementId) -> String {
    match corpus.index.ix.get(e) {
        Some(&i) => format!("{} (`{e}`)", corpus.elements[i].short_definition()),
        None => format!("`{e}`"),
    }
}

/// An element as the object of "requires": "that the conduct resulted in …" for a clause, the words otherwise.
fn required(corpus: &Corpus, e: &ElementId) -> String {
    let w = named(corpus, e);
    if w.starts_with("the ") {
        format!("that {w}")
    } else {
        w
    }
}

fn elems(corpus: &Corpus, v: &[ElementId]) -> String {
    v.iter()
        .map(|e| named(corpus, e))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Computes a state's coverage of an instrument on a date.
pub(crate) fn coverage(
    corpus: &Corpus,
    code: &str,
    instrument: &str,
    date: Date,
    part: Part,
) -> Result<CoverageReport, QueryError> {
    let j = corpus.jurisdiction(code)?;
    let inst = corpus.instrument(instrument)?;
    if inst.cooperation.eaw.is_some() {
        return Err(QueryError::NotImplementable {
            instrument: inst.id.to_string(),
        });
    }
    // The offense records' start bounds the offense part only: procedural rows say for themselves when their
    // records begin.
    if part != Part::Procedural {
        corpus.check_covered(j, date)?;
    }
    let idx = &corpus.index;
    let status = j.treaty(&inst.id);
    let party = status.is_some_and(|s| s.party_on(date));
    let party_note = match status {
        Some(s) if s.party_on(date) => match s.in_force {
            Some(d) => format!("party since {d}"),
            None => "party (the date of entry into force is not recorded)".into(),
        },
        Some(s) => match s.in_force {
            Some(d) => {
                format!("not yet bound on {date} (in force for it from {d}); assessed all the same")
            }
            None if s.ratified.is_some_and(|r| r <= date) => format!(
                "ratified {}, but the date of entry into force is not recorded, so it is not counted as bound; assessed all the same",
                s.ratified.map(|d| d.to_string()).unwrap_or_default()
            ),
            None => format!(
                "not a party (signed {}); assessed all the same",
                s.signed
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into())
            ),
        },
        None => {
            "no status recorded: not a party as far as the data shows; assessed all the same".into()
        }
    };
    // A status read only in a secondary source, or not confirmed, says so, as unverified offenses do.
    let party_note = match status {
        None => party_note,
        Some(s) => format!(
            "{party_note}{}{}",
            match s.verification {
                Verification::OfficialText => "",
                Verification::Secondary => " (status read in a secondary source)",
                Verification::Unverified => " (status unverified: check it before use)",
            },
            s.note
                .as_deref()
                .map(|n| format!("; {n}"))
                .unwrap_or_default()
        ),
    };
    let cvars = idx.variants.get(&inst.id);
    let in_force: Vec<(&Offense, &OffenseVersion, &CVersion)> =
        corpus.versions_in_force(j, date).collect();
    let not_applied: Vec<(&str, &str)> = status
        .map(|s| {
            s.reservations
                .iter()
                .flat_map(|r| {
                    r.not_applied
                        .iter()
                        .map(move |v| (v.as_str(), r.paragraph.as_str()))
                })
                .collect()
        })
        .unwrap_or_default();
    let sets = StatusSets::new(idx, inst, status);
    let not_counted = corpus.not_counted(j, date);
    let mut rows = Vec::new();
    let mut unverified = Vec::new();
    let articles: &[Article] = if part == Part::Procedural {
        &[]
    } else {
        &inst.articles
    };
    for (ai, art) in articles.iter().enumerate() {
        if let Some(why) = j.not_assessed_reason(&inst.id, &art.number) {
            rows.push(ArticleCoverage {
                article: art.number.clone(),
                title: art.title.clone(),
                status: CoverageStatus::NotAssessed,
                provisions: vec![],
                variants: vec![],
                reasons: vec![format!(
                    "not assessed: the data's declared scope leaves this article out ({why}); this says nothing about the law"
                )],
                advice: vec![],
            });
            continue;
        }
        let mut variants = Vec::new();
        let mut cands: Vec<(Grade, &Offense, &OffenseVersion, &CVersion)> = Vec::new();
        let mut provisions: Vec<ProvisionRef> = Vec::new();
        let mut advice = Vec::new();
        let mut reached = false;
        for (vi, var) in art.variants.iter().enumerate() {
            let Some(cvar) = cvars.and_then(|c| c.get(ai)).and_then(|c| c.get(vi)) else {
                continue;
            };
            cands.clear();
            for &(o, v, cv) in &in_force {
                if let Some(g) = grade(inst, art, var, cvar, v, cv, &sets) {
                    cands.push((g, o, v, cv));
                }
            }
            // An accessory variant (attempt, aiding) is assessed per target article.
            if !var.accessory_to.is_empty() {
                let (vc, adv) = accessory_cover(&rows, inst, var, &cands, status);
                reached |= !cands.is_empty();
                for &(_, o, v, _) in &cands {
                    if vc.provision.as_ref() == Some(&o.id) || vc.together_with.contains(&o.id) {
                        if !provisions.iter().any(|p| p.offense == o.id) {
                            provisions.push(ProvisionRef::new(o, v));
                        }
                        if o.verification == Verification::Unverified && !unverified.contains(&o.id)
                        {
                            unverified.push(o.id.clone());
                        }
                    }
                }
                advice.extend(adv);
                variants.push(vc);
                continue;
            }
            let best_at =
                (0..cands.len()).min_by_key(|&i| (cands[i].0.status, cands[i].0.extras.len(), i));
            // Complementary offenses: where no single offense covers the variant, several that each cover one case
            // of a partition the variant implies cover it together.
            let joint = match best_at {
                Some(b) if cands[b].0.status == VariantStatus::Partial => {
                    union_cover(corpus, j, cvar, &cands)
                }
                _ => None,
            };
            let reservation = not_applied
                .iter()
                .find(|(v, _)| *v == var.id)
                .map(|(_, p)| *p);
            if let Some(u) = joint {
                reached = true;
                for &(o, v) in &u.members {
                    if !provisions.iter().any(|p| p.offense == o.id) {
                        provisions.push(ProvisionRef::new(o, v));
                    }
                    if o.verification == Verification::Unverified && !unverified.contains(&o.id) {
                        unverified.push(o.id.clone());
                    }
                }
                variants.push(VariantCoverage {
                    variant: var.id.clone(),
                    status: u.status,
                    provision: u.members.first().map(|(o, _)| o.id.clone()),
                    extra_elements: vec![],
                    penalty_problem: None,
                    disregarded: vec![],
                    together_with: u
                        .members
                        .iter()
                        .skip(1)
                        .map(|(o, _)| o.id.clone())
                        .collect(),
                    reason: u.reason,
                });
                continue;
            }
            let best = best_at.map(|b| cands.swap_remove(b));
            let vc = match best {
                Some((g, o, v, cv)) => {
                    reached = true;
                    let disregarded: Vec<ElementId> =
                        cv.disregarded.iter().map(|&i| idx.ids[i].clone()).collect();
                    let extras: Vec<ExtraElement> = g.extras.iter().map(Extra::owned).collect();
                    let penalty_problem = g.penalty_problem.as_ref().map(PenaltyProblem::text);
                    if !provisions.iter().any(|p| p.offense == o.id) {
                        provisions.push(ProvisionRef::new(o, v));
                    }
                    if o.verification == Verification::Unverified && !unverified.contains(&o.id) {
                        unverified.push(o.id.clone());
                    }
                    let mut status = g.status;
                    let mut reason = match g.status {
                        VariantStatus::Full => format!(
                            "{} covers it with no element beyond the article's own",
                            o.citation
                        ),
                        VariantStatus::Permitted => format!(
                            "{} covers it, requiring {} as the instrument permits",
                            o.citation,
                            extras_text(corpus, &extras)
                        ),
                        VariantStatus::Reserved => format!(
                            "{} covers it, requiring {} under the state's reservation",
                            o.citation,
                            extras_text(corpus, &extras)
                        ),
                        _ => {
                            let mut parts = Vec::new();
                            let bad: Vec<&ExtraElement> = extras
                                .iter()
                                .filter(|e| e.kind == ExtraKind::NotPermitted)
                                .collect();
                            if !bad.is_empty() {
                                parts.push(format!(
                                    "requires {} which the article does not permit",
                                    bad.iter()
                                        .map(|e| with_alternatives(
                                            corpus,
                                            &e.or,
                                            required(corpus, &e.element)
                                        ))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ));
                            }
                            let undeclared: Vec<&ExtraElement> = extras
                                .iter()
                                .filter(|e| e.kind == ExtraKind::PermittedUndeclared)
                                .collect();
                            if !undeclared.is_empty() {
                                parts.push(format!(
                                    "requires {}, which a Party may require only by declaring it, and the state has made no such declaration",
                                    undeclared
                                        .iter()
                                        .map(|e| format!(
                                            "{} (para. {})",
                                            with_alternatives(corpus, &e.or, named(corpus, &e.element)),
                                            e.paragraph.as_deref().unwrap_or_default()
                                        ))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ));
                            }
                            if let Some(p) = &penalty_problem {
                                parts.push(p.clone());
                            }
                            format!("{} reaches it but {}", o.citation, parts.join("; "))
                        }
                    };
                    if status == VariantStatus::Partial {
                        if let Some(p) = reservation {
                            status = VariantStatus::Reserved;
                            reason = format!(
                                "{reason}; the state's Art. {p} reservation covers this variant"
                            );
                        } else {
                            // An offense about another object altogether (false identity papers, where the article
                            // speaks of hacking tools) is no near miss: dropping its object would make it a different
                            // offense. Advise criminalising the conduct instead.
                            let foreign_object = g.extras.iter().any(|e| {
                                e.kind == ExtraKind::NotPermitted
                                    && idx.ids[e.at].kind() == ElementKind::Object
                                    && !cvar.requires.iter().any(|&vo| {
                                        idx.ids[vo].kind() == ElementKind::Object
                                            && (idx.up[e.at].contains(vo)
                                                || idx.up[vo].contains(e.at))
                                    })
                            });
                            if foreign_object {
                                // Where the object is all that is missing, a drafter extends the offense to it.
                                let only_object = g.extras.iter().all(|e| {
                                    e.kind != ExtraKind::NotPermitted
                                        || idx.ids[e.at].kind() == ElementKind::Object
                                }) && g.extras.iter().all(|e| e.kind != ExtraKind::PermittedUndeclared)
                                    && penalty_problem.is_none()
                                    // and the offense is one the data says implements this article, not one about
                                    // another subject (identity papers) that happens to share the act
                                    && o.implements.iter().any(|a| a.instrument == inst.id && a.article == art.number);
                                let wanted = var
                                    .requires
                                    .iter()
                                    .find(|e| e.kind() == ElementKind::Object);
                                match wanted {
                                    Some(w) if only_object => advice.push(Advice {
                                        kind: AdviceKind::AddConduct,
                                        variants: vec![var.id.clone()],
                                        provision: Some(o.id.clone()),
                                        element: Some(w.clone()),
                                        months: art.min_max_months,
                                        text: format!(
                                            "extend {} to {}: it already punishes {} with the article's other elements, but only for {}",
                                            o.citation,
                                            named(corpus, w),
                                            named(corpus, &var.act),
                                            g.extras
                                                .iter()
                                                .filter(|e| e.kind == ExtraKind::NotPermitted)
                                                .map(|e| named(corpus, e.element))
                                                .collect::<Vec<_>>()
                                                .join(" and ")
                                        ),
                                    }),
                                    _ => advice.push(add_conduct(
                                        corpus,
                                        art,
                                        var,
                                        &format!(
                                            " ({} reaches the act only for another object)",
                                            o.citation
                                        ),
                                    )),
                                }
                            }
                            for e in g
                                .extras
                                .iter()
                                .filter(|e| e.kind == ExtraKind::NotPermitted && !foreign_object)
                            {
                                advice.push(Advice {
                                    kind: AdviceKind::DropElement,
                                    variants: vec![var.id.clone()],
                                    provision: Some(o.id.clone()),
                                    element: Some(e.element.clone()),
                                    months: None,
                                    text: format!("drop the requirement {} from {} (or add an offense without it)", { let r = required(corpus, e.element); with_alternatives(corpus, e.or.iter().copied(), if r.starts_with("that ") { r } else { format!("of {r}") }) }, o.citation),
                                });
                            }
                            if penalty_problem.is_some() {
                                let floor = art.min_max_months;
                                advice.push(Advice {
                                    kind: if floor.is_some() && v.penalty.is_custodial() {
                                        AdviceKind::RaisePenalty
                                    } else {
                                        AdviceKind::ProvideCustodialPenalty
                                    },
                                    variants: vec![var.id.clone()],
                                    provision: Some(o.id.clone()),
                                    element: None,
                                    months: floor,
                                    text: match floor {
                                        Some(f) => format!(
                                            "provide a maximum of at least {} in {}",
                                            months_text(Some(f)),
                                            o.citation
                                        ),
                                        None => format!(
                                            "provide a custodial penalty in {} (Art. 13)",
                                            o.citation
                                        ),
                                    },
                                });
                            }
                        }
                    }
                    for e in extras
                        .iter()
                        .filter(|e| e.kind == ExtraKind::PermittedUndeclared)
                    {
                        advice.push(Advice {
                            kind: AdviceKind::Declare,
                            variants: vec![var.id.clone()],
                            provision: Some(o.id.clone()),
                            element: Some(e.element.clone()),
                            months: None,
                            text: format!("declare under Art. {} (para. {}) that the state requires {}, or drop it from {}", inst.declarable.iter().find(|d| Some(d.paragraph.as_str()) == e.paragraph.as_deref()).map_or("40", |d| d.article.as_str()), e.paragraph.as_deref().unwrap_or_default(), named(corpus, &e.element), o.citation),
                        });
                    }
                    let (hooks, readings): (Vec<usize>, Vec<usize>) = cv
                        .disregarded
                        .iter()
                        .partition(|&&e| corpus.elements[e].jurisdictional);
                    let ids_of = |v: &[usize]| -> Vec<ElementId> {
                        v.iter().map(|&e| idx.ids[e].clone()).collect()
                    };
                    if !hooks.is_empty() {
                        reason = format!(
                            "{reason} ({} disregarded: a jurisdictional hook, which narrows nothing the instrument cares about)",
                            elems(corpus, &ids_of(&hooks))
                        );
                    }
                    if !readings.is_empty() {
                        reason = format!(
                            "{reason} ({} read as {}: the state's own reading of a term the instrument leaves to national law)",
                            elems(corpus, &ids_of(&readings)),
                            elems(
                                corpus,
                                &readings
                                    .iter()
                                    .flat_map(|&e| corpus.elements[e].broader.iter().cloned())
                                    .collect::<Vec<_>>()
                            )
                        );
                    }
                    VariantCoverage {
                        variant: var.id.clone(),
                        status,
                        provision: Some(o.id.clone()),
                        extra_elements: extras,
                        penalty_problem,
                        disregarded,
                        together_with: vec![],
                        reason,
                    }
                }
                None => match reservation {
                    Some(p) => bare(
                        var,
                        VariantStatus::Reserved,
                        format!("not criminalised; the state's Art. {p} reservation covers it"),
                    ),
                    None => {
                        advice.push(
                            host_for_act(corpus, inst, art, var, cvar, &in_force)
                                .unwrap_or_else(|| add_conduct(corpus, art, var, "")),
                        );
                        bare(
                            var,
                            VariantStatus::Missing,
                            format!("no offense in force reaches {}", named(corpus, &var.act)),
                        )
                    }
                },
            };
            variants.push(vc);
        }
        let worst = variants
            .iter()
            .map(|v| v.status)
            .max()
            .unwrap_or(VariantStatus::Missing);
        let all_reserved_or_better = variants.iter().all(|v| v.status <= VariantStatus::Reserved);
        let status = if !reached && !variants.iter().all(|v| v.status == VariantStatus::Reserved) {
            CoverageStatus::Absent
        } else if !all_reserved_or_better {
            CoverageStatus::Partial
        } else {
            match worst {
                VariantStatus::Full => CoverageStatus::Full,
                VariantStatus::Permitted => CoverageStatus::Permitted,
                _ => CoverageStatus::Reserved,
            }
        };
        let mut reasons = Vec::new();
        match status {
            CoverageStatus::Full => reasons.push(format!("all {} conduct variant(s) are criminalised with no element beyond the article's own", variants.len())),
            CoverageStatus::Absent => reasons.push("no offense in force reaches any conduct of this article".to_owned()),
            _ => {}
        }
        if status != CoverageStatus::Full && status != CoverageStatus::Absent {
            // Variants with the same status and reason are listed together.
            let mut groups: Vec<(VariantStatus, &str, Vec<&str>)> = Vec::new();
            for v in variants.iter().filter(|v| v.status != VariantStatus::Full) {
                match groups
                    .iter_mut()
                    .find(|g| g.0 == v.status && g.1 == v.reason)
                {
                    Some(g) => g.2.push(&v.variant),
                    None => groups.push((v.status, &v.reason, vec![&v.variant])),
                }
            }
            for (st, reason, ids) in groups {
                let label = match st {
                    VariantStatus::Missing => "missing",
                    VariantStatus::Partial => "partial",
                    VariantStatus::Reserved => "reserved",
                    VariantStatus::Permitted => "permitted",
                    VariantStatus::Full => "full",
                };
                reasons.push(format!("{} ({label}): {reason}", ids.join(", ")));
            }
        }
        // The same change serving several variants is one piece of advice.
        let mut merged: Vec<Advice> = Vec::new();
        for a in advice {
            match merged.iter_mut().find(|m| {
                m.kind == a.kind
                    && m.provision == a.provision
                    && m.element == a.element
                    && m.months == a.months
                    && m.text == a.text
            }) {
                Some(m) => m.variants.extend(a.variants),
                None => merged.push(a),
            }
        }
        let advice = merged;
        for (_, cv, caution) in &not_counted {
            if reached_articles(corpus, cv, inst).contains(&art.number) {
                reasons.push(caution.clone());
            }
        }
        rows.push(ArticleCoverage {
            article: art.number.clone(),
            title: art.title.clone(),
            status,
            provisions,
            variants,
            reasons,
            advice,
        });
    }
    let mut unverified_powers = Vec::new();
    let procedural = if part == Part::Offenses {
        vec![]
    } else {
        crate::query::procedural::procedural_rows(corpus, j, inst, date, &mut unverified_powers)
    };
    Ok(CoverageReport {
        procedural,
        unverified_powers,
        jurisdiction: j.code.clone(),
        jurisdiction_name: j.name.clone(),
        instrument: inst.id.clone(),
        instrument_title: inst.short_title.clone(),
        date,
        party,
        party_note,
        rows,
        unverified,
        last_checked: corpus.last_checked(j),
        not_encoded: inst.not_encoded.clone(),
    })
}

/// An accessory variant (attempt, aiding or abetting: Budapest Art. 11) assessed per target article: for each
/// target, a general-part provision of the state must reach the offenses that implement it (a provision with
/// `accessory_to` reaches only those it names), or the state's reservation must leave the target out (Art. 11(3)).
fn accessory_cover(
    rows: &[ArticleCoverage],
    inst: &Instrument,
    var: &Variant,
    cands: &[(Grade<'_>, &Offense, &OffenseVersion, &CVersion)],
    status: Option<&TreatyStatus>,
) -> (VariantCoverage, Vec<Advice>) {
    let reservable = inst
        .reservable
        .iter()
        .find(|r| r.may_not_apply.contains(&var.id))
        .map(|r| format!(", or reserve it under Art. {}", r.paragraph));
    let what = match var.act.as_str() {
        "act/attempt" => "attempt",
        "act/aid-abet" => "aiding or abetting",
        other => other,
    };
    let reservation = status.and_then(|s| {
        s.reservations
            .iter()
            .find(|r| r.not_applied.contains(&var.id))
    });
    let arts = |v: &[String]| match v {
        [one] => format!("Art. {one}"),
        _ => format!("Arts. {}", v.join(", ")),
    };
    if cands.is_empty() && reservation.is_none() {
        // No general-part rule at all: one gap, not one per target.
        return (
            bare(
                var,
                VariantStatus::Missing,
                format!("no provision on {what} is in force"),
            ),
            vec![Advice {
                kind: AdviceKind::AddConduct,
                variants: vec![var.id.clone()],
                provision: None,
                element: Some(var.act.clone()),
                months: None,
                text: format!(
                    "provide for {what} of the offenses carrying {}{}",
                    arts(&var.accessory_to),
                    reservable.as_deref().unwrap_or_default()
                ),
            }],
        );
    }
    let mut covered: Vec<(String, VariantStatus)> = Vec::new();
    let mut reserved: Vec<String> = Vec::new();
    let mut lacking: Vec<(String, Vec<String>)> = Vec::new();
    let mut absent: Vec<String> = Vec::new();
    let mut used: Vec<OffenseId> = Vec::new();
    let mut advice = Vec::new();
    for t in &var.accessory_to {
        // The target: an article's row, or one variant of it.
        let (article, target_missing, offenses): (&str, bool, Vec<&OffenseId>) =
            if let Some(row) = rows.iter().find(|r| &r.article == t) {
                if row.status == CoverageStatus::NotAssessed {
                    continue;
                }
                (
                    &row.article,
                    row.status == CoverageStatus::Absent,
                    row.provisions.iter().map(|p| &p.offense).collect(),
                )
            } else if let Some((row, vc)) = rows
                .iter()
                .find_map(|r| r.variants.iter().find(|v| &v.variant == t).map(|v| (r, v)))
            {
                if row.status == CoverageStatus::NotAssessed {
                    continue;
                }
                (
                    &row.article,
                    vc.status == VariantStatus::Missing,
                    vc.provision.iter().chain(&vc.together_with).collect(),
                )
            } else {
                continue;
            };
        let reserved_here = reservation.is_some_and(|r| {
            r.accessory_targets.is_empty()
                || r.accessory_targets.iter().any(|x| x == t || x == article)
        });
        // A reservation matters only where the law does not cover the target: it never hides what is covered.
        if offenses.is_empty() || target_missing {
            if reserved_here {
                reserved.push(t.clone());
            } else {
                absent.push(t.clone());
            }
            continue;
        }
        let best = cands
            .iter()
            .filter(|(_, _, v, _)| {
                v.accessory_to.is_empty() || v.accessory_to.iter().any(|o| offenses.contains(&o))
            })
            .min_by_key(|(g, _, _, _)| (g.status, g.extras.len()));
        if let Some((g, o, _, _)) = best {
            if !used.contains(&o.id) {
                used.push(o.id.clone());
            }
            covered.push((t.clone(), g.status));
        } else if reserved_here {
            reserved.push(t.clone());
        } else {
            let mut names: Vec<String> = Vec::new();
            for p in rows.iter().flat_map(|r| &r.provisions) {
                if offenses.contains(&&p.offense) && !names.contains(&p.citation) {
                    names.push(p.citation.clone());
                }
            }
            if !cands.is_empty() {
                advice.push(Advice {
                    kind: AdviceKind::AddConduct,
                    variants: vec![var.id.clone()],
                    provision: None,
                    element: Some(var.act.clone()),
                    months: None,
                    text: format!(
                        "make {what} of {} punishable (Art. {t}){}",
                        names.join(", "),
                        reservable.as_deref().unwrap_or_default()
                    ),
                });
            }
            lacking.push((t.clone(), names));
        }
    }
    let worst_covered = covered
        .iter()
        .map(|(_, s)| *s)
        .max()
        .unwrap_or(VariantStatus::Full);
    let status = if covered.is_empty() && reserved.is_empty() {
        VariantStatus::Missing
    } else if !lacking.is_empty() || worst_covered >= VariantStatus::Partial {
        VariantStatus::Partial
    } else if !reserved.is_empty() {
        VariantStatus::Reserved.max(worst_covered)
    } else {
        worst_covered
    };
    let citations: Vec<&str> = cands
        .iter()
        .filter(|(_, o, _, _)| used.contains(&o.id))
        .map(|(_, o, _, _)| o.citation.as_str())
        .collect();
    let mut parts = Vec::new();
    if !covered.is_empty() {
        let targets: Vec<String> = covered.iter().map(|(t, _)| t.clone()).collect();
        parts.push(format!(
            "{what} of {} is punishable ({})",
            arts(&targets),
            citations.join("; ")
        ));
    }
    for (t, names) in &lacking {
        parts.push(format!(
            "not of Art. {t}: no recorded provision makes {what} of {} punishable",
            names.join(", ")
        ));
    }
    if !reserved.is_empty() {
        parts.push(format!(
            "{} left out under the state's Art. {} reservation",
            arts(&reserved),
            reservation.map_or("", |r| r.paragraph.as_str())
        ));
    }
    if !absent.is_empty() {
        parts.push(format!(
            "{} {} no offense to be accessory to (see the row)",
            arts(&absent),
            if absent.len() == 1 { "has" } else { "have" }
        ));
    }
    if cands.is_empty() {
        parts.push(format!("no provision on {what} is in force"));
    }
    (
        VariantCoverage {
            variant: var.id.clone(),
            status,
            provision: used.first().cloned(),
            extra_elements: vec![],
            penalty_problem: None,
            disregarded: vec![],
            together_with: used.iter().skip(1).cloned().collect(),
            reason: parts.join("; "),
        },
        advice,
    )
}

/// A variant's coverage with no provision to name.
fn bare(var: &Variant, status: VariantStatus, reason: String) -> VariantCoverage {
    VariantCoverage {
        variant: var.id.clone(),
        status,
        provision: None,
        extra_elements: vec![],
        penalty_problem: None,
        disregarded: vec![],
        together_with: vec![],
        reason,
    }
}

/// The advice to criminalise a variant's conduct, with an optional remark.
fn add_conduct(corpus: &Corpus, art: &Article, var: &Variant, remark: &str) -> Advice {
    Advice {
        kind: AdviceKind::AddConduct,
        variants: vec![var.id.clone()],
        provision: None,
        element: Some(var.act.clone()),
        months: art.min_max_months,
        text: format!(
            "criminalise {} with {}{remark}",
            named(corpus, &var.act),
            elems(corpus, &var.requires)
        ),
    }
}

/// A drafter closes a missing conduct by adding the act to the offense that already has the rest: an offense in
/// force that reaches another conduct of the same article and whose every requirement (each group through one
/// member) the missing variant implies, so that with the act added it would cover the variant with nothing extra.
/// Of several, the one requiring most (the closest fit), then the first listed.
fn host_for_act(
    corpus: &Corpus,
    inst: &Instrument,
    art: &Article,
    var: &Variant,
    cvar: &CVariant,
    in_force: &[(&Offense, &OffenseVersion, &CVersion)],
) -> Option<Advice> {
    let host = in_force
        .iter()
        .rev()
        .filter(|(_, v, cv)| {
            !v.penalty.follows_principal
                && cv.requires.iter().all(|&r| cvar.implied.contains(r))
                && cv
                    .one_of
                    .iter()
                    .all(|g| g.iter().any(|&m| cvar.implied.contains(m)))
                && reached_articles(corpus, cv, inst).contains(&art.number)
        })
        .max_by_key(|(_, _, cv)| cv.requires.len() + cv.one_of.len())?;
    let (o, _, _) = host;
    Some(Advice {
        kind: AdviceKind::AddConduct,
        variants: vec![var.id.clone()],
        provision: Some(o.id.clone()),
        element: Some(var.act.clone()),
        months: art.min_max_months,
        text: format!(
            "add {} to the acts of {}, which already punishes the article's other conduct with every element this one needs",
            named(corpus, &var.act),
            o.citation
        ),
    })
}

/// Offenses that cover a variant together.
struct Joint<'a> {
    status: VariantStatus,
    members: Vec<(&'a Offense, &'a OffenseVersion)>,
    reason: String,
}

/// Whether offenses that each cover one case of a partition the variant implies cover the variant together: for
/// every case, some offense whose only unacceptable extra elements are that case (or narrower), with no penalty
/// problem. The joint status is the worst of the members' statuses once the case elements are set aside.
fn union_cover<'a>(
    corpus: &Corpus,
    j: &Jurisdiction,
    cvar: &CVariant,
    cands: &[(Grade<'a>, &'a Offense, &'a OffenseVersion, &'a CVersion)],
) -> Option<Joint<'a>> {
    let idx = &corpus.index;
    for &k in idx.partitions_of.get(&j.code).into_iter().flatten() {
        let (pi, genus, cases) = &idx.partitions[k];
        if !cvar.implied.contains(*genus) {
            continue;
        }
        let mut members: Vec<(&Offense, &OffenseVersion)> = Vec::new();
        let mut worst = VariantStatus::Full;
        let mut all = true;
        for &case in cases {
            let mut found: Option<(VariantStatus, &Offense, &OffenseVersion)> = None;
            for (g, o, v, _) in cands {
                if g.penalty_problem.is_some() {
                    continue;
                }
                let mut ok = true;
                let mut st = VariantStatus::Full;
                for e in &g.extras {
                    let within_case = idx.up[e.at].contains(case);
                    match e.kind {
                        _ if within_case => {}
                        ExtraKind::NotPermitted | ExtraKind::PermittedUndeclared => ok = false,
                        ExtraKind::Reserved => st = st.max(VariantStatus::Reserved),
                        ExtraKind::PermittedDeclared => st = st.max(VariantStatus::Permitted),
                    }
                }
                if ok && found.as_ref().is_none_or(|(s0, _, _)| st < *s0) {
                    found = Some((st, o, v));
                }
            }
            match found {
                Some((st, o, v)) => {
                    worst = worst.max(st);
                    if !members.iter().any(|(m, _)| m.id == o.id) {
                        members.push((o, v));
                    }
                }
                None => {
                    all = false;
                    break;
                }
            }
        }
        if all && members.len() > 1 {
            let p = &corpus.partitions[*pi];
            let reason = format!(
                "{} together cover it: {} exhaust {} ({})",
                members
                    .iter()
                    .map(|(o, _)| o.citation.as_str())
                    .collect::<Vec<_>>()
                    .join(" and "),
                elems(corpus, &p.cases),
                named(corpus, &p.element),
                p.authority
            );
            return Some(Joint {
                status: worst,
                members,
                reason,
            });
        }
    }
    None
}

/// An extra element's words followed by the other members of its group, if it stands for one: "a or b".
fn with_alternatives<'e>(
    corpus: &Corpus,
    or: impl IntoIterator<Item = &'e ElementId>,
    words: String,
) -> String {
    let mut w = words;
    for o in or {
        w.push_str(" or ");
        w.push_str(&named(corpus, o));
    }
    w
}

fn extras_text(corpus: &Corpus, v: &[ExtraElement]) -> String {
    v.iter()
        .map(|e| {
            let w = with_alternatives(corpus, &e.or, required(corpus, &e.element));
            match (&e.paragraph, e.kind) {
                (Some(p), ExtraKind::PermittedDeclared) => format!("{w} (para. {p}, declared)"),
                (Some(p), ExtraKind::PermittedUndeclared) => {
                    format!("{w} (para. {p}, not declared)")
                }
                (Some(p), _) => format!("{w} (para. {p})"),
                _ => w,
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Articles an offense version reaches (one of its acts covers some variant's act), per instrument.
pub(crate) fn reached_articles(corpus: &Corpus, cv: &CVersion, inst: &Instrument) -> Vec<String> {
    let idx = &corpus.index;
    let Some(cvars) = idx.variants.get(&inst.id) else {
        return vec![];
    };
    inst.articles
        .iter()
        .zip(cvars)
        .filter(|(_, vars)| {
            vars.iter()
                .any(|var| cv.acts.iter().any(|&a| var.reached_by.contains(a)))
        })
        .map(|(a, _)| a.number.clone())
        .collect()
}

impl Corpus {
    /// A state's coverage of an instrument's offense articles on a date: per article a status, the provisions
    /// involved, the reasons and what would close the gap.
    ///
    /// ```
    /// use cyberlex::{Corpus, CoverageStatus};
    /// # let corpus = Corpus::builder().builtin()
    /// #   .file("jurisdictions/xa.yaml", include_str!("../../tests/fixtures/good/jurisdictions/xa.yaml"))
    /// #   .build()?;
    /// let report = corpus.coverage("XA", "budapest", "2024-01-01".parse()?)?;
    /// for row in &report.rows {
    ///     println!("Art. {}: {}", row.article, row.status.as_str());
    /// }
    /// assert_eq!(report.rows[0].article, "2");
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`QueryError::UnknownJurisdiction`], [`QueryError::UnknownInstrument`], [`QueryError::NotImplementable`] for
    /// the European Arrest Warrant list, or [`QueryError::BeforeData`] for a date before the state's records begin.
    pub fn coverage(
        &self,
        jurisdiction: &str,
        instrument: &str,
        date: Date,
    ) -> Result<CoverageReport, QueryError> {
        coverage(self, jurisdiction, instrument, date, Part::All)
    }

    /// Coverage of one part of an instrument: its offense articles, its procedural articles (powers and
    /// channels: Budapest Arts. 16-21, 29, 30, 35), or both ([`Corpus::coverage`]).
    ///
    /// The procedural part is answered for any date: a row before the state's procedural records begin says so
    /// (`not_assessed`), where the offense part refuses a date before the offense records ([`QueryError::BeforeData`]).
    ///
    /// ```
    /// use cyberlex::{Corpus, CoverageStatus, Part};
    /// let corpus = Corpus::builtin();
    /// let report = corpus.coverage_part("NL", "budapest", "2024-01-01".parse()?, Part::Procedural)?;
    /// assert!(report.rows.is_empty());
    /// let art16 = report.procedural.iter().find(|r| r.article == "16").unwrap();
    /// assert_eq!(art16.status, CoverageStatus::Full);
    /// assert!(art16.powers.iter().any(|p| p.citation.contains("126ni")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Corpus::coverage`]; [`QueryError::BeforeData`] only for a part that includes the offenses.
    pub fn coverage_part(
        &self,
        jurisdiction: &str,
        instrument: &str,
        date: Date,
        part: Part,
    ) -> Result<CoverageReport, QueryError> {
        coverage(self, jurisdiction, instrument, date, part)
    }
}
