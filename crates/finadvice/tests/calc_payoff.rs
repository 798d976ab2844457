//! Debt payoff plans: published amortization figures, strategies, rollover, snowflakes, errors.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{assert_close, read_test_file};
use finadvice::calc::payoff::{plan_payoff, schedule_adds_up, ExtraPayment, PayoffDebt, PayoffRequest, Strategy};
use finadvice::calc::requests::payoff_from_input;
use finadvice::input::Input;
use finadvice::ErrorCode;

fn debt(name: &str, balance: f64, apr: f64, min: f64) -> PayoffDebt {
    PayoffDebt { name: name.into(), balance, apr_percent: apr, min_payment: min }
}

fn request(debts: Vec<PayoffDebt>, budget: f64, strategy: Strategy) -> PayoffRequest {
    PayoffRequest { debts, monthly_budget: budget, strategy, extra_payments: vec![], as_of: None }
}

/// numpy-financial `ipmt` documentation: a 1-year $2,500 loan at 8.24% compounded monthly has a
/// payment of 217.75 (npf.pmt = -217.7486) and this interest table; total interest 112.98.
#[test]
fn one_loan_matches_the_numpy_financial_amortization_table() {
    let plan = plan_payoff(&request(vec![debt("Loan", 2500.0, 8.24, 217.75)], 217.75, Strategy::Avalanche)).unwrap();
    let published = [17.17, 15.79, 14.40, 13.01, 11.60, 10.18, 8.76, 7.32, 5.88, 4.42, 2.96, 1.49];
    assert_eq!(plan.months, 12);
    for (month, expected) in plan.schedule.iter().zip(published) {
        assert_close(month.debts[0].interest, expected, 0.011, &format!("interest in month {}", month.month));
    }
    assert_close(plan.total_interest, 112.98, 0.02, "total interest");
}

/// numpy-financial `pmt` documentation: $200,000 over 15 years at 7.5% costs 1854.02 a month, so
/// 180 payments and 180 × 1854.0247 − 200,000 = 133,724.45 of interest.
#[test]
fn a_mortgage_matches_the_numpy_financial_payment() {
    let plan =
        plan_payoff(&request(vec![debt("Home", 200_000.0, 7.5, 1854.03)], 1854.03, Strategy::Avalanche)).unwrap();
    assert_eq!(plan.months, 180);
    assert_close(plan.total_interest, 133_724.45, 1.0, "total interest");
    assert_eq!(plan.interest_saved, Some(0.0)); // the budget is the minimum
}

/// Microsoft Excel IPMT reference: $8,000 at 10% a year, first month's interest 66.67.
#[test]
fn first_month_interest_matches_the_spreadsheet_example() {
    let plan = plan_payoff(&request(vec![debt("Loan", 8000.0, 10.0, 300.0)], 300.0, Strategy::Avalanche)).unwrap();
    assert_eq!(plan.schedule[0].debts[0].interest, 66.67);
    assert_eq!(plan.schedule[0].debts[0].balance, 8000.0 + 66.67 - 300.0);
}

fn three() -> Vec<PayoffDebt> {
    vec![debt("Visa", 4200.0, 24.99, 126.0), debt("Store", 650.0, 29.99, 35.0), debt("Car", 9800.0, 6.9, 290.0)]
}

#[test]
fn avalanche_costs_no_more_interest_than_snowball_and_orders_correctly() {
    let mut debts = three();
    debts.push(debt("Tiny", 300.0, 12.0, 25.0));
    let a = plan_payoff(&request(debts.clone(), 800.0, Strategy::Avalanche)).unwrap();
    let s = plan_payoff(&request(debts.clone(), 800.0, Strategy::Snowball)).unwrap();
    assert_eq!(a.order, ["Store", "Visa", "Tiny", "Car"]);
    assert_eq!(s.order, ["Tiny", "Store", "Visa", "Car"]);
    assert!(a.total_interest <= s.total_interest, "{} > {}", a.total_interest, s.total_interest);
    assert!(a.interest_saved.unwrap() > 0.0);
    assert_eq!(a.minimums_only, s.minimums_only);
    for plan in [&a, &s] {
        assert!(schedule_adds_up(plan, &request(debts.clone(), 800.0, Strategy::Avalanche)));
        assert!(plan.schedule.iter().all(|m| m.total_payment <= 800.0 + 1e-9));
        assert_eq!(plan.debts.iter().map(|d| d.payoff_month).max(), Some(plan.months));
        assert_close(plan.total_paid, 4200.0 + 650.0 + 9800.0 + 300.0 + plan.total_interest, 1e-6, "total paid");
    }
    let custom = plan_payoff(&request(debts, 800.0, Strategy::Custom(vec!["Car".into()]))).unwrap();
    assert_eq!(custom.order, ["Car", "Visa", "Store", "Tiny"]);
}

