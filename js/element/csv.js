// Bank CSV import for the page: RFC 4180 parsing, and detection of the common column layouts
// (date / description / amount, or separate debit and credit columns).

/** Parses CSV text (comma, semicolon or tab separated; quoted fields) into rows of strings. */
export function parseCsv(text) {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length]).sort((a, b) => b[1] - a[1])[0][0];
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.some((f) => f.trim() !== "")) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== "")) rows.push(row);
  return rows;
}

const PATTERNS = {
  date: /^(date|posted|posting date|transaction date|trans\.? date|booking date|value date)$/i,
  description: /^(description|details|memo|payee|merchant|name|narrative|transaction|particulars)$/i,
  amount: /^(amount|value|transaction amount|amount \(.*\))$/i,
  debit: /^(debit|withdrawal|withdrawals|money out|paid out|debit amount)$/i,
  credit: /^(credit|deposit|deposits|money in|paid in|credit amount)$/i,
};

/** Finds which column holds what; returns {date, description, amount?, debit?, credit?} indexes or null. */
export function detectColumns(header) {
  const find = (re) => header.findIndex((h) => re.test(h.trim()));
  const columns = Object.fromEntries(Object.entries(PATTERNS).map(([k, re]) => [k, find(re)]));
  if (columns.date < 0 || columns.description < 0) return null;
  if (columns.amount >= 0) return { date: columns.date, description: columns.description, amount: columns.amount };
  if (columns.debit >= 0 && columns.credit >= 0)
    return { date: columns.date, description: columns.description, debit: columns.debit, credit: columns.credit };
  return null;
}

/** Parses "1,234.56", "(12.00)", "-12", "$12" into a number, or NaN. */
export function parseAmount(text) {
  let t = String(text ?? "")
    .trim()
    .replace(/[$€£\s]/g, "");
  if (t === "") return 0;
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1);
  }
  if (/^-?\d{1,3}(\.\d{3})*,\d{1,2}$/.test(t)) t = t.replace(/\./g, "").replace(",", ".");
  t = t.replace(/,/g, "");
  return /^[-+]?\d*\.?\d+$/.test(t) ? sign * Number(t) : NaN;
}

/** Turns "MM/DD/YYYY", "YYYY-MM-DD" or "DD.MM.YYYY" into "YYYY-MM-DD", or null if no such day exists. */
export function parseDate(text) {
  const t = String(text ?? "").trim();
  let m;
  let ymd = null;
  if ((m = t.match(/^(\d{4})-(\d{2})-(\d{2})/))) ymd = [m[1], m[2], m[3]];
  else if ((m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/))) ymd = [m[3], m[1], m[2]];
  else if ((m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) ymd = [m[3], m[2], m[1]];
  if (!ymd) return null;
  const [y, mo, d] = ymd.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${ymd[0]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Converts CSV text into transactions. Returns {transactions, skipped: [{line, reason}], columns}
 * or throws an Error explaining which columns are missing.
 */
export function transactionsFromCsv(text) {
  const rows = parseCsv(text);
  if (rows.length < 2) throw new Error("the file has no data rows");
  const columns = detectColumns(rows[0]);
  if (!columns)
    throw new Error(
      `could not find date, description and amount (or debit and credit) columns in: ${rows[0].join(", ")}`,
    );
  const transactions = [];
  const skipped = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const date = parseDate(row[columns.date]);
    const description = String(row[columns.description] ?? "").trim();
    const amount =
      columns.amount !== undefined
        ? parseAmount(row[columns.amount])
        : Math.abs(parseAmount(row[columns.credit])) - Math.abs(parseAmount(row[columns.debit]));
    if (!date) skipped.push({ line, reason: `unreadable date "${row[columns.date] ?? ""}"` });
    else if (!description) skipped.push({ line, reason: "empty description" });
    else if (!Number.isFinite(amount)) skipped.push({ line, reason: "unreadable amount" });
    else transactions.push({ date, description, amount: Math.round(amount * 100) / 100 });
  });
  return {
    transactions,
    skipped,
    columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, rows[0][v]])),
  };
}
