// End to end: the demo page and its <fin-advice> element in headless Chromium, under the strict
// Content-Security-Policy: personas, a bank CSV import, field-level errors — and no request after
// the page has loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { openDemo as open, choose, nextOutcome, shot, serveDemo } from "./page-helpers.mjs";

const csv = fileURLToPath(new URL("./fixtures/bank-debit-credit.csv", import.meta.url));
const demo = serveDemo();

/** The demo at a laptop's width, through the shared helper (the page, its requests and console errors). */
const openDemo = () => open(demo.browser, demo.url);

test("a persona gives its report, shown with its facts", async () => {
  const { page, context, problems } = await openDemo();
  const { report } = await choose(page, "examples/new-graduate");
  assert.equal(report.facts.monthlySurplus, 481);
  assert.equal(await page.inputValue('fin-advice input[data-pointer="/debts/0/name"]'), "Visa");
  const facts = await page.$$eval("fin-advice >> .facts dt", (dts) => dts.map((d) => d.textContent));
  assert.ok(facts.includes("Emergency fund months"), facts.join(", "));
  assert.match(await page.textContent("fin-advice >> .status"), /computed on this device/);
  assert.equal(await page.getAttribute("fin-advice >> .results", "data-state"), "plan");
  assert.equal(report.facts.unclaimedEmployerMatchAnnual, 870);
  // The default rule pack: a starter fund of one month of essentials, the match ($870 a year), the 24.99% card.
  assert.deepEqual(
    report.actions.map((a) => a.rule),
    ["starter-emergency-fund", "employer-match", "high-interest-debt"],
  );
  assert.match(await page.textContent("fin-advice >> .disclaimer"), /not financial/);
  assert.equal(report.versions.rulePack.id, "us-default");
  const shown = await page.$$eval("fin-advice >> .actions li.action", (lis) => lis.map((li) => li.dataset.id));
  assert.deepEqual(
    shown,
    report.actions.map((a) => a.id),
    "the plan lists the actions in order",
  );
  assert.deepEqual(problems, [], "no console errors (a CSP violation would show here)");
  await shot(page, "demo-persona");
  await context.close();
});

test("the match is on the salary of the income the form names, and a wrong name is shown at its field", async () => {
  const { page, context, problems } = await openDemo();
  const { report } = await choose(page, "personas/family-mortgage-no-emergency-fund");
  const field = 'fin-advice input[data-pointer="/accounts/1/employerMatch/income"]';
  assert.equal(await page.inputValue(field), "Salary");
  assert.equal(report.facts.employerMatchAnnual, 3920); // 4% of the 98,000 salary, not of 120,000
  const next = nextOutcome(page);
  await page.fill(field, "Day job");
  await page.click("fin-advice >> .submit");
  const {
    error: { errors },
  } = await next;
  assert.deepEqual(
    errors.map((e) => e.path),
    ["/accounts/1/employerMatch/income"],
  );
  assert.equal(await page.getAttribute(field, "aria-invalid"), "true");
  assert.deepEqual(problems, []);
  await context.close();
});

test("every problem is shown at its field", async () => {
  const { page, context } = await openDemo();
  // The form cannot hold everything the JSON had (an unknown field, an impossible date), so the
  // engine sees fewer mistakes than in the file; each one must still be shown.
  const { error } = await choose(page, "examples/invalid-many");
  const invalid = await page.$$eval('fin-advice >> [aria-invalid="true"]', (els) => els.map((e) => e.dataset.pointer));
  for (const pointer of ["/currency", "/person/age", "/person/dependents", "/accounts/0/balance"]) {
    assert.ok(invalid.includes(pointer), `${pointer} in ${invalid}`);
  }
  const messages = await page.$$eval("fin-advice >> .field-error", (els) =>
    els.map((e) => e.textContent).filter(Boolean),
  );
  assert.ok(
    messages.some((m) => m.includes("whole number")),
    messages.join(" | "),
  );
  assert.equal(await page.isVisible("fin-advice >> .actions li"), false, "no plan beside the errors");
  // The summary above the form lists every problem once, a link for each one shown at a field.
  const listed = await page.$$eval("fin-advice >> .error-summary li", (lis) => lis.map((l) => l.textContent));
  assert.equal(listed.length, error.errors.length);
  const links = await page.$$eval("fin-advice >> .error-summary a", (as) => as.length);
  assert.ok(links >= invalid.length, `${links} links for ${invalid.length} marked fields`);
  await shot(page, "demo-errors");
  await context.close();
});

