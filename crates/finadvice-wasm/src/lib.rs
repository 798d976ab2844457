//! The JavaScript binding of the finadvice core: the only crate that knows about wasm-bindgen,
//! js-sys and serde-wasm-bindgen. It converts values at the boundary and turns [`Errors`] into a
//! `FinAdviceError` (a real `Error` subclass defined in `js/finadvice-error.js`).

pub mod calc;

use finadvice::error::{ErrorCode, Errors, Issue};
use finadvice::input::{issue_from_message, Input};
use finadvice::{AdvisorOptions, Profile};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod categorize;
pub mod import;
pub mod rule_pack;
pub mod rules;
mod types;

#[cfg(test)]
mod tests;

#[wasm_bindgen(module = "/js/plain-copy.js")]
extern "C" {
    #[wasm_bindgen(js_name = plainCopy, catch)]
    fn plain_copy(
        value: &JsValue,
        max_depth: u32,
        max_values: u32,
        max_items: u32,
        max_text: u32,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = plainJson, catch)]
    fn plain_json(
        value: &JsValue,
        max_depth: u32,
        max_values: u32,
        max_items: u32,
        max_text: u32,
    ) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/js/finadvice-error.js")]
extern "C" {
    #[wasm_bindgen(js_name = FinAdviceError)]
    type JsFinAdviceError;

    #[wasm_bindgen(constructor, js_class = "FinAdviceError")]
    fn new(message: &str, errors: JsValue) -> JsFinAdviceError;
}

/// Serializes to plain JS objects and arrays, with `null` for absent values (as JSON would).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&Issue::new(ErrorCode::Type, "", format!("cannot convert the result: {e}")).into()))
}

/// Builds the `FinAdviceError` thrown for a list of problems.
pub(crate) fn js_error(errors: &Errors) -> JsValue {
    let list = errors.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL);
    JsFinAdviceError::new(&errors.summary(), list).into()
}

/// Reads a JS value (a plain object, or JSON text) into an [`Input`], enforcing the limits.
///
/// `plainJson` gives the plain copy and, for an object or array that JSON says exactly, its JSON
/// text as UTF-8 bytes, parsed here in one go (far fewer boundary calls than reading a profile
/// with thousands of transactions value by value; the bytes come from the browser's native
/// `TextEncoder` and cross in one copy, where a string would be encoded by the glue's JavaScript
/// loop, slow on a cold page). Other values, and text that does not parse within the limits, are
/// read from the copy value by value, so results and error messages stay those of that path.
pub(crate) fn read_input(value: JsValue) -> Result<Input, Errors> {
    check_string_length(&value, "")?;
    if let Some(text) = value.as_string() {
        return Ok(Input::from_json(&text)?);
    }
    let pair = copy_with(&value, plain_json)?;
    let pair: &js_sys::Array = pair.unchecked_ref();
    let text = pair.get(1);
    if let Some(bytes) = text.dyn_ref::<js_sys::Uint8Array>() {
        if let Ok(Ok(input)) = String::from_utf8(bytes.to_vec()).map(|text| Input::from_json(&text)) {
            return Ok(input);
        }
    }
    read_plain(pair.get(0))
}

/// Reads a plain copy made by `plainCopy` value by value.
fn read_plain(value: JsValue) -> Result<Input, Errors> {
    serde_wasm_bindgen::from_value::<Input>(value).map_err(|e| {
        let issue = issue_from_message(&e.to_string());
        if issue.code == ErrorCode::Parse {
            Issue::new(ErrorCode::Type, "", format!("cannot read the value: {e}")).into()
        } else {
            issue.into()
        }
    })
}

/// A page's value copied into plain arrays and objects by `js/plain-copy.js` within the input
/// limits, so that reading it can no longer run page code (getters, Proxy traps) that throws.
pub(crate) fn plain(value: &JsValue) -> Result<JsValue, Issue> {
    copy_with(value, plain_copy)
}

