//! The personas through the JavaScript API (Node and headless Chromium): each profile, given as a
//! JavaScript object, gives exactly its reviewed snapshot (`tests/personas/NAME.report.json`).
//! `tests/personas.rs` checks that this list names every persona. Numbers compare by value
//! (JavaScript's 8000 is serde_json's 8000.0).
#![cfg(target_arch = "wasm32")]

use crate::Advisor;
use js_sys::JSON;
use wasm_bindgen_test::wasm_bindgen_test;

/// (name, profile, snapshot).
const PERSONAS: &[(&str, &str, &str)] = &[
    (
        "couple-as-of-2025",
        include_str!("../../../../tests/personas/couple-as-of-2025.json"),
        include_str!("../../../../tests/personas/couple-as-of-2025.report.json"),
    ),
    (
        "crisis-expenses-exceed-income",
        include_str!("../../../../tests/personas/crisis-expenses-exceed-income.json"),
        include_str!("../../../../tests/personas/crisis-expenses-exceed-income.report.json"),
    ),
    (
        "debt-free-no-plan",
        include_str!("../../../../tests/personas/debt-free-no-plan.json"),
        include_str!("../../../../tests/personas/debt-free-no-plan.report.json"),
    ),
    (
        "family-mortgage-no-emergency-fund",
        include_str!("../../../../tests/personas/family-mortgage-no-emergency-fund.json"),
        include_str!("../../../../tests/personas/family-mortgage-no-emergency-fund.report.json"),
    ),
    (
        "gig-worker-variable-income",
        include_str!("../../../../tests/personas/gig-worker-variable-income.json"),
        include_str!("../../../../tests/personas/gig-worker-variable-income.report.json"),
    ),
    (
        "high-earner-missing-match",
        include_str!("../../../../tests/personas/high-earner-missing-match.json"),
        include_str!("../../../../tests/personas/high-earner-missing-match.report.json"),
    ),
    (
        "house-down-payment-saver",
        include_str!("../../../../tests/personas/house-down-payment-saver.json"),
        include_str!("../../../../tests/personas/house-down-payment-saver.report.json"),
    ),
    (
        "hsa-eligible-car-loan",
        include_str!("../../../../tests/personas/hsa-eligible-car-loan.json"),
        include_str!("../../../../tests/personas/hsa-eligible-car-loan.report.json"),
    ),
    (
        "new-graduate-card-debt",
        include_str!("../../../../tests/personas/new-graduate-card-debt.json"),
        include_str!("../../../../tests/personas/new-graduate-card-debt.report.json"),
    ),
    (
        "on-track-saver",
        include_str!("../../../../tests/personas/on-track-saver.json"),
        include_str!("../../../../tests/personas/on-track-saver.report.json"),
    ),
    (
        "pre-retiree",
        include_str!("../../../../tests/personas/pre-retiree.json"),
        include_str!("../../../../tests/personas/pre-retiree.report.json"),
    ),
    (
        "single-parent-dependents",
        include_str!("../../../../tests/personas/single-parent-dependents.json"),
        include_str!("../../../../tests/personas/single-parent-dependents.report.json"),
    ),
    (
        "transactions-only",
        include_str!("../../../../tests/personas/transactions-only.json"),
        include_str!("../../../../tests/personas/transactions-only.report.json"),
    ),
    (
        "above-roth-limit",
        include_str!("../../../../tests/personas/above-roth-limit.json"),
        include_str!("../../../../tests/personas/above-roth-limit.report.json"),
    ),
    (
        "age-62-medicare-ahead",
        include_str!("../../../../tests/personas/age-62-medicare-ahead.json"),
        include_str!("../../../../tests/personas/age-62-medicare-ahead.report.json"),
    ),
    (
        "idle-cash",
        include_str!("../../../../tests/personas/idle-cash.json"),
        include_str!("../../../../tests/personas/idle-cash.report.json"),
    ),
    (
        "mortgage-vs-investing",
        include_str!("../../../../tests/personas/mortgage-vs-investing.json"),
        include_str!("../../../../tests/personas/mortgage-vs-investing.report.json"),
    ),
    (
        "one-earner-couple",
        include_str!("../../../../tests/personas/one-earner-couple.json"),
        include_str!("../../../../tests/personas/one-earner-couple.report.json"),
    ),
    (
        "parent-four-months-fund",
        include_str!("../../../../tests/personas/parent-four-months-fund.json"),
        include_str!("../../../../tests/personas/parent-four-months-fund.report.json"),
    ),
    (
        "room-left-saver",
        include_str!("../../../../tests/personas/room-left-saver.json"),
        include_str!("../../../../tests/personas/room-left-saver.report.json"),
    ),
    (
        "self-employed-designer",
        include_str!("../../../../tests/personas/self-employed-designer.json"),
        include_str!("../../../../tests/personas/self-employed-designer.report.json"),
    ),
];

