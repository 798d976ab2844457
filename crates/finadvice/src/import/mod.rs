//! Bank and card exports (CSV of the known layouts and generic ones, OFX/QFX, QIF) to
//! transactions in the profile's convention (negative = money out of that account), with every
//! row that could not be read reported by file, line and reason. See `tests/import/LAYOUTS.md`.

mod amount;
mod csv_file;
mod dates;
mod dedupe;
pub mod draft;
mod layouts;
mod ofx;
mod qif;
mod signs;
mod text;

pub use dates::DateOrder;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most files in one import.
pub const MAX_FILES: usize = 50;
/// Largest file accepted, in bytes (a decade of a busy account's CSV is a few MiB).
pub const MAX_FILE_BYTES: usize = crate::limits::MAX_INPUT_BYTES;

/// One file handed to the importer.
#[derive(Debug, Clone)]
pub struct StatementFile {
    /// The file's name (used in problems, sources and overrides; its extension tells QFX).
    pub name: String,
    /// Its bytes, in any supported encoding.
    pub bytes: Vec<u8>,
}

/// What the person chose for one file after seeing the preview.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct FileOverride {
    /// Negate every amount of the file (the detected sign convention was wrong).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub flip_signs: Option<bool>,
    /// Read its dates in this order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub date_order: Option<DateOrder>,
}

/// Options of an import.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct ImportOptions {
    /// Per-file choices, by file name.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<BTreeMap<String, FileOverride>>"))]
    pub overrides: BTreeMap<String, FileOverride>,
}

/// One imported transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "ImportedTransaction"))]
pub struct Transaction {
    /// Booking date, ISO `YYYY-MM-DD`.
    pub date: String,
    /// The statement text, whitespace collapsed.
    pub description: String,
    /// Signed amount: negative is money out of the account.
    pub amount: f64,
    /// The account it belongs to (the layout's name, an account column, OFX account ending).
    pub account: String,
    /// The bank's own category for it, as the bank wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub bank_category: Option<String>,
    /// Merchant category code (OFX `SIC`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub mcc: Option<String>,
    /// The bank's transaction id (OFX `FITID`, Monzo's transaction id), used to count overlaps once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fitid: Option<String>,
}

/// Why something in a file could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "ImportProblemCode", rename_all = "snake_case"))]
pub enum ProblemCode {
    /// No known layout, and no date/description/amount columns by any usual name.
    UnknownLayout,
    /// A row lacks a column it needs (date, description, amount).
    MissingField,
    /// The amount is blank (never read as 0).
    MissingAmount,
    /// The amount is not a number.
    BadAmount,
    /// The date is not a date (under the file's order).
    BadDate,
    /// Every date could be day-first or month-first: the order is not guessed.
    DateOrderUndecided,
    /// Some dates are day-first and others month-first.
    DateOrderConflict,
    /// A row the bank marks as not completed (reverted, declined, pending).
    NotCompleted,
    /// A row is not valid CSV.
    BadRow,
    /// Larger than the documented limits.
    TooLarge,
    /// An OFX/QIF file with no transactions, or an unsupported QIF type.
    Unsupported,
}

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "ImportProblem"))]
pub struct Problem {
    /// The file's name.
    pub file: String,
    /// The line (1-based) it starts on; `null` for the whole file.
    pub line: Option<u64>,
    /// What kind of problem.
    pub code: ProblemCode,
    /// Plain explanation, naming what was found and what was expected.
    pub message: String,
}

/// How a file's amounts were signed before being put in the profile's convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename_all = "snake_case"))]
pub enum SignConvention {
    /// As written: negative = money out.
    NegativeOut,
    /// Purchases written positive: negated.
    PositiveCharges,
    /// Separate money-out and money-in columns.
    DebitCredit,
}

/// What was recognized in one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "ImportSource"))]
pub struct Source {
    /// The file's name.
    pub file: String,
    /// `csv`, `ofx`, `qfx` or `qif`.
    pub format: String,
    /// The layout id (`chase_card`, `generic`, `ofx_sgml`, ...; see LAYOUTS.md).
    pub layout: String,
    /// Transactions read from it (before overlaps with other files are removed).
    pub rows: usize,
    /// How its amounts were signed.
    pub sign_convention: SignConvention,
    /// The order of its dates; `null` when it could not be decided.
    pub date_order: Option<DateOrder>,
}

/// The result of an import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "ImportResult"))]
pub struct Imported {
    /// Every transaction read, overlaps counted once, sorted by date (ties in file, then row order).
    pub transactions: Vec<Transaction>,
    /// Everything that could not be read.
    pub problems: Vec<Problem>,
    /// One entry per file whose format and layout were recognized.
    pub sources: Vec<Source>,
}

