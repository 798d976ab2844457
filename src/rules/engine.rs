//! Evaluating a validated pack over one evaluation data object `{facts, profile, constants, plans}`:
//! prerequisites, groups, stop, ranking, rendered messages, impact and traces.
//!
//! * Rules are evaluated in the pack's evaluation order (prerequisites first, then priority).
//! * A rule whose `after` names a rule that matched is *blocked*: that step comes first.
//! * Of the matching rules of one `group`, only the highest priority fires (ties: evaluation order).
//! * A firing rule with `stop: true` ends evaluation; later rules are *not reached*.
//! * A rule's `values` are computed first and read as `values.NAME`.
//! * Actions are ranked by priority (high first), then impact (high first), then evaluation order.

use crate::error::{pointer_join, Issue};
use crate::rules::logic::{number, truthy, Evaluator, TraceStep, MAX_EVAL_STEPS};
use crate::rules::pack::{Rule, RulePack};
use crate::rules::template::lookup_path;
use serde::Serialize;
use serde_json::Value;

/// Most evaluation steps for a whole pack over one profile.
pub const MAX_PACK_STEPS: u64 = 10_000_000;

/// A rule that fired, with its rendered advice.
#[derive(Debug, Clone, PartialEq)]
pub struct Fired {
    /// Index of the rule in the pack.
    pub rule: usize,
    /// Rendered title.
    pub title: String,
    /// Rendered detail.
    pub detail: String,
    /// The impact figure, when the rule names one.
    pub impact: Option<Impact>,
    /// The comparisons that made it fire.
    pub trace: Vec<TraceStep>,
}

/// What an action is worth: the path of the figure, its value (null when not available) and unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct Impact {
    /// Dotted path of the figure (`facts.unclaimedEmployerMatchAnnual`, `plans.debtPayoff…`).
    pub path: String,
    /// Its value, or null when the data does not have it (a plan not computed, …).
    pub value: Option<f64>,
    /// Its unit (`money/year`, `money`, `money/month`, `months`, `percent`): the rule's
    /// `impactUnit`, else the fact catalog's unit for a fact; null when unknown.
    pub unit: Option<String>,
}

/// Why a considered rule did not fire (listed with `explain: true`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct NotFired {
    /// The rule id.
    pub rule: String,
    /// `condition_false`, `blocked` (a prerequisite is pending), `group` (a higher-priority rule of
    /// its group fired) or `not_reached` (a `stop` rule ended evaluation).
    pub reason: &'static str,
    /// The first failing condition (for `condition_false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed: Option<TraceStep>,
    /// The rule that blocked or superseded it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The result of evaluating a pack.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// Fired rules, ranked.
    pub fired: Vec<Fired>,
    /// Rules that did not fire, in evaluation order (filled only when explaining).
    pub not_fired: Vec<NotFired>,
}

/// Evaluates `pack` over `data`. Errors only when the step limits are exceeded.
pub fn evaluate_pack(pack: &RulePack, data: &Value, explain: bool) -> Result<Outcome, Issue> {
    // One mutable copy of the data: each rule's computed values are set as its `values` root.
    let mut scope = data.clone();
    let data = &mut scope;
    let mut rule_values: Vec<Option<Value>> = vec![None; pack.rules.len()];
    let currency = lookup_path(data, "profile.currency").and_then(Value::as_str).unwrap_or(&pack.currency).to_string();
    let mut matched = vec![false; pack.rules.len()];
    let mut traces: Vec<Vec<TraceStep>> = vec![Vec::new(); pack.rules.len()];
    let mut candidates: Vec<usize> = Vec::new();
    let mut not_fired = Vec::new();
    let mut steps_left = MAX_PACK_STEPS;
    let mut stopped_by: Option<usize> = None;
    for &i in &pack.order {
        // `order` comes from validation; a hand-built pack with a stray index is skipped, not a panic.
        let Some(rule) = pack.rules.get(i) else { continue };
        if let Some(s) = stopped_by {
            if explain {
                not_fired.push(NotFired { rule: rule.id.clone(), reason: "not_reached", failed: None, by: Some(pack.rules[s].id.clone()) });
            }
            continue;
        }
        let values = compute_values(rule, i, data, &mut steps_left)?;
        set_values(data, values.clone());
        // Evaluate without a trace first (most rules do not fire); trace only what is reported.
        let (result, _) = run(rule, i, data, &mut steps_left, false)?;
        if !truthy(&result) {
            if explain {
                let (_, trace) = run(rule, i, data, &mut steps_left, true)?;
                let failed = trace.iter().rev().find(|s| !s.result).cloned();
                not_fired.push(NotFired { rule: rule.id.clone(), reason: "condition_false", failed, by: None });
            }
            continue;
        }
        matched[i] = true;
        let blocker = rule.after.iter().find(|d| pack.rule_index(d).is_some_and(|j| matched[j]));
        if let Some(b) = blocker {
            if explain {
                not_fired.push(NotFired { rule: rule.id.clone(), reason: "blocked", failed: None, by: Some(b.clone()) });
            }
            continue;
        }
        traces[i] = run(rule, i, data, &mut steps_left, true)?.1;
        rule_values[i] = Some(values);
        candidates.push(i);
        if rule.stop && group_winner(pack, &candidates, i) == i {
            stopped_by = Some(i);
        }
    }
    let mut fired_rules = Vec::new();
    for &i in &candidates {
        let winner = group_winner(pack, &candidates, i);
        if winner == i {
            fired_rules.push(i);
        } else if explain {
            not_fired.push(NotFired { rule: pack.rules[i].id.clone(), reason: "group", failed: None, by: Some(pack.rules[winner].id.clone()) });
        }
    }
    let fired: Vec<Fired> = fired_rules
        .into_iter()
        .map(|i| {
            let rule = &pack.rules[i];
            set_values(data, rule_values[i].take().unwrap_or(Value::Null));
            Fired {
                rule: i,
                title: rule.title.render(data, &currency),
                detail: rule.detail.render(data, &currency),
                impact: rule.impact.as_ref().map(|path| {
                    let unit = rule.impact_unit.clone().or_else(|| fact_unit(path));
                    let money = unit.as_deref().is_some_and(|u| u.starts_with("money"));
                    let value = lookup_path(data, path)
                        .and_then(Value::as_f64)
                        .filter(|v| v.is_finite())
                        .map(|v| if money { crate::money::round_cents(v) } else { v })
                        .and_then(|v| number(v).as_f64());
                    Impact { path: path.clone(), value, unit }
                }),
                trace: std::mem::take(&mut traces[i]),
            }
        })
        .collect();
    Ok(Outcome { fired: rank(pack, fired), not_fired })
}

