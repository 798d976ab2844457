//! The rule engine: rule packs (format, validation), JSON Logic conditions, templates, ranking
//! and explanation traces. The pack format is documented in `rules/rule-pack.schema.json` and
//! `docs/RULES.md`.

pub mod bind;
pub mod engine;
pub mod eval;
pub mod evaluate;
pub mod js_values;
pub mod logic;
mod order;
pub mod pack;
pub mod scope;
pub mod template;

pub use engine::{evaluate_pack, Impact, Inputs, NotFired, Outcome};
pub use logic::TraceStep;
pub use pack::RulePack;
