//! The ONNX operators a categorizer may use, registered by hand instead of `tract_onnx::onnx()`'s
//! full set. Registering every operator links all of them (convolutions, recurrent layers, FFTs,
//! trees, …) into the wasm module whether a model uses them or not; with only these, the linker
//! drops the rest. [`super::onnx_check`] refuses any other operator before parsing, and rewrites
//! opset-13 axis inputs (always constants there) into attributes so one builder serves all opsets.

use tract_onnx::model::{Onnx, OnnxOpRegister, ParsingContext};
use tract_onnx::pb::NodeProto;
use tract_onnx::tract_hir::internal::*;
use tract_onnx::tract_hir::ops;

use super::onnx_axes::checked_axes;

type Built = TractResult<(Box<dyn InferenceOp>, Vec<String>)>;

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

fn cast(_: &ParsingContext, node: &NodeProto) -> Built {
    let to = tract_onnx::pb::tensor_proto::DataType::try_from(int(node, "to").unwrap_or(0) as i32)
        .map_err(|_| format_err!("Cast to an unknown type"))?;
    let to: DatumType = match to {
        tract_onnx::pb::tensor_proto::DataType::Float => f32::datum_type(),
        tract_onnx::pb::tensor_proto::DataType::Float16 => f16::datum_type(),
        tract_onnx::pb::tensor_proto::DataType::Int64 => i64::datum_type(),
        tract_onnx::pb::tensor_proto::DataType::Int32 => i32::datum_type(),
        other => bail!("Cast to {other:?} is not supported"),
    };
    Ok((Box::new(ops::cast::cast(to)), vec![]))
}

fn gather(_: &ParsingContext, node: &NodeProto) -> Built {
    let axis = int(node, "axis").unwrap_or(0);
    Ok((checked_axes(ops::array::Gather::new(axis), vec![axis as isize], 0), vec![]))
}

fn squeeze(_: &ParsingContext, node: &NodeProto) -> Built {
    let axes = axes(node)?;
    Ok((checked_axes(ops::array::Squeeze::new(Some(axes.clone())), axes, 0), vec![]))
}

fn unsqueeze(_: &ParsingContext, node: &NodeProto) -> Built {
    let axes = axes(node)?;
    let added = axes.len();
    Ok((checked_axes(ops::array::AddDims::new(axes.clone()), axes, added), vec![]))
}

fn reduce(node: &NodeProto, reducer: ops::nn::Reducer) -> Built {
    let keep = int(node, "keepdims").unwrap_or(1) == 1;
    let axes = ints(node, "axes").filter(|a| !a.is_empty());
    let checked = axes.iter().flatten().map(|&a| a as isize).collect();
    Ok((checked_axes(ops::nn::Reduce::new(axes, keep, reducer), checked, 0), vec![]))
}

fn softmax(ctx: &ParsingContext, node: &NodeProto) -> Built {
    let axis = int(node, "axis");
    if ctx.onnx_operator_set_version < 13 {
        let axis = axis.unwrap_or(1) as isize;
        Ok((checked_axes(ops::nn::LayerSoftmax::new(axis, true), vec![axis], 0), vec![]))
    } else {
        let axis = axis.unwrap_or(-1) as isize;
        Ok((checked_axes(ops::nn::Softmax::new(axis), vec![axis], 0), vec![]))
    }
}

/// An ONNX reader that knows only [`OPERATORS`].
pub fn categorizer_onnx() -> Onnx {
    let mut reg = OnnxOpRegister::default();
    reg.insert("Add", |_, _| Ok((ops::math::Add.into_hir(), vec![])));
    reg.insert("Sub", |_, _| Ok((ops::math::Sub.into_hir(), vec![])));
    reg.insert("Mul", |_, _| Ok((ops::math::Mul.into_hir(), vec![])));
    reg.insert("Div", |_, _| Ok((ops::math::Div.into_hir(), vec![])));
    reg.insert("Cast", cast);
    reg.insert("Gather", gather);
    reg.insert("Identity", |_, _| Ok((Box::<ops::identity::Identity>::default(), vec![])));
    reg.insert("MatMul", |_, _| Ok((expand(ops::matmul::MatMulInference::default()), vec![])));
    reg.insert("ReduceMean", |_, node| reduce(node, ops::nn::Reducer::Mean));
    reg.insert("ReduceSum", |_, node| reduce(node, ops::nn::Reducer::Sum));
    reg.insert("Relu", |_, _| Ok((expand(ops::activations::Clip::new(Some(0.0), None)), vec![])));
    reg.insert("Sigmoid", |_, _| Ok((ops::nn::sigmoid().into_hir(), vec![])));
    reg.insert("Tanh", |_, _| Ok((ops::math::tanh().into_hir(), vec![])));
    reg.insert("Softmax", softmax);
    reg.insert("Squeeze", squeeze);
    reg.insert("Unsqueeze", unsqueeze);
    Onnx { op_register: reg, ..Onnx::default() }
}
