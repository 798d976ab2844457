// Where the cold path of benches/page.mjs spends its time in Chromium: the same page and persona,
// with the V8 sampling profiler (Chrome DevTools Protocol) recording each phase separately
// (init, new Advisor(), first advise, one warm advise) through console.profile. Prints, per
// phase, the functions with the most self time, summed over RUNS fresh contexts.
// Function names need a module that kept its name section: build one with
//   wasm-bindgen --target web --out-dir DIR ... && wasm-opt -Oz -g ... (see benches/RESULTS.md)
// Usage: node benches/page-profile.mjs [PKG_DIR] [TOP]   (PKG_DIR defaults to pkg/)
// SAVE=/tmp/prof writes each run's profiles to /tmp/prof-RUN.json.
// INCLUSIVE='Categorizer::load,RulePack::from_json' also prints, per phase, the time spent inside
// (self or callees) functions whose names contain each of these texts.
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { writeFileSync } from "node:fs";
import { launch } from "../tests/e2e/browser.mjs";
import { startServer } from "./page-server.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = resolve(process.argv[2] ?? `${root}/pkg`);
const TOP = Number(process.argv[3] ?? 25);
const RUNS = Number(process.env.RUNS ?? 3);

const { url, close } = await startServer(pkg);
const browser = await launch();
const INCLUSIVE = (process.env.INCLUSIVE ?? "").split(",").filter(Boolean);
const totals = new Map(); // phase → Map(function → self µs)
const inclusive = new Map(); // phase → Map(text → µs)
const wall = new Map(); // phase → [ms]

for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  const profiles = [];
  cdp.on("Profiler.consoleProfileFinished", ({ title, profile }) => profiles.push({ title, profile }));
  await page.goto(`${url}?mode=cold&profile=1`);
  await page.waitForFunction(() => window.__result, null, { timeout: 120_000 });
  const result = await page.evaluate(() => window.__result);
  for (const [phase, key] of [
    ["init", "initMs"],
    ["advisor", "advisorMs"],
    ["first advise", "firstAdviseMs"],
    ["warm advise", "warmMs"],
  ]) {
    wall.set(phase, [...(wall.get(phase) ?? []), result[key]]);
  }
  if (process.env.SAVE) writeFileSync(`${process.env.SAVE}-${run}.json`, JSON.stringify(profiles));
  for (const { title, profile } of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const phase = totals.get(title) ?? new Map();
    totals.set(title, phase);
    const within = inclusive.get(title) ?? new Map();
    inclusive.set(title, within);
    const deltas = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id).callFrame;
      const name = frame.functionName || `(anonymous ${frame.url.split("/").pop()}:${frame.lineNumber})`;
      const dt = deltas[i + 1] ?? 0; // time until the next sample is spent in this one
      phase.set(name, (phase.get(name) ?? 0) + dt);
      const hit = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const fn = byId.get(at).callFrame.functionName;
        for (const text of INCLUSIVE) if (fn.includes(text)) hit.add(text);
      }
      for (const text of hit) within.set(text, (within.get(text) ?? 0) + dt);
    });
  }
  await context.close();
}
await browser.close();
close();

for (const [phase, fns] of totals) {
  const total = [...fns.values()].reduce((a, b) => a + b, 0);
  const ms = wall.get(phase) ?? [];
  console.log(
    `\n## ${phase}: ${(total / 1000 / RUNS).toFixed(1)} ms sampled per run; wall per run: ${ms.map((m) => m.toFixed(0)).join(", ")} ms`,
  );
  for (const text of INCLUSIVE) {
    const us = inclusive.get(phase)?.get(text) ?? 0;
    if (us > 0)
      console.log(
        `${(us / 1000 / RUNS).toFixed(2).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  inside ${text}`,
      );
  }
  const rows = [...fns].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  for (const [name, us] of rows) {
    console.log(
      `${(us / 1000 / RUNS).toFixed(2).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`,
    );
  }
}
