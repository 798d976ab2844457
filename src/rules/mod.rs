//! The rule engine: rule packs (format, validation), JSON Logic conditions, templates, ranking
//! and explanation traces.

pub mod logic;
