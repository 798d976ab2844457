//! Orchestration: profile → facts → rules → report.

use crate::calc::plans::Plans;
use crate::categorize::model::{load_model, LoadedModel, ModelInfo};
use crate::error::Errors;
use crate::facts::Facts;
use crate::input::Input;
use crate::profile::Profile;
use crate::rules::{evaluate_pack, Impact, NotFired, RulePack, TraceStep};
use serde::Serialize;
use serde_json::Value;

/// What an [`Advisor`] is built with. Everything is optional; the defaults ship in the crate.
#[derive(Debug, Clone, Default)]
pub struct AdvisorOptions {
    /// A replacement ONNX categorization model (the file's bytes).
    pub model: Option<Vec<u8>>,
    /// A replacement rule pack, already validated ([`RulePack::from_json`]); the default is
    /// `rules/us-default.json`.
    pub rule_pack: Option<RulePack>,
    /// List the rules that did not fire, and why, in [`Report::not_fired`].
    pub explain: bool,
}

/// The engine, loaded once and used for many profiles.
#[derive(Debug)]
pub struct Advisor {
    model: Option<LoadedModel>,
    rules: RulePack,
    explain: bool,
}

/// One recommended action, produced by a rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Stable identifier of the action: `packId/ruleId`.
    pub id: String,
    /// The id of the rule that produced it.
    pub rule: String,
    /// Plain-language title.
    pub title: String,
    /// Explanation with the person's own numbers.
    pub detail: String,
    /// Category (`cash_flow`, `emergency_fund`, `debt`, `retirement`, …).
    pub category: String,
    /// The rule's priority; actions are ranked by it.
    pub priority: f64,
    /// What the action is worth, when the rule names a figure.
    pub impact: Option<Impact>,
    /// The comparisons that made the rule fire (`facts.emergencyFundMonths 1.4 < 3`).
    pub trace: Vec<TraceStep>,
    /// Ids of the pack's sources the rule rests on.
    pub sources: Vec<String>,
}

/// Identity of the rule pack used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RulePackInfo {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// `sha256:` digest of the pack's content.
    pub hash: String,
}

/// Versions of everything that shaped a report, so a report can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Versions {
    /// Version of the finadvice engine (the crate).
    pub engine: &'static str,
    /// The categorization model used; null until a model is configured.
    pub model: Option<ModelInfo>,
    /// The rule pack that produced the actions.
    pub rule_pack: RulePackInfo,
}

/// The result of one `advise` call.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Derived facts about the person's finances.
    pub facts: Facts,
    /// Ranked actions, highest priority first.
    pub actions: Vec<Action>,
    /// Rules that did not fire and why; present only with the `explain` option.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_fired: Option<Vec<NotFired>>,
    /// The calculators' plans for the profile: debt payoff, goals, retirement
    /// (`src/calc/plans.rs` documents the default assumptions).
    pub plans: Plans,
    /// Versions of the engine, model and rule pack.
    pub versions: Versions,
}

impl Advisor {
    /// Builds an advisor, loading a custom model and rule pack if given.
    pub fn new(options: AdvisorOptions) -> Result<Advisor, Errors> {
        let model = match options.model {
            Some(bytes) => Some(load_model(&bytes)?),
            None => None,
        };
        let rules = match options.rule_pack {
            Some(pack) => pack,
            None => RulePack::us_default()?,
        };
        Ok(Advisor { model, rules, explain: options.explain })
    }

    /// Advice for a profile built in Rust; it is validated by the same rules as JSON input.
    pub fn advise(&self, profile: &Profile) -> Result<Report, Errors> {
        profile.validate()?;
        self.report(profile)
    }

    /// Advice for a profile given as JSON text.
    pub fn advise_json(&self, text: &str) -> Result<Report, Errors> {
        let profile = Profile::from_json(text)?;
        self.report(&profile)
    }

    /// Advice for an already-parsed input value (the path JavaScript objects take).
    pub fn advise_input(&self, input: &Input) -> Result<Report, Errors> {
        let profile = Profile::from_input(input)?;
        self.report(&profile)
    }

    /// The rule pack this advisor evaluates.
    pub fn rule_pack(&self) -> &RulePack {
        &self.rules
    }

    fn report(&self, profile: &Profile) -> Result<Report, Errors> {
        let facts = Facts::compute(profile);
        let plans = Plans::compute(profile, &facts);
        let data = evaluation_data(&facts, &plans, profile, &self.rules);
        let outcome = evaluate_pack(&self.rules, &data, self.explain)?;
        let pack = &self.rules;
        let actions = outcome
            .fired
            .into_iter()
            .map(|f| {
                let rule = &pack.rules[f.rule];
                Action {
                    id: format!("{}/{}", pack.id, rule.id),
                    rule: rule.id.clone(),
                    title: f.title,
                    detail: f.detail,
                    category: rule.category.clone(),
                    priority: rule.priority,
                    impact: f.impact,
                    trace: f.trace,
                    sources: rule.sources.clone(),
                }
            })
            .collect();
        Ok(Report {
            facts,
            actions,
            plans,
            not_fired: self.explain.then_some(outcome.not_fired),
            versions: Versions {
                engine: crate::VERSION,
                model: self.model.as_ref().map(|m| m.info.clone()),
                rule_pack: RulePackInfo { id: pack.id.clone(), version: pack.version.clone(), hash: pack.hash.clone() },
            },
        })
    }
}

/// The object rules read: `{facts, profile, constants, plans}`. The profile is given without its
/// transactions (rules read their totals through facts); `plans` is the report's plans
/// (`plans.debtPayoff.avalanche.interestSaved`, …; docs/PLANS.md).
pub fn evaluation_data(facts: &Facts, plans: &Plans, profile: &Profile, pack: &RulePack) -> Value {
    let mut profile_value = serde_json::to_value(profile).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut profile_value {
        map.remove("transactions");
    }
    let mut data = serde_json::Map::new();
    data.insert("facts".to_string(), serde_json::to_value(facts).unwrap_or(Value::Null));
    data.insert("profile".to_string(), profile_value);
    data.insert("constants".to_string(), pack.constants_value());
    data.insert("plans".to_string(), serde_json::to_value(plans).unwrap_or(Value::Null));
    Value::Object(data)
}
