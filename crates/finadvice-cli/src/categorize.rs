//! `finadvice categorize FILE...`: categorizes bank exports and prints one JSON object per line,
//! in input order. A file whose text starts with `[` is a JSON array of `{description, amount}`;
//! any other file is read by the importer (every format `finadvice import` reads: CSV of the known
//! layouts or generic, OFX/QFX, QIF). Rows the importer cannot read are reported on stderr with
//! their file and line; the others are categorized (exit 0), unless none could be read (exit 2).
//! The bank's category and MCC of imported rows are evidence for the model
//! (`finadvice::categorize::bank_category`); `source` is `memory`, `model` or `bank` (the bank's
//! evidence changed the model's answer).

use crate::flags::AdvisorFlags;
use crate::io::{print_errors, read_text};
use crate::usage_error;
use finadvice::categorize::Categorizer;
use finadvice::categorize::{categorize_with_evidence, EvidenceRow};
use finadvice::input::Input;
use finadvice::{ErrorCode, Errors, Issue};
use std::process::ExitCode;

/// `finadvice categorize FILE... [--model MODEL.onnx] [--memory MEMORY.json]`.
pub fn run(args: &[String]) -> ExitCode {
    let mut files = Vec::new();
    let mut flags = AdvisorFlags::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            flag if flag.starts_with("--") => match flags.take(flag, &mut rest) {
                Some(Ok(())) => {}
                Some(Err(code)) => return code,
                None => return usage_error(&format!("unknown option {flag}")),
            },
            path => files.push(path.to_string()),
        }
    }
    if files.is_empty() {
        return usage_error("categorize needs a FILE (a bank export or a JSON array)");
    }
    let result = (|| -> Result<Vec<String>, Errors> {
        let options = flags.options()?;
        let rows = read_rows(&files)?;
        let categorizer = match &options.model {
            Some(bytes) => Categorizer::custom(bytes)?,
            None => Categorizer::default_model()?,
        };
        let memory = options.memory.unwrap_or_default();
        let evidence: Vec<EvidenceRow> = rows
            .iter()
            .map(|r| EvidenceRow {
                description: &r.description,
                amount: r.amount,
                bank_category: r.bank_category.as_deref(),
                mcc: r.mcc.as_deref(),
            })
            .collect();
        let lines = categorize_with_evidence(&categorizer, &memory, &memory.bank_memory(), &evidence)?;
        Ok(lines.iter().map(|line| serde_json::to_string(line).expect("a line always serializes")).collect())
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

/// A row to categorize, with the bank's evidence when the file had it.
struct Row {
    description: String,
    amount: f64,
    bank_category: Option<String>,
    mcc: Option<String>,
}

/// The rows of every file, in order: JSON arrays as they are, exports through the importer.
fn read_rows(files: &[String]) -> Result<Vec<Row>, Errors> {
    let mut rows = Vec::new();
    for file in files {
        let bytes = crate::import::read_files(std::slice::from_ref(file))?;
        if String::from_utf8_lossy(&bytes[0].bytes).trim_start().starts_with('[') {
            rows.extend(read_json(&read_text(file)?)?.into_iter().map(|(description, amount)| Row {
                description,
                amount,
                bank_category: None,
                mcc: None,
            }));
        } else {
            rows.extend(import_ignoring_dates(file)?);
        }
    }
    if rows.is_empty() {
        return Err(Issue::new(
            ErrorCode::Required,
            "",
            format!("no transaction could be read from {}", files.join(", ")),
        )
        .into());
    }
    Ok(rows)
}

/// Categorizing needs no dates: a file whose day/month order cannot be decided is read both ways
/// and the reading that keeps more rows is used (its problems are printed).
fn import_ignoring_dates(file: &str) -> Result<Vec<Row>, Errors> {
    use finadvice::import::{import_statements, DateOrder, FileOverride, ImportOptions, ProblemCode};
    let files = crate::import::read_files(&[file.to_string()])?;
    let undecided = import_statements(&files, &ImportOptions::default())
        .problems
        .iter()
        .any(|p| matches!(p.code, ProblemCode::DateOrderUndecided | ProblemCode::DateOrderConflict));
    let options = |order: Option<DateOrder>| ImportOptions {
        overrides: [(file.to_string(), FileOverride { flip_signs: None, date_order: order })].into_iter().collect(),
    };
    let chosen = if undecided {
        let (mdy, dmy) = (
            import_statements(&files, &options(Some(DateOrder::Mdy))),
            import_statements(&files, &options(Some(DateOrder::Dmy))),
        );
        if dmy.transactions.len() > mdy.transactions.len() {
            options(Some(DateOrder::Dmy))
        } else {
            options(Some(DateOrder::Mdy))
        }
    } else {
        ImportOptions::default()
    };
    let imported = crate::import::report(import_statements(&files, &chosen));
    Ok(imported
        .transactions
        .into_iter()
        .map(|t| Row { description: t.description, amount: t.amount, bank_category: t.bank_category, mcc: t.mcc })
        .collect())
}

fn read_json(text: &str) -> Result<Vec<(String, f64)>, Errors> {
    let input = Input::from_json(text)?;
    let lines = finadvice::categorize::lines::read_lines(&input)?;
    Ok(lines.into_iter().map(|l| (l.description, l.amount)).collect())
}
