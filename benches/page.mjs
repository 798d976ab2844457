// Time to first advice from a cold page in headless Chromium: a fresh browser context per
// run, the module compiled and instantiated, the default model loaded, the first advise on a
// persona with 2,000 transactions; then the median of 15 warm advise calls. The anchor, in its own
// fresh context of the same run, is fetching and compiling the same .wasm bytes alone.
// Usage: node benches/page.mjs [PKG_DIR ...]   (default pkg/, built by scripts/build-pkg.sh)
// With several package directories (say a copy of the package before a change, and pkg/), their
// runs are interleaved in the same session and one table is printed for each.
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { loadavg } from "node:os";
import { launch } from "../tests/e2e/browser.mjs";
import { startServer } from "./page-server.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.RUNS ?? 7);
const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : [resolve(root, "pkg")];
const servers = await Promise.all(dirs.map((d) => startServer(d)));
const browser = await launch();

async function run(url, mode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}?mode=${mode}`);
  await page.waitForFunction(() => window.__result, null, { timeout: 60_000 });
  const result = await page.evaluate(() => window.__result);
  await context.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = dirs.map(() => []);
const anchor = dirs.map(() => []);
const load = [loadavg()[0]];
for (let i = 0; i < RUNS; i++) {
  for (const [k, { url }] of servers.entries()) {
    cold[k].push(await run(url, "cold"));
    anchor[k].push((await run(url, "anchor")).anchorMs);
  }
}
load.push(loadavg()[0]);
await browser.close();
servers.forEach((s) => s.close());

for (const [k, dir] of dirs.entries()) {
  const m = (key) => median(cold[k].map((r) => r[key]));
  const anchorMs = median(anchor[k]);
  if (dirs.length > 1) console.log(`\n${dir}`);
  console.log(
    `| measure (Chromium, median of ${RUNS} fresh contexts, ${cold[k][0].transactions} transactions, ${cold[k][0].actions} actions) | ms | vs anchor |`,
  );
  console.log("|---|---:|---:|");
  console.log(`| anchor: fetch + compile finadvice_bg.wasm alone | ${anchorMs.toFixed(1)} | 1.00× |`);
  console.log(
    `| init (import, fetch, compile, instantiate) | ${m("initMs").toFixed(1)} | ${(m("initMs") / anchorMs).toFixed(2)}× |`,
  );
  console.log(`| new Advisor() (default model and rule pack load) | ${m("advisorMs").toFixed(1)} | |`);
  console.log(`| first advise | ${m("firstAdviseMs").toFixed(1)} | |`);
  console.log(
    `| **cold: page script start → first report** (target ≤ 150) | ${m("coldMs").toFixed(1)} | ${(m("coldMs") / anchorMs).toFixed(2)}× |`,
  );
  console.log(`| **warm advise** (median of 15; target ≤ 30) | ${m("warmMs").toFixed(1)} | |`);
}
console.log(`\nload average (1 min) at start and end: ${load.map((l) => l.toFixed(1)).join(", ")}`);
