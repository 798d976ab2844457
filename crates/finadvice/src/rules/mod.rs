//! The rule engine: rule packs (format, validation), JSON Logic conditions, templates, ranking
//! and explanation traces. The pack format is documented in `rules/rule-pack.schema.json` and
//! `docs/RULES.md`.

pub mod bind;
pub mod dry_run;
pub mod js_values;
pub mod logic;
pub mod logic_eval;
mod order;
pub mod outcome;
pub mod pack;
pub mod scope;
pub mod template;

pub use logic::TraceStep;
pub use outcome::{evaluate_pack, impact_text, Fired, Impact, Inputs, NotFired, Outcome, Waiting};
pub use pack::RulePack;
