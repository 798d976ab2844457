//! Command-line front end of the engine, for integrators and rule authors.
//!
//! `finadvice advise PROFILE.json [--model MODEL.onnx]` prints the report as JSON. On bad input it
//! prints `{"errors": [...]}` to stdout, one line per problem to stderr, and exits with code 2.

use finadvice::{Advisor, AdvisorOptions, ErrorCode, Errors, Issue};
use std::process::ExitCode;

const USAGE: &str = "usage:
  finadvice advise PROFILE.json [--model MODEL.onnx]   print the report as JSON (PROFILE may be -)
  finadvice version                                    print the engine version
exit codes: 0 ok, 2 bad input (errors as JSON on stdout), 64 bad usage";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("advise") => advise(&args[1..]),
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

fn usage_error(message: &str) -> ExitCode {
    eprintln!("finadvice: {message}\n{USAGE}");
    ExitCode::from(64)
}

fn advise(args: &[String]) -> ExitCode {
    let mut profile_path = None;
    let mut model_path = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--model" => match rest.next() {
                Some(p) => model_path = Some(p.clone()),
                None => return usage_error("--model needs a file"),
            },
            flag if flag.starts_with("--") => return usage_error(&format!("unknown option {flag}")),
            path if profile_path.is_none() => profile_path = Some(path.to_string()),
            extra => return usage_error(&format!("unexpected argument {extra}")),
        }
    }
    let Some(profile_path) = profile_path else { return usage_error("advise needs a PROFILE.json") };
    let result = (|| -> Result<String, Errors> {
        let model = match &model_path {
            Some(p) => Some(std::fs::read(p).map_err(|e| read_error("/model", p, e))?),
            None => None,
        };
        let text = read_text(&profile_path)?;
        let advisor = Advisor::new(AdvisorOptions { model })?;
        let report = advisor.advise_json(&text)?;
        Ok(serde_json::to_string_pretty(&report).expect("a report always serializes"))
    })();
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for issue in errors.issues() {
                eprintln!("finadvice: {issue}");
            }
            let body = serde_json::json!({ "errors": errors });
            println!("{}", serde_json::to_string_pretty(&body).expect("errors always serialize"));
            ExitCode::from(2)
        }
    }
}

fn read_text(path: &str) -> Result<String, Errors> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|e| read_error("", "stdin", e))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| read_error("", path, e))?
    };
    String::from_utf8(bytes)
        .map_err(|e| Issue::new(ErrorCode::Parse, "", format!("{path} is not UTF-8 text: {e}")).into())
}

fn read_error(pointer: &str, path: &str, e: std::io::Error) -> Errors {
    Issue::new(ErrorCode::Parse, pointer, format!("cannot read {path}: {e}")).into()
}
