// The element's words for impacts (pkg/element/explain.js): sentences come from the impact's kind
// and unit, which the rule pack gives, so a rule the page has never seen is worded right.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import init, { Advisor } from "../../pkg/index.js";
import { impactWords, IMPACT_KINDS, plainTrace } from "../../pkg/element/explain.js";
import { money } from "../../pkg/element/format.js";

const repo = new URL("../../", import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, repo), "utf8"));

test("every impact kind of the pack schema has a sentence, and the default pack gives every impact a kind", () => {
  const schema = json("rules/rule-pack.schema.json");
  assert.deepEqual(IMPACT_KINDS, schema.$defs.rule.properties.impactKind.enum);
  const pack = json("rules/us-default.json");
  const withImpact = pack.rules.filter((r) => r.impact);
  assert.ok(withImpact.length > 10);
  for (const rule of withImpact) assert.ok(IMPACT_KINDS.includes(rule.impactKind), `${rule.id}: ${rule.impactKind}`);
});

test("sentences by kind and unit, with the currency and the unit in the words", () => {
  const words = (value, unit, kind) => impactWords({ rule: "any", impact: { value, unit, kind } }, "USD");
  assert.equal(words(2394, "money", "interest-saved"), "Saves $2,394 in interest");
  assert.equal(words(870, "money/year", "free-money"), "$870 a year of free money from your employer");
  assert.equal(words(1500, "money", "to-set-aside"), "$1,500 still to set aside");
  assert.equal(words(450, "money/month", "to-set-aside"), "$450 a month to set aside");
  assert.equal(words(7000, "money/year", "tax-room"), "$7,000 a year of tax-advantaged room still open");
  assert.equal(words(12.5, "money/month", "to-invest"), "$12.50 a month to invest");
  assert.equal(words(6000, "money/year", "shortfall"), "$6,000 a year more going out than coming in");
  assert.equal(words(240, "money/year", "could-keep"), "Up to $240 a year you could keep");
  // Without a kind (or with one this page does not know): the value with its unit, never a bare number.
  assert.equal(words(870, "money/year", undefined), "$870 a year");
  assert.equal(words(870, "money/year", "a-kind-from-a-newer-pack"), "$870 a year");
  assert.equal(words(14, "months", null), "1 year 2 months");
  assert.equal(words(5, "percent", null), "5%");
  assert.equal(impactWords({ rule: "x", impact: { value: null, unit: "money", kind: "to-invest" } }, "USD"), null);
  assert.equal(impactWords({ rule: "x", impact: null }, "USD"), null);
  // In the profile's currency.
  assert.match(words(2394, "money", "interest-saved"), /^Saves \$2,394/);
  assert.match(impactWords({ impact: { value: 2394, unit: "money", kind: "interest-saved" } }, "EUR"), /€/);
});

test("a new rule in a custom pack gets its sentence from the report, with no code for it", async () => {
  await init();
  const pack = {
    id: "custom",
    version: "1",
    locale: "en-US",
    currency: "USD",
    sources: [{ id: "s1", title: "A source" }],
    rules: [
      {
        id: "brand-new-rule",
        category: "test",
        when: true,
        title: "Put the surplus to work",
        detail: "d",
        impact: "facts.monthlySurplus",
        impactUnit: "money/month",
        impactKind: "to-invest",
      },
    ],
  };
  const profile = json("tests/profiles/new-graduate.json");
  const report = new Advisor({ rulePack: pack }).advise(profile);
  const [action] = report.actions;
  assert.equal(action.rule, "brand-new-rule");
  assert.equal(action.impact.kind, "to-invest");
  const surplus = report.facts.monthlySurplus;
  assert.ok(surplus > 0);
  assert.equal(impactWords(action, "USD"), `${money(surplus, "USD")} a month to invest`);
});

test("the reasons in plain sentences with the person's numbers, units included", () => {
  const catalog = { highestAprPercent: { unit: "percent" }, liquidSavings: { unit: "money" } };
  assert.equal(
    plainTrace("facts.highestAprPercent 24.99 >= constants.highInterestAprPercent 10", catalog),
    "The highest interest rate on your debts (24.99%) is at least the rate counted as high interest (10%).",
  );
  assert.equal(
    plainTrace("facts.liquidSavings 2000 < values.target 2100", catalog),
    "Your cash savings ($2,000) is less than the target ($2,100).",
  );
  // A rule's own value is in its impact's unit when it is the impact's figure.
  const impact = { path: "values.gap", unit: "money", value: 1200 };
  assert.equal(plainTrace("values.gap 1200 > 0", catalog, "USD", impact), "The gap ($1,200) is more than $0.");
  assert.equal(plainTrace("facts.emergencyFundMonths 0.794 != null", catalog), null, "an existence check says nothing");
});
