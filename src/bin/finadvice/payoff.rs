//! `finadvice payoff`: a debt payoff plan for a request file.

use crate::io::{print_errors, read_text};
use crate::usage_error;
use finadvice::calc::read::payoff_from_input;
use finadvice::input::Input;
use finadvice::Errors;
use std::process::ExitCode;

/// `finadvice payoff REQUEST.json`: prints the plan (`months`, `totalInterest`, `interestSaved`,
/// `schedule`, …) as JSON. The request is `{debts, monthlyBudget, strategy?, order?, extraPayments?, asOf?}`.
pub fn run(args: &[String]) -> ExitCode {
    let path = match args {
        [path] if !path.starts_with("--") || path == "-" => path,
        [] => return usage_error("payoff needs a REQUEST.json"),
        _ => return usage_error("payoff takes exactly one REQUEST.json"),
    };
    let result = (|| -> Result<String, Errors> {
        let input = Input::from_json(&read_text(path)?)?;
        let plan = payoff_from_input(&input)?;
        Ok(serde_json::to_string_pretty(&plan).expect("a plan always serializes"))
    })();
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(errors) => print_errors(&errors),
    }
}
