//! Builds a tract inference model from a checked ONNX file: initializers become constants, the
//! other declared inputs become sources, and each node becomes the tract-hir operator of
//! [`super::onnx_ops`], wired by value name in the file's (topological) order.
//!
//! finadvice reads ONNX itself instead of through tract-onnx: tract-onnx links tract-nnef, whose
//! static operator registration keeps every tract operator in the wasm module (about a quarter of
//! the package's gzip size, benches/RESULTS.md). A categorizer needs only the operators of
//! [`super::onnx_ops::OPERATORS`], and [`super::onnx_check`] has already refused everything else.

use super::onnx_pb::{DataType, ModelProto, TensorProto};
use std::collections::HashMap;
use tract_hir::internal::*;

/// Operator set assumed when a file names none for the default domain (ONNX's first release).
const DEFAULT_OPSET: i64 = 1;

/// The inference model of `proto` (already passed through [`super::onnx_check::check_onnx`]).
pub fn inference_model(proto: &ModelProto) -> TractResult<InferenceModel> {
    let graph = proto.graph.as_ref().ok_or_else(|| format_err!("the ONNX file has no graph"))?;
    let opset = proto
        .opset_import
        .iter()
        .find(|o| o.domain.is_empty() || o.domain == "ai.onnx")
        .map_or(DEFAULT_OPSET, |o| o.version);
    let mut model = InferenceModel::default();
    let mut values: HashMap<&str, OutletId> = HashMap::new();
    for initializer in &graph.initializer {
        let outlet = model.add_const(initializer.name.clone(), tensor(initializer)?)?;
        values.insert(&initializer.name, outlet);
    }
    for input in &graph.input {
        if !values.contains_key(input.name.as_str()) {
            let outlet = model.add_source(input.name.clone(), InferenceFact::default())?;
            values.insert(&input.name, outlet);
        }
    }
    for (index, node) in graph.node.iter().enumerate() {
        let op = super::onnx_ops::build(opset, node)?;
        let inputs = node
            .input
            .iter()
            .filter(|name| !name.is_empty())
            .map(|name| {
                values.get(name.as_str()).copied().ok_or_else(|| {
                    format_err!(
                        "node {:?} reads {name:?}, which no earlier node, input or initializer produces",
                        node.name
                    )
                })
            })
            .collect::<TractResult<TVec<OutletId>>>()?;
        let name = format!("{}#{index}", if node.name.is_empty() { &node.op_type } else { &node.name });
        let outlets = model.wire_node(name, op, &inputs)?;
        if node.output.len() > outlets.len() {
            bail!(
                "node {:?} declares {} outputs; {} has {}",
                node.name,
                node.output.len(),
                node.op_type,
                outlets.len()
            );
        }
        for (output, outlet) in node.output.iter().zip(outlets) {
            values.insert(output, outlet);
        }
    }
    let outputs = graph
        .output
        .iter()
        .map(|o| {
            values.get(o.name.as_str()).copied().ok_or_else(|| format_err!("nothing produces the output {:?}", o.name))
        })
        .collect::<TractResult<TVec<OutletId>>>()?;
    model.select_output_outlets(&outputs)?;
    Ok(model)
}

