//! Reading the statement lines to categorize from an input value (JavaScript array or JSON text):
//! `[{description, amount, ...}]`, other fields ignored (a bank export has many).

use crate::error::{pointer_join, ErrorCode, Errors};
use crate::input::Input;
use crate::limits::{chars_beyond, MAX_DESCRIPTION_CHARS, MAX_MONEY, MAX_TRANSACTIONS};
use crate::validation::Problems;

/// One statement line to categorize.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The raw statement text (may be empty: the model still sees the amount).
    pub description: String,
    /// Signed amount: negative is money out.
    pub amount: f64,
}

/// Reads `[{description, amount}]`, reporting every bad row with its JSON pointer.
pub fn read_lines(input: &Input) -> Result<Vec<Line>, Errors> {
    let mut p = Problems::default();
    if !matches!(input, Input::Array(_)) {
        p.push(
            ErrorCode::Type,
            "",
            format!("transactions must be an array of {{description, amount}}, not {}", input.type_name()),
        );
        return Err(Errors(p.issues));
    }
    let items = p.array(Some(input), "", MAX_TRANSACTIONS);
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(line) = valid_line(item) {
            lines.push(line);
            continue;
        }
        let path = pointer_join("", &i.to_string());
        let Some(mut f) = p.object(item, &path, "a transaction") else { continue };
        let description_path = f.path("description");
        let description = match f.get("description") {
            Some(Input::String(s)) => match chars_beyond(s, MAX_DESCRIPTION_CHARS) {
                Some(chars) => {
                    p.push(
                        ErrorCode::TooLarge,
                        &description_path,
                        format!("has {chars} characters; the limit is {MAX_DESCRIPTION_CHARS}"),
                    );
                    None
                }
                None => Some(s.clone()),
            },
            Some(other) => {
                p.push(ErrorCode::Type, &description_path, format!("must be a string, not {}", other.type_name()));
                None
            }
            None => {
                p.push(ErrorCode::Required, &description_path, "is required");
                None
            }
        };
        let amount_path = f.path("amount");
        let amount = p.money(f.get("amount"), &amount_path, true);
        if let (Some(description), Some(amount)) = (description, amount) {
            lines.push(Line { description, amount });
        }
    }
    if p.issues.is_empty() {
        Ok(lines)
    } else {
        Err(Errors(p.issues))
    }
}

/// A row that passes every check below, read without building the JSON pointers the checks would
/// report (a statement has thousands of rows and almost all are fine); `None` sends the row
/// through the checks, which then say what is wrong. Same rules: the `description` and `amount`
/// keys (an input object has no duplicate keys), a description within the length limit, an amount that `Problems::money` accepts
/// (finite, at most `MAX_MONEY` in size, negative allowed).
fn valid_line(item: &Input) -> Option<Line> {
    let Input::Object(entries) = item else { return None };
    let field = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let (Some(Input::String(description)), Some(Input::Number(amount))) = (field("description"), field("amount"))
    else {
        return None;
    };
    is_valid(description, *amount).then(|| Line { description: description.clone(), amount: *amount })
}

/// Whether a row with this description and amount passes every check of [`read_lines`]: a
/// description within the length limit and an amount that `Problems::money` accepts (finite, at
/// most `MAX_MONEY` in size, negative allowed).
pub fn is_valid(description: &str, amount: f64) -> bool {
    amount.is_finite() && amount.abs() <= MAX_MONEY && chars_beyond(description, MAX_DESCRIPTION_CHARS).is_none()
}

/// The rows as the input value `[{description, amount}]` that [`read_lines`] reads (to report
/// what is wrong with rows given as columns, with the same checks and JSON pointers).
pub fn rows_input(rows: &[(&str, f64)]) -> Input {
    Input::Array(
        rows.iter()
            .map(|(description, amount)| {
                Input::Object(vec![
                    ("description".into(), Input::String(description.to_string())),
                    ("amount".into(), Input::Number(*amount)),
                ])
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_every_bad_one() {
        let ok = Input::from_json(r#"[{"description":"SAFEWAY","amount":-5,"date":"2026-01-01"}]"#).unwrap();
        assert_eq!(read_lines(&ok).unwrap(), [Line { description: "SAFEWAY".into(), amount: -5.0 }]);
        let bad = Input::from_json(&format!(
            r#"[{{"amount":1}}, {{"description":5,"amount":"x"}}, 3, {{"description":"{}","amount":1e13}}]"#,
            "x".repeat(501)
        ))
        .unwrap();
        let found: Vec<(String, &str)> =
            read_lines(&bad).unwrap_err().0.into_iter().map(|i| (i.path, i.code.as_str())).collect();
        let expected = [
            ("/0/description", "required"),
            ("/1/description", "type"),
            ("/1/amount", "type"),
            ("/2", "type"),
            ("/3/description", "too_large"),
            ("/3/amount", "out_of_range"),
        ];
        assert_eq!(found, expected.map(|(p, c)| (p.to_string(), c)));
        assert_eq!(read_lines(&Input::Null).unwrap_err().0[0].code, ErrorCode::Type);
    }

    #[test]
    fn valid_rows_are_read_like_the_checks_read_them() {
        // Rows at the edges of every rule: the quick reading takes a row only when the checks would.
        let rows = Input::from_json(&format!(
            r#"[{{"description":"","amount":-1e12}}, {{"description":"{}","amount":1e12}},
                {{"amount":2,"description":"B"}}, {{"description":"A","amount":-0.01,"x":null}}]"#,
            "é".repeat(500)
        ))
        .unwrap();
        let lines = read_lines(&rows).unwrap();
        assert_eq!(lines.len(), 4);
        assert_eq!((lines[0].description.as_str(), lines[0].amount), ("", -1e12));
        assert_eq!(lines[1].description.chars().count(), 500);
        assert_eq!((lines[2].description.as_str(), lines[2].amount), ("B", 2.0), "keys in any order");
        for bad in [r#"[{"description":"A","amount":1.000001e12}]"#, r#"[{"description":"A","amount":null}]"#] {
            assert!(read_lines(&Input::from_json(bad).unwrap()).is_err(), "{bad}");
        }
    }
}
