//! The corpus: validated data plus its index, built once and never mutated.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use crate::date::Date;
use crate::index::Index;
use crate::load::{self, Diagnostic, FileKind, Layer, LoadError, SourceFile};
use crate::model::*;
use crate::query::{QueryError, Suggestion};

// The built-in data, embedded at compile time: build.rs lists every file under data/.
include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

static BUILTIN_CORPUS: LazyLock<Result<Corpus, LoadError>> =
    LazyLock::new(|| Corpus::builder().builtin().build());

/// A validated body of law: the element vocabulary, instruments and jurisdictions, with a precomputed index.
///
/// ```
/// use cyberlex::Corpus;
/// let corpus = Corpus::builtin();
/// let budapest = corpus.instrument("budapest")?;
/// assert_eq!(budapest.article("2").map(|a| a.title()), Some("Illegal access"));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Corpus {
    pub(crate) elements: Vec<Element>,
    pub(crate) partitions: Vec<crate::model::Partition>,
    pub(crate) instruments: BTreeMap<InstrumentId, Instrument>,
    pub(crate) jurisdictions: BTreeMap<JurisdictionCode, Jurisdiction>,
    pub(crate) bases: BTreeMap<BasisId, Basis>,
    pub(crate) nationality: BTreeMap<JurisdictionCode, Vec<NationalityRule>>,
    pub(crate) powers: BTreeMap<JurisdictionCode, crate::model::Powers>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) index: Index,
}

/// Gathers data files (built-in, a directory, in-memory texts) and builds a [`Corpus`].
///
/// Files from a directory or from [`CorpusBuilder::file`] are laid over the built-in data: a jurisdiction file
/// with the code of a built-in one adds offenses and replaces those with the same id (and its treaty status per
/// instrument); an instrument file replaces the built-in instrument of the same id; elements are added (a
/// same-id element replaces the built-in one). Each replacement is reported as a note.
#[derive(Debug, Default)]
pub struct CorpusBuilder {
    files: Vec<SourceFile>,
    diags: Vec<Diagnostic>,
}

impl CorpusBuilder {
    /// Adds the built-in data.
    #[must_use]
    pub fn builtin(mut self) -> CorpusBuilder {
        for (path, text) in BUILTIN {
            let rel = path.strip_prefix("data/").unwrap_or(path);
            if let Some(kind) = load::classify(rel) {
                self.files.push(SourceFile {
                    path: (*path).to_owned(),
                    kind,
                    layer: Layer::Builtin,
                    text: (*text).to_owned(),
                });
            }
        }
        self
    }

    /// Adds a tree laid out like `data/`. Problems reading it are reported by [`CorpusBuilder::build`].
    #[must_use]
    pub fn dir(mut self, root: impl AsRef<Path>) -> CorpusBuilder {
        load::read_tree(root.as_ref(), &mut self.files, &mut self.diags);
        self
    }

    /// Adds one file from memory; `rel_path` places it in the tree (`elements.yaml`,
    /// `instruments/ID.yaml` or `jurisdictions/CC.yaml`) and names it in diagnostics.
    #[must_use]
    pub fn file(mut self, rel_path: &str, text: &str) -> CorpusBuilder {
        match load::classify(rel_path) {
            Some(kind) => self.files.push(SourceFile { path: rel_path.to_owned(), kind, layer: Layer::User, text: text.to_owned() }),
            None => self.diags.push(Diagnostic::error(
                rel_path,
                None,
                "not a data file path: use elements.yaml, instruments/ID.yaml or jurisdictions/CC.yaml",
            )),
        }
        self
    }

    /// Adds one file from raw bytes (checked for UTF-8), placed as in [`CorpusBuilder::file`].
    #[must_use]
    pub fn file_bytes(mut self, rel_path: &str, bytes: &[u8]) -> CorpusBuilder {
        match load::decode(rel_path, bytes.to_vec()) {
            Ok(text) => self.file(rel_path, &text),
            Err(d) => {
                self.diags.push(d);
                self
            }
        }
    }

