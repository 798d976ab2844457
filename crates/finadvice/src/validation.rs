//! The validation toolkit: small helpers that read typed fields out of an [`Input`] object and record every problem with
//! its JSON pointer instead of stopping at the first.

use crate::date::{Date, MAX_YEAR, MIN_YEAR};
use crate::error::{pointer_join, ErrorCode, Issue};
use crate::input::Input;
use crate::limits::{chars_beyond, MAX_MONEY};

/// Where a value sits in the document, written out as a JSON pointer only when a problem is
/// recorded there: reading thousands of valid transactions then builds no pointer text.
pub trait Pointer {
    /// The JSON pointer.
    fn pointer(&self) -> String;
}

impl Pointer for str {
    fn pointer(&self) -> String {
        self.to_string()
    }
}

impl Pointer for String {
    fn pointer(&self) -> String {
        self.clone()
    }
}

/// The pointer of field `key` of the object at `base`, built on demand ([`Fields::at`]).
pub struct FieldPointer<'a> {
    base: &'a str,
    key: &'a str,
}

impl Pointer for FieldPointer<'_> {
    fn pointer(&self) -> String {
        pointer_join(self.base, self.key)
    }
}

/// Collects issues while a document is read.
#[derive(Default)]
pub struct Problems {
    /// Every issue found so far, in document order.
    pub issues: Vec<Issue>,
}

impl Problems {
    /// Records one issue.
    pub fn push(&mut self, code: ErrorCode, path: &(impl Pointer + ?Sized), message: impl Into<String>) {
        self.issues.push(Issue::new(code, path.pointer(), message));
    }

    /// Opens `value` as an object, or records a type error.
    pub fn object<'a>(&mut self, value: &'a Input, path: &(impl Pointer + ?Sized), what: &str) -> Option<Fields<'a>> {
        match value {
            Input::Object(entries) => Some(Fields { entries, path: path.pointer(), seen: vec![false; entries.len()] }),
            other => {
                self.push(ErrorCode::Type, path, format!("{what} must be an object, not {}", other.type_name()));
                None
            }
        }
    }

    /// Reads an optional array of at most `max` items; a missing or null field is an empty list.
    pub fn array<'a>(&mut self, value: Option<&'a Input>, path: &(impl Pointer + ?Sized), max: usize) -> &'a [Input] {
        match value {
            None => &[],
            Some(Input::Array(items)) if items.len() > max => {
                self.push(ErrorCode::TooLarge, path, format!("has {} items; the limit is {max}", items.len()));
                &[]
            }
            Some(Input::Array(items)) => items,
            Some(other) => {
                self.push(ErrorCode::Type, path, format!("must be an array, not {}", other.type_name()));
                &[]
            }
        }
    }

    /// Reads a finite number within `min..=max`; `integer` also refuses fractions.
    pub fn number(
        &mut self,
        value: Option<&Input>,
        path: &(impl Pointer + ?Sized),
        min: f64,
        max: f64,
        integer: bool,
    ) -> Option<f64> {
        let v = match value {
            None => {
                self.push(ErrorCode::Required, path, "is required");
                return None;
            }
            Some(Input::Number(n)) => *n,
            Some(other) => {
                self.push(ErrorCode::Type, path, format!("must be a number, not {}", other.type_name()));
                return None;
            }
        };
        if !v.is_finite() {
            self.push(ErrorCode::NotFinite, path, format!("must be a finite number, not {v}"));
            return None;
        }
        if integer && v.fract() != 0.0 {
            self.push(ErrorCode::Type, path, format!("must be a whole number, not {v}"));
            return None;
        }
        if v < min || v > max {
            self.push(ErrorCode::OutOfRange, path, format!("must be between {min} and {max}, not {v}"));
            return None;
        }
        Some(v)
    }

    /// Reads an amount of money: finite, at most `MAX_MONEY` in size, and not negative unless allowed.
    pub fn money(
        &mut self,
        value: Option<&Input>,
        path: &(impl Pointer + ?Sized),
        allow_negative: bool,
    ) -> Option<f64> {
        let v = self.number(value, path, f64::NEG_INFINITY, f64::INFINITY, false)?;
        if v.abs() > MAX_MONEY {
            self.push(
                ErrorCode::OutOfRange,
                path,
                format!("{v} is not a plausible amount (the limit is {MAX_MONEY:e})"),
            );
            return None;
        }
        if v < 0.0 && !allow_negative {
            self.push(ErrorCode::OutOfRange, path, format!("cannot be negative ({v})"));
            return None;
        }
        Some(v)
    }

    /// Like [`Problems::money`], with a default when the field is absent or null.
    pub fn money_or(&mut self, value: Option<&Input>, path: &(impl Pointer + ?Sized), default: f64) -> Option<f64> {
        match value {
            None => Some(default),
            v => self.money(v, path, false),
        }
    }

    /// Reads a string of 1 to `max_chars` characters (surrounding whitespace does not count).
    pub fn text(&mut self, value: Option<&Input>, path: &(impl Pointer + ?Sized), max_chars: usize) -> Option<String> {
        match value {
            None => {
                self.push(ErrorCode::Required, path, "is required");
                None
            }
            Some(Input::String(s)) => {
                let trimmed = s.trim();
                if trimmed.is_empty() {
                    self.push(ErrorCode::Required, path, "must not be empty");
                    None
                } else if let Some(chars) = chars_beyond(trimmed, max_chars) {
                    self.push(ErrorCode::TooLarge, path, format!("has {chars} characters; the limit is {max_chars}"));
                    None
                } else {
                    Some(trimmed.to_string())
                }
            }
            Some(other) => {
                self.push(ErrorCode::Type, path, format!("must be a string, not {}", other.type_name()));
                None
            }
        }
    }

    /// Reads a date `YYYY-MM-DD` between the years `MIN_YEAR` and `MAX_YEAR`.
    pub fn date(&mut self, value: Option<&Input>, path: &(impl Pointer + ?Sized)) -> Option<Date> {
        let text = match value {
            None => {
                self.push(ErrorCode::Required, path, "is required");
                return None;
            }
            Some(Input::String(s)) => s,
            Some(other) => {
                self.push(
                    ErrorCode::Type,
                    path,
                    format!("must be a date string YYYY-MM-DD, not {}", other.type_name()),
                );
                return None;
            }
        };
        let parsed = Date::parse(text);
        if parsed.is_none() {
            let shape_ok = Date::parse(&format!("2000{}", text.get(4..10).unwrap_or("")))
                .is_some_and(|_| text.get(0..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit())));
            if shape_ok {
                self.push(ErrorCode::OutOfRange, path, format!("{text:?} is outside the years {MIN_YEAR}–{MAX_YEAR}"));
            } else {
                self.push(ErrorCode::InvalidValue, path, format!("{text:?} is not a date; expected YYYY-MM-DD"));
            }
        }
        parsed
    }

    /// Reads one of the allowed string values; `None` (absent) gives `default` when there is one.
    pub fn choice<T: Copy>(
        &mut self,
        value: Option<&Input>,
        path: &(impl Pointer + ?Sized),
        allowed: &[(T, &str)],
        default: Option<T>,
    ) -> Option<T> {
        let list = || allowed.iter().map(|(_, n)| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
        match value {
            None => {
                if default.is_none() {
                    self.push(ErrorCode::Required, path, format!("is required; one of {}", list()));
                }
                default
            }
            Some(Input::String(s)) => match allowed.iter().find(|(_, n)| n == s) {
                Some((v, _)) => Some(*v),
                None => {
                    self.push(ErrorCode::InvalidValue, path, format!("{s:?} is not one of {}", list()));
                    None
                }
            },
            Some(other) => {
                self.push(
                    ErrorCode::Type,
                    path,
                    format!("must be a string, one of {}, not {}", list(), other.type_name()),
                );
                None
            }
        }
    }
}

