//! OFX 1.x (SGML: leaf elements have no closing tag), OFX 2.x (XML) and QFX (OFX 1.x with
//! Intuit's additions). One tag scanner reads all three: a leaf's value is the text after its
//! opening tag, up to the next tag. Amounts are signed from the account holder's side (OFX 2.2,
//! 11.4.3), so a card purchase is already negative.

use super::amount::{self, AmountError, Decimal};
use super::dates::{self, DateOrder, Written};
use super::text::squeeze;
use super::{FileResult, Problem, ProblemCode, SignConvention, Source, Transaction};
use crate::limits::{chars_beyond, MAX_DESCRIPTION_CHARS, MAX_TRANSACTIONS};

/// One `<STMTTRN>` as read.
#[derive(Default)]
struct Entry {
    line: u64,
    date: Option<String>,
    amount: Option<String>,
    fitid: Option<String>,
    name: Option<String>,
    memo: Option<String>,
    sic: Option<String>,
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Reads an OFX or QFX file.
pub fn read(file: &str, content: &str) -> FileResult {
    let xml = content.trim_start().starts_with("<?xml") || content.contains("OFXHEADER=\"2");
    let format = if file.to_ascii_lowercase().ends_with(".qfx") { "qfx" } else { "ofx" };
    let mut problems = Vec::new();
    let mut entries: Vec<(Entry, String)> = Vec::new();
    let mut current: Option<Entry> = None;
    let mut account = String::new();
    let (mut acct_id, mut acct_type, mut in_from) = (String::new(), String::new(), false);
    let mut line: u64 = 1;
    let mut rest = content;
    while let Some(open) = rest.find('<') {
        line += rest[..open].matches('\n').count() as u64;
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else { break };
        let tag = after[..close].trim().to_ascii_uppercase();
        let body = &after[close + 1..];
        let value_end = body.find('<').unwrap_or(body.len());
        let value = unescape(body[..value_end].trim());
        line += after[..close + 1].matches('\n').count() as u64;
        rest = body;
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        match tag.as_str() {
            "BANKACCTFROM" | "CCACCTFROM" => {
                in_from = true;
                acct_type = if tag == "CCACCTFROM" { "credit card".into() } else { String::new() };
            }
            "/BANKACCTFROM" | "/CCACCTFROM" => {
                in_from = false;
                let last4: String = acct_id.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
                let kind = if acct_type.is_empty() { "account".to_string() } else { acct_type.clone() };
                account = if last4.is_empty() { kind } else { format!("{kind} ending {last4}") };
            }
            "ACCTID" if in_from => acct_id = value,
            "ACCTTYPE" if in_from => acct_type = value.to_lowercase(),
            "STMTTRN" => current = Some(Entry { line, ..Entry::default() }),
            "/STMTTRN" => {
                if let Some(entry) = current.take() {
                    entries.push((entry, account.clone()));
                    if entries.len() > MAX_TRANSACTIONS {
                        problems.push(Problem::new(
                            file,
                            None,
                            ProblemCode::TooLarge,
                            format!("more than {MAX_TRANSACTIONS} transactions; the rest is not read"),
                        ));
                        break;
                    }
                }
            }
            _ => {
                if let Some(entry) = current.as_mut() {
                    let slot = match tag.as_str() {
                        "DTPOSTED" => &mut entry.date,
                        "TRNAMT" => &mut entry.amount,
                        "FITID" => &mut entry.fitid,
                        "NAME" => &mut entry.name,
                        "MEMO" => &mut entry.memo,
                        "SIC" => &mut entry.sic,
                        _ => continue,
                    };
                    if slot.is_none() && !value.is_empty() {
                        *slot = Some(value);
                    }
                }
            }
        }
    }
    if entries.is_empty() && problems.is_empty() {
        problems.push(Problem::new(
            file,
            None,
            ProblemCode::Unsupported,
            "an OFX file with no transactions (no <STMTTRN>)",
        ));
    }
    let mut transactions = Vec::new();
    for (entry, account) in entries {
        let line = Some(entry.line);
        let date = entry.date.as_deref().map(dates::read).and_then(|w| match w {
            Written::YearFirst(d) => d,
            _ => None,
        });
        let Some(date) = date else {
            problems.push(Problem::new(
                file,
                line,
                ProblemCode::BadDate,
                format!("DTPOSTED {:?} is not a date YYYYMMDD", entry.date.unwrap_or_default()),
            ));
            continue;
        };
        let text = entry.amount.unwrap_or_default();
        let decimal = if text.contains(',') && !text.contains('.') { Decimal::Comma } else { Decimal::Point };
        let amount = match amount::parse(&text, decimal) {
            Ok(v) => v,
            Err(AmountError::Blank) => {
                problems.push(Problem::new(file, line, ProblemCode::MissingAmount, "TRNAMT is missing or blank"));
                continue;
            }
            Err(AmountError::Invalid) => {
                problems.push(Problem::new(
                    file,
                    line,
                    ProblemCode::BadAmount,
                    format!("TRNAMT {text:?} is not a number"),
                ));
                continue;
            }
        };
        // OFX 1.x limits NAME to 32 characters; a MEMO that continues it is the full text.
        let description = match (entry.name, entry.memo) {
            (Some(name), Some(memo)) if memo.starts_with(&name) => memo,
            (Some(name), _) => name,
            (None, Some(memo)) => memo,
            (None, None) => String::new(),
        };
        let description = squeeze(&description);
        if description.is_empty() || chars_beyond(&description, MAX_DESCRIPTION_CHARS).is_some() {
            problems.push(Problem::new(
                file,
                line,
                if description.is_empty() { ProblemCode::MissingField } else { ProblemCode::TooLarge },
                format!("NAME/MEMO must be 1 to {MAX_DESCRIPTION_CHARS} characters"),
            ));
            continue;
        }
        transactions.push(Transaction {
            date: date.to_string(),
            description,
            amount,
            account: if account.is_empty() { super::stem(file) } else { account },
            bank_category: None,
            mcc: entry.sic,
            fitid: entry.fitid,
        });
    }
    let source = Source {
        file: file.to_string(),
        format: format.into(),
        layout: if xml { "ofx_xml" } else { "ofx_sgml" }.into(),
        rows: transactions.len(),
        sign_convention: SignConvention::NegativeOut,
        date_order: Some(DateOrder::Ymd),
    };
    FileResult { transactions, problems, source: Some(source) }
}
