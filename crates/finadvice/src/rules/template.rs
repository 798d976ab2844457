//! Message templates: text with `{{path | filter:arg}}` placeholders, parsed once when the pack is
//! loaded (so a bad template is a validation error) and rendered with the evaluation data.
//!
//! Filters: `number:N` (N decimals, default 0, thousands separated), `money` (the currency's
//! symbol, cents only when the amount has them), `percent:N` (a ratio 0.153 → `15.3%`, default 0
//! decimals), `months:N` (a count of months with its word: `1 month`, `2.5 months`, default 0
//! decimals). Without a filter, numbers print as `number` would with up to 2 decimals and strings
//! as they are. A missing or null value renders as `n/a`, never as an error: plans and model outputs
//! may be absent.

use crate::error::{ErrorCode, Issue};
use crate::money::{push_group, push_money};
use crate::rules::logic::js_string;
use crate::rules::scope::{Reference, Scope};
use serde_json::Value;

/// Longest template accepted, in characters.
pub const MAX_TEMPLATE_CHARS: usize = 2_000;
/// What a missing or null value renders as.
pub const MISSING: &str = "n/a";

/// A formatting filter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Filter {
    /// No filter.
    Plain,
    /// A number with this many decimals.
    Number(usize),
    /// An amount of money.
    Money,
    /// A ratio as a percentage with this many decimals.
    Percent(usize),
    /// A number of months with this many decimals, followed by `month` or `months`.
    Months(usize),
}

/// One piece of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Literal text.
    Text(String),
    /// A value looked up by dotted path (`facts.emergencyFundMonths`) and formatted.
    Value {
        /// The dotted path (bound to a slot when the pack is compiled).
        path: Reference,
        /// How to format it.
        filter: Filter,
    },
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// Its pieces, in order.
    pub parts: Vec<Part>,
}

impl Template {
    /// Parses a template; errors point at `pointer` and name the offending placeholder.
    pub fn parse(text: &str, pointer: &str) -> Result<Template, Issue> {
        let err = |message: String| Issue::new(ErrorCode::Template, pointer, message);
        if crate::limits::chars_beyond(text, MAX_TEMPLATE_CHARS).is_some() {
            return Err(Issue::new(
                ErrorCode::TooLarge,
                pointer,
                format!("a template is limited to {MAX_TEMPLATE_CHARS} characters"),
            ));
        }
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_string()));
            }
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else {
                return Err(err(format!(
                    "\"{{{{\" at character {} is never closed with \"}}}}\"",
                    text.len() - rest.len() + open
                )));
            };
            let inner = &after[..close];
            if inner.contains("{{") {
                return Err(err(format!("\"{{{{{inner}}}}}\" opens a placeholder inside another")));
            }
            parts.push(parse_placeholder(inner).map_err(err)?);
            rest = &after[close + 2..];
        }
        if rest.contains("}}") {
            return Err(err("\"}}\" without a matching \"{{\"".to_string()));
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_string()));
        }
        Ok(Template { parts })
    }

    /// The dotted paths the template reads.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Value { path, .. } => Some(path.text.as_str()),
            Part::Text(_) => None,
        })
    }

    /// The template's references, to bind them when the pack is compiled.
    pub(crate) fn references_mut(&mut self) -> impl Iterator<Item = &mut Reference> {
        self.parts.iter_mut().filter_map(|p| match p {
            Part::Value { path, .. } => Some(path),
            Part::Text(_) => None,
        })
    }

    /// Renders the template over `scope`, formatting money in `currency` (ISO code).
    pub fn render(&self, scope: Scope<'_>, currency: &str) -> String {
        let mut out =
            String::with_capacity(self.parts.iter().map(|p| if let Part::Text(t) = p { t.len() } else { 12 }).sum());
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Value { path, filter } => push_value(&mut out, scope.resolve(path).as_deref(), *filter, currency),
            }
        }
        out
    }
}

fn parse_placeholder(inner: &str) -> Result<Part, String> {
    let mut pieces = inner.split('|').map(str::trim);
    let path = pieces.next().unwrap_or("");
    if path.is_empty()
        || !path.split('.').all(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_alphanumeric() || c == '_'))
    {
        return Err(format!("\"{{{{{inner}}}}}\" needs a dotted path such as facts.monthlySurplus"));
    }
    let filter = match pieces.next() {
        None => Filter::Plain,
        Some(f) => parse_filter(f).map_err(|m| format!("\"{{{{{inner}}}}}\": {m}"))?,
    };
    if pieces.next().is_some() {
        return Err(format!("\"{{{{{inner}}}}}\" has more than one filter"));
    }
    Ok(Part::Value { path: Reference::new(path), filter })
}

