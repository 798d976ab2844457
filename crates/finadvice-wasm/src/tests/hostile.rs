//! The worst inputs a page can build, fed to every JavaScript entry point: wrong types, huge and
//! sparse arrays, 50 MB strings, deep and cyclic nesting, shared sub-objects that would expand
//! exponentially, NaN and infinities, lone surrogates, BigInt, Symbol, functions, truncated and
//! malicious ONNX files, rule packs with cycles and exponential expressions, absurd Monte Carlo
//! path counts. Each call must return or throw a `FinAdviceError` (never trap), and the module
//! must answer a normal call afterwards (a panic in wasm is `unreachable` and kills the module).
#![cfg(target_arch = "wasm32")]

use crate::calc::{plan_debt_payoff, plan_goal, project_retirement, risk_profile};
use crate::rule_pack::RulePack;
use crate::rules::{evaluate_logic, validate_rule_pack};
use crate::{validate_profile, Advisor};
use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use super::common::*;

const NEW_GRADUATE: &str = include_str!("../../../../tests/profiles/new-graduate.json");
const THREE_DEBTS: &str = include_str!("../../../../tests/payoffs/three-debts.json");
const DEFAULT_MODEL: &[u8] = include_bytes!("../../../../models/categorizer.onnx");
const HOSTILE_MODELS: &[(&str, &[u8])] = &[
    ("huge-initializer", include_bytes!("../../../../tests/models/hostile/huge-initializer.onnx")),
    ("huge-constant-of-shape", include_bytes!("../../../../tests/models/hostile/huge-constant-of-shape.onnx")),
    ("cycle", include_bytes!("../../../../tests/models/hostile/cycle.onnx")),
    ("unknown-operator", include_bytes!("../../../../tests/models/hostile/unknown-operator.onnx")),
    ("negative-dimension", include_bytes!("../../../../tests/models/hostile/negative-dimension.onnx")),
    ("absurd-axis", include_bytes!("../../../../tests/models/hostile/absurd-axis.onnx")),
    ("dangling-input", include_bytes!("../../../../tests/models/hostile/dangling-input.onnx")),
    ("unsqueeze-axis-beyond-rank", include_bytes!("../../../../tests/models/hostile/unsqueeze-axis-beyond-rank.onnx")),
    ("reduce-axis-beyond-rank", include_bytes!("../../../../tests/models/hostile/reduce-axis-beyond-rank.onnx")),
    ("squeeze-axis-beyond-rank", include_bytes!("../../../../tests/models/hostile/squeeze-axis-beyond-rank.onnx")),
    ("fuzz: output not produced 1", include_bytes!("../../../../tests/models/fuzz/output-not-produced-1.onnx")),
    ("fuzz: output not produced 2", include_bytes!("../../../../tests/models/fuzz/output-not-produced-2.onnx")),
    ("fuzz: output not produced 3", include_bytes!("../../../../tests/models/fuzz/output-not-produced-3.onnx")),
];

/// `Err` must be a `FinAdviceError` whose every entry has a string code, path and message.
fn check_thrown(label: &str, thrown: JsValue) -> Vec<String> {
    let thrown = fin_advice_error(thrown);
    Array::from(&get(&thrown, "errors"))
        .iter()
        .map(|e| {
            assert!(get(&e, "path").as_string().is_some() && get(&e, "message").as_string().is_some(), "{label}");
            get(&e, "code").as_string().unwrap()
        })
        .collect()
}

fn refused(label: &str, result: Result<JsValue, JsValue>) -> Vec<String> {
    match result {
        Ok(v) => panic!("{label}: accepted: {:?}", JSON::stringify(&v)),
        Err(e) => check_thrown(label, e),
    }
}

/// Either a value or a `FinAdviceError`.
fn answered(label: &str, result: Result<JsValue, JsValue>) {
    if let Err(e) = result {
        check_thrown(label, e);
    }
}

