//! A JSON-like value that keeps what JSON cannot say (NaN, ±Infinity from JavaScript) and enforces
//! the input limits while it is being built, so hostile input is refused before it costs memory.
//!
//! Both entry paths end here: JSON text (native, CLI, JS strings) through `serde_json`, and
//! JavaScript objects through `serde-wasm-bindgen`. Validation then walks one value type.

use crate::error::{ErrorCode, Issue};
use crate::limits::{
    chars_beyond, MAX_ARRAY_ITEMS, MAX_DEPTH, MAX_INPUT_BYTES, MAX_INPUT_VALUES, MAX_OBJECT_KEYS, MAX_STRING_CHARS,
};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// A parsed input value. Object keys keep their order; duplicate keys are refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// `null` (or `undefined` from JavaScript).
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number, including NaN and infinities when they come from JavaScript.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Input>),
    /// An object, as ordered key/value pairs.
    Object(Vec<(String, Input)>),
}

impl Input {
    /// Parses JSON text, enforcing the byte, depth, item and string limits.
    pub fn from_json(text: &str) -> Result<Input, Issue> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Issue::new(
                ErrorCode::TooLarge,
                "",
                format!("input is {} bytes; the limit is {MAX_INPUT_BYTES} bytes", text.len()),
            ));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let budget = Budget::default();
        let value = InputSeed::new(&budget).deserialize(&mut de).map_err(|e| issue_from_message(&e.to_string()))?;
        de.end().map_err(|e| issue_from_message(&e.to_string()))?;
        Ok(value)
    }

    /// A short name of the value's JSON type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Input::Null => "null",
            Input::Bool(_) => "a boolean",
            Input::Number(_) => "a number",
            Input::String(_) => "a string",
            Input::Array(_) => "an array",
            Input::Object(_) => "an object",
        }
    }

    /// Converts a serializable Rust value (a typed profile) back into an input value.
    pub fn from_serialize<T: serde::Serialize>(value: &T) -> Result<Input, Issue> {
        let json = serde_json::to_value(value)
            .map_err(|e| Issue::new(ErrorCode::Type, "", format!("value cannot be represented as JSON: {e}")))?;
        Ok(Input::from_json_value(json))
    }

    fn from_json_value(v: serde_json::Value) -> Input {
        use serde_json::Value;
        match v {
            Value::Null => Input::Null,
            Value::Bool(b) => Input::Bool(b),
            Value::Number(n) => Input::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Input::String(s),
            Value::Array(a) => Input::Array(a.into_iter().map(Input::from_json_value).collect()),
            Value::Object(o) => Input::Object(o.into_iter().map(|(k, v)| (k, Input::from_json_value(v))).collect()),
        }
    }
}

/// Our own limit errors travel through serde as text with this prefix; they are turned back into
/// structured issues by [`issue_from_message`].
const LIMIT_MARK: &str = "finadvice-limit:";

fn limit_error<E: de::Error>(code: ErrorCode, message: String) -> E {
    E::custom(format!("{LIMIT_MARK}{}:{message}", code.as_str()))
}

/// Maps a deserializer error message to an issue, recovering our limit errors' codes.
pub fn issue_from_message(message: &str) -> Issue {
    if let Some(pos) = message.find(LIMIT_MARK) {
        let rest = &message[pos + LIMIT_MARK.len()..];
        let (code, text) = rest.split_once(':').unwrap_or(("too_large", rest));
        let code = match code {
            "too_deep" => ErrorCode::TooDeep,
            "duplicate" => ErrorCode::Duplicate,
            _ => ErrorCode::TooLarge,
        };
        // serde_json appends " at line L column C"; keep it, it helps find the spot.
        return Issue::new(code, "", text.to_string());
    }
    Issue::new(ErrorCode::Parse, "", format!("not valid JSON: {message}"))
}

