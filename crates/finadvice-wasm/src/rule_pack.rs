//! `new RulePack(pack)` and `rulePack.evaluate(data)`: a pack validated and compiled once, then
//! evaluated over data many times — the like-for-like counterpart of json-logic-js's `apply`.
//! Only the data paths the pack reads cross from the page's object (`js/read-paths.js`); the
//! evaluation is the core's [`finadvice::rules::RulePack::evaluate_inputs`].

use super::{check_string_length, js_error, read_input, thrown_issue, to_js, to_js_via_json};
use finadvice::error::{Errors, Issue};
use finadvice::input::Input;
use finadvice::rules::dry_run::{check_input_root, not_an_object};
use finadvice::rules::pack::to_json;
use finadvice::rules::Inputs;
use finadvice::validation::Problems;
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/read-paths.js")]
extern "C" {
    #[wasm_bindgen(js_name = readPaths, catch)]
    fn read_paths(data: &JsValue, paths: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// A rule pack validated and compiled once, evaluated over data many times.
#[wasm_bindgen]
pub struct RulePack {
    inner: finadvice::rules::RulePack,
    /// The pack's data paths as a JS array of segment arrays, for `readPaths`.
    paths: JsValue,
}

#[wasm_bindgen]
impl RulePack {
    /// Validates and compiles a pack (a plain object or JSON text). Throws a `FinAdviceError`
    /// listing every problem, with JSON pointers into the pack.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "object | string")] pack: JsValue) -> Result<RulePack, JsValue> {
        let inner = read_input(pack)
            .and_then(|input| finadvice::rules::RulePack::from_input(&input))
            .map_err(|e| js_error(&e))?;
        let paths = to_js(&inner.inputs.iter().map(|p| &p.parts).collect::<Vec<_>>())?;
        Ok(RulePack { inner, paths })
    }

    /// The ids of the rules that fire over `data` (`{facts?, profile?, plans?, model?}`, a plain
    /// object or JSON text), ranked like a report's actions. Throws a `FinAdviceError` for data
    /// that is not an object, another root (`/constants`), a value the pack reads that JSON
    /// cannot hold (NaN at `/facts/x`, too deep, too large) or too many evaluation steps.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RuleData | string")] data: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ids = self.fire(&data).map_err(|e| js_error(&e))?;
        to_js_via_json(&ids)
    }
}

impl RulePack {
    fn fire(&self, data: &JsValue) -> Result<Vec<&str>, Errors> {
        if data.is_string() || self.inner.reads_whole_data {
            // JSON text, or a pack that computes paths at evaluation time: all of the data.
            let value = json(read_input(data.clone())?, "")?;
            return self.inner.evaluate(&value);
        }
        let read = read_paths(data, &self.paths).map_err(|thrown| Errors::one(thrown_issue(&thrown)))?;
        let keys = read.get(0);
        if keys.is_null() {
            return Err(not_an_object(&type_name(data)).into());
        }
        let mut issues: Vec<Issue> = Vec::new();
        for key in js_sys::Array::from(&keys).iter() {
            if let Err(issue) = check_input_root(&key.as_string().unwrap_or_default()) {
                issues.push(issue);
                if issues.len() >= 10 {
                    break;
                }
            }
        }
        let mut values = Vec::with_capacity(self.inner.inputs.len());
        for (i, path) in self.inner.inputs.iter().enumerate() {
            match read_value(&read.get(i as u32 + 1), &path.pointer) {
                Ok(value) => values.push(value),
                Err(errors) => issues.extend(errors.0),
            }
        }
        if !issues.is_empty() {
            return Err(Errors(issues));
        }
        self.inner.evaluate_inputs(&Inputs { slots: values.iter().map(Option::as_ref).collect(), data: None })
    }
}

/// One value read from the page at `pointer`: a number, boolean or string directly; an object
/// or array like any input (within the input limits); `undefined` as absent.
fn read_value(value: &JsValue, pointer: &str) -> Result<Option<Value>, Errors> {
    if let Some(n) = value.as_f64() {
        return json(Input::Number(n), pointer).map(Some);
    }
    if value.is_undefined() {
        return Ok(None);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Some(Value::Bool(b)));
    }
    if value.is_string() {
        check_string_length(value, pointer)?;
        return Ok(Some(Value::String(value.as_string().unwrap_or_default())));
    }
    let input = read_input(value.clone()).map_err(|e| super::rules::prefixed(e, pointer))?;
    json(input, pointer).map(Some)
}

/// An input value as JSON; NaN and infinities are errors at their pointer under `pointer`.
fn json(input: Input, pointer: &str) -> Result<Value, Errors> {
    let mut problems = Problems::default();
    to_json(&input, pointer, &mut problems).ok_or(Errors(problems.issues))
}

/// The JSON type name of a value that is not a plain object, for the error message.
fn type_name(value: &JsValue) -> String {
    if value.is_null() || value.is_undefined() {
        "null".to_string()
    } else if js_sys::Array::is_array(value) {
        "an array".to_string()
    } else {
        format!("a value of type {}", value.js_typeof().as_string().unwrap_or_default())
    }
}
