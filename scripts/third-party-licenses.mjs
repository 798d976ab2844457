// Writes the list of third-party crates compiled into the wasm module (normal dependencies for
// wasm32-unknown-unknown, from `cargo metadata`), with their licenses, to the given file, followed
// by the third-party data the embedded model was trained on (the model card's section, whose
// notices the data's licenses ask binary redistributions to reproduce).
// Usage: node scripts/third-party-licenses.mjs pkg/THIRD-PARTY-LICENSES.md
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const out = process.argv[2] ?? "THIRD-PARTY-LICENSES.md";
const metadata = JSON.parse(
  execFileSync(
    "cargo",
    ["metadata", "--format-version", "1", "--locked", "--filter-platform", "wasm32-unknown-unknown"],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  ),
);
const packages = new Map(metadata.packages.map((p) => [p.id, p]));
const nodes = new Map(metadata.resolve.nodes.map((n) => [n.id, n]));
// The module is the binding crate and what it depends on.
const root = metadata.packages.find((p) => p.name === "finadvice-wasm").id;

// Walk normal (not build, not dev) dependencies from the binding crate.
const seen = new Set();
const stack = [root];
while (stack.length) {
  const id = stack.pop();
  if (seen.has(id)) continue;
  seen.add(id);
  for (const dep of nodes.get(id)?.deps ?? []) {
    if (dep.dep_kinds.some((k) => k.kind === null)) stack.push(dep.pkg);
  }
}
// finadvice itself is not third-party software.
for (const id of metadata.workspace_members) seen.delete(id);
const rows = [...seen]
  .map((id) => packages.get(id))
  .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
  .map(
    (p) => `| ${p.name} | ${p.version} | ${p.license ?? p.license_file ?? "see repository"} | ${p.repository ?? ""} |`,
  );
const card = readFileSync(new URL("../models/MODEL_CARD.md", import.meta.url), "utf8");
const data = card.match(/^## Third-party data\n[\s\S]*?(?=\n## |(?![\s\S]))/m)?.[0];
if (!data) throw new Error('models/MODEL_CARD.md has no "## Third-party data" section');
writeFileSync(
  out,
  `# Third-party software in finadvice_bg.wasm

finadvice is MIT-licensed. The WebAssembly module also contains these ${rows.length} Rust crates, each
under the license shown (SPDX expressions; the full texts are in each crate's repository).

| crate | version | license | repository |
|---|---|---|---|
${rows.join("\n")}

The embedded categorizer model (\`models/categorizer.onnx\`) was trained on third-party data:

#${data.trimEnd()}
`,
);
console.log(`third-party-licenses: ${rows.length} crates written to ${out}`);
