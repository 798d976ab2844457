//! Orchestration: profile → facts → (rules) → report.

use crate::calc::plans::Plans;
use crate::categorize::model::{load_model, LoadedModel, ModelInfo};
use crate::error::Errors;
use crate::facts::Facts;
use crate::input::Input;
use crate::profile::Profile;
use serde::Serialize;

/// What an [`Advisor`] is built with. Everything is optional; the defaults ship in the crate.
#[derive(Debug, Clone, Default)]
pub struct AdvisorOptions {
    /// A replacement ONNX categorization model (the file's bytes).
    pub model: Option<Vec<u8>>,
}

/// The engine, loaded once and used for many profiles.
#[derive(Debug)]
pub struct Advisor {
    model: Option<LoadedModel>,
}

/// One recommended action. The rule engine fills the list; at this stage it is always empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Stable identifier of the action.
    pub id: String,
    /// Plain-language title.
    pub title: String,
    /// Explanation with the person's own numbers.
    pub detail: String,
}

/// Versions of everything that shaped a report, so a report can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Versions {
    /// Version of the finadvice engine (the crate).
    pub engine: &'static str,
    /// The categorization model used; null until a model is configured.
    pub model: Option<ModelInfo>,
}

/// The result of one `advise` call.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Derived facts about the person's finances.
    pub facts: Facts,
    /// Ranked actions (empty until the rule engine lands).
    pub actions: Vec<Action>,
    /// The calculators' plans for the profile: debt payoff, goals, retirement
    /// (`src/calc/plans.rs` documents the default assumptions).
    pub plans: Plans,
    /// Versions of the engine, model and rule pack.
    pub versions: Versions,
}

impl Advisor {
    /// Builds an advisor, loading a custom model if one is given.
    pub fn new(options: AdvisorOptions) -> Result<Advisor, Errors> {
        let model = match options.model {
            Some(bytes) => Some(load_model(&bytes)?),
            None => None,
        };
        Ok(Advisor { model })
    }

    /// Advice for a profile built in Rust; it is validated by the same rules as JSON input.
    pub fn advise(&self, profile: &Profile) -> Result<Report, Errors> {
        profile.validate()?;
        Ok(self.report(profile))
    }

    /// Advice for a profile given as JSON text.
    pub fn advise_json(&self, text: &str) -> Result<Report, Errors> {
        let profile = Profile::from_json(text)?;
        Ok(self.report(&profile))
    }

    /// Advice for an already-parsed input value (the path JavaScript objects take).
    pub fn advise_input(&self, input: &Input) -> Result<Report, Errors> {
        let profile = Profile::from_input(input)?;
        Ok(self.report(&profile))
    }

    fn report(&self, profile: &Profile) -> Report {
        let facts = Facts::compute(profile);
        Report {
            plans: Plans::compute(profile, &facts),
            facts,
            actions: Vec::new(),
            versions: Versions { engine: crate::VERSION, model: self.model.as_ref().map(|m| m.info.clone()) },
        }
    }
}
