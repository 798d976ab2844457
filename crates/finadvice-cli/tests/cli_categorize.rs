//! `finadvice categorize`: bank exports of every format and JSON arrays, one JSON line per row.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_finadvice")).args(args).output().expect("run finadvice");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn file(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("finadvice-cli-categorize-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path).unwrap().write_all(content.as_bytes()).unwrap();
    path.to_string_lossy().into_owned()
}

fn lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn categorizes_a_csv_with_an_amount_column_in_input_order() {
    let csv = "Date,Description,Amount,Balance\n2026-01-02,\"SQ *BLUE BOTTLE 0412 OAKLAND CA\",-6.75,100\n2026-01-03,\"ACME CORP PAYROLL PPD ID: 99\",\"$2,450.00\",1\n\n";
    let (code, stdout, stderr) = run(&["categorize", &file("a.csv", csv)]);
    assert_eq!(code, 0, "{stderr}");
    let rows = lines(&stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["description"], "SQ *BLUE BOTTLE 0412 OAKLAND CA");
    assert_eq!(rows[0]["category"], "dining");
    assert_eq!(rows[1]["amount"], 2450.0);
    assert_eq!(rows[1]["category"], "income");
    for row in &rows {
        let keys: Vec<&String> = row.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["amount", "category", "confidence", "description", "source"]);
        assert_eq!(row["source"], "model");
    }
}

#[test]
fn reads_semicolon_csv_with_debit_and_credit_columns_and_a_bom() {
    let csv = "\u{feff}Posting Date;Payee;Debit;Credit\n01/02/2026;MONTHLY SERVICE FEE;12.00;\n01/03/2026;ONLINE TRANSFER FROM CHK 1234;;(0)\n01/04/2026;SHELL OIL 5744;40.10;\n";
    let (code, stdout, stderr) = run(&["categorize", &file("b.csv", csv)]);
    assert_eq!(code, 0, "{stderr}");
    let rows = lines(&stdout);
    assert_eq!(rows.iter().map(|r| r["amount"].as_f64().unwrap()).collect::<Vec<_>>(), [-12.0, 0.0, -40.1]);
    assert_eq!(rows[0]["category"], "fees");
}

#[test]
fn reads_a_json_array_and_applies_a_memory_file() {
    let memory = file("memory.json", r#"{"version":1,"entries":[{"merchant":"rent zelle","category":"housing"}]}"#);
    let json = file("t.json", r#"[{"description":"RENT PAYMENT ZELLE","amount":-1200,"date":"2026-01-01"}]"#);
    let (code, stdout, _) = run(&["categorize", &json, "--memory", &memory]);
    assert_eq!(code, 0);
    let rows = lines(&stdout);
    assert_eq!((rows[0]["category"].as_str(), rows[0]["source"].as_str()), (Some("housing"), Some("memory")));
}

#[test]
fn a_bad_row_is_reported_and_the_others_categorized() {
    let csv = "Date,Description,Amount\n2026-01-02,SHELL OIL 5744,-40.10\n2026-01-03,KROGER #0412,twelve\n2026-01-04,KROGER #0412,\n2026-01-05,NETFLIX.COM,-15.49\n";
    let path = file("d.csv", csv);
    let (code, stdout, stderr) = run(&["categorize", &path]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(lines(&stdout).len(), 2);
    assert!(stderr.contains(&format!("{path}:3:")) && stderr.contains("bad_amount"), "{stderr}");
    assert!(stderr.contains(&format!("{path}:4:")) && stderr.contains("missing_amount"), "{stderr}");
}

#[test]
fn several_files_of_any_format() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = [root.join("../../tests/import/fixtures"), root.join("tests/import/fixtures")]
        .into_iter()
        .find(|p| p.exists())
        .unwrap();
    let paths: Vec<String> =
        ["amex.csv", "card.ofx", "checking.qif"].iter().map(|f| dir.join(f).to_string_lossy().into_owned()).collect();
    let (code, stdout, stderr) = run(&["categorize", &paths[0], &paths[1], &paths[2]]);
    assert_eq!(code, 0, "{stderr}");
    let rows = lines(&stdout);
    assert_eq!(rows.len(), 8 + 5 + 4);
    // Amex writes charges positive: read as money out.
    assert_eq!(rows[0]["description"], "UBER EATS");
    assert_eq!(rows[0]["amount"], -27.4);
    // Amex's "Merchandise & Supplies-Groceries" and the OFX file's MCCs are evidence for the model.
    let sources: Vec<&str> = rows.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert!(sources.iter().all(|s| ["model", "bank"].contains(s)), "{sources:?}");
    let safeway =
        rows.iter().find(|r| r["description"] == "SAFEWAY #1234" && r["amount"].as_f64().unwrap() < 0.0).unwrap();
    assert_eq!(safeway["category"], "groceries");
}

#[test]
fn bad_files_exit_2() {
    let (code, stdout, stderr) = run(&["categorize", &file("c.csv", "date,text,value2\n2026-01-01,x,1\n")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("date, text, value2"), "the columns found are named: {stderr}");
    assert!(stdout.contains("no transaction could be read"), "{stdout}");
    let (code, _, _) = run(&["categorize", &file("e.json", "[{\"description\": 1}]")]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&[
        "categorize",
        &file("f.csv", "date,description,amount\n2026-01-01,A,1\n"),
        "--model",
        &file("g.onnx", "junk"),
    ]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["categorize"]);
    assert_eq!(code, 64);
}
