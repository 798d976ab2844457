//! Personas: each profile in `tests/personas/` gets the expected plan (action ids in order and the
//! doing-well list), and its full report equals the reviewed snapshot `NAME.report.json`.
//!
//! Regenerate the snapshots after a deliberate change (a retrained model, a pack edit), then read
//! the diff: `UPDATE_SNAPSHOTS=1 cargo test --test personas`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use finadvice::{Advisor, AdvisorOptions};
use serde_json::Value;
use std::path::PathBuf;

/// What a persona's planner's review (`tests/personas/NAME.review.md`) says: the actions in order,
/// the steps already done, what comes after an earlier step, and the monthly plan — each step's rule and its money this month.
struct Persona {
    name: &'static str,
    actions: &'static [&'static str],
    doing_well: &'static [&'static str],
    /// The actions that wait for an earlier step ([`finadvice::Report::later`]), ranked.
    later: &'static [&'static str],
    plan: &'static [(&'static str, f64)],
}

const MATCH: &str = "doing-well-match";
const EF: &str = "doing-well-emergency-fund";
const DEBT_FREE: &str = "doing-well-debt-free";
const NO_HIGH: &str = "doing-well-no-high-interest-debt";
const RETIREMENT: &str = "doing-well-retirement";
const SAVINGS: &str = "doing-well-savings-rate";

