//! The categorizer end to end (native): featurizer parity with the training code, model outputs
//! equal to the training code's, the contract check on custom models, batching, the merchant
//! memory and hostile input.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{read_test_file, test_file};
use finadvice::categorize::featurize::featurize;
use finadvice::categorize::{Categorizer, Category, MerchantMemory, Source};
use finadvice::input::Input;
use finadvice::{Advisor, AdvisorOptions, ErrorCode};

fn golden(name: &str) -> Vec<serde_json::Value> {
    serde_json::from_str(&read_test_file(&format!("golden/{name}"))).unwrap()
}

#[test]
fn featurizer_matches_the_golden_vectors_shared_with_python() {
    let cases = golden("featurize.json");
    assert!(cases.len() > 30);
    for case in cases {
        let description = case["description"].as_str().unwrap();
        let amount = case["amount"].as_f64().unwrap();
        let expected: Vec<u32> = case["ids"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as u32).collect();
        assert_eq!(featurize(description, amount), expected, "{description:?} {amount}");
    }
}

#[test]
fn tract_gives_the_probabilities_the_training_code_computed() {
    let categorizer = Categorizer::default_model().unwrap();
    let cases = golden("model_outputs.json");
    let rows: Vec<(&str, f64)> =
        cases.iter().map(|c| (c["description"].as_str().unwrap(), c["amount"].as_f64().unwrap())).collect();
    let actual = categorizer.probabilities(&rows).unwrap();
    for (i, case) in cases.iter().enumerate() {
        for (k, expected) in case["probabilities"].as_array().unwrap().iter().enumerate() {
            let got = f64::from(actual[i * 20 + k]);
            assert!((got - expected.as_f64().unwrap()).abs() < 1e-4, "{:?} class {k}: {got} vs {expected}", rows[i].0);
        }
    }
}

/// Each (description, amount) gets the expected category from the default model, confidently.
fn assert_model_categories(rows: &[(&str, f64, Category)]) {
    let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    let lines = advisor.categorize(&rows.iter().map(|&(d, a, _)| (d, a)).collect::<Vec<_>>()).unwrap();
    assert_eq!(lines.len(), rows.len());
    for ((description, _, expected), line) in rows.iter().zip(&lines) {
        assert_eq!(line.category, *expected, "{description}: {line:?}");
        assert_eq!(line.source, Source::Model, "{description}: {line:?}");
        assert!(line.confidence >= 0.5 && line.confidence <= 1.0, "{description}: {line:?}");
    }
}

#[test]
fn common_statement_lines_get_the_expected_category() {
    let rows = [
        ("SQ *BLUE BOTTLE 0412 OAKLAND CA", -6.75, Category::Dining),
        ("ACME CORP PAYROLL PPD ID: 1234567890", 2450.0, Category::Income),
        ("ONLINE TRANSFER TO SAV XXXXXX1234", -500.0, Category::Transfer),
        ("MONTHLY SERVICE FEE", -12.0, Category::Fees),
        ("ATM WITHDRAWAL #004512 125 MAIN ST", -60.0, Category::Cash),
        ("NETFLIX.COM 866-579-7172 CA", -15.49, Category::Subscriptions),
        ("SHELL OIL 57442 HOUSTON TX", -41.2, Category::Transport),
    ];
    assert_model_categories(&rows);
}

/// Payees that appear in no training list (made up here), printed in the formats banks use for ATM
/// withdrawals, fees, payroll, loan and card payments and transfers: the format alone must carry them.
#[test]
fn unseen_payees_in_bank_formats_get_the_pattern_category() {
    let rows = [
        ("GRANITE STATE CU ATM WITHDRAWAL 12 ELM ST CONCORD NH", -80.0, Category::Cash),
        ("QUARTERLY SERVICE FEE", -15.0, Category::Fees),
        ("OVERDRAFT CHARGE", -34.0, Category::Fees),
        ("NORTHWIND LOGISTICS PAYROLL PPD ID: 9876543210", 2310.55, Category::Income),
        ("NORTHWIND LOGISTICS DES:PAYROLL ID:XXXXX INDN:SMITH JOHN CO ID:1234567890 PPD", 2310.55, Category::Income),
        ("PINNACLE LENDING DES:LOAN PMT ID:ABC123 INDN:SMITH JOHN CO ID:1234567890 WEB", -412.0, Category::DebtPayment),
        ("BRIGHTWAY CREDIT CARD PAYMENT", -350.0, Category::DebtPayment),
        ("ZELLE PAYMENT TO OLIVIA MARTINEZ", -75.0, Category::Transfer),
        ("TST* BLUE HERON KITCHEN", -42.17, Category::Dining),
    ];
    assert_model_categories(&rows);
}

