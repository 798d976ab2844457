// Calculator speed: a 10,000-path, 40-year Monte Carlo (projectRetirement) and a 10-debt payoff
// plan (planDebtPayoff), natively (release build, `cargo bench --bench calc-native`), in Node and in
// headless Chromium (the built package, served by scripts/serve.mjs). The anchor, measured in the
// same run and the same environment, is the same work written in plain JavaScript
// (benches/calc-anchor.mjs); native rows are compared with the Node anchor.
// Usage: node benches/calc.mjs   (needs pkg/: bash scripts/build-pkg.sh)
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { makeAnchors } from "./calc-anchor.mjs";
import { serve } from "../scripts/serve.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const mcRequest = JSON.parse(readFileSync(join(root, "benches/calc-monte-carlo.json"), "utf8"));
const payoffRequest = JSON.parse(readFileSync(join(root, "benches/calc-ten-debts.json"), "utf8"));
// The mix's real growth factor in each year of the history the projection resamples (the same
// table, src/calc/us-annual-returns.csv), for the anchor.
const history = readFileSync(join(root, "crates/finadvice/src/calc/us-annual-returns.csv"), "utf8")
  .split("\n")
  .filter((line) => line && !line.startsWith("#") && !line.startsWith("year"))
  .map((line) => line.split(",").map(Number));
const mix = mcRequest.allocation;
const anchorParams = {
  paths: mcRequest.paths,
  years: mcRequest.endAge - mcRequest.currentAge,
  retireAfter: mcRequest.retirementAge - mcRequest.currentAge,
  balance: mcRequest.balance,
  contribution: mcRequest.annualContribution,
  spending: mcRequest.annualSpending,
  growth: history.map(
    ([, stocks, bonds, bills, inflation]) =>
      (mix.stocks * (1 + stocks) + mix.bonds * (1 + bonds) + mix.cash * (1 + bills)) / (1 + inflation),
  ),
  block: 20,
  seed: 1,
};

/** Runs in Node or in the page: median milliseconds of each workload, wasm and anchor. */
async function measure(api, anchors, mc, payoff, params) {
  // Median over `runs` batches of the time per call; a batch repeats the call for at least 20 ms,
  // so the browser's coarse performance.now() (100 µs steps) does not matter.
  const median = (runs, f) => {
    f();
    let perBatch = 1;
    for (let t = performance.now(); performance.now() - t < 20; perBatch++) f();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      for (let k = 0; k < perBatch; k++) f();
      times.push((performance.now() - t) / perBatch);
    }
    times.sort((a, b) => a - b);
    return times[runs >> 1];
  };
  return {
    monteCarlo: median(9, () => api.projectRetirement(mc)),
    monteCarloAnchor: median(9, () => anchors.monteCarlo(params)),
    payoff: median(9, () => api.planDebtPayoff(payoff)),
    payoffAnchor: median(9, () => anchors.payoff(payoff.debts, payoff.monthlyBudget, payoff.extraPayments)),
  };
}

// Native.
const native = {};
const out = execFileSync("cargo", ["bench", "--quiet", "--bench", "calc-native"], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
for (const line of out.split("\n").filter((l) => l.startsWith("{"))) {
  const { name, ms } = JSON.parse(line);
  native[name] = ms;
}

// Node.
const pkg = await import(join(root, "pkg", "index.js"));
await pkg.init();
const node = await measure(pkg, makeAnchors(), mcRequest, payoffRequest, anchorParams);

// Chromium.
const { server, url } = await serve(0);
const browser = await launch();
let chromium;
try {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  chromium = await page.evaluate(
    async ({ anchorSource, measureSource, mc, payoff, params }) => {
      const api = await import("/pkg/index.js");
      await api.init();
      const anchors = new Function(`return (${anchorSource})()`)();
      const run = new Function(`return (${measureSource})`)();
      return run(api, anchors, mc, payoff, params);
    },
    {
      anchorSource: makeAnchors.toString(),
      measureSource: measure.toString(),
      mc: mcRequest,
      payoff: payoffRequest,
      params: anchorParams,
    },
  );
} finally {
  await browser.close();
  server.close();
}

const ms = (x) => `${x.toFixed(2)} ms`;
const ratio = (x, a) => `${(x / a).toFixed(2)}×`;
console.log("| workload | where | finadvice | plain-JS anchor (same run) | ratio |");
console.log("|---|---|---:|---:|---:|");
console.log(
  `| Monte Carlo 10,000 paths × 40 years | native (release) | ${ms(native.monteCarlo)} | ${ms(node.monteCarloAnchor)} (Node) | ${ratio(native.monteCarlo, node.monteCarloAnchor)} |`,
);
console.log(
  `| Monte Carlo 10,000 paths × 40 years | Node (wasm) | ${ms(node.monteCarlo)} | ${ms(node.monteCarloAnchor)} | ${ratio(node.monteCarlo, node.monteCarloAnchor)} |`,
);
console.log(
  `| Monte Carlo 10,000 paths × 40 years | Chromium (wasm) | ${ms(chromium.monteCarlo)} | ${ms(chromium.monteCarloAnchor)} | ${ratio(chromium.monteCarlo, chromium.monteCarloAnchor)} |`,
);
console.log(
  `| payoff plan, 10 debts, full schedule | native (release) | ${ms(native.payoff)} | ${ms(node.payoffAnchor)} (Node) | ${ratio(native.payoff, node.payoffAnchor)} |`,
);
console.log(
  `| payoff plan, 10 debts, full schedule | Node (wasm) | ${ms(node.payoff)} | ${ms(node.payoffAnchor)} | ${ratio(node.payoff, node.payoffAnchor)} |`,
);
console.log(
  `| payoff plan, 10 debts, full schedule | Chromium (wasm) | ${ms(chromium.payoff)} | ${ms(chromium.payoffAnchor)} | ${ratio(chromium.payoff, chromium.payoffAnchor)} |`,
);
const target = 15;
console.log(
  `\nMonte Carlo in Chromium: ${ms(chromium.monteCarlo)} (target ≤ ${target} ms: ${chromium.monteCarlo <= target ? "met" : "NOT met"})`,
);
