//! The importer's JavaScript API: `importStatements` and `draftProfile`, run in Node by
//! scripts/wasm-test.sh.
#![cfg(target_arch = "wasm32")]

use crate::import::{draft_profile_js, import_statements_js};
use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use super::common::*;

const CHASE: &str = include_str!("../../../../tests/import/fixtures/chase-card.csv");
const CHECKING: &str = include_str!("../../../../tests/import/fixtures/chase-checking.csv");
const HSBC: &[u8] = include_bytes!("../../../../tests/import/fixtures/hsbc-uk.csv");
const QFX: &str = include_str!("../../../../tests/import/fixtures/checking-feb.qfx");
const OFX: &str = include_str!("../../../../tests/import/fixtures/checking-jan.ofx");

fn file(name: &str, key: &str, value: JsValue) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"name".into(), &name.into()).unwrap();
    Reflect::set(&o, &key.into(), &value).unwrap();
    o.into()
}

fn files(items: &[JsValue]) -> JsValue {
    items.iter().collect::<Array>().into()
}

#[wasm_bindgen_test]
fn text_and_bytes_files_read_with_signs_dates_and_sources() {
    let hsbc = file("hsbc-uk.csv", "bytes", Uint8Array::from(HSBC).into());
    let result =
        import_statements_js(files(&[file("chase-card.csv", "text", CHASE.into()), hsbc]), JsValue::UNDEFINED).unwrap();
    let transactions = Array::from(&get(&result, "transactions"));
    assert_eq!(transactions.length(), 9 + 5);
    let cafe = transactions.iter().find(|t| get(t, "description").as_string().unwrap().starts_with("CAF")).unwrap();
    assert_eq!(get(&cafe, "description").as_string().unwrap(), "CAFÉ NERO 1123 LONDON", "Windows-1252 decoded");
    assert_eq!(get(&cafe, "date").as_string().unwrap(), "2025-02-03", "HSBC UK writes day first");
    assert_eq!(get(&cafe, "amount").as_f64().unwrap(), -3.4, "Paid Out is money out");
    let netflix = transactions.iter().find(|t| get(t, "description").as_string().unwrap() == "NETFLIX.COM").unwrap();
    assert_eq!(get(&netflix, "amount").as_f64().unwrap(), -15.49);
    assert_eq!(get(&netflix, "bankCategory").as_string().unwrap(), "Entertainment");
    assert!(get(&netflix, "mcc").is_undefined() || get(&netflix, "mcc").is_null());
    let sources = Array::from(&get(&result, "sources"));
    assert_eq!(get(&sources.get(0), "layout").as_string().unwrap(), "chase_card");
    assert_eq!(get(&sources.get(1), "layout").as_string().unwrap(), "hsbc_uk");
    assert_eq!(get(&sources.get(1), "dateOrder").as_string().unwrap(), "dmy");
    assert_eq!(Array::from(&get(&result, "problems")).length(), 0);
}