#[test]
fn freed_minimums_roll_over_to_the_next_debt() {
    let plan = plan_payoff(&request(three(), 700.0, Strategy::Avalanche)).unwrap();
    let store_done = plan.debts[1].payoff_month as usize;
    // While debts remain, the whole budget is used every month except the last.
    for m in &plan.schedule[..plan.schedule.len() - 1] {
        assert_close(m.total_payment, 700.0, 1e-9, &format!("month {}", m.month));
    }
    // After the store card is paid, the Visa gets everything beyond the car's minimum.
    let after = &plan.schedule[store_done]; // month store_done + 1
    assert_close(after.debts[0].payment, 700.0 - 290.0, 1e-9, "Visa payment after rollover");
}

#[test]
fn snowflakes_shorten_the_plan_and_save_interest() {
    let base = request(three(), 700.0, Strategy::Avalanche);
    let mut with_extra = base.clone();
    with_extra.extra_payments =
        vec![ExtraPayment { month: 2, amount: 2000.0 }, ExtraPayment { month: 2, amount: 500.0 }];
    let (a, b) = (plan_payoff(&base).unwrap(), plan_payoff(&with_extra).unwrap());
    assert!(b.months < a.months && b.total_interest < a.total_interest);
    assert_close(b.schedule[1].total_payment, 3200.0, 1e-9, "month 2 payment");
    assert!(schedule_adds_up(&b, &with_extra));
}

#[test]
fn zero_apr_is_exact_division() {
    let plan = plan_payoff(&request(
        vec![debt("Family", 1000.0, 0.0, 0.01), debt("Phone", 250.0, 0.0, 50.0)],
        300.0,
        Strategy::Snowball,
    ))
    .unwrap();
    assert_eq!(plan.months, 5); // 1250 / 300 → 4 full months and a last one
    assert_eq!(plan.total_interest, 0.0);
    assert_eq!(plan.debts[1].payoff_month, 1);
}

#[test]
fn dates_follow_as_of() {
    let mut r = request(three(), 900.0, Strategy::Avalanche);
    r.as_of = finadvice::date::Date::parse("2026-01-31");
    let plan = plan_payoff(&r).unwrap();
    assert_eq!(plan.schedule[0].date.unwrap().to_string(), "2026-02-28");
    assert_eq!(plan.debt_free_date, r.as_of.unwrap().add_months(plan.months as i32));
}

#[test]
fn impossible_plans_are_clear_errors() {
    let short = plan_payoff(&request(three(), 400.0, Strategy::Avalanche)).unwrap_err();
    assert_eq!(short.0.len(), 1);
    assert_eq!((short.0[0].code, short.0[0].path.as_str()), (ErrorCode::Infeasible, "/monthlyBudget"));
    assert!(
        short.0[0].message.contains("51.00 short") && short.0[0].message.contains("451.00"),
        "{}",
        short.0[0].message
    );

    let growing =
        plan_payoff(&request(vec![debt("Card", 5000.0, 24.0, 100.0)], 500.0, Strategy::Avalanche)).unwrap_err();
    assert_eq!(growing.0[0].path, "/debts/0/minPayment");
    assert!(
        growing.0[0].message.contains("never amortizes") && growing.0[0].message.contains("100.01"),
        "{}",
        growing.0[0].message
    );

    // 1,000,000 at 1.2% with 1,000.01 a month would take ~960 years.
    let slow =
        plan_payoff(&request(vec![debt("Slow", 1_000_000.0, 1.2, 1000.01)], 1000.01, Strategy::Avalanche)).unwrap_err();
    assert!(slow.0[0].message.contains("1200 months"), "{}", slow.0[0].message);

    let unknown =
        plan_payoff(&request(three(), 900.0, Strategy::Custom(vec!["Amex".into(), "Car".into(), "Car".into()])))
            .unwrap_err();
    let paths: Vec<&str> = unknown.0.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/order/0", "/order/2"]);
}

