// Entry point of the finadvice npm package: the wasm-bindgen API plus an `init` that loads the
// WebAssembly module wherever the package runs (page, Web Worker, bundler, Node >= 20).
import initWasm from "./finadvice.js";

export * from "./finadvice.js";
export { FinAdviceError } from "__ERROR_MODULE__";

let ready;

/**
 * Loads and instantiates the WebAssembly module once; later calls return the same promise.
 * `source` is optional: a URL, Response, BufferSource or WebAssembly.Module of finadvice_bg.wasm
 * for pages that serve it from elsewhere. In Node the file next to this module is read from disk.
 */
export function init(source) {
  ready ??= load(source).catch((error) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function load(source) {
  if (source === undefined && isNode()) {
    const { readFile } = await import(/* @vite-ignore */ "node:fs/promises");
    source = await readFile(new URL("./finadvice_bg.wasm", import.meta.url));
  }
  await initWasm(source === undefined ? undefined : { module_or_path: source });
}

function isNode() {
  return (
    typeof process === "object" &&
    process !== null &&
    typeof process.versions?.node === "string" &&
    typeof window === "undefined" &&
    typeof self === "undefined"
  );
}

export default init;
