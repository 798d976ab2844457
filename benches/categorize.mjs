// Categorization benchmark in Node: finadvice vs onnxruntime-web (same model, same batch, same run).
// Usage: node benches/categorize.mjs   (needs pkg/ from scripts/build-pkg.sh and benches/node_modules)
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import * as ort from "onnxruntime-web";
import { run, table } from "./categorize-core.mjs";

const root = new URL("..", import.meta.url);
const finadvice = await import(new URL("pkg/index.js", root));
await finadvice.init(readFileSync(new URL("pkg/finadvice_bg.wasm", root)));
const modelBytes = readFileSync(new URL("models/categorizer.onnx", root));
const golden = JSON.parse(readFileSync(new URL("tests/golden/featurize.json", root), "utf8"));
const result = await run({ finadvice, ort, modelBytes, golden, now: () => performance.now() });
console.log(table(`Node ${process.version}`, result));
