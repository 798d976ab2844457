// What the patched tract crates keep out of the wasm module (patches/README.md): the release
// module as cargo writes it (before wasm-opt strips names) has no function of tract-nnef's
// operator registry, of rustfft, or of tract-onnx's dim_param parser. A tract upgrade or a
// feature turned on by a new dependency would bring them back silently; this test says so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const releaseWasm = fileURLToPath(
  new URL("../../target/wasm32-unknown-unknown/release/finadvice_wasm.wasm", import.meta.url),
);

function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The function names of a module's `name` section (subsection 1). */
function functionNames(wasm) {
  const module = new WebAssembly.Module(wasm);
  const [section] = WebAssembly.Module.customSections(module, "name");
  assert.ok(section, "the release module has no name section: is `strip` on in Cargo.toml's release profile?");
  const bytes = new Uint8Array(section);
  const decoder = new TextDecoder();
  const names = [];
  let at = 0;
  while (at < bytes.length) {
    const kind = bytes[at++];
    let size;
    [size, at] = leb128(bytes, at);
    const end = at + size;
    if (kind === 1) {
      let count;
      [count, at] = leb128(bytes, at);
      for (let i = 0; i < count; i++) {
        let length;
        [, at] = leb128(bytes, at);
        [length, at] = leb128(bytes, at);
        names.push(decoder.decode(bytes.subarray(at, at + length)));
        at += length;
      }
    }
    at = end;
  }
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
