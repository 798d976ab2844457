// Main-thread CPU time of the cold path in headless Chromium, for a shared machine whose load
// makes wall-clock times (benches/page.mjs) swing by tens of milliseconds: the page's main thread
// is timed with the Chrome DevTools Protocol (`Performance.getMetrics` → ThreadTime, CPU time of
// the renderer's main thread) around two steps run one at a time in a fresh context: init (import,
// fetch, compile, instantiate, new Advisor()) and the first advise on the 2,000-transaction
// persona of page.mjs. Background threads (streaming compilation, tier-up) are not counted, so
// init's CPU is far below its wall time; the first advise runs on the main thread. "Process CPU"
// (ProcessTime: every thread of the renderer) adds the background threads, chiefly V8's
// optimizing (TurboFan) compiles of the functions that got hot, which compete with the main
// thread for the machine's two cores.
// Usage: node benches/page-cpu.mjs PKG_DIR [PKG_DIR ...]   (runs interleaved, RUNS=9 by default)
// Prints medians per package and, for each package, the median of its paired differences with the
// first one (run i of each package ran back to back).
import { resolve } from "node:path";
import { loadavg } from "node:os";
import { launch } from "../tests/e2e/browser.mjs";
import { startServer } from "./page-server.mjs";

const RUNS = Number(process.env.RUNS ?? 9);
const dirs = (process.argv.length > 2 ? process.argv.slice(2) : ["pkg"]).map((d) => resolve(d));
const servers = await Promise.all(dirs.map((d) => startServer(d)));
const browser = await launch();

async function run(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  await page.goto(`${url}cpu.html`);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
  const metrics = async () => {
    const all = (await cdp.send("Performance.getMetrics")).metrics;
    return ["ThreadTime", "ProcessTime"].map((name) => all.find((m) => m.name === name).value * 1000);
  };
  const result = {};
  for (const step of ["init", "firstAdvise"]) {
    const [thread, process] = await metrics();
    result[`${step}Wall`] = await page.evaluate(async (s) => {
      const t = performance.now();
      await window.__steps[s]();
      return performance.now() - t;
    }, step);
    const [threadAfter, processAfter] = await metrics();
    result[`${step}Cpu`] = threadAfter - thread;
    result[`${step}ProcessCpu`] = processAfter - process;
  }
  await context.close();
  return result;
}

const results = dirs.map(() => []);
const load = [loadavg()[0]];
for (let i = 0; i < RUNS; i++) {
  const order = i % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()];
  for (const k of order) results[k].push(await run(servers[k].url));
}
load.push(loadavg()[0]);
await browser.close();
servers.forEach((s) => s.close());

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(
  `| package (median of ${RUNS} fresh contexts, ms) | init CPU | init wall | first advise CPU | first advise process CPU (mean) | first advise wall | first advise CPU − first package's (paired) |`,
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const [k, dir] of dirs.entries()) {
  const m = (key) => median(results[k].map((r) => r[key])).toFixed(1);
  const paired = median(results[k].map((r, i) => r.firstAdviseCpu - results[0][i].firstAdviseCpu)).toFixed(1);
  // ProcessTime moves in coarse steps (whole scheduler ticks): its mean, not its median.
  const mean = (key) => (results[k].reduce((a, r) => a + r[key], 0) / results[k].length).toFixed(1);
  console.log(
    `| ${dir} | ${m("initCpu")} | ${m("initWall")} | ${m("firstAdviseCpu")} | ${mean("firstAdviseProcessCpu")} | ${m("firstAdviseWall")} | ${paired} |`,
  );
}
console.log(`\nload average (1 min) at start and end: ${load.map((l) => l.toFixed(1)).join(", ")}`);
