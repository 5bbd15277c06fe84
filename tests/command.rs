//! The `cyberlex` command runs the programs as subcommands, with their arguments, and says what it can do.

use std::process::Command;

fn cyberlex(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cyberlex"))
        .args(args)
        .output()
        .expect("the command runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn subcommands_take_the_programs_arguments() {
    let (code, out, _) = cyberlex(&[
        "gap-report",
        "-j",
        "DE",
        "--part",
        "procedural",
        "--date",
        "2024-01-01",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("## Procedural powers") && out.contains("Germany (DE)"));
    assert!(
        !out.contains("## Summary"),
        "--part procedural keeps the offense table out"
    );
    // The example's name is accepted too.
    let (code, out, _) = cyberlex(&["schema", "answer"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"anyOf\"") || out.contains("\"oneOf\""));
}

#[test]
fn help_lists_the_commands_and_mistakes_exit_2() {
    let (code, out, _) = cyberlex(&["--help"]);
    assert_eq!(code, 0);
    for c in ["gap-report", "cooperation", "validate"] {
        assert!(out.contains(c), "{c} missing from --help");
    }
    let (code, _, err) = cyberlex(&["gap-reprot"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown command `gap-reprot`"));
    let (code, _, err) = cyberlex(&["gap-report", "-j", "UK"]);
    assert_eq!(code, 2);
    assert!(err.contains("United Kingdom"), "{err}");
}
