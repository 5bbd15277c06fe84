//! `docs/procedural-data.md` lists what `data/powers/` encodes, per state, with each entry's verification. It is
//! generated from the data by this test: a stale file fails it. Regenerate with
//! `UPDATE_DOCS=1 cargo test --test procedural_docs`.

use std::fmt::Write as _;

use cyberlex::{Corpus, Verification};

fn render(corpus: &Corpus) -> String {
    let mut s = String::from(
        "# Procedural powers and channels, as encoded\n\n\
         What `data/powers/` records for each state: the powers that meet the Budapest Convention's procedural\n\
         articles (Arts. 16-21, 29, 30; paragraph by paragraph), the 24/7 point of contact (Art. 35) and the central\n\
         authorities (Arts. 24(7), 27(2)), with how far each entry was confirmed (`official-text`: read in the\n\
         official text; `secondary`: read in a reliable secondary source; `unverified`: not confirmed). Paragraphs the\n\
         data leaves open, and those it records the law as lacking, are listed with the reason. Research notes:\n\
         `research/procedural/`. Generated from the files by `tests/procedural_docs.rs`; the files are the authority.\n",
    );
    let ver = |v: Verification| v.as_str();
    for j in corpus.jurisdictions() {
        let Some(p) = corpus.powers(j.code().as_str()) else {
            continue;
        };
        let _ = writeln!(s, "\n## {} ({})\n", j.name(), j.code());
        if let Some(d) = p.records_complete_from() {
            let _ = writeln!(s, "Records complete from {d}.\n");
        }
        let _ = writeln!(
            s,
            "| power | paragraphs | in force | ordered by | period | verification |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|---|");
        for pw in p.powers() {
            for v in pw.versions() {
                let period = match (v.period(), v.no_time_limit()) {
                    (Some(x), _) => x.to_string(),
                    (None, true) => "until lifted".into(),
                    (None, false) => "—".into(),
                };
                let _ = writeln!(
                    s,
                    "| `{}` {}{}{} | {} | {}–{} | {} | {} | {} |",
                    pw.id(),
                    pw.citation().replace('|', "/"),
                    if pw.general() { " (general power)" } else { "" },
                    if v.binding() {
                        ""
                    } else {
                        " (request without sanction)"
                    },
                    v.provides().join(", "),
                    v.from(),
                    v.to().map(|d| d.to_string()).unwrap_or_default(),
                    v.ordered_by().replace('|', "/").replace('\n', " "),
                    period,
                    ver(v.verification())
                );
            }
        }
        if !p.contacts().is_empty() {
            let _ = writeln!(s, "\nContacts:\n");
            for c in p.contacts() {
                let _ = writeln!(
                    s,
                    "- {} (Art. {}): {} — {}",
                    c.role().label(),
                    c.role().article(),
                    c.body(),
                    ver(c.verification())
                );
            }
        }
        if !p.lacks().is_empty() {
            let _ = writeln!(s, "\nRecorded as lacking:\n");
            for l in p.lacks() {
                let _ = writeln!(
                    s,
                    "- {}: {} — {}",
                    l.paragraph(),
                    l.reason().replace('\n', " "),
                    ver(l.verification())
                );
            }
        }
        if !p.not_assessed().is_empty() {
            let _ = writeln!(s, "\nNot assessed:\n");
            for n in p.not_assessed() {
                let _ = writeln!(s, "- {}: {}", n.target(), n.reason().replace('\n', " "));
            }
        }
    }
    s
}

#[test]
fn the_procedural_data_listing_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/procedural-data.md");
    let want = render(Corpus::builtin());
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let got = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        got == want,
        "docs/procedural-data.md is stale: run UPDATE_DOCS=1 cargo test --test procedural_docs"
    );
}
