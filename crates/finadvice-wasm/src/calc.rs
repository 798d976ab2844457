//! JavaScript bindings of the calculators: `planDebtPayoff`, `projectRetirement`, `planGoal`,
//! `riskProfile`, `riskQuestions`. Each takes a plain object (or JSON text), validates it with
//! JSON-pointer errors and throws a `FinAdviceError` on bad input.

use super::{js_error, read_input, to_js, to_js_via_json};
use finadvice::calc::requests;
use wasm_bindgen::prelude::*;

/// A debt payoff plan: `{debts: [{name, balance, aprPercent, minPayment}], monthlyBudget,
/// strategy?: "avalanche"|"snowball"|"custom", order?: [names], extraPayments?: [{month, amount}],
/// asOf?: "YYYY-MM-DD"}` → `{months, totalInterest, interestSaved, schedule, …}`.
#[wasm_bindgen(js_name = planDebtPayoff, unchecked_return_type = "PayoffPlan")]
pub fn plan_debt_payoff(
    #[wasm_bindgen(unchecked_param_type = "PayoffRequest | string")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(request).map_err(|e| js_error(&e))?;
    to_js_via_json(&requests::payoff_from_input(&input).map_err(|e| js_error(&e))?)
}

/// A retirement projection: `{currentAge, retirementAge, endAge?, balance, annualContribution?,
/// annualSpending?, allocation?: {stocks, bonds, cash}, inflationPercent?, paths?, seed?}` →
/// `{successProbability, years: [{age, expected, p10, p25, p50, p75, p90}], assumptions, …}`.
#[wasm_bindgen(js_name = projectRetirement, unchecked_return_type = "RetirementProjection")]
pub fn project_retirement(
    #[wasm_bindgen(unchecked_param_type = "RetirementRequest | string")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(request).map_err(|e| js_error(&e))?;
    to_js_via_json(&requests::retirement_from_input(&input).map_err(|e| js_error(&e))?)
}

/// A savings goal: `{target, saved?, asOf + targetDate | months, annualReturnPercent?,
/// monthlySaving?}` → `{monthsToTargetDate, monthlySavingNeeded, savedGrowsTo, monthsToReach}`.
#[wasm_bindgen(js_name = planGoal, unchecked_return_type = "GoalPlan")]
pub fn plan_goal(
    #[wasm_bindgen(unchecked_param_type = "GoalRequest | string")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let input = read_input(request).map_err(|e| js_error(&e))?;
    to_js(&requests::goal_from_input(&input).map_err(|e| js_error(&e))?)
}

/// A risk profile from the questionnaire's `answers` (`{questionId: answerId}`) and the
/// `capacity` (`{horizonYears, emergencyFundMonths?, incomeStability?}`) → tolerance, allocation
/// and glide path. Errors point under `/answers/…` or `/capacity/…`.
#[wasm_bindgen(js_name = riskProfile, unchecked_return_type = "RiskProfile")]
pub fn risk_profile(
    #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] answers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RiskCapacity")] capacity: JsValue,
) -> Result<JsValue, JsValue> {
    let answers = read_input(answers).map_err(|e| js_error(&e))?;
    let capacity = read_input(capacity).map_err(|e| js_error(&e))?;
    to_js(&requests::risk_from_input(&answers, &capacity).map_err(|e| js_error(&e))?)
}

/// The questionnaire: `[{id, text, choices: [{id, points, text}]}]`, for a page to render.
#[wasm_bindgen(js_name = riskQuestions, unchecked_return_type = "Question[]")]
pub fn risk_questions() -> Result<JsValue, JsValue> {
    to_js(&finadvice::calc::risk::QUESTIONS)
}