/// The fields of one object being read. Every field read is marked; [`Fields::finish`] reports
/// the others as unknown.
pub struct Fields<'a> {
    entries: &'a [(String, Input)],
    path: String,
    seen: Vec<bool>,
}

impl<'a> Fields<'a> {
    /// The value of `key`; `null` counts as absent (JavaScript's `undefined` arrives as null).
    pub fn get(&mut self, key: &str) -> Option<&'a Input> {
        let index = self.entries.iter().position(|(k, _)| k == key)?;
        self.seen[index] = true;
        match &self.entries[index].1 {
            Input::Null => None,
            v => Some(v),
        }
    }

    /// Whether `key` is present with a non-null value, without marking it read.
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, v)| k == key && *v != Input::Null)
    }

    /// JSON pointer of `key` inside this object.
    pub fn path(&self, key: &str) -> String {
        pointer_join(&self.path, key)
    }

    /// [`Fields::path`] of `key`, written out only if a problem is recorded there.
    pub fn at<'k>(&'k self, key: &'k str) -> FieldPointer<'k> {
        FieldPointer { base: &self.path, key }
    }

    /// Reports every field that was not read as unknown, naming the fields that are allowed.
    pub fn finish(&self, problems: &mut Problems, known: &[&str]) {
        for ((key, _), seen) in self.entries.iter().zip(&self.seen) {
            if !seen {
                let hint = known
                    .iter()
                    .find(|k| {
                        let (k, key) = (k.replace('_', "").to_lowercase(), key.replace('_', "").to_lowercase());
                        k == key || (key.len() >= 3 && k.starts_with(&key))
                    })
                    .map(|k| format!(" (did you mean \"{k}\"?)"))
                    .unwrap_or_default();
                problems.push(
                    ErrorCode::UnknownField,
                    &pointer_join(&self.path, key),
                    format!("unknown field \"{key}\"{hint}; allowed: {}", known.join(", ")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_counts_characters_after_trimming() {
        let mut p = Problems::default();
        let s = |t: &str| Input::String(t.to_string());
        assert_eq!(p.text(Some(&s("  ab  ")), "/a", 2).as_deref(), Some("ab"));
        // Three two-byte characters: six bytes, within a limit of three characters.
        assert_eq!(p.text(Some(&s(" éàü ")), "/b", 3).as_deref(), Some("éàü"));
        assert!(p.issues.is_empty());
        assert_eq!(p.text(Some(&s("   ")), "/c", 3), None);
        assert_eq!(p.text(Some(&s("éàüö")), "/d", 3), None);
        let found: Vec<_> = p.issues.iter().map(|i| (i.code, i.path.as_str(), i.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (ErrorCode::Required, "/c", "must not be empty"),
                (ErrorCode::TooLarge, "/d", "has 4 characters; the limit is 3"),
            ]
        );
    }
}
