//! Native companion of benches/rules.mjs, for profiling the rule engine without a browser: times
//! compiling a generated pack, `RulePack::evaluate` over the facts of
//! tests/profiles/new-graduate.json, the engine with messages and traces, and whole `advise`
//! calls (median of many runs; prints one JSON line per workload).
//! `node benches/rules-pack.mjs > /tmp/pack.json && cargo bench --bench rules-native -- /tmp/pack.json`

use finadvice::rules::RulePack;
use finadvice::{Advisor, AdvisorOptions};
#[path = "common/timing.rs"]
mod timing;

use timing::median_ms;

fn main() {
    let path = std::env::args().skip(1).find(|a| !a.starts_with('-')).expect("usage: rules-native PACK.json");
    let text = std::fs::read_to_string(&path).expect("read the pack");
    let profile = include_str!("../tests/profiles/new-graduate.json");
    let pack = RulePack::from_json(&text).expect("valid pack");
    let silent: serde_json::Value = {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for rule in v["rules"].as_array_mut().unwrap() {
            rule["when"]["and"].as_array_mut().unwrap().push(serde_json::Value::Bool(false));
        }
        v
    };
    let silent = RulePack::from_json(&silent.to_string()).expect("valid pack");
    let advisor =
        |pack: RulePack| Advisor::new(AdvisorOptions { rule_pack: Some(pack), ..Default::default() }).unwrap();
    let (full, silent, default) =
        (advisor(pack.clone()), advisor(silent), Advisor::new(AdvisorOptions::default()).unwrap());
    let json = |a: &Advisor| serde_json::to_string(&a.advise_json(profile).unwrap()).unwrap();
    let facts = serde_json::to_value(&default.advise_json(profile).unwrap().facts).unwrap();
    let data = serde_json::json!({"facts": facts, "plans": {}});
    {
        use finadvice::facts::Facts;
        use finadvice::plans::Plans;
        use finadvice::Profile;
        let p = Profile::from_json(profile).unwrap();
        println!(
            "{{\"name\": \"phase-profile\", \"ms\": {:.4}}}",
            median_ms(201, || {
                Profile::from_json(profile).unwrap();
            })
        );
        println!(
            "{{\"name\": \"phase-facts\", \"ms\": {:.4}}}",
            median_ms(201, || {
                Facts::compute(&p);
            })
        );
        let f = Facts::compute(&p);
        println!(
            "{{\"name\": \"phase-plans\", \"ms\": {:.4}}}",
            median_ms(201, || {
                Plans::compute(&p, &f);
            })
        );
        let plans = Plans::compute(&p, &f);
        println!(
            "{{\"name\": \"phase-data\", \"ms\": {:.4}}}",
            median_ms(201, || {
                finadvice::report::evaluation_data(&f, &plans, &p, &pack);
            })
        );
        let d = finadvice::report::evaluation_data(&f, &plans, &p, &pack);
        println!(
            "{{\"name\": \"phase-engine\", \"ms\": {:.4}}}",
            median_ms(201, || {
                finadvice::rules::evaluate_pack(&pack, &d, "USD", false).unwrap();
            })
        );
        println!(
            "{{\"name\": \"phase-engine-silent\", \"ms\": {:.4}}}",
            median_ms(201, || {
                finadvice::rules::evaluate_pack(silent.rule_pack(), &d, "USD", false).unwrap();
            })
        );
        println!(
            "{{\"name\": \"phase-advise-silent\", \"ms\": {:.4}}}",
            median_ms(201, || {
                silent.advise_json(profile).unwrap();
            })
        );
        println!(
            "{{\"name\": \"phase-advise-default\", \"ms\": {:.4}}}",
            median_ms(201, || {
                default.advise_json(profile).unwrap();
            })
        );
    }
    if let Ok(what) = std::env::var("RULES_NATIVE_PROFILE") {
        for _ in 0..5_000 {
            match what.as_str() {
                "engine" => drop(finadvice::rules::evaluate_pack(&pack, &data, "USD", false).unwrap()),
                "advise" => drop(json(&full)),
                _ => drop(pack.evaluate(&data).unwrap()),
            }
        }
        return;
    }
    println!("{{\"name\": \"fired\", \"count\": {}}}", pack.evaluate(&data).unwrap().len());
    println!(
        "{{\"name\": \"evaluate\", \"ms\": {:.4}}}",
        median_ms(501, || {
            pack.evaluate(&data).unwrap();
        })
    );
    println!(
        "{{\"name\": \"engine\", \"ms\": {:.4}}}",
        median_ms(201, || {
            finadvice::rules::evaluate_pack(&pack, &data, "USD", false).unwrap();
        })
    );
    println!(
        "{{\"name\": \"advise\", \"ms\": {:.4}}}",
        median_ms(201, || {
            json(&full);
        })
    );
    println!(
        "{{\"name\": \"advise-unserialized\", \"ms\": {:.4}}}",
        median_ms(201, || {
            full.advise_json(profile).unwrap();
        })
    );
    println!(
        "{{\"name\": \"advise-silent\", \"ms\": {:.4}}}",
        median_ms(201, || {
            json(&silent);
        })
    );
    println!(
        "{{\"name\": \"advise-default\", \"ms\": {:.4}}}",
        median_ms(201, || {
            json(&default);
        })
    );
    println!(
        "{{\"name\": \"compile\", \"ms\": {:.4}}}",
        median_ms(11, || {
            RulePack::from_json(&text).unwrap();
        })
    );
}
