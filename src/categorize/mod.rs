//! Transaction categorization: the ONNX model runner (tract) and, as the categorizer grows, the
//! featurizer and the person's merchant memory.

pub mod model;
