// Rule-engine speed in headless Chromium: a generated 1,000-rule pack (benches/rules-pack.mjs) over
// the facts of tests/profiles/new-graduate.json, evaluated by finadvice (wasm) — a compiled
// `RulePack` and the whole `advise` call —, json-logic-js 2.0.5 (the anchor) and json-rules-engine
// 7.3.1, in the same page; the four must agree on which rules fire. Prints rules/s and the ratio
// to json-logic-js measured in the same run, and the machine's load average.
// Needs pkg/ (scripts/build-pkg.sh) and benches/node_modules (benches/run.sh installs it).
// Usage: node benches/rules.mjs [RULES]
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { loadavg } from "node:os";
import { launch } from "../tests/e2e/browser.mjs";
import { generate } from "./rules-pack.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const RULES = Number(process.argv[2] ?? 1000);

const profile = JSON.parse(readFileSync(join(root, "tests/profiles/new-graduate.json"), "utf8"));
const { pack, rulesEngineRules } = generate(RULES);
const input = JSON.stringify({ pack, profile, rulesEngineRules });

const anchors = await build({
  entryPoints: [join(root, "benches/rules-page/anchors.js")],
  bundle: true,
  format: "iife",
  platform: "browser",
  write: false,
  minify: true,
  logLevel: "silent",
});
const files = {
  "/": ["text/html", readFileSync(join(root, "benches/rules-page/index.html"))],
  "/bench.js": ["text/javascript", readFileSync(join(root, "benches/rules-page/bench.js"))],
  "/anchors.js": ["text/javascript", anchors.outputFiles[0].contents],
  "/input.json": ["application/json", input],
};
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  try {
    const [type, body] =
      files[path] ??
      (path.startsWith("/pkg/") && !path.includes("..")
        ? [path.endsWith(".wasm") ? "application/wasm" : "text/javascript", readFileSync(join(root, path))]
        : null);
    res.writeHead(200, { "content-type": type });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const loadBefore = loadavg()
  .map((l) => l.toFixed(2))
  .join(", ");
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 300_000 });
  const r = await page.evaluate(() => window.benchResults);
  if (r.error) throw new Error(r.error);
  const version = await browser.version();
  const rate = (ms) => RULES / (ms / 1000);
  const row = (name, ms) =>
    `| ${name} | ${ms.toFixed(3)} | ${Math.round(rate(ms)).toLocaleString("en-US")} | ${(r.jsonLogic / ms).toFixed(2)}× |`;
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  console.log(
    `Chromium ${version}; ${RULES} rules (2–3 comparisons each), ${r.fired} fire; all engines agree on which: ${r.agree}`,
  );
  console.log(`Load average before / after: ${loadBefore} / ${load}; median of ${r.rounds} interleaved rounds`);
  console.log("| engine | ms per pack | rules/s | speed vs json-logic-js |");
  console.log("|---|---:|---:|---:|");
  console.log(
    row(
      "finadvice `RulePack.evaluate(data)` (wasm, compiled pack: reads the JS data, returns the ranked ids)",
      r.rulePack,
    ),
  );
  console.log(row("json-logic-js 2.0.5 `apply` per rule (anchor)", r.jsonLogic));
  console.log(
    row(
      "finadvice `advise` (whole call: profile → facts → plans → rules → actions with messages and traces → report)",
      r.advise,
    ),
  );
  console.log(
    `| finadvice \`advise\` with the default pack (per-call cost of everything but the 1,000 rules, for reference) | ${r.fixedCost.toFixed(3)} | | |`,
  );
  console.log(row("json-rules-engine 7.3.1 `run`", r.jsonRulesEngine));
  console.log(
    `Per-round ratio json-logic-js / RulePack.evaluate: median ${r.roundRatio.toFixed(2)}×, range ${r.roundRatioMin.toFixed(2)}–${r.roundRatioMax.toFixed(2)}×`,
  );
  if (!r.agree) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
