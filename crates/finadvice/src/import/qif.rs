//! QIF (Quicken Interchange Format) bank, card and cash registers: records of one-letter fields
//! (`D` date, `T`/`U` amount, `P` payee, `M` memo, `L` category, `N` number) ended by `^`.
//! Dates are Quicken's (`1/ 5'25`, `01/15/2025`, `1/20/25`), day/month order decided per file.

use super::amount::{self, AmountError, Decimal};
use super::dates::{self, DateOrder, Decision};
use super::text::squeeze;
use super::{FileResult, Problem, ProblemCode, SignConvention, Source, Transaction};
use crate::limits::{chars_beyond, MAX_DESCRIPTION_CHARS, MAX_TRANSACTIONS};

#[derive(Default)]
struct Record {
    line: u64,
    date: Option<String>,
    amount: Option<String>,
    payee: Option<String>,
    memo: Option<String>,
    category: Option<String>,
}

/// Reads a QIF file. `chosen` is the person's choice of date order, if any.
pub fn read(file: &str, content: &str, chosen: Option<DateOrder>) -> FileResult {
    let mut problems = Vec::new();
    let mut records = Vec::new();
    let mut current = Record::default();
    let mut supported = true;
    let mut started = false;
    for (index, raw) in content.lines().enumerate() {
        let line = index as u64 + 1;
        let raw = raw.trim_end();
        if raw.is_empty() {
            continue;
        }
        if let Some(kind) = raw.strip_prefix("!Type:").or_else(|| raw.strip_prefix("!type:")) {
            let kind = kind.trim().to_ascii_lowercase();
            supported = matches!(kind.as_str(), "bank" | "ccard" | "cash" | "oth a" | "oth l");
            if !supported {
                problems.push(Problem::new(
                    file,
                    Some(line),
                    ProblemCode::Unsupported,
                    format!("QIF section !Type:{kind} is not a bank, card or cash register; it is not read"),
                ));
            }
            continue;
        }
        if raw.starts_with('!') || !supported {
            continue;
        }
        if !started {
            current.line = line;
            started = true;
        }
        let (code, value) = raw.split_at(raw.char_indices().nth(1).map(|(i, _)| i).unwrap_or(raw.len()));
        let value = Some(value.trim().to_string());
        match code {
            "^" => {
                records.push(std::mem::take(&mut current));
                started = false;
                if records.len() > MAX_TRANSACTIONS {
                    problems.push(Problem::new(
                        file,
                        None,
                        ProblemCode::TooLarge,
                        format!("more than {MAX_TRANSACTIONS} records"),
                    ));
                    break;
                }
            }
            "D" => current.date = value,
            "T" | "U" => current.amount = current.amount.take().or(value),
            "P" => current.payee = value,
            "M" => current.memo = value,
            "L" => current.category = value,
            _ => {}
        }
    }
    let mut source = Source {
        file: file.to_string(),
        format: "qif".into(),
        layout: "qif_bank".into(),
        rows: 0,
        sign_convention: SignConvention::NegativeOut,
        date_order: None,
    };
    let written: Vec<_> = records.iter().map(|r| dates::read(r.date.as_deref().unwrap_or(""))).collect();
    let order = match chosen {
        Some(order) => order,
        None => match dates::decide(written.iter().copied()) {
            Decision::Order(order) => order,
            other => {
                let (code, message) = if other == Decision::Undecided {
                    (
                        ProblemCode::DateOrderUndecided,
                        "every date could be day/month or month/day: choose the order to read this file",
                    )
                } else {
                    (
                        ProblemCode::DateOrderConflict,
                        "some dates are day/month and others month/day: choose the order to read this file",
                    )
                };
                problems.push(Problem::new(file, None, code, message));
                return FileResult { transactions: Vec::new(), problems, source: Some(source) };
            }
        },
    };
    source.date_order = Some(order);
    let mut transactions = Vec::new();
    for (record, written) in records.into_iter().zip(written) {
        let line = Some(record.line);
        let Some(date) = dates::resolve(written, order) else {
            problems.push(Problem::new(
                file,
                line,
                ProblemCode::BadDate,
                format!("D {:?} is not a date", record.date.unwrap_or_default()),
            ));
            continue;
        };
        let text = record.amount.unwrap_or_default();
        let decimal = if text.contains(',') && amount::decide_decimal(std::iter::once(text.as_str())) == Decimal::Comma
        {
            Decimal::Comma
        } else {
            Decimal::Point
        };
        let amount = match amount::parse(&text, decimal) {
            Ok(v) => v,
            Err(AmountError::Blank) => {
                problems.push(Problem::new(
                    file,
                    line,
                    ProblemCode::MissingAmount,
                    "the T (amount) line is missing or blank",
                ));
                continue;
            }
            Err(AmountError::Invalid) => {
                problems.push(Problem::new(file, line, ProblemCode::BadAmount, format!("T {text:?} is not a number")));
                continue;
            }
        };
        let description =
            squeeze(record.payee.as_deref().filter(|p| !p.is_empty()).or(record.memo.as_deref()).unwrap_or(""));
        if description.is_empty() || chars_beyond(&description, MAX_DESCRIPTION_CHARS).is_some() {
            problems.push(Problem::new(
                file,
                line,
                if description.is_empty() { ProblemCode::MissingField } else { ProblemCode::TooLarge },
                format!("the payee (P) or memo (M) must be 1 to {MAX_DESCRIPTION_CHARS} characters"),
            ));
            continue;
        }
        transactions.push(Transaction {
            date: date.to_string(),
            description,
            amount,
            account: super::stem(file),
            bank_category: record.category.filter(|c| !c.is_empty()),
            mcc: None,
            fitid: None,
        });
    }
    source.rows = transactions.len();
    FileResult { transactions, problems, source: Some(source) }
}
