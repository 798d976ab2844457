//! `finadvice check-rules PACK.json`: validates a rule pack for its author.

use crate::io::{print_errors, read_text};
use crate::usage_error;
use finadvice::rules::RulePack;
use std::process::ExitCode;

/// Prints `{id, version, hash, rules}` and exits 0 for a valid pack; prints every problem with its
/// JSON pointer and exits 2 otherwise.
pub fn run(args: &[String]) -> ExitCode {
    let [path] = args else { return usage_error("check-rules needs exactly one PACK.json") };
    match read_text(path).and_then(|text| RulePack::from_json(&text)) {
        Ok(pack) => {
            let summary = serde_json::json!({
                "id": pack.id, "version": pack.version, "hash": pack.hash, "rules": pack.rules.len(),
            });
            println!("{}", serde_json::to_string_pretty(&summary).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(errors) => print_errors(&errors),
    }
}
