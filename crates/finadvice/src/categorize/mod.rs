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
    /// The model (possibly `uncategorized` when it was not confident enough).
    Model,
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
    /// The model's probability for its best category, 4 decimals; 1 for a remembered merchant.
    pub confidence: f64,
    /// `memory` or `model`.
    pub source: Source,
}

/// A row's category without the row: what [`decide`] gives for each row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// The category (`uncategorized` below the confidence threshold).
    pub category: Category,
    /// The model's probability for its best category, 4 decimals; 1 for a remembered merchant.
    pub confidence: f64,
    /// `memory` or `model`.
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
    Ok(rows
        .iter()
        .zip(decisions)
        .map(|((description, amount), d)| CategorizedLine {
            description: description.to_string(),
            amount: *amount,
            category: d.category,
            confidence: d.confidence,
            source: d.source,
        })
        .collect())
}

/// [`categorize`] without copying the rows into its result: one [`Decision`] per row, in order
/// (for callers that already hold the rows, such as the JavaScript binding).
pub fn decide(
    categorizer: &Categorizer,
    memory: &MerchantMemory,
    rows: &[(&str, f64)],
) -> Result<Vec<Decision>, Issue> {
    let remembered: Vec<Option<Category>> = if memory.is_empty() {
        vec![None; rows.len()]
    } else {
        // A statement repeats its descriptions: each one's merchant key is worked out once.
        let mut by_description = std::collections::HashMap::new();
        rows.iter().map(|(d, _)| *by_description.entry(*d).or_insert_with(|| memory.lookup(d))).collect()
    };
    let for_model: Vec<(&str, f64)> =
        rows.iter().zip(&remembered).filter(|(_, m)| m.is_none()).map(|(row, _)| *row).collect();
    let mut predictions = categorizer.predict(&for_model)?.into_iter();
    let mut out = Vec::with_capacity(rows.len());
    for remembered in remembered {
        out.push(match remembered {
            Some(category) => Decision { category, confidence: 1.0, source: Source::Memory },
            None => {
                let p = predictions.next().ok_or_else(|| {
                    Issue::new(crate::error::ErrorCode::Model, "/model", "the model returned too few rows")
                })?;
                Decision {
                    category: p.category,
                    confidence: round_ratio(f64::from(p.confidence)),
                    source: Source::Model,
                }
            }
        });
    }
    Ok(out)
}
