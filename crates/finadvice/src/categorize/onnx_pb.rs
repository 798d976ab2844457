//! The part of the ONNX protobuf schema a categorizer file uses, as prost messages.
//!
//! Field numbers and enum values are those of `onnx/onnx.proto` (ONNX IR version 10). Fields this
//! crate never reads are left out: prost skips unknown fields when decoding, so a file carrying
//! them (metadata, doc strings, training info, functions) still decodes. [`super::onnx_check`]
//! decodes and checks a file with these types; [`super::onnx_graph`] turns it into a tract model.

use prost::Message;

/// A whole ONNX file: the graph and the operator sets it was written for.
#[derive(Clone, PartialEq, Message)]
pub struct ModelProto {
    /// ONNX IR version of the file.
    #[prost(int64, tag = "1")]
    pub ir_version: i64,
    /// Operator set per domain; the default domain's version selects operator semantics.
    #[prost(message, repeated, tag = "8")]
    pub opset_import: Vec<OperatorSetIdProto>,
    /// Name of the tool that wrote the file.
    #[prost(string, tag = "2")]
    pub producer_name: String,
    /// The computation.
    #[prost(message, optional, tag = "7")]
    pub graph: Option<GraphProto>,
}

/// An operator set a model uses: `domain` ("" is the default ONNX domain) at `version`.
#[derive(Clone, PartialEq, Message)]
pub struct OperatorSetIdProto {
    /// Operator domain; "" or "ai.onnx" for the standard operators.
    #[prost(string, tag = "1")]
    pub domain: String,
    /// Operator set version.
    #[prost(int64, tag = "2")]
    pub version: i64,
}

/// Nodes in topological order, constant tensors, and the declared inputs and outputs.
#[derive(Clone, PartialEq, Message)]
pub struct GraphProto {
    /// The operators, each reading and writing named values.
    #[prost(message, repeated, tag = "1")]
    pub node: Vec<NodeProto>,
    /// Graph name.
    #[prost(string, tag = "2")]
    pub name: String,
    /// Constant tensors (weights), named like values.
    #[prost(message, repeated, tag = "5")]
    pub initializer: Vec<TensorProto>,
    /// Sparse constant tensors (refused by the check; decoded to notice them).
    #[prost(message, repeated, tag = "15")]
    pub sparse_initializer: Vec<SparseTensorProto>,
    /// Declared inputs (may also list initializers, as older exporters do).
    #[prost(message, repeated, tag = "11")]
    pub input: Vec<ValueInfoProto>,
    /// Declared outputs.
    #[prost(message, repeated, tag = "12")]
    pub output: Vec<ValueInfoProto>,
    /// Optional type and shape of intermediate values.
    #[prost(message, repeated, tag = "13")]
    pub value_info: Vec<ValueInfoProto>,
}

/// One operator application: `op_type` reads the values named in `input`, writes `output`.
#[derive(Clone, PartialEq, Message)]
pub struct NodeProto {
    /// Names of the values read ("" for an omitted optional input).
    #[prost(string, repeated, tag = "1")]
    pub input: Vec<String>,
    /// Names of the values written.
    #[prost(string, repeated, tag = "2")]
    pub output: Vec<String>,
    /// Node name (for messages).
    #[prost(string, tag = "3")]
    pub name: String,
    /// Operator name, e.g. "Gather".
    #[prost(string, tag = "4")]
    pub op_type: String,
    /// Operator domain ("" is the default ONNX domain).
    #[prost(string, tag = "7")]
    pub domain: String,
    /// Operator parameters.
    #[prost(message, repeated, tag = "5")]
    pub attribute: Vec<AttributeProto>,
}

/// A named operator parameter; `type` tells which of the value fields holds it.
#[derive(Clone, PartialEq, Message)]
pub struct AttributeProto {
    /// Parameter name, e.g. "axis".
    #[prost(string, tag = "1")]
    pub name: String,
    /// Which field holds the value ([`attribute_type`]).
    #[prost(int32, tag = "20")]
    pub r#type: i32,
    /// A float value.
    #[prost(float, tag = "2")]
    pub f: f32,
    /// An integer value.
    #[prost(int64, tag = "3")]
    pub i: i64,
    /// A bytes/string value.
    #[prost(bytes = "vec", tag = "4")]
    pub s: Vec<u8>,
    /// A tensor value.
    #[prost(message, optional, tag = "5")]
    pub t: Option<TensorProto>,
    /// A subgraph (control flow; refused by the check).
    #[prost(message, optional, tag = "6")]
    pub g: Option<GraphProto>,
    /// A list of floats.
    #[prost(float, repeated, tag = "7")]
    pub floats: Vec<f32>,
    /// A list of integers, e.g. axes.
    #[prost(int64, repeated, tag = "8")]
    pub ints: Vec<i64>,
    /// A list of subgraphs (refused by the check).
    #[prost(message, repeated, tag = "11")]
    pub graphs: Vec<GraphProto>,
}

/// Values of [`AttributeProto::type`] this crate writes.
pub mod attribute_type {
    /// A list of integers (`ints`).
    pub const INTS: i32 = 7;
}

