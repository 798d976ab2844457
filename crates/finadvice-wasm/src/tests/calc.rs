//! The calculators' JavaScript API, in Node and headless Chromium (scripts/wasm-test.sh).
#![cfg(target_arch = "wasm32")]

use crate::calc::{plan_debt_payoff, plan_goal, project_retirement, risk_profile, risk_questions};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::common::*;

const THREE_DEBTS: &str = include_str!("../../../../tests/payoffs/three-debts.json");
const GOLDEN: &str = include_str!("../../../../tests/calc/retirement-golden.json");

/// The (path, code) of every problem of a thrown `FinAdviceError`.
fn error_paths(thrown: JsValue) -> Vec<(String, String)> {
    problems(thrown).into_iter().map(|(code, path)| (path, code)).collect()
}

#[wasm_bindgen_test]
fn plan_debt_payoff_returns_the_schedule() {
    let plan = plan_debt_payoff(object(THREE_DEBTS)).unwrap();
    let months = get(&plan, "months").as_f64().unwrap();
    assert_eq!(Array::from(&get(&plan, "schedule")).length() as f64, months);
    assert!(get(&plan, "interestSaved").as_f64().unwrap() > 0.0);
    assert_eq!(get(&plan, "strategy").as_string().unwrap(), "avalanche");
    // Month 3 carries the snowflake: budget 900 + 1000.
    let month3 = Array::from(&get(&plan, "schedule")).get(2);
    assert_eq!(get(&month3, "totalPayment").as_f64(), Some(1900.0));
    // JSON text gives the same plan as an object.
    let from_text = plan_debt_payoff(JsValue::from_str(THREE_DEBTS)).unwrap();
    assert_eq!(JSON::stringify(&plan).unwrap(), JSON::stringify(&from_text).unwrap());
}

#[wasm_bindgen_test]
fn plan_debt_payoff_errors_are_fin_advice_errors() {
    let request = object(THREE_DEBTS);
    Reflect::set(&request, &"monthlyBudget".into(), &JsValue::from_f64(100.0)).unwrap();
    let paths = error_paths(plan_debt_payoff(request).unwrap_err());
    assert_eq!(paths, vec![("/monthlyBudget".to_string(), "infeasible".to_string())]);
    let request = object(THREE_DEBTS);
    let debt = Array::from(&get(&request, "debts")).get(1);
    Reflect::set(&debt, &"balance".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    Reflect::set(&request, &"strategy".into(), &JsValue::from_str("random")).unwrap();
    let paths = error_paths(plan_debt_payoff(request).unwrap_err());
    assert!(paths.contains(&("/debts/1/balance".into(), "not_finite".into())), "{paths:?}");
    assert!(paths.contains(&("/strategy".into(), "invalid_value".into())), "{paths:?}");
    for bad in [JsValue::UNDEFINED, JsValue::from_f64(1.0), JsValue::from_str("{"), Array::new().into()] {
        error_paths(plan_debt_payoff(bad).unwrap_err());
    }
}

/// The same numbers as tests/calc_api.rs asserts natively: identical Monte Carlo everywhere.
#[wasm_bindgen_test]
fn project_retirement_matches_the_native_golden_values() {
    let p = project_retirement(object(GOLDEN)).unwrap();
    assert_eq!(get(&p, "successProbability").as_f64(), Some(0.935));
    let years = Array::from(&get(&p, "years"));
    assert_eq!(years.length(), 60);
    assert_eq!(get(&years.get(29), "age").as_f64(), Some(64.0));
    assert_eq!(get(&years.get(29), "p50").as_f64(), Some(1560894.8));
    assert_eq!(get(&years.get(59), "p90").as_f64(), Some(13089467.04));
}

#[wasm_bindgen_test]
fn project_retirement_refuses_bad_requests() {
    let request = object(GOLDEN);
    Reflect::set(&request, &"paths".into(), &JsValue::from_f64(1e9)).unwrap();
    Reflect::set(&request, &"currentAge".into(), &JsValue::from_f64(f64::INFINITY)).unwrap();
    let paths = error_paths(project_retirement(request).unwrap_err());
    assert!(paths.contains(&("/paths".into(), "out_of_range".into())), "{paths:?}");
    assert!(paths.contains(&("/currentAge".into(), "not_finite".into())), "{paths:?}");
}

#[wasm_bindgen_test]
fn plan_goal_and_its_errors() {
    // Microsoft Excel PMT reference: $50,000 in 18 years at 6% needs $129.08 a month.
    let plan = plan_goal(object(r#"{"target": 50000, "months": 216, "annualReturnPercent": 6}"#)).unwrap();
    assert_eq!(get(&plan, "monthlySavingNeeded").as_f64(), Some(129.08));
    assert!(get(&plan, "monthsToReach").is_null());
    let paths = error_paths(plan_goal(object(r#"{"target": -1, "months": 2}"#)).unwrap_err());
    assert_eq!(paths, vec![("/target".to_string(), "out_of_range".to_string())]);
}

#[wasm_bindgen_test]
fn risk_profile_scores_answers_and_points_errors_by_argument() {
    let questions = Array::from(&risk_questions().unwrap());
    assert_eq!(questions.length(), 10);
    // Answer every question with its first choice: the most cautious answers.
    let answers = js_sys::Object::new();
    for q in questions.iter() {
        let first = Array::from(&get(&q, "choices")).get(0);
        Reflect::set(&answers, &get(&q, "id"), &get(&first, "id")).unwrap();
    }
    let p = risk_profile(answers.clone().into(), object(r#"{"horizonYears": 25}"#)).unwrap();
    assert_eq!(get(&p, "tolerance").as_string().unwrap(), "conservative");
    assert_eq!(get(&p, "allocation.stocks").as_f64(), Some(0.2));
    assert!(Array::from(&get(&p, "glidePath")).length() > 3);
    let paths = error_paths(risk_profile(object("{}"), object(r#"{"horizonYears": "long"}"#)).unwrap_err());
    assert_eq!(paths.len(), 11, "{paths:?}"); // ten missing answers and one bad capacity field
    assert!(paths.contains(&("/capacity/horizonYears".into(), "type".into())));
    let _ = answers.unchecked_ref::<js_sys::Object>();
}
