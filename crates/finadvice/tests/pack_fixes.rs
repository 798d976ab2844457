//! The default pack's order of operations as a planner reads it (issue 15): each fix checked on a
//! persona and on the same profile changed so that the fix must switch on or off.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use finadvice::{Advisor, AdvisorOptions};
use serde_json::{json, Value};

fn persona(name: &str) -> Value {
    serde_json::from_str(&common::read_test_file(&format!("personas/{name}.json"))).unwrap()
}

fn advise(profile: &Value) -> Value {
    let report = Advisor::new(AdvisorOptions::default()).unwrap().advise_json(&profile.to_string()).unwrap();
    serde_json::to_value(report).unwrap()
}

fn rules(report: &Value) -> Vec<String> {
    report["actions"].as_array().unwrap().iter().map(|a| a["rule"].as_str().unwrap().to_string()).collect()
}

fn action<'a>(report: &'a Value, rule: &str) -> &'a Value {
    report["actions"].as_array().unwrap().iter().find(|a| a["rule"] == rule).unwrap_or_else(|| {
        panic!("no {rule} in {:?}", rules(report));
    })
}

fn text(action: &Value) -> String {
    format!("{} {}", action["title"].as_str().unwrap(), action["detail"].as_str().unwrap())
}

fn step<'a>(report: &'a Value, rule: &str) -> &'a Value {
    let id = format!("us-default/{rule}");
    report["monthlyPlan"]["steps"].as_array().unwrap().iter().find(|s| s["actionId"] == id.as_str()).unwrap()
}

#[test]
fn free_money_is_net_of_the_saving_already_paid_from_take_home_pay() {
    let report = advise(&persona("on-track-saver"));
    // The Roth IRA's $625 comes out of take-home pay; the 401(k) is payroll, already out of it.
    assert_eq!(report["facts"]["monthlySurplus"], 2100.0);
    assert_eq!(report["facts"]["takeHomeSavingMonthly"], 625.0);
    assert_eq!(report["facts"]["freeCashFlowMonthly"], 1475.0);
    assert_eq!(report["monthlyPlan"]["available"], 1475.0);
    // The HSA counts too.
    assert_eq!(advise(&persona("room-left-saver"))["facts"]["takeHomeSavingMonthly"], 825.0);
}

#[test]
fn the_workplace_plan_is_raised_toward_its_limit_before_taxable_investing_and_only_where_there_is_one() {
    let report = advise(&persona("on-track-saver"));
    assert_eq!(rules(&report), ["workplace-plan-limit", "taxable-investing"]);
    assert!(text(action(&report, "workplace-plan-limit")).contains("$13,460 of room"));
    // Without a workplace plan there is no such step, and the 15% step does not say "workplace".
    let mut profile = persona("debt-free-no-plan");
    let report = advise(&profile);
    assert!(!rules(&report).contains(&"workplace-plan-limit".to_string()));
    assert!(text(action(&report, "retirement-saving-rate")).contains("Without a workplace plan"));
    profile["accounts"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "Work 401k", "kind": "401k", "balance": 0, "contributionMonthly": 100}));
    let report = advise(&profile);
    assert!(text(action(&report, "retirement-saving-rate")).contains("Raise your workplace plan contribution"));
}

#[test]
fn the_emergency_fund_is_3_to_6_months_and_runs_beside_the_retirement_steps() {
    // Two children, 5.1 months: the 6-month upper end, topped up beside the Roth IRA.
    let mut profile = persona("single-parent-dependents");
    let report = advise(&profile);
    assert!(action(&report, "full-emergency-fund")["title"].as_str().unwrap().contains("6 months of bills: $3,100"));
    assert!(rules(&report).contains(&"roth-ira".to_string()), "{:?}", rules(&report));
    // The fund gets its 12-month fill ($3,100 / 12), at most half of what is left.
    assert_eq!(step(&report, "full-emergency-fund")["monthly"], 258.33);
    // Nobody depending on the income: 3 months, which 5.1 months already meets.
    profile["person"]["dependents"] = json!(0);
    let report = advise(&profile);
    assert!(!rules(&report).contains(&"full-emergency-fund".to_string()));
    assert!(report["doingWell"].as_array().unwrap().iter().any(|a| a["rule"] == "doing-well-emergency-fund"));
    // A fund far from its target gets at most half of what is left; the rest goes on.
    let mut profile = persona("one-earner-couple");
    profile["accounts"][1]["balance"] = json!(0);
    let report = advise(&profile);
    assert_eq!(step(&report, "full-emergency-fund")["monthly"], 650.0);
    assert_eq!(step(&report, "roth-ira")["monthly"], 650.0);
}