/// What one document may still cost: values and string bytes. JSON text is bounded by its length,
/// but a JavaScript object graph can share one array or string many times (`a = [x, x]`,
/// `b = [a, a]`, …), which a tree copy would expand exponentially; the budget refuses that.
#[derive(Debug, Default)]
pub struct Budget {
    values: Cell<usize>,
    bytes: Cell<usize>,
}

impl Budget {
    fn take_value<E: de::Error>(&self) -> Result<(), E> {
        let n = self.values.get() + 1;
        self.values.set(n);
        if n > MAX_INPUT_VALUES {
            return Err(limit_error(ErrorCode::TooLarge, format!("input has more than {MAX_INPUT_VALUES} values")));
        }
        Ok(())
    }

    fn take_bytes<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        let n = self.bytes.get().saturating_add(bytes);
        self.bytes.set(n);
        if n > MAX_INPUT_BYTES {
            return Err(limit_error(
                ErrorCode::TooLarge,
                format!("input holds more than {MAX_INPUT_BYTES} bytes of text"),
            ));
        }
        Ok(())
    }
}

/// Deserializes an [`Input`] while counting nesting depth and the document's [`Budget`].
pub struct InputSeed<'b> {
    /// Nesting depth of the value about to be read (0 for the document).
    pub depth: usize,
    /// The whole document's budget, shared by every nested value.
    pub budget: &'b Budget,
}

impl<'b> InputSeed<'b> {
    /// The seed for a whole document.
    pub fn new(budget: &'b Budget) -> Self {
        InputSeed { depth: 0, budget }
    }
}

impl<'de, 'b> DeserializeSeed<'de> for InputSeed<'b> {
    type Value = Input;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Input, D::Error> {
        deserializer.deserialize_any(InputVisitor { depth: self.depth, budget: self.budget })
    }
}

impl<'de> serde::Deserialize<'de> for Input {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Input, D::Error> {
        let budget = Budget::default();
        InputSeed::new(&budget).deserialize(deserializer)
    }
}

struct InputVisitor<'b> {
    depth: usize,
    budget: &'b Budget,
}

impl InputVisitor<'_> {
    fn nested<E: de::Error>(&self) -> Result<usize, E> {
        self.budget.take_value()?;
        if self.depth >= MAX_DEPTH {
            Err(limit_error(ErrorCode::TooDeep, format!("input is nested deeper than {MAX_DEPTH} levels")))
        } else {
            Ok(self.depth + 1)
        }
    }
}

