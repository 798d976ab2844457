// advise() speed on every persona of tests/personas/ in Node (the built wasm package): the default
// pack (22 rules with values) against the anchor, the same advise() with an empty rule pack in the
// same run — so the ratio is what the default pack's evaluation and rendering add to a whole
// advise call (validation, categorization, facts, plans with a 2,000-path Monte Carlo, report).
// Usage: node benches/advise.mjs [ROUNDS]   (needs pkg/: bash scripts/build-pkg.sh)
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import init, { Advisor } from "../pkg/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const ROUNDS = Number(process.argv[2] ?? 15);
const dir = join(root, "tests/personas");
const personas = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".report.json"))
  .sort();
await init();
const pack = JSON.parse(readFileSync(join(root, "rules/us-default.json"), "utf8"));
const withPack = new Advisor();
const anchor = new Advisor({ rulePack: { ...pack, rules: [] } });

function median(fn) {
  fn();
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

console.log(`| persona | actions | advise, default pack (ms) | anchor: empty pack (ms) | ratio |`);
console.log(`|---|---:|---:|---:|---:|`);
let total = 0,
  totalAnchor = 0;
for (const file of personas) {
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const actions = withPack.advise(profile).actions.length;
  // Interleave the two so drift on a shared machine hits both alike.
  const a = median(() => withPack.advise(profile));
  const b = median(() => anchor.advise(profile));
  total += a;
  totalAnchor += b;
  console.log(
    `| ${file.replace(".json", "")} | ${actions} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(a / b).toFixed(2)} |`,
  );
}
console.log(
  `| **all ${personas.length}** | | ${total.toFixed(1)} | ${totalAnchor.toFixed(1)} | ${(total / totalAnchor).toFixed(2)} |`,
);
