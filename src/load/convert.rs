//! Raw structs → validated model, collecting every problem.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_saphyr::Spanned;

use super::raw::{self, S};
use super::{
    Diagnostic, FORMAT_VERSION, FileKind, Layer, LoadError, Severity, SourceFile, did_you_mean,
    parse,
};
use crate::date::Date;
use crate::iso;
use crate::model::*;

/// A validated corpus, before indexing.
pub(crate) struct Loaded {
    pub elements: Vec<Element>,
    pub partitions: Vec<Partition>,
    pub instruments: BTreeMap<InstrumentId, Instrument>,
    pub jurisdictions: BTreeMap<JurisdictionCode, Jurisdiction>,
    pub bases: BTreeMap<BasisId, Basis>,
    pub nationality: BTreeMap<JurisdictionCode, Vec<NationalityRule>>,
    pub powers: BTreeMap<JurisdictionCode, Powers>,
    /// Warnings and notes (no errors: with errors, conversion fails).
    pub diagnostics: Vec<Diagnostic>,
}

/// Largest maximum penalty accepted, in months (100 years; life imprisonment is written 1200).
pub const MAX_MONTHS: i64 = 1200;

pub(crate) type Pos = Option<(u64, u64)>;

pub(crate) fn pos<T>(s: &Spanned<T>) -> Pos {
    let l = s.referenced;
    (l.line() > 0).then(|| (l.line(), l.column()))
}

pub(crate) struct Ctx {
    pub(crate) diags: Vec<Diagnostic>,
}

impl Ctx {
    pub(crate) fn err(&mut self, path: &str, p: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(path, p, msg));
    }
    pub(crate) fn err_help(
        &mut self,
        path: &str,
        p: Pos,
        msg: impl Into<String>,
        help: Option<String>,
    ) {
        self.diags
            .push(Diagnostic::error(path, p, msg).with_help(help));
    }

    pub(crate) fn date(&mut self, path: &str, s: &S<String>, what: &str) -> Option<Date> {
        match s.value.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(path, pos(s), format!("{what}: {e}"));
                None
            }
        }
    }

    pub(crate) fn opt_date(
        &mut self,
        path: &str,
        s: Option<&S<String>>,
        what: &str,
    ) -> Option<Date> {
        s.and_then(|s| self.date(path, s, what))
    }

    pub(crate) fn source(&mut self, path: &str, s: &S<String>) -> String {
        let v = s.value.trim();
        if v.is_empty() {
            self.err_help(
                path,
                pos(s),
                "`source` is empty",
                Some("name the address of the text actually read".into()),
            );
        }
        v.to_owned()
    }

    pub(crate) fn verification(&mut self, path: &str, s: &S<String>) -> Verification {
        match s.value.as_str() {
            "official-text" => Verification::OfficialText,
            "secondary" => Verification::Secondary,
            "unverified" => Verification::Unverified,
            other => {
                self.err_help(
                    path,
                    pos(s),
                    format!("`{other}` is not a verification status"),
                    did_you_mean(other, ["official-text", "secondary", "unverified"])
                        .or_else(|| Some("use official-text, secondary or unverified".into())),
                );
                Verification::Unverified
            }
        }
    }
}

struct ElementTable {
    known: HashMap<String, (String, Pos)>,
    broader: HashMap<String, Vec<ElementId>>,
    /// old id → (new id, reason)
    aliases: HashMap<String, (ElementId, String)>,
}

impl ElementTable {
    /// Whether `narrow` is `broad` or a special case of it (bounded walk: cycles are reported elsewhere).
    fn within(&self, narrow: &ElementId, broad: &ElementId) -> bool {
        let mut stack = vec![narrow.clone()];
        let mut seen = HashSet::new();
        while let Some(e) = stack.pop() {
            if &e == broad {
                return true;
            }
            if seen.insert(e.0.clone())
                && let Some(b) = self.broader.get(&e.0)
            {
                stack.extend(b.iter().cloned());
            }
        }
        false
    }

    fn resolve(
        &self,
        ctx: &mut Ctx,
        path: &str,
        s: &S<String>,
        want: Option<ElementKind>,
    ) -> Option<ElementId> {
        if let Some((now, reason)) = self.aliases.get(&s.value) {
            ctx.diags.push(
                Diagnostic::warning(
                    path,
                    pos(s),
                    format!("`{}` is an old id, read as `{now}`", s.value),
                )
                .with_help(Some(format!("use `{now}` ({reason})"))),
            );
            let alias = S {
                value: now.0.clone(),
                referenced: s.referenced,
                defined: s.defined,
            };
            return self.resolve(ctx, path, &alias, want);
        }
        if !self.known.contains_key(&s.value) {
            ctx.err_help(
                path,
                pos(s),
                format!("unknown element `{}`", s.value),
                did_you_mean(&s.value, self.known.keys().map(String::as_str)).or_else(|| {
                    Some(
                        "elements are defined in elements.yaml or a jurisdiction's `elements:`"
                            .into(),
                    )
                }),
            );
            return None;
        }
        let id = ElementId(s.value.clone());
        if let Some(k) = want
            && id.kind() != k
        {
            ctx.err(
                path,
                pos(s),
                format!("`{}` is not an {k:?} element here", s.value).to_lowercase(),
            );
            return None;
        }
        Some(id)
    }

    fn resolve_all(
        &self,
        ctx: &mut Ctx,
        path: &str,
        v: &[S<String>],
        want: Option<ElementKind>,
    ) -> Vec<ElementId> {
        let mut out: Vec<ElementId> = Vec::with_capacity(v.len());
        for s in v {
            if let Some(id) = self.resolve(ctx, path, s, want) {
                if out.contains(&id) {
                    ctx.err(path, pos(s), format!("`{id}` is listed twice"));
                } else {
                    out.push(id);
                }
            }
        }
        out
    }
}

struct ParsedFiles {
    elements: Vec<(SourceFile, raw::ElementsFile)>,
    instruments: Vec<(SourceFile, String, raw::InstrumentFile)>,
    jurisdictions: Vec<(SourceFile, String, raw::JurisdictionFile)>,
    bases: Vec<(SourceFile, String, super::cooperation::BasisFile)>,
    nationality: Vec<(SourceFile, String, super::cooperation::NationalityFile)>,
    powers: Vec<(SourceFile, String, super::procedural::PowersFile)>,
}

fn check_version(ctx: &mut Ctx, path: &str, v: &S<u32>) -> bool {
    if v.value == FORMAT_VERSION {
        true
    } else {
        ctx.err_help(
            path,
            pos(v),
            format!("format_version {} is not one this library reads", v.value),
            Some(format!(
                "this version of cyberlex reads format_version {FORMAT_VERSION}; see CHANGELOG.md"
            )),
        );
        false
    }
}

