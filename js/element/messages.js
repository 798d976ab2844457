// Plain-language messages for the problems the engine reports. The engine's `{code, path, message}`
// stays on the FinAdviceError for developers; a person reads a sentence that names the field the
// way the form labels it and says what to do, with no JSON pointers, camelCase or exponents.

/** Names of whole sections and of fields the form may not show, by JSON pointer. */
const SECTION_NAMES = {
  "": "Your numbers",
  "/asOf": "Date of these numbers",
  "/currency": "Currency",
  "/person": "About you",
  "/person/age": "Your age",
  "/expenses": "Monthly spending",
  "/expenses/essentialMonthly": "Must-pay bills per month",
  "/expenses/discretionaryMonthly": "Everything else you spend per month",
};
const ITEM_NOUNS = {
  incomes: "Income",
  accounts: "Account",
  debts: "Debt",
  goals: "Goal",
  transactions: "Imported transaction",
};

const moneyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A readable name for a JSON pointer that has no field label: "Debt 2", "Imported transaction 14". */
export function sectionName(path) {
  if (path in SECTION_NAMES) return SECTION_NAMES[path];
  const item = /^\/(incomes|accounts|debts|goals|transactions)(?:\/(\d+))?/.exec(path);
  if (item) return item[2] === undefined ? `${ITEM_NOUNS[item[1]]}s` : `${ITEM_NOUNS[item[1]]} ${Number(item[2]) + 1}`;
  return "Your numbers";
}

/** Numbers in engine messages as people write them: 1e12 → 1,000,000,000,000. */
function plainNumber(text) {
  const n = Number(text);
  return Number.isFinite(n) ? moneyFormat.format(n) : text;
}

/**
 * The sentence a person reads for one problem. `label` is the field's label when the form shows
 * the field (else the section's name is used).
 */
export function plainMessage(issue, label = sectionName(issue.path ?? "")) {
  const { code, path = "", message = "" } = issue;
  let m;
  if (path === "/expenses" && code === "required") {
    return "Enter your spending per month, or import your bank transactions so it can be worked out.";
  }
  if (path === "/person" && code === "required") return "Enter your age.";
  switch (code) {
    case "required":
      return `${label}: please fill this in.`;
    case "type":
      if (/whole number/.test(message)) return `${label}: enter a whole number, without decimals.`;
      if (/date/.test(message)) return `${label}: enter a date.`;
      if (/number/.test(message)) return `${label}: enter a number.`;
      return `${label}: this value has the wrong form.`;
    case "not_finite":
      return `${label}: enter a number.`;
    case "out_of_range":
      if ((m = /between (\S+) and (\S+)/.exec(message)))
        return `${label}: enter a number from ${plainNumber(m[1])} to ${plainNumber(m[2])}.`;
      if (/plausible amount/.test(message))
        return `${label}: this amount is too large to be right — check for extra zeros.`;
      if (/only a checking account can be overdrawn/.test(message))
        return `${label}: only a checking account can be below zero.`;
      if (/cannot be negative/.test(message)) return `${label}: cannot be below zero.`;
      if (/must be more than 0/.test(message)) return `${label}: must be more than zero.`;
      if (/is after asOf/.test(message)) return `${label}: must not be after the date of these numbers.`;
      if (/is not after asOf/.test(message)) return `${label}: must be after the date of these numbers.`;
      if (/ten years before/.test(message)) return `${label}: is more than ten years before the date of these numbers.`;
      if ((m = /outside the years (\d+)\D+(\d+)/.exec(message)))
        return `${label}: choose a year from ${m[1]} to ${m[2]}.`;
      return `${label}: this value is out of range.`;
    case "invalid_value":
      if ((m = /^(".*") is not the name of one of the incomes \((.*)\)$/.exec(message))) {
        return m[2] === "there are none"
          ? `${label}: add the income this employer pays first.`
          : `${label}: ${m[1]} is not one of your incomes; use one of ${m[2].replace(/^\[|\]$/g, "")}.`;
      }
      if (path === "/currency") return `${label}: choose a currency from the list.`;
      if (/is not a date/.test(message)) return `${label}: this is not a real date.`;
      if (/ISO 4217/.test(message)) return `${label}: choose a currency from the list.`;
      return `${label}: choose one of the options.`;
    case "duplicate":
      if ((m = /^the name (".*") is already used/.exec(message)))
        return `${label}: ${m[1]} is already used by another item; give each a different name.`;
      return `${label}: another item has the same name; give each a different name.`;
    case "too_large":
      if ((m = /limit is (\d+)/.exec(message)) && /characters/.test(message))
        return `${label}: too long; at most ${m[1]} characters.`;
      if (m && /items/.test(message)) return `${label}: too many; at most ${m[1]}.`;
      return `${label}: too large.`;
    case "inconsistent":
      if (/employer match belongs to a workplace plan/.test(message))
        return `${label}: an employer match needs a 401(k) or other workplace plan account.`;
      if (/netMonthly × 12/.test(message))
        return `${label}: take-home pay for a year is more than the gross pay per year; is one of them monthly instead of yearly?`;
      if (/zero balance has no minimum payment/.test(message))
        return `${label}: a debt with nothing owed has no minimum payment; remove the debt or enter what you owe.`;
      return `${label}: ${deCamel(message)}`;
    case "unknown_field":
      return `${label}: this field is not used; remove it.`;
    default:
      return `${label}: ${deCamel(message)}`;
  }
}

/** "employerMatch.income" → "employer match income" in messages that name fields. */
function deCamel(text) {
  return text.replace(/([a-z])([A-Z])/g, (_, a, b) => `${a} ${b.toLowerCase()}`).replace(/[._]/g, " ");
}