/// Values of every kind a page could pass by mistake or on purpose.
fn worst_values() -> Vec<(String, JsValue)> {
    let mut values: Vec<(String, JsValue)> = [
        "undefined",
        "null",
        "true",
        "0",
        "-0",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e308 * 10",
        "2n ** 70n",
        "-(2n ** 70n)",
        "Symbol('x')",
        "() => 1",
        "new Date(NaN)",
        "new Map([[1, 2]])",
        "new Set([1])",
        "new Uint8Array(4)",
        "new ArrayBuffer(8)",
        "/x/",
        "Promise.resolve(1)",
        "new Error('x')",
        "Object.create(null)",
        "'\\uD800'",
        "'\\uDFFF\\uD800'",
        "'{\"a\": \"\\uD800\"}'",
        "'[' .repeat(200000)",
        "'{' + '\"a\":'.repeat(100000)",
        "new Array(2 ** 32 - 1)",
        "Array.from({length: 200000}, () => 0)",
        "JSON.parse('['.repeat(40) + ']'.repeat(40))",
        "{__proto__: {asOf: '2026-01-01'}}",
        "{constructor: 1, toString: 2, hasOwnProperty: 3}",
        "Object.fromEntries(Array.from({length: 5000}, (_, i) => ['k' + i, i]))",
        "'x'.repeat(50 * 1024 * 1024)",
        "['x'.repeat(50 * 1024 * 1024)]",
        "{description: 'x'.repeat(50 * 1024 * 1024), amount: 1}",
        // Shared sub-arrays: 40 levels of [a, a] would be 2^40 values as a tree.
        "(() => { let a = ['leaf']; for (let i = 0; i < 40; i++) a = [a, a]; return a; })()",
        "(() => { let s = 'x'.repeat(1000000); let a = []; for (let i = 0; i < 99999; i++) a.push(s); return a; })()",
        "(() => { const o = {}; o.self = o; o.list = [o, o]; return o; })()",
        "(() => { let a = []; for (let i = 0; i < 100000; i++) a = [a]; return a; })()",
        // Page code that throws while being read: getters, Proxy traps, a revoked Proxy.
        "{get asOf() { throw new Error('getter') }, person: {get age() { throw 1 }}}",
        "new Proxy({}, {ownKeys() { throw new Error('trap') }})",
        "new Proxy([1, 2], {get() { throw new Error('trap') }})",
        "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()",
        "[{description: 'x', get amount() { throw new Error('row') }}]",
        "{model: new Proxy(new Uint8Array(4), {})}",
    ]
    .iter()
    .map(|s| (s.chars().take(60).collect(), js(s)))
    .collect();
    values.push(("lone surrogate text".into(), JsValue::from_str("\u{FFFD}")));
    values
}

