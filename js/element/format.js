// Numbers as a person reads them: amounts in the profile's currency ($2,394), rates with %, months
// in words. One place, so that every amount on the page carries its unit.

const cache = new Map();

function formatter(currency, options) {
  const key = `${currency}|${JSON.stringify(options)}`;
  if (!cache.has(key)) {
    let format;
    try {
      format = new Intl.NumberFormat(undefined, { style: "currency", currency, ...options });
    } catch {
      format = new Intl.NumberFormat(undefined, options); // an unknown code: the number alone
    }
    cache.set(key, format);
  }
  return cache.get(key);
}

/** An amount with its currency: whole units from 100 up, cents below. */
export function money(value, currency = "USD") {
  const cents = Math.abs(value) < 100 && !Number.isInteger(value);
  return formatter(currency, { maximumFractionDigits: cents ? 2 : 0, minimumFractionDigits: cents ? 2 : 0 }).format(
    value,
  );
}

/** A short amount for chart axes: $389K, $1.2M. */
export function moneyCompact(value, currency = "USD") {
  return formatter(currency, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** A count of months in words: "3 months", "2 years 5 months". */
export function months(n) {
  if (n === null || n === undefined) return "—";
  const years = Math.floor(n / 12);
  const rest = n % 12;
  const parts = [];
  if (years) parts.push(`${years} year${years === 1 ? "" : "s"}`);
  if (rest || !years) parts.push(`${rest} month${rest === 1 ? "" : "s"}`);
  return parts.join(" ");
}

/** A YYYY-MM-DD date as "June 2028" (the month is what a schedule needs). */
export function monthYear(iso) {
  if (!iso) return "";
  const [y, m] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(undefined, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** A fact's value with its unit from the fact catalog. */
export function factValue(value, unit, currency) {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return typeof value === "object" ? null : String(value);
  if (unit === "ratio") return `${(value * 100).toFixed(1)}%`;
  if (unit === "percent") return `${Number(value.toFixed(2))}%`;
  if (unit === "months") return `${Number(value.toFixed(1))} months`;
  if (unit === "money/month") return `${money(value, currency)} a month`;
  if (unit === "money/year") return `${money(value, currency)} a year`;
  if (unit?.startsWith("money")) return money(value, currency);
  return String(value);
}

/** "emergencyFundMonths" → "Emergency fund months". */
export function humanName(name) {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words[0].toUpperCase() + words.slice(1);
}
