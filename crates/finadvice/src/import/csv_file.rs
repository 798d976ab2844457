//! CSV, TSV and semicolon exports: the header (or, for headerless exports, the rows' shape) tells
//! the layout; every row is read or reported.

use super::amount::{self, AmountError, Decimal};
use super::dates::{self, DateOrder, Decision, Written};
use super::layouts::{self, Amount, Layout, Signs, LAYOUTS};
use super::signs::{self, Evidence};
use super::text::squeeze;
use super::{FileResult, Problem, ProblemCode, SignConvention, Source, Transaction};
use crate::limits::{chars_beyond, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS, MAX_TRANSACTIONS};

/// Records searched for a header (Bank of America puts a summary block above it).
const HEADER_SEARCH: usize = 30;

/// Where each thing is in a row, and how the layout writes it.
struct Plan {
    id: &'static str,
    /// Fixed account name, or `None` for the file's name.
    account: Option<&'static str>,
    date: usize,
    description: Vec<usize>,
    amount: Columns,
    signs: Signs,
    order: Option<DateOrder>,
    category: Option<usize>,
    account_column: Option<usize>,
    id_column: Option<usize>,
    balance: Option<usize>,
    /// Only rows whose state is COMPLETED happened (Revolut); a fee is money out too.
    state: Option<usize>,
    fee: Option<usize>,
    /// The column and `;`-separated field holding the merchant category code (U.S. Bank).
    mcc: Option<(usize, usize)>,
    /// Index of the first data record.
    first: usize,
}

#[derive(Clone, Copy)]
enum Columns {
    One(usize),
    Two { out: usize, into: usize },
}

/// The delimiter most used, outside quotes, on the first non-empty line (`,` when none is).
fn sniff_delimiter(content: &str) -> u8 {
    let line = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0), (b'|', 0)];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if *d == b {
                    *n += 1;
                }
            }
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map(|(d, _)| *d).unwrap_or(b',')
}

fn position(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h == name)
}

fn first_of(header: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|n| position(header, n))
}

fn known(layout: &'static Layout, header: &[String], first: usize) -> Option<Plan> {
    if !layout.signature.iter().all(|c| header.iter().any(|h| h == c)) {
        return None;
    }
    let amount = match layout.amount {
        Amount::One(c) => Columns::One(position(header, c)?),
        Amount::Two(out, into) => Columns::Two { out: position(header, out)?, into: position(header, into)? },
    };
    Some(Plan {
        id: layout.id,
        account: Some(layout.account),
        date: position(header, layout.date)?,
        description: layout.description.iter().filter_map(|c| position(header, c)).collect(),
        amount,
        signs: layout.signs,
        order: Some(layout.dates),
        category: layout.category.and_then(|c| position(header, c)),
        account_column: layout.account_column.and_then(|c| position(header, c)),
        id_column: layout.id_column.and_then(|c| position(header, c)),
        balance: None,
        state: layout.state_column.and_then(|c| position(header, c)),
        fee: layout.fee_column.and_then(|c| position(header, c)),
        mcc: layout.mcc_field.and_then(|(c, field)| Some((position(header, c)?, field))),
        first,
    })
}

fn generic(header: &[String], first: usize) -> Option<Plan> {
    let date = first_of(header, layouts::DATE)?;
    let description = first_of(header, layouts::DESCRIPTION)?;
    let amount = match first_of(header, layouts::AMOUNT) {
        Some(c) => Columns::One(c),
        None => Columns::Two { out: first_of(header, layouts::DEBIT)?, into: first_of(header, layouts::CREDIT)? },
    };
    Some(Plan {
        id: "generic",
        account: None,
        date,
        description: vec![description],
        signs: if matches!(amount, Columns::Two { .. }) { Signs::DebitCredit } else { Signs::Evidence },
        amount,
        order: None,
        category: first_of(header, layouts::CATEGORY),
        account_column: None,
        id_column: None,
        balance: first_of(header, layouts::BALANCE),
        state: None,
        fee: None,
        mcc: None,
        first,
    })
}

