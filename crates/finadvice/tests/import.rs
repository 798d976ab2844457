//! Every case of `tests/import/cases.json` (written by `tests/import/make_fixtures.py` from the
//! layouts recorded in LAYOUTS.md): transactions, signs, dates, overlaps, problems by line.

use finadvice::import::{import_statements, ImportOptions, StatementFile};
use serde_json::Value;
use std::path::PathBuf;

fn import_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [manifest.join("../../tests/import"), manifest.join("tests/import")]
        .into_iter()
        .find(|p| p.join("cases.json").exists())
        .expect("tests/import/cases.json")
}

fn load(names: &[&str]) -> Vec<StatementFile> {
    names
        .iter()
        .map(|n| StatementFile {
            name: n.to_string(),
            bytes: std::fs::read(import_dir().join("fixtures").join(n)).unwrap(),
        })
        .collect()
}

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(import_dir().join("cases.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

/// Compares one case; returns what differs.
fn check(case: &Value) -> Vec<String> {
    let name = case["name"].as_str().unwrap();
    let files: Vec<&str> = case["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    let options: ImportOptions =
        case.get("options").map(|o| serde_json::from_value(o.clone()).unwrap()).unwrap_or_default();
    let got = serde_json::to_value(import_statements(&load(&files), &options)).unwrap();
    let expect = &case["expect"];
    let mut diffs = Vec::new();
    let (gt, et) = (got["transactions"].as_array().unwrap(), expect["transactions"].as_array().unwrap());
    if gt.len() != et.len() {
        diffs.push(format!("{name}: {} transactions, expected {}", gt.len(), et.len()));
    }
    for (i, (g, e)) in gt.iter().zip(et).enumerate() {
        let mut g = g.clone();
        let (ga, ea) = (g["amount"].as_f64().unwrap(), e["amount"].as_f64().unwrap());
        if (ga - ea).abs() > 0.001 {
            diffs.push(format!("{name}: transaction {i} amount {ga}, expected {ea} ({})", e["description"]));
        }
        g["amount"] = e["amount"].clone();
        if &g != e {
            diffs.push(format!("{name}: transaction {i}\n  got      {g}\n  expected {e}"));
        }
    }
    let problems: Vec<Value> = got["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            assert!(!p["message"].as_str().unwrap().is_empty(), "{name}: a problem without a message");
            serde_json::json!({"file": p["file"], "line": p["line"], "code": p["code"]})
        })
        .collect();
    if problems != *expect["problems"].as_array().unwrap() {
        diffs.push(format!("{name}: problems\n  got      {problems:?}\n  expected {:?}", expect["problems"]));
    }
    if got["sources"] != expect["sources"] {
        diffs.push(format!("{name}: sources\n  got      {}\n  expected {}", got["sources"], expect["sources"]));
    }
    diffs
}

#[test]
fn every_fixture_reads_as_expected() {
    let cases = cases();
    assert!(cases.len() >= 30);
    let diffs: Vec<String> = cases.iter().flat_map(check).collect();
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
}

#[test]
fn unknown_layout_names_the_columns_found() {
    let got = import_statements(&load(&["unknown.csv"]), &ImportOptions::default());
    assert!(got.transactions.is_empty());
    let message = &got.problems[0].message;
    assert!(message.contains("Foo, Bar, Baz"), "{message}");
}

#[test]
fn a_broken_row_does_not_take_good_rows_with_it() {
    let got = import_statements(&load(&["chase-card-broken.csv"]), &ImportOptions::default());
    assert_eq!(got.transactions.len(), 2);
    assert_eq!(got.problems.len(), 4);
    assert!(got.transactions.iter().all(|t| t.amount != 0.0), "a blank amount never becomes 0");
}

#[test]
fn hostile_bytes_give_problems_not_panics() {
    let inputs: Vec<Vec<u8>> = vec![
        vec![],
        b"\xff\xfe\x00\x00".to_vec(),
        b"OFXHEADER:100\n<OFX><STMTTRN><TRNAMT>abc<DTPOSTED>2025".to_vec(),
        b"<OFX><STMTTRN></STMTTRN>".to_vec(),
        b"!Type:Bank\nD\nT\n^\n^\nD99/99/99\nT1\nPx\n^".to_vec(),
        b"!Type:Invst\nD1/1/25\n^".to_vec(),
        b"\"unterminated,quote\nDate,Description,Amount\n".to_vec(),
        "Date,Description,Amount\n2025-01-01,\u{0},1\n2025-01-02,x,1e999\n".as_bytes().to_vec(),
        b"Date,Description,Amount\n01/02/2025,x,1\n13/02/2025,y,1\n02/13/2025,z,1\n".to_vec(),
    ];
    for bytes in inputs {
        let file = StatementFile { name: "x.csv".into(), bytes };
        let got = import_statements(&[file], &ImportOptions::default());
        assert!(!got.problems.is_empty() || !got.transactions.is_empty());
    }
}

#[test]
fn draft_from_a_households_three_files() {
    let got =
        import_statements(&load(&["chase-checking.csv", "chase-card.csv", "amex.csv"]), &ImportOptions::default());
    let draft = finadvice::import::draft::draft_profile(&got.transactions);
    let p = &draft.profile;
    // Biweekly pay of 2,650.00 (2, 16 and 30 January): 26 paydays a year.
    assert_eq!(p["incomes"].as_array().unwrap().len(), 1);
    let net = p["incomes"][0]["netMonthly"].as_f64().unwrap();
    assert!((net - 2650.0 * 26.0 / 12.0).abs() < 0.01, "{net}");
    assert!(p["incomes"][0]["grossAnnual"].is_null(), "gross pay is asked, never guessed");
    let debts: Vec<(&str, &str)> = p["debts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["name"].as_str().unwrap(), d["kind"].as_str().unwrap()))
        .collect();
    assert!(debts.contains(&("Chase card", "credit_card")), "{debts:?}");
    assert!(debts.contains(&("American Express", "credit_card")), "{debts:?}");
    assert!(debts.iter().any(|(n, k)| n.contains("Navient") && *k == "student_loan"), "{debts:?}");
    assert_eq!(debts.len(), 3, "the Chase autopay from checking and the Chase card export are one debt: {debts:?}");
    assert!(draft.recurring.iter().any(|r| r.kind == "housing" && r.monthly == 1850.0));
    assert_eq!(draft.covered.from.as_deref(), Some("2025-01-02"));
    assert_eq!(draft.covered.to.as_deref(), Some("2025-02-24"));
    assert_eq!(p["asOf"], "2025-02-24");
    // Every question points at a place in the draft (or the next free index of a list).
    for q in &draft.questions {
        let parent = &q.path[..q.path.rfind('/').unwrap()];
        assert!(parent.is_empty() || p.pointer(parent).is_some(), "{} points nowhere", q.path);
        assert!(!q.why.is_empty());
    }
    for pointer in ["/person/age", "/incomes/0/grossAnnual", "/debts/0/aprPercent", "/debts/0/balance"] {
        assert!(draft.questions.iter().any(|q| q.path == pointer), "no question for {pointer}");
        assert!(p.pointer(pointer).unwrap().is_null());
    }
    assert_eq!(p["transactions"].as_array().unwrap().len(), got.transactions.len());
}

#[test]
fn draft_of_nothing_asks_for_income() {
    let draft = finadvice::import::draft::draft_profile(&[]);
    assert_eq!(draft.covered.months, 0.0);
    assert!(draft.questions.iter().any(|q| q.path == "/incomes"));
}