#[test]
fn wrong_custom_models_are_refused_with_a_model_error() {
    for (file, needle) in [
        ("small-table.onnx", "Gather"),
        ("ten-classes.onnx", "[batch, 20]"),
        ("one-input.onnx", "2 inputs"),
        ("not-probabilities.onnx", "probabilities"),
    ] {
        let bytes = std::fs::read(test_file(&format!("models/{file}"))).unwrap();
        let errors =
            Advisor::new(AdvisorOptions { model: Some(bytes), memory: None, ..AdvisorOptions::default() }).unwrap_err();
        let issue = &errors.issues()[0];
        assert_eq!((issue.code, issue.path.as_str()), (ErrorCode::Model, "/model"), "{file}");
        assert!(issue.message.contains(needle), "{file}: {}", issue.message);
    }
    let mut truncated = finadvice::categorize::model::DEFAULT_MODEL.to_vec();
    truncated.truncate(truncated.len() - 1000);
    let errors =
        Advisor::new(AdvisorOptions { model: Some(truncated), memory: None, ..AdvisorOptions::default() }).unwrap_err();
    assert_eq!(errors.issues()[0].code, ErrorCode::Model);
}

#[test]
fn a_custom_model_that_follows_the_contract_is_used_and_named() {
    let bytes = std::fs::read(test_file("models/valid-alternative.onnx")).unwrap();
    let custom =
        Advisor::new(AdvisorOptions { model: Some(bytes), memory: None, ..AdvisorOptions::default() }).unwrap();
    let default = Advisor::new(AdvisorOptions::default()).unwrap();
    assert_eq!(custom.model_info().source, "custom");
    assert_eq!(default.model_info().source, "default");
    assert_eq!(default.model_info().sha256.len(), 64);
    assert_ne!(custom.model_info().sha256, default.model_info().sha256);
    assert_eq!(custom.categorize(&[("SAFEWAY", -5.0)]).unwrap().len(), 1);
}

#[test]
fn large_batches_give_the_same_answers_as_single_rows() {
    let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    let samples = ["SAFEWAY #1234", "UBER TRIP", "DELTA AIR LINES", "ZELLE TO MARIA", "", "CHECK #123"];
    let rows: Vec<(&str, f64)> = (0..5000).map(|i| (samples[i % samples.len()], -1.0 - (i % 97) as f64)).collect();
    let batch = advisor.categorize(&rows).unwrap();
    assert_eq!(batch.len(), rows.len());
    for i in [0, 1, 2047, 2048, 2049, 4095, 4096, 4999] {
        assert_eq!(batch[i], advisor.categorize(&rows[i..=i]).unwrap()[0], "row {i}");
    }
    let again = advisor.categorize(&rows).unwrap();
    assert_eq!(serde_json::to_string(&batch).unwrap(), serde_json::to_string(&again).unwrap());
}

#[test]
fn corrections_win_over_the_model_and_survive_export_and_import() {
    let mut advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    // The rent is paid to the landlord by Zelle: the line names a person, not rent, so the model reads a transfer.
    let rent = [("ZELLE PAYMENT JOHN SMITH", -1200.0)];
    let before = advisor.categorize(&rent).unwrap();
    assert_eq!(before[0].source, Source::Model);
    assert_ne!(before[0].category, Category::Housing, "update this test if the model reads this line as rent");
    assert_eq!(advisor.learn("ZELLE PAYMENT JOHN SMITH", "housing", None).unwrap(), "zelle john");
    let after = advisor.categorize(&rent).unwrap();
    assert_eq!((after[0].category, after[0].source, after[0].confidence), (Category::Housing, Source::Memory, 1.0));

    let saved = serde_json::to_string(&advisor.export_memory()).unwrap();
    let memory = MerchantMemory::from_json(&saved).unwrap();
    let restored =
        Advisor::new(AdvisorOptions { model: None, memory: Some(memory), ..AdvisorOptions::default() }).unwrap();
    assert_eq!(restored.categorize(&rent).unwrap(), after);
    assert_eq!(serde_json::to_string(&restored.export_memory()).unwrap(), saved);
}