fn looks_like_date(text: &str) -> bool {
    dates::read(text) != Written::Invalid
}

fn looks_like_amount(text: &str) -> bool {
    amount::parse(text, Decimal::Point).is_ok() || amount::parse(text, Decimal::Comma).is_ok()
}

/// Exports with no header, told by the shape of their first row.
fn headerless(record: &[String]) -> Option<Plan> {
    let base = Plan {
        id: "date_description_amount",
        account: None,
        date: 0,
        description: vec![1],
        amount: Columns::One(2),
        signs: Signs::Evidence,
        order: None,
        category: None,
        account_column: None,
        id_column: None,
        balance: None,
        state: None,
        fee: None,
        mcc: None,
        first: 0,
    };
    // Wells Fargo: "date","amount","*","check number","description".
    if record.len() == 5 && record[2].trim() == "*" && looks_like_date(&record[0]) && looks_like_amount(&record[1]) {
        return Some(Plan {
            id: "wells_fargo",
            account: Some("Wells Fargo"),
            description: vec![4],
            amount: Columns::One(1),
            signs: Signs::NegativeOut,
            order: Some(DateOrder::Mdy),
            ..base
        });
    }
    if record.len() == 3
        && looks_like_date(&record[0])
        && looks_like_amount(&record[2])
        && !looks_like_amount(&record[1])
    {
        return Some(base);
    }
    None
}

/// One data row as read, before the file's date order and sign convention are known.
struct Row {
    line: u64,
    date: Written,
    date_text: String,
    description: String,
    amount: f64,
    balance: Option<f64>,
    category: Option<String>,
    account: Option<String>,
    id: Option<String>,
    mcc: Option<String>,
}

/// Reads a CSV export. `order` is the person's choice of date order, if any.
pub fn read(file: &str, content: &str, order: Option<DateOrder>) -> FileResult {
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(content))
        .from_reader(content.as_bytes());
    // Lines are counted from the byte offset where each record starts (the reader's own line
    // count is off after CRLF line ends).
    let newlines: Vec<usize> = content.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i).collect();
    // A record's position may point at the line end before it: skip line ends to its first byte.
    let bytes = content.as_bytes();
    let line_at = |byte: u64| {
        let mut at = byte as usize;
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        newlines.partition_point(|&i| i < at) as u64 + 1
    };
    let mut records: Vec<(u64, Vec<String>)> = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map(|p| line_at(p.byte())).unwrap_or(0);
                if r.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                records.push((line, r.iter().map(|f| f.trim_start_matches('\u{feff}').to_string()).collect()));
            }
            Err(e) => {
                let line = e.position().map(|p| line_at(p.byte()));
                problems.push(Problem::new(file, line, ProblemCode::BadRow, format!("not valid CSV: {e}")));
            }
        }
        if records.len() > MAX_TRANSACTIONS + HEADER_SEARCH {
            problems.push(Problem::new(
                file,
                None,
                ProblemCode::TooLarge,
                format!("more than {MAX_TRANSACTIONS} rows; the rest of the file is not read"),
            ));
            break;
        }
    }
    let Some(plan) = find_plan(&records) else {
        let (line, columns) = records.first().map(|(l, r)| (Some(*l), r.join(", "))).unwrap_or((None, String::new()));
        problems.push(Problem::new(
            file,
            line,
            ProblemCode::UnknownLayout,
            if columns.is_empty() {
                "the file is empty".to_string()
            } else {
                format!(
                    "no known layout: the columns found are [{columns}]; a file needs a date column, a description \
                     column and an amount column (or debit and credit columns)"
                )
            },
        ));
        return FileResult { transactions: Vec::new(), problems, source: None };
    };
    read_rows(file, &records[plan.first..], &plan, order, problems)
}

fn find_plan(records: &[(u64, Vec<String>)]) -> Option<Plan> {
    for (index, (_, record)) in records.iter().take(HEADER_SEARCH).enumerate() {
        let header: Vec<String> = record.iter().map(|h| h.trim().to_lowercase()).collect();
        if let Some(plan) = LAYOUTS.iter().find_map(|l| known(l, &header, index + 1)) {
            return Some(plan);
        }
        if let Some(plan) = generic(&header, index + 1) {
            return Some(plan);
        }
    }
    headerless(&records.first()?.1)
}

