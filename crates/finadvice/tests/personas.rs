//! Personas: each profile in `tests/personas/` gets the expected plan (action ids in order and the
//! doing-well list), and its full report equals the reviewed snapshot `NAME.report.json`.
//!
//! Regenerate the snapshots after a deliberate change (a retrained model, a pack edit), then read
//! the diff: `UPDATE_SNAPSHOTS=1 cargo test --test personas`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use finadvice::{Advisor, AdvisorOptions};
use serde_json::Value;
use std::path::PathBuf;

/// (persona, expected action rules in order, expected doing-well rules in order).
const EXPECTED: &[(&str, &[&str], &[&str])] = &[
    ("new-graduate-card-debt", &["starter-emergency-fund", "employer-match", "high-interest-debt"], &[]),
    (
        "family-mortgage-no-emergency-fund",
        &["full-emergency-fund"],
        &["doing-well-match", "doing-well-no-high-interest-debt"],
    ),
    ("gig-worker-variable-income", &["full-emergency-fund"], &["doing-well-debt-free", "doing-well-savings-rate"]),
    (
        "pre-retiree",
        &["hsa", "roth-ira"],
        &["doing-well-match", "doing-well-emergency-fund", "doing-well-no-high-interest-debt", "doing-well-retirement"],
    ),
    (
        "high-earner-missing-match",
        &["employer-match", "traditional-ira", "retirement-saving-rate"],
        &["doing-well-emergency-fund", "doing-well-debt-free", "doing-well-savings-rate"],
    ),
    (
        "debt-free-no-plan",
        &["roth-ira", "retirement-saving-rate"],
        &["doing-well-emergency-fund", "doing-well-debt-free", "doing-well-savings-rate"],
    ),
    ("crisis-expenses-exceed-income", &["negative-surplus", "review-subscriptions", "bank-fees"], &[]),
    (
        "transactions-only",
        &["high-interest-debt", "spending-grew", "review-subscriptions", "bank-fees"],
        &["doing-well-savings-rate"],
    ),
    (
        "on-track-saver",
        &["taxable-investing"],
        &[
            "doing-well-match",
            "doing-well-emergency-fund",
            "doing-well-debt-free",
            "doing-well-retirement",
            "doing-well-savings-rate",
        ],
    ),
    (
        "hsa-eligible-car-loan",
        &["hsa", "roth-ira", "retirement-saving-rate", "medium-interest-debt"],
        &[
            "doing-well-match",
            "doing-well-emergency-fund",
            "doing-well-no-high-interest-debt",
            "doing-well-savings-rate",
        ],
    ),
    (
        "single-parent-dependents",
        &["full-emergency-fund"],
        &["doing-well-match", "doing-well-no-high-interest-debt", "doing-well-savings-rate"],
    ),
    (
        "couple-as-of-2025",
        &["roth-ira", "retirement-saving-rate", "save-for-goals"],
        &[
            "doing-well-match",
            "doing-well-emergency-fund",
            "doing-well-no-high-interest-debt",
            "doing-well-savings-rate",
        ],
    ),
    (
        "house-down-payment-saver",
        &["roth-ira", "retirement-saving-rate", "medium-interest-debt", "save-for-goals"],
        &[
            "doing-well-match",
            "doing-well-emergency-fund",
            "doing-well-no-high-interest-debt",
            "doing-well-savings-rate",
        ],
    ),
];

fn dir() -> PathBuf {
    common::test_file("personas")
}

fn report(name: &str) -> Value {
    let text = common::read_test_file(&format!("personas/{name}.json"));
    let report =
        Advisor::new(AdvisorOptions::default()).unwrap().advise_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::to_value(report).unwrap()
}

