//! Loading and validating data: the only module that reads files or YAML.
//!
//! Files are parsed into raw structs that mirror the YAML exactly (`raw`), then converted into the
//! validated model. Every problem is collected with its file, line and column; nothing stops at the first.

mod convert;
pub(crate) mod cooperation;
mod diagnostic;
mod files;
pub(crate) mod procedural;
pub(crate) mod raw;
pub mod write;

pub use diagnostic::{Diagnostic, LoadError, Severity};
pub use files::{MAX_FILE_BYTES, MAX_FILES};

pub(crate) use convert::convert;
pub(crate) use diagnostic::did_you_mean;

pub(crate) use files::{FileKind, Layer, SourceFile, classify, decode, read_tree};

/// The format version this library reads.
pub const FORMAT_VERSION: u32 = 1;

/// The YAML parser's options: duplicate keys rejected, aliases, nesting and size bounded.
fn options() -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    o.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    o.with_snippet = false;
    if let Some(b) = o.budget.as_mut() {
        b.max_depth = 32;
        b.max_reader_input_bytes = Some(usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX));
        b.max_aliases = 10_000;
        b.max_nodes = 250_000;
        b.max_documents = 1;
    }
    o.alias_limits.max_total_replayed_events = 200_000;
    o
}

/// Parses one file into its raw struct, or a located diagnostic.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(file: &SourceFile) -> Result<T, Diagnostic> {
    if file.text.trim().is_empty() {
        return Err(
            Diagnostic::error(&file.path, None, "the file is empty").with_help(Some(format!(
                "start it with `format_version: {FORMAT_VERSION}`"
            ))),
        );
    }
    if file.text.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            &file.path,
            None,
            format!("the file is over the limit of {MAX_FILE_BYTES} bytes"),
        ));
    }
    serde_saphyr::from_str_with_options::<T>(&file.text, options()).map_err(|e| {
        let pos = e
            .location()
            .filter(|l| l.line() > 0)
            .map(|l| (l.line(), l.column()));
        let msg = e.to_string();
        let joined = msg
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let first = if joined.is_empty() {
            "invalid YAML"
        } else {
            joined.as_str()
        };
        let first = plain(strip_position(first));
        let help = hint_for(&first);
        Diagnostic::error(&file.path, pos, first).with_help(help)
    })
}

/// serde-saphyr messages may end in "at line L column C"; the position is already in the diagnostic.
fn strip_position(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) if !msg[i..].contains(')') => msg[..i].trim_end_matches(',').trim(),
        _ => msg,
    }
}

/// Rewrites parser messages that speak Rust into the terms of the data format.
fn plain(msg: &str) -> String {
    if msg.starts_with("cannot deserialize null") {
        "a value is required here (found null or nothing)".into()
    } else if msg.starts_with("invalid i64")
        || msg.starts_with("invalid u32")
        || msg.starts_with("invalid u64")
    {
        format!("expected a whole number ({msg})")
    } else {
        msg.replace(", set DuplicateKeyPolicy in Options if acceptable", "")
    }
}

fn hint_for(msg: &str) -> Option<String> {
    if msg.contains("unknown field") {
        Some("check the spelling against docs/data-format.md".into())
    } else if msg.contains("duplicate") {
        Some(
            "each key may appear once in a mapping; a repeated key would silently lose a record"
                .into(),
        )
    } else if msg.contains("missing field") {
        Some("see docs/data-format.md for the required keys".into())
    } else if msg.to_ascii_lowercase().contains("budget")
        || msg.contains("depth")
        || msg.contains("alias")
    {
        Some("the file exceeds the loader's bounds on nesting, aliases or size".into())
    } else {
        None
    }
}

/// The kinds of data file, for [`json_schema`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKind {
    /// `elements.yaml`
    Elements,
    /// `instruments/<id>.yaml`
    Instrument,
    /// `jurisdictions/<cc>.yaml`
    Jurisdiction,
    /// `bases/<id>.yaml`
    Basis,
    /// `nationality/<cc>.yaml`
    Nationality,
    /// `powers/<cc>.yaml`
    Powers,
    /// Not a data file: the JSON the library's answers serialize to (a coverage report, a dual-criminality answer
    /// or a cooperation answer), for a product that reads them.
    Answer,
}

impl SchemaKind {
    /// All kinds, with the file name their schema is published under in `docs/schema/`.
    pub const ALL: [(SchemaKind, &'static str); 7] = [
        (SchemaKind::Elements, "elements.schema.json"),
        (SchemaKind::Instrument, "instrument.schema.json"),
        (SchemaKind::Jurisdiction, "jurisdiction.schema.json"),
        (SchemaKind::Basis, "basis.schema.json"),
        (SchemaKind::Nationality, "nationality.schema.json"),
        (SchemaKind::Powers, "powers.schema.json"),
        (SchemaKind::Answer, "answer.schema.json"),
    ];
}

/// The JSON Schema (draft 2020-12) of one kind of data file, generated from the loader's own raw types, so it
/// cannot drift from what the loader accepts. It checks shape (keys, types, required fields); the semantic checks
/// (known ids, dates, penalties, what an instrument allows) are the loader's.
///
/// ```
/// let schema = cyberlex::load::json_schema(cyberlex::load::SchemaKind::Jurisdiction);
/// assert!(schema.contains("\"offenses\""));
/// ```
#[must_use]
pub fn json_schema(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Elements => schemars::schema_for!(raw::ElementsFile),
        SchemaKind::Instrument => schemars::schema_for!(raw::InstrumentFile),
        SchemaKind::Jurisdiction => schemars::schema_for!(raw::JurisdictionFile),
        SchemaKind::Basis => schemars::schema_for!(cooperation::BasisFile),
        SchemaKind::Nationality => schemars::schema_for!(cooperation::NationalityFile),
        SchemaKind::Powers => schemars::schema_for!(procedural::PowersFile),
        SchemaKind::Answer => schemars::schema_for!(crate::query::AnyAnswer),
    };
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
