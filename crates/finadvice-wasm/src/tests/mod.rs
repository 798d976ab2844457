//! The JavaScript API's tests, run by `wasm-pack test --node` and `wasm-pack test --headless --chrome`
//! (scripts/wasm-test.sh). They are unit-test modules because the crate is only a cdylib.

mod api;
mod calc;
mod categorize;
mod common;
mod hostile;
mod import;
mod personas;
mod rules;
