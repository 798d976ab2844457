// Privacy audit of the built package: the WebAssembly module can only call the functions the
// wasm-bindgen glue gives it, and none of them can reach the network. The glue's one `fetch` is the
// module loading its own .wasm file in `init`. The glue, its snippets and the entry point ship as
// one bundled file, index.js (scripts/build-pkg.sh), which is what is audited here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("../../pkg/", import.meta.url));
const glue = readFileSync(join(pkg, "index.js"), "utf8");

/** Web APIs that can send data off the device (or load code that could). */
const NETWORK =
  /\b(fetch|XMLHttpRequest|WebSocket|WebTransport|EventSource|sendBeacon|importScripts|RTCPeerConnection|RTCDataChannel|navigator|location|document|Image|Worker|SharedWorker|ServiceWorker|postMessage|open)\b|\bimport\s*\(/;

/** Source text without comments (they may mention the APIs by name). */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

/** The body of the glue's import object: every function the wasm module can call. */
function importObjectSource() {
  const start = glue.indexOf("function __wbg_get_imports()");
  assert.ok(start >= 0, "the glue defines __wbg_get_imports");
  const end = glue.indexOf("\n}\n", start);
  return glue.slice(start, end);
}

test("the wasm module imports only from the wasm-bindgen glue", () => {
  const module = new WebAssembly.Module(readFileSync(join(pkg, "finadvice_bg.wasm")));
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 0);
  const modules = new Set(imports.map((i) => i.module));
  assert.deepEqual([...modules], ["./finadvice_bg.js"]);
  const source = importObjectSource();
  for (const { name } of imports) {
    assert.ok(
      source.includes(`${name}:`) || source.includes(`${name} =`) || source.includes(`.${name}`),
      `import ${name} is defined by the glue's import object`,
    );
  }
});

test("no function the wasm module can call reaches the network", () => {
  const source = importObjectSource();
  const lines = source.split("\n").filter((line) => NETWORK.test(line));
  assert.deepEqual(lines, [], `network-capable APIs in the import object:\n${lines.join("\n")}`);
});

test("the glue's only fetch loads the module's own .wasm file", () => {
  const fetches = glue
    .split("\n")
    .filter((line) => /\bfetch\s*\(/.test(line))
    .map((l) => l.trim());
  assert.equal(fetches.length, 1, fetches.join("\n"));
  assert.ok(fetches[0].endsWith("module_or_path = fetch(module_or_path);"), fetches[0]);
  assert.match(glue, /new URL\(["']finadvice_bg\.wasm["'], import\.meta\.url\)/);
});

test("the package makes no other request: one ES module, no other network API", () => {
  const index = code(glue);
  assert.doesNotMatch(index, /^\s*(import|export)\s[^;]*\bfrom\s/m, "index.js imports no other file");
  const dynamicImports = [...index.matchAll(/\bimport\s*\(([^)]*)\)/g)].map((m) =>
    m[1].replace(/\/\*.*?\*\//g, "").trim(),
  );
  assert.deepEqual(dynamicImports, ['"node:fs/promises"'], "only Node reads the .wasm from disk");
  // Every line naming a network-capable API: the module's own fetch, the error message when it
  // fails, and Node's file read. Anything else is a new way to reach the network.
  const lines = index
    .split("\n")
    .filter((line) => NETWORK.test(line))
    .map((l) => l.trim());
  assert.equal(lines.length, 3, lines.join("\n"));
  assert.ok(lines[0].startsWith("if (!module.ok) throw new Error(`failed to fetch Wasm"), lines[0]);
  assert.ok(lines[1].endsWith("module_or_path = fetch(module_or_path);"), lines[1]);
  assert.equal(lines[2], "const { readFile } = await import(");
});
