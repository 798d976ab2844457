//! Compiling a validated pack for evaluation, once: every `facts.*`, `profile.*`, `plans.*` and
//! `model.*` path of a condition, value, template or impact gets a slot among the pack's data
//! paths (read once per evaluation); every `constants.*` path gets the constant's value; every
//! `values.*` path the index of the rule's value. `after` ids become rule indexes, and an impact
//! without a unit takes its fact's unit from the catalog.

use crate::error::pointer_join;
use crate::facts::catalog::FACTS;
use crate::rules::logic::{Expr, Op};
use crate::rules::pack::RulePack;
use crate::rules::scope::{lookup, Binding, Reference};
use serde_json::Value;
use std::collections::HashMap;

/// A path into the evaluation data that a pack reads; each distinct path has one slot.
#[derive(Debug, Clone, PartialEq)]
pub struct DataPath {
    /// Its segments (`["facts", "emergencyFundMonths"]`).
    pub parts: Vec<String>,
    /// Its JSON pointer in the data (`/facts/emergencyFundMonths`), for errors about the value there.
    pub pointer: String,
}

/// Binds every reference of a validated pack; see the module documentation.
pub(crate) fn bind_pack(mut pack: RulePack) -> RulePack {
    let constants = pack.constants_value();
    let ids: HashMap<&str, usize> = pack.rules.iter().enumerate().rev().map(|(i, r)| (r.id.as_str(), i)).collect();
    let after: Vec<Vec<usize>> =
        pack.rules.iter().map(|r| r.after.iter().filter_map(|id| ids.get(id.as_str()).copied()).collect()).collect();
    let mut binder = Binder { constants: &constants, slots: HashMap::new(), inputs: Vec::new(), whole: false };
    for (rule, after) in pack.rules.iter_mut().zip(after) {
        rule.after_index = after;
        for k in 0..rule.values.len() {
            let (earlier, rest) = rule.values.split_at_mut(k);
            binder.expr(&mut rest[0].1, earlier);
        }
        let names = &rule.values;
        binder.expr(&mut rule.when, names);
        for reference in rule.title.references_mut().chain(rule.detail.references_mut()).chain(rule.impact.as_mut()) {
            binder.reference(reference, names);
        }
        if rule.impact_unit.is_none() {
            rule.impact_unit = rule.impact.as_ref().and_then(|r| fact_unit(&r.text));
        }
    }
    pack.inputs = binder.inputs;
    pack.reads_whole_data = binder.whole;
    pack.constants_object = constants;
    pack
}

/// The catalog unit of a `facts.NAME` path.
fn fact_unit(path: &str) -> Option<String> {
    let name = path.strip_prefix("facts.")?;
    FACTS.iter().find(|f| f.name == name).map(|f| f.unit.to_string())
}

struct Binder<'a> {
    constants: &'a Value,
    slots: HashMap<String, usize>,
    inputs: Vec<DataPath>,
    whole: bool,
}

impl Binder<'_> {
    /// Binds the paths an expression reads from the rule's data (not those relative to the items
    /// of `map`/`filter`/…); `names` are the values the expression may read.
    fn expr(&mut self, expr: &mut Expr, names: &[(String, Expr)]) {
        match expr {
            Expr::Literal(_) => {}
            Expr::Array(items) => items.iter_mut().for_each(|item| self.expr(item, names)),
            Expr::Path(path) => {
                self.reference(&mut path.path, names);
                if let Some(default) = &mut path.default {
                    self.expr(default, names);
                }
            }
            Expr::Call(op, args) => {
                // A path computed at evaluation time can name anything in the data.
                self.whole |= matches!(op, Op::Var | Op::Missing | Op::MissingSome);
                let n = if op.is_iterator() { 1.min(args.len()) } else { args.len() };
                args[..n].iter_mut().for_each(|arg| self.expr(arg, names));
            }
        }
    }

    fn reference(&mut self, reference: &mut Reference, names: &[(String, Expr)]) {
        let parts = &reference.parts;
        reference.binding = match parts[0].as_str() {
            "constants" => Binding::Constant(lookup(self.constants, &parts[1..]).cloned()),
            "values" => match parts.get(1).and_then(|name| names.iter().position(|(known, _)| known == name)) {
                Some(n) => Binding::Local(n, parts[2..].to_vec()),
                None => Binding::Scope,
            },
            _ => {
                let next = self.inputs.len();
                let slot = *self.slots.entry(reference.text.clone()).or_insert(next);
                if slot == next {
                    let pointer = parts.iter().fold(String::new(), |p, part| pointer_join(&p, part));
                    self.inputs.push(DataPath { parts: parts.clone(), pointer });
                }
                Binding::Slot(slot)
            }
        };
    }
}