/// Calls `plainCopy` or `plainJson` with the input limits.
fn copy_with(
    value: &JsValue,
    copy: fn(&JsValue, u32, u32, u32, u32) -> Result<JsValue, JsValue>,
) -> Result<JsValue, Issue> {
    use finadvice::limits::{MAX_ARRAY_ITEMS, MAX_DEPTH, MAX_INPUT_BYTES, MAX_INPUT_VALUES};
    copy(value, MAX_DEPTH as u32, MAX_INPUT_VALUES as u32, MAX_ARRAY_ITEMS as u32, MAX_INPUT_BYTES as u32)
        .map_err(|thrown| thrown_issue(&thrown))
}

/// The issue for an exception thrown while reading a page's value (a getter or Proxy trap that
/// throws, or the depth and value limits of `plainCopy`).
pub(crate) fn thrown_issue(thrown: &JsValue) -> Issue {
    let message = thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "an exception".into());
    if thrown.is_instance_of::<js_sys::RangeError>() {
        let code = if message.contains("deeper") { ErrorCode::TooDeep } else { ErrorCode::TooLarge };
        return Issue::new(code, "", message);
    }
    Issue::new(ErrorCode::Type, "", format!("reading the value threw: {message}"))
}

/// Refuses a JS string longer than [`finadvice::limits::MAX_INPUT_BYTES`] UTF-16 units before it is
/// copied into wasm memory (a 1 GB string would otherwise be copied, then refused).
pub(crate) fn check_string_length(value: &JsValue, path: &str) -> Result<(), Issue> {
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        let units = text.length() as usize;
        if units > finadvice::limits::MAX_INPUT_BYTES {
            return Err(Issue::new(
                ErrorCode::TooLarge,
                path,
                format!(
                    "a string of {units} UTF-16 units exceeds the limit of {} bytes",
                    finadvice::limits::MAX_INPUT_BYTES
                ),
            ));
        }
    }
    Ok(())
}

/// Copies model bytes into wasm memory, refusing more than [`finadvice::limits::MAX_MODEL_BYTES`]
/// before the copy.
fn read_model_bytes(bytes: &js_sys::Uint8Array) -> Result<Vec<u8>, Issue> {
    let length = bytes.length() as usize;
    if length > finadvice::limits::MAX_MODEL_BYTES {
        return Err(Issue::new(
            ErrorCode::Model,
            "/model",
            format!("the model is {length} bytes; the limit is {}", finadvice::limits::MAX_MODEL_BYTES),
        ));
    }
    Ok(bytes.to_vec())
}

