//! Command-line front end of the engine, for integrators and rule authors.
//!
//! `finadvice advise PROFILE.json [--model MODEL.onnx]` prints the report as JSON. On bad input it
//! prints `{"errors": [...]}` to stdout, one line per problem to stderr, and exits with code 2.

mod advise;
mod calc;
mod categorize;
mod check_rules;
mod flags;
mod import;
mod io;

use std::process::ExitCode;

const USAGE: &str = "usage:
  finadvice advise PROFILE.json [--transactions FILE]... [--model MODEL.onnx] [--rules PACK.json] [--explain]
                 [--memory MEMORY.json]                print the report as JSON (PROFILE may be -); each
                                                       --transactions export (CSV, OFX, QFX, QIF) adds its rows
  finadvice check-rules PACK.json                      validate a rule pack; print its id, version and hash
  finadvice payoff REQUEST.json                        print a debt payoff plan as JSON (REQUEST may be -)
  finadvice retirement REQUEST.json                    print a retirement projection (Monte Carlo) as JSON
  finadvice goal REQUEST.json                          print a savings-goal plan as JSON
  finadvice categorize FILE... [--model MODEL.onnx] [--memory MEMORY.json]
                                                       categorize bank exports (CSV, OFX, QFX, QIF) or JSON
                                                       arrays, one JSON line per row
  finadvice import FILE...                             read bank exports: {transactions, problems, sources}
  finadvice draft FILE...                              a draft profile from bank exports, with its questions
  finadvice version                                    print the engine version
exit codes: 0 ok, 2 bad input or nothing readable (errors as JSON on stdout), 64 bad usage";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("advise") => advise::run(&args[1..]),
        Some("payoff") => calc::run(&args[1..], calc::Calculator::Payoff),
        Some("retirement") => calc::run(&args[1..], calc::Calculator::Retirement),
        Some("goal") => calc::run(&args[1..], calc::Calculator::Goal),
        Some("categorize") => categorize::run(&args[1..]),
        Some("import") => import::run_import(&args[1..]),
        Some("draft") => import::run_draft(&args[1..]),
        Some("check-rules") => check_rules::run(&args[1..]),
        Some("version") | Some("--version") => {
            println!("{}", finadvice::VERSION);
            ExitCode::SUCCESS
        }
        Some("help") | Some("--help") | Some("-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error("expected a command"),
    }
}

/// Prints a usage error and returns exit code 64.
pub fn usage_error(message: &str) -> ExitCode {
    eprintln!("finadvice: {message}\n{USAGE}");
    ExitCode::from(64)
}