fn read_rows(
    file: &str,
    records: &[(u64, Vec<String>)],
    plan: &Plan,
    order: Option<DateOrder>,
    mut problems: Vec<Problem>,
) -> FileResult {
    fn field(r: &[String], i: usize) -> &str {
        r.get(i).map(|s| s.trim()).unwrap_or("")
    }
    let amount_texts = records.iter().flat_map(|(_, r)| {
        let columns = match plan.amount {
            Columns::One(a) => [Some(a), None],
            Columns::Two { out, into } => [Some(out), Some(into)],
        };
        columns.into_iter().flatten().map(move |i| field(r, i))
    });
    let decimal = amount::decide_decimal(amount_texts);
    let mut rows = Vec::new();
    for (line, record) in records {
        let line = *line;
        let needed = match plan.amount {
            Columns::One(a) => plan.date.max(a),
            Columns::Two { out, into } => plan.date.max(out).max(into),
        };
        if record.len() <= needed || plan.description.iter().all(|&d| d >= record.len()) {
            problems.push(Problem::new(
                file,
                Some(line),
                ProblemCode::MissingField,
                format!("the row has {} fields; this layout needs at least {}", record.len(), needed + 1),
            ));
            continue;
        }
        if let Some(state) = plan.state {
            let state = field(record, state);
            if !state.eq_ignore_ascii_case("completed") {
                problems.push(Problem::new(
                    file,
                    Some(line),
                    ProblemCode::NotCompleted,
                    format!("the bank marks this row {state}: it did not happen, so it is not imported"),
                ));
                continue;
            }
        }
        let description =
            squeeze(plan.description.iter().map(|&d| field(record, d)).find(|d| !d.is_empty()).unwrap_or(""));
        let value = match plan.amount {
            Columns::One(a) => amount::parse(field(record, a), decimal),
            Columns::Two { out, into } => {
                match (amount::parse(field(record, out), decimal), amount::parse(field(record, into), decimal)) {
                    (Err(AmountError::Blank), Err(AmountError::Blank)) => Err(AmountError::Blank),
                    (Err(AmountError::Invalid), _) | (_, Err(AmountError::Invalid)) => Err(AmountError::Invalid),
                    (o, i) => Ok(i.map(f64::abs).unwrap_or(0.0) - o.map(f64::abs).unwrap_or(0.0)),
                }
            }
        };
        let value = match (value, plan.fee.map(|f| amount::parse(field(record, f), decimal))) {
            (Ok(v), Some(Ok(fee))) => Ok(((v - fee.abs()) * 100.0).round() / 100.0),
            (v, _) => v,
        };
        let amount = match value {
            Ok(v) => v,
            Err(AmountError::Blank) => {
                // Bank of America's first row states the beginning balance: not a transaction.
                if description.to_lowercase().starts_with("beginning balance as of") {
                    continue;
                }
                problems.push(Problem::new(
                    file,
                    Some(line),
                    ProblemCode::MissingAmount,
                    "the amount is blank (a blank is not read as 0)",
                ));
                continue;
            }
            Err(AmountError::Invalid) => {
                let shown = match plan.amount {
                    Columns::One(a) => field(record, a).to_string(),
                    Columns::Two { out, into } => format!("{} / {}", field(record, out), field(record, into)),
                };
                problems.push(Problem::new(
                    file,
                    Some(line),
                    ProblemCode::BadAmount,
                    format!("the amount {shown:?} is not a number such as -12.34, (12.34) or 12,34"),
                ));
                continue;
            }
        };
        if description.is_empty() {
            problems.push(Problem::new(file, Some(line), ProblemCode::MissingField, "the description is blank"));
            continue;
        }
        if chars_beyond(&description, MAX_DESCRIPTION_CHARS).is_some() {
            problems.push(Problem::new(
                file,
                Some(line),
                ProblemCode::TooLarge,
                format!("the description is longer than {MAX_DESCRIPTION_CHARS} characters"),
            ));
            continue;
        }
        let optional = |i: Option<usize>| i.map(|i| squeeze(field(record, i))).filter(|s| !s.is_empty());
        let date_text = field(record, plan.date).to_string();
        rows.push(Row {
            line,
            date: dates::read(&date_text),
            date_text,
            description,
            amount,
            balance: plan.balance.and_then(|b| amount::parse(field(record, b), decimal).ok()),
            category: optional(plan.category),
            account: optional(plan.account_column).filter(|a| chars_beyond(a, MAX_NAME_CHARS).is_none()),
            id: optional(plan.id_column),
            mcc: plan.mcc.and_then(|(c, n)| field(record, c).split(';').nth(n).and_then(super::text::mcc)),
        });
    }
    finish(file, plan, rows, order, problems)
}