    /// Parses, validates and indexes everything gathered.
    ///
    /// # Errors
    /// A [`LoadError`] listing every problem found (file, line, column, message, hint), when any is an error.
    pub fn build(self) -> Result<Corpus, LoadError> {
        if !self.files.iter().any(|f| f.kind == FileKind::Elements)
            && !self
                .diags
                .iter()
                .any(|d| d.severity() == load::Severity::Error)
        {
            let mut diags = self.diags;
            diags.push(Diagnostic::error("(data)", None, "no elements.yaml: the element vocabulary is missing").with_help(Some(
                "a data tree loaded on its own needs elements.yaml; to add to the built-in data, lay it over the built-in corpus".into(),
            )));
            return Err(LoadError { diagnostics: diags });
        }
        let mut loaded = load::convert(self.files, self.diags)?;
        // Acts first: the index numbers elements in this order, and the closed world of acts is then computed on the
        // first few words of a bitset whatever the vocabulary's size (the order is otherwise the files').
        loaded
            .elements
            .sort_by_key(|e| e.id.kind() != ElementKind::Act);
        let index = Index::build(
            &loaded.elements,
            &loaded.partitions,
            &loaded.instruments,
            &loaded.jurisdictions,
        );
        let mut corpus = Corpus {
            elements: loaded.elements,
            partitions: loaded.partitions,
            instruments: loaded.instruments,
            jurisdictions: loaded.jurisdictions,
            bases: loaded.bases,
            nationality: loaded.nationality,
            powers: loaded.powers,
            diagnostics: loaded.diagnostics,
            index,
        };
        let warnings = crate::checks::declared_vs_computed(&corpus);
        corpus.diagnostics.extend(warnings);
        let warnings = crate::checks::objectless_offenses(&corpus);
        corpus.diagnostics.extend(warnings);
        Ok(corpus)
    }
}

impl Corpus {
    /// The partitions of the vocabulary: elements that together exhaust another (shared and national).
    #[must_use]
    pub fn partitions(&self) -> &[crate::model::Partition] {
        &self.partitions
    }

