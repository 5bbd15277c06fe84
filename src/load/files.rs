//! Reading a data tree from disk, with bounds. The only place the library touches the file system.

use std::path::Path;

use super::Diagnostic;

/// Largest data file accepted, in bytes (4 MiB: the largest built-in file is a few dozen KiB).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// Most data files accepted in one tree.
pub const MAX_FILES: usize = 10_000;

/// The directories of a data tree, each holding one kind of file.
pub(crate) const DIRS: [&str; 5] = [
    "instruments",
    "jurisdictions",
    "bases",
    "nationality",
    "powers",
];

/// Which layer a file belongs to: the built-in data or a user's tree laid over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Layer {
    Builtin,
    User,
}

/// What a file is, from its place in the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    Elements,
    Instrument(String),
    Jurisdiction(String),
    Basis(String),
    Nationality(String),
    Powers(String),
}

/// One file's text, with the path to show in diagnostics.
#[derive(Clone, Debug)]
pub(crate) struct SourceFile {
    pub path: String,
    pub kind: FileKind,
    pub layer: Layer,
    pub text: String,
}

/// Classifies a path relative to the tree root (`/`-separated).
pub(crate) fn classify(rel: &str) -> Option<FileKind> {
    if rel == "elements.yaml" {
        return Some(FileKind::Elements);
    }
    let (dir, name) = rel.split_once('/')?;
    let stem = name.strip_suffix(".yaml")?;
    if stem.is_empty() || stem.contains('/') {
        return None;
    }
    match dir {
        "instruments" => Some(FileKind::Instrument(stem.to_owned())),
        "jurisdictions" => Some(FileKind::Jurisdiction(stem.to_owned())),
        "bases" => Some(FileKind::Basis(stem.to_owned())),
        "nationality" => Some(FileKind::Nationality(stem.to_owned())),
        "powers" => Some(FileKind::Powers(stem.to_owned())),
        _ => None,
    }
}

/// Turns bytes into text, or a located error for invalid UTF-8.
pub(crate) fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = 1 + good.iter().filter(|&&b| b == b'\n').count() as u64;
            let col = 1 + good.iter().rev().take_while(|&&b| b != b'\n').count() as u64;
            Err(
                Diagnostic::error(path, Some((line, col)), "the file is not valid UTF-8")
                    .with_help(Some("save the file as UTF-8".into())),
            )
        }
    }
}

/// Reads a data tree laid out like `data/`. Files the loader does not recognise are reported as warnings.
pub(crate) fn read_tree(root: &Path, out: &mut Vec<SourceFile>, diags: &mut Vec<Diagnostic>) {
    let shown = root.display().to_string();
    match std::fs::metadata(root) {
        Err(e) => {
            diags.push(
                Diagnostic::error(&shown, None, format!("cannot read the data directory: {e}"))
                    .with_help(Some(
                        "give a directory laid out like `data/` (elements.yaml, instruments/, jurisdictions/)"
                            .into(),
                    )),
            );
            return;
        }
        Ok(m) if !m.is_dir() => {
            diags.push(
                Diagnostic::error(&shown, None, "is a file, not a directory").with_help(Some(
                    "give a directory laid out like `data/` (elements.yaml, instruments/, jurisdictions/)"
                        .into(),
                )),
            );
            return;
        }
        Ok(_) => {}
    }
    let mut count = 0usize;
    for (rel, path) in list(root, diags) {
        let p = path.display().to_string();
        if path.is_dir() && DIRS.contains(&rel.as_str()) {
            for (name, sub) in list(&path, diags) {
                let rel = format!("{rel}/{name}");
                read_one(&rel, &sub, &mut count, out, diags);
            }
        } else if classify(&rel).is_some() {
            read_one(&rel, &path, &mut count, out, diags);
        } else {
            diags.push(
                Diagnostic::warning(&p, None, "not a data file the loader recognises: ignored")
                    .with_help(Some(misplaced_help(&rel))),
            );
        }
    }
    if count == 0 && !diags.iter().any(|d| d.severity == super::Severity::Error) {
        diags.push(
            Diagnostic::error(&shown, None, "the directory contributes no data file: nothing would be loaded from it")
                .with_help(Some(
                    "put files where the loader looks: elements.yaml, instruments/<id>.yaml, jurisdictions/<cc>.yaml, bases/<id>.yaml, nationality/<cc>.yaml, powers/<cc>.yaml"
                        .into(),
                )),
        );
    }
}

/// Where a file the loader ignored probably belongs.
fn misplaced_help(rel: &str) -> String {
    let general = "data trees hold elements.yaml, instruments/*.yaml, jurisdictions/*.yaml, bases/*.yaml, nationality/*.yaml and powers/*.yaml";
    match rel
        .strip_suffix(".yaml")
        .or_else(|| rel.strip_suffix(".yml"))
    {
        Some(stem)
            if !stem.contains('/')
                && stem.len() == 2
                && stem.bytes().all(|b| b.is_ascii_alphabetic()) =>
        {
            format!(
                "a jurisdiction file belongs in `jurisdictions/{}.yaml`; {general}",
                stem.to_ascii_lowercase()
            )
        }
        Some(_) if rel.ends_with(".yml") => format!("data files end in `.yaml`; {general}"),
        _ => general.into(),
    }
}

fn list(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<(String, std::path::PathBuf)> {
    let shown = dir.display().to_string();
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            diags.push(Diagnostic::error(
                &shown,
                None,
                format!("cannot list the directory: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut v = Vec::new();
    for entry in rd {
        match entry {
            Ok(e) => v.push((e.file_name().to_string_lossy().into_owned(), e.path())),
            Err(e) => diags.push(Diagnostic::error(
                &shown,
                None,
                format!("cannot list the directory: {e}"),
            )),
        }
        if v.len() > MAX_FILES {
            diags.push(Diagnostic::error(
                &shown,
                None,
                format!("more than {MAX_FILES} entries: refusing to read further"),
            ));
            break;
        }
    }
    v.sort();
    v
}

fn read_one(
    rel: &str,
    path: &Path,
    count: &mut usize,
    out: &mut Vec<SourceFile>,
    diags: &mut Vec<Diagnostic>,
) {
    let shown = path.display().to_string();
    let Some(kind) = classify(rel) else {
        diags.push(
            Diagnostic::warning(
                &shown,
                None,
                "not a data file the loader recognises: ignored",
            )
            .with_help(Some("data files end in `.yaml`".into())),
        );
        return;
    };
    *count += 1;
    if *count > MAX_FILES {
        if *count == MAX_FILES + 1 {
            diags.push(Diagnostic::error(
                &shown,
                None,
                format!("more than {MAX_FILES} data files: the rest are not read"),
            ));
        }
        return;
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            diags.push(Diagnostic::error(
                &shown,
                None,
                format!("cannot read the file: {e}"),
            ));
            return;
        }
    };
    if !meta.is_file() {
        diags.push(Diagnostic::error(&shown, None, "is not a regular file"));
        return;
    }
    if meta.len() > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::error(
                &shown,
                None,
                format!(
                    "the file is {} bytes, over the limit of {MAX_FILE_BYTES} bytes",
                    meta.len()
                ),
            )
            .with_help(Some("split the data into one file per jurisdiction".into())),
        );
        return;
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                &shown,
                None,
                format!("cannot read the file: {e}"),
            ));
            return;
        }
    };
    match decode(&shown, bytes) {
        Ok(text) => out.push(SourceFile {
            path: shown,
            kind,
            layer: Layer::User,
            text,
        }),
        Err(d) => diags.push(d),
    }
}
