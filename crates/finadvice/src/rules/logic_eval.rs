//! Evaluating compiled JSON Logic ([`Expr`]) over a [`Scope`], within a step budget, optionally
//! recording a trace of the comparisons. Operands are borrowed where they can be (paths,
//! literals), so comparing a fact with a threshold copies nothing.

use crate::rules::js_values::{js_string, less, less_eq, loose_eq, number, parse_float, strict_eq, to_number, truthy};
use crate::rules::logic::{
    push_display_value, EvalError, Expr, Op, TraceStep, BYTES_PER_STEP, MAX_TRACE_STEPS, MAX_VALUE_DEPTH,
};
use crate::rules::scope::Scope;
use serde_json::{Map, Value};
use std::borrow::{Borrow, Cow};

/// `null`, borrowed.
static NULL: Value = Value::Null;

fn null<'a>() -> Cow<'a, Value> {
    Cow::Borrowed(&NULL)
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

    /// Spends `units` steps; fails once the budget is exhausted.
    fn charge(&mut self, units: u64) -> Result<(), EvalError> {
        self.steps = self.steps.saturating_add(units);
        if self.steps > self.max_steps {
            return Err(EvalError::TooManySteps(self.max_steps));
        }
        Ok(())
    }

    /// Builds an array from evaluated items, refusing one nested deeper than [`MAX_VALUE_DEPTH`].
    fn array(items: Vec<Value>) -> Result<Value, EvalError> {
        if items.iter().any(|item| depth(item) >= MAX_VALUE_DEPTH) {
            return Err(EvalError::TooDeep);
        }
        Ok(Value::Array(items))
    }

    /// Evaluates `expr` over `scope`. A value read from the data or a literal is borrowed; reading
    /// it still costs its size in steps, as copying it would.
    pub fn eval<'a>(&mut self, expr: &'a Expr, scope: Scope<'a>) -> Result<Cow<'a, Value>, EvalError> {
        match expr {
            Expr::Literal(v) => {
                self.charge(1 + cost(v))?;
                Ok(Cow::Borrowed(v))
            }
            Expr::Path(path) => match scope.resolve(&path.path) {
                Some(v) => {
                    self.charge(1 + cost(&v))?;
                    Ok(v)
                }
                None => {
                    self.charge(1)?;
                    match &path.default {
                        Some(d) => self.eval(d, scope),
                        None => Ok(null()),
                    }
                }
            },
            Expr::Array(items) => {
                self.charge(1)?;
                let values =
                    items.iter().map(|e| self.eval(e, scope).map(Cow::into_owned)).collect::<Result<_, _>>()?;
                Ok(Cow::Owned(Self::array(values)?))
            }
            Expr::Call(op, args) => {
                self.charge(1)?;
                self.call(*op, args, scope)
            }
        }
    }

    /// Evaluates `expr` for its truthiness only, which is all a condition needs: `and`, `or`,
    /// `if` and two-operand comparisons give a boolean without building a value. Steps and the
    /// trace are exactly those of [`Evaluator::eval`].
    pub fn truthy<'a>(&mut self, expr: &'a Expr, scope: Scope<'a>) -> Result<bool, EvalError> {
        let Expr::Call(op, args) = expr else { return Ok(truthy(&*self.eval(expr, scope)?)) };
        let op = *op;
        match op {
            Op::And => {
                self.charge(1)?;
                for arg in args {
                    if !self.truthy(arg, scope)? {
                        return Ok(false);
                    }
                }
                Ok(!args.is_empty())
            }
            Op::Or => {
                self.charge(1)?;
                for arg in args {
                    if self.truthy(arg, scope)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Op::If => {
                self.charge(1)?;
                let mut i = 0;
                while i + 1 < args.len() {
                    if self.truthy(&args[i], scope)? {
                        return self.truthy(&args[i + 1], scope);
                    }
                    i += 2;
                }
                if i + 1 == args.len() {
                    self.truthy(&args[i], scope)
                } else {
                    Ok(false)
                }
            }
            _ if args.len() == 2 && op.is_comparison() => {
                self.charge(1)?;
                let values = [self.eval(&args[0], scope)?, self.eval(&args[1], scope)?];
                let holds = compare(op, &values[0], &values[1]);
                if self.trace.is_some() {
                    self.record(op, args, &values, &Value::Bool(holds));
                }
                Ok(holds)
            }
            _ => Ok(truthy(&*self.eval(expr, scope)?)),
        }
    }

    fn call<'a>(&mut self, op: Op, args: &'a [Expr], scope: Scope<'a>) -> Result<Cow<'a, Value>, EvalError> {
        match op {
            Op::If => {
                let mut i = 0;
                while i + 1 < args.len() {
                    if truthy(&*self.eval(&args[i], scope)?) {
                        return self.eval(&args[i + 1], scope);
                    }
                    i += 2;
                }
                if i + 1 == args.len() {
                    self.eval(&args[i], scope)
                } else {
                    Ok(null())
                }
            }
            Op::And | Op::Or => {
                let mut current = null();
                for arg in args {
                    current = self.eval(arg, scope)?;
                    if truthy(&current) != (op == Op::And) {
                        return Ok(current);
                    }
                }
                Ok(current)
            }
            Op::Map | Op::Filter | Op::All | Op::None | Op::Some | Op::Reduce => {
                self.iterate(op, args, scope).map(Cow::Owned)
            }
            _ if args.len() <= 3 => {
                // Most operations take at most three arguments: keep them off the heap.
                let mut values = [null(), null(), null()];
                for (slot, arg) in values.iter_mut().zip(args) {
                    *slot = self.eval(arg, scope)?;
                }
                self.finish(op, args, &values[..args.len()], scope)
            }
            _ => {
                let values: Vec<Cow<'a, Value>> = args.iter().map(|a| self.eval(a, scope)).collect::<Result<_, _>>()?;
                self.finish(op, args, &values, scope)
            }
        }
    }

    fn finish<'a>(
        &mut self,
        op: Op,
        args: &[Expr],
        values: &[Cow<'a, Value>],
        scope: Scope<'a>,
    ) -> Result<Cow<'a, Value>, EvalError> {
        // The operations that copy or concatenate values pay for the size of what they build.
        match op {
            Op::Var => {
                return match var(scope, values.first().map_or(&NULL, |v| v)) {
                    Some(found) => {
                        self.charge(cost(&found))?;
                        Ok(found)
                    }
                    None => Ok(values.get(1).cloned().unwrap_or_else(null)),
                };
            }
            Op::Cat => self.charge(values.iter().map(|v| (js_string_len(v) / BYTES_PER_STEP) as u64).sum())?,
            Op::Merge | Op::Missing | Op::MissingSome | Op::Log | Op::Substr => {
                self.charge(values.iter().map(|v| cost(v)).sum())?
            }
            _ => {}
        }
        let result = apply(op, values, scope);
        if op.is_comparison() || matches!(op, Op::Not | Op::NotNot) {
            self.record(op, args, values, &result);
        }
        Ok(Cow::Owned(result))
    }

    fn iterate<'a>(&mut self, op: Op, args: &'a [Expr], scope: Scope<'a>) -> Result<Value, EvalError> {
        let items = match args.first() {
            Some(a) => self.eval(a, scope)?,
            None => null(),
        };
        let initial = match (op, args.get(2)) {
            (Op::Reduce, Some(a)) => self.eval(a, scope)?.into_owned(),
            _ => Value::Null,
        };
        let Value::Array(items) = items.as_ref() else {
            return Ok(match op {
                Op::Reduce => initial,
                Op::All | Op::Some => Value::Bool(false),
                Op::None => Value::Bool(true),
                _ => Value::Array(Vec::new()),
            });
        };
        static NULL_EXPR: Expr = Expr::Literal(Value::Null);
        let logic = args.get(1).unwrap_or(&NULL_EXPR);
        self.scoped += 1;
        let result = self.iterate_items(op, logic, items, initial);
        self.scoped -= 1;
        result
    }

    fn iterate_items(&mut self, op: Op, logic: &Expr, items: &[Value], initial: Value) -> Result<Value, EvalError> {
        Ok(match op {
            Op::Map => Self::array(
                items
                    .iter()
                    .map(|item| self.eval(logic, Scope::Value(item)).map(Cow::into_owned))
                    .collect::<Result<_, _>>()?,
            )?,
            Op::Filter => {
                let mut kept = Vec::new();
                for item in items {
                    if truthy(&*self.eval(logic, Scope::Value(item))?) {
                        kept.push(item.clone());
                    }
                }
                Value::Array(kept)
            }
            Op::Reduce => {
                let mut accumulator = initial;
                for item in items {
                    let mut scope = Map::new();
                    scope.insert("current".to_string(), item.clone());
                    scope.insert("accumulator".to_string(), accumulator);
                    let scope = Value::Object(scope);
                    accumulator = self.eval(logic, Scope::Value(&scope))?.into_owned();
                }
                accumulator
            }
            Op::All => {
                if items.is_empty() {
                    return Ok(Value::Bool(false));
                }
                for item in items {
                    if !truthy(&*self.eval(logic, Scope::Value(item))?) {
                        return Ok(Value::Bool(false));
                    }
                }
                Value::Bool(true)
            }
            _ => {
                let mut any = false;
                for item in items {
                    if truthy(&*self.eval(logic, Scope::Value(item))?) {
                        any = true;
                        break;
                    }
                }
                Value::Bool(if op == Op::Some { any } else { !any })
            }
        })
    }

    fn record(&mut self, op: Op, args: &[Expr], values: &[Cow<'_, Value>], result: &Value) {
        if self.scoped > 0 {
            return;
        }
        let Some(trace) = self.trace.as_mut() else { return };
        if trace.len() >= MAX_TRACE_STEPS {
            return;
        }
        // `path value op path value`, written into one string.
        let operand = |text: &mut String, i: usize| {
            if let Some(Expr::Path(path)) = args.get(i) {
                text.push_str(&path.path.text);
                text.push(' ');
            }
            match values.get(i) {
                Some(v) => push_display_value(text, v),
                None => text.push_str("null"),
            }
        };
        let mut text = String::with_capacity(64);
        match (op, values.len()) {
            (Op::Not | Op::NotNot, _) => {
                text.push_str(op.name());
                text.push(' ');
                operand(&mut text, 0);
            }
            (_, n) => {
                let last = if matches!(op, Op::Lt | Op::Le) && n == 3 { 2 } else { 1 };
                for i in 0..=last {
                    if i > 0 {
                        text.push(' ');
                        text.push_str(op.name());
                        text.push(' ');
                    }
                    operand(&mut text, i);
                }
            }
        }
        trace.push(TraceStep { text, result: truthy(result) });
    }
}

