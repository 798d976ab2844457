// What the patched tract crates keep out of the wasm module (patches/README.md): the release
// module as cargo writes it (before wasm-opt strips names) has no function of tract-nnef's
// operator registry, of rustfft, or of tract-onnx's dim_param parser. A tract upgrade or a
// feature turned on by a new dependency would bring them back silently; this test says so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import binaryen from "binaryen";

const releaseWasm = fileURLToPath(
  new URL("../../target/wasm32-unknown-unknown/release/finadvice_wasm.wasm", import.meta.url),
);

/** The function names of a module's name section, as binaryen reads them. */
function functionNames(wasm) {
  const module = binaryen.readBinary(wasm);
  const names = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    names.push(binaryen.getFunctionInfo(module.getFunctionByIndex(i)).name);
  }
  module.dispose();
  return names;
}

test("the release module links neither tract's other operators nor the dim_param parser", () => {
  const names = functionNames(readFileSync(releaseWasm));
  assert.ok(
    names.some((name) => name.includes("tract_onnx")),
    "no tract_onnx function at all: the name section is not what this test reads",
  );
  for (const crate of [
    "rustfft",
    "tract_nnef",
    "tract_onnx_opl",
    "tract_extra",
    "tract_onnx..dim_expr",
    "tract_onnx8dim_expr",
  ]) {
    const found = names.filter((name) => name.includes(crate));
    assert.deepEqual(found.slice(0, 3), [], `${found.length} functions of ${crate} are linked`);
  }
});
