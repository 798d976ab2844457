//! JavaScript bindings for rule authors: `validateRulePack(pack)` and `evaluateLogic(rule, data)`.

use super::{js_error, read_input, to_js};
use finadvice::error::{pointer_join, Errors};
use finadvice::rules::logic::{evaluate, Expr};
use finadvice::rules::pack::to_json;
use finadvice::rules::RulePack;
use finadvice::validation::Problems;
use wasm_bindgen::prelude::*;

/// Validates a rule pack (a plain object or JSON text) without evaluating it: returns every
/// problem as `{code, path, message}` (`[]` when the pack is valid).
#[wasm_bindgen(js_name = validateRulePack, unchecked_return_type = "Issue[]")]
pub fn validate_rule_pack(
    #[wasm_bindgen(unchecked_param_type = "object | string")] pack: JsValue,
) -> Result<JsValue, JsValue> {
    let issues = match read_input(pack).and_then(|input| RulePack::from_input(&input).map(|_| ())) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.0,
    };
    to_js(&issues)
}

/// Evaluates one JSON Logic rule over `data` (both plain values or JSON text), with the same
/// operators and limits as rule packs. Throws a `FinAdviceError` for an unknown operator (path
/// under `/rule`), a NaN or infinite number (path under `/rule` or `/data`) or too many steps.
#[wasm_bindgen(js_name = evaluateLogic, unchecked_return_type = "unknown")]
pub fn evaluate_logic(
    #[wasm_bindgen(unchecked_param_type = "unknown")] rule: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] data: JsValue,
) -> Result<JsValue, JsValue> {
    let run = || -> Result<serde_json::Value, Errors> {
        let rule = read_input(rule).map_err(|e| prefixed(e, "/rule"))?;
        let data = read_input(data).map_err(|e| prefixed(e, "/data"))?;
        let mut problems = Problems::default();
        let rule = to_json(&rule, "/rule", &mut problems);
        let data = to_json(&data, "/data", &mut problems);
        let (Some(rule), Some(data)) = (rule, data) else { return Err(Errors(problems.issues)) };
        let expr = Expr::compile(&rule, "/rule")?;
        evaluate(&expr, &data).map_err(|e| e.to_issue("/rule").into())
    };
    let value = run().map_err(|e| js_error(&e))?;
    to_js(&value)
}

/// Puts every issue's path under `prefix` (`/rulePack/rules/0/when`).
pub(crate) fn prefixed(errors: Errors, prefix: &str) -> Errors {
    Errors(
        errors
            .0
            .into_iter()
            .map(|mut issue| {
                issue.path = format!("{prefix}{}", issue.path);
                issue
            })
            .collect(),
    )
}

/// Reads the `rulePack` option: a plain object or JSON text.
pub(crate) fn read_rule_pack(value: JsValue) -> Result<RulePack, Errors> {
    let input = read_input(value).map_err(|e| prefixed(e, "/rulePack"))?;
    RulePack::from_input(&input).map_err(|e| prefixed(e, &pointer_join("", "rulePack")))
}