    /// The built-in data, parsed and indexed once on first use.
    ///
    /// The built-in data is validated by the crate's tests; should it ever fail to load, this panics with the
    /// diagnostics, since no answer could be trusted.
    #[must_use]
    pub fn builtin() -> &'static Corpus {
        match &*BUILTIN_CORPUS {
            Ok(c) => c,
            Err(e) => panic!("the built-in data does not load: {e}"),
        }
    }

    /// Starts a [`CorpusBuilder`].
    #[must_use]
    pub fn builder() -> CorpusBuilder {
        CorpusBuilder::default()
    }

    /// Loads a user's tree on its own (it must hold its own `elements.yaml`).
    ///
    /// # Errors
    /// Every problem found, located.
    pub fn load_dir(root: impl AsRef<Path>) -> Result<Corpus, LoadError> {
        Corpus::builder().dir(root).build()
    }

    /// Loads a user's tree laid over the built-in data.
    ///
    /// # Errors
    /// Every problem found, located.
    pub fn load_dir_over_builtin(root: impl AsRef<Path>) -> Result<Corpus, LoadError> {
        Corpus::builder().builtin().dir(root).build()
    }

    /// Warnings and notes found while loading (e.g. declared mappings the computation does not confirm).
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The element vocabulary, national elements included: acts first, then the other kinds.
    ///
    /// ```
    /// let corpus = cyberlex::Corpus::builtin();
    /// for e in corpus.elements().iter().take(3) {
    ///     println!("{}: {}", e.id(), e.short_definition());
    /// }
    /// assert!(corpus.elements().iter().any(|e| e.id().as_str() == "act/access"));
    /// ```
    #[must_use]
    pub fn elements(&self) -> &[Element] {
        &self.elements
    }

    /// One element: its definition, the elements it is a special case of (`broader`), what it implies and on
    /// what authority, and which state defines it (a national element). [`Corpus::narrower`] gives the other
    /// direction.
    ///
    /// ```
    /// let corpus = cyberlex::Corpus::builtin();
    /// let e = corpus.element("act/access")?;
    /// println!("{}", e.definition());
    /// assert!(e.defined_by().is_none()); // shared vocabulary, not one state's
    /// # Ok::<(), cyberlex::QueryError>(())
    /// ```
    ///
    /// # Errors
    /// [`QueryError::UnknownElement`] when no such element exists.
    pub fn element(&self, id: &str) -> Result<&Element, QueryError> {
        match self.index.ix.get(&ElementId(id.to_owned())) {
            Some(&i) => Ok(&self.elements[i]),
            None => Err(QueryError::UnknownElement {
                id: id.to_owned(),
                suggestion: self.element_suggestion(id),
            }),
        }
    }

    /// The elements that are direct special cases of `id` (those whose `broader` names it).
    ///
    /// ```
    /// let corpus = cyberlex::Corpus::builtin();
    /// for e in corpus.narrower("mental/dishonest-intent")? {
    ///     assert!(e.broader().iter().any(|b| b.as_str() == "mental/dishonest-intent"));
    /// }
    /// # Ok::<(), cyberlex::QueryError>(())
    /// ```
    ///
    /// # Errors
    /// [`QueryError::UnknownElement`] when no such element exists.
    pub fn narrower(&self, id: &str) -> Result<Vec<&Element>, QueryError> {
        let e = self.element(id)?;
        Ok(self
            .elements
            .iter()
            .filter(|x| x.broader.contains(&e.id))
            .collect())
    }

    /// The instruments, by id.
    ///
    /// ```
    /// for i in cyberlex::Corpus::builtin().instruments() {
    ///     println!("{}: {} ({} offense articles)", i.id(), i.short_title(), i.articles().len());
    /// }
    /// ```
    pub fn instruments(&self) -> impl Iterator<Item = &Instrument> {
        self.instruments.values()
    }

    /// One instrument.
    ///
    /// # Errors
    /// [`QueryError::UnknownInstrument`] when no such instrument exists.
    pub fn instrument(&self, id: &str) -> Result<&Instrument, QueryError> {
        self.instruments
            .get(&InstrumentId(id.to_owned()))
            .ok_or_else(|| QueryError::UnknownInstrument {
                id: id.to_owned(),
                suggestion: crate::suggest::closest(
                    id,
                    self.instruments.keys().map(InstrumentId::as_str),
                )
                .and_then(|c| self.instruments.get(c))
                .map(|i| Suggestion::new(i.id.as_str(), i.short_title.as_str())),
            })
    }

    /// One article of an instrument, by number (`"2"`, `"9"`).
    ///
    /// ```
    /// use cyberlex::{Corpus, QueryError};
    /// let corpus = Corpus::builtin();
    /// assert_eq!(corpus.article("budapest", "2")?.title(), "Illegal access");
    /// match corpus.article("budapest", "22") {
    ///     Err(QueryError::UnknownArticle { suggestion: Some(s), .. }) => assert_eq!(s.id, "2"),
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), QueryError>(())
    /// ```
    ///
    /// # Errors
    /// [`QueryError::UnknownInstrument`], or [`QueryError::UnknownArticle`] with the closest article number.
    pub fn article(&self, instrument: &str, number: &str) -> Result<&Article, QueryError> {
        let inst = self.instrument(instrument)?;
        inst.article(number.trim())
            .ok_or_else(|| QueryError::UnknownArticle {
                instrument: instrument.to_owned(),
                article: number.to_owned(),
                suggestion: crate::suggest::closest(
                    number.trim(),
                    inst.articles.iter().map(|a| a.number.as_str()),
                )
                .and_then(|c| inst.article(c))
                .map(|a| Suggestion::new(a.number.as_str(), a.title.as_str())),
            })
    }

    /// The jurisdictions, in code order, with their names and the scope of their data.
    ///
    /// ```
    /// for j in cyberlex::Corpus::builtin().jurisdictions() {
    ///     println!("{} {}: {}", j.code(), j.name(), j.scope().unwrap_or("scope not declared"));
    /// }
    /// ```
    pub fn jurisdictions(&self) -> impl Iterator<Item = &Jurisdiction> {
        self.jurisdictions.values()
    }

    /// One jurisdiction, by ISO code in either case.
    ///
    /// # Errors
    /// [`QueryError::UnknownJurisdiction`] when the corpus has no such state.
    pub fn jurisdiction(&self, code: &str) -> Result<&Jurisdiction, QueryError> {
        if let Some(j) = self.jurisdictions.get(code) {
            return Ok(j);
        }
        let up = code.trim().to_ascii_uppercase();
        self.jurisdictions.get(up.as_str()).ok_or_else(|| {
            let (suggestion, note) = self.state_hint(code);
            QueryError::UnknownJurisdiction {
                code: code.to_owned(),
                suggestion,
                note,
            }
        })
    }

    /// A hint for a state code the corpus lacks. Two-letter codes are all "close" to each other, so no spelling
    /// suggestion is made for them; the hint names the United Kingdom's code, a state asked for by its name, or says
    /// that a real code has no data.
    fn state_hint(&self, asked: &str) -> (Option<Suggestion>, Option<String>) {
        let state = |j: &Jurisdiction| Some(Suggestion::new(j.code.as_str(), j.name.as_str()));
        let up = asked.trim().to_ascii_uppercase();
        if up == "UK"
            && let Some(j) = self.jurisdictions.get("GB")
        {
            return (state(j), None);
        }
        let lower = asked.trim().to_lowercase();
        if let Some(j) = self.jurisdictions.values().find(|j| {
            j.name.to_lowercase() == lower
                || j.name_original
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase() == lower)
        }) {
            return (state(j), None);
        }
        if up.len() == 2 && crate::iso::is_known(&up) && !crate::iso::is_user_assigned(&up) {
            return (
                None,
                Some(format!(
                    "`{up}` is a state code, but the data has no records for it"
                )),
            );
        }
        if up.len() > 2 {
            // A misspelt name: compare with the states' names.
            let names: Vec<String> = self
                .jurisdictions
                .values()
                .map(|j| j.name.to_lowercase())
                .collect();
            if let Some(name) = crate::suggest::closest(&lower, names.iter().map(String::as_str))
                && let Some(j) = self
                    .jurisdictions
                    .values()
                    .find(|j| j.name.to_lowercase() == name)
            {
                return (state(j), None);
            }
        }
        (None, None)
    }

    /// A close element id, with the element's words.
    pub(crate) fn element_suggestion(&self, id: &str) -> Option<Suggestion> {
        crate::suggest::closest(id, self.elements.iter().map(|e| e.id.as_str()))
            .and_then(|c| self.index.ix.get(&ElementId(c.to_owned())))
            .map(|&i| {
                let e = &self.elements[i];
                Suggestion::new(e.id.as_str(), e.short_definition())
            })
    }

    /// One offense, by id.
    ///
    /// # Errors
    /// [`QueryError::UnknownOffense`] when no such offense exists.
    pub fn offense(&self, id: &str) -> Result<&Offense, QueryError> {
        // Offense ids are lower case in the data; `GB/CMA-1` is read as `gb/cma-1`.
        let wanted = id.trim().to_ascii_lowercase();
        let code = wanted.split('/').next().unwrap_or("");
        let found = self
            .jurisdictions
            .get(&JurisdictionCode(code.to_ascii_uppercase()))
            .and_then(|j| j.offenses.iter().find(|o| o.id.as_str() == wanted));
        found.ok_or_else(|| QueryError::UnknownOffense {
            id: id.to_owned(),
            suggestion: crate::suggest::closest(
                &wanted,
                self.jurisdictions
                    .values()
                    .flat_map(|j| j.offenses.iter().map(|o| o.id.as_str())),
            )
            .and_then(|c| {
                self.jurisdictions
                    .values()
                    .flat_map(|j| j.offenses.iter())
                    .find(|o| o.id.as_str() == c)
            })
            .map(|o| Suggestion::new(o.id.as_str(), format!("{} ({})", o.citation, o.title.en))),
        })
    }

    /// The offenses of a state in force on `date`, each with the version in force.
    ///
    /// ```
    /// let corpus = cyberlex::Corpus::builtin();
    /// for (o, v) in corpus.offenses_in_force("GB", "2024-01-01".parse()?)? {
    ///     println!("{}: {} (max. {:?} months)", o.citation(), o.title().en, v.penalty().max_months());
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`QueryError::UnknownJurisdiction`], or [`QueryError::BeforeData`] for a date before the state's records
    /// are complete (see [`Corpus::records_begin`]).
    pub fn offenses_in_force(
        &self,
        code: &str,
        date: Date,
    ) -> Result<Vec<(&Offense, &OffenseVersion)>, QueryError> {
        let j = self.jurisdiction(code)?;
        self.check_covered(j, date)?;
        Ok(j.offenses
            .iter()
            .filter_map(|o| o.version_on(date).map(|v| (o, v)))
            .collect())
    }

    /// The first day from which the state's records answer: its declared `records_complete_from`; failing that, the
    /// earliest `from` of any offense, but not before every offense whose first version has no `from` is known to
    /// have been in force (its last day, or the day it was checked). `None` when the state has no offense.
    /// Before this day answers are refused ([`QueryError::BeforeData`]); from it, an offense not recorded did not
    /// exist.
    #[must_use]
    pub fn records_begin(&self, j: &Jurisdiction) -> Option<Date> {
        if let Some(d) = j.records_complete_from {
            return Some(d);
        }
        // Undeclared: from the first dated version on, but never before a day on which every undated first version
        // is known to have been in force (its last day, or the day it was checked): a version with no `from` is not
        // "in force since forever".
        let mut earliest_dated: Option<Date> = None;
        let mut undated_known: Option<Date> = None;
        for o in &j.offenses {
            let Some(first) = o.versions.first() else {
                continue;
            };
            match first.from {
                Some(d) => earliest_dated = Some(earliest_dated.map_or(d, |e| e.min(d))),
                None => {
                    let known = first.to.unwrap_or(o.checked);
                    undated_known = Some(undated_known.map_or(known, |u| u.max(known)));
                }
            }
        }
        match (earliest_dated, undated_known) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// Each offense of a state with its version in force on `date` and that version's compiled form.
    pub(crate) fn versions_in_force<'a>(
        &'a self,
        j: &'a Jurisdiction,
        date: Date,
    ) -> impl Iterator<Item = (&'a Offense, &'a OffenseVersion, &'a crate::index::CVersion)> + 'a
    {
        let compiled = self.index.offenses.get(&j.code);
        j.offenses.iter().enumerate().filter_map(move |(oi, o)| {
            let (vi, v) = o
                .versions
                .iter()
                .enumerate()
                .find(|(_, v)| v.in_force_on(date))?;
            let cv = compiled?.get(oi)?.get(vi)?;
            Some((o, v, cv))
        })
    }

    /// Offense versions a query does not count on `date` though they bear on it, each with the caution to show: a
    /// version suspended then, and a first version whose first day is only a bound (`from_not_later_than`) after
    /// `date`, which may already have been in force.
    pub(crate) fn not_counted<'a>(
        &'a self,
        j: &'a Jurisdiction,
        date: Date,
    ) -> Vec<(&'a Offense, &'a crate::index::CVersion, String)> {
        let compiled = self.index.offenses.get(&j.code);
        let mut out = Vec::new();
        for (oi, o) in j.offenses.iter().enumerate() {
            for (vi, v) in o.versions.iter().enumerate() {
                let Some(cv) = compiled.and_then(|c| c.get(oi)).and_then(|c| c.get(vi)) else {
                    continue;
                };
                if let Some(s) = v.suspension_on(date)
                    && v.enacted_on(date)
                {
                    out.push((o, cv, format!(
                        "{} ({}) was in force on {date} but suspended from {} to {} by {}: not counted",
                        o.citation, o.id, s.from, s.to, s.by
                    )));
                } else if vi == 0
                    && v.from_is_bound
                    && let Some(f) = v.from
                    && date < f
                    && v.to.is_none_or(|t| date <= t)
                {
                    out.push((o, cv, format!(
                        "{} ({}) is recorded as in force from {f} at the latest: on {date} it may already have been, and is not counted",
                        o.citation, o.id
                    )));
                }
            }
        }
        out
    }

    /// A typed error when `date` is before the state's records begin.
    pub(crate) fn check_covered(&self, j: &Jurisdiction, date: Date) -> Result<(), QueryError> {
        match self.records_begin(j) {
            Some(earliest) if date < earliest => Err(QueryError::BeforeData {
                jurisdiction: j.code.to_string(),
                date,
                earliest,
            }),
            _ => Ok(()),
        }
    }

    /// The latest `checked` date of any record of a state: answers for later dates rest on data that old.
    #[must_use]
    pub fn last_checked(&self, j: &Jurisdiction) -> Option<Date> {
        let o = j.offenses.iter().map(|o| o.checked);
        let t = j.treaties.iter().map(|t| t.checked);
        o.chain(t).max()
    }
}
