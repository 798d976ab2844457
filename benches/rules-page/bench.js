// Runs in headless Chromium: the same 1,000 conditions evaluated by finadvice (a rule pack in
// wasm, through `advise`, which also computes the facts and renders the fired rules' messages and
// traces), json-logic-js (`apply` per rule) and json-rules-engine (`run` over the facts).
import init, { Advisor } from '/pkg/index.js';

const MIN_MS = 1500;

async function time(fn) {
  for (let i = 0; i < 3; i++) await fn(); // warm up
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    await fn();
    runs++;
    elapsed = performance.now() - start;
  }
  return elapsed / runs;
}

async function main() {
  const { pack, profile, rulesEngineRules } = await (await fetch('/input.json')).json();
  await init();
  const advisor = new Advisor({ rulePack: pack });
  const defaultAdvisor = new Advisor();
  // The same conditions with a final `false` conjunct: every comparison is still evaluated, nothing
  // fires, so this isolates evaluation from building the actions (messages, traces, report).
  const silentPack = { ...pack, rules: pack.rules.map((r) => ({ ...r, when: { and: [...r.when.and, false] } })) };
  const silentAdvisor = new Advisor({ rulePack: silentPack });
  const report = advisor.advise(profile);
  const data = { facts: report.facts, constants: {}, plans: {} };
  const { jsonLogic, Engine } = globalThis.anchors;

  const ours = report.actions.map((a) => a.rule).sort();
  const jl = pack.rules.filter((r) => jsonLogic.truthy(jsonLogic.apply(r.when, data))).map((r) => r.id).sort();
  const engine = new Engine(rulesEngineRules, { allowUndefinedFacts: true });
  const flatFacts = { ...report.facts };
  const rre = (await engine.run(flatFacts)).events.map((e) => e.type).sort();
  const agree = JSON.stringify(ours) === JSON.stringify(jl) && JSON.stringify(jl) === JSON.stringify(rre);

  const results = {
    fired: ours.length,
    agree,
    finadvice: await time(() => advisor.advise(profile)),
    fixedCost: await time(() => defaultAdvisor.advise(profile)),
    evaluationOnly: await time(() => silentAdvisor.advise(profile)),
    jsonLogic: await time(() => {
      let n = 0;
      for (const r of pack.rules) if (jsonLogic.truthy(jsonLogic.apply(r.when, data))) n++;
      return n;
    }),
    jsonRulesEngine: await time(() => engine.run(flatFacts)),
  };
  window.benchResults = results;
}

main().catch((e) => { window.benchResults = { error: String(e && e.stack || e) }; });