impl<'de> Visitor<'de> for InputVisitor<'_> {
    type Value = Input;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Input, E> {
        self.budget.take_value()?;
        Ok(Input::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Input, E> {
        self.budget.take_value()?;
        Ok(Input::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Input, E> {
        self.budget.take_value()?;
        Ok(Input::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Input, E> {
        self.budget.take_value()?;
        Ok(Input::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Input, E> {
        self.visit_string(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Input, E> {
        self.budget.take_value()?;
        self.budget.take_bytes(v.len())?;
        if let Some(chars) = chars_beyond(&v, MAX_STRING_CHARS) {
            return Err(limit_error(
                ErrorCode::TooLarge,
                format!("a string of {chars} characters exceeds the limit of {MAX_STRING_CHARS}"),
            ));
        }
        Ok(Input::String(v))
    }
    fn visit_bytes<E: de::Error>(self, _v: &[u8]) -> Result<Input, E> {
        Err(E::invalid_type(de::Unexpected::Other("binary data"), &self))
    }
    fn visit_none<E: de::Error>(self) -> Result<Input, E> {
        self.budget.take_value()?;
        Ok(Input::Null)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Input, E> {
        self.budget.take_value()?;
        Ok(Input::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Input, D::Error> {
        InputSeed { depth: self.depth, budget: self.budget }.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Input, A::Error> {
        let depth = self.nested()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(InputSeed { depth, budget: self.budget })? {
            if items.len() >= MAX_ARRAY_ITEMS {
                return Err(limit_error(
                    ErrorCode::TooLarge,
                    format!("an array has more than {MAX_ARRAY_ITEMS} items"),
                ));
            }
            items.push(item);
        }
        Ok(Input::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input, A::Error> {
        let depth = self.nested()?;
        let mut entries: Vec<(String, Input)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            self.budget.take_bytes(key.len())?;
            if entries.len() >= MAX_OBJECT_KEYS {
                return Err(limit_error(
                    ErrorCode::TooLarge,
                    format!("an object has more than {MAX_OBJECT_KEYS} keys"),
                ));
            }
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(limit_error(
                    ErrorCode::Duplicate,
                    format!("the key \"{key}\" appears twice in one object"),
                ));
            }
            let value = map.next_value_seed(InputSeed { depth, budget: self.budget })?;
            entries.push((key, value));
        }
        Ok(Input::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ordered_objects() {
        let v = Input::from_json(r#"{"b": 1, "a": [true, null, "x"]}"#).unwrap();
        let Input::Object(entries) = v else { panic!("expected an object") };
        assert_eq!(entries[0].0, "b");
        assert_eq!(entries[1].1, Input::Array(vec![Input::Bool(true), Input::Null, Input::String("x".into())]));
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing_the_stack() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        let err = Input::from_json(&text).unwrap_err();
        assert_eq!(err.code, ErrorCode::TooDeep);
    }

    #[test]
    fn refuses_more_values_than_the_budget() {
        // 41 arrays of 100,000 zeros: every array is within its limit, the document is not.
        let row = format!("[{}0]", "0,".repeat(MAX_ARRAY_ITEMS - 1));
        let text = format!("[{}]", vec![row; MAX_INPUT_VALUES / MAX_ARRAY_ITEMS + 1].join(","));
        assert!(text.len() < MAX_INPUT_BYTES);
        let err = Input::from_json(&text).unwrap_err();
        assert_eq!(err.code, ErrorCode::TooLarge);
        assert!(err.message.contains(&MAX_INPUT_VALUES.to_string()), "{}", err.message);
    }

    #[test]
    fn refuses_duplicate_keys() {
        let err = Input::from_json(r#"{"a": 1, "a": 2}"#).unwrap_err();
        assert_eq!(err.code, ErrorCode::Duplicate);
        assert!(err.message.contains("\"a\""), "{}", err.message);
    }

    #[test]
    fn reports_malformed_json_with_position() {
        let err = Input::from_json("{\"a\": }").unwrap_err();
        assert_eq!(err.code, ErrorCode::Parse);
        assert!(err.message.contains("line 1"), "{}", err.message);
        assert_eq!(Input::from_json("{} x").unwrap_err().code, ErrorCode::Parse);
    }

    #[test]
    fn refuses_oversized_strings_and_arrays() {
        let long = format!("\"{}\"", "x".repeat(MAX_STRING_CHARS + 1));
        assert_eq!(Input::from_json(&long).unwrap_err().code, ErrorCode::TooLarge);
        let many = format!("[{}0]", "0,".repeat(MAX_ARRAY_ITEMS));
        assert_eq!(Input::from_json(&many).unwrap_err().code, ErrorCode::TooLarge);
    }

    #[test]
    fn string_limit_counts_characters_not_bytes() {
        // Characters are only counted past MAX_STRING_CHARS bytes; a string of that many
        // two-byte characters is within the limit, one more is not.
        let at = format!("\"{}\"", "é".repeat(MAX_STRING_CHARS));
        assert_eq!(Input::from_json(&at).unwrap(), Input::String("é".repeat(MAX_STRING_CHARS)));
        let over = format!("\"{}\"", "é".repeat(MAX_STRING_CHARS + 1));
        let err = Input::from_json(&over).unwrap_err();
        assert_eq!(err.code, ErrorCode::TooLarge);
        assert!(err.message.contains(&format!("{} characters", MAX_STRING_CHARS + 1)), "{}", err.message);
    }
}
