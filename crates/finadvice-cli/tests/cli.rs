//! The `finadvice` command line: reports on stdout, errors as JSON with exit code 2.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../../finadvice/tests/common/mod.rs"]
mod common;
use common::test_file;
use std::process::Command;

fn finadvice(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_finadvice")).args(args).output().expect("run finadvice");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn advise_prints_the_report() {
    let path = test_file("profiles/new-graduate.json");
    let (code, stdout, _) = finadvice(&["advise", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["facts"]["monthlySurplus"], 481.0);
    let rules: Vec<&str> = report["actions"].as_array().unwrap().iter().map(|a| a["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["starter-emergency-fund", "employer-match", "high-interest-debt"]);
    assert_eq!(report["versions"]["rulePack"]["id"], "us-default");
}

#[test]
fn bad_profile_exits_2_with_every_error() {
    let path = test_file("profiles/invalid-many.json");
    let (code, stdout, stderr) = finadvice(&["advise", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    let body: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let errors = body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 14);
    assert!(errors.iter().any(|e| e["path"] == "/debts/1/apr" && e["code"] == "unknown_field"));
    assert!(stderr.contains("/person/age"), "{stderr}");
}

#[test]
fn unreadable_inputs_and_bad_models_exit_2() {
    let (code, stdout, _) = finadvice(&["advise", "/nonexistent/profile.json"]);
    assert_eq!(code, 2);
    assert!(stdout.contains("cannot read"));
    let profile = test_file("profiles/new-graduate.json");
    let (code, stdout, _) = finadvice(&["advise", profile.to_str().unwrap(), "--model", profile.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stdout.contains("\"model\""), "{stdout}");
}

#[test]
fn usage_errors_exit_64() {
    assert_eq!(finadvice(&[]).0, 64);
    assert_eq!(finadvice(&["advise"]).0, 64);
    assert_eq!(finadvice(&["advise", "a.json", "--frobnicate"]).0, 64);
}

#[test]
fn payoff_prints_the_plan() {
    let path = test_file("payoffs/three-debts.json");
    let (code, stdout, _) = finadvice(&["payoff", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let plan: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for field in ["months", "totalInterest", "interestSaved", "schedule"] {
        assert!(!plan[field].is_null(), "{field} missing");
    }
    assert_eq!(plan["schedule"].as_array().unwrap().len() as u64, plan["months"].as_u64().unwrap());
    assert_eq!(plan["debtFreeDate"].as_str().map(|d| d.len()), Some(10));
}

#[test]
fn payoff_errors_exit_2_and_usage_exits_64() {
    let profile = test_file("profiles/new-graduate.json");
    let (code, stdout, _) = finadvice(&["payoff", profile.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stdout.contains("unknown_field"), "{stdout}");
    assert_eq!(finadvice(&["payoff"]).0, 64);
    assert_eq!(finadvice(&["payoff", "a.json", "b.json"]).0, 64);
}

#[test]
fn retirement_and_goal_print_their_results() {
    let path = test_file("calc/retirement-golden.json");
    let (code, stdout, _) = finadvice(&["retirement", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let projection: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(projection["successProbability"], 0.935); // the golden value of tests/calc_api.rs
    let goal = test_file("calc/goal-excel-pmt.json");
    let (code, stdout, _) = finadvice(&["goal", goal.to_str().unwrap()]);
    assert_eq!(code, 0);
    let plan: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(plan["monthlySavingNeeded"], 129.08);
    assert_eq!(finadvice(&["goal"]).0, 64);
    let (code, stdout, _) = finadvice(&["retirement", goal.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stdout.contains("/currentAge"), "{stdout}");
}
