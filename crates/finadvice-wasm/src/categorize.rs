//! JavaScript bindings of the categorizer: `advisor.categorize(transactions)`,
//! `advisor.learn({description, category, bankCategory?})` and `advisor.exportMemory()`. The memory is given
//! back with `new Advisor({memory})` (read in `read_options`, see [`read_memory_option`]).

use super::{js_error, read_input, to_js, Advisor};
use finadvice::categorize::{Category, Decision, MerchantMemory, Source};
use finadvice::error::{ErrorCode, Errors};
use finadvice::input::Input;
use finadvice::validation::Problems;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reads the `memory` option: an object (or JSON text) saved from `exportMemory()`.
pub(crate) fn read_memory_option(value: JsValue) -> Result<MerchantMemory, Errors> {
    let input = read_input(value).map_err(|e| {
        Errors(
            e.0.into_iter()
                .map(|mut i| {
                    i.path = format!("/memory{}", i.path);
                    i
                })
                .collect(),
        )
    })?;
    MerchantMemory::from_input(&input, "/memory")
}

#[wasm_bindgen(module = "/js/pack-rows.js")]
extern "C" {
    #[wasm_bindgen(js_name = packRows, catch)]
    fn pack_rows(rows: &JsValue, max_items: u32, max_description: u32, max_text: u32) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = writeText)]
    fn write_text(text: &JsValue, memory: &JsValue, ptr: u32, capacity: u32) -> i32;

    #[wasm_bindgen(js_name = assembleRows)]
    fn assemble_rows(
        descriptions: &JsValue,
        amounts: &[f64],
        categories: &[u8],
        confidences: &[f64],
        memory: &[u8],
        names: &js_sys::Array,
    ) -> JsValue;
}

/// Rows read from JavaScript: packed by `packRows` (one text, one Float64Array, and the
/// description strings the result is then built around, see [`assemble`]), or an input value.
enum Rows {
    Packed { text: String, amounts: Vec<f64>, descriptions: JsValue },
    Input(Input),
}

