//! Bytes in, never a panic: any file, placed as elements.yaml, an instrument or a jurisdiction, next to a small valid
//! vocabulary and instrument, gives a corpus or located diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;

const ELEMENTS: &str = "format_version: 1\nelements:\n  - { id: act/access, definition: a }\n  - { id: act/intercept, definition: i }\n  - { id: object/computer-system, definition: s }\n  - { id: circ/without-right, definition: w }\n  - { id: mental/intent, definition: m }\n  - { id: result/harm, definition: h, broader: [circ/without-right] }\n";
const INSTRUMENT: &str = "format_version: 1\ninstrument: { title: T, short_title: T, source: s, checked: 2020-01-01, verification: unverified }\narticles:\n  - { article: \"2\", title: A, source: s, variants: [{ id: \"2\", act: act/access, requires: [circ/without-right] }] }\nreservable:\n  - { paragraph: \"2(1)\", article: \"42\", may_not_apply: [\"2\"], source: s }\ndeclarable:\n  - { paragraph: \"2\", article: \"40\", applies_to: [\"2\"], may_require: [result/harm], source: s }\ncooperation:\n  extradition: { article: \"24\", min_max_months: 12, note: n, source: s }\n";

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let path = match which % 3 {
        0 => "jurisdictions/xa.yaml",
        1 => "instruments/budapest.yaml",
        _ => "elements.yaml",
    };
    let mut b = cyberlex::Corpus::builder();
    if path != "elements.yaml" {
        b = b.file("elements.yaml", ELEMENTS);
    }
    if path != "instruments/budapest.yaml" {
        b = b.file("instruments/budapest.yaml", INSTRUMENT);
    }
    match b.file_bytes(path, rest).build() {
        Ok(c) => {
            for j in c.jurisdictions() {
                let _ = c.coverage(
                    j.code().as_str(),
                    "budapest",
                    "2020-01-01".parse().expect("date"),
                );
            }
        }
        Err(e) => {
            // Every error names a file; a located one has both line and column.
            for d in e.errors() {
                assert!(!d.path().is_empty());
                assert_eq!(d.line().is_some(), d.column().is_some(), "{d}");
                let _ = d.to_string();
            }
        }
    }
});