const EXPECTED: &[Persona] = &[
    Persona {
        name: "new-graduate-card-debt",
        actions: &["starter-emergency-fund", "employer-match", "high-interest-debt"],
        doing_well: &[],
        later: &["full-emergency-fund", "roth-ira", "save-for-goals", "medium-interest-debt", "workplace-plan-limit"],
        plan: &[
            ("starter-emergency-fund", 100.0),
            ("employer-match", 145.0),
            ("high-interest-debt", 236.0),
            ("full-emergency-fund", 0.0),
            ("roth-ira", 0.0),
        ],
    },
    Persona {
        name: "family-mortgage-no-emergency-fund",
        actions: &[
            "starter-emergency-fund",
            "protect-income",
            "full-emergency-fund",
            "hsa",
            "roth-ira",
            "save-for-goals",
            "workplace-plan-limit",
        ],
        doing_well: &[MATCH, NO_HIGH],
        later: &["medium-interest-debt"],
        plan: &[
            ("starter-emergency-fund", 410.0),
            ("full-emergency-fund", 0.0),
            ("hsa", 0.0),
            ("roth-ira", 0.0),
            ("save-for-goals:College (529)", 0.0),
            ("workplace-plan-limit", 0.0),
        ],
    },
    Persona {
        name: "gig-worker-variable-income",
        actions: &[
            "self-employment-tax",
            "full-emergency-fund",
            "roth-ira",
            "retirement-saving-rate",
            "self-employed-retirement-plan",
        ],
        doing_well: &[DEBT_FREE, SAVINGS],
        later: &[],
        plan: &[
            ("full-emergency-fund", 450.0),
            ("roth-ira", 450.0),
            ("retirement-saving-rate", 0.0),
            ("self-employed-retirement-plan", 0.0),
        ],
    },
    Persona {
        name: "pre-retiree",
        actions: &["idle-cash", "hsa", "roth-ira", "workplace-plan-limit"],
        doing_well: &[MATCH, EF, NO_HIGH, RETIREMENT],
        later: &[],
        plan: &[("hsa", 450.0), ("roth-ira", 450.0), ("workplace-plan-limit", 0.0)],
    },
    Persona {
        name: "high-earner-missing-match",
        actions: &[
            "employer-match",
            "idle-cash",
            "backdoor-roth-ira",
            "retirement-saving-rate",
            "workplace-plan-limit",
            "taxable-investing",
        ],
        doing_well: &[EF, DEBT_FREE, SAVINGS],
        later: &[],
        plan: &[
            ("employer-match", 375.0),
            ("backdoor-roth-ira", 625.0),
            ("retirement-saving-rate", 1000.75),
            ("workplace-plan-limit", 540.92),
            ("taxable-investing", 1858.33),
        ],
    },
    Persona {
        name: "debt-free-no-plan",
        actions: &["idle-cash", "roth-ira", "retirement-saving-rate", "taxable-investing"],
        doing_well: &[EF, DEBT_FREE, SAVINGS],
        later: &[],
        plan: &[("roth-ira", 625.0), ("retirement-saving-rate", 275.0), ("taxable-investing", 600.0)],
    },
    Persona {
        name: "crisis-expenses-exceed-income",
        actions: &["negative-surplus", "review-subscriptions", "bank-fees"],
        doing_well: &[],
        later: &["starter-emergency-fund", "protect-income", "high-interest-debt", "full-emergency-fund", "roth-ira"],
        plan: &[],
    },
    Persona {
        name: "transactions-only",
        actions: &["high-interest-debt", "spending-grew", "review-subscriptions", "bank-fees"],
        doing_well: &[SAVINGS],
        later: &["full-emergency-fund", "roth-ira", "retirement-saving-rate", "taxable-investing"],
        plan: &[
            ("high-interest-debt", 1876.26),
            ("full-emergency-fund", 0.0),
            ("roth-ira", 0.0),
            ("retirement-saving-rate", 0.0),
            ("taxable-investing", 0.0),
        ],
    },
    Persona {
        name: "on-track-saver",
        actions: &["workplace-plan-limit", "taxable-investing"],
        doing_well: &[MATCH, EF, DEBT_FREE, RETIREMENT, SAVINGS],
        later: &[],
        plan: &[("workplace-plan-limit", 1121.67), ("taxable-investing", 353.33)],
    },
    Persona {
        name: "hsa-eligible-car-loan",
        actions: &["hsa", "roth-ira", "medium-interest-debt", "workplace-plan-limit"],
        doing_well: &[MATCH, EF, NO_HIGH, SAVINGS],
        later: &[],
        plan: &[
            ("hsa", 216.67),
            ("roth-ira", 625.0),
            ("medium-interest-debt", 294.16),
            ("workplace-plan-limit", 294.17),
        ],
    },
    Persona {
        name: "single-parent-dependents",
        actions: &["protect-income", "full-emergency-fund", "roth-ira", "save-for-goals", "workplace-plan-limit"],
        doing_well: &[MATCH, NO_HIGH, SAVINGS],
        later: &[],
        plan: &[
            ("full-emergency-fund", 258.33),
            ("roth-ira", 625.0),
            ("save-for-goals:Kids' college", 150.84),
            ("workplace-plan-limit", 15.83),
        ],
    },
    Persona {
        name: "couple-as-of-2025",
        actions: &["roth-ira", "save-for-goals", "workplace-plan-limit"],
        doing_well: &[MATCH, EF, NO_HIGH, SAVINGS],
        later: &[],
        plan: &[("roth-ira", 1250.0), ("save-for-goals:House renovation", 904.84), ("workplace-plan-limit", 595.16)],
    },
    Persona {
        name: "house-down-payment-saver",
        actions: &["roth-ira", "save-for-goals", "medium-interest-debt", "workplace-plan-limit"],
        doing_well: &[MATCH, EF, NO_HIGH, SAVINGS],
        later: &[],
        plan: &[
            ("roth-ira", 625.0),
            ("save-for-goals:House down payment", 638.86),
            ("save-for-goals:Wedding", 376.14),
            ("medium-interest-debt", 0.0),
            ("workplace-plan-limit", 0.0),
        ],
    },
    Persona {
        name: "room-left-saver",
        actions: &["hsa", "workplace-plan-limit", "taxable-investing"],
        doing_well: &[MATCH, EF, DEBT_FREE, RETIREMENT, SAVINGS],
        later: &[],
        plan: &[("hsa", 166.67), ("workplace-plan-limit", 1166.67), ("taxable-investing", 141.66)],
    },
    Persona {
        name: "parent-four-months-fund",
        actions: &["protect-income", "full-emergency-fund", "roth-ira", "save-for-goals", "workplace-plan-limit"],
        doing_well: &[MATCH, NO_HIGH, SAVINGS],
        later: &[],
        plan: &[
            ("full-emergency-fund", 808.33),
            ("roth-ira", 1250.0),
            ("save-for-goals:College (529)", 114.17),
            ("workplace-plan-limit", 77.5),
        ],
    },
    Persona {
        name: "above-roth-limit",
        actions: &["backdoor-roth-ira", "taxable-investing"],
        doing_well: &[MATCH, EF, DEBT_FREE, RETIREMENT, SAVINGS],
        later: &[],
        plan: &[("backdoor-roth-ira", 625.0), ("taxable-investing", 3975.0)],
    },
    Persona {
        name: "one-earner-couple",
        actions: &["protect-income", "full-emergency-fund", "roth-ira", "workplace-plan-limit"],
        doing_well: &[MATCH, DEBT_FREE, SAVINGS],
        later: &[],
        plan: &[("full-emergency-fund", 616.67), ("roth-ira", 683.33), ("workplace-plan-limit", 0.0)],
    },
    Persona {
        name: "self-employed-designer",
        actions: &[
            "self-employment-tax",
            "full-emergency-fund",
            "roth-ira",
            "retirement-saving-rate",
            "self-employed-retirement-plan",
        ],
        doing_well: &[DEBT_FREE, SAVINGS],
        later: &[],
        plan: &[
            ("full-emergency-fund", 333.33),
            ("roth-ira", 625.0),
            ("retirement-saving-rate", 500.0),
            ("self-employed-retirement-plan", 641.67),
        ],
    },
    Persona {
        name: "age-62-medicare-ahead",
        actions: &["hsa", "roth-ira", "workplace-plan-limit", "taxable-investing"],
        doing_well: &[MATCH, EF, DEBT_FREE, RETIREMENT, SAVINGS],
        later: &[],
        plan: &[("hsa", 450.0), ("roth-ira", 1341.67), ("workplace-plan-limit", 937.5), ("taxable-investing", 170.83)],
    },
    Persona {
        name: "idle-cash",
        actions: &["idle-cash", "roth-ira", "workplace-plan-limit"],
        doing_well: &[MATCH, EF, DEBT_FREE, SAVINGS],
        later: &[],
        plan: &[("roth-ira", 625.0), ("workplace-plan-limit", 1175.0)],
    },
    Persona {
        name: "mortgage-vs-investing",
        actions: &["medium-interest-debt", "taxable-investing"],
        doing_well: &[MATCH, EF, NO_HIGH, RETIREMENT],
        later: &[],
        plan: &[("medium-interest-debt", 450.0), ("taxable-investing", 450.0)],
    },
];

