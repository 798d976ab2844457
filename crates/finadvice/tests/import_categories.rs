//! How much the bank's category (and MCC) adds to the categorizer on the import fixtures: every
//! fixture transaction is categorized by the shipped model alone and with the bank's evidence
//! combined (src/categorize/bank_category.rs), against the hand labels of
//! tests/import/categories.json. The numbers are recorded in models/MODEL_CARD.md.

use finadvice::categorize::bank_category::{categorize_with_evidence, BankMemory, Decider, EvidenceRow};
use finadvice::categorize::{Categorizer, Category, MerchantMemory};
use finadvice::import::{import_statements, ImportOptions, StatementFile, Transaction};
use std::collections::HashMap;
use std::path::PathBuf;

fn import_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [manifest.join("../../tests/import"), manifest.join("tests/import")]
        .into_iter()
        .find(|p| p.join("cases.json").exists())
        .unwrap()
}

/// Every fixture transaction (each case of cases.json, with its options), each description once.
fn fixture_transactions() -> Vec<Transaction> {
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(import_dir().join("cases.json")).unwrap()).unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for case in doc["cases"].as_array().unwrap() {
        let files: Vec<StatementFile> = case["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                let name = n.as_str().unwrap();
                StatementFile {
                    name: name.into(),
                    bytes: std::fs::read(import_dir().join("fixtures").join(name)).unwrap(),
                }
            })
            .collect();
        let options: ImportOptions =
            case.get("options").map(|o| serde_json::from_value(o.clone()).unwrap()).unwrap_or_default();
        for t in import_statements(&files, &options).transactions {
            if seen.insert(t.description.clone()) {
                out.push(t);
            }
        }
    }
    out
}

struct Score {
    /// Per row, whether it was right.
    right: Vec<bool>,
    correct: usize,
    total: usize,
    with_evidence: usize,
    by: HashMap<&'static str, usize>,
}

fn score(
    transactions: &[Transaction],
    truth: &HashMap<String, String>,
    use_evidence: bool,
    bank: &BankMemory,
) -> Score {
    let categorizer = Categorizer::default_model().unwrap();
    let rows: Vec<EvidenceRow> = transactions
        .iter()
        .map(|t| EvidenceRow {
            description: &t.description,
            amount: t.amount,
            bank_category: t.bank_category.as_deref(),
            mcc: t.mcc.as_deref(),
        })
        .collect();
    let decisions =
        categorize_with_evidence(&categorizer, &MerchantMemory::default(), bank, &rows, use_evidence).unwrap();
    let mut s = Score { right: Vec::new(), correct: 0, total: 0, with_evidence: 0, by: HashMap::new() };
    for (t, d) in transactions.iter().zip(&decisions) {
        s.total += 1;
        s.right.push(d.category.as_str() == truth[&t.description]);
        s.correct += usize::from(d.category.as_str() == truth[&t.description]);
        s.with_evidence += usize::from(t.bank_category.is_some() || t.mcc.is_some());
        *s.by
            .entry(match d.decider {
                Decider::Memory => "memory",
                Decider::Model => "model",
                Decider::Bank => "bank",
            })
            .or_default() += 1;
    }
    s
}

#[test]
fn bank_category_raises_accuracy_on_the_fixtures() {
    let truth: HashMap<String, String> =
        serde_json::from_str(&std::fs::read_to_string(import_dir().join("categories.json")).unwrap()).unwrap();
    let transactions = fixture_transactions();
    assert_eq!(transactions.len(), truth.len(), "every fixture transaction is labelled");
    // Only rows that carry evidence can change; the rest score the same either way.
    let with: Vec<Transaction> =
        transactions.iter().filter(|t| t.bank_category.is_some() || t.mcc.is_some()).cloned().collect();
    let bank = BankMemory::default();
    let (alone_all, combined_all) =
        (score(&transactions, &truth, false, &bank), score(&transactions, &truth, true, &bank));
    let (alone, combined) = (score(&with, &truth, false, &bank), score(&with, &truth, true, &bank));
    println!(
        "all {} rows: model alone {} correct, with bank evidence {} ({:?}); the {} rows with evidence: {} vs {}",
        alone_all.total,
        alone_all.correct,
        combined_all.correct,
        combined_all.by,
        combined.total,
        alone.correct,
        combined.correct
    );
    assert!(
        combined.correct > alone.correct,
        "the bank's category must raise accuracy: {} vs {}",
        combined.correct,
        alone.correct
    );
    assert_eq!(combined_all.correct - alone_all.correct, combined.correct - alone.correct);
    assert_eq!(alone.with_evidence, with.len());
    let hurt: Vec<&str> = with
        .iter()
        .zip(alone.right.iter().zip(&combined.right))
        .filter(|(_, (a, c))| **a && !**c)
        .map(|(t, _)| t.description.as_str())
        .collect();
    assert!(hurt.is_empty(), "rows the evidence made wrong: {hurt:?}");
}

#[test]
fn a_correction_teaches_the_bank_label() {
    // The person says Chase's "Entertainment" on NETFLIX is a subscription, twice.
    let mut bank = BankMemory::default();
    bank.learn("Entertainment", Category::Subscriptions);
    bank.learn("Entertainment", Category::Subscriptions);
    let categorizer = Categorizer::default_model().unwrap();
    let row = EvidenceRow {
        description: "ZZQ STREAMCO 4471",
        amount: -9.99,
        bank_category: Some("Entertainment"),
        mcc: None,
    };
    let taught = categorize_with_evidence(&categorizer, &MerchantMemory::default(), &bank, &[row], true).unwrap();
    let untaught =
        categorize_with_evidence(&categorizer, &MerchantMemory::default(), &BankMemory::default(), &[row], true)
            .unwrap();
    let p = |d: &finadvice::categorize::bank_category::Decision| (d.category, d.confidence);
    assert_ne!(p(&taught[0]), p(&untaught[0]), "the taught mapping changes the outcome");
    assert_ne!(taught[0].category, Category::Entertainment);
}
