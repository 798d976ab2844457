//! Where evaluation reads data from. A JSON Logic expression on its own (`evaluateLogic`, the
//! items of `map`/`filter`/…) reads a plain value; a rule of a compiled pack reads a [`Frame`]:
//! the pack's data paths read once per evaluation into slots, the pack's constants and the rule's
//! own values, so that a path bound at compile time ([`Binding`]) costs an index, not a walk
//! through maps with string keys.

use crate::rules::logic::Expr;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Where a dotted path's value comes from, decided when a pack is compiled (`bind.rs`).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Binding {
    /// Looked up when evaluated, in the scope at hand: the data of `evaluateLogic`, an item of
    /// `map`/`filter`/…, or a path of a pack that is not bound.
    #[default]
    Scope,
    /// Slot `n` of the pack's data paths ([`crate::rules::RulePack::inputs`]), read once per evaluation.
    Slot(usize),
    /// A pack constant's value, known at compile time (`None`: a path deeper than a constant).
    Constant(Option<Value>),
    /// The rule's value number `n` (`values.NAME`), then the rest of the path.
    Local(usize, Vec<String>),
}

/// A dotted data path as written (`facts.emergencyFundMonths`), split, and where its value comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// The path as written.
    pub text: String,
    /// Its segments.
    pub parts: Vec<String>,
    /// Where its value comes from; [`Binding::Scope`] until the pack is compiled.
    pub binding: Binding,
}

impl Reference {
    /// An unbound reference to `text`.
    pub fn new(text: &str) -> Reference {
        Reference {
            text: text.to_string(),
            parts: text.split('.').map(str::to_string).collect(),
            binding: Binding::Scope,
        }
    }
}

/// What one rule of a compiled pack reads.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    /// The value of each of the pack's data paths (`None`: absent).
    pub slots: &'a [Option<&'a Value>],
    /// The whole data, for packs that compute paths at evaluation time (`{"var": {"cat": …}}`,
    /// `missing`); `None` when only the slots were read.
    pub data: Option<&'a Value>,
    /// The pack's constants as one object `{name: value}`.
    pub constants: &'a Value,
    /// The rule's named values (`values`), in order.
    pub names: &'a [(String, Expr)],
    /// The rule's values computed so far (a value reads only earlier ones).
    pub values: &'a [Value],
}

/// The data an expression is evaluated against.
#[derive(Clone, Copy)]
pub enum Scope<'a> {
    /// A plain value: the data of a lone expression, or an item of `map`/`filter`/….
    Value(&'a Value),
    /// A rule of a compiled pack.
    Frame(&'a Frame<'a>),
}

impl<'a> Scope<'a> {
    /// The value of a path: by its binding when it has one, else looked up by name.
    pub fn resolve(self, reference: &'a Reference) -> Option<Cow<'a, Value>> {
        match (self, &reference.binding) {
            (_, Binding::Constant(value)) => value.as_ref().map(Cow::Borrowed),
            (Scope::Frame(frame), Binding::Slot(n)) => frame.slots.get(*n).copied().flatten().map(Cow::Borrowed),
            (Scope::Frame(frame), Binding::Local(n, rest)) => lookup(frame.values.get(*n)?, rest).map(Cow::Borrowed),
            _ => self.lookup(&reference.parts),
        }
    }

    /// The value at a path named at evaluation time (`var` with a computed path, `missing`);
    /// an empty path is the whole data.
    pub fn lookup<S: AsRef<str>>(self, parts: &[S]) -> Option<Cow<'a, Value>> {
        let frame = match self {
            Scope::Value(value) => return lookup(value, parts).map(Cow::Borrowed),
            Scope::Frame(frame) => frame,
        };
        let Some(root) = parts.first() else { return Some(self.whole()) };
        match root.as_ref() {
            "constants" => lookup(frame.constants, &parts[1..]).map(Cow::Borrowed),
            "values" => match parts.get(1) {
                None => Some(Cow::Owned(frame.values_object())),
                Some(name) => {
                    let n = frame.names.iter().position(|(known, _)| known == name.as_ref())?;
                    lookup(frame.values.get(n)?, &parts[2..]).map(Cow::Borrowed)
                }
            },
            _ => lookup(frame.data?, parts).map(Cow::Borrowed),
        }
    }

    /// The whole data (`{"var": ""}`): for a rule, the data with its `constants` and `values`.
    pub fn whole(self) -> Cow<'a, Value> {
        match self {
            Scope::Value(value) => Cow::Borrowed(value),
            Scope::Frame(frame) => {
                let mut map = match frame.data {
                    Some(Value::Object(map)) => map.clone(),
                    _ => Map::new(),
                };
                map.insert("constants".to_string(), frame.constants.clone());
                map.insert("values".to_string(), frame.values_object());
                Cow::Owned(Value::Object(map))
            }
        }
    }
}

impl Frame<'_> {
    /// The rule's values computed so far as one object `{name: value}`.
    fn values_object(&self) -> Value {
        Value::Object(
            self.names.iter().zip(self.values).map(|((name, _), value)| (name.clone(), value.clone())).collect(),
        )
    }
}

/// Follows path segments through objects and (numeric segments) arrays.
pub fn lookup<'v, S: AsRef<str>>(data: &'v Value, parts: &[S]) -> Option<&'v Value> {
    let mut current = data;
    for part in parts {
        let part = part.as_ref();
        current = match current {
            Value::Object(map) => map.get(part)?,
            Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}
