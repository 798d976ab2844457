//! The categorizer's JavaScript API: `categorize`, `learn`, `exportMemory` and `new Advisor({memory})`,
//! run in Node and headless Chromium by scripts/wasm-test.sh.
#![cfg(target_arch = "wasm32")]

use crate::Advisor;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use super::common::*;

const TRANSACTIONS_ONLY: &str = include_str!("../../../../tests/profiles/transactions-only.json");

#[wasm_bindgen_test]
fn categorize_returns_category_confidence_and_source_in_order() {
    let advisor = Advisor::new(None).unwrap();
    let rows = advisor
        .categorize(object(r#"[{"description":"SQ *BLUE BOTTLE 0412 OAKLAND CA","amount":-6.75,"date":"2026-01-01"},{"description":"ACME CORP PAYROLL PPD ID: 1","amount":2450}]"#))
        .unwrap();
    let rows = Array::from(&rows);
    assert_eq!(rows.length(), 2);
    assert_eq!(get(&rows.get(0), "category").as_string().unwrap(), "dining");
    assert_eq!(get(&rows.get(1), "category").as_string().unwrap(), "income");
    assert_eq!(get(&rows.get(0), "source").as_string().unwrap(), "model");
    let confidence = get(&rows.get(0), "confidence").as_f64().unwrap();
    assert!((0.5..=1.0).contains(&confidence));
}

#[wasm_bindgen_test]
fn corrections_persist_across_export_and_import() {
    let mut advisor = Advisor::new(None).unwrap();
    let key = advisor.learn(object(r#"{"description":"RENT PAYMENT ZELLE","category":"housing"}"#)).unwrap();
    assert_eq!(key, "rent zelle");
    let saved = JSON::stringify(&advisor.export_memory().unwrap()).unwrap().as_string().unwrap();
    assert_eq!(saved, r#"{"version":1,"entries":[{"merchant":"rent zelle","category":"housing"}]}"#);

    // As a page would: the JSON string from localStorage, parsed, in the options.
    let options = js_sys::Object::new();
    Reflect::set(&options, &"memory".into(), &object(&saved)).unwrap();
    let restored = Advisor::new(Some(options.into())).unwrap();
    let rows =
        Array::from(&restored.categorize(object(r#"[{"description":"RENT PAYMENT ZELLE","amount":-1200}]"#)).unwrap());
    assert_eq!(get(&rows.get(0), "category").as_string().unwrap(), "housing");
    assert_eq!(get(&rows.get(0), "source").as_string().unwrap(), "memory");
    let report = restored.advise(object(TRANSACTIONS_ONLY)).unwrap();
    assert_eq!(get(&report, "transactions.1.source").as_string().unwrap(), "memory");
    assert!(get(&report, "facts.spendingByCategoryMonthly.housing").as_f64().unwrap() > 1000.0);
    assert_eq!(get(&report, "spendingByMonth.0.month").as_string().unwrap(), "2026-09");
    assert_eq!(get(&report, "versions.model.source").as_string().unwrap(), "default");
}

#[wasm_bindgen_test]
fn a_correction_keeps_the_bank_category_of_its_row_in_the_memory() {
    let mut advisor = Advisor::new(None).unwrap();
    advisor
        .learn(object(
            r#"{"description":"STATEWIDE ASSURANCE","category":"insurance","bankCategory":"Bills & Utilities"}"#,
        ))
        .unwrap();
    let saved = JSON::stringify(&advisor.export_memory().unwrap()).unwrap().as_string().unwrap();
    assert_eq!(
        saved,
        r#"{"version":1,"entries":[{"merchant":"statewide assurance","category":"insurance","bankCategory":"Bills & Utilities"}]}"#
    );
    let options = js_sys::Object::new();
    Reflect::set(&options, &"memory".into(), &object(&saved)).unwrap();
    let restored = Advisor::new(Some(options.into())).unwrap();
    let again = JSON::stringify(&restored.export_memory().unwrap()).unwrap().as_string().unwrap();
    assert_eq!(again, saved);
    let thrown =
        advisor.learn(object(r#"{"description":"COSTCO","category":"groceries","bankCategory":7}"#)).unwrap_err();
    assert_eq!(problems(thrown)[0].1, "/bankCategory");
}

#[wasm_bindgen_test]
fn bad_corrections_rows_and_memories_throw_structured_errors() {
    let mut advisor = Advisor::new(None).unwrap();
    let thrown = advisor.learn(object(r#"{"description":"COSTCO","category":"food"}"#)).unwrap_err();
    assert_eq!(problems(thrown), [("invalid_value".to_string(), "/category".to_string())]);
    let thrown = advisor.learn(JsValue::from_f64(3.0)).unwrap_err();
    assert_eq!(problems(thrown)[0].0, "type");

    let rows = Array::new();
    let row = object(r#"{"description":"X"}"#);
    Reflect::set(&row, &"amount".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    rows.push(&row);
    let thrown = advisor.categorize(rows.into()).unwrap_err();
    assert_eq!(problems(thrown), [("not_finite".to_string(), "/0/amount".to_string())]);

    let thrown =
        Advisor::new(Some(object(r#"{"memory":{"version":1,"entries":[{"merchant":"a","category":"nope"}]}}"#)))
            .err()
            .unwrap();
    assert_eq!(problems(thrown), [("invalid_value".to_string(), "/memory/entries/0/category".to_string())]);
    // The advisor still works after every refusal.
    assert_eq!(Array::from(&advisor.categorize(object("[]")).unwrap()).length(), 0);
}

#[wasm_bindgen_test]
fn rows_of_every_js_shape_are_read_or_refused_like_json() {
    let advisor = Advisor::new(None).unwrap();
    let rows = object(
        r#"[{"description":"SAFEWAY","amount":-5,"extra":{"deep":[1]}}, 7, [1], {"description":null,"amount":true}]"#,
    );
    let found = problems(advisor.categorize(rows).unwrap_err());
    let expected = [("type", "/1"), ("type", "/2"), ("required", "/3/description"), ("type", "/3/amount")];
    assert_eq!(found, expected.map(|(c, p)| (c.to_string(), p.to_string())));
    // JSON text takes the general path and gives the same rows.
    let text = JsValue::from_str(r#"[{"description":"SAFEWAY","amount":-5}]"#);
    let from_text = JSON::stringify(&advisor.categorize(text).unwrap()).unwrap();
    let from_objects =
        JSON::stringify(&advisor.categorize(object(r#"[{"description":"SAFEWAY","amount":-5}]"#)).unwrap()).unwrap();
    assert_eq!(from_text, from_objects);
}

#[wasm_bindgen_test]
fn packed_rows_give_the_rows_of_the_general_path() {
    // Plain rows cross packed (js/pack-rows.js); the same rows as JSON text take the general path.
    let mut advisor = Advisor::new(None).unwrap();
    advisor.learn(object(r#"{"description":"SQ *BLUE BOTTLE 0412","category":"groceries"}"#)).unwrap();
    let text = r#"[{"description":"SQ *BLUE BOTTLE 0412 OAKLAND CA","amount":-6.75,"date":"2026-01-01"},
        {"description":"Café Ünïcode — 12/31 €","amount":-3.5},{"description":"","amount":0},
        {"description":"ACME CORP PAYROLL PPD ID: 1","amount":2450},{"description":"SAFEWAY #1234","amount":-0.1}]"#;
    let packed = JSON::stringify(&advisor.categorize(object(text)).unwrap()).unwrap();
    let general = JSON::stringify(&advisor.categorize(JsValue::from_str(text)).unwrap()).unwrap();
    assert_eq!(packed, general);
    let rows = Array::from(&advisor.categorize(object(text)).unwrap());
    assert_eq!(Reflect::get(&rows.get(0), &"source".into()).unwrap().as_string().as_deref(), Some("memory"));
    assert_eq!(
        Reflect::get(&rows.get(1), &"description".into()).unwrap().as_string().as_deref(),
        Some("Café Ünïcode — 12/31 €")
    );
    // Rows the packer takes but the checks refuse get the errors of the general path.
    let bad =
        r#"[{"description":"A","amount":-2},{"description":"B","amount":1e13},{"description":"C","amount":-1e12}]"#;
    let packed = problems(advisor.categorize(object(bad)).unwrap_err());
    assert_eq!(packed, problems(advisor.categorize(JsValue::from_str(bad)).unwrap_err()));
    assert_eq!(packed, [("out_of_range".to_string(), "/1/amount".to_string())]);
    // A NUL inside a description (the packed text's separator) and a lone surrogate (checked on
    // the joined text) send the rows to the general path, which reads them as given.
    let nul = r#"[{"description":"A\u0000B 12","amount":-2},{"description":"C","amount":1}]"#;
    let packed = JSON::stringify(&advisor.categorize(object(nul)).unwrap()).unwrap();
    assert_eq!(packed, JSON::stringify(&advisor.categorize(JsValue::from_str(nul)).unwrap()).unwrap());
    let rows = Array::from(&advisor.categorize(object(nul)).unwrap());
    assert_eq!(rows.length(), 2);
    assert_eq!(Reflect::get(&rows.get(0), &"description".into()).unwrap().as_string().as_deref(), Some("A\0B 12"));
    // (A row without a prototype is never packed: the general path's reading of the same rows.)
    let lone = advisor.categorize(js("[{description: 'x', amount: 1}, {description: 'y\\ud800', amount: 2}]"));
    let general = advisor.categorize(js(
        "[Object.assign(Object.create(null), {description: 'x', amount: 1}), {description: 'y\\ud800', amount: 2}]",
    ));
    assert_eq!(lone.is_ok(), general.is_ok());
    if let (Ok(lone), Ok(general)) = (lone, general) {
        assert_eq!(JSON::stringify(&lone).unwrap(), JSON::stringify(&general).unwrap());
    }
    // A row the packer declines (a getter that throws) is reported as on the general path.
    let thrown = advisor.categorize(js("[{description: 'x', get amount() { throw new Error('row') }}]")).unwrap_err();
    assert!(thrown.is_object());
}