/// The non-iterating operators (other than `var`), applied to evaluated arguments.
fn apply<V: Borrow<Value>>(op: Op, values: &[V], scope: Scope<'_>) -> Value {
    let arg = |i: usize| values.get(i).map_or(&NULL, |v| v.borrow());
    match op {
        Op::Missing => missing(scope, values),
        Op::MissingSome => {
            let need = to_number(arg(0));
            let options: &[Value] = match arg(1) {
                Value::Array(items) => items,
                _ => &[],
            };
            let absent = missing(scope, options);
            let found = options.len() as f64 - absent.as_array().map_or(0, Vec::len) as f64;
            if found >= need {
                Value::Array(Vec::new())
            } else {
                absent
            }
        }
        Op::Not => Value::Bool(!truthy(arg(0))),
        Op::NotNot => Value::Bool(truthy(arg(0))),
        Op::Lt | Op::Le if values.len() >= 3 => Value::Bool(compare(op, arg(0), arg(1)) && compare(op, arg(1), arg(2))),
        Op::Eq | Op::Ne | Op::StrictEq | Op::StrictNe | Op::Gt | Op::Ge | Op::Lt | Op::Le | Op::In => {
            Value::Bool(compare(op, arg(0), arg(1)))
        }
        Op::Max | Op::Min => {
            if values.is_empty() {
                return Value::Null;
            }
            let nums = values.iter().map(|v| to_number(v.borrow()));
            let r = if op == Op::Max {
                nums.fold(f64::NEG_INFINITY, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else { a.max(b) })
            } else {
                nums.fold(f64::INFINITY, |a, b| if a.is_nan() || b.is_nan() { f64::NAN } else { a.min(b) })
            };
            number(r)
        }
        Op::Add => number(values.iter().map(|v| parse_float(v.borrow())).sum()),
        Op::Mul => number(
            values
                .iter()
                .map(|v| parse_float(v.borrow()))
                .fold(if values.is_empty() { 0.0 } else { 1.0 }, |a, b| a * b),
        ),
        Op::Sub => {
            if values.len() == 1 {
                number(-to_number(arg(0)))
            } else {
                number(to_number(arg(0)) - to_number(arg(1)))
            }
        }
        Op::Div => number(to_number(arg(0)) / to_number(arg(1))),
        Op::Mod => number(to_number(arg(0)) % to_number(arg(1))),
        Op::Merge => {
            let mut out = Vec::new();
            for v in values {
                match v.borrow() {
                    Value::Array(items) => out.extend(items.iter().cloned()),
                    other => out.push(other.clone()),
                }
            }
            Value::Array(out)
        }
        Op::Cat => Value::String(values.iter().map(|v| js_string(v.borrow())).collect()),
        Op::Substr => substr(arg(0), values.get(1).map(Borrow::borrow), values.get(2).map(Borrow::borrow)),
        Op::Log => arg(0).clone(),
        Op::Var | Op::If | Op::And | Op::Or | Op::Map | Op::Filter | Op::Reduce | Op::All | Op::None | Op::Some => {
            Value::Null
        }
    }
}