#[test]
fn the_starter_fund_comes_first_and_hands_its_money_on() {
    let report = advise(&persona("family-mortgage-no-emergency-fund"));
    let starter = step(&report, "starter-emergency-fund");
    assert_eq!(starter["monthly"], 410.0);
    assert_eq!(starter["until"], "2027-05-15");
    let then: Vec<(&str, f64)> = starter["then"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["actionId"].as_str().unwrap(), m["monthly"].as_f64().unwrap()))
        .collect();
    assert_eq!(then, [("us-default/full-emergency-fund", 205.0), ("us-default/hsa", 205.0)]);
    assert_eq!(step(&report, "hsa")["starts"], "2027-05-15");
}

#[test]
fn the_high_interest_step_counts_only_the_debts_at_or_above_its_threshold() {
    let report = advise(&persona("new-graduate-card-debt"));
    let high = &report["plans"]["highInterestDebt"];
    assert_eq!(high["balance"], 4200.0);
    assert_eq!(high["order"], json!(["Visa"]));
    let saved = high["interestSaved"].as_f64().unwrap();
    let all = report["plans"]["debtPayoff"]["avalanche"]["interestSaved"].as_f64().unwrap();
    assert!(saved < all, "{saved} vs {all}");
    assert_eq!(action(&report, "high-interest-debt")["impact"]["value"].as_f64(), Some(saved));
    // The 5.5% federal loan alone is not high-interest.
    let mut profile = persona("new-graduate-card-debt");
    profile["debts"].as_array_mut().unwrap().remove(0);
    let report = advise(&profile);
    assert!(!rules(&report).contains(&"high-interest-debt".to_string()));
    assert!(report["plans"]["highInterestDebt"].is_null());
}

#[test]
fn modified_agi_is_gross_pay_minus_pre_tax_contributions() {
    // $160,000 single: above the 2026 Roth phase-out start ($153,000) on gross pay, below it once
    // the $24,500 401(k) contribution is taken off.
    let mut profile = persona("on-track-saver");
    profile["incomes"][0]["grossAnnual"] = json!(160000);
    profile["accounts"][3]["contributionMonthly"] = json!(0);
    profile["accounts"][2]["contributionMonthly"] = json!(2041.67);
    assert!(rules(&advise(&profile)).contains(&"roth-ira".to_string()));
    profile["accounts"][2]["contributionMonthly"] = json!(0);
    assert!(rules(&advise(&profile)).contains(&"backdoor-roth-ira".to_string()));
}

#[test]
fn above_the_roth_limit_the_backdoor_roth_names_the_pro_rata_rule() {
    let mut profile = persona("above-roth-limit");
    let report = advise(&profile);
    let detail = text(action(&report, "backdoor-roth-ira"));
    assert!(detail.contains("Form 8606") && detail.contains("shows pre-tax IRA balances"), "{detail}");
    assert!(detail.contains("$45,000"), "{detail}");
    assert!(!rules(&report).iter().any(|r| r == "roth-ira"));
    profile["accounts"].as_array_mut().unwrap().retain(|a| a["kind"] != "ira");
    let detail = text(action(&advise(&profile), "backdoor-roth-ira"));
    assert!(detail.contains("this profile shows none"), "{detail}");
}

#[test]
fn a_married_couple_with_one_earner_gets_the_spousal_ira() {
    let mut profile = persona("one-earner-couple");
    let report = advise(&profile);
    let roth = action(&report, "roth-ira");
    assert!(text(roth).contains("spousal IRA"));
    assert_eq!(roth["impact"]["value"], 15000.0, "one IRA each");
    profile["incomes"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "Partner", "grossAnnual": 30000, "netMonthly": 2100}));
    assert!(!text(action(&advise(&profile), "roth-ira")).contains("spousal IRA"));
}

