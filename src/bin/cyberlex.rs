//! The `cyberlex` command: the example programs as subcommands, built with only the library's own dependencies and
//! clap (no test or bench tooling). Install it with `cargo install --path .`.
//!
//! `cyberlex gap-report -j DE`, `cyberlex cooperation --from US --to DE --procedure preservation ...`,
//! `cyberlex validate mydata`: each subcommand takes the same arguments as the example program of the same name
//! (`cargo run --example gap_report -- -j DE`), and `cyberlex SUBCOMMAND --help` lists them.

// Each program declares its own `mod common`, so the command holds several copies of the same small module.
#![allow(clippy::duplicate_mod)]

use std::ffi::OsString;
use std::process::ExitCode;

// The programs print through `$crate::common`, so the command has one at its root too.
#[path = "../../examples/common/mod.rs"]
mod common;

macro_rules! programs {
    ($($name:literal => $module:ident, $path:literal, $about:literal;)*) => {
        $(
            #[allow(dead_code, unused_imports)]
            #[path = $path]
            mod $module;
        )*
        const PROGRAMS: &[(&str, &str)] = &[$(($name, $about)),*];
        fn dispatch(name: &str, argv: Vec<OsString>) -> Option<ExitCode> {
            match name {
                $($name => Some($module::run(argv)),)*
                _ => None,
            }
        }
    };
}

programs! {
    "gap-report" => gap_report, "../../examples/gap_report.rs", "coverage of each state's law against a treaty, offense and procedural articles";
    "dual-criminality" => dual_criminality, "../../examples/dual_criminality.rs", "dual criminality of a conduct between two states";
    "cooperation" => cooperation, "../../examples/cooperation.rs", "the legal basis, dual criminality and bars for a request, or all pairs";
    "matrix" => matrix, "../../examples/matrix.rs", "dual criminality for every ordered pair of states";
    "crosswalk" => crosswalk, "../../examples/crosswalk.rs", "which article of one instrument corresponds to which of another";
    "identity-theft" => identity_theft, "../../examples/identity_theft.rs", "identity-theft offenses across the states";
    "catalogue" => catalogue, "../../examples/catalogue.rs", "a state's offenses in force on a date";
    "validate" => validate, "../../examples/validate.rs", "check a data directory laid over the built-in data";
    "schema" => schema, "../../examples/schema.rs", "the JSON Schema of a data file kind, or of the answers";
}

fn usage() -> String {
    let mut s = String::from(
        "cyberlex: cross-jurisdiction cybercrime law as data\n\nUsage: cyberlex <COMMAND> [ARGS]...\n\nCommands:\n",
    );
    for (name, about) in PROGRAMS {
        s.push_str(&format!("  {name:<17} {about}\n"));
    }
    s.push_str("\n`cyberlex <COMMAND> --help` lists a command's arguments.\n");
    s
}

fn main() -> ExitCode {
    let mut args: Vec<OsString> = std::env::args_os().collect();
    if args.len() < 2 {
        eprint!("{}", usage());
        return ExitCode::from(2);
    }
    let name = args.remove(1).to_string_lossy().into_owned();
    if matches!(name.as_str(), "-h" | "--help" | "help") {
        print!("{}", usage());
        return ExitCode::SUCCESS;
    }
    if matches!(name.as_str(), "-V" | "--version") {
        println!("cyberlex {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    // Accept the example names too (gap_report as well as gap-report).
    let key = name.replace('_', "-");
    args[0] = OsString::from(format!("cyberlex {key}"));
    match dispatch(&key, args) {
        Some(code) => code,
        None => {
            eprintln!("error: unknown command `{name}`\n");
            eprint!("{}", usage());
            ExitCode::from(2)
        }
    }
}
