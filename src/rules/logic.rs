//! JSON Logic (<https://jsonlogic.com>), compiled once and evaluated many times.
//!
//! The semantics follow the reference implementation json-logic-js (JavaScript truthiness, loose
//! `==`, `parseFloat` in `+`/`*`, …) and are checked against the official suite
//! (`tests/conformance/jsonlogic/tests.json`). Why our own evaluator and not a crate is written
//! down in `docs/RULES.md`. Two limits keep hostile rules harmless: compile depth
//! ([`MAX_LOGIC_DEPTH`]) and evaluation steps (one per node visited, [`MAX_EVAL_STEPS`]).
//! Numbers that JSON cannot hold (NaN, ±Infinity, e.g. `1/0`) come out as `null`.

use crate::error::{pointer_join, ErrorCode, Issue};
use serde_json::{Map, Value};

pub use crate::rules::js_values::{
    js_number_string, js_string, loose_eq, number, same_value, strict_eq, to_number, truthy,
};
use crate::rules::js_values::{less, less_eq, parse_float};

/// Deepest nesting of a JSON Logic expression.
pub const MAX_LOGIC_DEPTH: usize = 32;
/// Most evaluation steps (nodes visited) for one evaluation of one expression.
pub const MAX_EVAL_STEPS: u64 = 1_000_000;
/// Most trace steps kept for one evaluation.
pub const MAX_TRACE_STEPS: usize = 64;

/// A JSON Logic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Op {
    Var, Missing, MissingSome, If, Eq, StrictEq, Ne, StrictNe, Not, NotNot, Or, And, Gt, Ge, Lt, Le,
    Max, Min, Add, Sub, Mul, Div, Mod, Map, Filter, Reduce, All, None, Some, Merge, In, Cat, Substr, Log,
}

/// Every operator with its JSON name (`if` and `?:` are the same operator).
pub const OPERATORS: &[(&str, Op)] = &[
    ("var", Op::Var), ("missing", Op::Missing), ("missing_some", Op::MissingSome), ("if", Op::If),
    ("?:", Op::If), ("==", Op::Eq), ("===", Op::StrictEq), ("!=", Op::Ne), ("!==", Op::StrictNe),
    ("!", Op::Not), ("!!", Op::NotNot), ("or", Op::Or), ("and", Op::And), (">", Op::Gt), (">=", Op::Ge),
    ("<", Op::Lt), ("<=", Op::Le), ("max", Op::Max), ("min", Op::Min), ("+", Op::Add), ("-", Op::Sub),
    ("*", Op::Mul), ("/", Op::Div), ("%", Op::Mod), ("map", Op::Map), ("filter", Op::Filter),
    ("reduce", Op::Reduce), ("all", Op::All), ("none", Op::None), ("some", Op::Some), ("merge", Op::Merge),
    ("in", Op::In), ("cat", Op::Cat), ("substr", Op::Substr), ("log", Op::Log),
];

impl Op {
    /// The operator named `name`, if JSON Logic defines it.
    pub fn from_name(name: &str) -> Option<Op> {
        OPERATORS.iter().find(|(n, _)| *n == name).map(|(_, op)| *op)
    }

    /// The operator's JSON name.
    pub fn name(self) -> &'static str {
        OPERATORS.iter().find(|(_, op)| *op == self).map_or("?", |(n, _)| n)
    }

    fn is_comparison(self) -> bool {
        matches!(self, Op::Eq | Op::StrictEq | Op::Ne | Op::StrictNe | Op::Gt | Op::Ge | Op::Lt | Op::Le | Op::In)
    }

    /// Operators whose second argument is evaluated against each array item, not the data.
    pub fn is_iterator(self) -> bool {
        matches!(self, Op::Map | Op::Filter | Op::Reduce | Op::All | Op::None | Op::Some)
    }
}

