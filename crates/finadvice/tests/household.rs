//! The household facts through `advise`: the tax bracket in the HSA wording, MAGI, Social Security
//! in the retirement projection, the insurance section (validation, the protection step, the
//! health deductible in the emergency fund) and the new filing statuses.
#![cfg(not(target_arch = "wasm32"))]

use finadvice::{Advisor, AdvisorOptions, ErrorCode, Profile};
use serde_json::{json, Value};

/// A one-earner profile as of 2026-06-30; `person` and `rest` add fields.
fn profile(gross: f64, person: Value, rest: Value) -> Value {
    let mut p = json!({
        "asOf": "2026-06-30", "currency": "USD",
        "person": {"age": 40},
        "incomes": [{"name": "Pay", "grossAnnual": gross, "netMonthly": (gross * 0.72 / 12.0).round()}],
        "expenses": {"essentialMonthly": 2500, "discretionaryMonthly": 500},
        "accounts": [{"name": "Savings", "kind": "savings", "balance": 30000}]
    });
    for (k, v) in person.as_object().unwrap() {
        p["person"][k] = v.clone();
    }
    for (k, v) in rest.as_object().unwrap() {
        p[k] = v.clone();
    }
    p
}

fn advise(profile: &Value) -> Value {
    let report = Advisor::new(AdvisorOptions { explain: true, ..Default::default() })
        .unwrap()
        .advise_json(&profile.to_string())
        .unwrap();
    serde_json::to_value(&report).unwrap()
}

fn action<'a>(report: &'a Value, rule: &str) -> Option<&'a Value> {
    report["actions"].as_array().unwrap().iter().find(|a| a["rule"] == rule)
}

#[test]
fn hsa_tax_saving_uses_the_households_bracket() {
    // Single, 60,000 gross, 100/month to the HSA: MAGI 58,800, taxable 42,700 → 12% (2026).
    let hsa = json!({"accounts": [{"name": "Savings", "kind": "savings", "balance": 30000},
                                  {"name": "HSA", "kind": "hsa", "balance": 1000, "contributionMonthly": 100}]});
    let report = advise(&profile(60_000.0, json!({"hsaCoverage": "self"}), hsa.clone()));
    assert_eq!(report["facts"]["magiAnnual"], 58_800.0);
    assert_eq!(report["facts"]["marginalTaxRatePercent"], 12.0);
    let a = action(&report, "hsa").expect("hsa fires");
    let detail = a["detail"].as_str().unwrap();
    // 2026 self-only limit 4,400 − 1,200 = 3,200; 12% of it is 384.
    assert!(detail.contains("At your estimated 12% federal bracket"), "{detail}");
    assert!(detail.contains("saves about $384 of federal income tax"), "{detail}");
    // The same income married filing jointly is also 12%; at 150,000 single it is 24%.
    let report = advise(&profile(150_000.0, json!({"hsaCoverage": "self"}), hsa));
    assert_eq!(report["facts"]["marginalTaxRatePercent"], 24.0);
    assert!(action(&report, "hsa").unwrap()["detail"].as_str().unwrap().contains("saves about $768"));
}

#[test]
fn new_filing_statuses_are_accepted_and_change_the_bracket() {
    for (status, rate) in
        [("single", 22.0), ("married_joint", 12.0), ("married_separate", 22.0), ("head_of_household", 12.0)]
    {
        let report = advise(&profile(70_000.0, json!({"filingStatus": status}), json!({})));
        assert_eq!(report["facts"]["marginalTaxRatePercent"], rate, "{status}");
    }
    let bad = profile(70_000.0, json!({"filingStatus": "widowed"}), json!({}));
    let errors = Profile::from_json(&bad.to_string()).unwrap_err();
    assert!(
        errors.0.iter().any(|i| i.path == "/person/filingStatus" && i.code == ErrorCode::InvalidValue),
        "{errors:?}"
    );
}

#[test]
fn social_security_enters_the_retirement_projection() {
    let savings = json!({"accounts": [{"name": "Savings", "kind": "savings", "balance": 30000},
                                      {"name": "401k", "kind": "401k", "balance": 100000}]});
    let estimated = advise(&profile(60_000.0, json!({"age": 55}), savings.clone()));
    let monthly = estimated["facts"]["socialSecurityMonthly"].as_f64().unwrap();
    assert!(monthly > 1_500.0 && monthly < 2_500.0, "{monthly}");
    let plan = &estimated["plans"]["retirement"];
    assert_eq!(plan["socialSecurityMonthly"].as_f64().unwrap(), monthly);
    assert_eq!(plan["socialSecurityAge"], 67);
    assert_eq!(plan["socialSecuritySource"], "estimated");
    assert_eq!(plan["assumptions"]["incomeAnnual"].as_f64().unwrap(), (monthly * 12.0 * 100.0).round() / 100.0);
    assert!(plan["includes"].as_str().unwrap().contains("Social Security of $"), "{}", plan["includes"]);
    // The person's own, smaller estimate lowers the chance the savings last.
    let stated = advise(&profile(
        60_000.0,
        json!({"age": 55, "socialSecurity": {"monthlyAtClaiming": 800, "claimingAge": 62}}),
        json!({}),
    ));
    assert_eq!(stated["facts"]["socialSecurityMonthly"], 800.0);
    assert_eq!(stated["plans"]["retirement"]["socialSecurityAge"], 62);
    assert_eq!(stated["plans"]["retirement"]["socialSecuritySource"], "stated");
    let p = |r: &Value| r["plans"]["retirement"]["successProbability"].as_f64().unwrap();
    assert!(p(&stated) < p(&estimated), "{} vs {}", p(&stated), p(&estimated));
    // All the savings are in a 401(k): withdrawals are taxed at the average rate of the spending.
    assert_eq!(plan["preTaxShare"], 1.0);
    assert!(plan["assumptions"]["withdrawalTaxPercent"].as_f64().unwrap() > 0.0);
}

