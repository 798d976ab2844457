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

/// Builds the tract-hir operator of one ONNX node under the default domain's operator set.
type Builder = fn(i64, &NodeProto) -> Built;

/// The operators a categorizer may use, each with its builder: embedding lookups, pooling, dense
/// layers, activations and the shape glue exporters emit around them. They are the only ones
/// [`super::onnx_check`] lets through; everything else (control flow, shape-building operators,
/// the `ai.onnx.ml` domain) is refused.
pub const OPERATORS: &[(&str, Builder)] = &[
    ("Add", |_, _| Ok(ops::math::Add.into_hir())),
    ("Cast", |_, node| cast(node)),
    ("Div", |_, _| Ok(ops::math::Div.into_hir())),
    ("Gather", |_, node| gather(node)),
    ("Identity", |_, _| Ok(Box::<ops::identity::Identity>::default())),
    ("MatMul", |_, _| Ok(expand(ops::matmul::MatMulInference::default()))),
    ("Mul", |_, _| Ok(ops::math::Mul.into_hir())),
    ("ReduceMean", |_, node| reduce(node, ops::nn::Reducer::Mean)),
    ("ReduceSum", |_, node| reduce(node, ops::nn::Reducer::Sum)),
    ("Relu", |_, _| Ok(expand(ops::activations::Clip::new(Some(0.0), None)))),
    ("Sigmoid", |_, _| Ok(ops::nn::sigmoid().into_hir())),
    ("Softmax", softmax),
    ("Squeeze", |_, node| squeeze(node)),
    ("Sub", |_, _| Ok(ops::math::Sub.into_hir())),
    ("Tanh", |_, _| Ok(ops::math::tanh().into_hir())),
    ("Unsqueeze", |_, node| unsqueeze(node)),
];

/// Whether `op_type` is one of [`OPERATORS`].
pub fn is_registered(op_type: &str) -> bool {
    OPERATORS.iter().any(|(name, _)| *name == op_type)
}

/// The names of [`OPERATORS`], comma-separated, for error messages.
pub fn registered_names() -> String {
    OPERATORS.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
}

fn ints(node: &NodeProto, name: &str) -> Option<Vec<i64>> {
    node.attribute.iter().find(|a| a.name == name).map(|a| a.ints.clone())
}

fn int(node: &NodeProto, name: &str) -> Option<i64> {
    node.attribute.iter().find(|a| a.name == name).map(|a| a.i)
}

fn axes(node: &NodeProto) -> TractResult<Vec<isize>> {
    Ok(ints(node, "axes")
        .ok_or_else(|| format_err!("{} needs constant axes", node.op_type))?
        .into_iter()
        .map(|a| a as isize)
        .collect())
}

fn cast(node: &NodeProto) -> Built {
    let to =
        DataType::try_from(int(node, "to").unwrap_or(0) as i32).map_err(|_| format_err!("Cast to an unknown type"))?;
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
    match OPERATORS.iter().find(|(name, _)| *name == node.op_type) {
        Some((_, builder)) => builder(opset, node),
        None => bail!("operator {:?} is not one a categorizer may use", node.op_type),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::categorize::onnx_pb::AttributeProto;

    fn node(op_type: &str) -> NodeProto {
        let attribute = vec![
            AttributeProto { name: "axes".into(), ints: vec![0], ..Default::default() },
            AttributeProto { name: "to".into(), i: DataType::Float as i64, ..Default::default() },
        ];
        NodeProto { op_type: op_type.into(), attribute, ..Default::default() }
    }

    #[test]
    fn every_registered_operator_builds() {
        for (name, _) in OPERATORS {
            for opset in [11, 13] {
                assert!(build(opset, &node(name)).is_ok(), "{name} at opset {opset}");
            }
            assert!(is_registered(name));
        }
        assert!(registered_names().split(", ").count() == OPERATORS.len());
    }

    #[test]
    fn other_operators_are_refused() {
        for name in ["Conv", "Loop", "ConstantOfShape", "add", ""] {
            assert!(!is_registered(name), "{name}");
            let error = build(13, &node(name)).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(error.contains("not one a categorizer may use"), "{name}: {error}");
        }
    }
}
