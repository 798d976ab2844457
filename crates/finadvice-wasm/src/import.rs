//! JavaScript bindings of the importer: `importStatements(files, options?)` and
//! `draftProfile(transactions)`. Files are `{name, text}` or `{name, bytes: Uint8Array}`; what
//! cannot be read is in the result's `problems`, and only a malformed call throws.

use crate::{js_error, to_js};
use finadvice::error::{ErrorCode, Errors, Issue};
use finadvice::import::{
    draft::draft_profile, import_statements, ImportOptions, StatementFile, Transaction, MAX_FILES, MAX_FILE_BYTES,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn issue(path: String, code: ErrorCode, message: impl Into<String>) -> Errors {
    Issue::new(code, path, message).into()
}

/// Reads the `files` argument without copying more than the limits allow.
fn read_files(files: &JsValue) -> Result<Vec<StatementFile>, Errors> {
    let Some(array) = files.dyn_ref::<js_sys::Array>() else {
        return Err(issue(String::new(), ErrorCode::Type, "files must be an array of {name, text} or {name, bytes}"));
    };
    if array.length() as usize > MAX_FILES {
        return Err(issue(
            String::new(),
            ErrorCode::TooLarge,
            format!("has {} files; at most {MAX_FILES} are read at once", array.length()),
        ));
    }
    let mut out = Vec::new();
    for (i, item) in array.iter().enumerate() {
        if !item.is_object() {
            return Err(issue(
                format!("/{i}"),
                ErrorCode::Type,
                "each file must be an object {name, text} or {name, bytes}",
            ));
        }
        let get = |key: &str| js_sys::Reflect::get(&item, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let Some(name) = get("name").as_string() else {
            return Err(issue(format!("/{i}/name"), ErrorCode::Type, "the file's name must be a string"));
        };
        if finadvice::limits::chars_beyond(&name, finadvice::limits::MAX_NAME_CHARS).is_some() {
            return Err(issue(
                format!("/{i}/name"),
                ErrorCode::TooLarge,
                format!("a file name has at most {} characters", finadvice::limits::MAX_NAME_CHARS),
            ));
        }
        let (text, bytes) = (get("text"), get("bytes"));
        let bytes = if let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>() {
            if array.length() as usize > MAX_FILE_BYTES {
                return Err(issue(
                    format!("/{i}/bytes"),
                    ErrorCode::TooLarge,
                    format!("has {} bytes; the limit is {MAX_FILE_BYTES}", array.length()),
                ));
            }
            array.to_vec()
        } else if let Some(string) = text.dyn_ref::<js_sys::JsString>() {
            // A UTF-16 unit is at most 3 bytes of UTF-8.
            if string.length() as usize > MAX_FILE_BYTES {
                return Err(issue(
                    format!("/{i}/text"),
                    ErrorCode::TooLarge,
                    format!("has {} characters; the limit is {MAX_FILE_BYTES}", string.length()),
                ));
            }
            String::from(string).into_bytes()
        } else {
            return Err(issue(
                format!("/{i}"),
                ErrorCode::Required,
                "a file needs text (a string) or bytes (a Uint8Array)",
            ));
        };
        out.push(StatementFile { name, bytes });
    }
    Ok(out)
}

/// Reads bank and card exports: `files` is `[{name, text} | {name, bytes}]`, `options`
/// `{overrides: {[name]: {flipSigns?, dateOrder?: 'dmy'|'mdy'|'ymd'}}}` → `{transactions,
/// problems, sources}` (see `ImportResult`). Throws a `FinAdviceError` only for a malformed call.
#[wasm_bindgen(js_name = importStatements, unchecked_return_type = "ImportResult")]
pub fn import_statements_js(
    #[wasm_bindgen(unchecked_param_type = "StatementFile[]")] files: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ImportOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let files = read_files(&files).map_err(|e| js_error(&e))?;
    let options: ImportOptions = if options.is_undefined() || options.is_null() {
        ImportOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| {
            js_error(&issue("/options".into(), ErrorCode::Options, format!("invalid import options: {e}")))
        })?
    };
    to_js(&import_statements(&files, &options))
}

/// A draft profile from imported transactions (`importStatements(...).transactions`) →
/// `{profile, questions: [{path, question, why}], covered: {from, to, months}, recurring}`.
#[wasm_bindgen(js_name = draftProfile, unchecked_return_type = "DraftResult")]
pub fn draft_profile_js(
    #[wasm_bindgen(unchecked_param_type = "ImportedTransaction[]")] transactions: JsValue,
) -> Result<JsValue, JsValue> {
    if let Some(array) = transactions.dyn_ref::<js_sys::Array>() {
        if array.length() as usize > finadvice::limits::MAX_TRANSACTIONS {
            return Err(js_error(&issue(
                String::new(),
                ErrorCode::TooLarge,
                format!("has {} transactions; the limit is {}", array.length(), finadvice::limits::MAX_TRANSACTIONS),
            )));
        }
    }
    let transactions: Vec<Transaction> = serde_wasm_bindgen::from_value(transactions).map_err(|e| {
        js_error(&issue(
            String::new(),
            ErrorCode::Type,
            format!("transactions must be importStatements' transactions: {e}"),
        ))
    })?;
    to_js(&draft_profile(&transactions))
}
