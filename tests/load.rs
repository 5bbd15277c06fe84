//! Loading: every hostile fixture in tests/fixtures/bad is rejected with a located message, through one helper;
//! directory problems; nothing lost; the built-in data validates.

mod common;

use std::path::Path;

use cyberlex::{Corpus, Severity};

/// Each fixture starts with `# path: REL` (where it is placed in the tree) and `# expect: LINE: TEXT` (0: any line).
fn check_bad(name: &str, bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.lines();
    let path = lines
        .next()
        .and_then(|l| l.strip_prefix("# path: "))
        .expect("path header")
        .trim()
        .to_owned();
    let expect = lines
        .next()
        .and_then(|l| l.strip_prefix("# expect: "))
        .expect("expect header")
        .to_owned();
    let (line, want) = expect
        .split_once(": ")
        .map_or((expect.trim_end_matches(':'), ""), |(l, w)| (l, w));
    let line: u64 = line.trim().parse().expect("line number");
    let err = Corpus::builder()
        .builtin()
        .file_bytes(&path, bytes)
        .build()
        .expect_err(name);
    let errors: Vec<_> = err.errors().collect();
    assert!(!errors.is_empty(), "{name}: no error");
    let hit = errors
        .iter()
        .find(|d| d.message().contains(want) || d.help().is_some_and(|h| h.contains(want)));
    let hit = hit.unwrap_or_else(|| panic!("{name}: no error mentions {want:?}: {errors:#?}"));
    assert_eq!(hit.path(), path, "{name}");
    if line > 0 {
        assert_eq!(hit.line(), Some(line), "{name}: {hit}");
        assert!(hit.column().is_some(), "{name}: no column: {hit}");
    }
    errors
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_hostile_fixture_is_rejected_with_a_located_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 25, "fixtures missing");
    let mut rendered = String::new();
    for p in names {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let out = check_bad(&name, &std::fs::read(&p).unwrap());
        rendered.push_str(&format!("== {name}\n{out}\n"));
    }
    insta::assert_snapshot!("hostile_diagnostics", rendered);
}

#[test]
fn deep_nesting_is_bounded() {
    let deep = format!(
        "format_version: 1\njurisdiction: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", &deep)
        .build()
        .unwrap_err();
    assert_eq!(err.errors().count(), 1, "{err}");
    let deep_block: String = (0..200)
        .map(|i| format!("{}- \n", "  ".repeat(i)))
        .collect();
    let err = Corpus::builder()
        .builtin()
        .file(
            "jurisdictions/xa.yaml",
            &format!("format_version: 1\njurisdiction:\n{deep_block}"),
        )
        .build()
        .unwrap_err();
    assert!(err.errors().count() >= 1);
}

#[test]
fn oversized_and_empty_files_are_rejected() {
    let big = format!("format_version: 1\n# {}\n", "x".repeat(5 * 1024 * 1024));
    let err = Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", &big)
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("over the limit"), "{err}");
    let err = Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", "  \n")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("the file is empty"), "{err}");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let text = "format_version: 1\njurisdiction: { code: XA, name: R, legal_family: civil }\noffenses:\n  - id: xa/a\n    citation: a\n    title: { original: a, en: a }\n    source: s\n    checked: 2026-13-01\n    verification: unverified\n    versions:\n      - { acts: [act/nope], requires: [circ/nope], penalty: { max_months: 5000 } }\n";
    let err = Corpus::builder()
        .builtin()
        .file("jurisdictions/xa.yaml", text)
        .build()
        .unwrap_err();
    assert_eq!(err.errors().count(), 4, "{:#?}", err.diagnostics());
}

