//! The ONNX operators a categorizer may use, each turned into the tract-hir operator with its ONNX
//! semantics. Only these are linked into the wasm module (a general ONNX reader links every
//! operator: convolutions, recurrent layers, FFTs, trees, …). [`super::onnx_check`] refuses any
//! other operator before a graph is built, and rewrites opset-13 axis inputs (always constants
//! there) into attributes so one builder serves all opsets.

use super::onnx_pb::{DataType, NodeProto};
use tract_hir::internal::*;
use tract_hir::ops;

use super::onnx_axes::checked_axes;

type Built = TractResult<Box<dyn InferenceOp>>;

/// The operators registered, which are also the only ones [`super::onnx_check`] lets through.
pub const OPERATORS: &[&str] = &[
    "Add", "Cast", "Div", "Gather", "Identity", "MatMul", "Mul", "ReduceMean", "ReduceSum", "Relu", "Sigmoid",
    "Softmax", "Squeeze", "Sub", "Tanh", "Unsqueeze",
];

fn ints(node: &NodeProto, name: &str) -> Option<Vec<i64>> {
    node.attribute.iter().find(|a| a.name == name).map(|a| a.ints.clone())
}

fn int(node: &NodeProto, name: &str) -> Option<i64> {
    node.attribute.iter().find(|a| a.name == name).map(|a| a.i)
}

fn axes(node: &NodeProto) -> TractResult<Vec<isize>> {
    Ok(ints(node, "axes").ok_or_else(|| format_err!("{} needs constant axes", node.op_type))?.into_iter().map(|a| a as isize).collect())
}

fn cast(node: &NodeProto) -> Built {
    let to = DataType::try_from(int(node, "to").unwrap_or(0) as i32).map_err(|_| format_err!("Cast to an unknown type"))?;
    let to: DatumType = match to {
        DataType::Float => f32::datum_type(),
        DataType::Float16 => f16::datum_type(),
        DataType::Int64 => i64::datum_type(),
        DataType::Int32 => i32::datum_type(),
        other => bail!("Cast to {other:?} is not supported"),
    };
    Ok(Box::new(ops::cast::cast(to)))
}

fn gather(node: &NodeProto) -> Built {
    let axis = int(node, "axis").unwrap_or(0);
    Ok(checked_axes(ops::array::Gather::new(axis), vec![axis as isize], 0))
}

fn squeeze(node: &NodeProto) -> Built {
    let axes = axes(node)?;
    Ok(checked_axes(ops::array::Squeeze::new(Some(axes.clone())), axes, 0))
}

fn unsqueeze(node: &NodeProto) -> Built {
    let axes = axes(node)?;
    let added = axes.len();
    Ok(checked_axes(ops::array::AddDims::new(axes.clone()), axes, added))
}

fn reduce(node: &NodeProto, reducer: ops::nn::Reducer) -> Built {
    let keep = int(node, "keepdims").unwrap_or(1) == 1;
    let axes = ints(node, "axes").filter(|a| !a.is_empty());
    let checked = axes.iter().flatten().map(|&a| a as isize).collect();
    Ok(checked_axes(ops::nn::Reduce::new(axes, keep, reducer), checked, 0))
}

fn softmax(opset: i64, node: &NodeProto) -> Built {
    let axis = int(node, "axis");
    if opset < 13 {
        let axis = axis.unwrap_or(1) as isize;
        Ok(checked_axes(ops::nn::LayerSoftmax::new(axis, true), vec![axis], 0))
    } else {
        let axis = axis.unwrap_or(-1) as isize;
        Ok(checked_axes(ops::nn::Softmax::new(axis), vec![axis], 0))
    }
}

/// The tract-hir operator for `node` under the default domain's operator set `opset`; an error
/// for an operator outside [`OPERATORS`].
pub fn build(opset: i64, node: &NodeProto) -> Built {
    match node.op_type.as_str() {
        "Add" => Ok(ops::math::Add.into_hir()),
        "Sub" => Ok(ops::math::Sub.into_hir()),
        "Mul" => Ok(ops::math::Mul.into_hir()),
        "Div" => Ok(ops::math::Div.into_hir()),
        "Cast" => cast(node),
        "Gather" => gather(node),
        "Identity" => Ok(Box::<ops::identity::Identity>::default()),
        "MatMul" => Ok(expand(ops::matmul::MatMulInference::default())),
        "ReduceMean" => reduce(node, ops::nn::Reducer::Mean),
        "ReduceSum" => reduce(node, ops::nn::Reducer::Sum),
        "Relu" => Ok(expand(ops::activations::Clip::new(Some(0.0), None))),
        "Sigmoid" => Ok(ops::nn::sigmoid().into_hir()),
        "Tanh" => Ok(ops::math::tanh().into_hir()),
        "Softmax" => softmax(opset, node),
        "Squeeze" => squeeze(node),
        "Unsqueeze" => unsqueeze(node),
        other => bail!("operator {other:?} is not one a categorizer may use"),
    }
}