#[wasm_bindgen_test]
fn overrides_flip_signs_and_choose_the_date_order() {
    let undecided = "Date,Description,Amount\n01/02/2025,GROCER,-10.00\n03/04/2025,CINEMA,-12.00\n";
    let result = import_statements_js(files(&[file("u.csv", "text", undecided.into())]), JsValue::UNDEFINED).unwrap();
    let problems = Array::from(&get(&result, "problems"));
    assert_eq!(get(&problems.get(0), "code").as_string().unwrap(), "date_order_undecided");
    assert!(get(&problems.get(0), "line").is_null());
    let options = object(r#"{"overrides":{"u.csv":{"dateOrder":"dmy","flipSigns":true}}}"#);
    let result = import_statements_js(files(&[file("u.csv", "text", undecided.into())]), options).unwrap();
    let first = Array::from(&get(&result, "transactions")).get(0);
    assert_eq!(get(&first, "date").as_string().unwrap(), "2025-02-01");
    assert_eq!(get(&first, "amount").as_f64().unwrap(), 10.0);
    assert_eq!(
        get(&Array::from(&get(&result, "sources")).get(0), "signConvention").as_string().unwrap(),
        "positive_charges"
    );
}

#[wasm_bindgen_test]
fn ofx_and_qfx_overlap_counted_once() {
    let result = import_statements_js(
        files(&[file("checking-jan.ofx", "text", OFX.into()), file("checking-feb.qfx", "text", QFX.into())]),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(Array::from(&get(&result, "transactions")).length(), 10);
    assert_eq!(get(&Array::from(&get(&result, "sources")).get(1), "format").as_string().unwrap(), "qfx");
}

#[wasm_bindgen_test]
fn malformed_calls_throw_with_a_pointer() {
    for (call, pointer) in [
        (JsValue::from_str("not an array"), ""),
        (files(&[JsValue::from(3)]), "/0"),
        (files(&[file("a.csv", "bytes", JsValue::from(1))]), "/0"),
        (
            files(&[{
                let o = Object::new();
                Reflect::set(&o, &"text".into(), &"x".into()).unwrap();
                o.into()
            }]),
            "/0/name",
        ),
    ] {
        let error = import_statements_js(call, JsValue::UNDEFINED).unwrap_err();
        let errors = Array::from(&get(&error, "errors"));
        assert_eq!(get(&errors.get(0), "path").as_string().unwrap(), pointer);
    }
    let bad_options = object(r#"{"overrides":{"a.csv":{"dateOrder":"yyyy"}}}"#);
    assert!(import_statements_js(files(&[file("a.csv", "text", "x".into())]), bad_options).is_err());
    assert!(draft_profile_js(JsValue::from_str("nope")).is_err());
}

#[wasm_bindgen_test]
fn draft_from_imported_transactions() {
    let imported = import_statements_js(
        files(&[file("chase-checking.csv", "text", CHECKING.into()), file("chase-card.csv", "text", CHASE.into())]),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let draft = draft_profile_js(get(&imported, "transactions")).unwrap();
    let profile = get(&draft, "profile");
    let income = Array::from(&get(&profile, "incomes")).get(0);
    assert!((get(&income, "netMonthly").as_f64().unwrap() - 5741.67).abs() < 0.01);
    assert!(get(&income, "grossAnnual").is_null());
    let questions = Array::from(&get(&draft, "questions"));
    let paths: Vec<String> = questions.iter().map(|q| get(&q, "path").as_string().unwrap()).collect();
    assert!(paths.contains(&"/person/age".to_string()), "{paths:?}");
    assert_eq!(get(&get(&draft, "covered"), "from").as_string().unwrap(), "2025-01-02");
    let text = JSON::stringify(&draft).unwrap().as_string().unwrap();
    assert!(text.contains("\"why\""));
}

/// Every fixture of tests/import/fixtures, as bytes (the page hands the importer bytes).
macro_rules! fixtures {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../../../tests/import/fixtures/", $name)) as &[u8])),*]
    };
}
const FIXTURES: &[(&str, &[u8])] = fixtures!(
    "amex.csv",
    "apple-card.csv",
    "barclays.csv",
    "bofa-checking.csv",
    "capital-one.csv",
    "card.ofx",
    "chase-card-broken.csv",
    "chase-card-feb.csv",
    "chase-card-jan.csv",
    "chase-card.csv",
    "chase-checking.csv",
    "checking-feb.qfx",
    "checking-jan.ofx",
    "checking.qif",
    "citi.csv",
    "date-description-amount.csv",
    "discover.csv",
    "generic-crdr.csv",
    "generic-eu.csv",
    "generic-paid-out-in.csv",
    "generic-positive-charges.csv",
    "generic-undecidable.csv",
    "hsbc-uk.csv",
    "monzo.csv",
    "n26.csv",
    "revolut.csv",
    "starling.csv",
    "unknown.csv",
    "us-bank.csv",
    "wells-fargo.csv",
);
const CASES: &str = include_str!("../../../../tests/import/cases.json");

/// Every case of tests/import/cases.json through `importStatements`, as the native test reads
/// them: each layout's signs, dates, accounts, bank categories and MCCs, overlaps, problems by
/// file and line, and the sources.
#[wasm_bindgen_test]
fn every_fixture_reads_as_the_native_importer_reads_it() {
    let cases: serde_json::Value = serde_json::from_str(CASES).unwrap();
    let mut diffs = Vec::new();
    for case in cases["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let items: Vec<JsValue> = case["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let f = f.as_str().unwrap();
                let bytes =
                    FIXTURES.iter().find(|(n, _)| *n == f).unwrap_or_else(|| panic!("{f} is not in FIXTURES")).1;
                file(f, "bytes", Uint8Array::from(bytes).into())
            })
            .collect();
        let options = case.get("options").map(|o| object(&o.to_string())).unwrap_or(JsValue::UNDEFINED);
        let result = import_statements_js(files(&items), options).unwrap();
        let got: serde_json::Value =
            serde_json::from_str(&JSON::stringify(&result).unwrap().as_string().unwrap()).unwrap();
        let expect = &case["expect"];
        let (gt, et) = (got["transactions"].as_array().unwrap(), expect["transactions"].as_array().unwrap());
        if gt.len() != et.len() {
            diffs.push(format!("{name}: {} transactions, expected {}", gt.len(), et.len()));
        }
        for (g, e) in gt.iter().zip(et) {
            let mut g = g.clone();
            if (g["amount"].as_f64().unwrap() - e["amount"].as_f64().unwrap()).abs() < 0.001 {
                g["amount"] = e["amount"].clone();
            }
            if &g != e {
                diffs.push(format!("{name}: got {g}, expected {e}"));
            }
        }
        let problems: Vec<serde_json::Value> = got["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| serde_json::json!({"file": p["file"], "line": p["line"], "code": p["code"]}))
            .collect();
        if problems != *expect["problems"].as_array().unwrap() {
            diffs.push(format!("{name}: problems {problems:?}, expected {}", expect["problems"]));
        }
        if got["sources"] != expect["sources"] {
            diffs.push(format!("{name}: sources {}, expected {}", got["sources"], expect["sources"]));
        }
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}