#[test]
fn directory_problems_are_clear() {
    let err = Corpus::load_dir_over_builtin("/nonexistent/cyberlex-data").unwrap_err();
    assert!(
        err.to_string().contains("cannot read the data directory"),
        "{err}"
    );
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let err = Corpus::load_dir_over_builtin(&file).unwrap_err();
    assert!(
        err.to_string().contains("is a file, not a directory"),
        "{err}"
    );

    let tmp = std::env::temp_dir().join(format!("cyberlex-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.join("jurisdictions")).unwrap();
    std::fs::write(tmp.join("notes.txt"), "hello").unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/jurisdictions/xa.yaml"),
        tmp.join("jurisdictions/xa.yaml"),
    )
    .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            tmp.join("jurisdictions/loop.yaml"),
            tmp.join("jurisdictions/loop.yaml"),
        )
        .unwrap();
    }
    let err = Corpus::load_dir_over_builtin(&tmp).unwrap_err();
    let all: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert!(
        all.iter()
            .any(|d| d.contains("notes.txt") && d.contains("warning: not a data file")),
        "{all:#?}"
    );
    #[cfg(unix)]
    assert!(
        all.iter()
            .any(|d| d.contains("loop.yaml") && d.contains("cannot read")),
        "{all:#?}"
    );
    std::fs::remove_file(tmp.join("jurisdictions/loop.yaml")).unwrap();
    let c = Corpus::load_dir_over_builtin(&tmp).unwrap();
    assert!(c.jurisdiction("XA").is_ok());
    assert!(
        c.diagnostics()
            .iter()
            .any(|d| d.severity() == Severity::Warning && d.path().ends_with("notes.txt"))
    );
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn an_overlay_replaces_by_id_and_says_so() {
    let text = include_str!("../data/jurisdictions/gb.yaml")
        .replace("max_months: 24\n", "max_months: 25\n");
    let c = Corpus::builder()
        .builtin()
        .file("jurisdictions/gb.yaml", &text)
        .build()
        .unwrap();
    assert!(c.diagnostics().iter().any(
        |d| d.severity() == Severity::Note && d.message().contains("replaces the built-in one")
    ));
    assert_eq!(
        c.jurisdiction("GB").unwrap().offenses().len(),
        Corpus::builtin()
            .jurisdiction("GB")
            .unwrap()
            .offenses()
            .len()
    );
}

/// Nothing lost: every offense and element in every shipped file is in the corpus, and every file under data/ is
/// embedded.
#[test]
fn nothing_is_lost() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let c = Corpus::builtin();
    let mut files = 0;
    for entry in std::fs::read_dir(root.join("jurisdictions")).unwrap() {
        let p = entry.unwrap().path();
        files += 1;
        let v: serde_json::Value =
            serde_saphyr::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let code = v["jurisdiction"]["code"].as_str().unwrap();
        let j = c.jurisdiction(code).unwrap();
        let in_file = v["offenses"].as_array().map_or(0, Vec::len);
        assert_eq!(j.offenses().len(), in_file, "{}", p.display());
        let versions: usize = v["offenses"].as_array().map_or(0, |a| {
            a.iter()
                .map(|o| o["versions"].as_array().map_or(0, Vec::len))
                .sum()
        });
        assert_eq!(
            j.offenses()
                .iter()
                .map(|o| o.versions().len())
                .sum::<usize>(),
            versions
        );
        let national = v["elements"].as_array().map_or(0, Vec::len);
        assert_eq!(
            c.elements()
                .iter()
                .filter(|e| e.defined_by() == Some(j.code()))
                .count(),
            national,
            "{}",
            p.display()
        );
    }
    assert_eq!(c.jurisdictions().count(), files);
    let v: serde_json::Value =
        serde_saphyr::from_str(include_str!("../data/elements.yaml")).unwrap();
    let mut shared = v["elements"].as_array().unwrap().len();
    let mut instruments = 0;
    for entry in std::fs::read_dir(root.join("instruments")).unwrap() {
        let v: serde_json::Value =
            serde_saphyr::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap())
                .unwrap();
        shared += v["elements"].as_array().map_or(0, Vec::len);
        instruments += 1;
        let title = v["instrument"]["short_title"].as_str().unwrap().to_owned();
        let inst = c
            .instruments()
            .find(|i| i.short_title() == title)
            .expect("instrument loaded");
        assert_eq!(
            inst.articles().len(),
            v["articles"].as_array().unwrap().len()
        );
        let variants: usize = v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["variants"].as_array().unwrap().len())
            .sum();
        assert_eq!(
            inst.articles()
                .iter()
                .map(|a| a.variants().len())
                .sum::<usize>(),
            variants
        );
    }
    assert_eq!(
        c.elements()
            .iter()
            .filter(|e| e.defined_by().is_none())
            .count(),
        shared
    );
    assert_eq!(c.instruments().count(), instruments);
}

#[test]
fn builtin_data_is_valid_and_sourced() {
    let c = Corpus::builder()
        .builtin()
        .build()
        .expect("built-in data loads");
    for j in c.jurisdictions() {
        for o in j.offenses() {
            assert!(
                o.source().starts_with("http"),
                "{} has no source address",
                o.id()
            );
        }
    }
    assert!(c.jurisdictions().count() >= 8);
}

