// The benchmark's rule pack, generated deterministically (LCG seed 42): RULES rules, each an `and`
// of 2–3 comparisons of a fact of tests/profiles/new-graduate.json with a threshold near its
// value, plus the same conditions for json-rules-engine. Used by benches/rules.mjs; run alone it
// prints the pack as JSON (for the native benchmark: `node benches/rules-pack.mjs > pack.json`).
import { fileURLToPath } from "node:url";

// Numeric, non-null facts of that profile (from a finadvice report, copied here to stay standalone).
export const FACTS = {
  monthlyNetIncome: 3650,
  grossAnnualIncome: 58000,
  essentialMonthly: 2100,
  discretionaryMonthly: 650,
  spendingMonthly: 2750,
  debtMinimumsMonthly: 419,
  monthlySurplus: 481,
  savingsRate: 0.1318,
  liquidSavings: 2000,
  emergencyFundMonths: 0.794,
  totalDebt: 31200,
  weightedAprPercent: 8.1237,
  highestAprPercent: 24.99,
  debtToIncome: 0.0867,
  totalAssets: 4500,
  investedAssets: 2500,
  netWorth: -26700,
  retirementContributionMonthly: 145,
  employerMatchAnnual: 870,
  unclaimedEmployerMatchAnnual: 870,
  contributionForFullMatchMonthly: 145,
  retirementSavingRate: 0.045,
  yearsToRetirement: 44,
};
const OPS = [
  ["<", "lessThan"],
  ["<=", "lessThanInclusive"],
  [">", "greaterThan"],
  [">=", "greaterThanInclusive"],
];

/** `{pack, rulesEngineRules}`: the finadvice pack and json-rules-engine's rules for the same conditions. */
export function generate(count) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const rules = [];
  const rulesEngineRules = [];
  for (let i = 0; i < count; i++) {
    const conditions = [];
    const rre = [];
    const n = 2 + Math.floor(random() * 2);
    for (let k = 0; k < n; k++) {
      const fact = pick(Object.keys(FACTS));
      const [op, rreOp] = pick(OPS);
      // A threshold around the fact's value, so about half of the comparisons hold.
      const value = Math.round(FACTS[fact] * (0.6 + random() * 0.8) * 100) / 100;
      conditions.push({ [op]: [{ var: `facts.${fact}` }, value] });
      rre.push({ fact, operator: rreOp, value });
    }
    const id = `r${i}`;
    rules.push({
      id,
      priority: Math.floor(random() * 100),
      category: "bench",
      when: { and: conditions },
      title: `Rule ${i}: {{facts.monthlySurplus | money}}`,
      detail: `{{facts.emergencyFundMonths | number:1}} months`,
    });
    rulesEngineRules.push({ conditions: { all: rre }, event: { type: id } });
  }
  return { pack: { id: "bench", version: "1", locale: "en-US", currency: "USD", rules }, rulesEngineRules };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(generate(Number(process.argv[2] ?? 1000)).pack));
}
