//! Small rule packs for the rule-engine and CLI tests.

use serde_json::{json, Value};

/// A pack around the given rules, with one constant and one source.
pub fn pack(rules: Value) -> Value {
    json!({
        "id": "test", "version": "1", "locale": "en-US", "currency": "USD",
        "sources": [{"id": "s1", "title": "A source"}],
        "constants": {"limit": {"value": 3, "year": 2026, "source": "s1"}},
        "rules": rules
    })
}

/// A rule that fires when `when` holds, its detail showing the monthly surplus.
pub fn rule(id: &str, when: Value) -> Value {
    json!({"id": id, "when": when, "category": "test", "title": id, "detail": "detail of {{facts.monthlySurplus | money}}"})
}

/// The ids of the rules that fired in a report, in order.
pub fn fired(report: &Value) -> Vec<String> {
    report["actions"].as_array().unwrap().iter().map(|a| a["rule"].as_str().unwrap().to_string()).collect()
}
