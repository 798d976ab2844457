//! `finadvice check-rules` and `finadvice advise --rules`: a custom pack checked and used.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../../finadvice/tests/common/mod.rs"]
mod common;

use common::packs::{fired, pack, rule};
use serde_json::{json, Value};
use std::process::Command;

fn cli(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_finadvice")).args(args).output().expect("run finadvice");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into())
}

#[test]
fn cli_checks_packs_and_advises_with_a_custom_pack() {
    let dir = std::env::temp_dir().join(format!("finadvice-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    std::fs::write(&good, pack(json!([rule("always", json!(true))])).to_string()).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, pack(json!([rule("x", json!({"nope": 1}))])).to_string()).unwrap();

    let (code, out) = cli(&["check-rules", good.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let summary: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((summary["id"].as_str(), summary["rules"].as_u64()), (Some("test"), Some(1)));

    let (code, out) = cli(&["check-rules", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    let body: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(body["errors"][0]["path"], "/rules/0/when/nope");
    assert_eq!(body["errors"][0]["code"], "unknown_operator");

    let profile_path = common::test_file("profiles/new-graduate.json");
    let (code, out) = cli(&["advise", profile_path.to_str().unwrap(), "--rules", good.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(fired(&report), ["always"]);
    assert_eq!(report["actions"][0]["detail"], "detail of $481");
    assert_eq!(report["versions"]["rulePack"]["id"], "test");

    let (code, _) = cli(&["advise", profile_path.to_str().unwrap(), "--rules", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    let (code, _) = cli(&["check-rules"]);
    assert_eq!(code, 64);
    std::fs::remove_dir_all(&dir).ok();
}
