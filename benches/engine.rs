//! Benchmarks: loading (with a parse-only baseline of the same bytes), one dual-criminality verdict, one state's
//! coverage, and the all-pairs matrix, on the built-in data and on synthetic corpora at 10× and 50× its size.
//!
//! `cargo bench --bench engine` runs them; `cargo test --benches` runs each once as a smoke test.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use cyberlex::{
    Conduct, CooperationProcedure, CooperationRequest, Corpus, Date, DualCriminalityRequest,
    MatrixPerson, Procedure, Reading,
};

mod synthetic;
use synthetic::synthetic;

/// The text of every built-in data file, as `build.rs` embeds them: `data/elements.yaml` and the YAML files of
/// `data/instruments` and `data/jurisdictions`.
fn builtin_texts() -> Vec<String> {
    let data = format!("{}/data", env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![std::fs::read_to_string(format!("{data}/elements.yaml")).expect("elements")];
    for dir in ["instruments", "jurisdictions"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{data}/{dir}"))
            .expect("data dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        paths.sort();
        out.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("data file")),
        );
    }
    out
}

fn build(files: &[(String, String)]) -> Corpus {
    let mut b = Corpus::builder().builtin();
    for (p, t) in files {
        b = b.file(p, t);
    }
    b.build().expect("synthetic corpus loads")
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(300))
}

fn bench_load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    for factor in [1usize, 10, 50] {
        // At 1x one load takes about 12 ms, and 10 samples leave the median at the mercy of a few slow ones.
        g.sample_size(if factor == 1 { 40 } else { 10 });
        let files = if factor == 1 {
            Vec::new()
        } else {
            synthetic(factor)
        };
        g.bench_with_input(
            BenchmarkId::new("load_validate_index", factor),
            &files,
            |b, f| b.iter(|| black_box(build(f))),
        );
        // The same bytes the loader reads: every built-in file (elements, instruments, states) and the synthetic ones.
        let texts: Vec<String> = builtin_texts()
            .into_iter()
            .chain(files.iter().map(|(_, t)| t.clone()))
            .collect();
        g.bench_with_input(
            BenchmarkId::new("parse_only_baseline", factor),
            &texts,
            |b, t| {
                b.iter(|| {
                    for x in t {
                        let v: serde_json::Value = serde_saphyr::from_str(x).unwrap();
                        black_box(v);
                    }
                })
            },
        );
    }
    g.finish();
}

fn access() -> Conduct {
    Conduct::new()
        .fact("act/access", true)
        .fact("object/computer-system", true)
        .fact("circ/without-right", true)
        .fact("mental/intent", true)
}

fn bench_queries(c: &mut Criterion) {
    let date: Date = "2024-06-01".parse().unwrap();
    for factor in [1usize, 10, 50] {
        let corpus = if factor == 1 {
            Corpus::builder().builtin().build().unwrap()
        } else {
            build(&synthetic(factor))
        };
        let codes: Vec<String> = corpus
            .jurisdictions()
            .map(|j| j.code().to_string())
            .collect();
        let mut g = c.benchmark_group(format!("queries_{factor}x"));
        let req =
            DualCriminalityRequest::new("DE", "GB", Procedure::Extradition, access()).date(date);
        g.bench_function("one_verdict", |b| {
            b.iter(|| black_box(corpus.dual_criminality(&req).unwrap()))
        });
        g.bench_function("one_verdict_only", |b| {
            b.iter(|| black_box(corpus.dual_criminality_verdict(&req).unwrap()))
        });
        let eaw = DualCriminalityRequest::new("DE", "FR", Procedure::Eaw, access()).date(date);
        g.bench_function("one_verdict_only_eaw", |b| {
            b.iter(|| black_box(corpus.dual_criminality_verdict(&eaw).unwrap()))
        });
        g.bench_function("one_coverage", |b| {
            b.iter(|| black_box(corpus.coverage("DE", "budapest", date).unwrap()))
        });
        g.bench_function("one_procedural_coverage", |b| {
            b.iter(|| {
                black_box(
                    corpus
                        .coverage_part("DE", "budapest", date, cyberlex::Part::Procedural)
                        .unwrap(),
                )
            })
        });
        let inst = corpus.instrument("budapest").unwrap();
        // One conduct per offense article (Arts. 2-11): the first variant's act and required elements.
        let conducts: Vec<Conduct> = inst
            .articles()
            .iter()
            .map(|a| {
                let v = &a.variants()[0];
                v.requires()
                    .iter()
                    .fold(Conduct::new().fact(v.act().as_str(), true), |c, e| {
                        c.fact(e.as_str(), true)
                    })
            })
            .collect();
        let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
        g.bench_function(
            format!(
                "matrix_{}_states_x_{}_conducts",
                codes.len(),
                conducts.len()
            ),
            |b| {
                b.iter(|| {
                    let mut n = 0usize;
                    for conduct in &conducts {
                        let cells = corpus
                            .dual_criminality_matrix(
                                &refs,
                                Procedure::Extradition,
                                conduct,
                                date,
                                None,
                            )
                            .unwrap();
                        n += cells
                            .iter()
                            .filter(|c| c.2 == cyberlex::Verdict::Satisfied)
                            .count();
                    }
                    black_box(n)
                })
            },
        );
        if factor > 1 {
            // Full answers (reasons, deciding facts) for every pair: measured on the built-in data only.
            g.finish();
            continue;
        }
        g.bench_function(
            format!(
                "matrix_full_answers_{}_states_x_{}_conducts",
                codes.len(),
                conducts.len()
            ),
            |b| {
                b.iter(|| {
                    let mut n = 0usize;
                    for conduct in &conducts {
                        for from in &codes {
                            for to in &codes {
                                if from != to {
                                    let r = DualCriminalityRequest::new(
                                        from,
                                        to,
                                        Procedure::Extradition,
                                        conduct.clone(),
                                    )
                                    .date(date);
                                    n += usize::from(
                                        corpus.dual_criminality(&r).unwrap().verdict()
                                            == cyberlex::Verdict::Satisfied,
                                    );
                                }
                            }
                        }
                    }
                    black_box(n)
                })
            },
        );
        g.finish();
    }
}

/// One cooperation answer (basis selection, dual criminality under the basis, bars), and the all-pairs view.
fn bench_cooperation(c: &mut Criterion) {
    let date: Date = "2024-06-01".parse().unwrap();
    for factor in [1usize, 10, 50] {
        let corpus = if factor == 1 {
            Corpus::builder().builtin().build().unwrap()
        } else {
            build(&synthetic(factor))
        };
        let n = corpus.jurisdictions().count();
        let mut g = c.benchmark_group(format!("cooperation_{factor}x"));
        let req = CooperationRequest::new("US", "DE", CooperationProcedure::Extradition, access())
            .date(date)
            .nationality("DE");
        g.bench_function("one_answer", |b| {
            b.iter(|| black_box(corpus.cooperation(&req).unwrap()))
        });
        g.bench_function(format!("all_pairs_{n}_states"), |b| {
            b.iter(|| {
                black_box(
                    corpus
                        .cooperation_matrix(
                            &[],
                            CooperationProcedure::Extradition,
                            &access(),
                            date,
                            MatrixPerson::ThirdState,
                            Reading::Open,
                        )
                        .unwrap()
                        .len(),
                )
            })
        });
        g.finish();
    }
}

criterion_group! { name = benches; config = config(); targets = bench_load, bench_queries, bench_cooperation }
criterion_main!(benches);