/// A tract tensor with the data of `t`, from `raw_data` (little-endian) or its typed field.
fn tensor(t: &TensorProto) -> TractResult<Tensor> {
    let shape = t.dims.iter().map(|&d| usize::try_from(d)).collect::<Result<Vec<usize>, _>>()?;
    let raw = !t.raw_data.is_empty();
    let data_type =
        DataType::try_from(t.data_type).map_err(|_| format_err!("tensor {:?}: unknown element type", t.name))?;
    match data_type {
        DataType::Float if raw => Tensor::from_shape(&shape, &little_endian(&t.raw_data, f32::from_le_bytes)),
        DataType::Float => Tensor::from_shape(&shape, &t.float_data),
        DataType::Double if raw => Tensor::from_shape(&shape, &little_endian(&t.raw_data, f64::from_le_bytes)),
        DataType::Double => Tensor::from_shape(&shape, &t.double_data),
        DataType::Float16 if raw => {
            Tensor::from_shape(&shape, &little_endian(&t.raw_data, |b| f16::from_bits(u16::from_le_bytes(b))))
        }
        DataType::Float16 => Tensor::from_shape(&shape, &narrowed(&t.int32_data, |v| f16::from_bits(v as u16))),
        DataType::Int64 if raw => Tensor::from_shape(&shape, &little_endian(&t.raw_data, i64::from_le_bytes)),
        DataType::Int64 => Tensor::from_shape(&shape, &t.int64_data),
        DataType::Int32 if raw => Tensor::from_shape(&shape, &little_endian(&t.raw_data, i32::from_le_bytes)),
        DataType::Int32 => Tensor::from_shape(&shape, &t.int32_data),
        DataType::Int8 if raw => Tensor::from_shape(&shape, &little_endian(&t.raw_data, i8::from_le_bytes)),
        DataType::Int8 => Tensor::from_shape(&shape, &narrowed(&t.int32_data, |v| v as i8)),
        DataType::Uint8 if raw => Tensor::from_shape(&shape, &t.raw_data),
        DataType::Uint8 => Tensor::from_shape(&shape, &narrowed(&t.int32_data, |v| v as u8)),
        other => bail!("tensor {:?}: element type {other:?} is not supported", t.name),
    }
}

/// Decodes `bytes` as consecutive little-endian values of `N` bytes each.
fn little_endian<T, const N: usize>(bytes: &[u8], decode: fn([u8; N]) -> T) -> Vec<T> {
    bytes.chunks_exact(N).map(|chunk| decode(chunk.try_into().unwrap_or([0; N]))).collect()
}

/// Small element types travel in `int32_data`, one value per element.
fn narrowed<T>(values: &[i32], narrow: fn(i32) -> T) -> Vec<T> {
    values.iter().map(|&v| narrow(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::super::onnx_pb::{GraphProto, NodeProto, OperatorSetIdProto, ValueInfoProto};
    use super::*;

    /// `out = Softmax(Add(Cast(x), c))` over x [1, 3]: the initializer `c` is the tensor under test.
    fn model_with(c: TensorProto, cast_to: Option<DataType>) -> ModelProto {
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
            cast.attribute.push(super::super::onnx_pb::AttributeProto {
                name: "to".into(),
                i: to as i64,
                r#type: 2,
                ..Default::default()
            });
            nodes.push(cast);
            constant = "c_float";
        }
        nodes.push(node("Add", &["x", constant], "sum"));
        nodes.push(node("Softmax", &["sum"], "out"));
        ModelProto {
            ir_version: 8,
            opset_import: vec![OperatorSetIdProto { domain: String::new(), version: 13 }],
            graph: Some(GraphProto {
                node: nodes,
                initializer: vec![TensorProto { name: "c".into(), dims: vec![3], ..c }],
                input: vec![ValueInfoProto { name: "x".into(), r#type: None }],
                output: vec![ValueInfoProto { name: "out".into(), r#type: None }],
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn run(proto: &ModelProto) -> TractResult<Vec<f32>> {
        let model = inference_model(proto)?
            .with_input_fact(0, InferenceFact::dt_shape(f32::datum_type(), [1, 3]))?
            .into_typed()?
            .into_runnable()?;
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
        let error = inference_model(&model_with(strings, None)).unwrap_err().to_string();
        assert!(error.contains("String") && error.contains("not supported"), "{error}");

        let mut proto = model_with(
            TensorProto { data_type: DataType::Float as i32, float_data: vec![0.0; 3], ..Default::default() },
            None,
        );
        proto.graph.as_mut().unwrap().node[0].input[1] = "nowhere".into();
        let error = inference_model(&proto).unwrap_err().to_string();
        assert!(error.contains("\"nowhere\""), "{error}");
    }
}
