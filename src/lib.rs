//! finadvice: personalized financial advice computed entirely on the person's device.
//!
//! The core API has no WebAssembly types: [`Advisor::new`] then [`Advisor::advise`] (or
//! [`Advisor::advise_json`]) returns a [`Report`] or the complete list of problems ([`Errors`]).
//! `src/wasm.rs` is the thin JavaScript layer over it.
#![warn(missing_docs)]

pub mod advice;
pub mod categorize;
pub mod date;
pub mod error;
pub mod facts;
pub mod input;
pub mod limits;
pub mod money;
pub mod profile;
pub mod rules;

/// The JavaScript API (wasm32 only). Public so that the wasm-bindgen tests can call it.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use advice::{Action, Advisor, AdvisorOptions, Report, RulePackInfo, Versions};
pub use error::{ErrorCode, Errors, Issue};
pub use facts::Facts;
pub use profile::Profile;

/// Version of the engine, reported in every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
