// Size of the npm package's parts, raw / gzip -9 / brotli, next to the anchor measured in the same
// run: onnxruntime-web's smallest CPU wasm (installed by benches/run.sh into benches/node_modules).
// Usage: node benches/size.mjs [--budget-gzip BYTES]   (exits 1 when the wasm's gzip size is over)
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = join(root, "pkg");

function measure(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function findAnchor() {
  const dist = join(root, "benches", "node_modules", "onnxruntime-web", "dist");
  if (!existsSync(dist)) return null;
  const wasm = readdirSync(dist)
    .filter((f) => f.endsWith(".wasm"))
    .map((f) => ({ f, size: readFileSync(join(dist, f)).length }))
    .sort((a, b) => a.size - b.size)[0];
  return wasm ? { name: `onnxruntime-web 1.30.0 ${wasm.f} (anchor)`, ...measure(join(dist, wasm.f)) } : null;
}

const rows = [
  { name: "finadvice_bg.wasm", ...measure(join(pkg, "finadvice_bg.wasm")) },
  { name: "index.js (entry, wasm-bindgen glue and snippets, one bundled file)", ...measure(join(pkg, "index.js")) },
];
rows.push({
  name: "package total (wasm + glue)",
  raw: rows[0].raw + rows[1].raw,
  gzip: rows[0].gzip + rows[1].gzip,
  brotli: rows[0].brotli + rows[1].brotli,
});
const anchor = findAnchor();
if (anchor) rows.push(anchor);

const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const ratio = (n, a) => (a ? `${(n / a).toFixed(2)}×` : "n/a");
console.log("| part | raw | gzip -9 | brotli | gzip vs anchor |");
console.log("|---|---:|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${ratio(r.gzip, anchor?.gzip)} |`);
if (!anchor) console.log("\n(anchor not installed: run benches/run.sh to measure onnxruntime-web in the same run)");

const budgetIndex = process.argv.indexOf("--budget-gzip");
if (budgetIndex > 0) {
  const budget = Number(process.argv[budgetIndex + 1]);
  if (rows[0].gzip > budget) {
    console.error(`size: finadvice_bg.wasm is ${rows[0].gzip} bytes gzipped, over the budget of ${budget}`);
    process.exit(1);
  }
  console.log(
    `\nsize budget: ${rows[0].gzip} of ${budget} bytes gzipped (${((rows[0].gzip / budget) * 100).toFixed(1)}%)`,
  );
}