/// A two-operand comparison (`in` included), as JavaScript makes it.
fn compare(op: Op, a: &Value, b: &Value) -> bool {
    match op {
        Op::Eq => loose_eq(a, b),
        Op::Ne => !loose_eq(a, b),
        Op::StrictEq => strict_eq(a, b),
        Op::StrictNe => !strict_eq(a, b),
        Op::Gt => less(b, a),
        Op::Ge => less_eq(b, a),
        Op::Lt => less(a, b),
        Op::Le => less_eq(a, b),
        Op::In => match b {
            Value::String(s) => s.contains(&js_string(a)),
            Value::Array(items) => items.iter().any(|item| strict_eq(item, a)),
            _ => false,
        },
        _ => false,
    }
}

/// What copying a value costs, in steps: one per value plus one per [`BYTES_PER_STEP`] bytes of
/// text. Values have at most [`MAX_VALUE_DEPTH`] levels, so the recursion is bounded.
#[inline]
fn cost(value: &Value) -> u64 {
    match value {
        Value::String(_) | Value::Array(_) | Value::Object(_) => cost_of_structure(value),
        _ => 1,
    }
}

fn cost_of_structure(value: &Value) -> u64 {
    match value {
        Value::String(s) => 1 + (s.len() / BYTES_PER_STEP) as u64,
        Value::Array(items) => 1 + items.iter().map(cost).sum::<u64>(),
        Value::Object(map) => 1 + map.iter().map(|(k, v)| (k.len() / BYTES_PER_STEP) as u64 + cost(v)).sum::<u64>(),
        _ => 1,
    }
}