/// A literal `var` path, resolved at compile time.
#[derive(Debug, Clone, PartialEq)]
pub struct PathRef {
    /// The dotted path as written.
    pub text: String,
    /// Its segments.
    pub parts: Vec<String>,
    /// The value when the path is absent.
    pub default: Option<Expr>,
    /// Where the path string is in the rule.
    pub pointer: String,
}

/// A compiled expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A value returned as is (numbers, strings, objects that are not operations).
    Literal(Value),
    /// An array whose items are evaluated.
    Array(Vec<Expr>),
    /// `{"var": "a.b"}` with a literal path: the path as written, pre-split, the optional default
    /// and the JSON pointer of the path in the rule (for validation errors).
    Path(Box<PathRef>),
    /// Any other operation and its arguments.
    Call(Op, Vec<Expr>),
}

impl Expr {
    /// Compiles a JSON Logic value; `path` is its JSON pointer, used in errors.
    pub fn compile(value: &Value, path: &str) -> Result<Expr, Issue> {
        compile(value, path, 0)
    }

    /// Visits every `{"var": "literal.path"}` that reads the evaluation data (not the items of
    /// `map`/`filter`/…), with the JSON pointer of the path string.
    pub fn visit_data_paths(&self, f: &mut dyn FnMut(&str, &str)) {
        match self {
            Expr::Literal(_) => {}
            Expr::Array(items) => items.iter().for_each(|item| item.visit_data_paths(f)),
            Expr::Path(path) => {
                f(&path.text, &path.pointer);
                if let Some(d) = &path.default {
                    d.visit_data_paths(f);
                }
            }
            Expr::Call(op, args) => {
                let n = if op.is_iterator() { 1.min(args.len()) } else { args.len() };
                args[..n].iter().for_each(|arg| arg.visit_data_paths(f));
            }
        }
    }

    /// A short human rendering of the expression: a path, a literal or `op(…)`.
    pub fn label(&self) -> String {
        match self {
            Expr::Literal(v) => v.to_string(),
            Expr::Array(_) => "[…]".to_string(),
            Expr::Path(path) => path.text.clone(),
            Expr::Call(op, _) => format!("{}(…)", op.name()),
        }
    }
}

fn compile(value: &Value, path: &str, depth: usize) -> Result<Expr, Issue> {
    if depth > MAX_LOGIC_DEPTH {
        return Err(Issue::new(ErrorCode::TooDeep, path, format!("logic is nested deeper than {MAX_LOGIC_DEPTH} levels")));
    }
    match value {
        Value::Array(items) => Ok(Expr::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| compile(v, &pointer_join(path, &i.to_string()), depth + 1))
                .collect::<Result<_, _>>()?,
        )),
        Value::Object(map) if map.len() == 1 => {
            let Some((name, raw_args)) = map.iter().next() else { return Ok(Expr::Literal(value.clone())) };
            let op_path = pointer_join(path, name);
            let Some(op) = Op::from_name(name) else {
                return Err(Issue::new(
                    ErrorCode::UnknownOperator,
                    &op_path,
                    format!("unknown JSON Logic operator \"{name}\""),
                ));
            };
            let args: Vec<Expr> = match raw_args {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| compile(v, &pointer_join(&op_path, &i.to_string()), depth + 1))
                    .collect::<Result<_, _>>()?,
                single => vec![compile(single, &op_path, depth + 1)?],
            };
            if op == Op::Var {
                if let Some(Expr::Literal(literal)) = args.first() {
                    let text = match literal {
                        Value::String(s) => Some(s.clone()),
                        Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    };
                    if let Some(text) = text.filter(|t| !t.is_empty()) {
                        let parts = text.split('.').map(str::to_string).collect();
                        let pointer = if raw_args.is_array() { pointer_join(&op_path, "0") } else { op_path };
                        let default = args.into_iter().nth(1);
                        return Ok(Expr::Path(Box::new(PathRef { text, parts, default, pointer })));
                    }
                }
            }
            Ok(Expr::Call(op, args))
        }
        other => Ok(Expr::Literal(other.clone())),
    }
}

