//! Hostile ONNX files: truncated, corrupted and hand-built malicious models are refused with a
//! `model` error, never a panic, a hang or an attempt to allocate what they claim. The hand-built
//! files are committed in `tests/models/hostile/` (the wasm tests load them from there); this test
//! checks they are exactly what [`hostile_models`] builds (`REGENERATE=1` rewrites them).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use finadvice::categorize::model::{Categorizer, DEFAULT_MODEL};
use finadvice::ErrorCode;
use prost::Message;
use tract_onnx::pb::tensor_proto::DataType;
use tract_onnx::pb::tensor_shape_proto::{dimension, Dimension};
use tract_onnx::pb::type_proto::{self, Tensor as TensorTypeProto};
use tract_onnx::pb::{
    GraphProto, ModelProto, NodeProto, OperatorSetIdProto, TensorProto, TensorShapeProto, TypeProto, ValueInfoProto,
};

fn input(name: &str, elem: DataType) -> ValueInfoProto {
    let dim = |v: i64| Dimension { value: Some(dimension::Value::DimValue(v)), ..Default::default() };
    ValueInfoProto {
        name: name.into(),
        r#type: Some(TypeProto {
            value: Some(type_proto::Value::TensorType(TensorTypeProto {
                elem_type: elem as i32,
                shape: Some(TensorShapeProto { dim: vec![dim(1), dim(32)] }),
            })),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn node(op: &str, inputs: &[&str], output: &str) -> NodeProto {
    NodeProto {
        op_type: op.into(),
        input: inputs.iter().map(|s| s.to_string()).collect(),
        output: vec![output.into()],
        name: output.into(),
        ..Default::default()
    }
}

/// A model with the categorizer's two inputs, the given nodes and initializers, and output `out`.
fn model(nodes: Vec<NodeProto>, initializer: Vec<TensorProto>) -> Vec<u8> {
    let graph = GraphProto {
        name: "hostile".into(),
        node: nodes,
        initializer,
        input: vec![input("ids", DataType::Int64), input("weights", DataType::Float)],
        output: vec![ValueInfoProto { name: "out".into(), ..Default::default() }],
        ..Default::default()
    };
    ModelProto {
        ir_version: 8,
        opset_import: vec![OperatorSetIdProto { domain: String::new(), version: 17 }],
        graph: Some(graph),
        ..Default::default()
    }
    .encode_to_vec()
}

/// The hand-built hostile models, by file name.
fn hostile_models() -> Vec<(&'static str, Vec<u8>)> {
    let huge_dims = TensorProto {
        name: "table".into(),
        dims: vec![1 << 40, 1 << 40],
        data_type: DataType::Float as i32,
        ..Default::default()
    };
    let huge_shape = TensorProto {
        name: "shape".into(),
        dims: vec![2],
        data_type: DataType::Int64 as i32,
        int64_data: vec![1 << 31, 1 << 31],
        ..Default::default()
    };
    vec![
        // An initializer that claims 2^80 floats and holds none.
        ("huge-initializer.onnx", model(vec![node("Gather", &["table", "ids"], "out")], vec![huge_dims])),
        // A constant of shape 2^31 × 2^31, which constant folding would materialize.
        (
            "huge-constant-of-shape.onnx",
            model(
                vec![node("ConstantOfShape", &["shape"], "big"), node("Add", &["big", "weights"], "out")],
                vec![huge_shape],
            ),
        ),
        // Two nodes that feed each other.
        (
            "cycle.onnx",
            model(
                vec![
                    node("Add", &["b", "weights"], "a"),
                    node("Add", &["a", "weights"], "b"),
                    node("Identity", &["a"], "out"),
                ],
                vec![],
            ),
        ),
        // An operator that does not exist, and a node reading a tensor that does not exist.
        ("unknown-operator.onnx", model(vec![node("StealCookies", &["weights"], "out")], vec![])),
        // A negative dimension (tract asserts on it) and an allowed operator with an absurd axis.
        (
            "negative-dimension.onnx",
            model(
                vec![node("Gather", &["table", "ids"], "out")],
                vec![TensorProto {
                    name: "table".into(),
                    dims: vec![-1, 16],
                    data_type: DataType::Float as i32,
                    ..Default::default()
                }],
            ),
        ),
        (
            "absurd-axis.onnx",
            model(
                vec![node("Unsqueeze", &["weights", "axes"], "u"), node("Squeeze", &["u", "axes"], "out")],
                vec![TensorProto {
                    name: "axes".into(),
                    dims: vec![1],
                    data_type: DataType::Int64 as i32,
                    int64_data: vec![1 << 40],
                    ..Default::default()
                }],
            ),
        ),
        ("dangling-input.onnx", model(vec![node("Add", &["nowhere", "weights"], "out")], vec![])),
        // Axes inside -8..8 that do not fit the tensor's rank: tract-hir indexes with them while
        // typing the graph and panics (cargo fuzz found the Unsqueeze one; FUZZING.md).
        (
            "unsqueeze-axis-beyond-rank.onnx",
            model(vec![node("Unsqueeze", &["weights", "axes"], "out")], vec![axes(&[7])]),
        ),
        ("reduce-axis-beyond-rank.onnx", model(vec![node("ReduceSum", &["weights", "axes"], "out")], vec![axes(&[5])])),
        ("squeeze-axis-beyond-rank.onnx", model(vec![node("Squeeze", &["weights", "axes"], "out")], vec![axes(&[5])])),
    ]
}

/// A constant int64 axes list named `axes`.
fn axes(values: &[i64]) -> TensorProto {
    TensorProto {
        name: "axes".into(),
        dims: vec![values.len() as i64],
        data_type: DataType::Int64 as i32,
        int64_data: values.to_vec(),
        ..Default::default()
    }
}

fn assert_refused(name: &str, bytes: &[u8]) {
    match Categorizer::custom(bytes) {
        Ok(_) => panic!("{name}: a hostile model was accepted"),
        Err(issue) => {
            assert_eq!(issue.code, ErrorCode::Model, "{name}: {issue}");
            assert_eq!(issue.path, "/model");
        }
    }
}

#[test]
fn committed_hostile_models_are_the_generated_ones() {
    let dir = common::test_file("models/hostile");
    for (name, bytes) in hostile_models() {
        let path = dir.join(name);
        if std::env::var_os("REGENERATE").is_some() {
            std::fs::write(&path, &bytes).unwrap();
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} is stale: run with REGENERATE=1");
    }
}

#[test]
fn hand_built_malicious_models_are_refused() {
    for (name, bytes) in hostile_models() {
        assert_refused(name, &bytes);
    }
}

#[test]
fn truncated_and_corrupted_default_models_are_refused() {
    for cut in [1, 16, 1000, DEFAULT_MODEL.len() / 2, DEFAULT_MODEL.len() - 1] {
        assert_refused(&format!("first {cut} bytes"), &DEFAULT_MODEL[..cut]);
    }
    // Flip bytes across the header, the graph and the weights (a deterministic pattern).
    for start in [0usize, 7, 40, 200, 5000] {
        let mut bytes = DEFAULT_MODEL.to_vec();
        for i in (start..bytes.len()).step_by(997).take(64) {
            bytes[i] ^= 0x5a;
        }
        // Flipping weights can leave a valid model; only a panic or a wrong error code would fail.
        if let Err(issue) = Categorizer::custom(&bytes) {
            assert_eq!(issue.code, ErrorCode::Model, "flipped from {start}: {issue}");
        }
    }
}

/// Inputs the fuzz harness found (FUZZING.md): each made tract panic before the structural check
/// learned to refuse it.
#[test]
fn fuzz_findings_are_refused() {
    let dir = common::test_file("models/fuzz");
    let mut found = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        assert_refused(&path.display().to_string(), &std::fs::read(&path).unwrap());
        found += 1;
    }
    assert!(found >= 3);
}

/// Found by cargo fuzz's `model` target (FUZZING.md): the shipped model with the constant
/// `axis1` (the axis its Unsqueeze adds, 1) changed to 4, beyond the rank-3 output. tract-hir
/// inserted at index 4 into a rank-2 shape and panicked (smallvec `insert`).
#[test]
fn shipped_model_with_its_unsqueeze_axis_out_of_rank_is_refused() {
    let mut model = ModelProto::decode(DEFAULT_MODEL).unwrap();
    let graph = model.graph.as_mut().unwrap();
    let axis = graph.initializer.iter_mut().find(|t| t.name == "axis1").expect("the shipped model has axis1");
    assert_eq!(axis.raw_data, 1i64.to_le_bytes(), "axis1 is no longer the constant 1: update this test");
    for bad in [4i64, 3, -4] {
        let axis = model.graph.as_mut().unwrap().initializer.iter_mut().find(|t| t.name == "axis1").unwrap();
        axis.raw_data = bad.to_le_bytes().to_vec();
        assert_refused(&format!("axis1 = {bad}"), &model.encode_to_vec());
    }
}

/// tract-onnx is built without its `dim_param` parser (patches/tract-onnx/): the loader sets the
/// input facts itself, so whatever symbolic dimensions a model declares (a name, an expression the
/// parser would have read, text no parser reads) it loads and answers exactly as the shipped model.
#[test]
fn symbolic_input_dimensions_leave_the_answers_unchanged() {
    let rows = [("SAFEWAY #1234", -5.0), ("UBER TRIP", -12.0), ("ACME CORP PAYROLL", 2400.0)];
    let shipped = Categorizer::custom(DEFAULT_MODEL).unwrap().probabilities(&rows).unwrap();
    for param in ["batch", "2*N+1", "s0 // 2", "((("] {
        let mut model = ModelProto::decode(DEFAULT_MODEL).unwrap();
        let mut symbolic = 0;
        for input in &mut model.graph.as_mut().unwrap().input {
            let Some(type_proto::Value::TensorType(tensor)) = input.r#type.as_mut().and_then(|t| t.value.as_mut())
            else {
                panic!("input {} is not a tensor", input.name)
            };
            for dim in &mut tensor.shape.as_mut().expect("the shipped inputs have shapes").dim {
                dim.value = Some(dimension::Value::DimParam(param.into()));
                symbolic += 1;
            }
        }
        assert!(symbolic >= 2, "the shipped model's inputs have no dimensions to rewrite");
        let answers = Categorizer::custom(&model.encode_to_vec()).unwrap_or_else(|e| panic!("{param}: {e}"));
        assert_eq!(answers.probabilities(&rows).unwrap(), shipped, "dim_param {param:?}");
    }
}
