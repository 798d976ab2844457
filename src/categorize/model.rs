//! Loading an ONNX model with tract, with every failure turned into an [`Issue`] (never a panic
//! on a malformed file that tract reports as an error).

use crate::error::{ErrorCode, Issue};
use crate::limits::MAX_MODEL_BYTES;
use serde::Serialize;
use tract_onnx::prelude::*;

/// What is known about a loaded model, reported in the report's `versions`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelInfo {
    /// Size of the ONNX file in bytes.
    pub bytes: usize,
    /// Number of graph inputs.
    pub inputs: usize,
    /// Number of graph outputs.
    pub outputs: usize,
}

/// An ONNX model parsed by tract.
#[derive(Debug)]
pub struct LoadedModel {
    /// The parsed graph, kept for analysis and later optimization for a batch size.
    pub graph: InferenceModel,
    /// Facts about the file.
    pub info: ModelInfo,
}

/// Parses ONNX bytes. Empty, oversized or malformed files are refused with a `model` error.
pub fn load_model(bytes: &[u8]) -> Result<LoadedModel, Issue> {
    let path = "/model";
    if bytes.is_empty() {
        return Err(Issue::new(ErrorCode::Model, path, "the model is empty (0 bytes)"));
    }
    if bytes.len() > MAX_MODEL_BYTES {
        return Err(Issue::new(
            ErrorCode::Model,
            path,
            format!("the model is {} bytes; the limit is {MAX_MODEL_BYTES}", bytes.len()),
        ));
    }
    let graph = tract_onnx::onnx()
        .model_for_read(&mut std::io::Cursor::new(bytes))
        .map_err(|e| Issue::new(ErrorCode::Model, path, format!("not a usable ONNX model: {e}")))?;
    let (inputs, outputs) = (graph.inputs.len(), graph.outputs.len());
    if inputs == 0 || outputs == 0 {
        return Err(Issue::new(ErrorCode::Model, path, "the model has no inputs or no outputs"));
    }
    Ok(LoadedModel { graph, info: ModelInfo { bytes: bytes.len(), inputs, outputs } })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_garbage_with_a_model_error() {
        for bytes in [&b""[..], b"not an onnx file", &[0xff; 64]] {
            let err = load_model(bytes).unwrap_err();
            assert_eq!(err.code, ErrorCode::Model, "{bytes:?}");
            assert_eq!(err.path, "/model");
        }
    }
}
