//! Prints the JSON Schema of the data files, or writes them to a directory.
//!
//! `cargo run --example schema -- [elements|instrument|jurisdiction|basis|nationality|powers|answer] [--write DIR]`

mod common;
#[allow(unused_imports)]
use common::{say, say_raw};

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use cyberlex::load::{SchemaKind, json_schema};

#[derive(Parser)]
#[command(about = "The JSON Schema of cyberlex data files, generated from the loader's types")]
struct Args {
    /// Which file kind to print (default: jurisdiction).
    /// `answer` is not a data file: it is the JSON of the library's answers (coverage, dual criminality,
    /// cooperation).
    #[arg(value_parser = ["elements", "instrument", "jurisdiction", "basis", "nationality", "powers", "answer"])]
    kind: Option<String>,
    /// Write every schema into this directory (e.g. docs/schema) instead of printing one.
    #[arg(long)]
    write: Option<PathBuf>,
}

fn main() -> ExitCode {
    run(std::env::args_os())
}

/// The program with its arguments (the first is the program's name), as `main` and the `cyberlex` command call it.
pub fn run<I, T>(argv: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args = Args::parse_from(argv);
    if let Some(dir) = args.write {
        for (kind, name) in SchemaKind::ALL {
            if let Err(e) = std::fs::create_dir_all(&dir)
                .and_then(|()| std::fs::write(dir.join(name), json_schema(kind)))
            {
                eprintln!("error: cannot write {}: {e}", dir.join(name).display());
                return ExitCode::from(1);
            }
            say!("wrote {}", dir.join(name).display());
        }
        return ExitCode::SUCCESS;
    }
    let kind = match args.kind.as_deref() {
        Some("elements") => SchemaKind::Elements,
        Some("instrument") => SchemaKind::Instrument,
        Some("basis") => SchemaKind::Basis,
        Some("nationality") => SchemaKind::Nationality,
        Some("powers") => SchemaKind::Powers,
        Some("answer") => SchemaKind::Answer,
        _ => SchemaKind::Jurisdiction,
    };
    say_raw!("{}", json_schema(kind));
    ExitCode::SUCCESS
}