/// A quick sign of life after each hostile value: a trap would have killed the instance, and a
/// JS exception through wasm frames would have left the advisor borrowed.
fn assert_module_answers(advisor: &Advisor) {
    assert_eq!(Array::from(&validate_profile(object(NEW_GRADUATE)).unwrap()).length(), 0);
    let rows = object(r#"[{"description": "SAFEWAY #1234", "amount": -93.25}]"#);
    assert_eq!(Array::from(&advisor.categorize(rows).expect("categorize after hostile input")).length(), 1);
}

/// After hostile calls the module must still give a normal answer.
fn assert_module_still_works(advisor: &Advisor) {
    let report = advisor.advise(object(NEW_GRADUATE)).expect("advise after hostile input");
    assert_eq!(get(&get(&report, "facts"), "monthlySurplus").as_f64(), Some(481.0));
    assert!(plan_debt_payoff(object(THREE_DEBTS)).is_ok());
}

/// Feeds one slice of [`worst_values`] to every entry point. The values are split over several
/// tests so that none blocks a browser's main thread long enough for the WebDriver poll to time
/// out (a single test took over 18 s in debug Chromium on a loaded machine).
fn survive(part: usize, parts: usize) {
    let mut advisor = Advisor::new(None).unwrap();
    // One compiled pack that reads a fact (a number) and a list (read whole), one that computes a
    // path at evaluation time (reads all of the data).
    let rule = |when: &str| format!(r#"{{"id": "r", "when": {when}, "category": "x", "title": "t", "detail": "d"}}"#);
    let pack = |when: &str| {
        object(&format!(
            r#"{{"id": "p", "version": "1", "locale": "en-US", "currency": "USD", "rules": [{}]}}"#,
            rule(when)
        ))
    };
    let packs = [
        RulePack::new(pack(r#"{"and": [{"<": [{"var": "facts.emergencyFundMonths"}, 3]}, {"some": [{"var": "facts.recurringCharges"}, {"var": "amount"}]}]}"#)).unwrap(),
        RulePack::new(pack(r#"{"<": [{"var": {"cat": ["facts.", "emergencyFundMonths"]}}, 3]}"#)).unwrap(),
    ];
    let values = worst_values();
    let size = values.len().div_ceil(parts);
    for (label, value) in values.into_iter().skip(part * size).take(size) {
        answered(&format!("advise({label})"), advisor.advise(value.clone()));
        answered(&format!("validateProfile({label})"), validate_profile(value.clone()));
        answered(&format!("categorize({label})"), advisor.categorize(value.clone()));
        answered(&format!("learn({label})"), advisor.learn(value.clone()).map(JsValue::from));
        answered(&format!("validateRulePack({label})"), validate_rule_pack(value.clone()));
        answered(&format!("evaluateLogic({label}, {{}})"), evaluate_logic(value.clone(), object("{}")));
        answered(&format!("evaluateLogic(var, {label})"), evaluate_logic(object(r#"{"var": ""}"#), value.clone()));
        answered(&format!("planDebtPayoff({label})"), plan_debt_payoff(value.clone()));
        answered(&format!("projectRetirement({label})"), project_retirement(value.clone()));
        answered(&format!("planGoal({label})"), plan_goal(value.clone()));
        answered(&format!("riskProfile({label})"), risk_profile(value.clone(), value.clone()));
        for key in ["model", "memory", "rulePack", "explain"] {
            let options = Object::new();
            Reflect::set(&options, &key.into(), &value).unwrap();
            answered(
                &format!("new Advisor({{{key}: {label}}})"),
                Advisor::new(Some(options.into())).map(JsValue::from),
            );
        }
        answered(&format!("new Advisor({label})"), Advisor::new(Some(value.clone())).map(JsValue::from));
        answered(&format!("new RulePack({label})"), RulePack::new(value.clone()).map(JsValue::from));
        for (k, pack) in packs.iter().enumerate() {
            answered(&format!("pack {k}: evaluate({label})"), pack.evaluate(value.clone()));
            for path in [&["facts"][..], &["facts", "emergencyFundMonths"], &["facts", "recurringCharges"]] {
                let data = path.iter().rev().fold(value.clone(), |inner, key| {
                    let outer = Object::new();
                    Reflect::set(&outer, &(*key).into(), &inner).unwrap();
                    outer.into()
                });
                answered(&format!("pack {k}: evaluate({label} at {path:?})"), pack.evaluate(data));
            }
        }
        assert_module_answers(&advisor);
        for pack in &packs {
            let ok =
                pack.evaluate(object(r#"{"facts": {"emergencyFundMonths": 1, "recurringCharges": [{"amount": 5}]}}"#));
            assert_eq!(Array::from(&ok.expect("evaluate after hostile input")).length(), 1);
        }
    }
    assert_module_still_works(&advisor);
}

#[wasm_bindgen_test]
fn every_entry_point_survives_the_worst_values_1() {
    survive(0, 4);
}

#[wasm_bindgen_test]
fn every_entry_point_survives_the_worst_values_2() {
    survive(1, 4);
}

#[wasm_bindgen_test]
fn every_entry_point_survives_the_worst_values_3() {
    survive(2, 4);
}

#[wasm_bindgen_test]
fn every_entry_point_survives_the_worst_values_4() {
    survive(3, 4);
}

#[wasm_bindgen_test]
fn shared_sub_objects_and_giant_strings_are_refused_as_too_large() {
    // 16 levels of [a, a, a, a]: within the depth limit, 4^16 values as a tree.
    let doubling = js("(() => { let a = ['leaf']; for (let i = 0; i < 16; i++) a = [a, a, a, a]; return a; })()");
    assert_eq!(refused("doubling", evaluate_logic(object("{}"), doubling)), vec!["too_large"]);
    let advisor = Advisor::new(None).unwrap();
    let giant = js("'x'.repeat(50 * 1024 * 1024)");
    assert_eq!(refused("50 MB", plan_goal(giant)), vec!["too_large"]);
    // One 1 MB string shared by 99,999 rows: refused before any of it is copied (this hung).
    let shared = js("(() => { const s = 'x'.repeat(1000000); return Array.from({length: 99999}, () => ({description: s, amount: 1})); })()");
    assert_eq!(refused("shared 1 MB descriptions", advisor.categorize(shared)), vec!["too_large"]);
    let nested = js("({asOf: '2026-01-01', person: {name: 'x'.repeat(50 * 1024 * 1024)}})");
    assert_eq!(refused("nested 50 MB", advisor.advise(nested)), vec!["too_large"]);
    assert_module_still_works(&advisor);
}

#[wasm_bindgen_test]
fn truncated_corrupted_and_malicious_models_are_refused() {
    let advisor = Advisor::new(None).unwrap();
    let mut models: Vec<(String, Vec<u8>)> =
        HOSTILE_MODELS.iter().map(|(name, bytes)| (name.to_string(), bytes.to_vec())).collect();
    for cut in [0, 1, 100, DEFAULT_MODEL.len() / 2, DEFAULT_MODEL.len() - 1] {
        models.push((format!("first {cut} bytes"), DEFAULT_MODEL[..cut].to_vec()));
    }
    models.push(("garbage".into(), (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 24) as u8).collect()));
    for (name, bytes) in models {
        let options = Object::new();
        Reflect::set(&options, &"model".into(), &Uint8Array::from(&bytes[..])).unwrap();
        let codes = refused(&name, Advisor::new(Some(options.into())).map(JsValue::from));
        assert_eq!(codes, vec!["model"], "{name}");
        assert_module_still_works(&advisor);
    }
    // A model larger than the limit is refused before it is copied into wasm memory.
    let options = Object::new();
    Reflect::set(&options, &"model".into(), &Uint8Array::new_with_length(33 * 1024 * 1024)).unwrap();
    assert_eq!(refused("33 MB model", Advisor::new(Some(options.into())).map(JsValue::from)), vec!["model"]);
    assert_module_still_works(&advisor);
}

#[wasm_bindgen_test]
fn rule_packs_with_cycles_and_exponential_logic_are_refused() {
    let advisor = Advisor::new(None).unwrap();
    let pack = |rules: &str| {
        object(&format!(
            r#"{{"id": "hostile", "version": "1", "locale": "en-US", "currency": "USD", "rules": {rules}}}"#
        ))
    };
    let rule = |id: &str, after: &str, when: &str| {
        format!(r#"{{"id": "{id}", "after": [{after}], "when": {when}, "priority": 1, "title": "t", "message": "m"}}"#)
    };
    let cycle = pack(&format!("[{}, {}]", rule("a", r#""b""#, "true"), rule("b", r#""a""#, "true")));
    let codes = Array::from(&validate_rule_pack(cycle.clone()).unwrap())
        .iter()
        .map(|e| get(&e, "code").as_string().unwrap())
        .collect::<Vec<_>>();
    assert!(codes.contains(&"cycle".to_string()), "{codes:?}");
    let options = Object::new();
    Reflect::set(&options, &"rulePack".into(), &cycle).unwrap();
    refused("cyclic pack", Advisor::new(Some(options.into())).map(JsValue::from));

    // Doubling a string, an array and a nesting on each of 100 reduce steps.
    let data = format!(r#"{{"xs": [{}]}}"#, (0..100).map(|i| i.to_string()).collect::<Vec<_>>().join(","));
    for (step, code) in [
        (r#"{"cat": [{"var": "accumulator"}, {"var": "accumulator"}]}"#, "too_many_steps"),
        (r#"{"merge": [{"var": "accumulator"}, {"var": "accumulator"}]}"#, "too_many_steps"),
        (r#"[{"var": "accumulator"}, {"var": "accumulator"}]"#, "too_many_steps"),
        (r#"[{"var": "accumulator"}]"#, "too_deep"),
    ] {
        let logic = object(&format!(r#"{{"reduce": [{{"var": "xs"}}, {step}, "ab"]}}"#));
        assert_eq!(refused(step, evaluate_logic(logic, object(&data))), vec![code], "{step}");
    }
    // The same exponential rule inside a pack given to the advisor.
    let exponential = r#"{"reduce": [[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63], {"cat": [{"var": "accumulator"}, {"var": "accumulator"}]}, "ab"]}"#;
    let options = Object::new();
    Reflect::set(&options, &"rulePack".into(), &pack(&format!("[{}]", rule("x", "", exponential)))).unwrap();
    match Advisor::new(Some(options.into())) {
        Ok(custom) => {
            let codes = refused("exponential pack", custom.advise(object(NEW_GRADUATE)));
            assert!(codes.contains(&"too_many_steps".to_string()), "{codes:?}");
        }
        Err(e) => {
            check_thrown("exponential pack", e);
        }
    }
    assert_module_still_works(&advisor);
}

#[wasm_bindgen_test]
fn absurd_calculator_requests_are_refused_quickly() {
    let retirement = |paths: &str| {
        object(&format!(r#"{{"currentAge": 30, "retirementAge": 65, "balance": 1000, "paths": {paths}}}"#))
    };
    for paths in ["1e12", "-1", "1.5", "100001", "\"many\""] {
        refused(paths, project_retirement(retirement(paths)));
    }
    let request = retirement("1e3");
    Reflect::set(&request, &"paths".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    assert_eq!(refused("NaN paths", project_retirement(request)), vec!["not_finite"]);
    let debts = js("({debts: Array.from({length: 100000}, (_, i) => ({name: 'd' + i, balance: 1e12, aprPercent: 999, minPayment: 1})), monthlyBudget: 1})");
    refused("100,000 debts", plan_debt_payoff(debts));
    refused("goal in 10^9 months", plan_goal(object(r#"{"target": 1e12, "months": 1e9}"#)));
    let advisor = Advisor::new(None).unwrap();
    assert_module_still_works(&advisor);
}

#[wasm_bindgen_test]
fn memory_imports_and_corrections_of_every_shape_are_handled() {
    let mut advisor = Advisor::new(None).unwrap();
    for memory in [
        r#"{"version": 1, "entries": "x"}"#,
        r#"{"version": 99, "entries": []}"#,
        r#"{"version": 1, "entries": [{"merchant": "", "category": "dining"}]}"#,
        r#"{"version": 1, "entries": [{"merchant": "a", "category": "no-such-category"}]}"#,
        r#"{"version": 1e400, "entries": [[[[]]]]}"#,
    ] {
        let options = Object::new();
        Reflect::set(&options, &"memory".into(), &JsValue::from_str(memory)).unwrap();
        answered(memory, Advisor::new(Some(options.into())).map(JsValue::from));
    }
    for correction in [
        r#"{"description": "", "category": "dining"}"#,
        r#"{"description": "\ud800\udc00\ud800", "category": "dining"}"#,
        r#"{"description": "SQ *CAFE", "category": "uncategorized"}"#,
        r#"{"description": 5, "category": ["dining"]}"#,
    ] {
        answered(correction, advisor.learn(JsValue::from_str(correction)).map(JsValue::from));
    }
    let rows = js("Array.from({length: 100001}, () => ({description: 'x', amount: 1}))");
    assert_eq!(refused("100,001 rows", advisor.categorize(rows)), vec!["too_large"]);
    let rows: JsValue = js(
        "[{description: '\\uD800 CAFE', amount: NaN}, {description: 'x'.repeat(20000), amount: 1}, {amount: Infinity}]",
    );
    answered("odd rows", advisor.categorize(rows));
    assert_module_still_works(&advisor);
}
