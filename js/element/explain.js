// Words for a report's numbers: each action's impact as a sentence with its unit, and the rule's
// trace ("facts.highestAprPercent 24.99 >= constants.highInterestAprPercent 10") as a plain
// sentence with the person's numbers. The raw trace stays available for rule authors.
import { money, months, humanName } from "./format.js";

/** What each default rule's impact number means, by rule id; other rules fall back to the unit. */
const IMPACT_WORDS = {
  "negative-surplus": (v, c) => `Spending is ${money(v, c)} a year more than what comes in`,
  "starter-emergency-fund": (v, c) => `${money(v, c)} still to set aside`,
  "full-emergency-fund": (v, c) => `${money(v, c)} still to set aside`,
  "employer-match": (v, c) => `${money(v, c)} a year of free money from your employer`,
  "high-interest-debt": (v, c) => `Saves ${money(v, c)} in interest`,
  "medium-interest-debt": (v, c) => `Saves ${money(v, c)} in interest`,
  hsa: (v, c) => `${money(v, c)} of this year's tax-free room still open`,
  "roth-ira": (v, c) => `${money(v, c)} of this year's IRA room still open`,
  "traditional-ira": (v, c) => `${money(v, c)} of this year's IRA room still open`,
  "retirement-saving-rate": (v, c) => `${money(v, c)} a year more to save for retirement`,
  "save-for-goals": (v, c) => `${money(v, c)} a month to reach your goals on time`,
  "taxable-investing": (v, c) => `${money(v, c)} a year to invest`,
  "review-subscriptions": (v, c) => `${money(v, c)} a year goes to subscriptions`,
  "bank-fees": (v, c) => `${money(v, c)} a year paid in bank fees`,
  "spending-grew": (v, c) => `${money(v, c)} a year more spending than before`,
  "wants-share": (v, c) => `${money(v, c)} a year above the guideline for wants`,
  "doing-well-match": (v, c) => `${money(v, c)} a year from your employer`,
  "doing-well-savings-rate": (v, c) => `${money(v, c)} a month left over`,
};

/** The impact of an action in words with its unit, or null when it has none. */
export function impactWords(action, currency) {
  const impact = action.impact;
  if (!impact || typeof impact.value !== "number") return null;
  const words = IMPACT_WORDS[action.rule];
  if (words && impact.unit?.startsWith("money")) return words(impact.value, currency);
  if (typeof impact.text === "string" && impact.text) return impact.text; // the report's own words
  switch (impact.unit) {
    case "money":
      return money(impact.value, currency);
    case "money/year":
      return `${money(impact.value, currency)} a year`;
    case "money/month":
      return `${money(impact.value, currency)} a month`;
    case "months":
      return months(impact.value);
    case "percent":
      return `${impact.value}%`;
    case "ratio":
      return `${(impact.value * 100).toFixed(1)}%`;
    default:
      return impact.unit ? `${impact.value} ${impact.unit}` : String(impact.value);
  }
}

const OPERATORS = [
  [">=", "is at least"],
  ["<=", "is at most"],
  ["!=", "is not"],
  ["==", "is"],
  [">", "is more than"],
  ["<", "is less than"],
];

/** One operand: "facts.highestAprPercent 24.99" → {kind, name, value}. */
function operand(text) {
  const m = /^(facts|constants|values|plans)\.([\w.]+)\s+(.+)$/.exec(text.trim());
  if (!m) return { raw: text.trim() };
  return { kind: m[1], name: m[2], value: m[3] };
}

function unitOf(op, catalog) {
  if (op.kind === "facts") return catalog[op.name]?.unit;
  if (/Percent$/i.test(op.name ?? "")) return "percent";
  if (/Months$/i.test(op.name ?? "")) return "months";
  return undefined;
}

function valueText(value, unit, currency) {
  const n = Number(value);
  if (value === "null") return "not known";
  if (!Number.isFinite(n)) return value;
  if (unit === "percent") return `${n}%`;
  if (unit === "ratio") return `${(n * 100).toFixed(1)}%`;
  if (unit === "months") return `${Number(n.toFixed(1))} months`;
  if (unit?.startsWith("money"))
    return money(n, currency) + (unit === "money/month" ? " a month" : unit === "money/year" ? " a year" : "");
  return String(n);
}

/** Plain names of the numbers the default rules compare most; others are spelled from their names. */
const NAMES = {
  highestAprPercent: "the highest interest rate on your debts",
  highInterestAprPercent: "the rate counted as high interest",
  mediumInterestAprPercent: "the rate counted as medium interest",
  liquidSavings: "your cash savings",
  unclaimedEmployerMatchAnnual: "the employer match you are not getting",
  employerMatchAnnual: "your employer match",
  monthlySurplus: "the money left each month",
  emergencyFundMonths: "the months your savings would cover",
  monthlyNetIncome: "your take-home pay",
  savingsRate: "the share of pay you keep",
  essentialMonthly: "your must-pay spending",
  discretionaryMonthly: "your other spending",
  debtMinimumsMonthly: "your minimum debt payments",
  subscriptionsAnnual: "your subscriptions",
  feesAnnual: "your bank fees",
};

function nameOf(op) {
  const key = op.name.split(".").pop();
  if (NAMES[key]) return NAMES[key];
  const name = humanName(key)
    .toLowerCase()
    .replace(/\bapr\b/g, "APR");
  return op.kind === "facts" ? `your ${name}` : `the ${name}`;
}

/**
 * A trace line as a sentence: "Your highest interest rate on your debts (24.99%) is at least the
 * rate counted as high interest (10%)." A check that a number exists gives null (nothing to say);
 * lines that are not a comparison of named numbers come back unchanged.
 */
export function plainTrace(text, catalog = {}, currency = "USD") {
  for (const [symbol, words] of OPERATORS) {
    const at = text.indexOf(` ${symbol} `);
    if (at < 0) continue;
    const left = operand(text.slice(0, at));
    const right = operand(text.slice(at + symbol.length + 2));
    if (!left.kind) return text;
    const unit = unitOf(left, catalog) ?? unitOf(right, catalog);
    const leftText = `${nameOf(left)} (${valueText(left.value, unit, currency)})`;
    if (right.raw === "null") return null; // "X != null" only says the number exists
    const rightText = right.kind
      ? `${nameOf(right)} (${valueText(right.value, unit, currency)})`
      : valueText(right.raw, unit, currency);
    return `${capitalize(leftText)} ${words} ${rightText}.`;
  }
  return text;
}

function capitalize(text) {
  return text[0].toUpperCase() + text.slice(1);
}
