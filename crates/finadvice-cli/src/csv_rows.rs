//! Reads a bank export in CSV into `(description, amount)` rows (see `categorize.rs` for the
//! accepted layouts). Self-contained (only the `finadvice` library and `csv`), so that the fuzz
//! harness (`examples/fuzz/`) can include this file and exercise the same parser.

use finadvice::error::pointer_join;
use finadvice::{ErrorCode, Errors, Issue};

const DESCRIPTION_HEADERS: &[&str] =
    &["description", "transaction description", "desc", "memo", "payee", "details", "name", "narrative", "merchant"];
const AMOUNT_HEADERS: &[&str] = &["amount", "transaction amount", "amount (usd)", "value"];
const DEBIT_HEADERS: &[&str] = &["debit", "debits", "withdrawal", "withdrawals", "money out", "debit amount"];
const CREDIT_HEADERS: &[&str] = &["credit", "credits", "deposit", "deposits", "money in", "credit amount"];

/// Which columns hold what, found from the header.
enum AmountColumns {
    Signed(usize),
    DebitCredit { debit: usize, credit: usize },
}

fn find(headers: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|name| headers.iter().position(|h| h == name))
}

pub fn read_csv(text: &str) -> Result<Vec<(String, f64)>, Errors> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or("");
    let delimiter =
        [b',', b';', b'\t'].into_iter().max_by_key(|d| first_line.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Errors::from(Issue::new(ErrorCode::Parse, "", format!("cannot read the CSV header: {e}"))))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let description = find(&headers, DESCRIPTION_HEADERS);
    let amount = find(&headers, AMOUNT_HEADERS).map(AmountColumns::Signed).or_else(|| {
        Some(AmountColumns::DebitCredit {
            debit: find(&headers, DEBIT_HEADERS)?,
            credit: find(&headers, CREDIT_HEADERS)?,
        })
    });
    let (Some(description), Some(amount)) = (description, amount) else {
        return Err(Issue::new(
            ErrorCode::Required,
            "",
            format!(
                "the CSV header {headers:?} needs a description column ({}) and an amount column ({}) or debit and credit columns",
                DESCRIPTION_HEADERS.join(", "),
                AMOUNT_HEADERS.join(", ")
            ),
        )
        .into());
    };
    let mut rows = Vec::new();
    let mut issues = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let path = pointer_join("", &i.to_string());
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                issues.push(Issue::new(ErrorCode::Parse, path, format!("row {} is not valid CSV: {e}", i + 2)));
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // blank lines at the end of exports
        }
        let field = |index: usize| record.get(index).unwrap_or("").trim();
        let text = field(description).to_string();
        if finadvice::limits::chars_beyond(&text, finadvice::limits::MAX_DESCRIPTION_CHARS).is_some() {
            issues.push(Issue::new(
                ErrorCode::TooLarge,
                pointer_join(&path, "description"),
                format!(
                    "row {} has a description longer than {} characters",
                    i + 2,
                    finadvice::limits::MAX_DESCRIPTION_CHARS
                ),
            ));
            continue;
        }
        let value = match amount {
            AmountColumns::Signed(column) => parse_amount(field(column)),
            AmountColumns::DebitCredit { debit, credit } => {
                let or_zero = |s: &str| if s.is_empty() { Some(0.0) } else { parse_amount(s) };
                let (d, c) = (field(debit), field(credit));
                if d.is_empty() && c.is_empty() {
                    None
                } else {
                    or_zero(c).zip(or_zero(d)).map(|(c, d)| c - d.abs())
                }
            }
        };
        match value.filter(|v| v.is_finite() && v.abs() <= finadvice::limits::MAX_MONEY) {
            Some(v) => rows.push((text, v)),
            None => issues.push(Issue::new(
                ErrorCode::InvalidValue,
                pointer_join(&path, "amount"),
                format!("row {}: the amount is not a number such as -12.34 or (12.34)", i + 2),
            )),
        }
        if rows.len() > finadvice::limits::MAX_TRANSACTIONS {
            issues.push(Issue::new(
                ErrorCode::TooLarge,
                "",
                format!("more than {} rows", finadvice::limits::MAX_TRANSACTIONS),
            ));
            break;
        }
    }
    if issues.is_empty() {
        Ok(rows)
    } else {
        Err(Errors(issues))
    }
}

/// Parses `-12.34`, `$1,234.50`, `(12.00)` (negative), `12.00-` (negative), `+5`.
pub fn parse_amount(text: &str) -> Option<f64> {
    let mut s: String = text.chars().filter(|c| !matches!(c, '$' | '€' | '£' | ',' | ' ' | '\u{a0}')).collect();
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') && s.len() > 2 {
        s = s[1..s.len() - 1].to_string();
        negative = true;
    }
    if let Some(stripped) = s.strip_suffix('-') {
        s = stripped.to_string();
        negative = true;
    }
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+')) {
        return None;
    }
    let v: f64 = s.parse().ok()?;
    Some(if negative { -v } else { v })
}
