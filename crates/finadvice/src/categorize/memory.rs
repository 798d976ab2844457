//! The person's merchant memory: corrections they made ("this merchant is groceries"), keyed by a
//! normalized merchant name, which win over the model. A correction of a row the bank labelled
//! (`bankCategory`) also keeps the label, and the labelled corrections teach the bank-category
//! mapping ([`MerchantMemory::bank_memory`]), so an unknown merchant with the same label leans the
//! same way. The page persists it as JSON (e.g. in localStorage) with [`MerchantMemory::export`]
//! and gives it back in the advisor's options.

use super::bank_category::BankMemory;
use super::category::Category;
use super::featurize::tokens;
use crate::error::{ErrorCode, Errors, Issue};
use crate::input::Input;
use crate::limits::MAX_NAME_CHARS;
use crate::validation::Problems;
use serde::Serialize;
use std::collections::BTreeMap;

/// Most merchants remembered; learning more is refused with `too_large`.
pub const MAX_MEMORY_ENTRIES: usize = 10_000;
/// Longest merchant key accepted on import, in characters.
pub const MAX_MERCHANT_CHARS: usize = 200;
/// Version of the export format.
pub const MEMORY_FORMAT_VERSION: u32 = 1;
/// Tokens of the merchant key (after the card-network noise is removed).
const KEY_TOKENS: usize = 2;

/// Card-network, payment-rail and bank boilerplate that is not part of a merchant's name.
const NOISE: &[&str] = &[
    "pos",
    "debit",
    "card",
    "purchase",
    "checkcard",
    "sq",
    "tst",
    "paypal",
    "sp",
    "visa",
    "dda",
    "pur",
    "dbt",
    "crd",
    "recurring",
    "payment",
    "pmt",
    "authorized",
    "on",
    "ach",
    "ppd",
    "web",
    "id",
    "online",
    "bill",
    "pay",
    "the",
    "refund",
    "return",
    "credit",
    "electronic",
    "withdrawal",
    "deposit",
    "des",
    "conf",
    "ref",
    "clover",
    "x",
    "xx",
    "xxx",
    "xxxx",
    "xxxxxx",
];

/// The key under which a description's merchant is remembered: its first two meaningful tokens,
/// lower case, without card-network prefixes, store numbers or references
/// (`"SQ *BLUE BOTTLE 0412 OAKLAND CA"` → `"blue bottle"`). Empty when nothing meaningful is left.
pub fn merchant_key(description: &str) -> String {
    tokens(description)
        .into_iter()
        .filter(|t| !t.starts_with('#') && !t.contains('0') && !NOISE.contains(&t.as_str()))
        .take(KEY_TOKENS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Remembered corrections, in key order (so exports are byte-identical for the same content):
/// each merchant's category and the bank's label of the corrected row, if it had one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MerchantMemory {
    entries: BTreeMap<String, (Category, Option<String>)>,
}

/// One remembered merchant, as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct MemoryEntry {
    /// The merchant key ([`merchant_key`]).
    pub merchant: String,
    /// The category the person chose.
    pub category: Category,
    /// The bank's category of the corrected row (its export's `Category` column), if it had one.
    #[serde(rename = "bankCategory", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub bank_category: Option<String>,
}

/// The JSON form of a memory: `{"version": 1, "entries": [{"merchant", "category"}]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct MemoryExport {
    /// Format version ([`MEMORY_FORMAT_VERSION`]).
    pub version: u32,
    /// Entries sorted by merchant.
    pub entries: Vec<MemoryEntry>,
}

impl MerchantMemory {
    /// Number of remembered merchants.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The person's category for this description's merchant, if they taught one.
    pub fn lookup(&self, description: &str) -> Option<Category> {
        let key = merchant_key(description);
        if key.is_empty() {
            None
        } else {
            self.entries.get(&key).map(|(category, _)| *category)
        }
    }

