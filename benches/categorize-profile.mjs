// Where `advisor.categorize` of benches/categorize-core.mjs's 10,000 rows spends its time in headless
// Chromium: the V8 sampling profiler (Chrome DevTools Protocol) around RUNS warm calls, self time
// summed per function (JavaScript and wasm). Wasm function names need a module that kept its name
// section (`wasm-opt -Oz -g`, see benches/RESULTS.md, "categorize 10,000 rows").
// Usage: node benches/categorize-profile.mjs [PKG_DIR] [TOP]   (PKG_DIR defaults to pkg/)
// WARM=5 (default) calls run before the profiled ones; WARM=0 profiles the benchmark's own calls,
// the ones right after a 100-row warm-up, where V8 still runs much of the module in its baseline
// compiler (Liftoff). Each profiled call's time is printed too.
import { fileURLToPath } from "node:url";
import { join, normalize, resolve } from "node:path";
import { launch } from "../tests/e2e/browser.mjs";
import { routeFiles } from "./route-files.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = resolve(process.argv[2] ?? join(root, "pkg"));
const TOP = Number(process.argv[3] ?? 30);
const RUNS = Number(process.env.RUNS ?? 20);
const WARM = Number(process.env.WARM ?? 5);
const ORIGIN = "http://bench.local";

const browser = await launch();
try {
  const page = await browser.newPage();
  await routeFiles(page, ORIGIN, (path) => {
    const inPkg = path.startsWith("/pkg/");
    const base = inPkg ? pkg : root;
    const file = normalize(join(base, inPkg ? path.slice(5) : path));
    return file.startsWith(base) ? file : undefined;
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(
    async ([origin, warm]) => {
      const core = await import(`${origin}/benches/categorize-core.mjs`);
      const finadvice = await import(`${origin}/pkg/index.js`);
      await finadvice.init(`${origin}/pkg/finadvice_bg.wasm`);
      globalThis.rows = core.makeRows(10_000);
      globalThis.advisor = new finadvice.Advisor();
      globalThis.advisor.categorize(globalThis.rows.slice(0, 100));
      for (let i = 0; i < warm; i++) globalThis.advisor.categorize(globalThis.rows);
    },
    [ORIGIN, WARM],
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  const calls = await page.evaluate((runs) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      globalThis.advisor.categorize(globalThis.rows);
      times.push(performance.now() - t);
    }
    return times;
  }, RUNS);
  const wall = calls.reduce((a, b) => a + b, 0) / RUNS;
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const node of profile.nodes) {
    const name = node.callFrame.functionName || `(anonymous ${node.callFrame.url.split("/").pop()})`;
    self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `categorize(10,000 rows): ${wall.toFixed(1)} ms per call (${RUNS} calls after ${WARM} warm ones, profiler on): ${calls.map((t) => t.toFixed(1)).join(", ")}`,
  );
  console.log("| function | self ms per call | share |\n|---|---:|---:|");
  for (const [name, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`| ${name.slice(0, 90)} | ${(us / 1000 / RUNS).toFixed(2)} | ${((100 * us) / total).toFixed(1)}% |`);
} finally {
  await browser.close();
}
