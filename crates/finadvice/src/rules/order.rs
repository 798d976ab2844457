//! Rule ids and evaluation order: duplicate ids, unknown or self prerequisites, cycles in `after`,
//! and the order rules are evaluated in (prerequisites first, then priority, then pack order).
//! Read from the raw rules so that these problems are reported even when a rule has others.

use crate::error::ErrorCode;
use crate::input::Input;
use crate::validation::Problems;
use std::collections::{BinaryHeap, HashMap};

/// What ordering needs of a rule, read even when the rest of the rule is invalid so that every
/// duplicate id and cycle is reported at once.
pub(crate) struct Link {
    index: usize,
    id: String,
    after: Vec<String>,
    priority: f64,
}

pub(crate) fn read_link(item: &Input, index: usize) -> Option<Link> {
    let Input::Object(entries) = item else { return None };
    let get = |k: &str| entries.iter().find(|(key, _)| key == k).map(|(_, v)| v);
    let Some(Input::String(id)) = get("id") else { return None };
    let after = match get("after") {
        Some(Input::Array(items)) => items
            .iter()
            .filter_map(|a| if let Input::String(s) = a { Some(s.trim().to_string()) } else { None })
            .collect(),
        _ => Vec::new(),
    };
    let priority = match get("priority") {
        Some(Input::Number(n)) if n.is_finite() => *n,
        _ => 0.0,
    };
    Some(Link { index, id: id.trim().to_string(), after, priority })
}

pub(crate) fn check_rule_ids(rules: &[Link], problems: &mut Problems) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for rule in rules {
        let i = rule.index;
        if seen.insert(rule.id.as_str(), i).is_some() {
            problems.push(
                ErrorCode::Duplicate,
                &format!("/rules/{i}/id"),
                format!("rule id \"{}\" is used twice", rule.id),
            );
        }
    }
    for rule in rules {
        let i = rule.index;
        for (k, dep) in rule.after.iter().enumerate() {
            let pointer = format!("/rules/{i}/after/{k}");
            if *dep == rule.id {
                problems.push(ErrorCode::Cycle, &pointer, format!("rule \"{dep}\" cannot come after itself"));
            } else if !seen.contains_key(dep.as_str()) {
                problems.push(ErrorCode::UnknownReference, &pointer, format!("no rule has the id \"{dep}\""));
            }
        }
    }
}

/// Kahn's algorithm: prerequisites first; among ready rules, higher priority, then pack order.
/// Rules left over are in (or wait on) a cycle, reported on their first unresolved `after`.
pub(crate) fn evaluation_order(rules: &[Link], problems: &mut Problems) -> Option<Vec<usize>> {
    let index: HashMap<&str, usize> = rules.iter().enumerate().rev().map(|(n, r)| (r.id.as_str(), n)).collect();
    let n = rules.len();
    let mut waiting = vec![0usize; n];
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (j, rule) in rules.iter().enumerate() {
        for dep in &rule.after {
            if let Some(&d) = index.get(dep.as_str()).filter(|&&d| d != j) {
                waiting[j] += 1;
                dependents[d].push(j);
            }
        }
    }
    // Max-heap on (priority, reverse pack order).
    let key = |j: usize| (OrderedPriority(rules[j].priority), std::cmp::Reverse(j));
    let mut ready: BinaryHeap<_> = (0..n).filter(|&j| waiting[j] == 0).map(key).collect();
    let mut order = Vec::with_capacity(n);
    while let Some((_, std::cmp::Reverse(j))) = ready.pop() {
        order.push(j);
        for &k in &dependents[j] {
            waiting[k] -= 1;
            if waiting[k] == 0 {
                ready.push(key(k));
            }
        }
    }
    if order.len() == n {
        return Some(order);
    }
    for (rule, _) in rules.iter().zip(&waiting).filter(|(_, w)| **w > 0) {
        let i = rule.index;
        let k = rule.after.iter().position(|d| index.get(d.as_str()).is_some_and(|&x| waiting[x] > 0)).unwrap_or(0);
        problems.push(
            ErrorCode::Cycle,
            &format!("/rules/{i}/after/{k}"),
            format!("rule \"{}\" is part of, or waits on, a cycle of `after` prerequisites", rule.id),
        );
    }
    None
}

/// A priority ordered with `total_cmp`, so it can key a heap.
#[derive(PartialEq)]
struct OrderedPriority(f64);
impl Eq for OrderedPriority {}
impl PartialOrd for OrderedPriority {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrderedPriority {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}
