//! The rule engine's JavaScript API: `new Advisor({rulePack, explain})`, `validateRulePack`,
//! `evaluateLogic`, `new RulePack(pack).evaluate(data)`. Run in Node and headless Chromium by
//! scripts/wasm-test.sh.
#![cfg(target_arch = "wasm32")]

use crate::rule_pack::RulePack;
use crate::rules::{evaluate_logic, validate_rule_pack};
use crate::Advisor;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::common::*;

const NEW_GRADUATE: &str = include_str!("../../../../tests/profiles/new-graduate.json");

/// The rule ids an evaluation returned.
fn ids(value: JsValue) -> Vec<String> {
    Array::from(&value).iter().map(|id| id.as_string().unwrap()).collect()
}

const PACK: &str = r#"{"id": "js", "version": "1", "locale": "en-US", "currency": "USD",
  "constants": {"limit": {"value": 3}},
  "rules": [{"id": "low-fund", "category": "emergency_fund",
    "when": {"<": [{"var": "facts.emergencyFundMonths"}, {"var": "constants.limit"}]},
    "title": "{{facts.emergencyFundMonths | number:1}} months", "detail": "{{facts.liquidSavings | money}}"},
   {"id": "never", "category": "x", "when": {">": [{"var": "facts.totalDebt"}, 1e9]}, "title": "t", "detail": "d"}]}"#;

fn options(pack: JsValue, explain: bool) -> JsValue {
    let o = js_sys::Object::new();
    Reflect::set(&o, &"rulePack".into(), &pack).unwrap();
    Reflect::set(&o, &"explain".into(), &JsValue::from_bool(explain)).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn advisor_uses_a_custom_pack_with_traces_and_explain() {
    let advisor = Advisor::new(Some(options(object(PACK), true))).unwrap();
    let report = advisor.advise(object(NEW_GRADUATE)).unwrap();
    let actions = Array::from(&get(&report, "actions"));
    assert_eq!(actions.length(), 1);
    let action = actions.get(0);
    assert_eq!(get(&action, "id").as_string().unwrap(), "js/low-fund");
    assert_eq!(get(&action, "title").as_string().unwrap(), "0.8 months");
    assert_eq!(get(&action, "detail").as_string().unwrap(), "$2,000");
    let step = Array::from(&get(&action, "trace")).get(0);
    assert_eq!(get(&step, "text").as_string().unwrap(), "facts.emergencyFundMonths 0.794 < constants.limit 3");
    let not_fired = Array::from(&get(&report, "notFired"));
    assert_eq!(get(&not_fired.get(0), "rule").as_string().unwrap(), "never");
    assert_eq!(get(&report, "versions.rulePack.id").as_string().unwrap(), "js");
}

#[wasm_bindgen_test]
fn a_pack_given_as_json_text_works_the_same() {
    let from_text =
        Advisor::new(Some(options(JsValue::from_str(PACK), false))).unwrap().advise(object(NEW_GRADUATE)).unwrap();
    let from_object = Advisor::new(Some(options(object(PACK), false))).unwrap().advise(object(NEW_GRADUATE)).unwrap();
    assert_eq!(JSON::stringify(&from_text).unwrap(), JSON::stringify(&from_object).unwrap());
}

#[wasm_bindgen_test]
fn a_bad_pack_throws_with_paths_under_rule_pack() {
    let bad = object(&PACK.replace("\"<\"", "\"lessish\""));
    let thrown = Advisor::new(Some(options(bad, false))).err().unwrap();
    assert!(thrown.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&thrown, "name").as_string().unwrap(), "FinAdviceError");
    let first = Array::from(&get(&thrown, "errors")).get(0);
    assert_eq!(get(&first, "path").as_string().unwrap(), "/rulePack/rules/0/when/lessish");
    assert_eq!(get(&first, "code").as_string().unwrap(), "unknown_operator");
}

