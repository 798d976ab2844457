//! `finadvice categorize`: bank CSVs of several shapes and JSON arrays, one JSON line per row.

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
fn bad_files_exit_2_with_pointers() {
    let (code, stdout, _) = run(&["categorize", &file("c.csv", "date,text,value2\n2026-01-01,x,1\n")]);
    assert_eq!(code, 2);
    assert!(stdout.contains("description column"), "{stdout}");
    let (code, stdout, _) =
        run(&["categorize", &file("d.csv", "description,amount\nA,1\nB,twelve\nC,NaN\n\"unclosed,1\n")]);
    assert_eq!(code, 2);
    let body: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let paths: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["/1/amount", "/2/amount", "/3/amount"]);
    let (code, _, _) = run(&["categorize", &file("e.json", "[{\"description\": 1}]")]);
    assert_eq!(code, 2);
    let (code, _, _) =
        run(&["categorize", &file("f.csv", "description,amount\nA,1\n"), "--model", &file("g.onnx", "junk")]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["categorize"]);
    assert_eq!(code, 64);
}