fn parse_all(files: Vec<SourceFile>, ctx: &mut Ctx) -> ParsedFiles {
    let mut p = ParsedFiles {
        elements: vec![],
        instruments: vec![],
        jurisdictions: vec![],
        bases: vec![],
        nationality: vec![],
        powers: vec![],
    };
    for f in files {
        match f.kind.clone() {
            FileKind::Elements => match parse::<raw::ElementsFile>(&f) {
                Ok(r) => {
                    if check_version(ctx, &f.path, &r.format_version) {
                        p.elements.push((f, r));
                    }
                }
                Err(d) => ctx.diags.push(d),
            },
            FileKind::Instrument(stem) => match parse::<raw::InstrumentFile>(&f) {
                Ok(r) => {
                    if check_version(ctx, &f.path, &r.format_version) {
                        p.instruments.push((f, stem, r));
                    }
                }
                Err(d) => ctx.diags.push(d),
            },
            FileKind::Jurisdiction(stem) => match parse::<raw::JurisdictionFile>(&f) {
                Ok(r) => {
                    if check_version(ctx, &f.path, &r.format_version) {
                        p.jurisdictions.push((f, stem, r));
                    }
                }
                Err(d) => ctx.diags.push(d),
            },
            FileKind::Basis(stem) => match parse::<super::cooperation::BasisFile>(&f) {
                Ok(r) => {
                    if check_version(ctx, &f.path, &r.format_version) {
                        p.bases.push((f, stem, r));
                    }
                }
                Err(d) => ctx.diags.push(d),
            },
            FileKind::Nationality(stem) => match parse::<super::cooperation::NationalityFile>(&f) {
                Ok(r) => {
                    if check_version(ctx, &f.path, &r.format_version) {
                        p.nationality.push((f, stem, r));
                    }
                }
                Err(d) => ctx.diags.push(d),
            },
            FileKind::Powers(stem) => match parse::<super::procedural::PowersFile>(&f) {
                Ok(r) => {
                    if check_version(ctx, &f.path, &r.format_version) {
                        p.powers.push((f, stem, r));
                    }
                }
                Err(d) => ctx.diags.push(d),
            },
        }
    }
    p
}