#[wasm_bindgen_test]
fn every_persona_gives_its_snapshot() {
    let advisor = Advisor::new(None).unwrap();
    for (name, profile, snapshot) in PERSONAS {
        let report = advisor.advise(JSON::parse(profile).unwrap()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let report: serde_json::Value = serde_json::from_str(&String::from(JSON::stringify(&report).unwrap())).unwrap();
        let snapshot: serde_json::Value = serde_json::from_str(snapshot).unwrap();
        if let Some((path, got, want)) = first_difference(&report, &snapshot, String::new()) {
            panic!("{name}: the report in wasm differs from the snapshot at {path}: {got} vs {want}");
        }
    }
}

/// The report JavaScript receives carries the monthly plan: the money available, the steps with
/// their monthly shares (never more than available) and each action's share.
#[wasm_bindgen_test]
fn the_report_carries_the_monthly_plan() {
    let advisor = Advisor::new(None).unwrap();
    let (_, profile, _) = PERSONAS.iter().find(|p| p.0 == "on-track-saver").unwrap();
    let report = advisor.advise(JSON::parse(profile).unwrap()).unwrap();
    let report: serde_json::Value = serde_json::from_str(&String::from(JSON::stringify(&report).unwrap())).unwrap();
    let plan = &report["monthlyPlan"];
    assert_eq!(plan["available"].as_f64(), Some(1475.0), "{plan}");
    let steps = plan["steps"].as_array().unwrap();
    assert_eq!(steps[0]["actionId"], "us-default/workplace-plan-limit");
    let assigned: f64 = steps.iter().map(|s| s["monthly"].as_f64().unwrap()).sum();
    assert!(assigned <= 1475.0 + 1e-6, "{assigned}");
    assert_eq!(report["actions"][0]["monthly"], steps[0]["monthly"]);
}

/// The first place two JSON values differ: (JSON pointer, actual, expected).
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: String) -> Option<(String, String, String)> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => x.iter().find_map(|(k, v)| match y.get(k) {
            Some(w) => first_difference(v, w, format!("{path}/{k}")),
            None => Some((format!("{path}/{k}"), v.to_string(), "absent".to_string())),
        }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (v, w))| first_difference(v, w, format!("{path}/{i}")))
        }
        // JavaScript writes 8000 where serde_json wrote 8000.0: compare numbers by value.
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        _ if a == b => None,
        _ => Some((path, a.to_string(), b.to_string())),
    }
}

/// The hook of the package's build-time memory snapshot (`scripts/snapshot.mjs`): it prepares the
/// default model and rule pack (freed blocks zeroed meanwhile), answers true, can be called
/// again, and the personas still give their snapshots afterwards.
#[wasm_bindgen_test]
fn the_snapshot_hook_prepares_the_defaults_and_changes_no_report() {
    assert!(crate::prepare_defaults());
    assert!(crate::defaults_prepared());
    assert!(crate::prepare_defaults());
    every_persona_gives_its_snapshot();
}
