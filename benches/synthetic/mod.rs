//! The synthetic corpus generator shared by the benches (`benches/engine.rs`) and the `synthetic` example, which
//! writes the tree to disk (to measure a whole program on it, e.g. its peak memory).

use cyberlex::Corpus;

/// Every ISO code the loader accepts, in a fixed order (assigned codes first, then user-assigned ones).
pub fn codes() -> Vec<String> {
    let mut v = Vec::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let c = format!("{}{}", a as char, b as char);
            v.push(c);
        }
    }
    v
}

/// A synthetic data tree `factor` times the built-in one: the built-in states' files cloned under other codes, and,
/// past the number of codes available, with their offenses repeated under new ids. Deterministic.
pub fn synthetic(factor: usize) -> Vec<(String, String)> {
    let base = Corpus::builtin();
    let real: Vec<(String, String)> = base
        .jurisdictions()
        .map(|j| {
            let lc = j.code().as_str().to_ascii_lowercase();
            let text = std::fs::read_to_string(format!(
                "{}/data/jurisdictions/{lc}.yaml",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("data file");
            (lc, text)
        })
        .collect();
    // Clones of a built-in state's file, on top of the built-in data itself: factor x the states when codes last,
    // then spread over the free codes, each carrying its source's offenses once or more (so the offenses still
    // come to about factor x the built-in ones).
    let clones = real.len() * factor.saturating_sub(1);
    let taken: Vec<String> = real.iter().map(|(c, _)| c.to_ascii_uppercase()).collect();
    let probe = |code: &str| {
        Corpus::builder().file("elements.yaml", "format_version: 1\nelements: []\n").file(&format!("jurisdictions/{}.yaml", code.to_ascii_lowercase()), &format!("format_version: 1\njurisdiction: {{ code: {code}, name: n, legal_family: civil }}\n")).build().is_ok()
    };
    let free: Vec<String> = codes()
        .into_iter()
        .filter(|c| !taken.contains(c) && probe(c))
        .collect();
    let states = clones.min(free.len());
    let mut out = Vec::new();
    for (i, code) in free.iter().take(states).enumerate() {
        let repeat = clones / states + usize::from(i < clones % states);
        let (lc, text) = &real[i % real.len()];
        let new_lc = code.to_ascii_lowercase();
        let mut t = text.replace(
            &format!("code: {}", lc.to_ascii_uppercase()),
            &format!("code: {code}"),
        );
        t = t.replace(&format!("id: {lc}/"), &format!("id: {new_lc}/"));
        // National elements are renamed too, so that ids stay unique across the corpus.
        t = t
            .replace(&format!("-{lc}-"), &format!("-{new_lc}-"))
            .replace(&format!("/{lc}-"), &format!("/{new_lc}-"));
        if repeat > 1 {
            let (head, offenses) = t.split_once("\noffenses:\n").unwrap_or((&t, ""));
            let mut body = String::new();
            for r in 0..repeat {
                body.push_str(
                    &offenses.replace(&format!("id: {new_lc}/"), &format!("id: {new_lc}/r{r}-")),
                );
                body.push('\n');
            }
            t = format!("{head}\noffenses:\n{body}");
        }
        out.push((format!("jurisdictions/{new_lc}.yaml"), t));
    }
    out
}
