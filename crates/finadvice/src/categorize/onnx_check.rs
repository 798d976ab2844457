//! A structural check of ONNX bytes before tract sees them. tract trusts the file: a negative or
//! overflowing dimension, or an operator that materializes a shape read from the file
//! (`ConstantOfShape`), trips an assertion inside tract, and in wasm a panic is `unreachable` and
//! leaves the module unusable. So a model is decoded here first and refused unless it is a
//! categorizer-shaped graph: operators from [`onnx_ops::OPERATORS`] in the default ONNX domain, at
//! most [`MAX_NODES`] nodes, and tensors whose dimensions are non-negative, whose element count
//! is at most [`MAX_TENSOR_ELEMENTS`] and whose data (inline, never external) matches that count.

use super::onnx_ops;
use crate::error::{ErrorCode, Issue};
use prost::Message;
use tract_onnx::pb::attribute_proto::AttributeType;
use tract_onnx::pb::tensor_proto::DataType;
use tract_onnx::pb::tensor_shape_proto::dimension;
use tract_onnx::pb::type_proto;
use tract_onnx::pb::{AttributeProto, ModelProto, TensorProto, ValueInfoProto};

/// Largest rank a tensor may have; axis numbers must lie in `-MAX_RANK..MAX_RANK`.
pub const MAX_RANK: i64 = 8;
/// Operators whose inputs after the first are axis lists (opset 13+).
const AXES_INPUT_OPERATORS: &[&str] = &["ReduceMax", "ReduceMean", "ReduceSum", "Squeeze", "Unsqueeze"];
/// Most nodes in a model's graph.
pub const MAX_NODES: usize = 10_000;
/// Most elements in any tensor the file declares (initializers and declared shapes): 2^26, so that
/// no declared size can ask for more than a few hundred MB.
pub const MAX_TENSOR_ELEMENTS: u64 = 1 << 26;

fn issue(message: String) -> Issue {
    Issue::new(ErrorCode::Model, "/model", message)
}

/// Refuses bytes that are not a categorizer-shaped ONNX model (see the module documentation);
/// returns the decoded model with constant axis inputs moved into `axes` attributes.
pub fn check_onnx(bytes: &[u8]) -> Result<ModelProto, Issue> {
    let mut model = ModelProto::decode(bytes).map_err(|e| issue(format!("not a usable ONNX model: {e}")))?;
    check_graph(&model)?;
    rewrite_axes(&mut model);
    Ok(model)
}

fn check_graph(model: &ModelProto) -> Result<(), Issue> {
    let graph = model.graph.as_ref().ok_or_else(|| issue("the ONNX file has no graph".into()))?;
    if graph.node.len() > MAX_NODES {
        return Err(issue(format!("the model has {} nodes; the limit is {MAX_NODES}", graph.node.len())));
    }
    for node in &graph.node {
        let domain_ok = node.domain.is_empty() || node.domain == "ai.onnx";
        if !domain_ok || !onnx_ops::is_registered(&node.op_type) {
            return Err(issue(format!(
                "operator {:?} (domain {:?}) is not allowed in a categorizer; allowed: {}",
                node.op_type,
                node.domain,
                onnx_ops::registered_names()
            )));
        }
        if node.attribute.iter().any(|a| a.g.is_some() || !a.graphs.is_empty()) {
            return Err(issue(format!("node {:?} carries a subgraph", node.name)));
        }
        for attribute in &node.attribute {
            if let Some(t) = &attribute.t {
                check_tensor(t)?;
            }
            if matches!(attribute.name.as_str(), "axis" | "axes" | "perm") {
                check_axes(&node.name, attribute.i, &attribute.ints)?;
            }
        }
        if AXES_INPUT_OPERATORS.contains(&node.op_type.as_str()) {
            for name in node.input.iter().skip(1).filter(|n| !n.is_empty()) {
                let Some(axes) = graph.initializer.iter().find(|t| &t.name == name) else {
                    return Err(issue(format!(
                        "node {:?} reads its axes from {name:?}, which is not a constant",
                        node.name
                    )));
                };
                check_axes(&node.name, 0, &axes.int64_data)?;
                if !axes.raw_data.is_empty() {
                    check_axes(&node.name, 0, &raw_int64s(&axes.raw_data))?;
                }
            }
        }
    }
    for tensor in &graph.initializer {
        check_tensor(tensor)?;
    }
    // tract indexes its name table with each output name and panics on one nothing produces.
    let produced: std::collections::HashSet<&str> = graph
        .input
        .iter()
        .map(|i| i.name.as_str())
        .chain(graph.initializer.iter().map(|t| t.name.as_str()))
        .chain(graph.node.iter().flat_map(|n| n.output.iter().map(String::as_str)))
        .collect();
    if let Some(output) = graph.output.iter().find(|o| !produced.contains(o.name.as_str())) {
        return Err(issue(format!(
            "the graph output {:?} is not produced by any node, input or initializer",
            output.name
        )));
    }
    if !graph.sparse_initializer.is_empty() {
        return Err(issue("sparse initializers are not supported".into()));
    }
    for info in graph.input.iter().chain(&graph.output).chain(&graph.value_info) {
        check_declared_shape(info)?;
    }
    Ok(())
}