/// Why an evaluation stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum EvalError {
    /// More than the allowed number of steps.
    TooManySteps(u64),
}

impl EvalError {
    /// The error as an issue at `path`.
    pub fn to_issue(&self, path: &str) -> Issue {
        match self {
            EvalError::TooManySteps(limit) => Issue::new(
                ErrorCode::TooManySteps,
                path,
                format!("evaluation took more than {limit} steps"),
            ),
        }
    }
}

/// One comparison seen while evaluating: `facts.emergencyFundMonths 1.4 < 3` and its result.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct TraceStep {
    /// The comparison with its operands' paths and values.
    pub text: String,
    /// Whether it held.
    pub result: bool,
}

/// Evaluation state: the step budget and the optional trace.
pub struct Evaluator {
    steps: u64,
    max_steps: u64,
    trace: Option<Vec<TraceStep>>,
    scoped: usize,
}

impl Evaluator {
    /// An evaluator with a step budget; `trace` records comparisons.
    pub fn new(max_steps: u64, trace: bool) -> Evaluator {
        Evaluator { steps: 0, max_steps, trace: trace.then(Vec::new), scoped: 0 }
    }

    /// Steps used so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// Takes the recorded trace (empty when tracing is off).
    pub fn take_trace(&mut self) -> Vec<TraceStep> {
        self.trace.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Evaluates `expr` over `data`.
    pub fn eval(&mut self, expr: &Expr, data: &Value) -> Result<Value, EvalError> {
        self.steps += 1;
        if self.steps > self.max_steps {
            return Err(EvalError::TooManySteps(self.max_steps));
        }
        match expr {
            Expr::Literal(v) => Ok(v.clone()),
            Expr::Array(items) => Ok(Value::Array(items.iter().map(|e| self.eval(e, data)).collect::<Result<_, _>>()?)),
            Expr::Path(path) => match lookup(data, &path.parts) {
                Some(v) => Ok(v.clone()),
                None => match &path.default {
                    Some(d) => self.eval(d, data),
                    None => Ok(Value::Null),
                },
            },
            Expr::Call(op, args) => self.call(*op, args, data),
        }
    }

    fn call(&mut self, op: Op, args: &[Expr], data: &Value) -> Result<Value, EvalError> {
        match op {
            Op::If => {
                let mut i = 0;
                while i + 1 < args.len() {
                    if truthy(&self.eval(&args[i], data)?) {
                        return self.eval(&args[i + 1], data);
                    }
                    i += 2;
                }
                if i + 1 == args.len() { self.eval(&args[i], data) } else { Ok(Value::Null) }
            }
            Op::And | Op::Or => {
                let mut current = Value::Null;
                for arg in args {
                    current = self.eval(arg, data)?;
                    if truthy(&current) != (op == Op::And) {
                        return Ok(current);
                    }
                }
                Ok(current)
            }
            Op::Map | Op::Filter | Op::All | Op::None | Op::Some | Op::Reduce => self.iterate(op, args, data),
            _ if args.len() <= 3 => {
                // Most operations take at most three arguments: keep them off the heap.
                let mut values = [Value::Null, Value::Null, Value::Null];
                for (slot, arg) in values.iter_mut().zip(args) {
                    *slot = self.eval(arg, data)?;
                }
                self.finish(op, args, &values[..args.len()], data)
            }
            _ => {
                let values: Vec<Value> = args.iter().map(|a| self.eval(a, data)).collect::<Result<_, _>>()?;
                self.finish(op, args, &values, data)
            }
        }
    }

    fn finish(&mut self, op: Op, args: &[Expr], values: &[Value], data: &Value) -> Result<Value, EvalError> {
        let result = apply(op, values, data);
        if op.is_comparison() || matches!(op, Op::Not | Op::NotNot) {
            self.record(op, args, values, &result);
        }
        Ok(result)
    }

    fn iterate(&mut self, op: Op, args: &[Expr], data: &Value) -> Result<Value, EvalError> {
        let items = match args.first() {
            Some(a) => self.eval(a, data)?,
            None => Value::Null,
        };
        let initial = match (op, args.get(2)) {
            (Op::Reduce, Some(a)) => self.eval(a, data)?,
            _ => Value::Null,
        };
        let Value::Array(items) = items else {
            return Ok(match op {
                Op::Reduce => initial,
                Op::All | Op::Some => Value::Bool(false),
                Op::None => Value::Bool(true),
                _ => Value::Array(Vec::new()),
            });
        };
        let null = Expr::Literal(Value::Null);
        let logic = args.get(1).unwrap_or(&null);
        self.scoped += 1;
        let result = self.iterate_items(op, logic, items, initial);
        self.scoped -= 1;
        result
    }

    fn iterate_items(&mut self, op: Op, logic: &Expr, items: Vec<Value>, initial: Value) -> Result<Value, EvalError> {
        Ok(match op {
            Op::Map => Value::Array(items.iter().map(|item| self.eval(logic, item)).collect::<Result<_, _>>()?),
            Op::Filter => {
                let mut kept = Vec::new();
                for item in items {
                    if truthy(&self.eval(logic, &item)?) {
                        kept.push(item);
                    }
                }
                Value::Array(kept)
            }
            Op::Reduce => {
                let mut accumulator = initial;
                for item in items {
                    let mut scope = Map::new();
                    scope.insert("current".to_string(), item);
                    scope.insert("accumulator".to_string(), accumulator);
                    accumulator = self.eval(logic, &Value::Object(scope))?;
                }
                accumulator
            }
            Op::All => {
                if items.is_empty() {
                    return Ok(Value::Bool(false));
                }
                for item in &items {
                    if !truthy(&self.eval(logic, item)?) {
                        return Ok(Value::Bool(false));
                    }
                }
                Value::Bool(true)
            }
            _ => {
                let mut any = false;
                for item in &items {
                    if truthy(&self.eval(logic, item)?) {
                        any = true;
                        break;
                    }
                }
                Value::Bool(if op == Op::Some { any } else { !any })
            }
        })
    }

    fn record(&mut self, op: Op, args: &[Expr], values: &[Value], result: &Value) {
        if self.scoped > 0 {
            return;
        }
        let Some(trace) = self.trace.as_mut() else { return };
        if trace.len() >= MAX_TRACE_STEPS {
            return;
        }
        let operand = |i: usize| -> String {
            let value = values.get(i).map_or_else(|| "null".to_string(), display_value);
            match args.get(i) {
                Some(Expr::Path(path)) => format!("{} {value}", path.text),
                _ => value,
            }
        };
        let text = match (op, values.len()) {
            (Op::Not | Op::NotNot, _) => format!("{} {}", op.name(), operand(0)),
            (Op::Lt | Op::Le, 3) => format!("{} {} {} {} {}", operand(0), op.name(), operand(1), op.name(), operand(2)),
            _ => format!("{} {} {}", operand(0), op.name(), operand(1)),
        };
        trace.push(TraceStep { text, result: truthy(result) });
    }
}

/// Renders a value for a trace: numbers as JavaScript prints them, strings quoted, JSON otherwise.
pub fn display_value(v: &Value) -> String {
    match v {
        Value::Number(n) => js_number_string(n.as_f64().unwrap_or(f64::NAN)),
        other => other.to_string(),
    }
}

/// Evaluates `expr` over `data` with the default step budget and no trace.
pub fn evaluate(expr: &Expr, data: &Value) -> Result<Value, EvalError> {
    Evaluator::new(MAX_EVAL_STEPS, false).eval(expr, data)
}

/// `var` lookup: follows dotted keys through objects and (numeric keys) arrays.
fn lookup<'a>(data: &'a Value, parts: &[String]) -> Option<&'a Value> {
    let mut current = data;
    for part in parts {
        current = match current {
            Value::Object(map) => map.get(part)?,
            Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}

/// The non-iterating operators, applied to evaluated arguments.
fn apply(op: Op, values: &[Value], data: &Value) -> Value {
    let arg = |i: usize| values.get(i).unwrap_or(&Value::Null);
    match op {
        Op::Var => var(data, values),
        Op::Missing => missing(data, values),
        Op::MissingSome => {
            let need = to_number(arg(0));
            let options = match arg(1) {
                Value::Array(items) => items.clone(),
                _ => Vec::new(),
            };
            let absent = missing(data, &options);
            let found = options.len() as f64 - absent.as_array().map_or(0, Vec::len) as f64;
            if found >= need { Value::Array(Vec::new()) } else { absent }
        }
        Op::Eq => Value::Bool(loose_eq(arg(0), arg(1))),
        Op::Ne => Value::Bool(!loose_eq(arg(0), arg(1))),
        Op::StrictEq => Value::Bool(strict_eq(arg(0), arg(1))),
        Op::StrictNe => Value::Bool(!strict_eq(arg(0), arg(1))),
        Op::Not => Value::Bool(!truthy(arg(0))),
        Op::NotNot => Value::Bool(truthy(arg(0))),
        Op::Gt => Value::Bool(less(arg(1), arg(0))),
        Op::Ge => Value::Bool(less_eq(arg(1), arg(0))),
        Op::Lt | Op::Le => {
            let cmp = if op == Op::Lt { less } else { less_eq };
            let first = cmp(arg(0), arg(1));
            Value::Bool(if values.len() >= 3 { first && cmp(arg(1), arg(2)) } else { first })
        }
        Op::Max | Op::Min => {
            if values.is_empty() {
                return Value::Null;
            }
            let nums = values.iter().map(to_number);
            let r = if op == Op::Max {
                nums.fold(f64::NEG_INFINITY, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else { a.max(b) })
            } else {
                nums.fold(f64::INFINITY, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else { a.min(b) })
            };
            number(r)
        }
        Op::Add => number(values.iter().map(parse_float).sum()),
        Op::Mul => number(values.iter().map(parse_float).fold(if values.is_empty() { 0.0 } else { 1.0 }, |a, b| a * b)),
        Op::Sub => {
            if values.len() == 1 { number(-to_number(arg(0))) } else { number(to_number(arg(0)) - to_number(arg(1))) }
        }
        Op::Div => number(to_number(arg(0)) / to_number(arg(1))),
        Op::Mod => number(to_number(arg(0)) % to_number(arg(1))),
        Op::Merge => {
            let mut out = Vec::new();
            for v in values {
                match v {
                    Value::Array(items) => out.extend(items.iter().cloned()),
                    other => out.push(other.clone()),
                }
            }
            Value::Array(out)
        }
        Op::In => Value::Bool(match arg(1) {
            Value::String(s) => s.contains(&js_string(arg(0))),
            Value::Array(items) => items.iter().any(|item| strict_eq(item, arg(0))),
            _ => false,
        }),
        Op::Cat => Value::String(values.iter().map(js_string).collect()),
        Op::Substr => substr(arg(0), values.get(1), values.get(2)),
        Op::Log => arg(0).clone(),
        Op::If | Op::And | Op::Or | Op::Map | Op::Filter | Op::Reduce | Op::All | Op::None | Op::Some => Value::Null,
    }
}

fn var(data: &Value, values: &[Value]) -> Value {
    let key = values.first().unwrap_or(&Value::Null);
    let default = values.get(1).cloned().unwrap_or(Value::Null);
    let text = match key {
        Value::Null => return data.clone(),
        Value::String(s) if s.is_empty() => return data.clone(),
        other => js_string(other),
    };
    let parts: Vec<String> = text.split('.').map(str::to_string).collect();
    lookup(data, &parts).cloned().unwrap_or(default)
}

fn missing(data: &Value, values: &[Value]) -> Value {
    let keys: &[Value] = match values.first() {
        Some(Value::Array(items)) => items,
        _ => values,
    };
    let absent = keys
        .iter()
        .filter(|k| {
            let found = var(data, std::slice::from_ref(*k));
            found.is_null() || found == Value::String(String::new())
        })
        .cloned()
        .collect();
    Value::Array(absent)
}

fn substr(source: &Value, start: Option<&Value>, length: Option<&Value>) -> Value {
    let chars: Vec<char> = js_string(source).chars().collect();
    let n = chars.len() as i64;
    let start = start.map_or(0.0, to_number);
    let start = if start.is_nan() { 0 } else { start.trunc() as i64 };
    let from = if start < 0 { n.saturating_add(start).max(0) } else { start.min(n) };
    let to = match length.map(to_number) {
        None => n,
        Some(l) if l.is_nan() => from,
        Some(l) if l < 0.0 => n.saturating_add(l.trunc() as i64).max(from),
        Some(l) => from.saturating_add(l.trunc() as i64).min(n),
    };
    Value::String(chars[from as usize..to.max(from) as usize].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(rule: Value, data: Value) -> Value {
        evaluate(&Expr::compile(&rule, "").unwrap(), &data).unwrap()
    }

    #[test]
    fn unknown_operator_is_reported_with_its_pointer() {
        let err = Expr::compile(&json!({"and": [{"<": [1, 2]}, {"frobnicate": [1]}]}), "/rules/0/when").unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownOperator);
        assert_eq!(err.path, "/rules/0/when/and/1/frobnicate");
    }

    #[test]
    fn step_budget_stops_runaway_iteration() {
        let rule = json!({"map": [{"var": "xs"}, {"map": [{"var": ""}, {"+": [1, 1]}]}]});
        let xs: Vec<Value> = (0..2000).map(|_| json!([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).collect();
        let expr = Expr::compile(&rule, "").unwrap();
        let err = Evaluator::new(10_000, false).eval(&expr, &json!({ "xs": xs })).unwrap_err();
        assert_eq!(err, EvalError::TooManySteps(10_000));
    }

    #[test]
    fn extreme_numbers_do_not_panic() {
        assert_eq!(run(json!({"substr": ["abc", 1e300, 1e300]}), json!({})), json!(""));
        assert_eq!(run(json!({"substr": ["abc", -1e300, -1e300]}), json!({})), json!(""));
        assert_eq!(run(json!({"substr": ["abc", 1, 1e300]}), json!({})), json!("bc"));
        assert_eq!(run(json!({"*": [1e308, 10]}), json!({})), Value::Null);
        assert_eq!(run(json!({"%": [1, 0]}), json!({})), Value::Null);
        assert_eq!(run(json!({"var": "a.b.c.d"}), json!({"a": 5})), Value::Null);
    }

    #[test]
    fn division_by_zero_is_null_not_infinity() {
        assert_eq!(run(json!({"/": [1, 0]}), json!({})), Value::Null);
    }

    #[test]
    fn trace_records_paths_values_and_results() {
        let rule = json!({"and": [{"<": [{"var": "facts.e"}, 3]}, {">": [{"var": "facts.s"}, {"var": "c.min"}]}]});
        let expr = Expr::compile(&rule, "").unwrap();
        let mut ev = Evaluator::new(1000, true);
        let data = json!({"facts": {"e": 1.4, "s": 500}, "c": {"min": 0}});
        assert_eq!(ev.eval(&expr, &data).unwrap(), json!(true));
        let trace = ev.take_trace();
        assert_eq!(trace[0].text, "facts.e 1.4 < 3");
        assert_eq!(trace[1].text, "facts.s 500 > c.min 0");
        assert!(trace.iter().all(|s| s.result));
    }

    #[test]
    fn too_deep_logic_is_refused() {
        let mut v = json!(1);
        for _ in 0..40 {
            v = json!({ "!": [v] });
        }
        assert_eq!(Expr::compile(&v, "").unwrap_err().code, ErrorCode::TooDeep);
    }
}
