//! The ONNX operators a categorizer may use: the operator register of the tract-onnx reader that
//! decodes the model. tract-onnx's own register (`tract_onnx::onnx()`) holds every operator it
//! knows, and registering one links it into the wasm module (convolutions, recurrent layers, FFTs,
//! trees, …) whether a model uses it or not; its builders are private to tract-onnx, so each
//! allowed operator is built here from its tract-hir operator with its ONNX semantics.
//! [`super::onnx_check`] refuses any other operator before tract-onnx sees the file, and rewrites
//! opset-13 axis inputs (always constants there) into attributes so one builder serves all opsets.

use tract_hir::internal::*;
use tract_hir::ops;
use tract_onnx::model::{Onnx, OnnxOpRegister, ParsingContext};
use tract_onnx::pb::tensor_proto::DataType;
use tract_onnx::pb::NodeProto;

use super::onnx_axes::checked_axes;

/// A tract-hir operator and the names of the outer values it closes over (none here).
type Built = TractResult<(Box<dyn InferenceOp>, Vec<String>)>;

/// Builds the tract-hir operator of one ONNX node (tract-onnx's builder signature).
type Builder = fn(&ParsingContext, &NodeProto) -> Built;

/// The operators a categorizer may use, each with its builder: embedding lookups, pooling, dense
/// layers, activations and the shape glue exporters emit around them. They are the only ones
/// [`super::onnx_check`] lets through; everything else (control flow, shape-building operators,
/// the `ai.onnx.ml` domain) is refused.
pub const OPERATORS: &[(&str, Builder)] = &[
    ("Add", |_, _| op(ops::math::Add.into_hir())),
    ("Cast", |_, node| cast(node)),
    ("Div", |_, _| op(ops::math::Div.into_hir())),
    ("Gather", |_, node| gather(node)),
    ("Identity", |_, _| op(Box::<ops::identity::Identity>::default())),
    ("MatMul", |_, _| op(expand(ops::matmul::MatMulInference::default()))),
    ("Mul", |_, _| op(ops::math::Mul.into_hir())),
    ("ReduceMean", |_, node| reduce(node, ops::nn::Reducer::Mean)),
    ("ReduceSum", |_, node| reduce(node, ops::nn::Reducer::Sum)),
    ("Relu", |_, _| op(expand(ops::activations::Clip::new(Some(0.0), None)))),
    ("Sigmoid", |_, _| op(ops::nn::sigmoid().into_hir())),
    ("Softmax", |ctx, node| softmax(ctx.onnx_operator_set_version, node)),
    ("Squeeze", |_, node| squeeze(node)),
    ("Sub", |_, _| op(ops::math::Sub.into_hir())),
    ("Tanh", |_, _| op(ops::math::tanh().into_hir())),
    ("Unsqueeze", |_, node| unsqueeze(node)),
];

/// The tract-onnx reader with only [`OPERATORS`] registered; a node of any other operator would
/// become tract's "unimplemented" placeholder, which [`super::onnx_check`] never lets through.
pub fn categorizer_onnx() -> Onnx {
    let mut register = OnnxOpRegister::default();
    for (name, builder) in OPERATORS {
        register.insert(name, *builder);
    }
    Onnx { op_register: register, ..Onnx::default() }
}

/// Whether `op_type` is one of [`OPERATORS`].
pub fn is_registered(op_type: &str) -> bool {
    OPERATORS.iter().any(|(name, _)| *name == op_type)
}

/// The names of [`OPERATORS`], comma-separated, for error messages.
pub fn registered_names() -> String {
    OPERATORS.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
}

fn op(op: Box<dyn InferenceOp>) -> Built {
    Ok((op, vec![]))
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
    op(Box::new(ops::cast::cast(to)))
}

fn gather(node: &NodeProto) -> Built {
    let axis = int(node, "axis").unwrap_or(0);
    op(checked_axes(ops::array::Gather::new(axis), vec![axis as isize], 0))
}

fn squeeze(node: &NodeProto) -> Built {
    let axes = axes(node)?;
    op(checked_axes(ops::array::Squeeze::new(Some(axes.clone())), axes, 0))
}