/// Moves the constant axes input of `Squeeze`, `Unsqueeze` and `Reduce*` (opset 13/18 style) into
/// an `axes` attribute (the older style), which [`super::onnx_ops`] reads for every opset.
fn rewrite_axes(model: &mut ModelProto) {
    let Some(graph) = model.graph.as_mut() else { return };
    for node in graph.node.iter_mut().filter(|n| AXES_INPUT_OPERATORS.contains(&n.op_type.as_str())) {
        let Some(name) = node.input.get(1).filter(|n| !n.is_empty()) else { continue };
        let Some(axes) = graph.initializer.iter().find(|t| &t.name == name) else { continue };
        let values = if axes.raw_data.is_empty() { axes.int64_data.clone() } else { raw_int64s(&axes.raw_data) };
        node.input.truncate(1);
        node.attribute.retain(|a| a.name != "axes");
        node.attribute.push(AttributeProto {
            name: "axes".into(),
            ints: values,
            r#type: AttributeType::Ints as i32,
            ..Default::default()
        });
    }
}

/// Little-endian int64 values of a tensor's `raw_data`; a trailing partial value reads as one far
/// outside any axis range, so [`check_axes`] refuses it.
fn raw_int64s(bytes: &[u8]) -> Vec<i64> {
    bytes.chunks(8).map(|c| i64::from_le_bytes(c.try_into().unwrap_or([0x7f; 8]))).collect()
}

fn check_axes(node: &str, single: i64, list: &[i64]) -> Result<(), Issue> {
    match std::iter::once(&single).chain(list).find(|a| !(-MAX_RANK..MAX_RANK).contains(*a)) {
        Some(bad) => Err(issue(format!("node {node:?} names axis {bad}; axes must lie in -{MAX_RANK}..{MAX_RANK}"))),
        None => Ok(()),
    }
}

fn element_count(name: &str, dims: impl Iterator<Item = i64>) -> Result<u64, Issue> {
    let mut count: u64 = 1;
    for d in dims {
        let d = u64::try_from(d).map_err(|_| issue(format!("tensor {name:?} has a negative dimension {d}")))?;
        count = count.saturating_mul(d);
    }
    if count > MAX_TENSOR_ELEMENTS {
        return Err(issue(format!("tensor {name:?} declares {count} elements; the limit is {MAX_TENSOR_ELEMENTS}")));
    }
    Ok(count)
}

fn check_tensor(t: &TensorProto) -> Result<(), Issue> {
    let count = element_count(&t.name, t.dims.iter().copied())?;
    if t.data_location == Some(1) || !t.external_data.is_empty() {
        return Err(issue(format!(
            "tensor {:?} refers to external data; a model must be one self-contained file",
            t.name
        )));
    }
    let item_bytes: Option<u64> = match DataType::try_from(t.data_type) {
        Ok(DataType::Float | DataType::Int32 | DataType::Uint32) => Some(4),
        Ok(DataType::Double | DataType::Int64 | DataType::Uint64) => Some(8),
        Ok(DataType::Float16 | DataType::Bfloat16 | DataType::Int16 | DataType::Uint16) => Some(2),
        Ok(DataType::Int8 | DataType::Uint8 | DataType::Bool) => Some(1),
        _ => None,
    };
    let Some(item_bytes) = item_bytes else {
        return Err(issue(format!("tensor {:?} has an unsupported element type {}", t.name, t.data_type)));
    };
    let typed =
        t.float_data.len() + t.int32_data.len() + t.int64_data.len() + t.double_data.len() + t.uint64_data.len();
    let matches = if !t.raw_data.is_empty() {
        t.raw_data.len() as u64 == count * item_bytes
    } else {
        // Typed fields hold one item per element (fp16 and small integers travel in int32_data).
        typed as u64 == count
    };
    if !matches {
        return Err(issue(format!(
            "tensor {:?} declares {count} elements but its data does not hold that many",
            t.name
        )));
    }
    Ok(())
}

fn check_declared_shape(info: &ValueInfoProto) -> Result<(), Issue> {
    let Some(type_proto::Value::TensorType(tensor)) = info.r#type.as_ref().and_then(|t| t.value.as_ref()) else {
        return Ok(());
    };
    let Some(shape) = &tensor.shape else { return Ok(()) };
    let dims = shape.dim.iter().filter_map(|d| match d.value {
        Some(dimension::Value::DimValue(v)) => Some(v),
        _ => None,
    });
    element_count(&info.name, dims).map(|_| ())
}
