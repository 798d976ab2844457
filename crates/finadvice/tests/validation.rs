//! Profile validation: every problem is reported, with its code and JSON pointer.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::read_test_file;
use finadvice::{Advisor, AdvisorOptions, ErrorCode, Errors, Profile};

fn errors_of(text: &str) -> Errors {
    Profile::from_json(text).expect_err("the profile should be refused")
}

fn has(errors: &Errors, code: ErrorCode, path: &str) -> bool {
    errors.issues().iter().any(|i| i.code == code && i.path == path)
}

const MINIMAL: &str =
    r#"{"asOf":"2026-01-31","currency":"USD","person":{"age":30},"expenses":{"essentialMonthly":1000}}"#;

/// The minimal profile with one top-level field replaced or added.
fn with(field: &str, value: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    v[field] = serde_json::from_str(value).unwrap();
    v.to_string()
}

#[test]
fn minimal_profile_is_valid() {
    let p = Profile::from_json(MINIMAL).unwrap();
    assert_eq!(p.person.retirement_age, 67);
    assert!(p.debts.is_empty());
}

#[test]
fn every_problem_is_reported_at_once() {
    let errors = errors_of(&read_test_file("profiles/invalid-many.json"));
    let expected = [
        (ErrorCode::InvalidValue, "/asOf"),
        (ErrorCode::InvalidValue, "/currency"),
        (ErrorCode::Type, "/person/age"),
        (ErrorCode::OutOfRange, "/person/dependents"),
        (ErrorCode::InvalidValue, "/person/incomeStability"),
        (ErrorCode::Type, "/incomes/0/grossAnnual"),
        (ErrorCode::OutOfRange, "/expenses/discretionaryMonthly"),
        (ErrorCode::OutOfRange, "/accounts/0/balance"),
        (ErrorCode::InvalidValue, "/accounts/1/kind"),
        (ErrorCode::Required, "/debts/1/aprPercent"),
        (ErrorCode::UnknownField, "/debts/1/apr"),
        (ErrorCode::OutOfRange, "/goals/0/targetDate"),
        (ErrorCode::UnknownField, "/pets"),
        (ErrorCode::Duplicate, "/accounts/1/name"),
    ];
    for (code, path) in expected {
        assert!(has(&errors, code, path), "missing {code:?} at {path}; got:\n{errors:#?}");
    }
    assert_eq!(errors.issues().len(), expected.len(), "unexpected extra issues:\n{errors:#?}");
    let currency = errors.issues().iter().find(|i| i.path == "/currency").unwrap();
    assert!(currency.message.contains("\"USD\""), "the message should suggest USD: {}", currency.message);
}

