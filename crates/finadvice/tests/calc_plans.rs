//! The `plans` of an `advise` report: present, deterministic, and honest about impossible plans.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::read_test_file;
use finadvice::{Advisor, AdvisorOptions};

fn report(text: &str) -> serde_json::Value {
    let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    serde_json::to_value(advisor.advise_json(text).unwrap()).unwrap()
}

#[test]
fn advise_includes_payoff_goal_and_retirement_plans() {
    let r = report(&read_test_file("profiles/new-graduate.json"));
    let plans = &r["plans"];
    // Budget: minimums 419 + half the 481 surplus.
    assert_eq!(plans["debtPayoff"]["monthlyBudget"], 659.5);
    let avalanche = &plans["debtPayoff"]["avalanche"];
    assert_eq!(avalanche["order"], serde_json::json!(["Visa", "Federal loans"]));
    assert!(avalanche["interestSaved"].as_f64().unwrap() > 0.0);
    assert_eq!(avalanche["debtFreeDate"].as_str().unwrap().len(), 10);
    assert!(avalanche.get("schedule").is_none(), "the report carries summaries, not schedules");
    assert!(plans["debtPayoff"]["minimumsOnly"]["months"].as_u64().unwrap() > avalanche["months"].as_u64().unwrap());
    // The car goal is 18 months away: held in cash.
    let goal = &plans["goals"][0];
    assert_eq!((goal["name"].as_str(), goal["monthsToTargetDate"].as_u64()), (Some("Car"), Some(18)));
    assert_eq!(goal["allocation"]["cash"], 1.0);
    assert!(goal["monthlySavingNeeded"].as_f64().unwrap() > 400.0);
    let retirement = &plans["retirement"];
    assert_eq!(retirement["assumptions"]["paths"], finadvice::plans::ADVISE_PATHS);
    let success = retirement["successProbability"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&success));
    assert_eq!(retirement["years"].as_array().unwrap().len(), 95 - 23);
}

#[test]
fn a_debt_that_never_amortizes_is_a_problem_pointing_into_the_profile() {
    let text = read_test_file("profiles/new-graduate.json")
        .replace(
            r#""balance": 4200, "aprPercent": 24.99, "minPayment": 126"#,
            r#""balance": 0, "aprPercent": 24.99, "minPayment": 0"#,
        )
        .replace(
            r#""balance": 27000, "aprPercent": 5.5, "minPayment": 293"#,
            r#""balance": 27000, "aprPercent": 5.5, "minPayment": 50"#,
        );
    let r = report(&text);
    let payoff = &r["plans"]["debtPayoff"];
    assert!(payoff["avalanche"].is_null());
    assert_eq!(payoff["problems"][0]["path"], "/debts/1/minPayment"); // index in the profile, not the plan
    assert_eq!(payoff["problems"][0]["code"], "infeasible");
}

#[test]
fn profiles_without_debts_or_goals_have_empty_plans() {
    let r = report(&read_test_file("profiles/transactions-only.json"));
    assert!(r["plans"]["debtPayoff"].is_null());
    assert_eq!(r["plans"]["goals"], serde_json::json!([]));
    assert!(r["plans"]["retirement"]["successProbability"].is_number());
}
