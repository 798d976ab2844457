// What V8 compiles during a cold page's init and first advise: every function is
// compiled by Liftoff on its first call (on the page's thread), and the ones that run long enough
// are recompiled by TurboFan on background threads, which compete with the page for the CPU on a
// small machine. Chromium is run with `--js-flags=--trace-wasm-compilation-times`; the table sums
// both tiers and lists the costliest TurboFan compiles. The cost grows with the size of the
// function recompiled, so a hot loop inside a large function is expensive: give it a function of
// its own (`#[inline(never)]`, see `Advisor::report`).
// Usage: node benches/page-tierup.mjs [PKG_DIR]   (default pkg/; RUNS=3)
// Function names are shown when the module keeps its name section; build one with the steps of
// scripts/build-pkg.sh, adding `-g` to the wasm-opt command line.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawn } from "node:child_process";
import { resolve, join } from "node:path";
import binaryen from "binaryen";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/e2e/browser.mjs";
import { startServer } from "./page-server.mjs";

const RUNS = Number(process.env.RUNS ?? 3);
const dir = resolve(process.argv[2] ?? "pkg");
const names = functionNames(readFileSync(join(dir, "finadvice_bg.wasm")));
const { url, close } = await startServer(dir);

/** Function index → name, from the module's name section (binaryen, already a dependency of the
 * build); empty without one (binaryen then makes up names: plain numbers and `fimport$N`). */
function functionNames(bytes) {
  const module = binaryen.readBinary(bytes);
  const names = new Map();
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const { name } = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (!/^(\d+|fimport\$\d+)$/.test(name)) names.set(i, name.replace(/::h[0-9a-f]{16}$/, ""));
  }
  module.dispose();
  return names;
}

/** Chromium started by hand, so that its stdout (where the renderer's V8 prints) is ours. */
async function launchTracing(output) {
  const profile = mkdtempSync(join(tmpdir(), "finadvice-tierup-"));
  const browser = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      `--user-data-dir=${profile}`,
      "--remote-debugging-port=0",
      "--js-flags=--trace-wasm-compilation-times",
      "about:blank",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  browser.stdout.on("data", (chunk) => output.push(chunk.toString()));
  const endpoint = await new Promise((ok, fail) => {
    let err = "";
    browser.stderr.on("data", (chunk) => {
      err += chunk;
      const match = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) ok(match[1]);
    });
    browser.on("exit", () => fail(new Error(`chromium exited: ${err}`)));
  });
  const cdp = await chromium.connectOverCDP(endpoint);
  const stop = async () => {
    browser.removeAllListeners("exit");
    const exited = new Promise((ok) => browser.on("exit", ok));
    await (await cdp.newBrowserCDPSession()).send("Browser.close"); // lets its helper processes end too
    await exited;
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    } catch (error) {
      console.error(`left ${profile} behind: ${error.message}`);
    }
  };
  return { cdp, stop };
}

async function run() {
  const output = [];
  const { cdp, stop } = await launchTracing(output);
  const page = await (await cdp.newContext()).newPage();
  await page.goto(`${url}cpu.html`);
  await page.waitForFunction(() => window.__ready);
  const wall = {};
  for (const step of ["init", "firstAdvise"]) {
    wall[step] = await page.evaluate(async (s) => {
      const t = performance.now();
      await window.__steps[s]();
      return performance.now() - t;
    }, step);
  }
  await page.waitForTimeout(300); // compiles that finish just after
  await stop();
  return { wall, compiles: parse(output.join("")) };
}

function parse(text) {
  return [...text.matchAll(/Compiled function 0x[0-9a-f]+#(\d+) using (\w+), took (\d+) μs.*?bodysize (\d+)/g)].map(
    ([, index, tier, us, body]) => ({ index: Number(index), tier, ms: Number(us) / 1000, body: Number(body) }),
  );
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await run());
close();

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`| tier (mean of ${RUNS} cold pages: init + first advise) | functions | compile ms (CPU) | body bytes |`);
console.log("|---|---:|---:|---:|");
for (const tier of ["Liftoff", "TurboFan"]) {
  const per = runs.map((r) => r.compiles.filter((c) => c.tier === tier));
  console.log(
    `| ${tier} | ${mean(per.map((c) => c.length)).toFixed(0)} | ${mean(per.map((c) => c.reduce((a, x) => a + x.ms, 0))).toFixed(1)} | ${mean(per.map((c) => c.reduce((a, x) => a + x.body, 0))).toFixed(0)} |`,
  );
}
console.log(
  `\nwall (mean): init ${mean(runs.map((r) => r.wall.init)).toFixed(1)} ms, first advise ${mean(runs.map((r) => r.wall.firstAdvise)).toFixed(1)} ms (slowed by the tracing)`,
);
const top = new Map();
for (const r of runs)
  for (const c of r.compiles.filter((x) => x.tier === "TurboFan")) {
    const t = top.get(c.index) ?? { ms: 0, body: c.body };
    t.ms += c.ms / RUNS;
    top.set(c.index, t);
  }
console.log("\n| costliest TurboFan compiles | body bytes | ms (mean) |\n|---|---:|---:|");
for (const [index, t] of [...top].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
  console.log(`| #${index} ${names.get(index) ?? ""} | ${t.body} | ${t.ms.toFixed(1)} |`);
}
