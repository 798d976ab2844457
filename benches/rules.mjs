// Rule-engine speed in headless Chromium: a generated 1,000-rule pack over the facts of
// tests/profiles/new-graduate.json, evaluated by finadvice (wasm), json-logic-js 2.0.5 (the anchor)
// and json-rules-engine 7.3.1, in the same page. Prints rules/s and the ratio to json-logic-js.
// Needs pkg/ (scripts/build-pkg.sh) and benches/node_modules (benches/run.sh installs it).
// Usage: node benches/rules.mjs [RULES]
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launch } from '../tests/e2e/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RULES = Number(process.argv[2] ?? 1000);

// Deterministic generator (LCG), so every run measures the same pack.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const profile = JSON.parse(readFileSync(join(root, 'tests/profiles/new-graduate.json'), 'utf8'));
// Numeric, non-null facts of that profile (from a finadvice report, copied here to stay standalone).
const FACTS = {
  monthlyNetIncome: 3650, grossAnnualIncome: 58000, essentialMonthly: 2100, discretionaryMonthly: 650,
  spendingMonthly: 2750, debtMinimumsMonthly: 419, monthlySurplus: 481, savingsRate: 0.1318, liquidSavings: 2000,
  emergencyFundMonths: 0.794, totalDebt: 31200, weightedAprPercent: 8.1237, highestAprPercent: 24.99,
  debtToIncome: 0.0867, totalAssets: 4500, investedAssets: 2500, netWorth: -26700, retirementContributionMonthly: 145,
  employerMatchAnnual: 870, unclaimedEmployerMatchAnnual: 870, contributionForFullMatchMonthly: 145,
  retirementSavingRate: 0.045, yearsToRetirement: 44,
};
const OPS = [['<', 'lessThan'], ['<=', 'lessThanInclusive'], ['>', 'greaterThan'], ['>=', 'greaterThanInclusive']];

const rules = [];
const rulesEngineRules = [];
for (let i = 0; i < RULES; i++) {
  const conditions = [];
  const rre = [];
  const count = 2 + Math.floor(random() * 2);
  for (let k = 0; k < count; k++) {
    const fact = pick(Object.keys(FACTS));
    const [op, rreOp] = pick(OPS);
    // A threshold around the fact's value, so about half of the comparisons hold.
    const value = Math.round(FACTS[fact] * (0.6 + random() * 0.8) * 100) / 100;
    conditions.push({ [op]: [{ var: `facts.${fact}` }, value] });
    rre.push({ fact, operator: rreOp, value });
  }
  const id = `r${i}`;
  rules.push({ id, priority: Math.floor(random() * 100), category: 'bench', when: { and: conditions },
    title: `Rule ${i}: {{facts.monthlySurplus | money}}`, detail: `{{facts.emergencyFundMonths | number:1}} months` });
  rulesEngineRules.push({ conditions: { all: rre }, event: { type: id } });
}
const pack = { id: 'bench', version: '1', locale: 'en-US', currency: 'USD', rules };
const input = JSON.stringify({ pack, profile, rulesEngineRules });

const anchors = await build({
  entryPoints: [join(root, 'benches/rules-page/anchors.js')], bundle: true, format: 'iife', platform: 'browser',
  write: false, minify: true, logLevel: 'silent',
});
const files = {
  '/': ['text/html', readFileSync(join(root, 'benches/rules-page/index.html'))],
  '/bench.js': ['text/javascript', readFileSync(join(root, 'benches/rules-page/bench.js'))],
  '/anchors.js': ['text/javascript', anchors.outputFiles[0].contents],
  '/input.json': ['application/json', input],
};
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  try {
    const [type, body] = files[path] ?? (path.startsWith('/pkg/') && !path.includes('..')
      ? [path.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', readFileSync(join(root, path))] : null);
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 300_000 });
  const r = await page.evaluate(() => window.benchResults);
  if (r.error) throw new Error(r.error);
  const version = await browser.version();
  const rate = (ms) => RULES / (ms / 1000);
  const row = (name, ms) => `| ${name} | ${ms.toFixed(3)} | ${Math.round(rate(ms)).toLocaleString('en-US')} | ${(r.jsonLogic / ms).toFixed(2)}× |`;
  console.log(`Chromium ${version}; ${RULES} rules (2–3 comparisons each), ${r.fired} fire; all three engines agree on which: ${r.agree}`);
  console.log('| engine | ms per pack | rules/s | speed vs json-logic-js |');
  console.log('|---|---:|---:|---:|');
  console.log(row('finadvice `advise` (wasm: facts + rules + messages + traces)', r.finadvice));
  console.log(row('json-logic-js 2.0.5 `apply` per rule (anchor)', r.jsonLogic));
  console.log(row('finadvice `advise`, same conditions + a final `false` (evaluation only, no actions)', r.evaluationOnly));
  console.log(`| finadvice \`advise\` with the 6-rule default pack (per-call cost, for reference) | ${r.fixedCost.toFixed(3)} | | |`);
  console.log(row('json-rules-engine 7.3.1 `run`', r.jsonRulesEngine));
  if (!r.agree) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