/// Ranks fired rules (given in evaluation order): priority high first, then impact value high
/// first (money impacts compare as money a year: a monthly figure counts 12 times; a missing
/// impact ranks last), then evaluation order.
fn rank(pack: &RulePack, mut fired: Vec<Fired>) -> Vec<Fired> {
    let yearly = |f: &Fired| -> f64 {
        let Some(impact) = &f.impact else { return f64::NEG_INFINITY };
        let Some(v) = impact.value else { return f64::NEG_INFINITY };
        if impact.unit.as_deref() == Some("money/month") { v * 12.0 } else { v }
    };
    fired.sort_by(|a, b| {
        pack.rules[b.rule].priority.total_cmp(&pack.rules[a.rule].priority).then_with(|| yearly(b).total_cmp(&yearly(a)))
    });
    fired
}

/// The catalog unit of a `facts.NAME` path.
fn fact_unit(path: &str) -> Option<String> {
    let name = path.strip_prefix("facts.")?;
    crate::facts::catalog::FACTS.iter().find(|f| f.name == name).map(|f| f.unit.to_string())
}

/// Sets the `values` root of the evaluation data.
fn set_values(data: &mut Value, values: Value) {
    if let Value::Object(map) = data {
        map.insert("values".to_string(), values);
    }
}

/// Computes a rule's values in order; each sees the ones before it.
fn compute_values(rule: &Rule, index: usize, data: &mut Value, steps_left: &mut u64) -> Result<Value, Issue> {
    let mut out = serde_json::Map::new();
    for (name, expr) in &rule.values {
        set_values(data, Value::Object(out.clone()));
        let mut evaluator = Evaluator::new((*steps_left).min(MAX_EVAL_STEPS), false);
        let pointer = pointer_join(&pointer_join(&format!("/rules/{index}"), "values"), name);
        let value = evaluator.eval(expr, data).map_err(|e| e.to_issue(&pointer))?;
        *steps_left -= evaluator.steps().min(*steps_left);
        out.insert(name.clone(), value);
    }
    Ok(Value::Object(out))
}

/// Evaluates one rule's condition within the pack's remaining step budget.
fn run(rule: &Rule, index: usize, data: &Value, steps_left: &mut u64, trace: bool) -> Result<(Value, Vec<TraceStep>), Issue> {
    let mut evaluator = Evaluator::new((*steps_left).min(MAX_EVAL_STEPS), trace);
    let result = evaluator.eval(&rule.when, data).map_err(|e| e.to_issue(&pointer_join(&format!("/rules/{index}"), "when")))?;
    *steps_left -= evaluator.steps().min(*steps_left);
    Ok((result, evaluator.take_trace()))
}

/// The rule that fires for candidate `i`'s group: the highest priority, ties to the earliest.
fn group_winner(pack: &RulePack, candidates: &[usize], i: usize) -> usize {
    let Some(group) = &pack.rules[i].group else { return i };
    let mut best = i;
    for &j in candidates {
        if pack.rules[j].group.as_ref() == Some(group) && pack.rules[j].priority > pack.rules[best].priority {
            best = j;
        }
    }
    // Ties: the first candidate of the best priority in evaluation order.
    candidates
        .iter()
        .copied()
        .find(|&j| pack.rules[j].group.as_ref() == Some(group) && pack.rules[j].priority == pack.rules[best].priority)
        .unwrap_or(best)
}
