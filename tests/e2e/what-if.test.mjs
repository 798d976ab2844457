// End to end: what-if, live (issue 18) — the calculators rerun in the Worker as the person moves
// the inputs, with no submit, and the plan itself stays as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openDemo, nextOutcome, choose, shot, field, state, assertAxeClean, serveDemo } from "./page-helpers.mjs";

const demo = serveDemo();

test("what-if, live: extra payment and order, retirement age and mix, recomputed without a submit", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url);
  const { report } = await choose(page, "examples/new-graduate");
  const debtResult = "fin-advice >> .what-if-debt .what-if-result";
  await page.waitForFunction(() =>
    /Debt-free in/.test(
      document.querySelector("fin-advice").shadowRoot.querySelector(".what-if-debt .what-if-result")?.textContent ?? "",
    ),
  );
  assert.match(await page.textContent(debtResult), /the same as your plan/);
  await page.fill('fin-advice >> .what-if-debt input[type="number"]', "300");
  await page.waitForFunction(() =>
    /sooner/.test(
      document.querySelector("fin-advice").shadowRoot.querySelector(".what-if-debt .what-if-result").textContent,
    ),
  );
  const faster = await page.textContent(debtResult);
  assert.match(faster, /sooner and \$[\d,]+ less interest than your plan/, faster);
  // The Worker's own calculator gives the same numbers as the text.
  const plan = await page.evaluate(async (budget) => {
    const { startEngine } = await import("/pkg/element/engine-client.js");
    const engine = startEngine();
    const result = await engine.call("planDebtPayoff", {
      asOf: "2026-11-15",
      monthlyBudget: budget,
      strategy: "avalanche",
      debts: [
        { name: "Visa", balance: 4200, aprPercent: 24.99, minPayment: 126 },
        { name: "Federal loans", balance: 27000, aprPercent: 5.5, minPayment: 293 },
      ],
    });
    engine.terminate();
    return result;
  }, report.plans.debtPayoff.monthlyBudget + 300);
  assert.ok(
    faster.includes(`Debt-free in`) &&
      faster.includes(
        new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(
          plan.totalInterest,
        ),
      ),
    `${faster} vs ${plan.totalInterest}`,
  );
  assert.equal(
    await page.getAttribute("fin-advice >> .results", "data-state"),
    "plan",
    "what-if leaves the plan current",
  );

  const retirement = "fin-advice >> .what-if-retirement .what-if-result";
  await page.waitForFunction(() =>
    /simulated markets/.test(
      document.querySelector("fin-advice").shadowRoot.querySelector(".what-if-retirement .what-if-result")
        ?.textContent ?? "",
    ),
  );
  const before = await page.textContent(retirement);
  // Untouched, the what-if is the plan's own projection (Social Security and the tax on withdrawals included).
  const [, shownChance, planChance] = /In (\d+)% of simulated markets.* Your plan: (\d+)%/.exec(before);
  assert.equal(shownChance, planChance, before);
  assert.equal(Number(planChance), Math.round(report.plans.retirement.successProbability * 100));
  await page.fill('fin-advice >> .what-if-retirement input[type="number"] >> nth=0', "72");
  await page.waitForFunction(
    (old) =>
      document.querySelector("fin-advice").shadowRoot.querySelector(".what-if-retirement .what-if-result")
        .textContent !== old,
    before,
  );
  const later = await page.textContent(retirement);
  const chance = (t) => Number(/In (\d+)%/.exec(t)[1]);
  const middle = (t) => Number(/you have \$([\d,]+)/.exec(t)[1].replace(/,/g, ""));
  // Retiring later: more saved in the middle case, and the money lasts at least as often (with
  // Social Security counted, this plan already lasts in every simulated market).
  assert.match(later, / at 72\./);
  assert.ok(middle(later) > middle(before), `retiring later, more saved: ${before} → ${later}`);
  assert.ok(chance(later) >= chance(before), `retiring later lasts as long: ${before} → ${later}`);
  await assertAxeClean(page, "what-if");
  await shot(page, "page-what-if-1280");
  await context.close();
});

test("the risk questionnaire on the page sets the what-if mix", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url);
  await choose(page, "examples/new-graduate");
  await page.click("fin-advice >> .risk summary");
  await page.waitForSelector("fin-advice >> .risk fieldset");
  await page.click('fin-advice >> .risk button[type="submit"]');
  assert.match(await page.textContent("fin-advice >> .risk-result"), /Please answer the 10 questions left/);
  const groups = await page.$$("fin-advice >> .risk fieldset");
  for (const group of groups) await (await group.$$('input[type="radio"]')).at(-1).check();
  await page.click('fin-advice >> .risk button[type="submit"]');
  await page.waitForFunction(() =>
    /investor/.test(document.querySelector("fin-advice").shadowRoot.querySelector(".risk-result").textContent),
  );
  const result = await page.textContent("fin-advice >> .risk-result");
  assert.match(result, /aggressive investor: \d+% stocks/, result);
  const mix = await page.$eval("fin-advice >> .what-if-retirement select", (s) => [s.value, s.selectedOptions[0].text]);
  assert.equal(mix[0], "answers");
  const stocks = /(\d+)% stocks/.exec(result)[1];
  assert.ok(mix[1].includes(`${stocks}% stocks`), mix[1]);
  await page.waitForFunction(() =>
    /simulated markets/.test(
      document.querySelector("fin-advice").shadowRoot.querySelector(".what-if-retirement .what-if-result").textContent,
    ),
  );
  await assertAxeClean(page, "risk questionnaire answered");
  await context.close();
});
