//! Transaction categorization: the featurizer, the ONNX model runner (tract), the person's
//! merchant memory, and [`categorize`], which puts them together (memory first, then the model).

pub mod bank_category;
pub mod category;
pub mod featurize;
mod kernels;
pub mod lines;
pub mod memory;
pub mod model;
mod onnx_axes;
pub mod onnx_check;
pub mod onnx_ops;

pub use bank_category::{BankMemory, EvidenceRow};
pub use category::Category;
pub use memory::MerchantMemory;
pub use model::Categorizer;

use crate::error::Issue;
use crate::money::round_ratio;
use serde::Serialize;

/// Where a row's category comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The person's own correction for this merchant.
    Memory,
    /// The model (possibly `uncategorized` when it was not confident enough), with the bank's
    /// evidence agreeing or absent.
    Model,
    /// The bank's category or MCC changed the model's answer ([`bank_category`]).
    Bank,
}

impl Source {
    /// The public id, as serialized (`"memory"`, `"model"`, `"bank"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Memory => "memory",
            Source::Model => "model",
            Source::Bank => "bank",
        }
    }
}

/// A statement line with its category.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct CategorizedLine {
    /// The raw statement text.
    pub description: String,
    /// Signed amount: negative is money out.
    pub amount: f64,
    /// The category (`uncategorized` below the confidence threshold).
    pub category: Category,
    /// The probability of its category, 4 decimals (the model's, or the model's combined with the
    /// bank's evidence); 1 for a remembered merchant.
    pub confidence: f64,
    /// `memory`, `model` or `bank`.
    pub source: Source,
}

/// A row's category without the row: what [`decide`] gives for each row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// The category (`uncategorized` below the confidence threshold).
    pub category: Category,
    /// The probability of its category, 4 decimals (the model's, or combined with the bank's
    /// evidence); 1 for a remembered merchant.
    pub confidence: f64,
    /// `memory`, `model` or `bank`.
    pub source: Source,
}

/// Categorizes rows (description, signed amount) in order: remembered merchants first, the rest
/// in one batched model run.
pub fn categorize(
    categorizer: &Categorizer,
    memory: &MerchantMemory,
    rows: &[(&str, f64)],
) -> Result<Vec<CategorizedLine>, Issue> {
    let decisions = decide(categorizer, memory, rows)?;
    Ok(lines(rows.iter().copied(), decisions))
}

/// [`categorize`] without copying the rows into its result: one [`Decision`] per row, in order
/// (for callers that already hold the rows, such as the JavaScript binding).
pub fn decide(
    categorizer: &Categorizer,
    memory: &MerchantMemory,
    rows: &[(&str, f64)],
) -> Result<Vec<Decision>, Issue> {
    let rows: Vec<EvidenceRow> = rows
        .iter()
        .map(|&(description, amount)| EvidenceRow { description, amount, bank_category: None, mcc: None })
        .collect();
    decide_with_evidence(categorizer, memory, &BankMemory::default(), &rows)
}

/// Categorizes rows in order: remembered merchants first; the rest in one batched model run, the
/// model's probabilities combined with the row's bank category or MCC where it has one
/// ([`bank_category::combine`], the rule documented in models/MODEL_CARD.md).
pub fn categorize_with_evidence(
    categorizer: &Categorizer,
    memory: &MerchantMemory,
    bank: &BankMemory,
    rows: &[EvidenceRow],
) -> Result<Vec<CategorizedLine>, Issue> {
    let decisions = decide_with_evidence(categorizer, memory, bank, rows)?;
    Ok(lines(rows.iter().map(|r| (r.description, r.amount)), decisions))
}

/// The rows with their decisions, as lines.
fn lines<'a>(rows: impl Iterator<Item = (&'a str, f64)>, decisions: Vec<Decision>) -> Vec<CategorizedLine> {
    rows.zip(decisions)
        .map(|((description, amount), d)| CategorizedLine {
            description: description.to_string(),
            amount,
            category: d.category,
            confidence: d.confidence,
            source: d.source,
        })
        .collect()
}

/// [`categorize_with_evidence`] without copying the rows into its result.
pub fn decide_with_evidence(
    categorizer: &Categorizer,
    memory: &MerchantMemory,
    bank: &BankMemory,
    rows: &[EvidenceRow],
) -> Result<Vec<Decision>, Issue> {
    let remembered: Vec<Option<Category>> = if memory.is_empty() {
        vec![None; rows.len()]
    } else {
        // A statement repeats its descriptions: each one's merchant key is worked out once.
        let mut by_description = std::collections::HashMap::new();
        rows.iter()
            .map(|r| *by_description.entry(r.description).or_insert_with(|| memory.lookup(r.description)))
            .collect()
    };
    let for_model: Vec<(&str, f64)> = rows
        .iter()
        .zip(&remembered)
        .filter(|(_, m)| m.is_none())
        .map(|(row, _)| (row.description, row.amount))
        .collect();
    // The model runs once per distinct line; each distinct line's best category is found once.
    let (per_distinct, row_to_distinct) = categorizer.distinct_probabilities(&for_model)?;
    let classes = Category::MODEL_CLASSES.len();
    let best: Vec<model::Prediction> = per_distinct.chunks(classes).map(model::best).collect();
    // Each distinct line's decision without the bank's evidence, made once (most rows have none).
    let alone: Vec<Decision> = best
        .iter()
        .map(|p| Decision {
            category: p.category,
            confidence: round_ratio(f64::from(p.confidence)),
            source: Source::Model,
        })
        .collect();
    let mut model_rows = row_to_distinct.into_iter();
    let mut out = Vec::with_capacity(rows.len());
    for (row, remembered) in rows.iter().zip(remembered) {
        out.push(match remembered {
            Some(category) => Decision { category, confidence: 1.0, source: Source::Memory },
            None => {
                let i = model_rows.next().ok_or_else(|| {
                    Issue::new(crate::error::ErrorCode::Model, "/model", "the model returned too few rows")
                })?;
                let evidence = if row.bank_category.is_none() && row.mcc.is_none() {
                    None
                } else {
                    bank_category::evidence(bank, row.bank_category, row.mcc)
                };
                match evidence {
                    Some(e) => {
                        let p = &per_distinct[i * classes..(i + 1) * classes];
                        let combined = model::best(&bank_category::combine(p, &e));
                        let source = if combined.category == best[i].category { Source::Model } else { Source::Bank };
                        Decision {
                            category: combined.category,
                            confidence: round_ratio(f64::from(combined.confidence)),
                            source,
                        }
                    }
                    None => alone[i],
                }
            }
        });
    }
    Ok(out)
}
