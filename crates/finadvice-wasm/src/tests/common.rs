//! Helpers shared by the wasm-bindgen test files (`tests/wasm_*.rs`): reading JavaScript values
//! and checking thrown `FinAdviceError`s.
#![allow(dead_code)] // each test file uses a different subset

use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// The value at a dotted path (`"facts.monthlySurplus"`, `"transactions.1.source"`).
pub fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| Reflect::get(&v, &JsValue::from_str(key)).unwrap())
}

/// A plain JavaScript object parsed from JSON text.
pub fn object(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

/// A value built by JavaScript source (getters, NaN, BigInt, …).
pub fn js(source: &str) -> JsValue {
    Function::new_no_args(&format!("return ({source});")).call0(&JsValue::NULL).unwrap()
}

/// The thrown value, checked to be a real `Error` whose name is FinAdviceError.
pub fn fin_advice_error(thrown: JsValue) -> JsValue {
    assert!(thrown.is_instance_of::<js_sys::Error>(), "not an Error: {thrown:?}");
    assert_eq!(get(&thrown, "name").as_string().as_deref(), Some("FinAdviceError"), "{thrown:?}");
    thrown
}

/// The (code, path) of every problem of a thrown `FinAdviceError`.
pub fn problems(thrown: JsValue) -> Vec<(String, String)> {
    let error = fin_advice_error(thrown);
    Array::from(&get(&error, "errors"))
        .iter()
        .map(|e| (get(&e, "code").as_string().unwrap(), get(&e, "path").as_string().unwrap()))
        .collect()
}
