//! `finadvice categorize FILE`: categorizes a bank export (CSV with a header, or a JSON array of
//! `{description, amount}`) and prints one JSON object per line, in input order.
//!
//! CSV: the delimiter (`,` `;` or tab) is taken from the header line; the description column is
//! the first header named like `description`, `memo`, `payee`, `details`, `name` or `narrative`;
//! the amount is the `amount` column, or `credit − debit` when the file has debit/credit
//! columns instead. Other columns are ignored. Amounts may carry a currency sign, thousands
//! separators or parentheses for negatives (`$1,234.50`, `(12.00)`).

use crate::flags::AdvisorFlags;
use crate::io::{print_errors, read_text};
use crate::usage_error;
use finadvice::input::Input;
use finadvice::{Advisor, Errors};
use std::process::ExitCode;

/// `finadvice categorize FILE [--model MODEL.onnx] [--memory MEMORY.json]`.
pub fn run(args: &[String]) -> ExitCode {
    let mut file = None;
    let mut flags = AdvisorFlags::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            flag if flag.starts_with("--") => match flags.take(flag, &mut rest) {
                Some(Ok(())) => {}
                Some(Err(code)) => return code,
                None => return usage_error(&format!("unknown option {flag}")),
            },
            path if file.is_none() => file = Some(path.to_string()),
            extra => return usage_error(&format!("unexpected argument {extra}")),
        }
    }
    let Some(file) = file else { return usage_error("categorize needs a FILE (CSV or JSON)") };
    let result = (|| -> Result<Vec<String>, Errors> {
        let options = flags.options()?;
        let text = read_text(&file)?;
        let rows =
            if text.trim_start().starts_with('[') { read_json(&text)? } else { crate::csv_rows::read_csv(&text)? };
        let advisor = Advisor::new(options)?;
        let borrowed: Vec<(&str, f64)> = rows.iter().map(|(d, a)| (d.as_str(), *a)).collect();
        let lines = advisor.categorize(&borrowed)?;
        Ok(lines.iter().map(|l| serde_json::to_string(l).expect("a categorized line always serializes")).collect())
    })();
    match result {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(errors) => print_errors(&errors),
    }
}

fn read_json(text: &str) -> Result<Vec<(String, f64)>, Errors> {
    let input = Input::from_json(text)?;
    let lines = finadvice::categorize::lines::read_lines(&input)?;
    Ok(lines.into_iter().map(|l| (l.description, l.amount)).collect())
}