#[test]
fn json_requests_are_validated_with_pointers() {
    let plan = payoff_from_input(&Input::from_json(&read_test_file("payoffs/three-debts.json")).unwrap()).unwrap();
    assert_eq!(plan.strategy, "avalanche");
    assert_eq!(plan.schedule[2].total_payment, 1900.0);
    let bad = r#"{"debts": [{"name": "A", "balance": -1, "aprPercent": "20", "minPayment": 10, "apr": 3},
                           {"name": "A", "balance": 1e13, "aprPercent": 2000, "minPayment": 10}],
                 "monthlyBudget": 100, "strategy": "fastest", "order": ["A"],
                 "extraPayments": [{"month": 0, "amount": 5}, {"month": 1.5, "amount": -5}], "asOf": "2026-02-30", "x": 1}"#;
    let errors = payoff_from_input(&Input::from_json(bad).unwrap()).unwrap_err();
    let got: Vec<(&str, &str)> = errors.0.iter().map(|i| (i.path.as_str(), i.code.as_str())).collect();
    for expected in [
        ("/debts/0/balance", "out_of_range"),
        ("/debts/0/aprPercent", "type"),
        ("/debts/0/apr", "unknown_field"),
        ("/debts/1/name", "duplicate"),
        ("/debts/1/balance", "out_of_range"),
        ("/debts/1/aprPercent", "out_of_range"),
        ("/strategy", "invalid_value"),
        ("/extraPayments/0/month", "out_of_range"),
        ("/extraPayments/1/month", "type"),
        ("/extraPayments/1/amount", "out_of_range"),
        ("/asOf", "invalid_value"),
        ("/x", "unknown_field"),
    ] {
        assert!(got.contains(&expected), "{expected:?} missing from {got:?}");
    }
    for (text, path) in [
        ("[]", ""),
        (r#"{"monthlyBudget": 1}"#, "/debts"),
        (r#"{"debts": [], "monthlyBudget": 1}"#, "/debts"),
        (
            r#"{"debts": [{"name":"A","balance":1,"aprPercent":1,"minPayment":1}], "monthlyBudget": 5, "strategy": "custom"}"#,
            "/order",
        ),
        (
            r#"{"debts": [{"name":"A","balance":1,"aprPercent":1,"minPayment":1}], "monthlyBudget": 5, "order": ["A"]}"#,
            "/order",
        ),
    ] {
        let errors = payoff_from_input(&Input::from_json(text).unwrap()).unwrap_err();
        assert_eq!(errors.0[0].path, path, "{text}");
    }
    let many = format!(
        r#"{{"debts": [{}], "monthlyBudget": 1}}"#,
        vec![r#"{"name":"A","balance":1,"aprPercent":1,"minPayment":1}"#; 201].join(",")
    );
    assert_eq!(payoff_from_input(&Input::from_json(&many).unwrap()).unwrap_err().0[0].code, ErrorCode::TooLarge);
}

#[test]
fn the_same_request_gives_byte_identical_output() {
    let input = Input::from_json(&read_test_file("payoffs/three-debts.json")).unwrap();
    let a = serde_json::to_string(&payoff_from_input(&input).unwrap()).unwrap();
    let b = serde_json::to_string(&payoff_from_input(&input).unwrap()).unwrap();
    assert_eq!(a, b);
}

/// Extreme but valid values in every combination: a plan or a structured error, never a panic.
#[test]
fn hostile_requests_never_panic() {
    let amounts = ["0", "0.01", "1e12", "999999999999.99", "1e-9"];
    let aprs = ["0", "0.0001", "999.99", "1000"];
    for balance in amounts {
        for apr in aprs {
            for min in amounts {
                for budget in amounts {
                    let text = format!(
                        r#"{{"debts": [{{"name": "A", "balance": {balance}, "aprPercent": {apr}, "minPayment": {min}}},
                                       {{"name": "B", "balance": 1e12, "aprPercent": 1000, "minPayment": 1e12}}],
                            "monthlyBudget": {budget}, "extraPayments": [{{"month": 1200, "amount": 1e12}}], "asOf": "2199-12-31"}}"#
                    );
                    match payoff_from_input(&Input::from_json(&text).unwrap()) {
                        Ok(plan) => assert!(plan.months <= 1200),
                        Err(errors) => assert!(!errors.0.is_empty()),
                    }
                }
            }
        }
    }
}