#[test]
fn protection_step_for_dependents_without_cover() {
    let with = |insurance: Value| {
        let rest = if insurance.is_null() { json!({}) } else { json!({"insurance": insurance}) };
        advise(&profile(60_000.0, json!({"dependents": 2}), rest))
    };
    let none = with(Value::Null);
    assert_eq!(none["facts"]["lifeOrDisabilityCoverMissing"], true);
    let a = action(&none, "protect-income").expect("fires without an insurance section");
    assert_eq!(
        a["title"],
        "Protect the income your 2 dependents rely on: the profile shows no life or disability insurance"
    );
    assert_eq!(a["category"], "protection");
    assert!(a["sources"].as_array().unwrap().iter().any(|s| s == "ssa-disability"));
    let life_only = with(json!({"lifeCoverage": 500000}));
    assert!(action(&life_only, "protect-income").unwrap()["title"]
        .as_str()
        .unwrap()
        .ends_with("no disability insurance"));
    let disability_only = with(json!({"disability": true, "lifeCoverage": 0}));
    assert!(action(&disability_only, "protect-income").unwrap()["title"]
        .as_str()
        .unwrap()
        .ends_with("no life insurance"));
    let both = with(json!({"lifeCoverage": 500000, "disability": true}));
    assert!(action(&both, "protect-income").is_none());
    assert_eq!(both["facts"]["lifeOrDisabilityCoverMissing"], false);
    // No dependents: nothing to protect.
    assert!(action(&advise(&profile(60_000.0, json!({}), json!({}))), "protect-income").is_none());
}

#[test]
fn emergency_fund_target_covers_the_health_deductible() {
    // 2 months of bills saved (5,000 of 2,500 a month), no debt: the full fund fires.
    let base = |insurance: Value| {
        let accounts = json!([{"name": "Savings", "kind": "savings", "balance": 5000}]);
        let mut rest = json!({"accounts": accounts});
        if !insurance.is_null() {
            rest["insurance"] = insurance;
        }
        advise(&profile(60_000.0, json!({}), rest))
    };
    let without = base(Value::Null);
    let with = base(json!({"healthDeductible": 3000}));
    let gap = |r: &Value| action(r, "full-emergency-fund").unwrap()["impact"]["value"].as_f64().unwrap();
    assert_eq!(gap(&with) - gap(&without), 3000.0);
    assert_eq!(with["facts"]["healthDeductible"], 3000.0);
    assert!(action(&with, "full-emergency-fund").unwrap()["detail"]
        .as_str()
        .unwrap()
        .contains("adds your health plan's yearly deductible"));
    assert!(!action(&without, "full-emergency-fund").unwrap()["detail"].as_str().unwrap().contains("deductible"));
}

#[test]
fn new_profile_sections_are_validated_with_pointers() {
    let bad = profile(
        60_000.0,
        json!({"socialSecurity": {"monthlyAtClaiming": -5, "claimingAge": 75, "extra": 1}}),
        json!({"insurance": {"lifeCoverage": "lots", "disability": "yes", "healthDeductible": -1, "dental": true}}),
    );
    let errors = Profile::from_json(&bad.to_string()).unwrap_err();
    let got: Vec<(&str, ErrorCode)> = errors.0.iter().map(|i| (i.path.as_str(), i.code)).collect();
    for expected in [
        ("/person/socialSecurity/monthlyAtClaiming", ErrorCode::OutOfRange),
        ("/person/socialSecurity/claimingAge", ErrorCode::OutOfRange),
        ("/person/socialSecurity/extra", ErrorCode::UnknownField),
        ("/insurance/lifeCoverage", ErrorCode::Type),
        ("/insurance/disability", ErrorCode::Type),
        ("/insurance/healthDeductible", ErrorCode::OutOfRange),
        ("/insurance/dental", ErrorCode::UnknownField),
    ] {
        assert!(got.contains(&expected), "{expected:?} missing from {got:?}");
    }
    // A good profile round-trips through JSON with its new sections.
    let good = profile(
        60_000.0,
        json!({"filingStatus": "head_of_household", "socialSecurity": {"monthlyAtClaiming": 2100}}),
        json!({"insurance": {"lifeCoverage": 250000, "disability": false, "healthDeductible": 1500}}),
    );
    let parsed = Profile::from_json(&good.to_string()).unwrap();
    let again = Profile::from_json(&serde_json::to_string(&parsed).unwrap()).unwrap();
    assert_eq!(parsed, again);
    assert_eq!(parsed.insurance.as_ref().unwrap().health_deductible, Some(1500.0));
}