fn unsqueeze(node: &NodeProto) -> Built {
    let axes = axes(node)?;
    let added = axes.len();
    op(checked_axes(ops::array::AddDims::new(axes.clone()), axes, added))
}

fn reduce(node: &NodeProto, reducer: ops::nn::Reducer) -> Built {
    let keep = int(node, "keepdims").unwrap_or(1) == 1;
    let axes = ints(node, "axes").filter(|a| !a.is_empty());
    let checked = axes.iter().flatten().map(|&a| a as isize).collect();
    op(checked_axes(ops::nn::Reduce::new(axes, keep, reducer), checked, 0))
}

fn softmax(opset: i64, node: &NodeProto) -> Built {
    let axis = int(node, "axis");
    if opset < 13 {
        let axis = axis.unwrap_or(1) as isize;
        op(checked_axes(ops::nn::LayerSoftmax::new(axis, true), vec![axis], 0))
    } else {
        let axis = axis.unwrap_or(-1) as isize;
        op(checked_axes(ops::nn::Softmax::new(axis), vec![axis], 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost::Message;
    use tract_onnx::pb::tensor_proto::DataType;
    use tract_onnx::pb::tensor_shape_proto::{dimension, Dimension};
    use tract_onnx::pb::type_proto::{self, Tensor as TensorType};
    use tract_onnx::pb::{
        AttributeProto, GraphProto, ModelProto, OperatorSetIdProto, TensorProto, TensorShapeProto, TypeProto,
        ValueInfoProto,
    };

    /// Builds `node` with the registered builder, under operator set `opset`.
    fn build(opset: i64, node: &NodeProto) -> Option<Built> {
        let onnx = categorizer_onnx();
        let model = ModelProto::default();
        let ctx = ParsingContext {
            onnx_operator_set_version: opset,
            framework: &onnx,
            model: &model,
            parent_graphs: vec![],
            model_dir: None,
            template: InferenceModel::default(),
        };
        onnx.op_register.0.get(&node.op_type).map(|builder| builder(&ctx, node))
    }

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
                assert!(matches!(build(opset, &node(name)), Some(Ok(_))), "{name} at opset {opset}");
            }
            assert!(is_registered(name));
        }
        assert_eq!(categorizer_onnx().op_register.0.len(), OPERATORS.len());
        assert_eq!(registered_names().split(", ").count(), OPERATORS.len());
    }

    #[test]
    fn other_operators_are_not_registered() {
        for name in ["Conv", "Loop", "ConstantOfShape", "Constant", "add", ""] {
            assert!(!is_registered(name), "{name}");
            assert!(build(13, &node(name)).is_none(), "{name}");
        }
    }

    /// `out = Softmax(Add(x, Cast(c)))` over x f32 [1, 3]: the initializer `c` is the tensor under
    /// test, read by tract-onnx after the structural check.
    fn model_with(c: TensorProto, cast_to: Option<DataType>) -> Vec<u8> {
        let node = |op: &str, inputs: &[&str], output: &str| NodeProto {
            op_type: op.into(),
            input: inputs.iter().map(|s| s.to_string()).collect(),
            output: vec![output.into()],
            ..Default::default()
        };
        let mut nodes = Vec::new();
        let mut constant = "c";
        if let Some(to) = cast_to {
            let mut cast = node("Cast", &["c"], "c_float");
            cast.attribute.push(AttributeProto { name: "to".into(), i: to as i64, r#type: 2, ..Default::default() });
            nodes.push(cast);
            constant = "c_float";
        }
        nodes.push(node("Add", &["x", constant], "sum"));
        nodes.push(node("Softmax", &["sum"], "out"));
        let dim = |v: i64| Dimension { value: Some(dimension::Value::DimValue(v)), ..Default::default() };
        let x_type = TypeProto {
            value: Some(type_proto::Value::TensorType(TensorType {
                elem_type: DataType::Float as i32,
                shape: Some(TensorShapeProto { dim: vec![dim(1), dim(3)] }),
            })),
            ..Default::default()
        };
        ModelProto {
            ir_version: 8,
            opset_import: vec![OperatorSetIdProto { domain: String::new(), version: 13 }],
            graph: Some(GraphProto {
                node: nodes,
                initializer: vec![TensorProto { name: "c".into(), dims: vec![3], ..c }],
                input: vec![ValueInfoProto { name: "x".into(), r#type: Some(x_type), ..Default::default() }],
                output: vec![ValueInfoProto { name: "out".into(), ..Default::default() }],
                ..Default::default()
            }),
            ..Default::default()
        }
        .encode_to_vec()
    }

    fn load(bytes: &[u8]) -> TractResult<InferenceModel> {
        let proto = super::super::onnx_check::check_onnx(bytes).map_err(|issue| format_err!("{}", issue.message))?;
        categorizer_onnx().model_for_proto_model(&proto)
    }

    fn run(bytes: &[u8]) -> TractResult<Vec<f32>> {
        let model = load(bytes)?.into_typed()?.into_runnable()?;
        let x = Tensor::from_shape(&[1, 3], &[0.0f32, 0.0, 0.0])?;
        let out = model.run(tvec!(x.into_tvalue()))?;
        Ok(out[0].to_plain_array_view::<f32>()?.iter().copied().collect())
    }

    fn softmax(values: [f32; 3]) -> Vec<f32> {
        let sum: f32 = values.iter().map(|v| v.exp()).sum();
        values.iter().map(|v| v.exp() / sum).collect()
    }

    fn assert_close(actual: &[f32], expected: &[f32]) {
        assert_eq!(actual.len(), expected.len());
        assert!(actual.iter().zip(expected).all(|(a, e)| (a - e).abs() < 1e-6), "{actual:?} != {expected:?}");
    }

    #[test]
    fn float_constants_read_the_same_from_typed_and_raw_data() {
        let typed =
            TensorProto { data_type: DataType::Float as i32, float_data: vec![1.0, 2.0, 3.0], ..Default::default() };
        let raw_bytes = [1.0f32, 2.0, 3.0].iter().flat_map(|v| v.to_le_bytes()).collect();
        let raw = TensorProto { data_type: DataType::Float as i32, raw_data: raw_bytes, ..Default::default() };
        assert_close(&run(&model_with(typed, None)).unwrap(), &softmax([1.0, 2.0, 3.0]));
        assert_close(&run(&model_with(raw, None)).unwrap(), &softmax([1.0, 2.0, 3.0]));
    }

    #[test]
    fn half_precision_and_int8_constants_are_decoded_and_cast() {
        // 1.0, 2.0 and -0.5 in IEEE 754 half precision.
        let bits: [u16; 3] = [0x3c00, 0x4000, 0xb800];
        let typed = TensorProto {
            data_type: DataType::Float16 as i32,
            int32_data: bits.iter().map(|&b| b as i32).collect(),
            ..Default::default()
        };
        let raw = TensorProto {
            data_type: DataType::Float16 as i32,
            raw_data: bits.iter().flat_map(|b| b.to_le_bytes()).collect(),
            ..Default::default()
        };
        for t in [typed, raw] {
            assert_close(&run(&model_with(t, Some(DataType::Float))).unwrap(), &softmax([1.0, 2.0, -0.5]));
        }
        let int8 =
            TensorProto { data_type: DataType::Int8 as i32, raw_data: vec![0xff, 0x00, 0x02], ..Default::default() };
        assert_close(&run(&model_with(int8, Some(DataType::Float))).unwrap(), &softmax([-1.0, 0.0, 2.0]));
    }

    #[test]
    fn unsupported_element_types_and_dangling_inputs_are_errors() {
        let strings = TensorProto { data_type: DataType::String as i32, ..Default::default() };
        let error = load(&model_with(strings, None)).unwrap_err().to_string();
        assert!(error.contains("unsupported element type"), "{error}");

        let zeros = TensorProto { data_type: DataType::Float as i32, float_data: vec![0.0; 3], ..Default::default() };
        let mut proto = ModelProto::decode(&model_with(zeros, None)[..]).unwrap();
        proto.graph.as_mut().unwrap().node[0].input[1] = "nowhere".into();
        let error = load(&proto.encode_to_vec()).unwrap_err().to_string();
        assert!(error.contains("nowhere"), "{error}");
    }
}
