//! The small CLI layer shared by the example programs: loading data, parsing dates, exit codes.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use cyberlex::{Corpus, Date};

/// Exit code for a bad request (unknown state, offense, element; bad date).
pub const EXIT_USAGE: u8 = 2;
/// Exit code for data that does not load.
pub const EXIT_DATA: u8 = 1;

/// The built-in corpus, or a user's tree laid over it. On failure prints every diagnostic to stderr.
pub fn load(data: Option<&PathBuf>) -> Result<&'static Corpus, ExitCode> {
    match data {
        None => Ok(Corpus::builtin()),
        Some(dir) => match Corpus::load_dir_over_builtin(dir) {
            // A program loads once and exits: leaking the corpus gives it the same lifetime as the built-in one.
            Ok(c) => Ok(Box::leak(Box::new(c))),
            Err(e) => {
                for d in e.diagnostics() {
                    eprintln!("{d}");
                }
                eprintln!(
                    "error: the data under {} does not load ({} errors)",
                    dir.display(),
                    e.errors().count()
                );
                Err(ExitCode::from(EXIT_DATA))
            }
        },
    }
}

/// A date argument, or today.
pub fn date(arg: Option<&str>) -> Result<Date, ExitCode> {
    match arg {
        None => Ok(Date::today()),
        Some(s) => s.parse().map_err(|e| {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_USAGE)
        }),
    }
}

/// Prints a query error and returns the usage exit code.
pub fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(EXIT_USAGE)
}

/// Builds a conduct from `--fact` arguments (`ELEMENT`, `ELEMENT=true` or `ELEMENT=false`), checking each element.
pub fn facts(corpus: &Corpus, args: &[String]) -> Result<cyberlex::Conduct, ExitCode> {
    if args.is_empty() {
        return Err(fail(
            "give the conduct: one or more --fact ELEMENT[=true|false]",
        ));
    }
    let mut c = cyberlex::Conduct::new();
    for f in args {
        let (e, v) = match f.split_once('=') {
            None => (f.as_str(), true),
            Some((e, "true")) => (e, true),
            Some((e, "false")) => (e, false),
            Some((_, v)) => {
                return Err(fail(format!(
                    "`{v}` in `{f}`: a fact is ELEMENT, ELEMENT=true or ELEMENT=false"
                )));
            }
        };
        if let Err(err) = corpus.element(e) {
            return Err(fail(err));
        }
        c = c.fact(e, v);
    }
    Ok(c)
}

/// Full answers for every ordered pair of distinct states, with the matrix cells summarising them.
pub fn all_pairs(
    corpus: &Corpus,
    codes: &[cyberlex::JurisdictionCode],
    procedure: cyberlex::Procedure,
    conduct: &cyberlex::Conduct,
    date: Date,
) -> Result<
    (
        Vec<cyberlex::report::MatrixCell>,
        Vec<cyberlex::DualCriminalityAnswer>,
    ),
    ExitCode,
> {
    let mut cells = Vec::new();
    let mut answers = Vec::new();
    for from in codes {
        for to in codes.iter().filter(|to| *to != from) {
            let req = cyberlex::DualCriminalityRequest::new(
                from.as_str(),
                to.as_str(),
                procedure,
                conduct.clone(),
            )
            .date(date);
            let a = corpus.dual_criminality(&req).map_err(fail)?;
            cells.push(cyberlex::report::MatrixCell::from_answer(&a));
            answers.push(a);
        }
    }
    Ok((cells, answers))
}

/// Writes to standard output; a closed pipe (`| head`) ends the program quietly with success instead of a panic.
pub fn emit(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// `println!` that survives a closed pipe.
#[allow(unused_macros)]
macro_rules! say {
    ($($t:tt)*) => { $crate::common::emit(&format!("{}\n", format_args!($($t)*))) };
}
/// `print!` that survives a closed pipe.
#[allow(unused_macros)]
macro_rules! say_raw {
    ($($t:tt)*) => { $crate::common::emit(&format!($($t)*)) };
}
#[allow(unused_imports)]
pub(crate) use {say, say_raw};

/// The corpus (built-in, or a user's tree laid over it) and the date of the question (default: today).
pub fn setup(
    data: Option<&PathBuf>,
    date_arg: Option<&str>,
) -> Result<(&'static Corpus, Date), ExitCode> {
    Ok((load(data)?, date(date_arg)?))
}