#[test]
fn the_workplace_limit_has_the_50_plus_and_the_60_to_63_catch_ups() {
    // The 401(k) is at the $24,500 base limit: the room is the catch-up alone.
    let room = |age: u32| {
        let mut profile = persona("age-62-medicare-ahead");
        profile["person"]["age"] = json!(age);
        profile["person"]["retirementAge"] = json!(70);
        let report = advise(&profile);
        report["actions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["rule"] == "workplace-plan-limit")
            .map(|a| a["impact"]["value"].as_f64().unwrap().round())
    };
    assert_eq!(room(45), None);
    assert_eq!(room(55), Some(8000.0));
    assert_eq!(room(60), Some(11250.0));
    assert_eq!(room(63), Some(11250.0));
    assert_eq!(room(64), Some(8000.0));
}

#[test]
fn hsa_contributions_end_at_medicare_age() {
    let mut profile = persona("age-62-medicare-ahead");
    let report = advise(&profile);
    // 62 today: three more years, 36 payments from December 2026.
    assert_eq!(step(&report, "hsa")["until"], "2029-11-15");
    assert!(text(action(&report, "hsa")).contains("Medicare"));
    profile["person"]["age"] = json!(65);
    profile["person"]["retirementAge"] = json!(70);
    assert!(!rules(&advise(&profile)).contains(&"hsa".to_string()));
}

#[test]
fn cash_far_above_the_target_is_named_idle() {
    let mut profile = persona("idle-cash");
    let report = advise(&profile);
    assert_eq!(action(&report, "idle-cash")["impact"]["value"], 53200.0);
    assert!(action(&report, "idle-cash")["monthly"].is_null(), "moved once, not each month");
    // 8.5 months of bills: a large fund, not idle.
    profile["accounts"][1]["balance"] = json!(2800.0 * 8.5 - 8000.0);
    assert!(!rules(&advise(&profile)).contains(&"idle-cash".to_string()));
}

#[test]
fn variable_income_gets_self_employment_and_estimated_tax() {
    let mut profile = persona("gig-worker-variable-income");
    let report = advise(&profile);
    let tax = action(&report, "self-employment-tax");
    // 15.3% of 92.35% of $52,000.
    assert_eq!(tax["impact"]["value"], 7347.37);
    let words = text(tax);
    for needle in ["1040-ES", "110%", "SEP-IRA", "Solo 401(k)"] {
        assert!(words.contains(needle), "{needle}: {words}");
    }
    profile["person"]["incomeStability"] = json!("stable");
    assert!(!rules(&advise(&profile)).contains(&"self-employment-tax".to_string()));
}

#[test]
fn medium_interest_debt_runs_beside_investing() {
    let report = advise(&persona("mortgage-vs-investing"));
    assert_eq!(step(&report, "medium-interest-debt")["monthly"], 450.0);
    assert_eq!(step(&report, "taxable-investing")["monthly"], 450.0);
    let taxable = action(&report, "taxable-investing");
    assert_eq!(
        taxable["impact"],
        json!({"path": "values.planMonthly", "value": 450.0, "unit": "money/month", "kind": "to-invest", "text": "$450 a month"})
    );
}

#[test]
fn the_roth_limit_follows_the_filing_status() {
    // $72,000: far below the single and head-of-household phase-out ($153,000 in 2026), above the
    // $0 at which it starts for married filing separately.
    let mut profile = persona("debt-free-no-plan");
    for (status, rule) in
        [("single", "roth-ira"), ("head_of_household", "roth-ira"), ("married_separate", "backdoor-roth-ira")]
    {
        profile["person"]["filingStatus"] = json!(status);
        let report = advise(&profile);
        assert!(rules(&report).contains(&rule.to_string()), "{status}: {:?}", rules(&report));
    }
}

/// The steps of the monthly plan of one action, with their item names.
fn steps_of<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    let id = format!("us-default/{rule}");
    report["monthlyPlan"]["steps"].as_array().unwrap().iter().filter(|s| s["actionId"] == id.as_str()).collect()
}