/// Reads `{model?: Uint8Array | ArrayBuffer, memory?: object, rulePack?: object | string,
/// explain?: boolean}`; anything else is an `options` error.
fn read_options(options: &JsValue) -> Result<AdvisorOptions, Errors> {
    let mut result = AdvisorOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(result);
    }
    let options = &plain(options).map_err(|mut issue| {
        issue.code = if issue.code == ErrorCode::Type { ErrorCode::Options } else { issue.code };
        Errors::one(issue)
    })?;
    let Some(object) = options.dyn_ref::<js_sys::Object>().filter(|_| options.is_object()) else {
        return Err(Issue::new(ErrorCode::Options, "", "options must be an object such as {model}").into());
    };
    let mut issues = Vec::new();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        let value = js_sys::Reflect::get(object, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        match key.as_str() {
            "model" if value.is_undefined() || value.is_null() => {}
            "model" => {
                let bytes = if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
                    Some(read_model_bytes(bytes))
                } else {
                    value
                        .dyn_ref::<js_sys::ArrayBuffer>()
                        .map(|buffer| read_model_bytes(&js_sys::Uint8Array::new(buffer)))
                };
                if let Some(bytes) = bytes {
                    match bytes {
                        Ok(bytes) => result.model = Some(bytes),
                        Err(issue) => issues.push(issue),
                    }
                } else {
                    issues.push(Issue::new(
                        ErrorCode::Options,
                        "/model",
                        "model must be a Uint8Array or ArrayBuffer with ONNX bytes",
                    ));
                }
            }
            "memory" if value.is_undefined() || value.is_null() => {}
            "memory" => match categorize::read_memory_option(value) {
                Ok(memory) => result.memory = Some(memory),
                Err(errors) => issues.extend(errors.0),
            },
            "rulePack" if value.is_undefined() || value.is_null() => {}
            "rulePack" => match rules::read_rule_pack(value) {
                Ok(pack) => result.rule_pack = Some(pack),
                Err(errors) => issues.extend(errors.0),
            },
            "explain" => match value.as_bool() {
                Some(b) => result.explain = b,
                None if value.is_undefined() || value.is_null() => {}
                None => issues.push(Issue::new(ErrorCode::Options, "/explain", "explain must be true or false")),
            },
            other => issues.push(Issue::new(
                ErrorCode::Options,
                finadvice::error::pointer_join("", other),
                format!("unknown option \"{other}\"; allowed: model, memory, rulePack, explain"),
            )),
        }
    }
    if issues.is_empty() {
        Ok(result)
    } else {
        Err(Errors(issues))
    }
}

/// The engine, created once per page or worker and reused for every profile.
#[wasm_bindgen]
pub struct Advisor {
    inner: finadvice::Advisor,
}

#[wasm_bindgen]
impl Advisor {
    /// Creates an advisor. `options` is optional: `{model?: Uint8Array}` replaces the
    /// categorization model, `{memory?}` restores a merchant memory saved with `exportMemory()`,
    /// `{rulePack?: object | string}` the rule pack (validated here, errors under `/rulePack/…`),
    /// and `{explain: true}` lists the rules that did not fire. Throws a `FinAdviceError` on bad
    /// options, a bad model, a bad memory or a bad pack.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AdvisorOptions | void")] options: Option<JsValue>,
    ) -> Result<Advisor, JsValue> {
        let options = read_options(&options.unwrap_or(JsValue::UNDEFINED)).map_err(|e| js_error(&e))?;
        let inner = finadvice::Advisor::new(options).map_err(|e| js_error(&e))?;
        Ok(Advisor { inner })
    }

    /// Computes the report for a profile (a plain object or JSON text). Throws a
    /// `FinAdviceError` listing every problem when the profile is invalid.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn advise(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Profile | string")] profile: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input = read_input(profile).map_err(|e| js_error(&e))?;
        let report = self.inner.advise_input(&input).map_err(|e| js_error(&e))?;
        let text = finadvice::report::json::to_json_text(report).map_err(|e| conversion_error(&e))?;
        js_sys::JSON::parse(&text)
    }
}

/// Like [`to_js`] for large results: serializes to JSON text in Rust and parses it once in JS,
/// which is several times faster than building the objects property by property across the
/// boundary (a report with hundreds of actions and traces). Same shape: absent values are null.
pub(crate) fn to_js_via_json<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| conversion_error(&e))?;
    js_sys::JSON::parse(&text)
}

/// The error thrown when a result cannot be written as JSON.
fn conversion_error(e: &serde_json::Error) -> JsValue {
    js_error(&Issue::new(ErrorCode::Type, "", format!("cannot convert the result: {e}")).into())
}

/// Validates a profile without computing advice: returns every problem (`[]` when valid).
#[wasm_bindgen(js_name = validateProfile, unchecked_return_type = "Issue[]")]
pub fn validate_profile(
    #[wasm_bindgen(unchecked_param_type = "Profile | string")] profile: JsValue,
) -> Result<JsValue, JsValue> {
    let issues = match read_input(profile).and_then(|input| Profile::from_input(&input).map(|_| ())) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.0,
    };
    to_js(&issues)
}