#[wasm_bindgen_test]
fn validate_rule_pack_lists_every_problem() {
    assert_eq!(Array::from(&validate_rule_pack(object(PACK)).unwrap()).length(), 0);
    let bad = PACK.replace("constants.limit", "constants.limt").replace("\"never\"", "\"low-fund\"");
    let issues = Array::from(&validate_rule_pack(object(&bad)).unwrap());
    let paths: Vec<String> = issues.iter().map(|i| get(&i, "path").as_string().unwrap()).collect();
    assert!(paths.contains(&"/rules/0/when/</1/var".to_string()), "{paths:?}");
    assert!(paths.contains(&"/rules/1/id".to_string()), "{paths:?}");
    // Hostile values are problems, not crashes.
    assert!(Array::from(&validate_rule_pack(JsValue::from_f64(f64::NAN)).unwrap()).length() > 0);
    assert!(Array::from(&validate_rule_pack(JsValue::from_str("{\"rules\": [")).unwrap()).length() > 0);
}

#[wasm_bindgen_test]
fn evaluate_logic_follows_json_logic() {
    let rule = object(r#"{"if": [{"<": [{"var": "a"}, 3]}, "small", "large"]}"#);
    assert_eq!(evaluate_logic(rule.clone(), object(r#"{"a": 1}"#)).unwrap().as_string().unwrap(), "small");
    assert_eq!(evaluate_logic(rule, object(r#"{"a": 5}"#)).unwrap().as_string().unwrap(), "large");
    let sum = evaluate_logic(
        object(r#"{"reduce": [{"var": "xs"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}, 0]}"#),
        object(r#"{"xs": [1, 2, 3]}"#),
    );
    assert_eq!(sum.unwrap().as_f64(), Some(6.0));
}

#[wasm_bindgen_test]
fn evaluate_logic_refuses_bad_rules_and_data_by_path() {
    let thrown = evaluate_logic(object(r#"{"nope": [1]}"#), JsValue::NULL).unwrap_err();
    assert_eq!(get(&Array::from(&get(&thrown, "errors")).get(0), "path").as_string().unwrap(), "/rule/nope");
    let data = js_sys::Object::new();
    Reflect::set(&data, &"a".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let thrown = evaluate_logic(object(r#"{"var": "a"}"#), data.into()).unwrap_err();
    let issue = Array::from(&get(&thrown, "errors")).get(0);
    assert_eq!(get(&issue, "path").as_string().unwrap(), "/data/a");
    assert_eq!(get(&issue, "code").as_string().unwrap(), "not_finite");
}

#[wasm_bindgen_test]
fn a_compiled_pack_fires_the_rules_advise_fires() {
    let pack = RulePack::new(object(PACK)).unwrap();
    let report = Advisor::new(Some(options(object(PACK), false))).unwrap().advise(object(NEW_GRADUATE)).unwrap();
    let data = js_sys::Object::new();
    Reflect::set(&data, &"facts".into(), &get(&report, "facts")).unwrap();
    assert_eq!(ids(pack.evaluate(data.clone().into()).unwrap()), ["low-fund"]);
    // The same data as JSON text, and a pack given as JSON text, answer the same.
    let text = JSON::stringify(&data).unwrap();
    assert_eq!(ids(RulePack::new(JsValue::from_str(PACK)).unwrap().evaluate(text.into()).unwrap()), ["low-fund"]);
    // Other data, other answer: six months saved.
    assert_eq!(ids(pack.evaluate(object(r#"{"facts": {"emergencyFundMonths": 6}}"#)).unwrap()), Vec::<String>::new());
}

#[wasm_bindgen_test]
fn a_compiled_pack_honours_after_group_stop_and_ranking() {
    let pack = RulePack::new(object(r#"{"id": "order", "version": "1", "locale": "en-US", "currency": "USD", "rules": [
        {"id": "first", "priority": 10, "when": {">": [{"var": "facts.monthlySurplus"}, 0]}, "category": "x", "title": "t", "detail": "d"},
        {"id": "blocked", "priority": 50, "after": ["first"], "when": true, "category": "x", "title": "t", "detail": "d"},
        {"id": "low", "priority": 1, "group": "g", "when": true, "category": "x", "title": "t", "detail": "d"},
        {"id": "high", "priority": 5, "group": "g", "when": true, "category": "x", "title": "t", "detail": "d"},
        {"id": "stopper", "priority": -1, "stop": true, "when": true, "category": "x", "title": "t", "detail": "d"},
        {"id": "later", "priority": -2, "when": true, "category": "x", "title": "t", "detail": "d"}]}"#))
    .unwrap();
    assert_eq!(
        ids(pack.evaluate(object(r#"{"facts": {"monthlySurplus": 481}}"#)).unwrap()),
        ["first", "high", "stopper"]
    );
    assert_eq!(
        ids(pack.evaluate(object(r#"{"facts": {"monthlySurplus": -1}}"#)).unwrap()),
        ["blocked", "high", "stopper"]
    );
}

/// Reads `facts.emergencyFundMonths` (a number) and `facts.recurringCharges` (an array, read whole).
const READER: &str = r#"{"id": "reader", "version": "1", "locale": "en-US", "currency": "USD", "rules": [
    {"id": "low-fund", "when": {"<": [{"var": "facts.emergencyFundMonths"}, 3]}, "category": "x", "title": "t", "detail": "d"},
    {"id": "gym", "when": {"some": [{"var": "facts.recurringCharges"}, {"==": [{"var": "merchant"}, "GYM"]}]}, "category": "x", "title": "t", "detail": "d"}]}"#;

#[wasm_bindgen_test]
fn a_compiled_pack_refuses_bad_packs_and_bad_data_with_pointers() {
    let thrown = RulePack::new(object(&PACK.replace("\"<\"", "\"lessish\""))).err().unwrap();
    assert_eq!(problems(thrown), [("unknown_operator".to_string(), "/rules/0/when/lessish".to_string())]);
    let pack = RulePack::new(object(READER)).unwrap();
    let refused =
        |source: &str| problems(pack.evaluate(js(source)).err().unwrap_or_else(|| panic!("{source} was accepted")));
    let one = |code: &str, path: &str| vec![(code.to_string(), path.to_string())];
    for not_an_object in ["null", "undefined", "[]", "5", "new Map()", "() => 1"] {
        assert_eq!(refused(not_an_object), one("type", ""), "{not_an_object}");
    }
    assert_eq!(refused("{facts: {}, constants: {limit: 1}}"), one("unknown_field", "/constants"));
    assert_eq!(refused("{facts: {emergencyFundMonths: NaN}}"), one("not_finite", "/facts/emergencyFundMonths"));
    assert_eq!(refused("{facts: {emergencyFundMonths: -Infinity}}"), one("not_finite", "/facts/emergencyFundMonths"));
    assert_eq!(refused("{facts: {emergencyFundMonths: 2n ** 70n}}"), one("type", "/facts/emergencyFundMonths"));
    assert_eq!(refused("{facts: {emergencyFundMonths: Symbol('x')}}"), one("type", "/facts/emergencyFundMonths"));
    assert_eq!(
        refused("{facts: {recurringCharges: [{merchant: 'GYM', amount: NaN}]}}"),
        one("not_finite", "/facts/recurringCharges/0/amount")
    );
    assert_eq!(
        refused("{facts: {recurringCharges: JSON.parse('['.repeat(100) + ']'.repeat(100))}}"),
        one("too_deep", "/facts/recurringCharges")
    );
    assert_eq!(
        refused("{facts: {emergencyFundMonths: 'x'.repeat(17 * 1024 * 1024)}}"),
        one("too_large", "/facts/emergencyFundMonths")
    );
    // Page code that throws while being read is an error too, and the pack still answers afterwards.
    assert_eq!(refused("{facts: {get emergencyFundMonths() { throw new Error('getter') }}}"), one("type", ""));
    assert_eq!(refused("new Proxy({}, {getPrototypeOf() { throw new Error('trap') }})"), one("type", ""));
    assert_eq!(
        ids(pack.evaluate(js("{facts: {emergencyFundMonths: 1, recurringCharges: [{merchant: 'GYM'}]}}")).unwrap()),
        ["low-fund", "gym"]
    );
    // Only what the pack reads is read: a NaN elsewhere, a class instance or a getter-free Proxy
    // where the pack finds no plain object, are not errors (the paths are absent: null).
    assert_eq!(ids(pack.evaluate(js("{facts: {emergencyFundMonths: 1, netWorth: NaN}}")).unwrap()), ["low-fund"]);
    assert_eq!(
        ids(pack
            .evaluate(js("{facts: new (class Facts { constructor() { this.emergencyFundMonths = 9 } })()}"))
            .unwrap()),
        ["low-fund"]
    );
}
