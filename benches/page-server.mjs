// The local server of the page benchmarks (benches/page.mjs, benches/page-profile.mjs): the
// bench page (benches/page/), a package directory under /pkg/ (served as application/wasm, so
// streaming compilation applies) and the 2,000-transaction persona as /profile.json. Nothing cached.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";

const root = fileURLToPath(new URL("..", import.meta.url));

/** A deterministic persona with `n` transactions over the 6 months before asOf. */
export function persona(n) {
  const merchants = [
    ["SQ *BLUE BOTTLE 0412 OAKLAND CA", -6.5],
    ["SAFEWAY #1234 SAN FRANCISCO CA", -84.2],
    ["NETFLIX.COM 866-579-7172 CA", -15.49],
    ["SHELL OIL 57442 OAKLAND CA", -41.0],
    ["AMZN MKTP US*2K4RT56 AMZN.COM/BILL WA", -29.99],
    ["PG&E WEB ONLINE PAYMENT", -96.1],
    ["ACME CORP PAYROLL PPD ID: 1234567890", 1825.0],
    ["UBER *TRIP HELP.UBER.COM CA", -18.4],
    ["CVS/PHARMACY #09876 OAKLAND CA", -12.75],
  ];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const transactions = Array.from({ length: n }, (_, i) => {
    const [description, amount] = merchants[Math.floor(next() * merchants.length)];
    const day = 1 + Math.floor((i / n) * 180);
    const date = new Date(Date.UTC(2026, 4, 1) + day * 86400000).toISOString().slice(0, 10);
    return { date, description, amount: Math.round(amount * (0.8 + next() * 0.4) * 100) / 100 };
  });
  return {
    asOf: "2026-11-15",
    currency: "USD",
    person: { age: 34, dependents: 1 },
    incomes: [{ name: "Salary", grossAnnual: 72000, netMonthly: 4600 }],
    accounts: [
      { name: "Checking", kind: "checking", balance: 2400 },
      { name: "Savings", kind: "savings", balance: 5100 },
    ],
    debts: [{ name: "Visa", kind: "credit_card", balance: 3900, aprPercent: 23.9, minPayment: 110 }],
    transactions,
  };
}

/** Serves the bench page with `pkgDir` as /pkg/; resolves to `{url, close}`. */
export async function startServer(pkgDir = join(root, "pkg")) {
  const dir = mkdtempSync(join(tmpdir(), "finadvice-bench-"));
  writeFileSync(join(dir, "profile.json"), JSON.stringify(persona(2000)));
  const mounts = [
    ["/pkg/", pkgDir],
    ["/profile.json", join(dir, "profile.json")],
    ["/", join(root, "benches", "page")],
  ];
  const types = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".json": "application/json",
    ".wasm": "application/wasm",
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const [prefix, base] = mounts.find(([p]) => path.startsWith(p));
    const file = prefix.endsWith("/") ? join(base, path.slice(prefix.length) || "index.html") : base;
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": types[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