    /// Records a correction and returns the merchant key it was stored under. Later corrections
    /// of the same merchant replace earlier ones. `bank_category`, the bank's label of the
    /// corrected row when it had one, is kept with the merchant and teaches the bank-category
    /// mapping ([`MerchantMemory::bank_memory`]).
    pub fn learn(&mut self, description: &str, category: &str, bank_category: Option<&str>) -> Result<String, Errors> {
        let mut issues = Vec::new();
        let key = merchant_key(description);
        if key.is_empty() {
            issues.push(Issue::new(
                ErrorCode::InvalidValue,
                "/description",
                format!("{description:?} has no merchant name to remember (only numbers or card-network words)"),
            ));
        }
        let parsed = Category::from_id(category);
        if parsed.is_none() {
            issues.push(Issue::new(
                ErrorCode::InvalidValue,
                "/category",
                format!("{category:?} is not a category; one of {}", Category::ids_list()),
            ));
        }
        if bank_category.is_some_and(|label| crate::limits::chars_beyond(label, MAX_NAME_CHARS).is_some()) {
            issues.push(Issue::new(
                ErrorCode::TooLarge,
                "/bankCategory",
                format!("is longer than {MAX_NAME_CHARS} characters"),
            ));
        }
        if !self.entries.contains_key(&key) && self.entries.len() >= MAX_MEMORY_ENTRIES {
            issues.push(Issue::new(
                ErrorCode::TooLarge,
                "",
                format!("the memory holds {MAX_MEMORY_ENTRIES} merchants, the limit"),
            ));
        }
        match parsed {
            Some(category) if issues.is_empty() => {
                let label = bank_category.map(str::trim).filter(|l| !l.is_empty()).map(str::to_string);
                self.entries.insert(key.clone(), (category, label));
                Ok(key)
            }
            _ => Err(Errors(issues)),
        }
    }

    /// The memory as its JSON form.
    pub fn export(&self) -> MemoryExport {
        MemoryExport {
            version: MEMORY_FORMAT_VERSION,
            entries: self
                .entries
                .iter()
                .map(|(merchant, (category, label))| MemoryEntry {
                    merchant: merchant.clone(),
                    category: *category,
                    bank_category: label.clone(),
                })
                .collect(),
        }
    }

    /// What the labelled corrections teach about the bank's categories: one vote per remembered
    /// merchant for its category under its row's label.
    pub fn bank_memory(&self) -> BankMemory {
        let mut bank = BankMemory::default();
        for (category, label) in self.entries.values() {
            if let Some(label) = label {
                bank.learn(label, *category);
            }
        }
        bank
    }

    /// Reads an exported memory (JSON text).
    pub fn from_json(text: &str) -> Result<MerchantMemory, Errors> {
        MerchantMemory::from_input(&Input::from_json(text)?, "")
    }

