//! Embeds every data file under `data/` in the crate: writes the list of (path, contents) that
//! `Corpus::builtin()` loads, so a file added to `data/` needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=data");
    let mut files = vec!["data/elements.yaml".to_owned()];
    for dir in [
        "instruments",
        "jurisdictions",
        "bases",
        "nationality",
        "powers",
    ] {
        println!("cargo:rerun-if-changed=data/{dir}");
        let mut names: Vec<String> = std::fs::read_dir(root.join("data").join(dir))
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".yaml"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        files.extend(names.into_iter().map(|n| format!("data/{dir}/{n}")));
    }
    let mut out = String::from("pub(crate) const BUILTIN: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={f}");
        let abs = root.join(f);
        let _ = writeln!(
            out,
            "    ({f:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("builtin.rs");
    std::fs::write(dest, out).expect("write builtin.rs");
}
