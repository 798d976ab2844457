//! Structured errors: every problem is a code, a JSON pointer and a human message.
//!
//! Public entry points never panic on bad input; they return [`Errors`], which the wasm layer turns
//! into a JavaScript `FinAdviceError` carrying the same list.

use serde::Serialize;
use std::fmt;

/// Machine-readable kind of a problem. Serialized in snake_case (`"out_of_range"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The text is not valid JSON.
    Parse,
    /// A value has the wrong JSON type (a string where a number belongs, …).
    Type,
    /// A required field is missing.
    Required,
    /// A field that the format does not define (a typo is an error, not silently ignored).
    UnknownField,
    /// A number is NaN or infinite.
    NotFinite,
    /// A number or date is outside the range the field allows.
    OutOfRange,
    /// A string is not one of the allowed values (an enum, a currency code, a date).
    InvalidValue,
    /// Two items share a name that must be unique, or an object repeats a key.
    Duplicate,
    /// The input is larger than the documented limits (bytes, items, string length).
    TooLarge,
    /// The input is nested deeper than the documented limit.
    TooDeep,
    /// Two fields contradict each other.
    Inconsistent,
    /// An ONNX model could not be loaded or does not follow the expected contract.
    Model,
    /// The options given to the advisor are invalid.
    Options,
    /// A rule uses an operator that JSON Logic does not define.
    UnknownOperator,
    /// A rule or template refers to a fact, constant or rule that does not exist.
    UnknownReference,
    /// Rules' `after` prerequisites form a cycle.
    Cycle,
    /// A message template is malformed (unclosed `{{`, unknown filter, …).
    Template,
    /// Evaluating a rule took more steps than the limit allows.
    TooManySteps,
    /// The values are valid one by one but no plan exists for them (a budget below the minimum
    /// payments, a debt that never amortizes, a plan longer than the horizon).
    Infeasible,
}

impl ErrorCode {
    /// The code as it appears in JSON (`"out_of_range"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Parse => "parse",
            ErrorCode::Type => "type",
            ErrorCode::Required => "required",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::NotFinite => "not_finite",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::TooDeep => "too_deep",
            ErrorCode::Inconsistent => "inconsistent",
            ErrorCode::Model => "model",
            ErrorCode::Options => "options",
            ErrorCode::UnknownOperator => "unknown_operator",
            ErrorCode::UnknownReference => "unknown_reference",
            ErrorCode::Cycle => "cycle",
            ErrorCode::Template => "template",
            ErrorCode::TooManySteps => "too_many_steps",
            ErrorCode::Infeasible => "infeasible",
        }
    }
}

/// One problem with the input: what (`code`), where (`path`, a JSON pointer such as
/// `/debts/1/aprPercent`; empty for the whole document) and a message a person can act on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct Issue {
    /// Machine-readable kind of the problem.
    pub code: ErrorCode,
    /// JSON pointer (RFC 6901) to the offending value.
    pub path: String,
    /// Human-readable explanation, naming the limit or the expected value.
    pub message: String,
}

impl Issue {
    /// Builds an issue from its parts.
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Issue { code, path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(document)" } else { &self.path };
        write!(f, "{path}: {} [{}]", self.message, self.code.as_str())
    }
}

/// A non-empty list of problems, all of them, in document order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(transparent)]
pub struct Errors(pub Vec<Issue>);

impl Errors {
    /// A list holding one issue.
    pub fn one(issue: Issue) -> Self {
        Errors(vec![issue])
    }

    /// The issues, in the order they were found.
    pub fn issues(&self) -> &[Issue] {
        &self.0
    }

    /// A one-line summary: the first issue and how many more there are.
    pub fn summary(&self) -> String {
        match self.0.as_slice() {
            [] => "invalid input".to_string(),
            [only] => only.to_string(),
            [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
        }
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary())
    }
}

impl std::error::Error for Errors {}

impl From<Issue> for Errors {
    fn from(issue: Issue) -> Self {
        Errors::one(issue)
    }
}

/// Appends one reference token to a JSON pointer, escaping `~` and `/` as RFC 6901 requires.
pub fn pointer_join(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    if !token.contains(['~', '/']) {
        out.push_str(token);
        return out;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(pointer_join("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(pointer_join("", "debts"), "/debts");
    }

    #[test]
    fn summary_counts_the_rest() {
        let e = Errors(vec![
            Issue::new(ErrorCode::Required, "/asOf", "asOf is required"),
            Issue::new(ErrorCode::Type, "/currency", "must be a string"),
        ]);
        assert_eq!(e.summary(), "/asOf: asOf is required [required] (and 1 more)");
    }
}