/// A constant tensor: shape, element type, and its data either in `raw_data` (little-endian) or in
/// the typed field for its element type.
#[derive(Clone, PartialEq, Message)]
pub struct TensorProto {
    /// Shape.
    #[prost(int64, repeated, tag = "1")]
    pub dims: Vec<i64>,
    /// Element type ([`DataType`]).
    #[prost(int32, tag = "2")]
    pub data_type: i32,
    /// Float elements.
    #[prost(float, repeated, tag = "4")]
    pub float_data: Vec<f32>,
    /// int32 elements, and the bits of int8/int16/uint8/uint16/bool/float16 elements.
    #[prost(int32, repeated, tag = "5")]
    pub int32_data: Vec<i32>,
    /// int64 elements.
    #[prost(int64, repeated, tag = "7")]
    pub int64_data: Vec<i64>,
    /// Name the graph refers to it by.
    #[prost(string, tag = "8")]
    pub name: String,
    /// All elements as little-endian bytes (takes precedence over the typed fields).
    #[prost(bytes = "vec", tag = "9")]
    pub raw_data: Vec<u8>,
    /// Where the data of a tensor stored outside the file is (refused by the check).
    #[prost(message, repeated, tag = "13")]
    pub external_data: Vec<StringStringEntryProto>,
    /// 1 when the data is stored outside the file (refused by the check).
    #[prost(int32, optional, tag = "14")]
    pub data_location: Option<i32>,
    /// Double elements.
    #[prost(double, repeated, tag = "10")]
    pub double_data: Vec<f64>,
    /// uint32/uint64 elements.
    #[prost(uint64, repeated, tag = "11")]
    pub uint64_data: Vec<u64>,
}

/// Element types of [`TensorProto::data_type`] and of declared tensor types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum DataType {
    /// No type given.
    Undefined = 0,
    /// 32-bit float.
    Float = 1,
    /// Unsigned byte.
    Uint8 = 2,
    /// Signed byte.
    Int8 = 3,
    /// Unsigned 16-bit integer.
    Uint16 = 4,
    /// Signed 16-bit integer.
    Int16 = 5,
    /// Signed 32-bit integer.
    Int32 = 6,
    /// Signed 64-bit integer.
    Int64 = 7,
    /// Text.
    String = 8,
    /// Boolean.
    Bool = 9,
    /// IEEE 754 half precision.
    Float16 = 10,
    /// 64-bit float.
    Double = 11,
    /// Unsigned 32-bit integer.
    Uint32 = 12,
    /// Unsigned 64-bit integer.
    Uint64 = 13,
    /// Complex of two 32-bit floats.
    Complex64 = 14,
    /// Complex of two 64-bit floats.
    Complex128 = 15,
    /// bfloat16.
    Bfloat16 = 16,
}

/// A key/value pair (locations of external data).
#[derive(Clone, PartialEq, Message)]
pub struct StringStringEntryProto {
    /// Key.
    #[prost(string, tag = "1")]
    pub key: String,
    /// Value.
    #[prost(string, tag = "2")]
    pub value: String,
}

/// A sparse constant tensor; only decoded so that the check can refuse it.
#[derive(Clone, PartialEq, Message)]
pub struct SparseTensorProto {
    /// Dense shape.
    #[prost(int64, repeated, tag = "3")]
    pub dims: Vec<i64>,
}

/// A declared value: its name and (optionally) its type and shape.
#[derive(Clone, PartialEq, Message)]
pub struct ValueInfoProto {
    /// Value name.
    #[prost(string, tag = "1")]
    pub name: String,
    /// Type and shape, when declared.
    #[prost(message, optional, tag = "2")]
    pub r#type: Option<TypeProto>,
}

/// The type of a declared value; only tensor types are read.
#[derive(Clone, PartialEq, Message)]
pub struct TypeProto {
    /// Tensor element type and shape (absent for sequences, maps and other kinds).
    #[prost(message, optional, tag = "1")]
    pub tensor_type: Option<TensorTypeProto>,
}

/// A tensor type: element type and (optionally) shape.
#[derive(Clone, PartialEq, Message)]
pub struct TensorTypeProto {
    /// Element type ([`DataType`]).
    #[prost(int32, tag = "1")]
    pub elem_type: i32,
    /// Shape, when declared.
    #[prost(message, optional, tag = "2")]
    pub shape: Option<TensorShapeProto>,
}

/// A declared shape: one entry per dimension.
#[derive(Clone, PartialEq, Message)]
pub struct TensorShapeProto {
    /// The dimensions.
    #[prost(message, repeated, tag = "1")]
    pub dim: Vec<Dimension>,
}

/// One dimension: a number, a symbolic name, or unknown.
#[derive(Clone, PartialEq, Message)]
pub struct Dimension {
    /// A fixed size.
    #[prost(int64, optional, tag = "1")]
    pub dim_value: Option<i64>,
    /// A symbolic size, e.g. "batch".
    #[prost(string, optional, tag = "2")]
    pub dim_param: Option<String>,
}