/// The result rows through `assembleRows`: columns instead of JSON text.
fn assemble(descriptions: &JsValue, amounts: &[f64], decisions: &[Decision]) -> JsValue {
    let names: js_sys::Array = Category::ALL.iter().map(|c| JsValue::from_str(c.as_str())).collect();
    let n = decisions.len();
    let (mut categories, mut confidences, mut memory) =
        (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    for d in decisions {
        categories.push(d.category.index());
        confidences.push(d.confidence);
        memory.push(u8::from(d.source == Source::Memory));
    }
    assemble_rows(descriptions, amounts, &categories, &confidences, &memory, &names)
}

/// Reads the rows to categorize. An array of plain `{description, amount}` objects crosses the
/// boundary packed (`js/pack-rows.js`: one text and one Float64Array for all rows); any other
/// JS array is read field by field (only `description` and `amount` of each row cross the
/// boundary); anything else (JSON text, a non-array) takes the general path. Validation is the
/// same on every path (`categorize::lines`: `read_lines`, and `Advisor::decide` for packed rows).
fn read_rows(value: JsValue) -> Result<Rows, Errors> {
    if value.as_string().is_none() {
        if let Some(rows) = read_packed_rows(&value) {
            return Ok(rows);
        }
        // Past this copy no page code (getter, Proxy trap) runs while the rows are read.
        let copy = super::plain(&value)?;
        return Ok(Rows::Input(read_plain_rows(copy)?));
    }
    Ok(Rows::Input(read_input(value)?))
}

/// The rows as `packRows` packs them, or `None` when they take another path (the packer declined,
/// threw — the general path then reports what threw — or gave something unexpected).
fn read_packed_rows(value: &JsValue) -> Option<Rows> {
    use finadvice::limits::{MAX_DESCRIPTION_CHARS, MAX_INPUT_BYTES, MAX_TRANSACTIONS};
    let packed =
        pack_rows(value, MAX_TRANSACTIONS as u32, MAX_DESCRIPTION_CHARS as u32, MAX_INPUT_BYTES as u32).ok()?;
    let packed = packed.dyn_into::<js_sys::Array>().ok()?;
    let text = utf8_text(&packed.get(0))?;
    let amounts = packed.get(1).dyn_into::<js_sys::Float64Array>().ok()?.to_vec();
    if text.split('\0').count() != amounts.len() {
        return None;
    }
    Some(Rows::Packed { text, amounts, descriptions: packed.get(2) })
}

/// A JS string as UTF-8 written straight into wasm memory by the engine's `TextEncoder.encodeInto`
/// (`writeText`), rather than by wasm-bindgen's string conversion, which copies an ASCII string
/// with a JavaScript loop over its characters (slow until the engine has optimized it, i.e. during
/// a page's first calls). `None` for anything but a well-formed string.
fn utf8_text(text: &JsValue) -> Option<String> {
    let units = text.dyn_ref::<js_sys::JsString>()?.length() as usize;
    // ASCII takes one byte per UTF-16 unit, anything else at most three.
    for capacity in [units, 3 * units] {
        let mut bytes = vec![0u8; capacity];
        let written = write_text(text, &wasm_bindgen::memory(), bytes.as_mut_ptr() as u32, capacity as u32);
        if let Ok(written) = usize::try_from(written) {
            bytes.truncate(written);
            return String::from_utf8(bytes).ok();
        }
    }
    None
}

#[inline(never)] // the general path, out of the packed path's function
fn read_plain_rows(value: JsValue) -> Result<Input, Errors> {
    let Some(array) = value.dyn_ref::<js_sys::Array>() else { return read_input(value) };
    let length = array.length() as usize;
    if length > finadvice::limits::MAX_TRANSACTIONS {
        return Err(finadvice::error::Issue::new(
            ErrorCode::TooLarge,
            "",
            format!("has {length} items; the limit is {}", finadvice::limits::MAX_TRANSACTIONS),
        )
        .into());
    }
    let description_key = JsValue::from_str("description");
    let amount_key = JsValue::from_str("amount");
    let mut rows = Vec::with_capacity(length);
    for item in array.iter() {
        if !item.is_object() || js_sys::Array::is_array(&item) {
            rows.push(shallow(&item));
            continue;
        }
        let field = |key: &JsValue| js_sys::Reflect::get(&item, key).map(|v| shallow(&v)).unwrap_or(Input::Null);
        rows.push(Input::Object(vec![
            ("description".into(), field(&description_key)),
            ("amount".into(), field(&amount_key)),
        ]));
    }
    Ok(Input::Array(rows))
}

/// A JS value as an [`Input`], keeping strings, numbers (NaN included), booleans and null; other
/// objects and arrays become empty ones (enough to report their type).
fn shallow(value: &JsValue) -> Input {
    // More than twice the limit in UTF-16 units is more than the limit in characters: keep one
    // character too many, without copying the string, so validation reports its length.
    if value
        .dyn_ref::<js_sys::JsString>()
        .is_some_and(|s| s.length() as usize > 2 * finadvice::limits::MAX_STRING_CHARS)
    {
        return Input::String("x".repeat(finadvice::limits::MAX_STRING_CHARS + 1));
    }
    if let Some(text) = value.as_string() {
        if finadvice::limits::chars_beyond(&text, finadvice::limits::MAX_STRING_CHARS).is_some() {
            return Input::String(text.chars().take(finadvice::limits::MAX_STRING_CHARS + 1).collect());
        }
        Input::String(text)
    } else if let Some(n) = value.as_f64() {
        Input::Number(n)
    } else if let Some(b) = value.as_bool() {
        Input::Bool(b)
    } else if value.is_null() || value.is_undefined() {
        Input::Null
    } else if js_sys::Array::is_array(value) {
        Input::Array(Vec::new())
    } else {
        Input::Object(Vec::new())
    }
}

/// Returns a result through JSON text and `JSON.parse` (one boundary crossing instead of one per
/// field); for values without NaN or infinities, which JSON cannot carry.
fn json_to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| {
        js_error(&finadvice::error::Issue::new(ErrorCode::Type, "", format!("cannot convert the result: {e}")).into())
    })?;
    js_sys::JSON::parse(&text)
}