#[test]
fn a_self_employed_person_without_a_workplace_plan_gets_the_solo_401k_step() {
    let mut profile = persona("self-employed-designer");
    let report = advise(&profile);
    let solo = action(&report, "self-employed-retirement-plan");
    let words = text(solo);
    // $90,000 of profit: SE tax 15.3% of 92.35% = $12,716.60, half deducted: net earnings
    // $83,641.70; the employer share is 20% of it, $16,728.34; with the $24,500 deferral (2026)
    // the Solo 401(k) takes $41,228.34 a year; the 15% step already sends $6,000 of it.
    assert!(words.contains("up to $41,228.34 a year for 2026"), "{words}");
    assert!(words.contains("a SEP-IRA, with only the employer share, takes $16,728.34"), "{words}");
    assert!(words.contains("A planner would pick the Solo 401(k) here"), "{words}");
    assert!(words.contains("assumes your variable income is self-employment income"), "{words}");
    assert_eq!(solo["impact"]["value"], 35228.34);
    assert_eq!(solo["impact"]["unit"], "money/year");
    // It takes what the steps before it leave: nothing of the $2,100 is left unassigned.
    assert_eq!(step(&report, "self-employed-retirement-plan")["monthly"], 641.67);
    assert_eq!(report["monthlyPlan"]["unassigned"], 0.0);

    // At 61 the deferral has the $11,250 catch-up of ages 60–63, beyond the §415(c) limit.
    profile["person"]["age"] = json!(61);
    let words = text(action(&advise(&profile), "self-employed-retirement-plan"));
    assert!(words.contains("up to $35,750 in 2026 (with the larger catch-up of ages 60 to 63)"), "{words}");
    assert!(words.contains("up to $52,478.34 a year"), "{words}");

    // At $400,000 of profit the employer share reaches the cap (20% of the $360,000 compensation
    // limit = $72,000 = the §415(c) limit): both plans take $72,000, and the wording says so.
    profile["person"]["age"] = json!(38);
    profile["incomes"][0]["grossAnnual"] = json!(400000);
    profile["incomes"][0]["netMonthly"] = json!(22000);
    let words = text(action(&advise(&profile), "self-employed-retirement-plan"));
    assert!(words.contains("up to $72,000 a year"), "{words}");
    assert!(words.contains("both plans reach the year's limit"), "{words}");

    // Steady pay, or a workplace plan: not this step.
    let mut steady = persona("self-employed-designer");
    steady["person"]["incomeStability"] = json!("stable");
    assert!(!rules(&advise(&steady)).contains(&"self-employed-retirement-plan".to_string()));
    let mut employed = persona("self-employed-designer");
    employed["accounts"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "Work 401k", "kind": "401k", "balance": 0, "contributionMonthly": 100}));
    assert!(!rules(&advise(&employed)).contains(&"self-employed-retirement-plan".to_string()));
}

