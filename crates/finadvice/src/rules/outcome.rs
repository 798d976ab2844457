//! Evaluating a compiled pack over one evaluation's data `{facts, profile, plans, model}` (the
//! constants are the pack's own): prerequisites, groups, stop, ranking, rendered messages, impact
//! and traces. Every path was bound to a slot when the pack was compiled (`bind.rs`), so the data
//! is read once per evaluation, not once per comparison.
//!
//! * Rules are evaluated in the pack's evaluation order (prerequisites first, then priority).
//! * A rule whose `after` names a rule that matched is *blocked*: that step comes first. A blocked
//!   rule is still reported as *waiting*, with the rules it waits for, so a plan can say what
//!   comes next (of one group's waiting rules only the one that would fire; none where a rule of
//!   its group fired).
//! * Of the matching rules of one `group`, only the highest priority fires (ties: evaluation order).
//! * A firing rule with `stop: true` ends evaluation; later rules are *not reached*.
//! * A rule's `values` are computed first and read as `values.NAME`.
//! * Actions are ranked by priority (high first), then impact (high first), then evaluation order.

use crate::error::{pointer_join, Issue};
use crate::rules::logic::{number, Evaluator, TraceStep, MAX_EVAL_STEPS};
use crate::rules::pack::{Rule, RulePack};
use crate::rules::scope::{lookup, Frame, Scope};
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
    /// The rule's computed values by name, in the pack's order (the report's monthly plan reads
    /// its `plan*` values).
    pub values: Vec<(String, Value)>,
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
    /// What the figure is (the rule's `impactKind`: `interest-saved`, `free-money`, `to-set-aside`,
    /// …), for wording it without knowing the rule; null when the rule does not say.
    pub kind: Option<String>,
    /// The value with its unit in words, in the profile's currency ("$870 a year", "$100",
    /// "$450 a month", "12 months", "5%"); null when the value is.
    pub text: Option<String>,
}

/// An impact's value with its unit in words ([`Impact::text`]).
pub fn impact_text(value: Option<f64>, unit: Option<&str>, currency: &str) -> Option<String> {
    let v = value?;
    let number = |x: f64| crate::money::group(x, if x.fract() == 0.0 { 0 } else { 1 });
    Some(match unit {
        Some("money/year") => format!("{} a year", crate::money::money(v, currency)),
        Some("money/month") => format!("{} a month", crate::money::money(v, currency)),
        Some("money") => crate::money::money(v, currency),
        Some("months") => format!("{} months", number(v)),
        Some("years") => format!("{} years", number(v)),
        Some("percent") => format!("{}%", number(v)),
        Some("ratio") => format!("{}%", number(v * 100.0)),
        _ => number(v),
    })
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
    #[cfg_attr(test, ts(optional))]
    pub failed: Option<TraceStep>,
    /// The rule that blocked or superseded it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub by: Option<String>,
}

/// A rule whose condition holds but that waits for earlier steps (its `after` rules that matched).
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    /// The rule, rendered as if it fired.
    pub rule: Fired,
    /// Indices of the rules it waits for, in its `after` order.
    pub after: Vec<usize>,
}

/// The result of evaluating a pack.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// Fired rules, ranked.
    pub fired: Vec<Fired>,
    /// Rules that apply but wait for an earlier step, ranked as the fired ones are.
    pub waiting: Vec<Waiting>,
    /// Rules that did not fire, in evaluation order (filled only when explaining).
    pub not_fired: Vec<NotFired>,
}

/// What one evaluation of a pack reads: the value of each of the pack's data paths (its slots,
/// [`RulePack::inputs`]) and, for packs that compute paths at evaluation time, the whole data.
pub struct Inputs<'a> {
    /// One value per data path of the pack (`None`: absent).
    pub slots: Vec<Option<&'a Value>>,
    /// The whole data; needed only when [`RulePack::reads_whole_data`].
    pub data: Option<&'a Value>,
}