/// Nesting depth of a value (0 for a scalar).
fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Length of a value's JavaScript string form, without building it for arrays and objects' parts.
fn js_string_len(value: &Value) -> usize {
    match value {
        Value::String(s) => s.len(),
        Value::Array(items) => items.iter().map(|i| js_string_len(i) + 1).sum(),
        _ => 24,
    }
}

/// What `{"var": key}` finds (None: absent, the default applies); `null` or `""` is the whole data.
fn var<'a>(scope: Scope<'a>, key: &Value) -> Option<Cow<'a, Value>> {
    match key {
        Value::Null => Some(scope.whole()),
        Value::String(s) if s.is_empty() => Some(scope.whole()),
        Value::String(s) => scope.lookup(&s.split('.').collect::<Vec<_>>()),
        other => scope.lookup(&js_string(other).split('.').collect::<Vec<_>>()),
    }
}

/// The keys whose value is absent, `null` or `""` (the keys may also be given as one array).
fn missing<V: Borrow<Value>>(scope: Scope<'_>, values: &[V]) -> Value {
    let first = values.first().map(Borrow::borrow);
    let keys: Vec<&Value> = match first {
        Some(Value::Array(items)) => items.iter().collect(),
        _ => values.iter().map(Borrow::borrow).collect(),
    };
    let absent = keys
        .into_iter()
        .filter(|key| {
            let empty = |v: &Value| v.is_null() || v.as_str() == Some("");
            match key {
                // The whole data: a rule's data is an object, never empty.
                Value::Null => matches!(scope, Scope::Value(v) if empty(v)),
                Value::String(s) if s.is_empty() => matches!(scope, Scope::Value(v) if empty(v)),
                _ => var(scope, key).map_or(true, |found| empty(&found)),
            }
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