fn dir() -> PathBuf {
    common::test_file("personas")
}

fn report(name: &str) -> Value {
    let text = common::read_test_file(&format!("personas/{name}.json"));
    let report =
        Advisor::new(AdvisorOptions::default()).unwrap().advise_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::to_value(report).unwrap()
}

fn rules(report: &Value, list: &str) -> Vec<String> {
    report[list].as_array().unwrap().iter().map(|a| a["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_persona_file_has_expectations_and_there_are_at_least_twenty_one() {
    let mut files: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|f| f.ends_with(".json") && !f.ends_with(".report.json"))
        .map(|f| f.trim_end_matches(".json").to_string())
        .collect();
    files.sort();
    let mut expected: Vec<String> = EXPECTED.iter().map(|e| e.name.to_string()).collect();
    expected.sort();
    assert_eq!(files, expected);
    assert!(files.len() >= 21);
}

#[test]
fn every_persona_has_a_planners_review() {
    for persona in EXPECTED {
        let review = common::read_test_file(&format!("personas/{}.review.md", persona.name));
        assert!(review.starts_with(&format!("# Planner's review: {}", persona.name)), "{}", persona.name);
        for part in ["**Situation.**", "**What I would advise, in order.**", "**Monthly plan.**"] {
            assert!(review.contains(part), "{}: the review has no {part}", persona.name);
        }
    }
}

#[test]
fn personas_get_the_plan_of_their_review() {
    for persona in EXPECTED {
        let name = persona.name;
        let report = report(name);
        assert_eq!(rules(&report, "actions"), persona.actions, "{name}: actions");
        assert_eq!(rules(&report, "doingWell"), persona.doing_well, "{name}: doingWell");
        assert_eq!(rules(&report, "later"), persona.later, "{name}: later");
        let steps: Vec<(String, f64)> = report["monthlyPlan"]["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                // A step of an action with one step per item (a goal) is named `rule:item`.
                let rule = s["actionId"].as_str().unwrap().trim_start_matches("us-default/");
                let name = match s["part"].as_str() {
                    Some(part) => format!("{rule}:{part}"),
                    None => rule.to_string(),
                };
                (name, s["monthly"].as_f64().unwrap())
            })
            .collect();
        let expected: Vec<(String, f64)> = persona.plan.iter().map(|(r, m)| (r.to_string(), *m)).collect();
        assert_eq!(steps, expected, "{name}: monthly plan");
    }
}