test("a bank CSV with debit/credit columns is previewed, then used beside typed numbers (asked, not overwritten)", async () => {
  const { page, context } = await openDemo();
  await choose(page, "examples/new-graduate");
  await page.fill('fin-advice >> input[data-pointer="/person/age"]', "24"); // typed by the person
  await page.setInputFiles("fin-advice >> .import-files", csv);
  await page.waitForSelector("fin-advice >> .import-preview:not([hidden])");
  const summary = await page.textContent("fin-advice >> .import-totals");
  assert.match(summary, /^11 transactions from 1 file; 1 row could not be used/);
  assert.match(await page.textContent("fin-advice >> .source-problems"), /Line 12/);
  await page.click("fin-advice >> .import-use");
  await page.waitForSelector("fin-advice >> .draft-confirm:not([hidden])");
  await page.click("fin-advice >> .draft-keep");
  assert.equal(await page.inputValue('fin-advice >> input[data-pointer="/person/age"]'), "24", "typed numbers kept");
  const advised = nextOutcome(page);
  await page.click("fin-advice >> .submit");
  const { report } = await advised;
  assert.equal(report.facts.transactionCount, 11);
  await shot(page, "demo-csv");
  await context.close();
});

test("no request leaves the page after it has loaded", async () => {
  const { page, context, requests } = await openDemo();
  const loaded = requests.length;
  assert.ok(
    requests.every((r) => r.startsWith(demo.url)),
    `only same-origin requests: ${requests.join(", ")}`,
  );
  await choose(page, "examples/new-graduate");
  await page.setInputFiles("fin-advice >> .import-files", csv);
  await page.click("fin-advice >> .import-use");
  await page.click("fin-advice >> .ask-full"); // the drafted form's open questions: answered in the whole form
  await page.fill('fin-advice >> input[data-pointer="/person/age"]', "24");
  await page.click("fin-advice >> .submit");
  await page.waitForTimeout(300);
  assert.deepEqual(requests.slice(loaded), [], "using the page made a request");
  await context.close();
});

test("the plan shows its charts: payoff timeline, retirement fan, allocation", async () => {
  const { page, context } = await openDemo();
  await choose(page, "examples/new-graduate");
  await page.waitForSelector("fin-advice >> figure.payoff svg");
  const lines = await page.$$eval("fin-advice >> figure.payoff path.line", (paths) => paths.length);
  assert.equal(lines, 2, "one balance line per debt");
  const labels = await page.$$eval("fin-advice >> .charts svg", (svgs) =>
    svgs.map((s) => s.getAttribute("aria-label")),
  );
  assert.ok(labels.includes("Retirement projection fan chart"), labels.join(", "));
  assert.ok(labels.includes("Allocation"), labels.join(", "));
  await shot(page, "demo-charts");
  await context.close();
});

test("a category correction is applied, remembered on opt-in, exported and deleted", async () => {
  const { page, context } = await openDemo();
  const { report } = await choose(page, "examples/transactions-only");
  const rent = report.transactions.find((t) => t.description === "RENT PAYMENT ZELLE");
  // The model reads "RENT PAYMENT" as housing; this person's Zelle goes to a roommate, a transfer.
  assert.equal(rent.category, "housing");
  await page.check("fin-advice >> .remember");
  const corrected = nextOutcome(page);
  await page.selectOption('fin-advice >> select[aria-label="Category of RENT PAYMENT ZELLE"] >> nth=0', "transfer");
  const { report: after } = await corrected;
  const rows = after.transactions.filter((t) => t.description === "RENT PAYMENT ZELLE");
  assert.ok(
    rows.every((t) => t.category === "transfer" && t.source === "memory"),
    JSON.stringify(rows),
  );
  assert.ok(
    after.facts.essentialMonthly < report.facts.essentialMonthly,
    "the transfer no longer counts as essential spending",
  );
  const saved = await page.evaluate(() => localStorage.getItem("finadvice:merchant-memory"));
  assert.ok(saved && saved.includes("transfer"), saved);

  const download = page.waitForEvent("download");
  await page.click("fin-advice >> .memory-export");
  assert.equal((await download).suggestedFilename(), "finadvice-corrections.json");

  // A new visit starts with the remembered correction.
  await page.reload();
  await page.waitForSelector('fin-advice[data-ready="true"]');
  const again = await choose(page, "examples/transactions-only");
  assert.equal(again.report.transactions.find((t) => t.description === "RENT PAYMENT ZELLE").source, "memory");

  const cleared = nextOutcome(page);
  await page.click("fin-advice >> .memory-delete");
  const { report: fresh } = await cleared;
  assert.equal(await page.evaluate(() => localStorage.getItem("finadvice:merchant-memory")), null);
  assert.equal(fresh.transactions.find((t) => t.description === "RENT PAYMENT ZELLE").source, "model");
  await context.close();
});