#[test]
fn each_goal_is_its_own_step_until_its_date() {
    let report = advise(&persona("house-down-payment-saver"));
    let goals = steps_of(&report, "save-for-goals");
    let profile = persona("house-down-payment-saver");
    let names: Vec<&str> = goals.iter().map(|s| s["part"].as_str().unwrap()).collect();
    let listed: Vec<&str> = profile["goals"].as_array().unwrap().iter().map(|g| g["name"].as_str().unwrap()).collect();
    assert_eq!(names, listed, "one step per goal, in the profile's order");
    // Each asks for its own monthly saving and ends at its date.
    for (step, plan) in goals.iter().zip(report["plans"]["goals"].as_array().unwrap()) {
        assert_eq!(step["needed"], plan["monthlySavingNeeded"]);
        let months = plan["monthsToTargetDate"].as_i64().unwrap();
        let until = step["until"].as_str().unwrap();
        let as_of = profile["asOf"].as_str().unwrap();
        let month = |d: &str| d[..4].parse::<i64>().unwrap() * 12 + d[5..7].parse::<i64>().unwrap();
        assert_eq!(month(until) - month(as_of), months, "{step}");
    }
    // The action's share is the sum of its goals' steps, and together they take no more than
    // what is left after the steps before them.
    let sum: f64 = goals.iter().map(|s| s["monthly"].as_f64().unwrap()).sum();
    assert!((action(&report, "save-for-goals")["monthly"].as_f64().unwrap() - sum).abs() < 0.006);
    let before: f64 = report["monthlyPlan"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .take_while(|s| s["actionId"] != "us-default/save-for-goals")
        .map(|s| s["monthly"].as_f64().unwrap())
        .sum();
    assert!(sum <= report["monthlyPlan"]["available"].as_f64().unwrap() - before + 1e-6);
}

#[test]
fn the_spouse_age_gives_the_spouse_their_catch_ups() {
    let mut profile = persona("one-earner-couple");
    let limit = |report: &Value| action(report, "roth-ira")["impact"]["value"].as_f64().unwrap();
    let without = advise(&profile);
    assert_eq!(limit(&without), 15_000.0);
    assert!(text(action(&without, "roth-ira")).contains("person.spouseAge"));
    // A spouse of 52: the spousal IRA gets the 2026 IRA catch-up of $1,100.
    profile["person"]["spouseAge"] = json!(52);
    let with = advise(&profile);
    assert_eq!(limit(&with), 16_100.0);
    assert!(text(action(&with, "roth-ira")).contains("catch-up from 50 for your spouse"));
    profile["person"]["spouseAge"] = json!(35);
    assert_eq!(limit(&advise(&profile)), 15_000.0);

    // A second workplace plan is the spouse's. Without the spouse's age it gets the person's own
    // limit (2025: $23,500 + the $7,500 catch-up at 52); at 40 no catch-up; at 61 the $11,250 one.
    let mut two = persona("couple-as-of-2025");
    two["accounts"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "Partner 401k", "kind": "401k", "balance": 0, "contributionMonthly": 0}));
    let room = |report: &Value| action(report, "workplace-plan-limit")["impact"]["value"].as_f64().unwrap();
    let unknown = room(&advise(&two));
    two["person"]["spouseAge"] = json!(40);
    assert_eq!(room(&advise(&two)) - unknown, -7_500.0);
    two["person"]["spouseAge"] = json!(61);
    assert_eq!(room(&advise(&two)) - unknown, 3_750.0);

    // A family HSA with a spouse of 56 and under 65: $1,000 more, in the spouse's own HSA.
    let mut family = persona("family-mortgage-no-emergency-fund");
    let hsa = |report: &Value| action(report, "hsa")["impact"]["value"].as_f64().unwrap();
    let before = hsa(&advise(&family));
    family["person"]["spouseAge"] = json!(56);
    let report = advise(&family);
    assert_eq!(hsa(&report) - before, 1_000.0);
    assert!(text(action(&report, "hsa")).contains("your spouse's own name"));
    family["person"]["spouseAge"] = json!(66);
    assert_eq!(hsa(&advise(&family)), before);
}

#[test]
fn the_spouse_age_is_validated() {
    let advisor = Advisor::new(AdvisorOptions::default()).unwrap();
    let issues = |person: Value| {
        let profile =
            json!({"asOf": "2026-11-15", "currency": "USD", "person": person, "expenses": {"essentialMonthly": 1}});
        match advisor.advise_json(&profile.to_string()) {
            Ok(_) => Vec::new(),
            Err(e) => e.issues().iter().map(|i| (i.code.as_str().to_string(), i.path.clone())).collect(),
        }
    };
    assert!(issues(json!({"age": 40, "filingStatus": "married_joint", "spouseAge": 44})).is_empty());
    let bad = |code: &str| vec![(code.to_string(), "/person/spouseAge".to_string())];
    assert_eq!(issues(json!({"age": 40, "filingStatus": "married_joint", "spouseAge": 4})), bad("out_of_range"));
    assert_eq!(issues(json!({"age": 40, "filingStatus": "married_joint", "spouseAge": 44.5})), bad("type"));
    assert_eq!(issues(json!({"age": 40, "filingStatus": "married_joint", "spouseAge": "44"})), bad("type"));
    // A spouse beside a single filing status contradicts it; nothing is silently dropped.
    assert_eq!(issues(json!({"age": 40, "spouseAge": 44})), bad("inconsistent"));
    assert!(issues(json!({"age": 40, "filingStatus": "married_separate", "spouseAge": 44})).is_empty());
}