    /// Reads an exported memory from an input value; problems are reported under `path`.
    pub fn from_input(input: &Input, path: &str) -> Result<MerchantMemory, Errors> {
        let mut p = Problems::default();
        let mut memory = MerchantMemory::default();
        if let Some(mut f) = p.object(input, path, "the memory") {
            let version_path = f.path("version");
            let version = f.get("version");
            if let Some(v) = p.number(version, &version_path, 0.0, f64::from(u32::MAX), true) {
                if v != f64::from(MEMORY_FORMAT_VERSION) {
                    p.push(
                        ErrorCode::InvalidValue,
                        &version_path,
                        format!("version {v} is not supported; expected {MEMORY_FORMAT_VERSION}"),
                    );
                }
            }
            let entries_path = f.path("entries");
            let entries = f.get("entries");
            if entries.is_none() {
                p.push(ErrorCode::Required, &entries_path, "is required");
            }
            for (i, entry) in p.array(entries, &entries_path, MAX_MEMORY_ENTRIES).iter().enumerate() {
                let entry_path = crate::error::pointer_join(&entries_path, &i.to_string());
                let Some(mut e) = p.object(entry, &entry_path, "a memory entry") else { continue };
                let merchant_path = e.path("merchant");
                let merchant = p.text(e.get("merchant"), &merchant_path, MAX_MERCHANT_CHARS);
                let category_path = e.path("category");
                let category = match e.get("category") {
                    Some(Input::String(id)) => {
                        let c = Category::from_id(id);
                        if c.is_none() {
                            p.push(
                                ErrorCode::InvalidValue,
                                &category_path,
                                format!("{id:?} is not a category; one of {}", Category::ids_list()),
                            );
                        }
                        c
                    }
                    Some(other) => {
                        p.push(ErrorCode::Type, &category_path, format!("must be a string, not {}", other.type_name()));
                        None
                    }
                    None => {
                        p.push(ErrorCode::Required, &category_path, "is required");
                        None
                    }
                };
                let label = match e.get("bankCategory") {
                    None => None,
                    label => p.text(label, &e.path("bankCategory"), MAX_NAME_CHARS),
                };
                e.finish(&mut p, &["merchant", "category", "bankCategory"]);
                if let (Some(merchant), Some(category)) = (merchant, category) {
                    let key = merchant_key(&merchant);
                    if key.is_empty() {
                        p.push(ErrorCode::InvalidValue, &merchant_path, format!("{merchant:?} is not a merchant key"));
                    } else if memory.entries.insert(key, (category, label)).is_some() {
                        p.push(ErrorCode::Duplicate, &merchant_path, format!("{merchant:?} appears twice"));
                    }
                }
            }
            f.finish(&mut p, &["version", "entries"]);
        }
        if p.issues.is_empty() {
            Ok(memory)
        } else {
            Err(Errors(p.issues))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_card_noise_numbers_and_places() {
        assert_eq!(merchant_key("SQ *BLUE BOTTLE 0412 OAKLAND CA"), "blue bottle");
        assert_eq!(merchant_key("POS DEBIT Blue Bottle #88 SF"), "blue bottle");
        assert_eq!(merchant_key("SAFEWAY #1234"), "safeway");
        assert_eq!(merchant_key("PAYPAL *  0412 ***"), "");
    }

    #[test]
    fn learn_export_import_round_trip() {
        let mut memory = MerchantMemory::default();
        assert_eq!(memory.learn("RENT PAYMENT ZELLE", "housing", None).unwrap(), "rent zelle");
        memory.learn("SQ *BLUE BOTTLE 0412", "groceries", None).unwrap();
        memory.learn("SQ *BLUE BOTTLE 9999 SF", "dining", None).unwrap(); // a later correction wins
        let json = serde_json::to_string(&memory.export()).unwrap();
        assert_eq!(
            json,
            r#"{"version":1,"entries":[{"merchant":"blue bottle","category":"dining"},{"merchant":"rent zelle","category":"housing"}]}"#
        );
        let back = MerchantMemory::from_json(&json).unwrap();
        assert_eq!(back, memory);
        assert_eq!(back.lookup("Blue Bottle Coffee"), Some(Category::Dining));
        assert_eq!(back.lookup("STARBUCKS"), None);
    }

    #[test]
    fn bad_corrections_and_imports_are_structured_errors() {
        let mut memory = MerchantMemory::default();
        let e = memory.learn("#1234", "restaurants", None).unwrap_err();
        let paths: Vec<&str> = e.issues().iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["/description", "/category"]);
        assert_eq!(
            memory.learn("COSTCO", "uncategorized", None).unwrap_err().issues()[0].code,
            ErrorCode::InvalidValue
        );
        let e = MerchantMemory::from_json(
            r#"{"version":2,"entries":[{"merchant":"a","category":"x"},{"merchant":7,"category":"dining","extra":1},{"merchant":"a b","category":"dining"},{"merchant":"A B","category":"cash"}],"more":[]}"#,
        )
        .unwrap_err();
        let found: Vec<(&str, &str)> = e.issues().iter().map(|i| (i.path.as_str(), i.code.as_str())).collect();
        assert_eq!(
            found,
            [
                ("/version", "invalid_value"),
                ("/entries/0/category", "invalid_value"),
                ("/entries/1/merchant", "type"),
                ("/entries/1/extra", "unknown_field"),
                ("/entries/3/merchant", "duplicate"),
                ("/more", "unknown_field"),
            ]
        );
        assert_eq!(MerchantMemory::from_json("[1,").unwrap_err().issues()[0].code, ErrorCode::Parse);
    }
}
