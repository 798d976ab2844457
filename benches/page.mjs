// Time to first advice from a cold page in headless Chromium (issue 7): a fresh browser context per
// run, the module compiled and instantiated, the default model loaded, the first advise on a
// persona with 2,000 transactions; then the median of 15 warm advise calls. The anchor, in its own
// fresh context of the same run, is fetching and compiling the same .wasm bytes alone.
// Usage: node benches/page.mjs   (needs pkg/, built by scripts/build-pkg.sh)
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { launch } from '../tests/e2e/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;

/** A deterministic persona with `n` transactions over the 6 months before asOf. */
function persona(n) {
  const merchants = [['SQ *BLUE BOTTLE 0412 OAKLAND CA', -6.5], ['SAFEWAY #1234 SAN FRANCISCO CA', -84.2], ['NETFLIX.COM 866-579-7172 CA', -15.49],
    ['SHELL OIL 57442 OAKLAND CA', -41.0], ['AMZN MKTP US*2K4RT56 AMZN.COM/BILL WA', -29.99], ['PG&E WEB ONLINE PAYMENT', -96.1],
    ['ACME CORP PAYROLL PPD ID: 1234567890', 1825.0], ['UBER *TRIP HELP.UBER.COM CA', -18.4], ['CVS/PHARMACY #09876 OAKLAND CA', -12.75]];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const transactions = Array.from({ length: n }, (_, i) => {
    const [description, amount] = merchants[Math.floor(next() * merchants.length)];
    const day = 1 + Math.floor((i / n) * 180);
    const date = new Date(Date.UTC(2026, 4, 1) + day * 86400000).toISOString().slice(0, 10);
    return { date, description, amount: Math.round(amount * (0.8 + next() * 0.4) * 100) / 100 };
  });
  return {
    asOf: '2026-11-15', currency: 'USD', person: { age: 34, dependents: 1 },
    incomes: [{ name: 'Salary', grossAnnual: 72000, netMonthly: 4600 }],
    accounts: [{ name: 'Checking', kind: 'checking', balance: 2400 }, { name: 'Savings', kind: 'savings', balance: 5100 }],
    debts: [{ name: 'Visa', kind: 'credit_card', balance: 3900, aprPercent: 23.9, minPayment: 110 }],
    transactions,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'finadvice-bench-'));
writeFileSync(join(dir, 'profile.json'), JSON.stringify(persona(2000)));
const mounts = [['/pkg/', join(root, 'pkg')], ['/profile.json', join(dir, 'profile.json')], ['/', join(root, 'benches', 'page')]];
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const [prefix, base] = mounts.find(([p]) => path.startsWith(p));
  const file = prefix.endsWith('/') ? join(base, path.slice(prefix.length) || 'index.html') : base;
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();

async function run(mode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}?mode=${mode}`);
  await page.waitForFunction(() => window.__result, null, { timeout: 60_000 });
  const result = await page.evaluate(() => window.__result);
  await context.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
const anchor = [];
for (let i = 0; i < RUNS; i++) {
  cold.push(await run('cold'));
  anchor.push((await run('anchor')).anchorMs);
}
await browser.close();
server.close();

const m = (key) => median(cold.map((r) => r[key]));
const anchorMs = median(anchor);
console.log(`| measure (Chromium, median of ${RUNS} fresh contexts, ${cold[0].transactions} transactions, ${cold[0].actions} actions) | ms | vs anchor |`);
console.log('|---|---:|---:|');
console.log(`| anchor: fetch + compile finadvice_bg.wasm alone | ${anchorMs.toFixed(1)} | 1.00× |`);
console.log(`| init (import, fetch, compile, instantiate) | ${m('initMs').toFixed(1)} | ${(m('initMs') / anchorMs).toFixed(2)}× |`);
console.log(`| new Advisor() (default model and rule pack load) | ${m('advisorMs').toFixed(1)} | |`);
console.log(`| first advise | ${m('firstAdviseMs').toFixed(1)} | |`);
console.log(`| **cold: page script start → first report** (target ≤ 150) | ${m('coldMs').toFixed(1)} | ${(m('coldMs') / anchorMs).toFixed(2)}× |`);
console.log(`| **warm advise** (median of 15; target ≤ 30) | ${m('warmMs').toFixed(1)} | |`);
