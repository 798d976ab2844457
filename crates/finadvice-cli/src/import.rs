//! `finadvice import FILE...` and `finadvice draft FILE...`: bank and card exports (CSV of the
//! known layouts or generic, OFX/QFX, QIF; see tests/import/LAYOUTS.md) read by the library's
//! importer. Also the reader behind `categorize` and `advise --transactions`.

use crate::io::read_bytes;
use crate::usage_error;
use finadvice::import::{draft::draft_profile, import_statements, ImportOptions, Imported, StatementFile};
use finadvice::Errors;
use std::process::ExitCode;

/// Reads files (standard input for `-`) as the importer takes them.
pub fn read_files(paths: &[String]) -> Result<Vec<StatementFile>, Errors> {
    paths.iter().map(|path| Ok(StatementFile { name: path.clone(), bytes: read_bytes(path)? })).collect()
}

/// Imports files, printing each problem to stderr as `finadvice: FILE:LINE: message (code)`.
pub fn import_files(paths: &[String]) -> Result<Imported, Errors> {
    Ok(report(import_statements(&read_files(paths)?, &ImportOptions::default())))
}

/// Prints an import's problems to stderr, one line each, and gives the import back.
pub fn report(imported: Imported) -> Imported {
    for p in &imported.problems {
        let line = p.line.map(|l| format!(":{l}")).unwrap_or_default();
        eprintln!(
            "finadvice: {}{line}: {} ({})",
            p.file,
            p.message,
            serde_json::to_value(p.code).unwrap_or_default().as_str().unwrap_or("")
        );
    }
    imported
}

fn files_only(args: &[String], command: &str) -> Result<Vec<String>, ExitCode> {
    if let Some(flag) = args.iter().find(|a| a.starts_with("--")) {
        return Err(usage_error(&format!("unknown option {flag}")));
    }
    if args.is_empty() {
        return Err(usage_error(&format!("{command} needs at least one FILE")));
    }
    Ok(args.to_vec())
}

/// `finadvice import FILE...`: one JSON document `{transactions, problems, sources}`; exit 0 when
/// any transaction was read, 2 when none could be.
pub fn run_import(args: &[String]) -> ExitCode {
    let paths = match files_only(args, "import") {
        Ok(p) => p,
        Err(code) => return code,
    };
    match import_files(&paths) {
        Ok(imported) => {
            println!("{}", serde_json::to_string_pretty(&imported).expect("an import always serializes"));
            if imported.transactions.is_empty() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(errors) => crate::io::print_errors(&errors),
    }
}

/// `finadvice draft FILE...`: the draft profile, its questions, the months covered and the
/// recurring flows found; exit 2 when no transaction could be read.
pub fn run_draft(args: &[String]) -> ExitCode {
    let paths = match files_only(args, "draft") {
        Ok(p) => p,
        Err(code) => return code,
    };
    match import_files(&paths) {
        Ok(imported) if imported.transactions.is_empty() => {
            eprintln!("finadvice: no transaction could be read from {}", paths.join(", "));
            ExitCode::from(2)
        }
        Ok(imported) => {
            let draft = draft_profile(&imported.transactions);
            println!("{}", serde_json::to_string_pretty(&draft).expect("a draft always serializes"));
            ExitCode::SUCCESS
        }
        Err(errors) => crate::io::print_errors(&errors),
    }
}