/// What reading one file gave.
pub(crate) struct FileResult {
    pub transactions: Vec<Transaction>,
    pub problems: Vec<Problem>,
    pub source: Option<Source>,
}

impl Problem {
    pub(crate) fn new(file: &str, line: Option<u64>, code: ProblemCode, message: impl Into<String>) -> Self {
        Problem { file: file.to_string(), line, code, message: message.into() }
    }
}

/// Reads every file, removes overlaps between them and sorts by date.
pub fn import_statements(files: &[StatementFile], options: &ImportOptions) -> Imported {
    let mut out = Imported::default();
    if files.len() > MAX_FILES {
        out.problems.push(Problem::new(
            "",
            None,
            ProblemCode::TooLarge,
            format!("{} files at once; at most {MAX_FILES} are read in one import", files.len()),
        ));
        return out;
    }
    let mut per_file = Vec::new();
    for file in files {
        let choice = options.overrides.get(&file.name).cloned().unwrap_or_default();
        let result = read_file(file, &choice);
        out.problems.extend(result.problems);
        out.sources.extend(result.source);
        per_file.push(result.transactions);
    }
    let mut transactions = dedupe::merge(per_file);
    // What a profile's transaction accepts as evidence: a bank category of a name's length and a
    // four-digit MCC (a longer label or a malformed code is not evidence; the row is kept).
    for t in &mut transactions {
        t.bank_category =
            t.bank_category.take().filter(|c| crate::limits::chars_beyond(c, crate::limits::MAX_NAME_CHARS).is_none());
        t.mcc = t.mcc.take().and_then(|code| text::mcc(&code));
    }
    if transactions.len() > crate::limits::MAX_TRANSACTIONS {
        out.problems.push(Problem::new(
            "",
            None,
            ProblemCode::TooLarge,
            format!(
                "{} transactions; the first {} (by file order) are kept",
                transactions.len(),
                crate::limits::MAX_TRANSACTIONS
            ),
        ));
        transactions.truncate(crate::limits::MAX_TRANSACTIONS);
    }
    transactions.sort_by(|a, b| a.date.cmp(&b.date));
    out.transactions = transactions;
    out
}

/// The kinds of file told apart by their first bytes.
fn read_file(file: &StatementFile, choice: &FileOverride) -> FileResult {
    if file.bytes.len() > MAX_FILE_BYTES {
        return FileResult {
            transactions: Vec::new(),
            problems: vec![Problem::new(
                &file.name,
                None,
                ProblemCode::TooLarge,
                format!("the file has {} bytes; at most {MAX_FILE_BYTES} are read", file.bytes.len()),
            )],
            source: None,
        };
    }
    let (content, _) = text::decode(&file.bytes);
    let head: String = content.chars().take(2048).collect::<String>().to_ascii_uppercase();
    let head = head.trim_start();
    let mut result = if head.starts_with("OFXHEADER") || head.contains("<OFX>") || head.contains("<?OFX") {
        ofx::read(&file.name, &content)
    } else if head.starts_with("!TYPE:") || head.starts_with("!ACCOUNT") || head.starts_with("!OPTION") {
        qif::read(&file.name, &content, choice.date_order)
    } else {
        csv_file::read(&file.name, &content, choice.date_order)
    };
    result.problems.sort_by_key(|p| p.line);
    if choice.flip_signs == Some(true) {
        for t in &mut result.transactions {
            t.amount = -t.amount;
        }
        if let Some(source) = &mut result.source {
            source.sign_convention = match source.sign_convention {
                SignConvention::NegativeOut => SignConvention::PositiveCharges,
                SignConvention::PositiveCharges => SignConvention::NegativeOut,
                SignConvention::DebitCredit => SignConvention::DebitCredit,
            };
        }
    }
    result
}

/// The file's name without folders and extension ("hsbc-uk" for "exports/hsbc-uk.csv"), the
/// account name of a file that names none.
pub(crate) fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => base[..i].to_string(),
        _ => base.to_string(),
    }
}

/// Whether the description of a transaction must be money in whatever the file's convention
/// (a payment to a card, a refund, pay): evidence for the sign convention.
pub(crate) fn says_money_in(description: &str) -> bool {
    let d = description.to_ascii_lowercase();
    ["payment thank you", "thank you", "payment received", "refund", "return", "payroll", "direct dep", "salary"]
        .iter()
        .any(|k| d.contains(k))
}