impl<'a> Inputs<'a> {
    /// Reads the pack's data paths from the whole data (kept for paths computed at evaluation time).
    pub fn read(pack: &RulePack, data: &'a Value) -> Inputs<'a> {
        Inputs { slots: pack.inputs.iter().map(|path| lookup(data, &path.parts)).collect(), data: Some(data) }
    }

    /// What `rule` reads, with its values computed so far.
    pub(crate) fn frame<'f>(&'f self, pack: &'f RulePack, rule: &'f Rule, values: &'f [Value]) -> Frame<'f> {
        Frame { slots: &self.slots, data: self.data, constants: &pack.constants_object, names: &rule.values, values }
    }
}

/// The decision pass: which rules fire (in evaluation order, with their values) and, when
/// explaining, why the others did not.
pub(crate) struct Decision {
    /// Fired rules in evaluation order, with the values each computed.
    pub fired: Vec<(usize, Vec<Value>)>,
    /// Blocked rules whose condition holds, in evaluation order: the rule, its values and the
    /// matched rules of its `after` that block it.
    pub waiting: Vec<(usize, Vec<Value>, Vec<usize>)>,
    /// Rules that did not fire (filled only when explaining).
    pub not_fired: Vec<NotFired>,
    /// What is left of the pack's step budget.
    pub steps_left: u64,
}

/// Decides which rules fire: values, conditions, prerequisites, stop and groups. Conditions are
/// evaluated without a trace; a trace is built only for what is reported.
pub(crate) fn decide(pack: &RulePack, inputs: &Inputs<'_>, explain: bool) -> Result<Decision, Issue> {
    let mut matched = vec![false; pack.rules.len()];
    let mut candidates: Vec<(usize, Vec<Value>)> = Vec::new();
    let mut candidate_rules: Vec<usize> = Vec::new();
    let mut waiting: Vec<(usize, Vec<Value>, Vec<usize>)> = Vec::new();
    let mut not_fired = Vec::new();
    let mut steps_left = MAX_PACK_STEPS;
    let mut stopped_by: Option<usize> = None;
    let mut values: Vec<Value> = Vec::new();
    for &i in &pack.order {
        // `order` comes from validation; a hand-built pack with a stray index is skipped, not a panic.
        let Some(rule) = pack.rules.get(i) else { continue };
        if let Some(s) = stopped_by {
            if explain {
                not_fired.push(NotFired {
                    rule: rule.id.clone(),
                    reason: "not_reached",
                    failed: None,
                    by: Some(pack.rules[s].id.clone()),
                });
            }
            continue;
        }
        values.clear();
        compute_values(pack, rule, i, inputs, &mut values, &mut steps_left)?;
        let frame = inputs.frame(pack, rule, &values);
        if !run(rule, i, &frame, &mut steps_left, false)?.0 {
            if explain {
                let (_, trace) = run(rule, i, &frame, &mut steps_left, true)?;
                let failed = trace.iter().rev().find(|s| !s.result).cloned();
                not_fired.push(NotFired { rule: rule.id.clone(), reason: "condition_false", failed, by: None });
            }
            continue;
        }
        matched[i] = true;
        let blockers: Vec<usize> =
            rule.after_index.iter().copied().filter(|&j| matched.get(j) == Some(&true)).collect();
        if let Some(&b) = blockers.first() {
            if explain {
                not_fired.push(NotFired {
                    rule: rule.id.clone(),
                    reason: "blocked",
                    failed: None,
                    by: Some(pack.rules[b].id.clone()),
                });
            }
            waiting.push((i, std::mem::take(&mut values), blockers));
            continue;
        }
        candidates.push((i, std::mem::take(&mut values)));
        candidate_rules.push(i);
        if rule.stop && group_winner(pack, &candidate_rules, i) == i {
            stopped_by = Some(i);
        }
    }
    let mut fired = Vec::with_capacity(candidates.len());
    for (i, values) in candidates {
        let winner = group_winner(pack, &candidate_rules, i);
        if winner == i {
            fired.push((i, values));
        } else if explain {
            not_fired.push(NotFired {
                rule: pack.rules[i].id.clone(),
                reason: "group",
                failed: None,
                by: Some(pack.rules[winner].id.clone()),
            });
        }
    }
    // A waiting rule stands for its group only where no rule of the group fired and it is the
    // group's winner among the waiting ones.
    let waiting_rules: Vec<usize> = waiting.iter().map(|w| w.0).collect();
    let fired_groups: Vec<&String> = fired.iter().filter_map(|(i, _)| pack.rules[*i].group.as_ref()).collect();
    waiting.retain(|(i, _, _)| {
        let rule = &pack.rules[*i];
        rule.group.as_ref().map_or(true, |g| !fired_groups.contains(&g)) && group_winner(pack, &waiting_rules, *i) == *i
    });
    Ok(Decision { fired, waiting, not_fired, steps_left })
}

/// Evaluates `pack` over `data` (`{facts, profile, plans, model}`; the constants are the pack's)
/// and renders the fired and waiting rules' messages in `currency`. Errors only when the step
/// limits are exceeded.
pub fn evaluate_pack(pack: &RulePack, data: &Value, currency: &str, explain: bool) -> Result<Outcome, Issue> {
    let inputs = Inputs::read(pack, data);
    let Decision { fired, waiting, not_fired, mut steps_left } = decide(pack, &inputs, explain)?;
    let mut out = Vec::with_capacity(fired.len());
    for (i, values) in fired {
        out.push(render(pack, &inputs, i, values, currency, &mut steps_left)?);
    }
    let key = |f: &Fired| {
        (f.rule, yearly(f.impact.as_ref().and_then(|i| i.value), f.impact.as_ref().and_then(|i| i.unit.as_deref())))
    };
    rank(pack, &mut out, key);
    let mut later = Vec::with_capacity(waiting.len());
    for (i, values, after) in waiting {
        later.push(Waiting { rule: render(pack, &inputs, i, values, currency, &mut steps_left)?, after });
    }
    rank(pack, &mut later, |w| key(&w.rule));
    Ok(Outcome { fired: out, waiting: later, not_fired })
}

/// Rule `i` with its `values` rendered in `currency`: title, detail, impact, trace.
fn render(
    pack: &RulePack,
    inputs: &Inputs<'_>,
    i: usize,
    values: Vec<Value>,
    currency: &str,
    steps_left: &mut u64,
) -> Result<Fired, Issue> {
    let rule = &pack.rules[i];
    let frame = inputs.frame(pack, rule, &values);
    let scope = Scope::Frame(&frame);
    let title = rule.title.render(scope, currency);
    let detail = rule.detail.render(scope, currency);
    let impact = rule.impact.as_ref().map(|path| {
        let value = impact_value(rule, scope);
        Impact {
            path: path.text.clone(),
            value,
            unit: rule.impact_unit.clone(),
            kind: rule.impact_kind.clone(),
            text: impact_text(value, rule.impact_unit.as_deref(), currency),
        }
    });
    let trace = run(rule, i, &frame, steps_left, true)?.1;
    let values = rule.values.iter().map(|(name, _)| name.clone()).zip(values).collect();
    Ok(Fired { rule: i, title, detail, impact, trace, values })
}

/// The value of a rule's impact over `scope`: finite numbers only, money rounded to cents.
pub(crate) fn impact_value(rule: &Rule, scope: Scope<'_>) -> Option<f64> {
    let money = rule.impact_unit.as_deref().is_some_and(|u| u.starts_with("money"));
    scope
        .resolve(rule.impact.as_ref()?)
        .as_deref()
        .and_then(Value::as_f64)
        .filter(|v| v.is_finite())
        .map(|v| if money { crate::money::round_cents(v) } else { v })
        .and_then(|v| number(v).as_f64())
}

/// An impact as money a year, for ranking: a monthly figure counts 12 times; none ranks last.
pub(crate) fn yearly(value: Option<f64>, unit: Option<&str>) -> f64 {
    match value {
        None => f64::NEG_INFINITY,
        Some(v) if unit == Some("money/month") => v * 12.0,
        Some(v) => v,
    }
}

/// Ranks fired rules (given in evaluation order) by priority, high first, then by yearly impact,
/// high first, then evaluation order (the sort is stable). `key` gives each item's rule and
/// yearly impact.
pub(crate) fn rank<T>(pack: &RulePack, items: &mut [T], key: impl Fn(&T) -> (usize, f64)) {
    items.sort_by(|a, b| {
        let ((ra, ya), (rb, yb)) = (key(a), key(b));
        pack.rules[rb].priority.total_cmp(&pack.rules[ra].priority).then_with(|| yb.total_cmp(&ya))
    });
}

/// Computes a rule's values in order into `values`; each sees the ones before it.
fn compute_values(
    pack: &RulePack,
    rule: &Rule,
    index: usize,
    inputs: &Inputs<'_>,
    values: &mut Vec<Value>,
    steps_left: &mut u64,
) -> Result<(), Issue> {
    for (name, expr) in &rule.values {
        let frame = inputs.frame(pack, rule, values);
        let mut evaluator = Evaluator::new((*steps_left).min(MAX_EVAL_STEPS), false);
        let value = evaluator
            .eval(expr, Scope::Frame(&frame))
            .map_err(|e| e.to_issue(&pointer_join(&pointer_join(&format!("/rules/{index}"), "values"), name)))?
            .into_owned();
        *steps_left -= evaluator.steps().min(*steps_left);
        values.push(value);
    }
    Ok(())
}

/// Evaluates one rule's condition within the pack's remaining step budget: whether it holds and,
/// when `trace`, the comparisons made.
fn run(
    rule: &Rule,
    index: usize,
    frame: &Frame<'_>,
    steps_left: &mut u64,
    trace: bool,
) -> Result<(bool, Vec<TraceStep>), Issue> {
    let mut evaluator = Evaluator::new((*steps_left).min(MAX_EVAL_STEPS), trace);
    let holds = evaluator
        .truthy(&rule.when, Scope::Frame(frame))
        .map_err(|e| e.to_issue(&pointer_join(&format!("/rules/{index}"), "when")))?;
    *steps_left -= evaluator.steps().min(*steps_left);
    Ok((holds, evaluator.take_trace()))
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
