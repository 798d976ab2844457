//! Orchestration: profile → facts → (rules) → report.

use crate::categorize::lines::read_lines;
use crate::categorize::memory::MemoryExport;
use crate::categorize::model::ModelInfo;
use crate::categorize::{categorize, CategorizedLine, Categorizer, MerchantMemory};
use crate::date::Date;
use crate::error::Errors;
use crate::facts::spending::{by_month, MonthSpending};
use crate::facts::Facts;
use crate::input::Input;
use crate::profile::Profile;
use serde::Serialize;

/// What an [`Advisor`] is built with. Everything is optional; the defaults ship in the crate.
#[derive(Debug, Clone, Default)]
pub struct AdvisorOptions {
    /// A replacement ONNX categorization model (the file's bytes); it must follow the contract
    /// documented in [`crate::categorize::model`].
    pub model: Option<Vec<u8>>,
    /// A merchant memory saved earlier with [`Advisor::export_memory`].
    pub memory: Option<MerchantMemory>,
}

/// The engine, loaded once and used for many profiles.
#[derive(Debug)]
pub struct Advisor {
    categorizer: Categorizer,
    memory: MerchantMemory,
}

/// A transaction of the profile with its category, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportTransaction {
    /// Booking date.
    pub date: Date,
    /// Description, amount, category, confidence and source.
    #[serde(flatten)]
    pub line: CategorizedLine,
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
    /// The categorization model used: default or custom, its SHA-256 and size.
    pub model: ModelInfo,
}

/// The result of one `advise` call.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Derived facts about the person's finances.
    pub facts: Facts,
    /// Ranked actions (empty until the rule engine lands).
    pub actions: Vec<Action>,
    /// The profile's transactions, in input order, each with its category.
    pub transactions: Vec<ReportTransaction>,
    /// Spending per calendar month and category, from the categorized transactions.
    pub spending_by_month: Vec<MonthSpending>,
    /// Versions of the engine, model and rule pack.
    pub versions: Versions,
}

impl Advisor {
    /// Builds an advisor: loads the shipped model (or the custom one, checked against the
    /// contract) and the person's merchant memory if one is given.
    pub fn new(options: AdvisorOptions) -> Result<Advisor, Errors> {
        let categorizer = match options.model {
            Some(bytes) => Categorizer::custom(&bytes)?,
            None => Categorizer::default_model()?,
        };
        Ok(Advisor { categorizer, memory: options.memory.unwrap_or_default() })
    }

    /// Categorizes statement lines (description, signed amount), in order: the person's
    /// corrections first, the model for the rest (one batched run).
    pub fn categorize(&self, rows: &[(&str, f64)]) -> Result<Vec<CategorizedLine>, Errors> {
        Ok(categorize(&self.categorizer, &self.memory, rows)?)
    }

    /// Categorizes `[{description, amount}]` given as an input value (other fields are ignored).
    pub fn categorize_input(&self, input: &Input) -> Result<Vec<CategorizedLine>, Errors> {
        let lines = read_lines(input)?;
        let rows: Vec<(&str, f64)> = lines.iter().map(|l| (l.description.as_str(), l.amount)).collect();
        self.categorize(&rows)
    }

    /// Records the person's correction: this description's merchant belongs in `category` (a
    /// category id). Returns the merchant key it is remembered under.
    pub fn learn(&mut self, description: &str, category: &str) -> Result<String, Errors> {
        self.memory.learn(description, category)
    }

    /// The merchant memory, for the page to save and give back in [`AdvisorOptions::memory`].
    pub fn export_memory(&self) -> MemoryExport {
        self.memory.export()
    }

    /// The model in use.
    pub fn model_info(&self) -> &ModelInfo {
        self.categorizer.info()
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

    fn report(&self, profile: &Profile) -> Result<Report, Errors> {
        let rows: Vec<(&str, f64)> = profile.transactions.iter().map(|t| (t.description.as_str(), t.amount)).collect();
        let lines = self.categorize(&rows)?;
        let categories: Vec<_> = lines.iter().map(|l| l.category).collect();
        Ok(Report {
            facts: Facts::compute_with_categories(profile, &categories),
            actions: Vec::new(),
            spending_by_month: by_month(&profile.transactions, &categories),
            transactions: profile
                .transactions
                .iter()
                .zip(lines)
                .map(|(t, line)| ReportTransaction { date: t.date, line })
                .collect(),
            versions: Versions { engine: crate::VERSION, model: self.categorizer.info().clone() },
        })
    }
}