fn rules(report: &Value, list: &str) -> Vec<String> {
    report[list].as_array().unwrap().iter().map(|a| a["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_persona_file_has_expectations_and_there_are_at_least_twelve() {
    let mut files: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.ends_with(".json") && !f.ends_with(".report.json"))
        .map(|f| f.trim_end_matches(".json").to_string())
        .collect();
    files.sort();
    let mut expected: Vec<String> = EXPECTED.iter().map(|e| e.0.to_string()).collect();
    expected.sort();
    assert_eq!(files, expected);
    assert!(files.len() >= 12);
}

#[test]
fn personas_get_their_expected_plan() {
    for (name, actions, doing_well) in EXPECTED {
        let report = report(name);
        assert_eq!(rules(&report, "actions"), *actions, "{name}: actions");
        assert_eq!(rules(&report, "doingWell"), *doing_well, "{name}: doingWell");
    }
}

#[test]
fn persona_reports_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for (name, _, _) in EXPECTED {
        let report = report(name);
        let path = dir().join(format!("{name}.report.json"));
        if update {
            std::fs::write(&path, serde_json::to_string_pretty(&report).unwrap() + "\n").unwrap();
            continue;
        }
        let snapshot: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if snapshot != report {
            stale.push(name.to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "reports differ from their snapshots: {stale:?}; review, then UPDATE_SNAPSHOTS=1 cargo test --test personas"
    );
}

#[test]
fn every_action_is_explained_sourced_and_worded_plainly() {
    // Security names an action must never contain (funds and tickers people know).
    const SECURITIES: &[&str] = &[
        "VTSAX",
        "VTI",
        "VOO",
        "SPY",
        "FXAIX",
        "QQQ",
        "SWTSX",
        "BND",
        "Vanguard",
        "Fidelity 500",
        "S&P 500 index fund",
    ];
    // Rules whose numbers rest on an assumed return or tax bracket, and must say so.
    const ASSUMING: &[&str] =
        &["hsa", "roth-ira", "traditional-ira", "retirement-saving-rate", "save-for-goals", "taxable-investing"];
    for (name, _, _) in EXPECTED {
        let report = report(name);
        assert!(report["disclaimer"].as_str().unwrap().contains("not financial"), "{name}");
        for action in report["actions"].as_array().unwrap().iter().chain(report["doingWell"].as_array().unwrap()) {
            let rule = action["rule"].as_str().unwrap();
            let text = format!("{} {}", action["title"].as_str().unwrap(), action["detail"].as_str().unwrap());
            assert!(!text.contains("n/a"), "{name}/{rule}: a missing number in {text:?}");
            assert!(!action["trace"].as_array().unwrap().is_empty(), "{name}/{rule}: no trace");
            assert!(!action["sources"].as_array().unwrap().is_empty(), "{name}/{rule}: no source");
            assert_eq!(action["id"], format!("us-default/{rule}"), "{name}: stable id");
            for s in SECURITIES {
                assert!(!text.contains(s), "{name}/{rule} names a security: {s}");
            }
            if ASSUMING.contains(&rule) {
                assert!(text.contains("assum"), "{name}/{rule} rests on an assumption and must say so: {text}");
            }
            if action["category"] != "doing_well" {
                let impact = &action["impact"];
                assert!(impact["value"].as_f64().is_some_and(|v| v > 0.0), "{name}/{rule}: impact {impact}");
                assert!(impact["unit"].as_str().is_some(), "{name}/{rule}: impact without a unit");
            }
        }
    }
}

#[test]
fn limits_follow_the_year_of_as_of() {
    // The same person in 2025 and 2026 (age 52: IRA catch-up), and in 2027 (latest limits known: 2026).
    let base = common::read_test_file("personas/couple-as-of-2025.json");
    let title = |as_of: &str| {
        let text = base.replace("\"2025-06-30\"", &format!("\"{as_of}\""));
        let report =
            serde_json::to_value(Advisor::new(AdvisorOptions::default()).unwrap().advise_json(&text).unwrap()).unwrap();
        let ira = report["actions"].as_array().unwrap().iter().find(|a| a["rule"] == "roth-ira").cloned().unwrap();
        ira["title"].as_str().unwrap().to_string()
    };
    assert!(title("2025-06-30").ends_with("(your 2025 limit is $8,000)"), "{}", title("2025-06-30"));
    assert!(title("2026-03-01").ends_with("(your 2026 limit is $8,600)"), "{}", title("2026-03-01"));
    assert!(title("2027-03-01").ends_with("(your 2026 limit is $8,600)"), "{}", title("2027-03-01"));
}

#[test]
fn person_fields_the_pack_reads_are_validated() {
    let text = r#"{"asOf":"2026-11-15","currency":"USD","person":{"age":40,"filingStatus":"married","hsaCoverage":"yes"},"expenses":{"essentialMonthly":1}}"#;
    let errors = Advisor::new(AdvisorOptions::default()).unwrap().advise_json(text).unwrap_err();
    let paths: Vec<&str> = errors.issues().iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/person/filingStatus", "/person/hsaCoverage"]);
    assert!(errors.issues()[0].message.contains("married_joint"), "{}", errors.issues()[0].message);
}

#[test]
fn the_wasm_test_lists_every_persona() {
    let wasm_test = std::fs::read_to_string(common::repo_root().join("crates/finadvice-wasm/src/tests/personas.rs"))
        .expect("the wasm personas test");
    // Compared without white space, so that formatting the test file does not matter.
    let wasm_test: String = wasm_test.split_whitespace().collect();
    for (name, _, _) in EXPECTED {
        assert!(
            wasm_test.contains(&format!("(\"{name}\",include_str!(\"../../../../tests/personas/{name}.json\")")),
            "{name} missing from crates/finadvice-wasm/src/tests/personas.rs"
        );
    }
}
