//! How much the bank's category (and MCC) adds to the categorizer on the import fixtures: every
//! fixture transaction is categorized by the shipped model alone and with the bank's evidence
//! combined (src/categorize/bank_category.rs), against the hand labels of
//! tests/import/categories.json. The numbers are recorded in models/MODEL_CARD.md.

use finadvice::categorize::{
    categorize_with_evidence, BankMemory, CategorizedLine, Categorizer, Category, EvidenceRow, MerchantMemory, Source,
};
use finadvice::import::{import_statements, ImportOptions, StatementFile, Transaction};
use finadvice::profile::Profile;
use finadvice::{Advisor, AdvisorOptions};
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

fn score_lines(transactions: &[Transaction], truth: &HashMap<String, String>, lines: &[CategorizedLine]) -> Score {
    let mut s = Score { right: Vec::new(), correct: 0, total: 0, with_evidence: 0, by: HashMap::new() };
    for (t, line) in transactions.iter().zip(lines) {
        assert_eq!(t.description, line.description);
        let right = line.category.as_str() == truth[&t.description];
        s.total += 1;
        s.right.push(right);
        s.correct += usize::from(right);
        s.with_evidence += usize::from(t.bank_category.is_some() || t.mcc.is_some());
        *s.by
            .entry(match line.source {
                Source::Memory => "memory",
                Source::Model => "model",
                Source::Bank => "bank",
            })
            .or_default() += 1;
    }
    s
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
            bank_category: t.bank_category.as_deref().filter(|_| use_evidence),
            mcc: t.mcc.as_deref().filter(|_| use_evidence),
        })
        .collect();
    let lines = categorize_with_evidence(&categorizer, &MerchantMemory::default(), bank, &rows).unwrap();
    score_lines(transactions, truth, &lines)
}

fn truth() -> HashMap<String, String> {
    serde_json::from_str(&std::fs::read_to_string(import_dir().join("categories.json")).unwrap()).unwrap()
}

#[test]
fn bank_category_raises_accuracy_on_the_fixtures() {
    let truth = truth();
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

/// A profile of the fixture transactions (each description once), their bank category and MCC
/// kept or not, as `finadvice advise --transactions` and the page build it.
fn profile(transactions: &[Transaction], evidence: bool) -> Profile {
    let rows: Vec<serde_json::Value> = transactions
        .iter()
        .map(|t| {
            let mut row = serde_json::json!({"date": t.date, "description": t.description, "amount": t.amount, "account": t.account});
            if evidence {
                if let Some(c) = &t.bank_category {
                    row["bankCategory"] = c.clone().into();
                }
                if let Some(m) = &t.mcc {
                    row["mcc"] = m.clone().into();
                }
            }
            row
        })
        .collect();
    let text = serde_json::json!({
        "asOf": "2025-07-01",
        "currency": "USD",
        "person": {"age": 35},
        "incomes": [{"name": "Salary", "grossAnnual": 60000, "netMonthly": 3800}],
        "transactions": rows,
    })
    .to_string();
    Profile::from_json(&text).unwrap()
}

#[test]
fn the_plan_categorizes_with_the_bank_evidence() {
    let truth = truth();
    let transactions = fixture_transactions();
    let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    let with = profile(&transactions, true);
    assert!(
        with.transactions.iter().any(|t| t.bank_category.is_some())
            && with.transactions.iter().any(|t| t.mcc.is_some())
    );
    let report = |p: &Profile| advisor.advise(p).unwrap();
    let (with_report, without_report) = (report(&with), report(&profile(&transactions, false)));
    let lines = |r: &finadvice::Report| r.transactions.iter().map(|t| t.line.clone()).collect::<Vec<_>>();
    let (evidence, alone) = (
        score_lines(&transactions, &truth, &lines(&with_report)),
        score_lines(&transactions, &truth, &lines(&without_report)),
    );
    println!(
        "the plan's {} transactions: {} right without the bank's evidence, {} with it",
        alone.total, alone.correct, evidence.correct
    );
    assert!(evidence.correct > alone.correct, "{} vs {}", evidence.correct, alone.correct);
    assert!(evidence.by.get("bank").copied().unwrap_or(0) > 0, "the bank decided some rows: {:?}", evidence.by);
    assert_eq!(alone.by.get("bank"), None);
    // The same rows through the categorizer directly give the same categories as the report.
    assert_eq!(evidence.right, score(&transactions, &truth, true, &BankMemory::default()).right);
    // Spending by category follows: the facts differ where the bank moved a row.
    assert_ne!(
        serde_json::to_value(&with_report.facts).unwrap()["spendingByCategoryMonthly"],
        serde_json::to_value(&without_report.facts).unwrap()["spendingByCategoryMonthly"]
    );
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
    let taught = categorize_with_evidence(&categorizer, &MerchantMemory::default(), &bank, &[row]).unwrap();
    let untaught =
        categorize_with_evidence(&categorizer, &MerchantMemory::default(), &BankMemory::default(), &[row]).unwrap();
    let p = |d: &CategorizedLine| (d.category, d.confidence);
    assert_ne!(p(&taught[0]), p(&untaught[0]), "the taught mapping changes the outcome");
    assert_ne!(taught[0].category, Category::Entertainment);
}