#[test]
fn hostile_rows_are_structured_errors() {
    let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    let nan = Input::Array(vec![Input::Object(vec![
        ("description".into(), Input::String("X".into())),
        ("amount".into(), Input::Number(f64::NAN)),
    ])]);
    let e = advisor.categorize_input(&nan).unwrap_err();
    assert_eq!((e.issues()[0].code, e.issues()[0].path.as_str()), (ErrorCode::NotFinite, "/0/amount"));
    let long = Input::from_json(&format!(r#"[{{"description":"{}","amount":-1}}]"#, "é".repeat(501))).unwrap();
    assert_eq!(advisor.categorize_input(&long).unwrap_err().issues()[0].code, ErrorCode::TooLarge);
    let not_array = Input::from_json(r#"{"description":"x"}"#).unwrap();
    assert_eq!(advisor.categorize_input(&not_array).unwrap_err().issues()[0].code, ErrorCode::Type);
    // Odd but valid rows are categorized, not refused: empty text, symbols only, control characters.
    let odd =
        Input::from_json(r#"[{"description":"","amount":0},{"description":"***\u0000\n","amount":-1e12}]"#).unwrap();
    assert_eq!(advisor.categorize_input(&odd).unwrap().len(), 2);
    assert_eq!(advisor.categorize(&[]).unwrap(), []);
}

#[test]
fn decide_gives_the_rows_of_categorize_and_its_errors() {
    // Advisor::decide is categorize for rows given as columns (the JS binding's packed rows):
    // same decisions, same checks with the same pointers.
    let mut advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    advisor.learn("SQ *BLUE BOTTLE 0412", "groceries", None).unwrap();
    let rows = [
        ("SQ *BLUE BOTTLE 0977 OAKLAND CA", -6.75),
        ("SAFEWAY #1234", -84.2),
        ("", 0.0),
        ("ACME CORP PAYROLL PPD ID: 1", 2450.0),
        ("SAFEWAY #1234", -84.2),
    ];
    let decided = advisor.decide(&rows).unwrap();
    let lines = advisor.categorize(&rows).unwrap();
    assert_eq!(decided.len(), rows.len());
    for (d, l) in decided.iter().zip(&lines) {
        assert_eq!((d.category, d.confidence, d.source), (l.category, l.confidence, l.source));
    }
    assert_eq!(decided[0].source, Source::Memory);
    let long = "é".repeat(501);
    let bad = [("A", -1.0), ("B", f64::NAN), (long.as_str(), -1.0), ("C", 2e12)];
    let found: Vec<(ErrorCode, String)> =
        advisor.decide(&bad).unwrap_err().issues().iter().map(|i| (i.code, i.path.clone())).collect();
    let expected = [
        (ErrorCode::NotFinite, "/1/amount"),
        (ErrorCode::TooLarge, "/2/description"),
        (ErrorCode::OutOfRange, "/3/amount"),
    ];
    assert_eq!(found, expected.map(|(c, p)| (c, p.to_string())));
    assert!(advisor.decide(&[]).unwrap().is_empty());
}

#[test]
fn reports_with_transactions_are_byte_identical_run_to_run() {
    let text = read_test_file("profiles/transactions-only.json");
    let a = Advisor::new(AdvisorOptions::default()).unwrap().advise_json(&text).unwrap();
    let b = Advisor::new(AdvisorOptions::default()).unwrap().advise_json(&text).unwrap();
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    assert_eq!(a.transactions.len(), 6);
}

/// A correction of a row the bank labelled teaches the label: an unknown merchant under the same
/// label then leans the same way; the label is kept in the exported memory, so the lesson
/// survives a reload; an export written before labels were kept still reads.
#[test]
fn labelled_corrections_teach_the_bank_category() {
    use finadvice::categorize::EvidenceRow;
    let label = "Bills & Utilities";
    let unknown =
        [EvidenceRow { description: "ACH DEBIT TRILLIUM", amount: -120.0, bank_category: Some(label), mcc: None }];
    let mut advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    let before = advisor.categorize_with_evidence(&unknown).unwrap()[0].category;
    assert_ne!(before, Category::Insurance, "already insurance before any correction: nothing to teach");
    for merchant in ["ACME MUTUAL", "STATEWIDE ASSURANCE", "HOMEGUARD POLICY"] {
        advisor.learn(merchant, "insurance", Some(label)).unwrap();
    }
    let after = advisor.categorize_with_evidence(&unknown).unwrap()[0].clone();
    assert_eq!((after.category, after.source), (Category::Insurance, Source::Bank), "before: {before:?}");

    let exported = serde_json::to_string(&advisor.export_memory()).unwrap();
    assert!(exported.contains(r#""bankCategory":"Bills & Utilities""#), "{exported}");
    let memory = MerchantMemory::from_json(&exported).unwrap();
    let restored = Advisor::new(AdvisorOptions { memory: Some(memory), ..AdvisorOptions::default() }).unwrap();
    assert_eq!(restored.categorize_with_evidence(&unknown).unwrap()[0].category, Category::Insurance);

    let unlabelled = r#"{"version": 1, "entries": [{"merchant": "safeway", "category": "groceries"}]}"#;
    assert!(!serde_json::to_string(&MerchantMemory::from_json(unlabelled).unwrap().export())
        .unwrap()
        .contains("bankCategory"));
    let too_long = advisor.learn("ACME MUTUAL", "insurance", Some(&"x".repeat(500))).unwrap_err();
    assert_eq!(too_long.issues()[0].path, "/bankCategory");
}
