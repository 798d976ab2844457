//! The compiled-pack API for rule authors: `RulePack::evaluate(data)` returns the ids of the rules
//! that fire, with `after`, `group` and `stop` honoured, ranked like a report's actions; it agrees
//! with `advise` on every persona; bad data is a structured error.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use finadvice::report::{evaluation_data, DOING_WELL};
use finadvice::rules::{Inputs, RulePack};
use finadvice::{Advisor, AdvisorOptions, ErrorCode, Profile};
use serde_json::{json, Value};

fn pack(rules: Value) -> RulePack {
    let pack = json!({
        "id": "t", "version": "1", "locale": "en-US", "currency": "USD",
        "constants": {"limit": {"value": 3}, "label": {"value": "three"}},
        "rules": rules
    });
    RulePack::from_json(&pack.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn rule(id: &str, when: Value) -> Value {
    json!({"id": id, "when": when, "category": "test", "title": id, "detail": "{{facts.monthlySurplus | money}}"})
}

fn with(mut rule: Value, field: &str, value: Value) -> Value {
    rule[field] = value;
    rule
}

#[test]
fn after_group_stop_and_ranking_are_honoured() {
    let p = pack(json!([
        with(rule("first", json!({">": [{"var": "facts.monthlySurplus"}, 0]})), "priority", json!(10)),
        with(with(rule("blocked", json!(true)), "after", json!(["first"])), "priority", json!(50)),
        with(with(rule("low", json!(true)), "group", json!("g")), "priority", json!(1)),
        with(with(rule("high", json!(true)), "group", json!("g")), "priority", json!(5)),
        with(with(rule("stopper", json!(true)), "stop", json!(true)), "priority", json!(-1)),
        with(rule("later", json!(true)), "priority", json!(-2)),
    ]));
    assert_eq!(p.evaluate(&json!({"facts": {"monthlySurplus": 481}})).unwrap(), ["first", "high", "stopper"]);
    // Without a surplus, `first` does not match, so `blocked` (priority 50) is no longer held back.
    assert_eq!(p.evaluate(&json!({"facts": {"monthlySurplus": -5}})).unwrap(), ["blocked", "high", "stopper"]);
}

#[test]
fn equal_priorities_rank_by_yearly_impact_then_pack_order() {
    let r = |id: &str, impact: &str, unit: &str| json!({"id": id, "category": "x", "when": true, "title": id, "detail": "d", "impact": impact, "impactUnit": unit});
    let p = pack(json!([
        r("small", "facts.debtMinimumsMonthly", "money/year"),
        r("monthly", "facts.monthlySurplus", "money/month"),
        {"id": "none", "category": "x", "when": true, "title": "t", "detail": "d"},
        r("yearly", "facts.grossAnnualIncome", "money/year"),
        r("absent", "plans.debtPayoff.avalanche.interestSaved", "money")
    ]));
    let data = json!({"facts": {"debtMinimumsMonthly": 419, "monthlySurplus": 481, "grossAnnualIncome": 58000}});
    assert_eq!(p.evaluate(&data).unwrap(), ["yearly", "monthly", "small", "none", "absent"]);
}

#[test]
fn constants_values_and_missing_data_read_as_in_advise() {
    let p = pack(json!([
        {"id": "values", "category": "x", "title": "t", "detail": "d",
         "values": {"gap": {"-": [{"var": "constants.limit"}, {"var": "facts.emergencyFundMonths"}]}, "twice": {"*": [{"var": "values.gap"}, 2]}},
         "when": {"and": [{">": [{"var": "values.twice"}, 4]}, {"==": [{"var": "constants.label"}, "three"]}]}},
        rule("absent-plan-is-null", json!({"==": [{"var": "plans.debtPayoff.avalanche.months"}, null]})),
        rule("default", json!({"==": [{"var": ["model.top", "none"]}, "none"]})),
        rule("deep", json!({"==": [{"var": "facts.recurringCharges.1.merchant"}, "GYM"]}))
    ]));
    let data = json!({"facts": {"emergencyFundMonths": 0.5, "recurringCharges": [{"merchant": "FILMS"}, {"merchant": "GYM"}]}});
    assert_eq!(p.evaluate(&data).unwrap(), ["values", "absent-plan-is-null", "default", "deep"]);
    // The pack records what it reads (conditions, values and templates), each distinct path once.
    let paths: Vec<String> = p.inputs.iter().map(|i| i.pointer.clone()).collect();
    assert_eq!(
        paths,
        [
            "/facts/emergencyFundMonths",
            "/plans/debtPayoff/avalanche/months",
            "/facts/monthlySurplus",
            "/model/top",
            "/facts/recurringCharges/1/merchant"
        ]
    );
    assert!(!p.reads_whole_data);
}

#[test]
fn paths_computed_at_evaluation_time_read_the_whole_data() {
    let p = pack(json!([
        rule("computed", json!({">": [{"var": {"cat": ["facts.", "monthly", "Surplus"]}}, 0]})),
        rule("missing", json!({"!": [{"missing": ["facts.totalDebt", "facts.netWorth"]}]})),
        rule("constant-by-name", json!({"==": [{"var": {"cat": ["constants.", "limit"]}}, 3]})),
        rule("whole", json!({"==": [{"var": "facts.monthlySurplus"}, {"var": ["", "x"]}]}))
    ]));
    assert!(p.reads_whole_data);
    let data = json!({"facts": {"monthlySurplus": 481, "totalDebt": 1}});
    assert_eq!(p.evaluate(&data).unwrap(), ["computed", "constant-by-name"]);
    let data = json!({"facts": {"monthlySurplus": 481, "totalDebt": 1, "netWorth": 0}});
    assert_eq!(p.evaluate(&data).unwrap(), ["computed", "missing", "constant-by-name"]);
}

#[test]
fn evaluate_agrees_with_advise_on_every_persona() {
    let pack = RulePack::us_default().unwrap();
    let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    let mut checked = 0;
    for name in common::persona_names() {
        let text = common::read_test_file(&format!("personas/{name}.json"));
        let profile = Profile::from_json(&text).unwrap();
        let report = advisor.advise(&profile).unwrap();
        let data = evaluation_data(&report.facts, &report.plans, &profile, &pack);
        let ids = pack.evaluate(&data).unwrap();
        let category = |id: &&str| pack.rules[pack.rule_index(id).unwrap()].category.clone();
        let actions: Vec<&str> = ids.iter().filter(|id| category(id) != DOING_WELL).copied().collect();
        let doing_well: Vec<&str> = ids.iter().filter(|id| category(id) == DOING_WELL).copied().collect();
        assert_eq!(actions, report.actions.iter().map(|a| a.rule.as_str()).collect::<Vec<_>>(), "{name}");
        assert_eq!(doing_well, report.doing_well.iter().map(|a| a.rule.as_str()).collect::<Vec<_>>(), "{name}");
        // Values read one by one (the JavaScript path) give the same answer.
        let inputs = Inputs::read(&pack, &data);
        let by_slots = Inputs { slots: inputs.slots.clone(), data: None };
        assert_eq!(pack.evaluate_inputs(&by_slots).unwrap(), ids, "{name}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} personas");
}

#[test]
fn bad_data_is_a_structured_error() {
    let p = pack(json!([rule("a", json!({">": [{"var": "facts.monthlySurplus"}, 0]}))]));
    for data in [json!(null), json!([1]), json!("facts"), json!(3)] {
        let e = p.evaluate(&data).unwrap_err();
        assert_eq!((e.issues()[0].code, e.issues()[0].path.as_str()), (ErrorCode::Type, ""), "{data}");
    }
    let e = p.evaluate(&json!({"facts": {}, "constants": {"limit": 1}, "values": {}, "fact": {}})).unwrap_err();
    let found: Vec<(ErrorCode, &str)> = e.issues().iter().map(|i| (i.code, i.path.as_str())).collect();
    assert_eq!(
        found,
        [
            (ErrorCode::UnknownField, "/constants"),
            (ErrorCode::UnknownField, "/fact"),
            (ErrorCode::UnknownField, "/values")
        ]
    );
    // Data of the wrong shape inside a root is not an error: the paths are absent (null).
    assert_eq!(p.evaluate(&json!({"facts": 5})).unwrap(), Vec::<&str>::new());
    assert_eq!(p.evaluate(&json!({"facts": {"monthlySurplus": "12"}})).unwrap(), ["a"], "JavaScript comparison");
}

#[test]
fn a_runaway_rule_stops_at_the_step_limit() {
    let big: Vec<Value> = (0..1000).map(Value::from).collect();
    let when = json!({"some": [big.clone(), {"some": [big, {"==": [{"var": ""}, -1]}]}]});
    let e = pack(json!([rule("slow", when)])).evaluate(&json!({})).unwrap_err();
    assert_eq!((e.issues()[0].code, e.issues()[0].path.as_str()), (ErrorCode::TooManySteps, "/rules/0/when"));
}
