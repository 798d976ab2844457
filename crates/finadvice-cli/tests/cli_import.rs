//! `finadvice import`, `finadvice draft` and `finadvice advise --transactions`.

#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_finadvice")).args(args).output().expect("run finadvice");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn root() -> std::path::PathBuf {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    [manifest.join("../.."), manifest.to_path_buf()]
        .into_iter()
        .find(|p| p.join("tests/import/fixtures").exists())
        .unwrap()
}

fn fixture(name: &str) -> String {
    root().join("tests/import/fixtures").join(name).to_string_lossy().into_owned()
}

#[test]
fn import_prints_one_document_and_counts_overlaps_once() {
    let (jan, feb) = (fixture("chase-card-jan.csv"), fixture("chase-card-feb.csv"));
    let (code, stdout, stderr) = run(&["import", &jan, &feb]);
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["transactions"].as_array().unwrap().len(), 7);
    assert_eq!(doc["sources"][0]["layout"], "chase_card");
    assert_eq!(doc["sources"][1]["rows"], 5);
    assert!(doc["problems"].as_array().unwrap().is_empty());
}

#[test]
fn import_exits_2_when_nothing_is_read_and_reports_lines() {
    let (code, stdout, stderr) = run(&["import", &fixture("unknown.csv")]);
    assert_eq!(code, 2);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["problems"][0]["code"], "unknown_layout");
    assert!(stderr.contains("Foo, Bar, Baz"), "{stderr}");
    let (code, _, stderr) = run(&["import", &fixture("chase-card-broken.csv")]);
    assert_eq!(code, 0, "good rows are kept");
    assert!(stderr.contains("chase-card-broken.csv:4:"), "{stderr}");
    assert_eq!(run(&["import"]).0, 64);
    assert_eq!(run(&["import", "--nope", "x"]).0, 64);
    assert_eq!(run(&["import", "/nonexistent/file.csv"]).0, 2);
}

#[test]
fn draft_asks_what_statements_cannot_show() {
    let (code, stdout, stderr) =
        run(&["draft", &fixture("chase-checking.csv"), &fixture("chase-card.csv"), &fixture("amex.csv")]);
    assert_eq!(code, 0, "{stderr}");
    let draft: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!((draft["profile"]["incomes"][0]["netMonthly"].as_f64().unwrap() - 5741.67).abs() < 0.01);
    let paths: Vec<&str> = draft["questions"].as_array().unwrap().iter().map(|q| q["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"/person/age") && paths.contains(&"/incomes/0/grossAnnual"), "{paths:?}");
    assert_eq!(draft["covered"]["from"], "2025-01-02");
    assert_eq!(run(&["draft", &fixture("unknown.csv")]).0, 2);
}

#[test]
fn advise_adds_the_transactions_of_exports() {
    let profile = root().join("tests/profiles/new-graduate.json");
    let profile = profile.to_string_lossy();
    let (code, plain, _) = run(&["advise", &profile]);
    assert_eq!(code, 0);
    let (code, with, stderr) = run(&["advise", &profile, "--transactions", &fixture("chase-card.csv")]);
    assert_eq!(code, 0, "{stderr}{with}");
    assert_ne!(plain, with, "the imported transactions change the report");
    assert_eq!(run(&["advise", &profile, "--transactions"]).0, 64);
}

#[test]
fn advise_keeps_the_bank_category_and_mcc_of_exports() {
    let profile = root().join("tests/profiles/new-graduate.json");
    let profile = profile.to_string_lossy();
    let exports =
        ["chase-card.csv", "amex.csv", "discover.csv", "capital-one.csv", "apple-card.csv", "us-bank.csv", "card.ofx"];
    let mut args = vec!["advise".to_string(), profile.to_string()];
    for name in exports {
        args.extend(["--transactions".to_string(), fixture(name)]);
    }
    let (code, stdout, stderr) = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{stderr}{stdout}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let sources: Vec<&str> =
        report["transactions"].as_array().unwrap().iter().map(|t| t["source"].as_str().unwrap()).collect();
    // The bank's category or MCC changed the model's answer on some rows: it reached the report.
    assert!(sources.contains(&"bank"), "{sources:?}");
    assert!(sources.iter().all(|s| ["model", "bank"].contains(s)), "{sources:?}");
}