#[test]
fn wrong_types_are_named() {
    let errors =
        errors_of(&with("debts", r#"[{"name": 5, "kind": "credit_card", "balance": true, "aprPercent": null}]"#));
    assert!(has(&errors, ErrorCode::Type, "/debts/0/name"));
    assert!(has(&errors, ErrorCode::Type, "/debts/0/balance"));
    assert!(has(&errors, ErrorCode::Required, "/debts/0/aprPercent"));
    assert!(errors.issues()[0].message.contains("not a number"), "{:?}", errors.issues()[0]);
    assert!(has(&errors_of(&with("debts", "{}")), ErrorCode::Type, "/debts"));
    assert!(has(&errors_of("[]"), ErrorCode::Type, ""));
}

#[test]
fn required_fields_and_expenses_rule() {
    let errors = errors_of("{}");
    for path in ["/asOf", "/currency", "/person", "/expenses"] {
        assert!(has(&errors, ErrorCode::Required, path), "{path}: {errors:#?}");
    }
    // Expenses may be left out when transactions are given.
    let mut v: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    v.as_object_mut().unwrap().remove("expenses");
    v["transactions"] = serde_json::json!([{"date": "2026-01-02", "description": "RENT", "amount": -900}]);
    Profile::from_json(&v.to_string()).unwrap();
}

#[test]
fn absurd_and_impossible_numbers_are_refused() {
    let e = errors_of(&with("incomes", r#"[{"name":"Job","grossAnnual":1e13,"netMonthly":-1}]"#));
    assert!(has(&e, ErrorCode::OutOfRange, "/incomes/0/grossAnnual"));
    assert!(has(&e, ErrorCode::OutOfRange, "/incomes/0/netMonthly"));
    let e = errors_of(&with("incomes", r#"[{"name":"Job","grossAnnual":5000,"netMonthly":4000}]"#));
    assert!(has(&e, ErrorCode::Inconsistent, "/incomes/0/netMonthly"), "{e:#?}");
    let e = errors_of(&with("debts", r#"[{"name":"Loan","kind":"other","balance":10,"aprPercent":5000}]"#));
    assert!(has(&e, ErrorCode::OutOfRange, "/debts/0/aprPercent"));
    let e = errors_of(&with("person", r#"{"age": 7}"#));
    assert!(has(&e, ErrorCode::OutOfRange, "/person/age"));
    let e = errors_of(&with(
        "accounts",
        r#"[{"name":"IRA","kind":"ira","balance":1,"employerMatch":{"matchPercent":50,"upToPercentOfSalary":6}}]"#,
    ));
    assert!(has(&e, ErrorCode::Inconsistent, "/accounts/0/employerMatch"));
}

#[test]
fn an_employer_match_names_one_of_the_incomes() {
    let profile = |incomes: &str, income: &str| {
        let mut v: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
        v["incomes"] = serde_json::from_str(incomes).unwrap();
        v["accounts"] = serde_json::json!([
            {"name": "Checking", "kind": "checking", "balance": 100},
            {"name": "401k", "kind": "401k", "balance": 1, "employerMatch": {"matchPercent": 50, "upToPercentOfSalary": 6, "income": serde_json::from_str::<serde_json::Value>(income).unwrap()}},
        ]);
        v.to_string()
    };
    let salary = r#"[{"name": "Salary", "grossAnnual": 50000, "netMonthly": 3200}]"#;
    assert!(Profile::from_json(&profile(salary, r#""SALARY""#)).is_ok());
    let e = errors_of(&profile(salary, r#""Salry""#));
    assert!(has(&e, ErrorCode::InvalidValue, "/accounts/1/employerMatch/income"), "{e:#?}");
    assert!(
        e.0[0].message.contains(r#""Salry" is not the name of one of the incomes (["Salary"])"#),
        "{}",
        e.0[0].message
    );
    let e = errors_of(&profile("[]", r#""Salary""#));
    assert!(e.0[0].message.contains("there are none"), "{}", e.0[0].message);
    assert!(has(&errors_of(&profile(salary, "7")), ErrorCode::Type, "/accounts/1/employerMatch/income"));
    assert!(has(&errors_of(&profile(salary, r#""  ""#)), ErrorCode::Required, "/accounts/1/employerMatch/income"));
    // An income that is itself invalid is reported once, not as a missing name too.
    let e = errors_of(&profile(r#"[{"name": "Salary", "grossAnnual": -5, "netMonthly": 3200}]"#, r#""Salary""#));
    assert!(e.0.iter().all(|i| i.path != "/accounts/1/employerMatch/income"), "{e:#?}");
}

#[test]
fn dates_out_of_range_or_order() {
    let e = errors_of(&with("asOf", r#""2301-01-01""#));
    assert!(has(&e, ErrorCode::OutOfRange, "/asOf"), "{e:#?}");
    let e = errors_of(&with("asOf", r#""31/01/2026""#));
    assert!(has(&e, ErrorCode::InvalidValue, "/asOf"));
    let e = errors_of(&with("goals", r#"[{"name":"Trip","target":100,"targetDate":"2025-12-31"}]"#));
    assert!(has(&e, ErrorCode::OutOfRange, "/goals/0/targetDate"));
    let e = errors_of(&with(
        "transactions",
        r#"[{"date":"2026-02-01","description":"X","amount":-1},{"date":"2010-01-01","description":"Y","amount":-1}]"#,
    ));
    assert!(has(&e, ErrorCode::OutOfRange, "/transactions/0/date"));
    assert!(has(&e, ErrorCode::OutOfRange, "/transactions/1/date"));
}

#[test]
fn a_transaction_keeps_the_banks_category_and_mcc() {
    let p = Profile::from_json(&with(
        "transactions",
        r#"[{"date":"2026-01-02","description":"WHOLEFDS","amount":-84.12,"bankCategory":"Groceries","mcc":"5411"}]"#,
    ))
    .unwrap();
    assert_eq!(p.transactions[0].bank_category.as_deref(), Some("Groceries"));
    assert_eq!(p.transactions[0].mcc.as_deref(), Some("5411"));
    let e = errors_of(&with(
        "transactions",
        r#"[{"date":"2026-01-02","description":"A","amount":-1,"mcc":"05411"},
            {"date":"2026-01-02","description":"B","amount":-1,"mcc":5411},
            {"date":"2026-01-02","description":"C","amount":-1,"bankCategory":7},
            {"date":"2026-01-02","description":"D","amount":-1,"bankCategory":""},
            {"date":"2026-01-02","description":"E","amount":-1,"mcc":"54a1"}]"#,
    ));
    assert!(has(&e, ErrorCode::InvalidValue, "/transactions/0/mcc"), "{e:#?}");
    assert!(has(&e, ErrorCode::Type, "/transactions/1/mcc"), "{e:#?}");
    assert!(has(&e, ErrorCode::Type, "/transactions/2/bankCategory"), "{e:#?}");
    assert!(e.issues().iter().any(|i| i.path == "/transactions/3/bankCategory"), "{e:#?}");
    assert!(has(&e, ErrorCode::InvalidValue, "/transactions/4/mcc"), "{e:#?}");
}

#[test]
fn duplicate_names_are_case_insensitive() {
    let e = errors_of(&with(
        "goals",
        r#"[{"name":"House","target":1,"targetDate":"2030-01-01"},{"name":"house ","target":2,"targetDate":"2030-01-01"}]"#,
    ));
    assert!(has(&e, ErrorCode::Duplicate, "/goals/1/name"), "{e:#?}");
}

#[test]
fn oversized_and_deep_input_is_refused() {
    let deep = MINIMAL.replace(r#"{"age":30}"#, &("[".repeat(200) + &"]".repeat(200)));
    assert!(has(&errors_of(&deep), ErrorCode::TooDeep, ""));
    let tx = r#"{"date":"2026-01-01","description":"X","amount":-1}"#;
    let many = with("transactions", &format!("[{}]", vec![tx; finadvice::limits::MAX_TRANSACTIONS + 1].join(",")));
    let e = errors_of(&many);
    assert!(e.issues().iter().any(|i| i.code == ErrorCode::TooLarge), "{:?}", e.issues().first());
    let long_name =
        with("goals", &format!(r#"[{{"name":"{}","target":1,"targetDate":"2030-01-01"}}]"#, "n".repeat(300)));
    assert!(has(&errors_of(&long_name), ErrorCode::TooLarge, "/goals/0/name"));
    let huge = " ".repeat(finadvice::limits::MAX_INPUT_BYTES + 1);
    assert!(has(&errors_of(&huge), ErrorCode::TooLarge, ""));
}

#[test]
fn pointer_escapes_unknown_keys() {
    let e = errors_of(&with("person", r#"{"age": 30, "a/b~c": 1}"#));
    assert!(has(&e, ErrorCode::UnknownField, "/person/a~1b~0c"), "{e:#?}");
}

#[test]
fn typed_profiles_are_validated_too() {
    let mut profile = Profile::from_json(MINIMAL).unwrap();
    profile.expenses.as_mut().unwrap().essential_monthly = f64::NAN;
    let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    let e = advisor.advise(&profile).unwrap_err();
    assert!(e.issues().iter().any(|i| i.path == "/expenses/essentialMonthly"), "{e:#?}");
}

#[test]
fn hostile_text_never_panics() {
    let samples = [
        "",
        "null",
        "\"",
        "{",
        "[1,2",
        "{\"asOf\":}",
        "\u{0}",
        "1e999999",
        "-",
        "{\"asOf\":\"\\ud800\"}",
        "{\"person\":{\"age\":1e308}}",
        "{\"transactions\":[null,1,\"x\",[],{}]}",
    ];
    for s in samples {
        let _ = Profile::from_json(s).expect_err(s);
    }
}