/// Converts parsed files into a validated corpus; `pre` holds problems found while reading.
pub(crate) fn convert(files: Vec<SourceFile>, pre: Vec<Diagnostic>) -> Result<Loaded, LoadError> {
    let mut ctx = Ctx { diags: pre };
    let parsed = parse_all(files, &mut ctx);

    // ---- elements: shared vocabulary first, then national elements; user layer may replace.
    let mut elements: Vec<Element> = Vec::new();
    let mut where_: HashMap<String, (String, Pos, Layer)> = HashMap::new();
    let mut raw_elements: Vec<(&SourceFile, &raw::RawElement, Option<JurisdictionCode>)> =
        Vec::new();
    for (f, r) in &parsed.elements {
        raw_elements.extend(r.elements.iter().map(|e| (f, e, None)));
    }
    // An instrument may define the shared elements its articles need (e.g. the First Protocol's racist material).
    for (f, _, r) in &parsed.instruments {
        raw_elements.extend(r.elements.iter().map(|e| (f, e, None)));
    }
    for (f, stem, r) in &parsed.jurisdictions {
        let code = JurisdictionCode(stem.to_ascii_uppercase());
        raw_elements.extend(r.elements.iter().map(|e| (f, e, Some(code.clone()))));
    }
    for (f, e, by) in &raw_elements {
        let id = match ElementId::parse(&e.id.value) {
            Ok(id) => id,
            Err(m) => {
                ctx.err(&f.path, pos(&e.id), m);
                continue;
            }
        };
        if e.definition.trim().is_empty() {
            ctx.err(
                &f.path,
                pos(&e.id),
                format!("element `{id}` has an empty definition"),
            );
        }
        let jurisdictional = e.jurisdictional.as_ref().is_some_and(|j| j.value);
        if let Some(flag) = &e.jurisdictional
            && flag.value
            && !matches!(id.kind(), ElementKind::Object | ElementKind::Circumstance)
        {
            ctx.err_help(
                &f.path,
                pos(flag),
                format!("`{id}` cannot be jurisdictional: only objects and circumstances are jurisdictional hooks"),
                Some("an act, a mental state or a result is substance; mark the hook (the protected computer, the interstate nexus) instead".into()),
            );
        }
        let national_reading = e.national_reading.as_ref().is_some_and(|j| j.value);
        if let Some(flag) = &e.national_reading
            && flag.value
            && (id.kind() == ElementKind::Act || e.broader.is_empty())
        {
            ctx.err_help(
                &f.path,
                pos(flag),
                format!("`{id}` cannot be a national reading: it needs a `broader` element that it reads, and it cannot be an act"),
                Some("name the treaty term it reads in `broader` (e.g. `result/serious-hindering`)".into()),
            );
        }
        if (jurisdictional || national_reading)
            && e.authority.as_ref().is_none_or(|a| a.trim().is_empty())
        {
            ctx.err_help(
                &f.path,
                pos(&e.id),
                format!("`{id}` is counted as its broader elements, so it needs an `authority`"),
                Some("name the treaty, judgment or Explanatory Report passage that lets the element be disregarded or read this way".into()),
            );
        } else if e.authority.as_ref().is_some_and(|a| a.trim().is_empty()) {
            ctx.err(
                &f.path,
                pos(&e.id),
                format!("element `{id}` has an empty authority"),
            );
        }
        let new = Element {
            id: id.clone(),
            definition: e.definition.trim().to_owned(),
            broader: vec![],
            defined_by: by.clone(),
            authority: e.authority.as_ref().map(|a| a.trim().to_owned()),
            implies: vec![],
            jurisdictional,
            national_reading,
        };
        if let Some((p0, l0, layer0)) = where_.get(&id.0).cloned() {
            // A later layer may replace an element, but a jurisdiction file only its own national elements.
            let same_owner =
                elements.iter().find(|x| x.id == id).map(|x| &x.defined_by) == Some(by);
            if same_owner && *layer0_ord(layer0) < *layer0_ord(f.layer) {
                ctx.diags.push(Diagnostic::note(
                    &f.path,
                    pos(&e.id),
                    format!("element `{id}` replaces the built-in one"),
                ));
                elements.retain(|x| x.id != id);
            } else {
                ctx.err(
                    &f.path,
                    pos(&e.id),
                    format!("element `{id}` is defined twice; first at {}", at(&p0, l0)),
                );
                continue;
            }
        }
        where_.insert(id.0.clone(), (f.path.clone(), pos(&e.id), f.layer));
        elements.push(new);
    }
    let mut table = ElementTable {
        known: where_
            .iter()
            .map(|(k, v)| (k.clone(), (v.0.clone(), v.1)))
            .collect(),
        broader: HashMap::new(),
        aliases: HashMap::new(),
    };
    // aliases: old ids read as new ones
    let mut raw_aliases: Vec<(&SourceFile, &raw::RawAlias)> = Vec::new();
    for (f, r) in &parsed.elements {
        raw_aliases.extend(r.aliases.iter().map(|a| (f, a)));
    }
    for (f, _, r) in &parsed.jurisdictions {
        raw_aliases.extend(r.aliases.iter().map(|a| (f, a)));
    }
    for (f, a) in raw_aliases {
        if table.known.contains_key(&a.id.value) {
            ctx.err(
                &f.path,
                pos(&a.id),
                format!("`{}` is both an element and an alias", a.id.value),
            );
        } else if !table.known.contains_key(&a.now.value) {
            ctx.err(
                &f.path,
                pos(&a.now),
                format!(
                    "alias `{}` points to unknown element `{}`",
                    a.id.value, a.now.value
                ),
            );
        } else if table
            .aliases
            .insert(
                a.id.value.clone(),
                (ElementId(a.now.value.clone()), a.reason.trim().to_owned()),
            )
            .is_some()
        {
            ctx.err(
                &f.path,
                pos(&a.id),
                format!("alias `{}` is declared twice", a.id.value),
            );
        }
    }
    // broader links
    let mut broader_of: HashMap<String, Vec<ElementId>> = HashMap::new();
    let mut implies_of: HashMap<String, Vec<Implication>> = HashMap::new();
    let mut implied_by_of: Vec<(ElementId, Implication)> = Vec::new();
    for (f, e, _) in &raw_elements {
        if !table.known.contains_key(&e.id.value) {
            continue;
        }
        let b = table.resolve_all(&mut ctx, &f.path, &e.broader, None);
        for (s, id) in e.broader.iter().zip(b.iter()) {
            if id.0 == e.id.value {
                ctx.err(
                    &f.path,
                    pos(s),
                    format!("element `{id}` names itself as broader"),
                );
            }
        }
        broader_of.insert(e.id.value.clone(), b);
        let mut imp = Vec::with_capacity(e.implies.len());
        for i in &e.implies {
            let Some(id) = table.resolve(&mut ctx, &f.path, &i.element, None) else {
                continue;
            };
            if id.0 == e.id.value {
                ctx.err(
                    &f.path,
                    pos(&i.element),
                    format!("element `{id}` implies itself"),
                );
                continue;
            }
            if imp.iter().any(|x: &Implication| x.element == id) {
                ctx.err(&f.path, pos(&i.element), format!("`{id}` is listed twice"));
                continue;
            }
            if i.authority.trim().is_empty() {
                ctx.err_help(
                    &f.path,
                    pos(&i.element),
                    format!("the implication of `{id}` names no authority"),
                    Some(
                        "name the Explanatory Report paragraph, statute or judgment it rests on"
                            .into(),
                    ),
                );
            }
            imp.push(Implication {
                element: id,
                authority: i.authority.trim().to_owned(),
            });
        }
        implies_of.insert(e.id.value.clone(), imp);
        for i in &e.implied_by {
            let Some(src) = table.resolve(&mut ctx, &f.path, &i.element, None) else {
                continue;
            };
            if i.authority.trim().is_empty() {
                ctx.err_help(
                    &f.path,
                    pos(&i.element),
                    format!("the implication from `{src}` names no authority"),
                    Some(
                        "name the statute, judgment or Explanatory Report passage it rests on"
                            .into(),
                    ),
                );
            }
            implied_by_of.push((
                src,
                Implication {
                    element: ElementId(e.id.value.clone()),
                    authority: i.authority.trim().to_owned(),
                },
            ));
        }
    }
    for el in &mut elements {
        if let Some(b) = broader_of.remove(&el.id.0) {
            el.broader = b;
        }
        if let Some(i) = implies_of.remove(&el.id.0) {
            el.implies = i;
        }
    }
    // `implied_by` is written on the entailed element; it is stored as an implication of the entailing one.
    for (src, imp) in implied_by_of {
        if let Some(el) = elements.iter_mut().find(|x| x.id == src)
            && !el.implies.iter().any(|x| x.element == imp.element)
        {
            el.implies.push(imp);
        }
    }
    table.broader = elements
        .iter()
        .map(|e| (e.id.0.clone(), e.broader.clone()))
        .collect();
    check_cycles(&mut ctx, &elements, &table);

    // ---- partitions (shared, then national)
    let mut partitions: Vec<Partition> = Vec::new();
    let mut raw_partitions: Vec<(&SourceFile, &raw::RawPartition, Option<JurisdictionCode>)> =
        Vec::new();
    for (f, r) in &parsed.elements {
        raw_partitions.extend(r.partitions.iter().map(|p| (f, p, None)));
    }
    for (f, stem, r) in &parsed.jurisdictions {
        let code = JurisdictionCode(stem.to_ascii_uppercase());
        raw_partitions.extend(r.partitions.iter().map(|p| (f, p, Some(code.clone()))));
    }
    for (f, p, by) in raw_partitions {
        let Some(genus) = table.resolve(&mut ctx, &f.path, &p.element, None) else {
            continue;
        };
        let cases = table.resolve_all(&mut ctx, &f.path, &p.cases, None);
        if cases.len() < 2 {
            ctx.err(
                &f.path,
                pos(&p.element),
                format!("a partition of `{genus}` needs at least two cases"),
            );
        }
        for (s, c) in p.cases.iter().zip(&cases) {
            if !table.within(c, &genus) {
                ctx.err_help(
                    &f.path,
                    pos(s),
                    format!("case `{c}` is not a special case of `{genus}`"),
                    Some(format!(
                        "give `{c}` `broader: [{genus}]` (directly or through another element)"
                    )),
                );
            }
        }
        if p.authority.trim().is_empty() {
            ctx.err(
                &f.path,
                pos(&p.element),
                format!("the partition of `{genus}` names no authority"),
            );
        }
        partitions.push(Partition {
            element: genus,
            cases,
            authority: p.authority.trim().to_owned(),
            defined_by: by,
        });
    }

    // ---- instruments
    let mut instruments: BTreeMap<InstrumentId, (Layer, Instrument)> = BTreeMap::new();
    for (f, stem, r) in &parsed.instruments {
        if stem.is_empty()
            || !stem
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            ctx.err(
                &f.path,
                None,
                format!(
                    "instrument file name `{stem}` must be lower-case letters, digits and hyphens"
                ),
            );
            continue;
        }
        let inst = convert_instrument(&mut ctx, &table, f, stem, r);
        let id = inst.id.clone();
        if let Some((layer0, _)) = instruments.get(&id) {
            if *layer0 < f.layer {
                ctx.diags.push(Diagnostic::note(
                    &f.path,
                    None,
                    format!("instrument `{id}` replaces the built-in one"),
                ));
            } else {
                ctx.err(&f.path, None, format!("instrument `{id}` is defined twice"));
                continue;
            }
        }
        instruments.insert(id, (f.layer, inst));
    }
    let instruments: BTreeMap<InstrumentId, Instrument> =
        instruments.into_iter().map(|(k, (_, v))| (k, v)).collect();

    // ---- jurisdictions, merged by code across layers
    let mut jurisdictions: BTreeMap<JurisdictionCode, Jurisdiction> = BTreeMap::new();
    let mut offense_at: HashMap<String, (String, Pos, Layer)> = HashMap::new();
    let mut order: Vec<usize> = (0..parsed.jurisdictions.len()).collect();
    order.sort_by_key(|&i| parsed.jurisdictions[i].0.layer);
    for i in order {
        let (f, stem, r) = &parsed.jurisdictions[i];
        let Some(j) =
            convert_jurisdiction(&mut ctx, &table, &instruments, f, stem, r, &mut offense_at)
        else {
            continue;
        };
        match jurisdictions.get_mut(&j.code) {
            None => {
                jurisdictions.insert(j.code.clone(), j);
            }
            Some(base) => merge_jurisdiction(&mut ctx, &f.path, base, j),
        }
    }

    // ---- the cooperation layer: legal bases and nationality rules
    let bases = super::cooperation::convert_bases(&mut ctx, &parsed.bases, &instruments);
    let nationality =
        super::cooperation::convert_nationality(&mut ctx, &parsed.nationality, &bases);
    let powers = super::procedural::convert_powers(&mut ctx, &parsed.powers, &instruments);

    ctx.diags.sort_by_key(|a| a.severity);
    if ctx.diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(LoadError {
            diagnostics: ctx.diags,
        });
    }
    Ok(Loaded {
        elements,
        partitions,
        instruments,
        jurisdictions,
        bases,
        nationality,
        powers,
        diagnostics: ctx.diags,
    })
}

