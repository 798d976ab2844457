//! `finadvice advise`: the report for a profile file.

use crate::flags::AdvisorFlags;
use crate::io::{print_errors, read_text};
use crate::usage_error;
use finadvice::rules::RulePack;
use finadvice::{Advisor, AdvisorOptions, Errors};
use std::process::ExitCode;

/// `finadvice advise PROFILE.json [--transactions FILE]... [--model MODEL.onnx] [--rules PACK.json]
/// [--explain] [--memory MEMORY.json]`. Each `--transactions` export (any format `finadvice
/// import` reads) adds its rows to the profile's `transactions`, overlaps between the files
/// counted once; rows it cannot read are reported on stderr.
pub fn run(args: &[String]) -> ExitCode {
    let mut profile_path = None;
    let mut flags = AdvisorFlags::default();
    let mut rules_path = None;
    let mut explain = false;
    let mut transaction_files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--rules" => match rest.next() {
                Some(p) => rules_path = Some(p.clone()),
                None => return usage_error("--rules needs a file"),
            },
            "--explain" => explain = true,
            "--transactions" => match rest.next() {
                Some(p) => transaction_files.push(p.clone()),
                None => return usage_error("--transactions needs a file"),
            },
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
        let mut text = read_text(&profile_path)?;
        if !transaction_files.is_empty() {
            text = with_transactions(&text, &transaction_files)?;
        }
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

/// The profile's JSON with the imported transactions appended to its `transactions`.
fn with_transactions(profile: &str, files: &[String]) -> Result<String, Errors> {
    let mut value: serde_json::Value = serde_json::from_str(profile).map_err(|e| {
        Errors::from(finadvice::Issue::new(finadvice::ErrorCode::Parse, "", format!("the profile is not JSON: {e}")))
    })?;
    let imported = crate::import::import_files(files)?;
    let Some(object) = value.as_object_mut() else {
        return Err(finadvice::Issue::new(finadvice::ErrorCode::Type, "", "the profile must be a JSON object").into());
    };
    let list = object.entry("transactions").or_insert_with(|| serde_json::Value::Array(Vec::new()));
    let Some(list) = list.as_array_mut() else {
        return Err(finadvice::Issue::new(
            finadvice::ErrorCode::Type,
            "/transactions",
            "transactions must be an array",
        )
        .into());
    };
    // The profile's transaction has no `fitid`; the bank's category and MCC are kept as evidence.
    list.extend(imported.transactions.into_iter().map(|t| {
        let mut row =
            serde_json::json!({"date": t.date, "description": t.description, "amount": t.amount, "account": t.account});
        if let Some(category) = t.bank_category {
            row["bankCategory"] = category.into();
        }
        if let Some(mcc) = t.mcc {
            row["mcc"] = mcc.into();
        }
        row
    }));
    Ok(value.to_string())
}
