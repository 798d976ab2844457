//! The `finadvice` command line: reports on stdout, errors as JSON with exit code 2.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::test_file;
use std::process::Command;

fn finadvice(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_finadvice")).args(args).output().expect("run finadvice");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn advise_prints_the_report() {
    let path = test_file("profiles/new-graduate.json");
    let (code, stdout, _) = finadvice(&["advise", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["facts"]["monthlySurplus"], 481.0);
    let rules: Vec<&str> = report["actions"].as_array().unwrap().iter().map(|a| a["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["employer-match", "high-interest-debt"]);
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
