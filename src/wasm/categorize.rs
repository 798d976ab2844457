//! JavaScript bindings of the categorizer: `advisor.categorize(transactions)`,
//! `advisor.learn({description, category})` and `advisor.exportMemory()`. The memory is given
//! back with `new Advisor({memory})` (read in `read_options`, see [`read_memory_option`]).

use super::{js_error, read_input, to_js, Advisor};
use crate::categorize::MerchantMemory;
use crate::error::{ErrorCode, Errors};
use crate::input::Input;
use crate::profile::reader::Problems;
use wasm_bindgen::prelude::*;

/// Reads the `memory` option: an object (or JSON text) saved from `exportMemory()`.
pub(crate) fn read_memory_option(value: JsValue) -> Result<MerchantMemory, Errors> {
    let input = read_input(value).map_err(|e| {
        Errors(e.0.into_iter().map(|mut i| { i.path = format!("/memory{}", i.path); i }).collect())
    })?;
    MerchantMemory::from_input(&input, "/memory")
}

/// Reads `{description, category}`.
fn read_correction(input: &Input) -> Result<(String, String), Errors> {
    let mut p = Problems::default();
    let mut result = None;
    if let Some(mut f) = p.object(input, "", "a correction") {
        let description = p.text(f.get("description"), &f.path("description"), crate::limits::MAX_DESCRIPTION_CHARS);
        let category = match f.get("category") {
            Some(Input::String(s)) => Some(s.clone()),
            Some(other) => {
                p.push(ErrorCode::Type, "/category", format!("must be a category id string, not {}", other.type_name()));
                None
            }
            None => {
                p.push(ErrorCode::Required, "/category", "is required");
                None
            }
        };
        f.finish(&mut p, &["description", "category"]);
        result = description.zip(category);
    }
    match result {
        Some(pair) if p.issues.is_empty() => Ok(pair),
        _ => Err(Errors(p.issues)),
    }
}

#[wasm_bindgen]
impl Advisor {
    /// Categorizes `[{description, amount}]` (other fields ignored) in one batched model run.
    /// Returns `[{description, amount, category, confidence, source}]` in input order, `source`
    /// being `"memory"` for a merchant the person corrected and `"model"` otherwise.
    pub fn categorize(&self, transactions: JsValue) -> Result<JsValue, JsValue> {
        let input = read_input(transactions).map_err(|e| js_error(&e))?;
        let lines = self.inner.categorize_input(&input).map_err(|e| js_error(&e))?;
        to_js(&lines)
    }

    /// Records the person's correction `{description, category}`: from now on this merchant is
    /// in that category. Returns the merchant key it is remembered under.
    pub fn learn(&mut self, correction: JsValue) -> Result<String, JsValue> {
        let input = read_input(correction).map_err(|e| js_error(&e))?;
        let (description, category) = read_correction(&input).map_err(|e| js_error(&e))?;
        self.inner.learn(&description, &category).map_err(|e| js_error(&e))
    }

    /// The merchant memory as `{version, entries: [{merchant, category}]}`, to save (e.g. in
    /// localStorage as JSON) and give back as `new Advisor({memory})`.
    #[wasm_bindgen(js_name = exportMemory)]
    pub fn export_memory(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.export_memory())
    }
}
