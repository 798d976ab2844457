//! Rule packs: validation with JSON pointers, hostile packs, evaluation semantics (after, group,
//! stop, ranking), traces, explain, missing data and the default pack.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::packs::{fired, pack, rule};
use finadvice::input::Input;
use finadvice::rules::RulePack;
use finadvice::{Advisor, AdvisorOptions, ErrorCode, Errors};
use serde_json::{json, Value};

fn profile() -> String {
    common::read_test_file("profiles/new-graduate.json")
}

fn errors(pack: &Value) -> Errors {
    RulePack::from_json(&pack.to_string()).expect_err("the pack should be refused")
}

fn has(errors: &Errors, code: ErrorCode, path: &str) -> bool {
    errors.issues().iter().any(|i| i.code == code && i.path == path)
}

fn advise(pack: &Value, explain: bool) -> Value {
    let rule_pack = RulePack::from_json(&pack.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let advisor = Advisor::new(AdvisorOptions { rule_pack: Some(rule_pack), explain, ..Default::default() }).unwrap();
    serde_json::to_value(advisor.advise_json(&profile()).unwrap()).unwrap()
}

#[test]
fn default_pack_is_valid_and_reports_its_identity() {
    let pack = RulePack::us_default().unwrap();
    assert_eq!((pack.id.as_str(), pack.currency.as_str()), ("us-default", "USD"));
    assert!(pack.rules.len() >= 5);
    assert!(pack.hash.starts_with("sha256:") && pack.hash.len() == 7 + 64, "{}", pack.hash);
    assert!(
        pack.constants.iter().all(|c| c.year.is_some() && c.source.is_some()),
        "every constant cites a year and a source"
    );
}

#[test]
fn every_problem_is_reported_with_its_pointer() {
    let bad = pack(json!([
        {"id": "a", "when": {"and": [{"frobnicate": [1]}]}, "category": "x", "title": "t", "detail": "d"},
        {"id": "b", "when": {"<": [{"var": "facts.emergencyFundMonth"}, {"var": "constants.nope"}]}, "category": "x", "title": "{{facts.monthlySurplus | dollars}}", "detail": "{{facts.x", "after": ["zzz"], "sources": ["s9"], "colour": 1},
        {"id": "b", "when": true, "category": "x", "title": "t", "detail": "{{plan.x}}", "impact": "facts.nothing"},
        {"id": "c", "when": {"var": "whatever.x"}, "title": "t", "detail": "d", "category": "x", "stop": "yes"}
    ]));
    let e = errors(&bad);
    assert!(has(&e, ErrorCode::UnknownOperator, "/rules/0/when/and/0/frobnicate"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/1/when/</0/var"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/1/when/</1/var"), "{e:#?}");
    assert!(has(&e, ErrorCode::Template, "/rules/1/title"), "{e:#?}");
    assert!(has(&e, ErrorCode::Template, "/rules/1/detail"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/1/after/0"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/1/sources/0"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownField, "/rules/1/colour"), "{e:#?}");
    assert!(has(&e, ErrorCode::Duplicate, "/rules/2/id"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/2/detail"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/2/impact"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/3/when/var"), "{e:#?}");
    assert!(has(&e, ErrorCode::Type, "/rules/3/stop"), "{e:#?}");
    let message = &e.issues().iter().find(|i| i.path == "/rules/1/when/</0/var").unwrap().message;
    assert!(message.contains("emergencyFundMonth"), "{message}");
}

#[test]
fn pack_fields_are_checked() {
    let mut p = pack(json!([]));
    p["currency"] = json!("dollars");
    p["constants"]["bad"] = json!({"value": [1], "source": "nowhere"});
    p.as_object_mut().unwrap().remove("version");
    let e = errors(&p);
    assert!(has(&e, ErrorCode::InvalidValue, "/currency"), "{e:#?}");
    assert!(has(&e, ErrorCode::Type, "/constants/bad/value"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/constants/bad/source"), "{e:#?}");
    assert!(has(&e, ErrorCode::Required, "/version"), "{e:#?}");
}

#[test]
fn cycles_in_after_are_found() {
    let mut a = rule("a", json!(true));
    a["after"] = json!(["c"]);
    let mut b = rule("b", json!(true));
    b["after"] = json!(["a"]);
    let mut c = rule("c", json!(true));
    c["after"] = json!(["b"]);
    let mut selfish = rule("d", json!(true));
    selfish["after"] = json!(["d"]);
    let e = errors(&pack(json!([a, b, c, selfish])));
    for path in ["/rules/0/after/0", "/rules/1/after/0", "/rules/2/after/0"] {
        assert!(has(&e, ErrorCode::Cycle, path), "{path}: {e:#?}");
    }
    assert!(has(&e, ErrorCode::Cycle, "/rules/3/after/0"), "{e:#?}");
}

#[test]
fn hostile_packs_are_refused_with_clear_errors() {
    // Too many rules.
    let many: Vec<Value> =
        (0..finadvice::rules::pack::MAX_RULES + 1).map(|i| rule(&format!("r{i}"), json!(true))).collect();
    assert!(has(&errors(&pack(json!(many))), ErrorCode::TooLarge, "/rules"));
    // Too deep.
    let mut deep = json!(true);
    for _ in 0..40 {
        deep = json!({"!": [deep]});
    }
    let e = errors(&pack(json!([rule("deep", deep)])));
    assert!(e.issues().iter().any(|i| i.code == ErrorCode::TooDeep), "{e:#?}");
    // Too big.
    let huge = format!("{{\"id\": \"{}\"}}", "x".repeat(finadvice::rules::pack::MAX_PACK_BYTES));
    assert_eq!(RulePack::from_json(&huge).unwrap_err().issues()[0].code, ErrorCode::TooLarge);
    // NaN (only JavaScript can send it) in a condition.
    let nan = Input::Object(vec![
        ("id".into(), Input::String("p".into())),
        ("rules".into(), Input::Array(vec![Input::Object(vec![("when".into(), Input::Number(f64::NAN))])])),
    ]);
    assert!(has(&RulePack::from_input(&nan).unwrap_err(), ErrorCode::NotFinite, "/rules/0/when"));
    // Malformed and wrong-typed packs.
    assert_eq!(RulePack::from_json("{\"rules\": [").unwrap_err().issues()[0].code, ErrorCode::Parse);
    assert!(has(&RulePack::from_json("[]").unwrap_err(), ErrorCode::Type, ""));
    assert!(has(&RulePack::from_json("{\"rules\": 5}").unwrap_err(), ErrorCode::Type, "/rules"));
}

#[test]
fn evaluation_steps_are_bounded() {
    let big: Vec<Value> = (0..1000).map(Value::from).collect();
    let when = json!({"some": [big.clone(), {"some": [big, {"==": [{"var": ""}, -1]}]}]});
    let rule_pack = RulePack::from_json(&pack(json!([rule("slow", when)])).to_string()).unwrap();
    let advisor = Advisor::new(AdvisorOptions { rule_pack: Some(rule_pack), ..Default::default() }).unwrap();
    let e = advisor.advise_json(&profile()).unwrap_err();
    assert!(has(&e, ErrorCode::TooManySteps, "/rules/0/when"), "{e:#?}");
}

#[test]
fn after_blocks_group_keeps_the_best_and_stop_ends_evaluation() {
    let mut first = rule("first", json!({">": [{"var": "facts.monthlySurplus"}, 0]}));
    first["priority"] = json!(10);
    let mut blocked = rule("blocked", json!(true));
    blocked["after"] = json!(["first"]);
    blocked["priority"] = json!(50);
    let mut low = rule("low", json!(true));
    low["group"] = json!("g");
    low["priority"] = json!(1);
    let mut high = rule("high", json!(true));
    high["group"] = json!("g");
    high["priority"] = json!(5);
    let mut stopper = rule("stopper", json!(true));
    stopper["priority"] = json!(-1);
    stopper["stop"] = json!(true);
    let mut later = rule("later", json!(true));
    later["priority"] = json!(-2);
    let report = advise(&pack(json!([first, blocked, low, high, stopper, later])), true);
    assert_eq!(fired(&report), ["first", "high", "stopper"]);
    let reasons: Vec<(String, String, String)> = report["notFired"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["rule"].as_str().unwrap().into(),
                n["reason"].as_str().unwrap().into(),
                n["by"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert!(reasons.contains(&("blocked".into(), "blocked".into(), "first".into())), "{reasons:?}");
    assert!(reasons.contains(&("low".into(), "group".into(), "high".into())), "{reasons:?}");
    assert!(reasons.contains(&("later".into(), "not_reached".into(), "stopper".into())), "{reasons:?}");
}

/// A blocked rule whose condition holds is listed in `later` with what it waits for (also a rule
/// that waits itself); of one group only the rule that would fire, and none where one of its
/// group fired; a blocked rule whose condition fails is not listed.
#[test]
fn blocked_rules_that_apply_are_listed_as_later_with_what_they_wait_for() {
    let mut first = rule("first", json!(true));
    first["priority"] = json!(10);
    let mut second = rule("second", json!(true));
    second["after"] = json!(["first"]);
    second["priority"] = json!(8);
    let mut third = rule("third", json!(true));
    third["after"] = json!(["first", "second", "unmatched"]);
    third["priority"] = json!(9);
    let unmatched = rule("unmatched", json!(false));
    let mut failing = rule("failing", json!(false));
    failing["after"] = json!(["first"]);
    let mut low = rule("low", json!(true));
    low["after"] = json!(["first"]);
    low["group"] = json!("g");
    low["priority"] = json!(1);
    let mut high = rule("high", json!(true));
    high["after"] = json!(["first"]);
    high["group"] = json!("g");
    high["priority"] = json!(5);
    let mut fired_member = rule("fired-member", json!(true));
    fired_member["group"] = json!("h");
    let mut shadowed = rule("shadowed", json!(true));
    shadowed["after"] = json!(["first"]);
    shadowed["group"] = json!("h");
    shadowed["priority"] = json!(7);
    let rules = json!([first, second, third, unmatched, failing, low, high, fired_member, shadowed]);
    let report = advise(&pack(rules), false);
    assert_eq!(fired(&report), ["first", "fired-member"]);
    let later: Vec<(String, Vec<String>)> = report["later"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let waits = a["waitsFor"].as_array().unwrap().iter().map(|w| w.as_str().unwrap().to_string()).collect();
            (a["rule"].as_str().unwrap().to_string(), waits)
        })
        .collect();
    assert_eq!(
        later,
        [
            ("third".to_string(), vec!["test/first".to_string(), "test/second".to_string()]),
            ("second".to_string(), vec!["test/first".to_string()]),
            ("high".to_string(), vec!["test/first".to_string()]),
        ]
    );
    // Actions to take now carry no waitsFor.
    assert!(report["actions"].as_array().unwrap().iter().all(|a| a.get("waitsFor").is_none()));
}

#[test]
fn fired_rules_carry_traces_and_others_their_first_failing_condition() {
    let when = json!({"and": [
        {">": [{"var": "facts.monthlySurplus"}, 0]},
        {"<": [{"var": "facts.emergencyFundMonths"}, {"var": "constants.limit"}]}
    ]});
    let failing = json!({"and": [
        {">": [{"var": "facts.monthlySurplus"}, 0]},
        {">": [{"var": "facts.totalDebt"}, 1000000]},
        {"<": [{"var": "facts.netWorth"}, 0]}
    ]});
    let report = advise(&pack(json!([rule("fires", when), rule("fails", failing)])), true);
    let trace: Vec<&str> =
        report["actions"][0]["trace"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    // new-graduate.json: surplus 481, emergency fund 2000 / (2100 + 419) = 0.794 months.
    assert_eq!(trace, ["facts.monthlySurplus 481 > 0", "facts.emergencyFundMonths 0.794 < constants.limit 3"]);
    assert_eq!(report["notFired"][0]["failed"]["text"], "facts.totalDebt 31200 > 1000000");
    // Without explain there is no notFired list.
    assert!(advise(&pack(json!([rule("x", json!(false))])), false).get("notFired").is_none());
}

#[test]
fn missing_plans_and_model_outputs_are_handled_gracefully() {
    let mut r = rule("plan", json!({"or": [{"var": "plans.debtPayoff.noSuchPlan.interestSaved"}, true]}));
    r["detail"] = json!("saves {{plans.debtPayoff.noSuchPlan.interestSaved | money}}, category {{model.top.category}}");
    r["impact"] = json!("plans.debtPayoff.noSuchPlan.interestSaved");
    let missing = rule("needs-plan", json!({">": [{"var": "plans.debtPayoff.noSuchPlan.interestSaved"}, 0]}));
    let report = advise(&pack(json!([r, missing])), false);
    assert_eq!(fired(&report), ["plan"]);
    assert_eq!(report["actions"][0]["detail"], "saves n/a, category n/a");
    assert_eq!(
        report["actions"][0]["impact"],
        json!({"path": "plans.debtPayoff.noSuchPlan.interestSaved", "value": null, "unit": null, "kind": null, "text": null})
    );
}

/// The calculators' plans are in the data rules read (src/plans.rs, docs/PLANS.md).
#[test]
fn rules_read_the_calculators_plans() {
    let mut r = rule("avalanche", json!({">": [{"var": "plans.debtPayoff.avalanche.interestSaved"}, 1000]}));
    r["impact"] = json!("plans.debtPayoff.avalanche.interestSaved");
    let report = advise(&pack(json!([r])), false);
    assert_eq!(fired(&report), ["avalanche"]);
    let saved = &report["actions"][0]["impact"]["value"];
    assert_eq!(saved, &report["plans"]["debtPayoff"]["avalanche"]["interestSaved"]);
    assert!(saved.as_f64().unwrap() > 1000.0);
}

#[test]
fn same_input_gives_byte_identical_reports() {
    let advisor = Advisor::new(AdvisorOptions { explain: true, ..Default::default() }).unwrap();
    let a = serde_json::to_string(&advisor.advise_json(&profile()).unwrap()).unwrap();
    let b = serde_json::to_string(
        &Advisor::new(AdvisorOptions { explain: true, ..Default::default() }).unwrap().advise_json(&profile()).unwrap(),
    )
    .unwrap();
    assert_eq!(a, b);
    let again = RulePack::us_default().unwrap();
    assert_eq!(again.hash, advisor.rule_pack().hash);
}

#[test]
fn the_hash_depends_on_content_not_formatting() {
    let compact = r#"{"id":"h","version":"1","locale":"en-US","currency":"USD","rules":[{"id":"a","when":true,"category":"c","title":"t","detail":"d"}]}"#;
    let reordered = r#"{ "rules": [ {"detail": "d", "title": "t", "category": "c", "when": true, "id": "a"} ],
        "currency": "USD", "locale": "en-US", "version": "1", "id": "h" }"#;
    let changed = compact.replace("\"t\"", "\"T\"");
    let hash = |text: &str| RulePack::from_json(text).unwrap().hash;
    assert_eq!(hash(compact), hash(reordered));
    assert_ne!(hash(compact), hash(&changed));
}

#[test]
fn schema_lists_exactly_the_engine_operators_and_facts() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::repo_root().join("rules/rule-pack.schema.json")).unwrap(),
    )
    .unwrap();
    let ops: Vec<&str> = schema["$defs"]["logic"]["anyOf"][2]["propertyNames"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let engine: Vec<&str> = finadvice::rules::logic::OPERATORS.iter().map(|(n, _)| *n).collect();
    assert_eq!(ops, engine);
    let facts: Vec<&str> = schema["$defs"]["factPath"]["examples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().trim_start_matches("facts."))
        .collect();
    let catalog: Vec<&str> = finadvice::facts::catalog::FACTS.iter().map(|f| f.name).collect();
    assert_eq!(facts, catalog);
    assert_eq!(
        schema["$defs"]["rule"]["properties"].as_object().unwrap().len(),
        15,
        "rule fields: keep pack.rs RULE_FIELDS and the schema in step"
    );
    let kinds: Vec<&str> = schema["$defs"]["rule"]["properties"]["impactKind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(kinds, finadvice::rules::pack::IMPACT_KINDS);
}

/// Rules of the default pack that fire for a small profile built from its parts.
fn default_pack_fires(net: f64, essential: f64, savings: f64, debts: &str) -> (Vec<String>, Value) {
    let text = format!(
        r#"{{"asOf": "2026-11-15", "currency": "USD", "person": {{"age": 40}},
            "incomes": [{{"name": "Pay", "grossAnnual": {}, "netMonthly": {net}}}],
            "expenses": {{"essentialMonthly": {essential}, "discretionaryMonthly": 0}},
            "accounts": [{{"name": "Savings", "kind": "savings", "balance": {savings}}}],
            "debts": {debts}}}"#,
        net * 12.0 * 1.3
    );
    let report =
        Advisor::new(AdvisorOptions { explain: true, ..Default::default() }).unwrap().advise_json(&text).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    (fired(&json), json)
}

#[test]
fn default_pack_follows_the_order_of_operations() {
    // Spending above income: close the gap; every other step waits.
    let (rules, report) = default_pack_fires(2000.0, 2500.0, 0.0, "[]");
    assert_eq!(rules, ["negative-surplus"]);
    assert_eq!(
        report["actions"][0]["title"],
        "Close a gap of $500 a month: cover essentials and minimum payments first"
    );
    assert_eq!(
        report["actions"][0]["impact"],
        json!({"path": "values.shortfallAnnual", "value": 6000.0, "unit": "money/year", "kind": "shortfall", "text": "$6,000 a year"})
    );
    // No debt, 2 months saved: grow the full fund (3 months); the IRA and retirement saving run
    // beside it (the monthly plan shares the money), taxable investing waits for it.
    let (rules, report) = default_pack_fires(4000.0, 2500.0, 5000.0, "[]");
    assert_eq!(rules, ["full-emergency-fund", "roth-ira", "retirement-saving-rate"]);
    assert!(
        report["actions"][0]["detail"].as_str().unwrap().contains("cover 2.0 months"),
        "{}",
        report["actions"][0]["detail"]
    );
    assert_eq!(report["actions"][0]["impact"]["value"], 2500.0, "3 months of $2,500 minus $5,000 saved");
    // Same, with a 22% card: the debt comes first and blocks the full fund.
    let card = r#"[{"name": "Card", "kind": "credit_card", "balance": 3000, "aprPercent": 22, "minPayment": 90}]"#;
    let (rules, report) = default_pack_fires(4000.0, 2500.0, 5000.0, card);
    assert_eq!(rules, ["high-interest-debt"]);
    assert!(report["notFired"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["rule"] == "full-emergency-fund" && n["reason"] == "blocked"));
    // The card and only $500 saved: a starter fund of one month of essentials first.
    let (rules, report) = default_pack_fires(4000.0, 2500.0, 500.0, card);
    assert_eq!(rules, ["starter-emergency-fund", "high-interest-debt"]);
    assert_eq!(report["actions"][0]["title"], "Set aside $2,000 for a starter emergency fund of $2,500");
    // Seven months saved: the fund is done (doingWell), the IRA and the retirement rate come next,
    // and what they leave is invested.
    let (rules, report) = default_pack_fires(4000.0, 2500.0, 17500.0, "[]");
    assert_eq!(rules, ["roth-ira", "retirement-saving-rate", "taxable-investing"]);
    let done: Vec<&str> = report["doingWell"].as_array().unwrap().iter().map(|a| a["rule"].as_str().unwrap()).collect();
    assert_eq!(done, ["doing-well-emergency-fund", "doing-well-debt-free", "doing-well-savings-rate"]);
}

#[test]
fn rule_values_feed_conditions_templates_and_impact() {
    let p = pack(json!([{
        "id": "v", "category": "x",
        "values": {"double": {"*": [{"var": "facts.monthlySurplus"}, 2]}, "more": {"+": [{"var": "values.double"}, 0.004]}},
        "when": {">": [{"var": "values.double"}, 0]},
        "title": "{{values.double | money}}", "detail": "d", "impact": "values.more", "impactUnit": "money/year",
        "impactKind": "to-invest"
    }]));
    let report = advise(&p, false);
    assert_eq!(report["actions"][0]["title"], "$962");
    assert_eq!(
        report["actions"][0]["impact"],
        json!({"path": "values.more", "value": 962.0, "unit": "money/year", "kind": "to-invest", "text": "$962 a year"}),
        "money rounded to cents"
    );
    // A value read before it is defined, an unknown unit, a unit without an impact.
    let bad = pack(json!([
        {"id": "a", "category": "x", "values": {"one": {"var": "values.two"}, "two": 2}, "when": true, "title": "{{values.three}}", "detail": "d", "impactUnit": "money"},
        {"id": "b", "category": "x", "when": true, "title": "t", "detail": "d", "impact": "facts.monthlySurplus", "impactUnit": "dollars"},
        {"id": "c", "category": "x", "values": [], "when": true, "title": "t", "detail": "d"},
        {"id": "d", "category": "x", "when": true, "title": "t", "detail": "d", "impact": "facts.monthlySurplus", "impactKind": "savings"},
        {"id": "e", "category": "x", "when": true, "title": "t", "detail": "d", "impactKind": "free-money"}
    ]));
    let e = errors(&bad);
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/0/values/one/var"), "{e:#?}");
    assert!(has(&e, ErrorCode::UnknownReference, "/rules/0/title"), "{e:#?}");
    assert!(has(&e, ErrorCode::InvalidValue, "/rules/0/impactUnit"), "{e:#?}");
    assert!(has(&e, ErrorCode::InvalidValue, "/rules/1/impactUnit"), "{e:#?}");
    assert!(has(&e, ErrorCode::Type, "/rules/2/values"), "{e:#?}");
    // An unknown impact kind, a kind without an impact.
    assert!(has(&e, ErrorCode::InvalidValue, "/rules/3/impactKind"), "{e:#?}");
    assert!(has(&e, ErrorCode::InvalidValue, "/rules/4/impactKind"), "{e:#?}");
}

#[test]
fn equal_priorities_rank_by_yearly_impact() {
    let r = |id: &str, impact: &str, unit: &str| json!({"id": id, "category": "x", "when": true, "title": id, "detail": "d", "impact": impact, "impactUnit": unit});
    let p = pack(json!([
        r("small", "facts.debtMinimumsMonthly", "money/year"),
        r("monthly", "facts.monthlySurplus", "money/month"),
        {"id": "none", "category": "x", "when": true, "title": "t", "detail": "d"},
        r("yearly", "facts.grossAnnualIncome", "money/year")
    ]));
    // grossAnnualIncome 58,000 > surplus 481 × 12 > minimums 419 > no impact.
    assert_eq!(fired(&advise(&p, false)), ["yearly", "monthly", "small", "none"]);
}
