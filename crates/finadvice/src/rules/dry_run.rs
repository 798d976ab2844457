//! A compiled pack evaluated over given data, for rule authors (JavaScript:
//! `new RulePack(pack).evaluate(data)`): which rules fire, with prerequisites, groups and `stop`
//! honoured, ranked as a report ranks its actions, without rendering messages or traces.

use crate::error::{pointer_join, ErrorCode, Errors, Issue};
use crate::rules::outcome::{decide, impact_value, rank, yearly, Inputs};
use crate::rules::scope::Scope;
use crate::rules::RulePack;
use serde_json::Value;

/// The roots of the data a caller gives: the pack's `constants` and each rule's `values` are
/// the engine's own.
pub const INPUT_ROOTS: &[&str] = &["facts", "profile", "plans", "model"];

/// Refuses a data root other than [`INPUT_ROOTS`], with its pointer (`/constants`).
pub fn check_input_root(key: &str) -> Result<(), Issue> {
    if INPUT_ROOTS.contains(&key) {
        return Ok(());
    }
    let message = match key {
        "constants" => "the constants are the pack's own: remove `constants` from the data".to_string(),
        "values" => "`values` are computed by each rule: remove them from the data".to_string(),
        other => format!("unknown data root \"{other}\"; allowed: {}", INPUT_ROOTS.join(", ")),
    };
    Err(Issue::new(ErrorCode::UnknownField, pointer_join("", key), message))
}

/// The error for data that is not an object.
pub fn not_an_object(type_name: &str) -> Issue {
    Issue::new(
        ErrorCode::Type,
        "",
        format!("the data must be an object {{facts, profile, plans, model}}, not {type_name}"),
    )
}

impl RulePack {
    /// The ids of the rules that fire over `data` (`{facts?, profile?, plans?, model?}`), ranked
    /// like a report's actions (priority, then impact, then evaluation order). Errors: data that
    /// is not an object or has another root (`unknown_field` at `/constants`, …), too many steps.
    pub fn evaluate(&self, data: &Value) -> Result<Vec<&str>, Errors> {
        let Value::Object(map) = data else {
            let kind = match data {
                Value::Null => "null",
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::String(_) => "a string",
                _ => "an array",
            };
            return Err(not_an_object(kind).into());
        };
        let issues: Vec<Issue> = map.keys().filter_map(|key| check_input_root(key).err()).collect();
        if !issues.is_empty() {
            return Err(Errors(issues));
        }
        self.evaluate_inputs(&Inputs::read(self, data))
    }

    /// Like [`RulePack::evaluate`] over values already read for each of [`RulePack::inputs`]
    /// (the path JavaScript data takes: only what the pack reads crosses into wasm). `inputs`
    /// must carry the whole data when [`RulePack::reads_whole_data`].
    pub fn evaluate_inputs(&self, inputs: &Inputs<'_>) -> Result<Vec<&str>, Errors> {
        let decision = decide(self, inputs, false)?;
        let mut ranked: Vec<(usize, f64)> = decision
            .fired
            .iter()
            .map(|(i, values)| {
                let rule = &self.rules[*i];
                let frame = inputs.frame(self, rule, values);
                (*i, yearly(impact_value(rule, Scope::Frame(&frame)), rule.impact_unit.as_deref()))
            })
            .collect();
        rank(self, &mut ranked, |&(i, y)| (i, y));
        Ok(ranked.into_iter().map(|(i, _)| self.rules[i].id.as_str()).collect())
    }
}