#[test]
fn the_monthly_plan_never_assigns_more_than_is_available() {
    for persona in EXPECTED {
        let name = persona.name;
        let report = report(name);
        let plan = &report["monthlyPlan"];
        let available = plan["available"].as_f64().unwrap();
        let free = report["facts"]["freeCashFlowMonthly"].as_f64().unwrap();
        assert_eq!(available, free.max(0.0), "{name}: available is the free cash flow");
        let steps = plan["steps"].as_array().unwrap();
        let assigned: f64 = steps.iter().map(|s| s["monthly"].as_f64().unwrap()).sum();
        assert!(assigned <= available + 1e-6, "{name}: {assigned} assigned of {available}");
        let unassigned = plan["unassigned"].as_f64().unwrap();
        assert!((available - assigned - unassigned).abs() < 0.011, "{name}: unassigned {unassigned}");
        let later = report["later"].as_array().unwrap();
        let waited_for = |id: &Value| later.iter().any(|a| a["waitsFor"].as_array().unwrap().contains(id));
        for step in steps {
            let monthly = step["monthly"].as_f64().unwrap();
            assert!(monthly >= 0.0, "{name}: {step}");
            // A step gets at most what it asks for, except one that others wait for: it takes
            // the money no other step can use yet.
            assert!(
                monthly <= step["needed"].as_f64().unwrap() + 1e-6 || waited_for(&step["actionId"]),
                "{name}: {step}"
            );
            assert!(!step["note"].as_str().unwrap().is_empty(), "{name}: {step}");
            // A step of an action that waits gets nothing now and says when its money starts.
            if let Some(action) = later.iter().find(|a| a["id"] == step["actionId"]) {
                assert_eq!(monthly, 0.0, "{name}: {step}");
                assert!(step["starts"].is_string(), "{name}: {step}");
                assert!(action["monthly"].is_null(), "{name}: {action}");
            }
        }
        // What a later action waits for is an action of the report, now or later.
        for action in later {
            let waits_for = action["waitsFor"].as_array().unwrap();
            assert!(!waits_for.is_empty(), "{name}: {action}");
            for id in waits_for {
                let known = |list: &str| report[list].as_array().unwrap().iter().any(|a| &a["id"] == id);
                assert!(known("actions") || known("later"), "{name}: {} waits for {id}", action["id"]);
            }
        }
        // Every action shows its monthly share: the sum of its steps (one per goal for the goals),
        // null for an action without a step.
        for action in report["actions"].as_array().unwrap() {
            let own: Vec<f64> = steps
                .iter()
                .filter(|s| s["actionId"] == action["id"])
                .map(|s| s["monthly"].as_f64().unwrap())
                .collect();
            let expected = if own.is_empty() { None } else { Some(own.iter().sum::<f64>()) };
            let got = action["monthly"].as_f64();
            assert_eq!(got.is_some(), expected.is_some(), "{name}: {}", action["id"]);
            if let (Some(got), Some(expected)) = (got, expected) {
                assert!((got - expected).abs() < 0.006, "{name}: {} {got} vs {expected}", action["id"]);
            }
        }
    }
}

