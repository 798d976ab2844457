"""Writes the small, deliberately wrong ONNX models that tests/categorize.rs feeds to the advisor
to prove each is refused with a `model` error (never a panic). Run once; the files are committed.
    training/.venv/bin/python training/make_test_models.py"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "models")
L = 128


def bag_model(rows, classes, softmax=True, inputs=2):
    """The categorizer's architecture with a table of `rows` rows and `classes` outputs."""
    rng = np.random.default_rng(1)
    nodes = [
        helper.make_node("Gather", ["embedding", "ids"], ["rows"], axis=0),
        helper.make_node("ReduceMean", ["rows"], ["bag"], axes=[1], keepdims=0),
        helper.make_node("MatMul", ["bag", "w"], ["logits"]),
    ]
    nodes.append(helper.make_node("Softmax" if softmax else "Identity", ["logits"], ["out"], **({"axis": -1} if softmax else {})))
    ins = [helper.make_tensor_value_info("ids", TensorProto.INT64, ["batch", L])]
    if inputs == 2:
        ins.append(helper.make_tensor_value_info("weights", TensorProto.FLOAT, ["batch", L]))
        nodes.append(helper.make_node("Identity", ["weights"], ["unused"]))
    graph = helper.make_graph(
        nodes, "test", ins, [helper.make_tensor_value_info("out", TensorProto.FLOAT, ["batch", classes])],
        [numpy_helper.from_array(rng.standard_normal((rows, 1)).astype(np.float32), "embedding"),
         numpy_helper.from_array(rng.standard_normal((1, classes)).astype(np.float32), "w")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    return model


def main():
    os.makedirs(OUT, exist_ok=True)
    models = {
        "small-table.onnx": bag_model(100, 20),  # ids up to 8191 would read past the table
        "ten-classes.onnx": bag_model(8192, 10),
        "one-input.onnx": bag_model(8192, 20, inputs=1),
        "not-probabilities.onnx": bag_model(8192, 20, softmax=False),
        "valid-alternative.onnx": bag_model(8192, 20),  # follows the contract: accepted
    }
    for name, model in models.items():
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(OUT, name))


if __name__ == "__main__":
    main()
