//! JavaScript's value semantics on JSON values, as JSON Logic (json-logic-js) uses them:
//! truthiness, `ToNumber`, `parseFloat`, `String()`, `==`, `===` and relational comparison.

use serde_json::Value;
use std::cmp::Ordering;

/// JSON Logic truthiness: JavaScript's, except that an empty array is false.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}

/// A finite number as JSON (integers without a fraction); NaN and infinities become `null`.
pub fn number(f: f64) -> Value {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15 {
        Value::from(f as i64)
    } else {
        serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

/// JavaScript's `ToNumber`.
pub fn to_number(v: &Value) -> f64 {
    match v {
        Value::Null => 0.0,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
        Value::String(s) => string_to_number(s),
        Value::Array(_) => string_to_number(&js_string(v)),
        Value::Object(_) => f64::NAN,
    }
}

fn string_to_number(s: &str) -> f64 {
    let t = s.trim();
    if t.is_empty() {
        return 0.0;
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    if !t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E')) {
        return f64::NAN;
    }
    t.parse().unwrap_or(f64::NAN)
}

/// JavaScript's `parseFloat(String(v))`: the longest numeric prefix.
pub(crate) fn parse_float(v: &Value) -> f64 {
    if let Value::Number(n) = v {
        return n.as_f64().unwrap_or(f64::NAN);
    }
    let s = js_string(v);
    let t = s.trim_start();
    if t.starts_with("Infinity") || t.starts_with("+Infinity") {
        return f64::INFINITY;
    }
    if t.starts_with("-Infinity") {
        return f64::NEG_INFINITY;
    }
    let bytes = t.as_bytes();
    let mut end = 0;
    let mut best = f64::NAN;
    while end < bytes.len() && (bytes[end].is_ascii_digit() || matches!(bytes[end], b'+' | b'-' | b'.' | b'e' | b'E')) {
        end += 1;
        if let Ok(f) = t[..end].parse::<f64>() {
            best = f;
        }
    }
    best
}

/// JavaScript's `String(v)`.
pub fn js_string(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => js_number_string(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            items.iter().map(|i| if i.is_null() { String::new() } else { js_string(i) }).collect::<Vec<_>>().join(",")
        }
        Value::Object(_) => "[object Object]".to_string(),
    }
}

/// A number as JavaScript prints it (shortest round-trip form, no `.0` on integers).
pub fn js_number_string(f: f64) -> String {
    let mut out = String::new();
    push_js_number(&mut out, f);
    out
}

/// Appends `f` as [`js_number_string`] prints it, without allocating: integers with `itoa`,
/// fractions with `zmij` (both already linked through serde_json), which in wasm are several
/// times faster than `format!`. Both print the shortest digits that round-trip, which are unique
/// up to 15 significant digits; beyond that the two may break a tie differently, and where zmij
/// uses an exponent Rust does not, so those (rare) numbers keep `format!`.
pub fn push_js_number(out: &mut String, f: f64) {
    if f.is_nan() {
        out.push_str("NaN");
    } else if f.is_infinite() {
        out.push_str(if f > 0.0 { "Infinity" } else { "-Infinity" });
    } else if f == 0.0 {
        out.push('0');
    } else if f.fract() == 0.0 && f.abs() < 1e15 {
        out.push_str(itoa::Buffer::new().format(f as i64));
    } else {
        let mut buffer = zmij::Buffer::new();
        let text = buffer.format_finite(f);
        let significant = text.trim_start_matches(['-', '0', '.']).bytes().filter(u8::is_ascii_digit).count();
        if significant > 15 || text.contains('e') || text.ends_with(".0") {
            use std::fmt::Write;
            let _ = write!(out, "{f}");
        } else {
            out.push_str(text);
        }
    }
}

/// JavaScript's `===` on JSON values (arrays and objects are never identical).
pub fn strict_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(_), Value::Number(_)) => to_number(a) == to_number(b),
        (Value::String(x), Value::String(y)) => x == y,
        _ => false,
    }
}

/// JavaScript's `==` on JSON values.
pub fn loose_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Array(_) | Value::Object(_), Value::Array(_) | Value::Object(_)) => false,
        (Value::Number(_), Value::Number(_))
        | (Value::String(_), Value::String(_))
        | (Value::Bool(_), Value::Bool(_)) => strict_eq(a, b),
        (Value::String(x), Value::Array(_) | Value::Object(_)) => *x == js_string(b),
        (Value::Array(_) | Value::Object(_), Value::String(y)) => js_string(a) == *y,
        _ => to_number(a) == to_number(b),
    }
}

/// JavaScript's abstract relational comparison (strings compare as strings, anything else as numbers).
pub(crate) fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return x.as_f64()?.partial_cmp(&y.as_f64()?);
    }
    let prim = |v: &Value| match v {
        Value::Array(_) | Value::Object(_) => Value::String(js_string(v)),
        other => other.clone(),
    };
    match (prim(a), prim(b)) {
        (Value::String(x), Value::String(y)) => Some(x.cmp(&y)),
        (x, y) => to_number(&x).partial_cmp(&to_number(&y)),
    }
}

pub(crate) fn less(a: &Value, b: &Value) -> bool {
    compare(a, b) == Some(Ordering::Less)
}

pub(crate) fn less_eq(a: &Value, b: &Value) -> bool {
    matches!(compare(a, b), Some(Ordering::Less | Ordering::Equal))
}

/// Equality of JSON values where numbers compare by value (`1` equals `1.0`), for tests and caches.
pub fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(_), Value::Number(_)) => to_number(a) == to_number(b),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_rust_display_prints_them_without_exponents() {
        // The fast path (itoa, zmij) must print exactly what `format!("{f}")` did before it.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            seed
        };
        let mut values = vec![
            0.794,
            0.1318,
            8.1237,
            -26700.5,
            1e-5,
            1.5e-5,
            9.99e-6,
            1e-7,
            123456.789,
            1e15 + 0.5,
            4503599627370495.5,
            1e300,
            -1e-300,
        ];
        for _ in 0..50_000 {
            let bits = next();
            let f = f64::from_bits(bits);
            if f.is_finite() {
                values.push(f);
            }
            values.push((bits % 10_000_000) as f64 / 1000.0 - 5000.0);
            values.push((bits >> 11) as f64 / 2f64.powi((bits % 60) as i32));
        }
        for f in values {
            let expected = if f == 0.0 {
                "0".to_string()
            } else if f.fract() == 0.0 && f.abs() < 1e15 {
                (f as i64).to_string()
            } else {
                format!("{f}")
            };
            assert_eq!(js_number_string(f), expected, "{f:e}");
        }
    }
}
