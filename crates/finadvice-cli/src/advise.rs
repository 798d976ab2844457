//! `finadvice advise`: the report for a profile file.

use crate::flags::AdvisorFlags;
use crate::io::{print_errors, read_text};
use crate::usage_error;
use finadvice::rules::RulePack;
use finadvice::{Advisor, AdvisorOptions, Errors};
use std::process::ExitCode;

/// `finadvice advise PROFILE.json [--model MODEL.onnx] [--rules PACK.json] [--explain] [--memory MEMORY.json]`.
pub fn run(args: &[String]) -> ExitCode {
    let mut profile_path = None;
    let mut flags = AdvisorFlags::default();
    let mut rules_path = None;
    let mut explain = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--rules" => match rest.next() {
                Some(p) => rules_path = Some(p.clone()),
                None => return usage_error("--rules needs a file"),
            },
            "--explain" => explain = true,
            flag if flag.starts_with("--") => match flags.take(flag, &mut rest) {
                Some(Ok(())) => {}
                Some(Err(code)) => return code,
                None => return usage_error(&format!("unknown option {flag}")),
            },
            path if profile_path.is_none() => profile_path = Some(path.to_string()),
            extra => return usage_error(&format!("unexpected argument {extra}")),
        }
    }
    let Some(profile_path) = profile_path else { return usage_error("advise needs a PROFILE.json") };
    let result = (|| -> Result<String, Errors> {
        let options = flags.options()?;
        let rule_pack = match &rules_path {
            Some(p) => Some(RulePack::from_json(&read_text(p)?)?),
            None => None,
        };
        let text = read_text(&profile_path)?;
        let advisor = Advisor::new(AdvisorOptions { rule_pack, explain, ..options })?;
        let report = advisor.advise_json(&text)?;
        Ok(serde_json::to_string_pretty(&report).expect("a report always serializes"))
    })();
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(errors) => print_errors(&errors),
    }
}
