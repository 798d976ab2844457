//! finadvice: personalized financial advice computed entirely on the person's device.
//!
//! The core API has no WebAssembly types: [`Advisor::new`] then [`Advisor::advise`] (or
//! [`Advisor::advise_json`]) returns a [`Report`] or the complete list of problems ([`Errors`]).
//! `crates/finadvice-wasm` is the thin JavaScript binding over it.
#![warn(missing_docs)]

pub mod calc;
pub mod categorize;
pub mod date;
pub mod error;
pub mod facts;
pub mod import;
pub mod input;
pub mod limits;
pub mod money;
pub mod plans;
pub mod profile;
pub mod report;
pub mod rules;
pub mod social_security;
pub mod tax;
pub mod validation;

pub use error::{ErrorCode, Errors, Issue};
pub use facts::Facts;
pub use profile::Profile;
pub use report::{Action, Advisor, AdvisorOptions, Report, RulePackInfo, Versions};

/// Version of the engine, reported in every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
