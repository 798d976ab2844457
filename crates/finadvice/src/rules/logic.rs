//! JSON Logic (<https://jsonlogic.com>), compiled once and evaluated many times.
//!
//! The semantics follow the reference implementation json-logic-js (JavaScript truthiness, loose
//! `==`, `parseFloat` in `+`/`*`, …) and are checked against the official suite
//! (`tests/conformance/jsonlogic/tests.json`). Why our own evaluator and not a crate is written
//! down in `docs/RULES.md`. Two limits keep hostile rules harmless: compile depth
//! ([`MAX_LOGIC_DEPTH`]) and evaluation steps (one per node visited, [`MAX_EVAL_STEPS`]).
//! Numbers that JSON cannot hold (NaN, ±Infinity, e.g. `1/0`) come out as `null`.

use crate::error::{pointer_join, ErrorCode, Issue};
use crate::rules::scope::{Reference, Scope};
use serde_json::Value;
use std::borrow::Cow;

pub use crate::rules::js_values::{
    js_number_string, js_string, loose_eq, number, push_js_number, same_value, strict_eq, to_number, truthy,
};
pub use crate::rules::logic_eval::Evaluator;

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
    Var,
    Missing,
    MissingSome,
    If,
    Eq,
    StrictEq,
    Ne,
    StrictNe,
    Not,
    NotNot,
    Or,
    And,
    Gt,
    Ge,
    Lt,
    Le,
    Max,
    Min,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Map,
    Filter,
    Reduce,
    All,
    None,
    Some,
    Merge,
    In,
    Cat,
    Substr,
    Log,
}

/// Every operator with its JSON name (`if` and `?:` are the same operator).
pub const OPERATORS: &[(&str, Op)] = &[
    ("var", Op::Var),
    ("missing", Op::Missing),
    ("missing_some", Op::MissingSome),
    ("if", Op::If),
    ("?:", Op::If),
    ("==", Op::Eq),
    ("===", Op::StrictEq),
    ("!=", Op::Ne),
    ("!==", Op::StrictNe),
    ("!", Op::Not),
    ("!!", Op::NotNot),
    ("or", Op::Or),
    ("and", Op::And),
    (">", Op::Gt),
    (">=", Op::Ge),
    ("<", Op::Lt),
    ("<=", Op::Le),
    ("max", Op::Max),
    ("min", Op::Min),
    ("+", Op::Add),
    ("-", Op::Sub),
    ("*", Op::Mul),
    ("/", Op::Div),
    ("%", Op::Mod),
    ("map", Op::Map),
    ("filter", Op::Filter),
    ("reduce", Op::Reduce),
    ("all", Op::All),
    ("none", Op::None),
    ("some", Op::Some),
    ("merge", Op::Merge),
    ("in", Op::In),
    ("cat", Op::Cat),
    ("substr", Op::Substr),
    ("log", Op::Log),
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

    /// Comparisons (and `in`): recorded in traces.
    pub(crate) fn is_comparison(self) -> bool {
        matches!(self, Op::Eq | Op::StrictEq | Op::Ne | Op::StrictNe | Op::Gt | Op::Ge | Op::Lt | Op::Le | Op::In)
    }

    /// Operators whose second argument is evaluated against each array item, not the data.
    pub fn is_iterator(self) -> bool {
        matches!(self, Op::Map | Op::Filter | Op::Reduce | Op::All | Op::None | Op::Some)
    }
}

/// A literal `var` path, split at compile time (and bound to a slot when its pack is compiled).
#[derive(Debug, Clone, PartialEq)]
pub struct PathRef {
    /// The dotted path as written, its segments and where its value comes from.
    pub path: Reference,
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
    /// `{"var": "a.b"}` with a literal path: the path (pre-split, bound when its pack is
    /// compiled), the optional default and the JSON pointer of the path in the rule (for
    /// validation errors).
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
                f(&path.path.text, &path.pointer);
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
            Expr::Path(path) => path.path.text.clone(),
            Expr::Call(op, _) => format!("{}(…)", op.name()),
        }
    }
}

fn compile(value: &Value, path: &str, depth: usize) -> Result<Expr, Issue> {
    if depth > MAX_LOGIC_DEPTH {
        return Err(Issue::new(
            ErrorCode::TooDeep,
            path,
            format!("logic is nested deeper than {MAX_LOGIC_DEPTH} levels"),
        ));
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
                        let pointer = if raw_args.is_array() { pointer_join(&op_path, "0") } else { op_path };
                        let default = args.into_iter().nth(1);
                        return Ok(Expr::Path(Box::new(PathRef { path: Reference::new(&text), default, pointer })));
                    }
                }
            }
            Ok(Expr::Call(op, args))
        }
        other => Ok(Expr::Literal(other.clone())),
    }
}

