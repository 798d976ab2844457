//! File reading and error printing shared by the commands.

use finadvice::categorize::MerchantMemory;
use finadvice::{ErrorCode, Errors, Issue};
use std::process::ExitCode;

/// Reads a file's bytes, or standard input's for `-`.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, Errors> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|e| read_error("", "stdin", e))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| read_error("", path, e))
    }
}

/// Reads a UTF-8 file, or standard input for `-`.
pub fn read_text(path: &str) -> Result<String, Errors> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes)
        .map_err(|e| Issue::new(ErrorCode::Parse, "", format!("{path} is not UTF-8 text: {e}")).into())
}

/// An unreadable file as an error list.
pub fn read_error(pointer: &str, path: &str, e: std::io::Error) -> Errors {
    Issue::new(ErrorCode::Parse, pointer, format!("cannot read {path}: {e}")).into()
}

/// Prints errors (JSON on stdout, one line each on stderr) and returns exit code 2.
pub fn print_errors(errors: &Errors) -> ExitCode {
    for issue in errors.issues() {
        eprintln!("finadvice: {issue}");
    }
    let body = serde_json::json!({ "errors": errors });
    println!("{}", serde_json::to_string_pretty(&body).expect("errors always serialize"));
    ExitCode::from(2)
}

/// Reads a merchant memory file (the JSON of `exportMemory`), if a path is given; its problems
/// are reported under `/memory`.
pub fn read_memory(path: Option<&str>) -> Result<Option<MerchantMemory>, Errors> {
    let Some(path) = path else { return Ok(None) };
    let text = read_text(path)?;
    let input = finadvice::input::Input::from_json(&text).map_err(|mut issue| {
        issue.path = format!("/memory{}", issue.path);
        Errors::from(issue)
    })?;
    MerchantMemory::from_input(&input, "/memory").map(Some)
}
