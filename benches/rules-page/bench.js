// Runs in headless Chromium: the same 1,000 conditions evaluated by finadvice's compiled pack
// (`new RulePack(pack).evaluate(data)`, reading the same JS object json-logic-js reads), by
// json-logic-js (`apply` per rule), by json-rules-engine (`run` over the facts), and finadvice's
// whole `advise` call with the pack. The engines are timed in interleaved rounds, so that load from
// other processes on a shared machine falls on all of them alike; each gets the median of its rounds.
import init, { Advisor, RulePack } from "/pkg/index.js";

const ROUNDS = 15;
const BATCH_MS = 60;

async function calibrate(fn) {
  for (let i = 0; i < 5; i++) await fn(); // warm up
  let n = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < n; i++) await fn();
    const ms = performance.now() - start;
    if (ms >= BATCH_MS / 4) return Math.max(1, Math.round((n * BATCH_MS) / ms));
    n *= 2;
  }
}

async function batch(fn, n) {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return (performance.now() - start) / n;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { pack, profile, rulesEngineRules } = await (await fetch("/input.json")).json();
  await init();
  const advisor = new Advisor({ rulePack: pack });
  const defaultAdvisor = new Advisor();
  const compiled = new RulePack(pack);
  const report = advisor.advise(profile);
  // One data object for both JSON Logic engines (finadvice's constants are the pack's own).
  const data = { facts: report.facts, plans: {} };
  const { jsonLogic, Engine } = globalThis.anchors;
  const engine = new Engine(rulesEngineRules, { allowUndefinedFacts: true });
  const flatFacts = { ...report.facts };

  const jsonLogicIds = () => {
    const ids = [];
    for (const r of pack.rules) if (jsonLogic.truthy(jsonLogic.apply(r.when, data))) ids.push(r.id);
    return ids;
  };
  const sorted = (ids) => JSON.stringify([...ids].sort());
  const fired = {
    rulePack: sorted(compiled.evaluate(data)),
    advise: sorted(report.actions.map((a) => a.rule)),
    jsonLogic: sorted(jsonLogicIds()),
    jsonRulesEngine: sorted((await engine.run(flatFacts)).events.map((e) => e.type)),
  };
  const agree = Object.values(fired).every((ids) => ids === fired.jsonLogic);

  const engines = {
    rulePack: () => compiled.evaluate(data),
    jsonLogic: jsonLogicIds,
    advise: () => advisor.advise(profile),
    fixedCost: () => defaultAdvisor.advise(profile),
    jsonRulesEngine: () => engine.run(flatFacts),
  };
  const sizes = {};
  for (const [name, fn] of Object.entries(engines)) sizes[name] = await calibrate(fn);
  const samples = Object.fromEntries(Object.keys(engines).map((name) => [name, []]));
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(engines)) samples[name].push(await batch(fn, sizes[name]));
    ratios.push(samples.jsonLogic[round] / samples.rulePack[round]);
  }
  const results = {
    fired: JSON.parse(fired.jsonLogic).length,
    agree,
    rounds: ROUNDS,
    roundRatio: median(ratios),
    roundRatioMin: Math.min(...ratios),
    roundRatioMax: Math.max(...ratios),
  };
  for (const name of Object.keys(engines)) results[name] = median(samples[name]);
  window.benchResults = results;
}

main().catch((e) => {
  window.benchResults = { error: String((e && e.stack) || e) };
});