/// Decides the date order and the sign convention from all rows, then builds the transactions.
fn finish(
    file: &str,
    plan: &Plan,
    rows: Vec<Row>,
    chosen: Option<DateOrder>,
    mut problems: Vec<Problem>,
) -> FileResult {
    let convention = match plan.signs {
        Signs::NegativeOut => SignConvention::NegativeOut,
        Signs::PositiveCharges => SignConvention::PositiveCharges,
        Signs::DebitCredit => SignConvention::DebitCredit,
        Signs::Evidence => signs::decide(
            &rows
                .iter()
                .map(|r| Evidence { amount: r.amount, balance: r.balance, description: &r.description })
                .collect::<Vec<_>>(),
        ),
    };
    let mut source = Source {
        file: file.to_string(),
        format: "csv".into(),
        layout: plan.id.into(),
        rows: 0,
        sign_convention: convention,
        date_order: None,
    };
    let order = match chosen.or(plan.order) {
        Some(order) => order,
        None => match dates::decide(rows.iter().map(|r| r.date)) {
            Decision::Order(order) => order,
            Decision::Undecided => {
                problems.push(Problem::new(
                    file,
                    None,
                    ProblemCode::DateOrderUndecided,
                    "every date could be day/month or month/day (no day above 12): choose the order to read this file",
                ));
                return FileResult { transactions: Vec::new(), problems, source: Some(source) };
            }
            Decision::Conflict => {
                problems.push(Problem::new(
                    file,
                    None,
                    ProblemCode::DateOrderConflict,
                    "some dates can only be day/month and others only month/day: choose the order to read this file",
                ));
                return FileResult { transactions: Vec::new(), problems, source: Some(source) };
            }
        },
    };
    source.date_order = Some(order);
    let default_account = crate::import::stem(file);
    let mut transactions = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(date) = dates::resolve(row.date, order) else {
            problems.push(Problem::new(
                file,
                Some(row.line),
                ProblemCode::BadDate,
                format!("{:?} is not a date (read as {})", row.date_text, order_name(order)),
            ));
            continue;
        };
        let account = match (plan.account, row.account) {
            (Some(name), Some(suffix)) => format!("{name} {suffix}"),
            (Some(name), None) => name.to_string(),
            (None, _) => default_account.clone(),
        };
        let amount = if convention == SignConvention::PositiveCharges { -row.amount } else { row.amount };
        transactions.push(Transaction {
            date: date.to_string(),
            description: row.description,
            amount: if amount == 0.0 { 0.0 } else { amount },
            account,
            bank_category: row.category,
            mcc: row.mcc,
            fitid: row.id,
        });
    }
    source.rows = transactions.len();
    FileResult { transactions, problems, source: Some(source) }
}

fn order_name(order: DateOrder) -> &'static str {
    match order {
        DateOrder::Ymd => "year-month-day",
        DateOrder::Mdy => "month/day/year",
        DateOrder::Dmy => "day/month/year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_from_the_first_line() {
        assert_eq!(sniff_delimiter("Date;Description;Amount\n31.01.2025;x;-1,00"), b';');
        assert_eq!(sniff_delimiter("\n\"a,b\"\tc\td\n"), b'\t');
        assert_eq!(sniff_delimiter("nothing"), b',');
    }
}