/// Reads `{description, category, bankCategory?}`.
fn read_correction(input: &Input) -> Result<(String, String, Option<String>), Errors> {
    let mut p = Problems::default();
    let mut result = None;
    if let Some(mut f) = p.object(input, "", "a correction") {
        let description =
            p.text(f.get("description"), &f.path("description"), finadvice::limits::MAX_DESCRIPTION_CHARS);
        let category = match f.get("category") {
            Some(Input::String(s)) => Some(s.clone()),
            Some(other) => {
                p.push(
                    ErrorCode::Type,
                    "/category",
                    format!("must be a category id string, not {}", other.type_name()),
                );
                None
            }
            None => {
                p.push(ErrorCode::Required, "/category", "is required");
                None
            }
        };
        let bank_category = match f.get("bankCategory") {
            None | Some(Input::Null) => None,
            label => p.text(label, &f.path("bankCategory"), finadvice::limits::MAX_NAME_CHARS),
        };
        f.finish(&mut p, &["description", "category", "bankCategory"]);
        result = description.zip(category).map(|(d, c)| (d, c, bank_category));
    }
    match result {
        Some(correction) if p.issues.is_empty() => Ok(correction),
        _ => Err(Errors(p.issues)),
    }
}

impl Advisor {
    /// `categorize` of rows that were not packed. Out of line, so that the packed path's function
    /// stays small (V8 recompiles it whole once it is hot).
    #[inline(never)]
    fn categorize_general(&self, input: &Input) -> Result<JsValue, JsValue> {
        let lines = self.inner.categorize_input(input).map_err(|e| js_error(&e))?;
        json_to_js(&lines)
    }
}

#[wasm_bindgen]
impl Advisor {
    /// Categorizes `[{description, amount}]` (other fields ignored) in one batched model run.
    /// Returns `[{description, amount, category, confidence, source}]` in input order, `source`
    /// being `"memory"` for a merchant the person corrected and `"model"` otherwise.
    #[wasm_bindgen(unchecked_return_type = "CategorizedLine[]")]
    pub fn categorize(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ description: string; amount: number }[]")] transactions: JsValue,
    ) -> Result<JsValue, JsValue> {
        match read_rows(transactions).map_err(|e| js_error(&e))? {
            Rows::Packed { text, amounts, descriptions } => {
                // The rows borrow the one packed text: no string per row.
                let rows: Vec<(&str, f64)> = text.split('\0').zip(amounts.iter().copied()).collect();
                let decisions = self.inner.decide(&rows).map_err(|e| js_error(&e))?;
                Ok(assemble(&descriptions, &amounts, &decisions))
            }
            Rows::Input(input) => self.categorize_general(&input),
        }
    }

    /// Records the person's correction `{description, category, bankCategory?}`: from now on this
    /// merchant is in that category, and the bank's label of the corrected row (when given) leans
    /// unknown merchants with the same label the same way. Returns the merchant key it is
    /// remembered under.
    pub fn learn(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "{ description: string; category: Category; bankCategory?: string }")]
        correction: JsValue,
    ) -> Result<String, JsValue> {
        let input = read_input(correction).map_err(|e| js_error(&e))?;
        let (description, category, bank_category) = read_correction(&input).map_err(|e| js_error(&e))?;
        self.inner.learn(&description, &category, bank_category.as_deref()).map_err(|e| js_error(&e))
    }

    /// The merchant memory as `{version, entries: [{merchant, category}]}`, to save (e.g. in
    /// localStorage as JSON) and give back as `new Advisor({memory})`.
    #[wasm_bindgen(js_name = exportMemory, unchecked_return_type = "MemoryExport")]
    pub fn export_memory(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.export_memory())
    }
}
