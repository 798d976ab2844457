// Compares two builds of the package in Node (the same V8 as Chromium): size, `new Advisor()`,
// categorize 10,000 rows and advise on a 2,000-transaction profile, interleaved run by run so
// both see the same machine load. Usage: node benches/simd.mjs BASELINE_PKG_DIR OTHER_PKG_DIR
// (benches/simd.sh builds the +simd128 package and calls this with pkg and target/pkg-simd).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { makeRows } from "./categorize-core.mjs";

const RUNS = 9;
const dirs = process.argv.slice(2, 4);
if (dirs.length !== 2) throw new Error("usage: node benches/simd.mjs BASELINE_PKG_DIR OTHER_PKG_DIR");

const rows = makeRows(10000);
const profile = {
  asOf: "2026-11-15",
  currency: "USD",
  person: { age: 34, dependents: 1 },
  incomes: [{ name: "Salary", grossAnnual: 72000, netMonthly: 4600 }],
  accounts: [{ name: "Checking", kind: "checking", balance: 2400 }],
  debts: [{ name: "Visa", kind: "credit_card", balance: 3900, aprPercent: 23.9, minPayment: 110 }],
  transactions: makeRows(2000).map((row, i) => ({
    date: new Date(Date.UTC(2026, 4, 1) + Math.floor((i * 180) / 2000) * 86400000).toISOString().slice(0, 10),
    description: row.description,
    amount: row.amount,
  })),
};

const builds = [];
for (const dir of dirs) {
  const wasm = readFileSync(resolve(dir, "finadvice_bg.wasm"));
  const module = await import(pathToFileURL(resolve(dir, "index.js")).href);
  await module.init(wasm);
  builds.push({
    dir,
    module,
    raw: wasm.length,
    gzip: gzipSync(wasm, { level: 9 }).length,
    times: { load: [], categorize: [], advise: [] },
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn) {
  const t = performance.now();
  const out = fn();
  return [performance.now() - t, out];
}

for (let run = 0; run < RUNS; run++) {
  for (const b of builds) {
    const [load, advisor] = time(() => new b.module.Advisor());
    const [categorize, categories] = time(() => advisor.categorize(rows));
    const [advise] = time(() => advisor.advise(profile));
    if (categories.length !== rows.length) throw new Error(`${b.dir}: ${categories.length} rows categorized`);
    b.times.load.push(load);
    b.times.categorize.push(categorize);
    b.times.advise.push(advise);
    advisor.free?.();
  }
}
const [base, other] = builds;
const same =
  JSON.stringify(new base.module.Advisor().categorize(rows)) ===
  JSON.stringify(new other.module.Advisor().categorize(rows));

console.log(`Node ${process.version}, median of ${RUNS} interleaved runs (the first run includes V8's tier-up)\n`);
console.log(`| measure | ${base.dir} | ${other.dir} | ratio |`);
console.log("|---|---:|---:|---:|");
console.log(`| wasm raw (bytes) | ${base.raw} | ${other.raw} | ${(other.raw / base.raw).toFixed(3)}× |`);
console.log(`| wasm gzip -9 (bytes) | ${base.gzip} | ${other.gzip} | ${(other.gzip / base.gzip).toFixed(3)}× |`);
for (const [key, label] of [
  ["load", "new Advisor() (ms)"],
  ["categorize", "categorize 10,000 rows (ms)"],
  ["advise", "advise, 2,000 transactions (ms)"],
]) {
  const a = median(base.times[key]);
  const o = median(other.times[key]);
  console.log(`| ${label} | ${a.toFixed(1)} | ${o.toFixed(1)} | ${(o / a).toFixed(2)}× |`);
}
console.log(`\nsame categories and confidences from both builds: ${same}`);