/// Documentation of every fact in a report: `[{name, unit, meaning}]`.
#[wasm_bindgen(js_name = factCatalog, unchecked_return_type = "FactDoc[]")]
pub fn fact_catalog() -> Result<JsValue, JsValue> {
    to_js(&finadvice::facts::catalog::FACTS)
}

/// The engine version (the crate version).
#[wasm_bindgen]
pub fn version() -> String {
    finadvice::VERSION.to_string()
}

/// Build-time hook, not API: prepares the default model and rule pack
/// ([`finadvice::report::prepare_defaults`]); true when both are ready. `scripts/snapshot.mjs` calls
/// it in a module instance whose imports all throw (so it provably touches no JavaScript and
/// holds no JS handle) and writes the instance's memory into the package's module as its
/// initial memory. Calling it again does nothing.
#[doc(hidden)]
#[wasm_bindgen(js_name = __finadvicePrepareDefaults, skip_typescript)]
pub fn prepare_defaults() -> bool {
    use std::sync::atomic::Ordering;
    // Freed blocks are zeroed while preparing, so that the garbage of tract's passes is not
    // shipped in the snapshot (zero bytes are left out of its data segments).
    allocator::ZERO_ON_FREE.store(true, Ordering::Relaxed);
    let ok = finadvice::report::prepare_defaults().is_ok();
    allocator::ZERO_ON_FREE.store(false, Ordering::Relaxed);
    ok
}

/// The system allocator (dlmalloc), zeroing freed blocks while [`prepare_defaults`] runs.
mod allocator {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicBool, Ordering};

    pub(super) static ZERO_ON_FREE: AtomicBool = AtomicBool::new(false);

    struct Allocator;

    #[global_allocator]
    static ALLOCATOR: Allocator = Allocator;

    // SAFETY: every call is forwarded to `System` with the caller's layout; the zeroing writes
    // only the block being freed (`layout.size()` bytes at `ptr`, which the caller owns), and the
    // moving `realloc` copies `min(old, new)` bytes between two distinct live blocks.
    unsafe impl GlobalAlloc for Allocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { System.alloc(layout) }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            unsafe { System.alloc_zeroed(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if ZERO_ON_FREE.load(Ordering::Relaxed) {
                unsafe { std::ptr::write_bytes(ptr, 0, layout.size()) };
            }
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if !ZERO_ON_FREE.load(Ordering::Relaxed) {
                return unsafe { System.realloc(ptr, layout, new_size) };
            }
            // A block that moves leaves its old bytes behind: move it here and zero the old one.
            let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
                return std::ptr::null_mut();
            };
            let new = unsafe { self.alloc(new_layout) };
            if !new.is_null() {
                unsafe {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
            }
            new
        }
    }
}

/// Build-time hook, not API: where the bytes that only preparing the defaults reads start in
/// the module's memory ([`finadvice::report::prepared_sources`]); `scripts/snapshot.mjs` leaves
/// them out of the snapshot.
#[doc(hidden)]
#[wasm_bindgen(js_name = __finadvicePreparedSourcesStart, skip_typescript)]
pub fn prepared_sources_start() -> u32 {
    finadvice::report::prepared_sources().as_ptr() as usize as u32
}

/// Build-time hook, not API: how many bytes [`prepared_sources_start`] names.
#[doc(hidden)]
#[wasm_bindgen(js_name = __finadvicePreparedSourcesLength, skip_typescript)]
pub fn prepared_sources_length() -> u32 {
    finadvice::report::prepared_sources().len() as u32
}

/// Test hook, not API: whether the default model and rule pack are already prepared in this
/// module instance (true before any `new Advisor()` in the snapshotted package).
#[doc(hidden)]
#[wasm_bindgen(js_name = __finadviceDefaultsPrepared, skip_typescript)]
pub fn defaults_prepared() -> bool {
    finadvice::report::defaults_prepared()
}