#[test]
fn any_bytes_give_ok_or_an_error_never_a_panic() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 256,
        ..Default::default()
    });
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..400), |bytes| {
            let _ = Corpus::builder()
                .file("elements.yaml", include_str!("../data/elements.yaml"))
                .file_bytes("jurisdictions/xa.yaml", &bytes)
                .build();
            Ok(())
        })
        .unwrap();
    let seeds = [
        "format_version: 1\n",
        "format_version: 1\njurisdiction: {code: XA, name: a, legal_family: civil}\noffenses: [{id: xa/a}]\n",
        "- - - -\n",
        "&a [*a]\n",
        "{{{{",
        "format_version: 18446744073709551616\n",
    ];
    runner
        .run(
            &(
                prop::sample::select(seeds.to_vec()),
                prop::collection::vec(any::<u8>(), 0..40),
                any::<prop::sample::Index>(),
            ),
            |(seed, junk, at)| {
                let mut b = seed.as_bytes().to_vec();
                let i = at.index(b.len() + 1);
                b.splice(i..i, junk);
                let _ = Corpus::builder()
                    .file("elements.yaml", include_str!("../data/elements.yaml"))
                    .file_bytes("jurisdictions/xa.yaml", &b)
                    .build();
                Ok(())
            },
        )
        .unwrap();
}

/// Round trip: load → write the data files → load gives the same corpus (every element, instrument, state, offense
/// and version, field by field).
#[test]
fn load_write_load_gives_the_same_corpus() {
    use cyberlex::load::write;
    let a = Corpus::builtin();
    let mut b = Corpus::builder().file("elements.yaml", &write::elements_file(a));
    for i in a.instruments() {
        b = b.file(
            &format!("instruments/{}.yaml", i.id()),
            &write::instrument_file(i),
        );
    }
    for j in a.jurisdictions() {
        b = b.file(
            &format!(
                "jurisdictions/{}.yaml",
                j.code().as_str().to_ascii_lowercase()
            ),
            &write::jurisdiction_file(a, j),
        );
    }
    let b = b
        .build()
        .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics()));
    let sorted = |c: &Corpus| {
        let mut v: Vec<serde_json::Value> = c
            .elements()
            .iter()
            .map(|e| serde_json::to_value(e).unwrap())
            .collect();
        v.sort_by_key(|x| x["id"].as_str().unwrap_or_default().to_owned());
        v
    };
    assert_eq!(sorted(a), sorted(&b));
    for (x, y) in a.instruments().zip(b.instruments()) {
        assert_eq!(
            serde_json::to_value(x).unwrap(),
            serde_json::to_value(y).unwrap()
        );
    }
    assert_eq!(a.jurisdictions().count(), b.jurisdictions().count());
    for (x, y) in a.jurisdictions().zip(b.jurisdictions()) {
        assert_eq!(
            serde_json::to_value(x).unwrap(),
            serde_json::to_value(y).unwrap(),
            "{}",
            x.code()
        );
    }
}

#[test]
fn thousands_of_files_are_bounded() {
    let tmp = std::env::temp_dir().join(format!("cyberlex-many-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.join("jurisdictions")).unwrap();
    for i in 0..=cyberlex::load::MAX_FILES {
        std::fs::write(tmp.join("jurisdictions").join(format!("f{i:05}.yaml")), "").unwrap();
    }
    let err = Corpus::load_dir_over_builtin(&tmp).unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("more than {}", cyberlex::load::MAX_FILES)),
        "{err}"
    );
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn a_directory_that_contributes_nothing_is_an_error_and_a_misplaced_file_is_pointed_home() {
    let tmp = std::env::temp_dir().join(format!("cyberlex-empty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/jurisdictions/xa.yaml"),
        tmp.join("xa.yaml"),
    )
    .unwrap();
    let err = Corpus::load_dir_over_builtin(&tmp).unwrap_err();
    let all: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
    assert!(
        all.iter()
            .any(|d| d.contains("error: the directory contributes no data file")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|d| d.contains("xa.yaml") && d.contains("belongs in `jurisdictions/xa.yaml`")),
        "{all:#?}"
    );
    std::fs::remove_dir_all(&tmp).unwrap();
}