#[test]
fn persona_reports_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for Persona { name, .. } in EXPECTED {
        let report = report(name);
        let path = dir().join(format!("{name}.report.json"));
        if update {
            std::fs::write(&path, serde_json::to_string_pretty(&report).unwrap() + "\n").unwrap();
            continue;
        }
        let snapshot: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if snapshot != report {
            stale.push(name.to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "reports differ from their snapshots: {stale:?}; review, then UPDATE_SNAPSHOTS=1 cargo test --test personas"
    );
}

#[test]
fn every_action_is_explained_sourced_and_worded_plainly() {
    // Security names an action must never contain (funds and tickers people know).
    const SECURITIES: &[&str] = &[
        "VTSAX",
        "VTI",
        "VOO",
        "SPY",
        "FXAIX",
        "QQQ",
        "SWTSX",
        "BND",
        "Vanguard",
        "Fidelity 500",
        "S&P 500 index fund",
    ];
    // Rules whose numbers rest on an assumed return or tax bracket, and must say so.
    const ASSUMING: &[&str] = &[
        "employer-match",
        "full-emergency-fund",
        "idle-cash",
        "hsa",
        "roth-ira",
        "backdoor-roth-ira",
        "self-employment-tax",
        "self-employed-retirement-plan",
        "retirement-saving-rate",
        "medium-interest-debt",
        "save-for-goals",
        "workplace-plan-limit",
        "taxable-investing",
    ];
    for Persona { name, .. } in EXPECTED {
        let report = report(name);
        assert!(report["disclaimer"].as_str().unwrap().contains("not financial"), "{name}");
        for action in report["actions"].as_array().unwrap().iter().chain(report["doingWell"].as_array().unwrap()) {
            let rule = action["rule"].as_str().unwrap();
            let text = format!("{} {}", action["title"].as_str().unwrap(), action["detail"].as_str().unwrap());
            assert!(!text.contains("n/a"), "{name}/{rule}: a missing number in {text:?}");
            assert!(!action["trace"].as_array().unwrap().is_empty(), "{name}/{rule}: no trace");
            assert!(!action["sources"].as_array().unwrap().is_empty(), "{name}/{rule}: no source");
            assert_eq!(action["id"], format!("us-default/{rule}"), "{name}: stable id");
            for s in SECURITIES {
                assert!(!text.contains(s), "{name}/{rule} names a security: {s}");
            }
            if ASSUMING.contains(&rule) {
                assert!(text.contains("assum"), "{name}/{rule} rests on an assumption and must say so: {text}");
            }
            if action["category"] != "doing_well" {
                let impact = &action["impact"];
                assert!(impact["value"].as_f64().is_some_and(|v| v > 0.0), "{name}/{rule}: impact {impact}");
                assert!(impact["unit"].as_str().is_some(), "{name}/{rule}: impact without a unit");
                // What the figure is, so that the page words it without knowing the rule.
                assert!(impact["kind"].as_str().is_some(), "{name}/{rule}: impact without a kind");
                // The impact in words carries its unit: "$870 a year", "$100", "$450 a month".
                let words = impact["text"].as_str().unwrap_or_else(|| panic!("{name}/{rule}: impact without text"));
                let unit = impact["unit"].as_str().unwrap();
                assert!(!unit.starts_with("money") || words.starts_with('$'), "{name}/{rule}: {words}");
                assert_eq!(unit == "money/year", words.ends_with(" a year"), "{name}/{rule}: {words}");
                assert_eq!(unit == "money/month", words.ends_with(" a month"), "{name}/{rule}: {words}");
            }
        }
    }
}

#[test]
fn limits_follow_the_year_of_as_of() {
    // The same couple in 2025 and 2026 (age 52: IRA catch-up; one IRA each, the spouse's without
    // catch-up), and in 2027 (latest limits known: 2026).
    let base = common::read_test_file("personas/couple-as-of-2025.json");
    let title = |as_of: &str| {
        let text = base.replace("\"2025-06-30\"", &format!("\"{as_of}\""));
        let report =
            serde_json::to_value(Advisor::new(AdvisorOptions::default()).unwrap().advise_json(&text).unwrap()).unwrap();
        let ira = report["actions"].as_array().unwrap().iter().find(|a| a["rule"] == "roth-ira").cloned().unwrap();
        ira["title"].as_str().unwrap().to_string()
    };
    assert!(
        title("2025-06-30").ends_with("(your 2025 limit is $15,000 together, one IRA each)"),
        "{}",
        title("2025-06-30")
    );
    assert!(
        title("2026-03-01").ends_with("(your 2026 limit is $16,100 together, one IRA each)"),
        "{}",
        title("2026-03-01")
    );
    assert!(
        title("2027-03-01").ends_with("(your 2026 limit is $16,100 together, one IRA each)"),
        "{}",
        title("2027-03-01")
    );
}

#[test]
fn person_fields_the_pack_reads_are_validated() {
    let text = r#"{"asOf":"2026-11-15","currency":"USD","person":{"age":40,"filingStatus":"married","hsaCoverage":"yes"},"expenses":{"essentialMonthly":1}}"#;
    let errors = Advisor::new(AdvisorOptions::default()).unwrap().advise_json(text).unwrap_err();
    let paths: Vec<&str> = errors.issues().iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/person/filingStatus", "/person/hsaCoverage"]);
    assert!(errors.issues()[0].message.contains("married_joint"), "{}", errors.issues()[0].message);
}

#[test]
fn the_wasm_test_lists_every_persona() {
    let wasm_test = std::fs::read_to_string(common::repo_root().join("crates/finadvice-wasm/src/tests/personas.rs"))
        .expect("the wasm personas test");
    // Compared without white space, so that formatting the test file does not matter.
    let wasm_test: String = wasm_test.split_whitespace().collect();
    for Persona { name, .. } in EXPECTED {
        assert!(
            wasm_test.contains(&format!("(\"{name}\",include_str!(\"../../../../tests/personas/{name}.json\")")),
            "{name} missing from crates/finadvice-wasm/src/tests/personas.rs"
        );
    }
}
