//! Located problems found while loading data.

use std::fmt;

use serde::Serialize;

/// How serious a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The data cannot be used as it is.
    Error,
    /// The data loads, but something is probably wrong (e.g. a declared mapping the computation does not confirm).
    Warning,
    /// Worth knowing (e.g. a user's file replaced a built-in record).
    Note,
}

/// One problem in the data, with where it is and what would fix it.
///
/// Displayed as `PATH:LINE:COLUMN: error: MESSAGE` (or `PATH: ...` with no position), followed by
/// `  help: ...` when there is advice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    pub(crate) path: String,
    pub(crate) line: Option<u64>,
    pub(crate) column: Option<u64>,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

impl Diagnostic {
    pub(crate) fn error(path: &str, pos: Option<(u64, u64)>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_owned(),
            line: pos.map(|p| p.0),
            column: pos.map(|p| p.1),
            message: message.into(),
            help: None,
        }
    }

    pub(crate) fn warning(path: &str, pos: Option<(u64, u64)>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, pos, message)
        }
    }

    pub(crate) fn note(path: &str, pos: Option<(u64, u64)>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(path, pos, message)
        }
    }

    pub(crate) fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Its severity.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }
    /// The file, as given to the loader (built-in files as `data/...`).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
    /// 1-based line, when known.
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.line
    }
    /// 1-based column, when known.
    #[must_use]
    pub fn column(&self) -> Option<u64> {
        self.column
    }
    /// What is wrong.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
    /// What would fix it, e.g. "did you mean `act/access`?".
    #[must_use]
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {sev}: {}", self.path, self.message)?,
            (Some(l), None) => write!(f, "{}:{l}: {sev}: {}", self.path, self.message)?,
            _ => write!(f, "{}: {sev}: {}", self.path, self.message)?,
        }
        if let Some(h) = &self.help {
            write!(f, "\n  help: {h}")?;
        }
        Ok(())
    }
}

/// The data could not be loaded: every problem found, not just the first.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{}", summary(.diagnostics))]
pub struct LoadError {
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// Every diagnostic, errors first, then warnings and notes.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

fn summary(d: &[Diagnostic]) -> String {
    let errors: Vec<&Diagnostic> = d.iter().filter(|x| x.severity == Severity::Error).collect();
    let n = errors.len();
    format!(
        "{n} problem{} in the data; first: {}",
        if n == 1 { "" } else { "s" },
        errors.first().map(ToString::to_string).unwrap_or_default()
    )
}

pub(crate) use crate::suggest::did_you_mean;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        assert_eq!(
            did_you_mean("act/acess", ["act/access", "act/intercept"]).as_deref(),
            Some("did you mean `act/access`?")
        );
        assert_eq!(did_you_mean("zzzzzzzz", ["act/access"]), None);
    }

    #[test]
    fn display_has_position() {
        let d = Diagnostic::error("a.yaml", Some((3, 7)), "boom").with_help(Some("fix".into()));
        assert_eq!(d.to_string(), "a.yaml:3:7: error: boom\n  help: fix");
        let d = Diagnostic::error("a.yaml", None, "boom");
        assert_eq!(d.to_string(), "a.yaml: error: boom");
    }
}
