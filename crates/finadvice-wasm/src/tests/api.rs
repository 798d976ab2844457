//! The JavaScript API, run by `wasm-pack test --node` and `wasm-pack test --headless --chrome`
//! (the browser run needs WASM_BINDGEN_USE_BROWSER=1; scripts/test.sh sets it and checks that the
//! tests really ran).
#![cfg(target_arch = "wasm32")]

use crate::{fact_catalog, validate_profile, version, Advisor};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::common::*;

const NEW_GRADUATE: &str = include_str!("../../../../tests/profiles/new-graduate.json");
const INVALID_MANY: &str = include_str!("../../../../tests/profiles/invalid-many.json");

fn error_paths(error: &JsValue) -> Vec<String> {
    Array::from(&get(error, "errors")).iter().map(|e| get(&e, "path").as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
fn advise_returns_facts_actions_and_versions() {
    let advisor = Advisor::new(None).unwrap();
    let report = advisor.advise(object(NEW_GRADUATE)).unwrap();
    assert_eq!(get(&report, "facts.monthlySurplus").as_f64(), Some(481.0));
    assert_eq!(get(&report, "facts.unclaimedEmployerMatchAnnual").as_f64(), Some(870.0));
    assert!(get(&report, "facts.transactionMonths").is_null());
    assert_eq!(Array::from(&get(&report, "actions")).length(), 3);
    assert_eq!(get(&report, "versions.rulePack.id").as_string().unwrap(), "us-default");
    assert_eq!(get(&report, "versions.engine").as_string().unwrap(), version());
}

#[wasm_bindgen_test]
fn advise_accepts_json_text_and_gives_the_same_report() {
    let advisor = Advisor::new(None).unwrap();
    let from_object = JSON::stringify(&advisor.advise(object(NEW_GRADUATE)).unwrap()).unwrap();
    let from_text = JSON::stringify(&advisor.advise(JsValue::from_str(NEW_GRADUATE)).unwrap()).unwrap();
    assert_eq!(from_object, from_text);
}

#[wasm_bindgen_test]
fn invalid_profile_throws_fin_advice_error_with_every_problem() {
    let advisor = Advisor::new(None).unwrap();
    let error = fin_advice_error(advisor.advise(object(INVALID_MANY)).unwrap_err());
    let paths = error_paths(&error);
    assert_eq!(paths.len(), 14, "{paths:?}");
    assert!(paths.contains(&"/debts/1/apr".to_string()));
    assert_eq!(get(&error, "code").as_string().unwrap(), "invalid_value");
    assert!(get(&error, "message").as_string().unwrap().contains("and 13 more"));
}

#[wasm_bindgen_test]
fn nan_and_infinity_from_javascript_are_refused_by_path() {
    let profile = object(NEW_GRADUATE);
    Reflect::set(&get(&profile, "person"), &"age".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let debt = Array::from(&get(&profile, "debts")).get(0);
    Reflect::set(&debt, &"balance".into(), &JsValue::from_f64(f64::INFINITY)).unwrap();
    let error = fin_advice_error(Advisor::new(None).unwrap().advise(profile).unwrap_err());
    let errors = Array::from(&get(&error, "errors"));
    let codes: Vec<(String, String)> =
        errors.iter().map(|e| (get(&e, "path").as_string().unwrap(), get(&e, "code").as_string().unwrap())).collect();
    assert!(codes.contains(&("/person/age".into(), "not_finite".into())), "{codes:?}");
    assert!(codes.contains(&("/debts/0/balance".into(), "not_finite".into())), "{codes:?}");
}

#[wasm_bindgen_test]
fn wrong_top_level_values_and_cycles_are_errors_not_crashes() {
    let advisor = Advisor::new(None).unwrap();
    for bad in [JsValue::UNDEFINED, JsValue::from_f64(3.0), JsValue::from_str("{not json"), Array::new().into()] {
        fin_advice_error(advisor.advise(bad).unwrap_err());
    }
    // A cyclic object is cut off by the depth limit.
    let cyclic = object(r#"{"asOf":"2026-01-01"}"#);
    Reflect::set(&cyclic, &"person".into(), &cyclic).unwrap();
    let error = fin_advice_error(advisor.advise(cyclic).unwrap_err());
    assert_eq!(get(&error, "code").as_string().unwrap(), "too_deep");
    // A function where a number belongs.
    let profile = object(NEW_GRADUATE);
    let function = js_sys::Function::new_no_args("return 1");
    Reflect::set(&get(&profile, "person"), &"age".into(), &function).unwrap();
    fin_advice_error(advisor.advise(profile).unwrap_err());
    // The module still works after all of that.
    assert!(advisor.advise(object(NEW_GRADUATE)).is_ok());
}

#[wasm_bindgen_test]
fn bad_options_and_models_are_refused() {
    let error = fin_advice_error(Advisor::new(Some(object(r#"{"modle": 1}"#))).err().unwrap());
    assert_eq!(error_paths(&error), vec!["/modle".to_string()]);
    let error = fin_advice_error(Advisor::new(Some(object(r#"{"model": "x"}"#))).err().unwrap());
    assert_eq!(get(&error, "code").as_string().unwrap(), "options");
    let options = js_sys::Object::new();
    let garbage = js_sys::Uint8Array::from(&b"definitely not onnx"[..]);
    Reflect::set(&options, &"model".into(), &garbage).unwrap();
    let error = fin_advice_error(Advisor::new(Some(options.into())).err().unwrap());
    assert_eq!(get(&error, "code").as_string().unwrap(), "model");
    fin_advice_error(Advisor::new(Some(JsValue::from_f64(1.0))).err().unwrap());
}

#[wasm_bindgen_test]
fn validate_profile_lists_problems_without_throwing() {
    let problems = Array::from(&validate_profile(object(INVALID_MANY)).unwrap());
    assert_eq!(problems.length(), 14);
    let none = Array::from(&validate_profile(object(NEW_GRADUATE)).unwrap());
    assert_eq!(none.length(), 0);
}

#[wasm_bindgen_test]
fn fact_catalog_documents_every_fact_of_a_report() {
    let report = Advisor::new(None).unwrap().advise(object(NEW_GRADUATE)).unwrap();
    let facts: js_sys::Object = get(&report, "facts").unchecked_into();
    let keys = js_sys::Object::keys(&facts);
    let catalog = Array::from(&fact_catalog().unwrap());
    assert_eq!(keys.length(), catalog.length());
    for entry in catalog.iter() {
        let name = get(&entry, "name");
        assert!(keys.includes(&name, 0), "{name:?} is documented but not in the report");
        assert!(!get(&entry, "unit").as_string().unwrap().is_empty());
    }
}

const TRANSACTIONS_ONLY: &str = include_str!("../../../../tests/profiles/transactions-only.json");

#[wasm_bindgen_test]
fn values_json_cannot_say_exactly_are_read_as_given() {
    // Objects that JSON text says exactly are read through it (js/plain-copy.js); these are not,
    // and must come back exactly as the page gave them.
    let advisor = Advisor::new(None).unwrap();
    let profile = object(TRANSACTIONS_ONLY);
    let rows = Array::from(&get(&profile, "transactions"));
    let set =
        |row: u32, key: &str, value: JsValue| Reflect::set(&rows.get(row), &JsValue::from_str(key), &value).unwrap();
    let seventeen_digits = 0.1 + 0.2; // 0.30000000000000004
    set(0, "amount", JsValue::from_f64(seventeen_digits));
    set(1, "amount", JsValue::from_f64(-1234.5678901234567));
    set(2, "amount", JsValue::from_f64(-0.0));
    set(3, "description", JsValue::from_str("RENT \u{2028} PAYMENT \"ZELLE\" \\ é"));
    let report = advisor.advise(profile.clone()).unwrap();
    let amount = |row: u32| get(&Array::from(&get(&report, "transactions")).get(row), "amount").as_f64().unwrap();
    assert_eq!(amount(0).to_bits(), seventeen_digits.to_bits());
    assert_eq!(amount(1).to_bits(), (-1234.5678901234567f64).to_bits());
    assert_eq!(amount(2).to_bits(), 0.0f64.to_bits(), "-0 is read as 0, as it always was");
    let description = get(&Array::from(&get(&report, "transactions")).get(3), "description");
    assert_eq!(description.as_string().unwrap(), "RENT \u{2028} PAYMENT \"ZELLE\" \\ é");
    // The same profile without the inexact numbers goes through JSON text: same report as text.
    set(0, "amount", JsValue::from_f64(1480.5));
    set(1, "amount", JsValue::from_f64(-1200.0));
    set(2, "amount", JsValue::from_f64(-6.75));
    let from_object = JSON::stringify(&advisor.advise(profile.clone()).unwrap()).unwrap();
    let from_text = JSON::stringify(&advisor.advise(JSON::stringify(&profile).unwrap().into()).unwrap()).unwrap();
    assert_eq!(from_object, from_text);
    // NaN still gets the value path's error, with its pointer.
    set(4, "amount", JsValue::from_f64(f64::NAN));
    let error = fin_advice_error(advisor.advise(profile).unwrap_err());
    assert_eq!(error_paths(&error), ["/transactions/4/amount"]);
}

/// The profile's newer sections (filing statuses, socialSecurity, insurance) come in as plain
/// JavaScript objects, are validated with pointers and reach the report's facts.
#[wasm_bindgen_test]
fn new_profile_sections_reach_the_report_from_javascript() {
    let profile = r#"{"asOf": "2026-06-30", "currency": "USD",
        "person": {"age": 45, "dependents": 1, "filingStatus": "head_of_household",
                   "socialSecurity": {"monthlyAtClaiming": 2100, "claimingAge": 68}},
        "incomes": [{"name": "Pay", "grossAnnual": 70000, "netMonthly": 4400}],
        "expenses": {"essentialMonthly": 2500, "discretionaryMonthly": 400},
        "accounts": [{"name": "Savings", "kind": "savings", "balance": 12000}],
        "insurance": {"lifeCoverage": 250000, "disability": false, "healthDeductible": 1500}}"#;
    assert_eq!(Array::from(&validate_profile(object(profile)).unwrap()).length(), 0);
    let report = Advisor::new(None).unwrap().advise(object(profile)).unwrap();
    assert_eq!(get(&report, "facts.socialSecurityMonthly").as_f64(), Some(2100.0));
    assert_eq!(get(&report, "facts.socialSecurityClaimingAge").as_f64(), Some(68.0));
    assert_eq!(get(&report, "facts.healthDeductible").as_f64(), Some(1500.0));
    assert_eq!(get(&report, "facts.lifeOrDisabilityCoverMissing").as_bool(), Some(true));
    // Head of household, 70,000: taxable 45,850 in 2026, the 12% bracket.
    assert_eq!(get(&report, "facts.marginalTaxRatePercent").as_f64(), Some(12.0));
    assert_eq!(get(&report, "plans.retirement.socialSecuritySource").as_string().unwrap(), "stated");
    let bad = profile.replace(r#""disability": false"#, r#""disability": "no""#).replace("head_of_household", "widow");
    let problems = Array::from(&validate_profile(object(&bad)).unwrap());
    let paths: Vec<String> = problems.iter().map(|p| get(&p, "path").as_string().unwrap()).collect();
    assert_eq!(paths, ["/person/filingStatus", "/insurance/disability"]);
}