fn layer0_ord(l: Layer) -> &'static u8 {
    match l {
        Layer::Builtin => &0,
        Layer::User => &1,
    }
}

pub(crate) fn at(path: &str, p: Pos) -> String {
    match p {
        Some((l, c)) => format!("{path}:{l}:{c}"),
        None => path.to_owned(),
    }
}

fn check_cycles(ctx: &mut Ctx, elements: &[Element], table: &ElementTable) {
    use petgraph::graph::DiGraph;
    let mut g: DiGraph<usize, ()> = DiGraph::new();
    let ix: HashMap<&str, petgraph::graph::NodeIndex> = elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), g.add_node(i)))
        .collect();
    for e in elements {
        for b in e.broader.iter().chain(e.implies.iter().map(|i| &i.element)) {
            if let (Some(&a), Some(&bb)) = (ix.get(e.id.as_str()), ix.get(b.as_str())) {
                g.add_edge(a, bb, ());
            }
        }
    }
    for scc in petgraph::algo::tarjan_scc(&g) {
        if scc.len() > 1 {
            let mut names: Vec<&str> = scc.iter().map(|n| elements[g[*n]].id.as_str()).collect();
            names.sort_unstable();
            let through_implication = scc.iter().any(|n| {
                elements[g[*n]]
                    .implies
                    .iter()
                    .any(|i| names.contains(&i.element.as_str()))
            });
            let (path, p) = table.known.get(names[0]).cloned().unwrap_or_default();
            ctx.err_help(
                &path,
                p,
                format!(
                    "{} has a cycle through {}",
                    if through_implication {
                        "an implication"
                    } else {
                        "the taxonomy"
                    },
                    names
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Some(
                    "`broader` must point from the narrower element to the broader one, and `implies` from the element to what it entails, never back"
                        .into(),
                ),
            );
        }
    }
}

fn convert_instrument(
    ctx: &mut Ctx,
    table: &ElementTable,
    f: &SourceFile,
    stem: &str,
    r: &raw::InstrumentFile,
) -> Instrument {
    let path = f.path.as_str();
    let h = &r.instrument;
    let mut articles: Vec<Article> = Vec::new();
    let mut variant_ids: HashMap<String, Pos> = HashMap::new();
    let mut article_nos: HashSet<String> = HashSet::new();
    for a in &r.articles {
        if !article_nos.insert(a.article.value.clone()) {
            ctx.err(
                path,
                pos(&a.article),
                format!("article `{}` is listed twice", a.article.value),
            );
        }
        if a.variants.is_empty() {
            ctx.err(
                path,
                pos(&a.article),
                format!("article `{}` has no conduct variant", a.article.value),
            );
        }
        let mut variants = Vec::new();
        for v in &a.variants {
            if variant_ids.insert(v.id.value.clone(), pos(&v.id)).is_some() {
                ctx.err(
                    path,
                    pos(&v.id),
                    format!("variant `{}` is listed twice", v.id.value),
                );
            }
            let act = table.resolve(ctx, path, &v.act, Some(ElementKind::Act));
            let also_reached_by =
                table.resolve_all(ctx, path, &v.also_reached_by, Some(ElementKind::Act));
            let requires = table.resolve_all(ctx, path, &v.requires, None);
            for (s, e) in v.requires.iter().zip(&requires) {
                if e.kind() == ElementKind::Act {
                    ctx.err(
                        path,
                        pos(s),
                        format!("`{e}` is an act; a variant has one act, in `act`"),
                    );
                }
            }
            if let Some(act) = act {
                variants.push(Variant {
                    id: v.id.value.clone(),
                    act,
                    also_reached_by,
                    requires,
                    accessory_to: v.accessory_to.iter().map(|s| s.value.clone()).collect(),
                });
            }
        }
        let min_max_months = a.min_max_months.as_ref().map(|m| {
            if i64::from(m.value) > MAX_MONTHS {
                ctx.err(
                    path,
                    pos(m),
                    format!("min_max_months {} is over {MAX_MONTHS}", m.value),
                );
            }
            m.value
        });
        articles.push(Article {
            number: a.article.value.clone(),
            title: a.title.clone(),
            source: ctx.source(path, &a.source),
            custodial_required: a.custodial_required,
            min_max_months,
            note: a.note.clone(),
            variants,
        });
    }
    // An accessory variant's targets: article numbers or variant ids of this instrument.
    for a in &r.articles {
        for v in &a.variants {
            for t in &v.accessory_to {
                let known = articles.iter().any(|x: &Article| x.number == t.value)
                    || variant_ids.contains_key(&t.value);
                if !known {
                    ctx.err_help(
                        path,
                        pos(t),
                        format!("`accessory_to` names `{}`, which is neither an article nor a variant here", t.value),
                        did_you_mean(&t.value, articles.iter().map(|x| x.number.as_str())),
                    );
                }
            }
        }
    }
    let variant_refs = |ctx: &mut Ctx, v: &[S<String>]| -> Vec<String> {
        v.iter()
            .filter_map(|s| {
                if variant_ids.contains_key(&s.value) {
                    Some(s.value.clone())
                } else {
                    ctx.err_help(
                        path,
                        pos(s),
                        format!("unknown variant `{}`", s.value),
                        did_you_mean(&s.value, variant_ids.keys().map(String::as_str)),
                    );
                    None
                }
            })
            .collect()
    };
    let mut paragraphs = HashSet::new();
    let declarable = r
        .declarable
        .iter()
        .map(|d| {
            if !paragraphs.insert(("d", d.paragraph.value.clone())) {
                ctx.err(
                    path,
                    pos(&d.paragraph),
                    format!(
                        "declarable paragraph `{}` is listed twice",
                        d.paragraph.value
                    ),
                );
            }
            Declarable {
                paragraph: d.paragraph.value.clone(),
                article: d.article.clone(),
                applies_to: variant_refs(ctx, &d.applies_to),
                may_require: table.resolve_all(ctx, path, &d.may_require, None),
                note: d.note.clone(),
                source: ctx.source(path, &d.source),
            }
        })
        .collect();
    let reservable: Vec<Reservable> = r
        .reservable
        .iter()
        .map(|d| {
            if !paragraphs.insert(("r", d.paragraph.value.clone())) {
                ctx.err(
                    path,
                    pos(&d.paragraph),
                    format!(
                        "reservable paragraph `{}` is listed twice",
                        d.paragraph.value
                    ),
                );
            }
            Reservable {
                paragraph: d.paragraph.value.clone(),
                article: d.article.clone(),
                applies_to: variant_refs(ctx, &d.applies_to),
                may_require: table.resolve_all(ctx, path, &d.may_require, None),
                may_not_apply: variant_refs(ctx, &d.may_not_apply),
                procedural: d.procedural,
                note: d.note.clone(),
                source: ctx.source(path, &d.source),
            }
        })
        .collect();
    let mut cooperation = Cooperation::default();
    if let Some(c) = &r.cooperation {
        let months = |ctx: &mut Ctx, m: &S<u32>| {
            if i64::from(m.value) > MAX_MONTHS {
                ctx.err(
                    path,
                    pos(m),
                    format!("{} months is over {MAX_MONTHS}", m.value),
                );
            }
            m.value
        };
        cooperation.extradition = c.extradition.as_ref().map(|e| ThresholdRule {
            article: e.article.clone(),
            min_max_months: months(ctx, &e.min_max_months),
            note: e.note.clone(),
            source: ctx.source(path, &e.source),
        });
        cooperation.mla = c.mla.as_ref().map(|e| Rule {
            article: e.article.clone(),
            note: e.note.clone(),
            source: ctx.source(path, &e.source),
        });
        cooperation.preservation = c.preservation.as_ref().map(|e| {
            let scope_articles = e
                .scope_articles
                .iter()
                .filter_map(|s| {
                    if article_nos.contains(&s.value) {
                        Some(s.value.clone())
                    } else {
                        ctx.err(path, pos(s), format!("unknown article `{}`", s.value));
                        None
                    }
                })
                .collect();
            PreservationRule {
                article: e.article.clone(),
                reservation: e.reservation.clone(),
                scope_articles,
                note: e.note.clone(),
                source: ctx.source(path, &e.source),
            }
        });
        cooperation.eaw = c.eaw.as_ref().map(|e| EawRule {
            list_article: e.list_article.clone(),
            list_min_max_months: months(ctx, &e.list_min_max_months),
            general_article: e.general_article.clone(),
            general_min_max_months: months(ctx, &e.general_min_max_months),
            note: e.note.clone(),
            source: ctx.source(path, &e.source),
        });
    }
    let offense_articles: HashSet<String> = articles.iter().map(|a| a.number.clone()).collect();
    let procedural = super::procedural::convert_articles(
        ctx,
        path,
        &r.procedural,
        &reservable,
        &offense_articles,
    );
    let mut not_encoded = Vec::new();
    for n in &r.not_encoded {
        let provision = n.provision.value.trim();
        if provision.is_empty() || n.reason.trim().is_empty() {
            ctx.err(
                path,
                pos(&n.provision),
                "a `not_encoded` entry needs both a `provision` and a `reason`",
            );
        } else if not_encoded
            .iter()
            .any(|x: &NotEncoded| x.provision == provision)
        {
            ctx.err(
                path,
                pos(&n.provision),
                format!("`not_encoded` lists `{provision}` twice"),
            );
        } else {
            not_encoded.push(NotEncoded {
                provision: provision.to_owned(),
                reason: n.reason.trim().to_owned(),
            });
        }
    }
    Instrument {
        id: InstrumentId(stem.to_owned()),
        title: h.title.clone(),
        short_title: h.short_title.clone(),
        reference: h.reference.clone(),
        opened: ctx.opt_date(path, h.opened.as_ref(), "opened"),
        in_force: ctx.opt_date(path, h.in_force.as_ref(), "in_force"),
        source: ctx.source(path, &h.source),
        checked: ctx
            .date(path, &h.checked, "checked")
            .unwrap_or_else(Date::today),
        verification: ctx.verification(path, &h.verification),
        articles,
        declarable,
        reservable,
        cooperation,
        not_encoded,
        procedural,
    }
}