fn parse_filter(text: &str) -> Result<Filter, String> {
    let (name, arg) = match text.split_once(':') {
        Some((n, a)) => (n.trim(), Some(a.trim())),
        None => (text, None),
    };
    let digits = |arg: Option<&str>| -> Result<usize, String> {
        match arg {
            None => Ok(0),
            Some(a) => a.parse::<usize>().ok().filter(|d| *d <= 6).ok_or(format!("decimals must be 0 to 6, not {a:?}")),
        }
    };
    match name {
        "number" => Ok(Filter::Number(digits(arg)?)),
        "percent" => Ok(Filter::Percent(digits(arg)?)),
        "months" => Ok(Filter::Months(digits(arg)?)),
        "money" if arg.is_none() => Ok(Filter::Money),
        "money" => Err("money takes no argument".to_string()),
        other => Err(format!("unknown filter \"{other}\"; allowed: number:N, money, percent:N, months:N")),
    }
}

/// Appends a value formatted by `filter`; missing, null and non-finite values are [`MISSING`].
fn push_value(out: &mut String, value: Option<&Value>, filter: Filter, currency: &str) {
    let number = match value {
        None | Some(Value::Null) => return out.push_str(MISSING),
        Some(Value::Number(n)) => n.as_f64(),
        Some(other) => return out.push_str(&js_string(other)),
    };
    let Some(n) = number.filter(|n| n.is_finite()) else { return out.push_str(MISSING) };
    match filter {
        Filter::Plain => {
            let rounded = (n * 100.0).round() / 100.0;
            let decimals = if rounded.fract() == 0.0 {
                0
            } else if (rounded * 10.0).fract() == 0.0 {
                1
            } else {
                2
            };
            push_group(out, n, decimals)
        }
        Filter::Number(d) => push_group(out, n, d),
        Filter::Percent(d) => {
            push_group(out, n * 100.0, d);
            out.push('%');
        }
        Filter::Money => push_money(out, n, currency),
        Filter::Months(d) => {
            let start = out.len();
            push_group(out, n, d);
            // Singular only when the printed figure is exactly one ("1", "1.0"), as a reader sees it.
            let one = out[start..].parse::<f64>() == Ok(1.0);
            out.push_str(if one { " month" } else { " months" });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(t: &str, data: Value) -> String {
        Template::parse(t, "/t").unwrap().render(Scope::Value(&data), "USD")
    }

    #[test]
    fn filters_format_numbers_money_and_percentages() {
        let data = json!({"f": {"m": 1.44, "s": -1234.5, "r": 0.1534, "big": 1234567.891, "whole": 500}});
        assert_eq!(render("{{f.m | number:1}} months", data.clone()), "1.4 months");
        assert_eq!(render("{{ f.s | money }}", data.clone()), "-$1,234.50");
        assert_eq!(render("{{f.whole|money}}", data.clone()), "$500");
        assert_eq!(render("{{f.r | percent:1}}", data.clone()), "15.3%");
        assert_eq!(render("{{f.big | number}}", data.clone()), "1,234,568");
        assert_eq!(render("{{f.m}}", data), "1.44");
    }

    #[test]
    fn months_take_their_word_in_the_singular_only_for_one() {
        let months = |n: f64, filter: &str| render(&format!("{{{{m | {filter}}}}}"), json!({ "m": n }));
        assert_eq!(months(1.0, "months"), "1 month");
        assert_eq!(months(1.2, "months"), "1 month");
        assert_eq!(months(1.2, "months:1"), "1.2 months");
        assert_eq!(months(0.0, "months"), "0 months");
        assert_eq!(months(2.0, "months"), "2 months");
        assert_eq!(months(1234.0, "months"), "1,234 months");
    }

    #[test]
    fn missing_values_render_as_not_available() {
        assert_eq!(render("saves {{plans.debtPayoff.interestSaved | money}}", json!({"plans": {}})), "saves n/a");
        assert_eq!(render("{{facts.x | number:1}}", json!({"facts": {"x": null}})), "n/a");
    }

    #[test]
    fn bad_templates_are_errors_with_the_pointer() {
        for bad in [
            "{{facts.x",
            "{{ | money}}",
            "{{facts.x | dollars}}",
            "{{facts.x | number:99}}",
            "x }}",
            "{{a|money|money}}",
            "{{a b}}",
        ] {
            let e = Template::parse(bad, "/rules/0/title").unwrap_err();
            assert_eq!((e.code, e.path.as_str()), (ErrorCode::Template, "/rules/0/title"), "{bad}");
        }
    }
}
