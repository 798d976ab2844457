// Words for a report's numbers: each action's impact as a sentence with its unit, and the rule's
// trace ("facts.highestAprPercent 24.99 >= constants.highInterestAprPercent 10") as a plain
// sentence with the person's numbers. The raw trace stays available for rule authors.
import { money, months, humanName } from "./format.js";

/**
 * Sentences by what an impact's figure is (the rule pack's `impactKind`), given the amount with
 * its unit ("$2,394", "$870 a year"): any rule of any pack that names a kind gets a sentence, with
 * no code per rule. The kinds are the pack schema's `impactKind` enum.
 */
const KIND_WORDS = {
  "interest-saved": (amount) => `saves ${amount} in interest`,
  "free-money": (amount) => `${amount} of free money from your employer`,
  "to-set-aside": (amount, rate) => `${amount} ${rate ? "" : "still "}to set aside`,
  "tax-room": (amount) => `${amount} of tax-advantaged room still open`,
  "to-invest": (amount) => `${amount} to invest`,
  shortfall: (amount) => `${amount} more going out than coming in`,
  "could-keep": (amount) => `up to ${amount} you could keep`,
  "tax-due": (amount) => `about ${amount} of tax to plan for`,
  "income-protected": (amount) => `${amount} of income to protect`,
  "left-over": (amount) => `${amount} left over`,
};

/** The kinds this page has words for. */
export const IMPACT_KINDS = Object.keys(KIND_WORDS);

/** A value with its unit: "$2,394", "$870 a year", "$450 a month", "1 year 2 months", "5%". */
export function amountText(value, unit, currency) {
  switch (unit) {
    case "money":
      return money(value, currency);
    case "money/year":
      return `${money(value, currency)} a year`;
    case "money/month":
      return `${money(value, currency)} a month`;
    case "months":
      return months(value);
    case "percent":
      return `${value}%`;
    case "ratio":
      return `${(value * 100).toFixed(1)}%`;
    default:
      return unit ? `${value} ${unit}` : String(value);
  }
}

/**
 * The impact of an action as a sentence from its kind and unit ("Saves $2,394 in interest",
 * "$870 a year of free money from your employer"); without a kind this page knows, the value with
 * its unit; null when the action has no impact value.
 */
export function impactWords(action, currency) {
  const impact = action.impact;
  if (!impact || typeof impact.value !== "number") return null;
  const amount = amountText(impact.value, impact.unit, currency);
  const words = KIND_WORDS[impact.kind];
  return capitalize(words ? words(amount, impact.unit === "money/year" || impact.unit === "money/month") : amount);
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

/** An operand's unit: a fact's from the catalog; the action's impact's when the operand is its figure; else by its name. */
function unitOf(op, catalog, impact) {
  if (op.kind === "facts") return catalog[op.name]?.unit;
  if (impact?.unit && impact.path === `${op.kind}.${op.name}`) return impact.unit;
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
export function plainTrace(text, catalog = {}, currency = "USD", impact = null) {
  for (const [symbol, words] of OPERATORS) {
    const at = text.indexOf(` ${symbol} `);
    if (at < 0) continue;
    const left = operand(text.slice(0, at));
    const right = operand(text.slice(at + symbol.length + 2));
    if (!left.kind) return text;
    const unit = unitOf(left, catalog, impact) ?? unitOf(right, catalog, impact);
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