/// Deepest value an evaluation may build (`[[[…]]]` grown by `reduce`): deeper values are refused
/// so that copying, comparing or serializing them can never exhaust the stack.
pub const MAX_VALUE_DEPTH: usize = 64;
/// Bytes of text that cost one step when a value is copied or concatenated, so that a rule that
/// doubles a string or an array on each `reduce` iteration runs out of steps, not of memory.
pub const BYTES_PER_STEP: usize = 16;

/// Why an evaluation stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum EvalError {
    /// More than the allowed number of steps.
    TooManySteps(u64),
    /// A value nested deeper than [`MAX_VALUE_DEPTH`] would have been built.
    TooDeep,
}

impl EvalError {
    /// The error as an issue at `path`.
    pub fn to_issue(&self, path: &str) -> Issue {
        match self {
            EvalError::TooManySteps(limit) => Issue::new(
                ErrorCode::TooManySteps,
                path,
                format!("evaluation took more than {limit} steps (copying values costs one step per value or {BYTES_PER_STEP} bytes)"),
            ),
            EvalError::TooDeep => Issue::new(
                ErrorCode::TooDeep,
                path,
                format!("evaluation would build a value nested deeper than {MAX_VALUE_DEPTH} levels"),
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

/// Renders a value for a trace: numbers as JavaScript prints them, strings quoted, JSON otherwise.
pub fn display_value(v: &Value) -> String {
    let mut out = String::new();
    push_display_value(&mut out, v);
    out
}

/// Appends [`display_value`]'s rendering of `v` to `out`.
pub fn push_display_value(out: &mut String, v: &Value) {
    match v {
        Value::Number(n) => push_js_number(out, n.as_f64().unwrap_or(f64::NAN)),
        other => out.push_str(&other.to_string()),
    }
}

/// Evaluates `expr` over `data` with the default step budget and no trace.
pub fn evaluate(expr: &Expr, data: &Value) -> Result<Value, EvalError> {
    Evaluator::new(MAX_EVAL_STEPS, false).eval(expr, Scope::Value(data)).map(Cow::into_owned)
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
    fn doubling_strings_and_arrays_run_out_of_steps_not_memory() {
        // 64 iterations of doubling would need 2^64 bytes; copying is charged, so the budget stops it.
        let data = json!({ "xs": (0..64).collect::<Vec<_>>() });
        for step in [
            json!({"cat": [{"var": "accumulator"}, {"var": "accumulator"}]}),
            json!({"merge": [{"var": "accumulator"}, {"var": "accumulator"}]}),
            json!([{"var": "accumulator"}, {"var": "accumulator"}]),
        ] {
            let rule = json!({"reduce": [{"var": "xs"}, step, "ab"]});
            let expr = Expr::compile(&rule, "").unwrap();
            assert_eq!(evaluate(&expr, &data).unwrap_err(), EvalError::TooManySteps(MAX_EVAL_STEPS), "{rule}");
        }
    }

    #[test]
    fn values_nested_by_reduce_are_refused_beyond_the_depth_limit() {
        let data = json!({ "xs": (0..10_000).collect::<Vec<_>>() });
        for step in [json!([{"var": "accumulator"}]), json!({"map": [[{"var": "accumulator"}], {"var": ""}]})] {
            let rule = json!({"reduce": [{"var": "xs"}, step, 0]});
            let expr = Expr::compile(&rule, "").unwrap();
            let err = evaluate(&expr, &data).unwrap_err();
            assert_eq!(err, EvalError::TooDeep, "{rule}");
            assert_eq!(err.to_issue("/rule").code, ErrorCode::TooDeep);
        }
        // Shallow results are still built.
        let rule = json!({"reduce": [[1, 2, 3], [{"var": "accumulator"}], 0]});
        assert_eq!(evaluate(&Expr::compile(&rule, "").unwrap(), &json!({})).unwrap(), json!([[[0]]]));
    }

    #[test]
    fn step_budget_stops_runaway_iteration() {
        let rule = json!({"map": [{"var": "xs"}, {"map": [{"var": ""}, {"+": [1, 1]}]}]});
        let xs: Vec<Value> = (0..2000).map(|_| json!([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).collect();
        let expr = Expr::compile(&rule, "").unwrap();
        let err = Evaluator::new(10_000, false).eval(&expr, Scope::Value(&json!({ "xs": xs }))).unwrap_err();
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
        assert_eq!(*ev.eval(&expr, Scope::Value(&data)).unwrap(), json!(true));
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
