//! `finadvice payoff | retirement | goal REQUEST.json`: one calculator's result for a request file.

use crate::io::{print_errors, read_text};
use crate::usage_error;
use finadvice::calc::requests::{goal_from_input, payoff_from_input, retirement_from_input};
use finadvice::input::Input;
use finadvice::Errors;
use std::process::ExitCode;

/// The calculators the command line offers.
#[derive(Clone, Copy)]
pub enum Calculator {
    /// `{debts, monthlyBudget, strategy?, order?, extraPayments?, asOf?}` → `months`,
    /// `totalInterest`, `interestSaved`, `schedule`, …
    Payoff,
    /// `{currentAge, retirementAge, endAge?, balance, …}` → success probability and bands.
    Retirement,
    /// `{target, saved?, asOf + targetDate | months, …}` → monthly saving needed, months to reach.
    Goal,
}

impl Calculator {
    fn name(self) -> &'static str {
        match self {
            Calculator::Payoff => "payoff",
            Calculator::Retirement => "retirement",
            Calculator::Goal => "goal",
        }
    }

    fn compute(self, input: &Input) -> Result<String, Errors> {
        let pretty = |v: serde_json::Result<String>| v.expect("a result always serializes");
        Ok(match self {
            Calculator::Payoff => pretty(serde_json::to_string_pretty(&payoff_from_input(input)?)),
            Calculator::Retirement => pretty(serde_json::to_string_pretty(&retirement_from_input(input)?)),
            Calculator::Goal => pretty(serde_json::to_string_pretty(&goal_from_input(input)?)),
        })
    }
}

/// `finadvice <calculator> REQUEST.json` (REQUEST may be `-` for standard input): prints the result
/// as JSON; bad input prints `{"errors": [...]}` and exits 2.
pub fn run(args: &[String], calculator: Calculator) -> ExitCode {
    let path = match args {
        [path] if !path.starts_with("--") || path == "-" => path,
        [] => return usage_error(&format!("{} needs a REQUEST.json", calculator.name())),
        _ => return usage_error(&format!("{} takes exactly one REQUEST.json", calculator.name())),
    };
    match read_text(path).and_then(|text| Ok(Input::from_json(&text)?)).and_then(|input| calculator.compute(&input)) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(errors) => print_errors(&errors),
    }
}