fn convert_jurisdiction(
    ctx: &mut Ctx,
    table: &ElementTable,
    instruments: &BTreeMap<InstrumentId, Instrument>,
    f: &SourceFile,
    stem: &str,
    r: &raw::JurisdictionFile,
    offense_at: &mut HashMap<String, (String, Pos, Layer)>,
) -> Option<Jurisdiction> {
    let path = f.path.as_str();
    let h = &r.jurisdiction;
    let code = match JurisdictionCode::parse(&h.code.value) {
        Ok(c) => c,
        Err(m) => {
            ctx.err(path, pos(&h.code), m);
            return None;
        }
    };
    if !iso::is_known(code.as_str()) {
        ctx.err_help(
            path,
            pos(&h.code),
            format!("`{code}` is not an ISO 3166-1 alpha-2 code"),
            Some(if code.as_str() == "UK" { "the United Kingdom is `GB`".into() } else { "use an assigned code, or a user-assigned one (AA, QM-QZ, XA-XZ, ZZ) for a fictional state".into() }),
        );
    }
    if stem != code.as_str().to_ascii_lowercase() {
        ctx.err_help(
            path,
            pos(&h.code),
            format!("the file is named `{stem}.yaml` but holds `{code}`"),
            Some(format!(
                "name the file `{}.yaml`",
                code.as_str().to_ascii_lowercase()
            )),
        );
    }
    let legal_family = match h.legal_family.value.as_str() {
        "civil" => LegalFamily::Civil,
        "common" => LegalFamily::Common,
        "mixed" => LegalFamily::Mixed,
        "other" => LegalFamily::Other,
        other => {
            ctx.err_help(
                path,
                pos(&h.legal_family),
                format!("`{other}` is not a legal family"),
                Some("use civil, common, mixed or other".into()),
            );
            LegalFamily::Other
        }
    };

    let mut treaties: Vec<TreatyStatus> = Vec::new();
    for t in &r.treaties {
        let iid = InstrumentId(t.instrument.value.clone());
        let Some(inst) = instruments.get(&iid) else {
            ctx.err_help(
                path,
                pos(&t.instrument),
                format!("unknown instrument `{}`", t.instrument.value),
                did_you_mean(
                    &t.instrument.value,
                    instruments.keys().map(InstrumentId::as_str),
                ),
            );
            continue;
        };
        if treaties.iter().any(|x| x.instrument == iid) {
            ctx.err(
                path,
                pos(&t.instrument),
                format!("status under `{iid}` is given twice"),
            );
            continue;
        }
        let signed = ctx.opt_date(path, t.signed.as_ref(), "signed");
        let ratified = ctx.opt_date(path, t.ratified.as_ref(), "ratified");
        let in_force = ctx.opt_date(path, t.in_force.as_ref(), "in_force");
        if let (Some(a), Some(b)) = (signed, ratified)
            && b < a
        {
            ctx.err(
                path,
                t.ratified.as_ref().and_then(pos),
                format!("ratified {b} is before signed {a}"),
            );
        }
        if let (Some(a), Some(b)) = (ratified, in_force)
            && b < a
        {
            ctx.err(
                path,
                t.in_force.as_ref().and_then(pos),
                format!("in_force {b} is before ratified {a}"),
            );
        }
        let mut declarations = Vec::new();
        for d in &t.declarations {
            let Some(allowed) = inst
                .declarable
                .iter()
                .find(|x| x.paragraph == d.paragraph.value)
            else {
                ctx.err_help(
                    path,
                    pos(&d.paragraph),
                    format!(
                        "`{iid}` allows no declaration under paragraph `{}`",
                        d.paragraph.value
                    ),
                    did_you_mean(
                        &d.paragraph.value,
                        inst.declarable.iter().map(|x| x.paragraph.as_str()),
                    )
                    .or_else(|| {
                        Some(format!(
                            "declarable paragraphs: {}",
                            inst.declarable
                                .iter()
                                .map(|x| x.paragraph.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    }),
                );
                continue;
            };
            let requires = table.resolve_all(ctx, path, &d.requires, None);
            for (s, e) in d.requires.iter().zip(&requires) {
                if !allowed.may_require.iter().any(|m| table.within(e, m)) {
                    ctx.err_help(
                        path,
                        pos(s),
                        format!(
                            "paragraph `{}` does not allow requiring `{e}`",
                            d.paragraph.value
                        ),
                        Some(format!(
                            "it allows: {}",
                            allowed
                                .may_require
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    );
                }
            }
            let as_national = table.resolve_all(ctx, path, &d.as_national, None);
            for (s, e) in d.as_national.iter().zip(&as_national) {
                if table
                    .known
                    .get(e.as_str())
                    .is_some_and(|(p, _)| !p.contains("jurisdictions/"))
                {
                    ctx.err_help(
                        path,
                        pos(s),
                        format!("`{e}` is not a national element"),
                        Some("`as_national` names elements the state's own file defines".into()),
                    );
                }
            }
            declarations.push(Declaration {
                paragraph: d.paragraph.value.clone(),
                requires,
                as_national,
                note: d.note.clone(),
                source: ctx.source(path, &d.source),
                checked: ctx
                    .date(path, &d.checked, "checked")
                    .unwrap_or_else(Date::today),
            });
        }
        let mut reservations = Vec::new();
        for d in &t.reservations {
            let Some(allowed) = inst
                .reservable
                .iter()
                .find(|x| x.paragraph == d.paragraph.value)
            else {
                ctx.err_help(
                    path,
                    pos(&d.paragraph),
                    format!(
                        "`{iid}` allows no reservation under paragraph `{}`",
                        d.paragraph.value
                    ),
                    did_you_mean(
                        &d.paragraph.value,
                        inst.reservable.iter().map(|x| x.paragraph.as_str()),
                    )
                    .or_else(|| {
                        Some(format!(
                            "reservable paragraphs: {}",
                            inst.reservable
                                .iter()
                                .map(|x| x.paragraph.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ))
                    }),
                );
                continue;
            };
            let mut not_applied = Vec::new();
            for s in &d.not_applied {
                if allowed.may_not_apply.contains(&s.value) {
                    not_applied.push(s.value.clone());
                } else {
                    ctx.err_help(
                        path,
                        pos(s),
                        format!(
                            "paragraph `{}` does not allow leaving out `{}`",
                            d.paragraph.value, s.value
                        ),
                        Some(if allowed.may_not_apply.is_empty() {
                            "it allows leaving out no variant".into()
                        } else {
                            format!("it allows: {}", allowed.may_not_apply.join(", "))
                        }),
                    );
                }
            }
            if !d.not_applied_except.is_empty() {
                if !d.not_applied.is_empty() {
                    ctx.err(
                        path,
                        pos(&d.paragraph),
                        "give `not_applied` or `not_applied_except`, not both",
                    );
                }
                for s in &d.not_applied_except {
                    if !allowed.may_not_apply.contains(&s.value) {
                        ctx.err_help(
                            path,
                            pos(s),
                            format!(
                                "paragraph `{}` does not allow leaving out `{}`, so it cannot be excepted",
                                d.paragraph.value, s.value
                            ),
                            Some(format!("it allows: {}", allowed.may_not_apply.join(", "))),
                        );
                    }
                }
                not_applied.extend(
                    allowed
                        .may_not_apply
                        .iter()
                        .filter(|v| !d.not_applied_except.iter().any(|x| &x.value == *v))
                        .cloned(),
                );
            }
            let mut applied_only_where = Vec::new();
            for pa in &d.applied_only_where {
                let mut variants = Vec::new();
                for s in &pa.variants {
                    if allowed.may_not_apply.contains(&s.value) {
                        variants.push(s.value.clone());
                    } else {
                        ctx.err_help(
                            path,
                            pos(s),
                            format!(
                                "paragraph `{}` does not allow leaving out `{}`, so it cannot apply it in part",
                                d.paragraph.value, s.value
                            ),
                            Some(format!("it allows: {}", allowed.may_not_apply.join(", "))),
                        );
                    }
                }
                let requires = table.resolve_all(ctx, path, &pa.requires, None);
                if requires.is_empty() {
                    ctx.err(
                        path,
                        pos(&d.paragraph),
                        "`applied_only_where` needs the elements that must hold",
                    );
                }
                applied_only_where.push(PartialApplication { variants, requires });
            }
            let requires = table.resolve_all(ctx, path, &d.requires, None);
            for (s, e) in d.requires.iter().zip(&requires) {
                if !allowed.may_require.iter().any(|m| table.within(e, m)) {
                    ctx.err(
                        path,
                        pos(s),
                        format!(
                            "paragraph `{}` does not allow requiring `{e}`",
                            d.paragraph.value
                        ),
                    );
                }
            }
            let accessory_targets: Vec<String> =
                d.accessory_targets
                    .iter()
                    .filter_map(|s| {
                        let known = inst.articles.iter().any(|a| {
                            a.number == s.value || a.variants.iter().any(|v| v.id == s.value)
                        });
                        if known {
                            Some(s.value.clone())
                        } else {
                            ctx.err(
                                path,
                                pos(s),
                                format!("`{iid}` has no article or variant `{}`", s.value),
                            );
                            None
                        }
                    })
                    .collect();
            let mut limits = Vec::new();
            for s in &d.limits {
                let ok = inst
                    .procedural
                    .iter()
                    .any(|a| a.article == s.value && a.limited_by.contains(&d.paragraph.value));
                if ok {
                    limits.push(s.value.clone());
                } else {
                    ctx.err_help(
                        path,
                        pos(s),
                        format!(
                            "paragraph `{}` of `{iid}` does not limit an article `{}`",
                            d.paragraph.value, s.value
                        ),
                        Some(format!(
                            "it may limit: {}",
                            inst.procedural
                                .iter()
                                .filter(|a| a.limited_by.contains(&d.paragraph.value))
                                .map(|a| a.article.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    );
                }
            }
            if !d.limits.is_empty() && !allowed.procedural {
                ctx.err(
                    path,
                    pos(&d.paragraph),
                    format!(
                        "`limits` is for procedural reservations; `{}` is not one",
                        d.paragraph.value
                    ),
                );
            }
            reservations.push(Reservation {
                paragraph: d.paragraph.value.clone(),
                not_applied,
                requires,
                applied_only_where,
                accessory_targets,
                limits,
                note: d.note.clone(),
                source: ctx.source(path, &d.source),
                checked: ctx
                    .date(path, &d.checked, "checked")
                    .unwrap_or_else(Date::today),
            });
        }
        treaties.push(TreatyStatus {
            instrument: iid,
            signed,
            ratified,
            in_force,
            party_undated: t.party,
            source: ctx.source(path, &t.source),
            checked: ctx
                .date(path, &t.checked, "checked")
                .unwrap_or_else(Date::today),
            verification: ctx.verification(path, &t.verification),
            note: t
                .note
                .as_ref()
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
            declarations,
            reservations,
        });
    }

    let mut offenses = Vec::new();
    let prefix = format!("{}/", code.as_str().to_ascii_lowercase());
    for o in &r.offenses {
        let id = o.id.value.as_str();
        let slug_ok = id.strip_prefix(&prefix).is_some_and(|s| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        });
        if !slug_ok {
            ctx.err_help(
                path,
                pos(&o.id),
                format!("offense id `{id}` must be `{prefix}<slug>`"),
                Some("the slug is lower-case letters, digits, `-` and `.`".into()),
            );
            continue;
        }
        if let Some((p0, l0, layer0)) = offense_at.get(id)
            && *layer0 == f.layer
        {
            ctx.err(
                path,
                pos(&o.id),
                format!("offense `{id}` is defined twice; first at {}", at(p0, *l0)),
            );
            continue;
        }
        offense_at.insert(id.to_owned(), (path.to_owned(), pos(&o.id), f.layer));
        let versions = convert_versions(ctx, table, path, o);
        let mut implements = Vec::new();
        for a in &o.implements {
            let iid = InstrumentId(a.instrument.value.clone());
            match instruments.get(&iid) {
                None => ctx.err_help(
                    path,
                    pos(&a.instrument),
                    format!("unknown instrument `{}`", a.instrument.value),
                    did_you_mean(
                        &a.instrument.value,
                        instruments.keys().map(InstrumentId::as_str),
                    ),
                ),
                Some(inst) if inst.article(&a.article.value).is_none() => ctx.err_help(
                    path,
                    pos(&a.article),
                    format!("`{iid}` has no article `{}`", a.article.value),
                    did_you_mean(
                        &a.article.value,
                        inst.articles.iter().map(|x| x.number.as_str()),
                    ),
                ),
                Some(_) => implements.push(ArticleRef {
                    instrument: iid,
                    article: a.article.value.clone(),
                }),
            }
        }
        if o.citation.trim().is_empty() {
            ctx.err(
                path,
                pos(&o.id),
                format!("offense `{id}` has an empty citation"),
            );
        }
        offenses.push(Offense {
            id: OffenseId(id.to_owned()),
            jurisdiction: code.clone(),
            citation: o.citation.trim().to_owned(),
            title: Title {
                original: o.title.original.clone(),
                en: o.title.en.clone(),
            },
            source: ctx.source(path, &o.source),
            checked: ctx
                .date(path, &o.checked, "checked")
                .unwrap_or_else(Date::today),
            verification: ctx.verification(path, &o.verification),
            implements,
            note: o.note.clone(),
            versions,
        });
    }
    let records_complete_from = ctx.opt_date(
        path,
        h.records_complete_from.as_ref(),
        "records_complete_from",
    );
    if let (Some(d), Some(s)) = (records_complete_from, &h.records_complete_from) {
        // The records cannot be complete from a day after every record was checked: nobody read the law then.
        let last = offenses
            .iter()
            .map(|o| o.checked)
            .chain(treaties.iter().map(|t| t.checked))
            .max();
        if let Some(last) = last
            && d > last
        {
            ctx.err_help(
                path,
                pos(s),
                format!("`records_complete_from` {d} is after the records: the latest was checked on {last}"),
                Some("give the first day from which every offense in the file's scope is recorded".into()),
            );
        }
    }
    let mut not_assessed: Vec<ScopeGap> = Vec::new();
    for g in &h.not_assessed {
        let iid = InstrumentId(g.instrument.value.clone());
        let Some(inst) = instruments.get(&iid) else {
            ctx.err_help(
                path,
                pos(&g.instrument),
                format!("unknown instrument `{}`", g.instrument.value),
                did_you_mean(
                    &g.instrument.value,
                    instruments.keys().map(|k| k.0.as_str()),
                ),
            );
            continue;
        };
        let mut articles = Vec::new();
        for a in &g.articles {
            if !inst.articles.iter().any(|x| x.number == a.value) {
                ctx.err_help(
                    path,
                    pos(a),
                    format!("`{}` has no article `{}`", iid, a.value),
                    did_you_mean(&a.value, inst.articles.iter().map(|x| x.number.as_str())),
                );
            } else if not_assessed
                .iter()
                .any(|x| x.instrument == iid && x.articles.contains(&a.value))
                || articles.contains(&a.value)
            {
                ctx.err(
                    path,
                    pos(a),
                    format!("article `{}` is listed twice", a.value),
                );
            } else {
                articles.push(a.value.clone());
            }
        }
        if g.reason.trim().is_empty() {
            ctx.err(
                path,
                pos(&g.instrument),
                "a `not_assessed` entry needs a reason",
            );
        }
        not_assessed.push(ScopeGap {
            instrument: iid,
            articles,
            reason: g.reason.trim().to_owned(),
        });
    }
    // A general-part provision's reach names offenses loaded so far (this file's, and a lower layer's).
    for o in &r.offenses {
        for v in &o.versions {
            for t in &v.accessory_to {
                if !offense_at.contains_key(&t.value) {
                    ctx.err_help(
                        path,
                        pos(t),
                        format!("`accessory_to` names `{}`, which is no offense", t.value),
                        did_you_mean(&t.value, offense_at.keys().map(String::as_str)),
                    );
                }
            }
        }
    }
    Some(Jurisdiction {
        code,
        name: h.name.clone(),
        name_original: h.name_original.clone(),
        legal_family,
        scope: h.scope.clone(),
        records_complete_from,
        not_assessed,
        treaties,
        offenses,
    })
}

fn months(ctx: &mut Ctx, path: &str, m: &S<i64>) -> Option<u32> {
    if m.value < 0 || m.value > MAX_MONTHS {
        ctx.err_help(
            path,
            pos(m),
            format!("a maximum of {} months is not possible", m.value),
            Some(format!("write months between 0 and {MAX_MONTHS} (life imprisonment: {MAX_MONTHS}, with a note)")),
        );
        None
    } else {
        u32::try_from(m.value).ok()
    }
}

fn convert_versions(
    ctx: &mut Ctx,
    table: &ElementTable,
    path: &str,
    o: &raw::RawOffense,
) -> Vec<OffenseVersion> {
    if o.versions.is_empty() {
        ctx.err(
            path,
            pos(&o.id),
            format!("offense `{}` has no version", o.id.value),
        );
    }
    let mut out: Vec<OffenseVersion> = Vec::new();
    let mut prev_to: Option<(Option<Date>, Pos)> = None;
    for (i, v) in o.versions.iter().enumerate() {
        if let (Some(_), Some(b)) = (&v.from, &v.from_not_later_than) {
            ctx.err_help(
                path,
                pos(b),
                "a version has `from` or `from_not_later_than`, not both",
                Some(
                    "use `from_not_later_than` only when the first day is known as a bound".into(),
                ),
            );
        }
        if i > 0
            && let Some(b) = &v.from_not_later_than
        {
            ctx.err_help(
                path,
                pos(b),
                "only the first version may have `from_not_later_than`",
                Some("a later version begins the day after the previous one ends: give that `to` and this `from`".into()),
            );
        }
        let from_is_bound = v.from.is_none() && v.from_not_later_than.is_some();
        let from = match &v.from {
            Some(f) => ctx.date(path, f, "from"),
            None => ctx.opt_date(path, v.from_not_later_than.as_ref(), "from_not_later_than"),
        };
        let to = ctx.opt_date(path, v.to.as_ref(), "to");
        let vpos = v
            .from
            .as_ref()
            .or(v.from_not_later_than.as_ref())
            .map_or_else(|| pos(&v.acts), pos);
        if let (Some(a), Some(b)) = (from, to)
            && b < a
        {
            ctx.err(
                path,
                v.to.as_ref().and_then(pos),
                format!("version ends ({b}) before it begins ({a})"),
            );
        }
        if i > 0 && from.is_none() && v.from.is_none() && v.from_not_later_than.is_none() {
            ctx.err(path, vpos, "only the first version may omit `from`");
        }
        if let Some((pto, ppos)) = prev_to {
            match (pto, from) {
                (None, _) => ctx.err_help(
                    path,
                    vpos,
                    "this version overlaps the previous one, which has no end date",
                    Some(format!(
                        "give the previous version (at {}) a `to` date",
                        at(path, ppos)
                    )),
                ),
                (Some(t), Some(f)) if f <= t => ctx.err_help(
                    path,
                    vpos,
                    format!("this version begins {f}, on or before the previous one ends ({t})"),
                    Some("versions must be in date order and must not overlap".into()),
                ),
                _ => {}
            }
        }
        prev_to = Some((to, vpos));
        if v.acts.value.is_empty() {
            ctx.err(path, pos(&v.acts), "a version needs at least one act");
        }
        let acts = table.resolve_all(ctx, path, &v.acts.value, Some(ElementKind::Act));
        let requires = table.resolve_all(ctx, path, &v.requires, None);
        for (s, e) in v.requires.iter().zip(&requires) {
            if e.kind() == ElementKind::Act {
                ctx.err_help(
                    path,
                    pos(s),
                    format!("`{e}` is an act"),
                    Some(
                        "list acts under `acts` (any one of them), other elements under `requires`"
                            .into(),
                    ),
                );
            }
        }
        let mut requires_one_of = Vec::new();
        for g in &v.requires_one_of {
            if g.value.len() < 2 {
                ctx.err_help(
                    path,
                    pos(g),
                    "a `requires_one_of` group needs two or more elements",
                    Some("an element that must hold on its own goes under `requires`".into()),
                );
            }
            let members = table.resolve_all(ctx, path, &g.value, None);
            for (s, e) in g.value.iter().zip(&members) {
                if e.kind() == ElementKind::Act {
                    ctx.err_help(
                        path,
                        pos(s),
                        format!("`{e}` is an act"),
                        Some("alternative acts go under `acts` (any one of them)".into()),
                    );
                } else if requires.contains(e) {
                    ctx.err_help(
                        path,
                        pos(s),
                        format!("`{e}` is also under `requires`"),
                        Some(
                            "an element required on its own makes its group pointless: remove one"
                                .into(),
                        ),
                    );
                } else if requires_one_of.iter().flatten().any(|x: &ElementId| x == e)
                    || members.iter().filter(|x| *x == e).count() > 1
                {
                    ctx.err(
                        path,
                        pos(s),
                        format!("`{e}` is listed twice in `requires_one_of`"),
                    );
                }
            }
            requires_one_of.push(members);
        }
        requires_one_of.retain(|g: &Vec<ElementId>| !g.is_empty());
        let mut suspended: Vec<Suspension> = Vec::new();
        for sp in &v.suspended {
            let (Some(a), Some(b)) = (
                ctx.date(path, &sp.from, "from"),
                ctx.date(path, &sp.to, "to"),
            ) else {
                continue;
            };
            if b < a {
                ctx.err(
                    path,
                    pos(&sp.to),
                    format!("suspension ends ({b}) before it begins ({a})"),
                );
                continue;
            }
            if from.is_some_and(|f| a < f) || to.is_some_and(|t| b > t) {
                ctx.err_help(
                    path,
                    pos(&sp.from),
                    format!("suspension {a} to {b} lies partly outside the version's own dates"),
                    Some("a suspension belongs to the version in force over it: split it at the version's dates".into()),
                );
            }
            if let Some(o) = suspended.iter().find(|o| a <= o.to && o.from <= b) {
                ctx.err(
                    path,
                    pos(&sp.from),
                    format!(
                        "suspension {a} to {b} overlaps the one from {} to {}",
                        o.from, o.to
                    ),
                );
            }
            if sp.by.trim().is_empty() {
                ctx.err(
                    path,
                    pos(&sp.from),
                    "a suspension names what suspended it, in `by`",
                );
            }
            suspended.push(Suspension {
                from: a,
                to: b,
                by: sp.by.trim().to_owned(),
                source: ctx.source(path, &sp.source),
            });
        }
        let p = &v.penalty.value;
        let max_months = p.max_months.as_ref().and_then(|m| months(ctx, path, m));
        let mut aggravated = Vec::new();
        for a in &p.aggravated {
            let Some(m) = months(ctx, path, &a.max_months) else {
                continue;
            };
            if max_months.is_some_and(|b| m < b) {
                ctx.err(
                    path,
                    pos(&a.max_months),
                    format!("an aggravated form's maximum ({m}) is below the basic maximum"),
                );
            }
            if a.when.is_empty() {
                ctx.err(
                    path,
                    pos(&a.max_months),
                    "an aggravated form needs the elements that trigger it, in `when`",
                );
            }
            aggravated.push(AggravatedForm {
                when: table.resolve_all(ctx, path, &a.when, None),
                max_months: m,
                citation: a.citation.clone(),
            });
        }
        if p.follows_principal && max_months.is_some() {
            ctx.err(
                path,
                pos(&v.penalty),
                "a penalty cannot both follow the principal offense and have its own max_months",
            );
        }
        out.push(OffenseVersion {
            from,
            to,
            acts,
            requires,
            requires_one_of,
            from_is_bound,
            suspended,
            penalty: Penalty {
                max_months,
                fine_only_possible: p.fine_only_possible,
                aggravated,
                follows_principal: p.follows_principal,
                note: p.note.clone(),
            },
            amended_by: v.amended_by.clone(),
            accessory_to: v
                .accessory_to
                .iter()
                .map(|s| OffenseId(s.value.clone()))
                .collect(),
        });
    }
    out
}

fn merge_jurisdiction(ctx: &mut Ctx, path: &str, base: &mut Jurisdiction, over: Jurisdiction) {
    base.name = over.name;
    base.name_original = over.name_original.or(base.name_original.take());
    base.legal_family = over.legal_family;
    base.scope = over.scope.or(base.scope.take());
    base.records_complete_from = over.records_complete_from.or(base.records_complete_from);
    if !over.not_assessed.is_empty() {
        base.not_assessed = over.not_assessed;
    }
    for t in over.treaties {
        if let Some(slot) = base
            .treaties
            .iter_mut()
            .find(|x| x.instrument == t.instrument)
        {
            ctx.diags.push(Diagnostic::note(
                path,
                None,
                format!(
                    "{} status under `{}` replaces the built-in one",
                    base.code, t.instrument
                ),
            ));
            *slot = t;
        } else {
            base.treaties.push(t);
        }
    }
    for o in over.offenses {
        if let Some(slot) = base.offenses.iter_mut().find(|x| x.id == o.id) {
            ctx.diags.push(Diagnostic::note(
                path,
                None,
                format!("offense `{}` replaces the built-in one", o.id),
            ));
            *slot = o;
        } else {
            base.offenses.push(o);
        }
    }
}
