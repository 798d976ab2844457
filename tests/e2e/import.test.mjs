// End to end: from bank exports to a plan (issues 16 and 18) — three files dropped at once, a
// preview per file with the layout, sign convention and date order the importer detected (each can
// be flipped), the drafted profile filling the form, only the open questions asked, then the plan;
// a file that cannot be read is shown and removable; nothing is sent anywhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import {
  openDemo,
  nextOutcome,
  shot,
  field,
  state,
  assertAxeClean,
  sidewaysScroll,
  WIDTHS,
  serveDemo,
} from "./page-helpers.mjs";

const fixture = (name) => fileURLToPath(new URL(`../import/fixtures/${name}`, import.meta.url));
const demo = serveDemo();

const root = (page, selector) =>
  page.$$eval(`fin-advice >> ${selector}`, (els) => els.map((e) => e.textContent.replace(/\s+/g, " ").trim()));

for (const [device, width] of Object.entries(WIDTHS)) {
  test(`${device} (${width} px): three exports → preview → drafted form → open questions → plan, with no request`, async () => {
    const { page, context, requests, problems } = await openDemo(demo.browser, demo.url, { width });
    const loaded = requests.length;
    const files = ["chase-checking.csv", "chase-card.csv", "checking-jan.ofx"].map(fixture);
    await page.setInputFiles("fin-advice >> .import-files", files);
    await page.waitForSelector("fin-advice >> .import-preview:not([hidden])");
    const sources = await root(page, ".source");
    assert.equal(sources.length, 3, sources.join(" | "));
    assert.ok(sources[0].startsWith("chase-checking.csv — Chase checking export, 8 rows"), sources[0]);
    assert.ok(sources[2].startsWith("checking-jan.ofx — OFX file"), sources[2]);
    assert.match(await page.textContent("fin-advice >> .import-totals"), /^\d+ transactions from 3 files/);
    assert.equal(await sidewaysScroll(page), 0, "no sideways scroll in the preview");
    await assertAxeClean(page, "import preview", problems);
    await shot(page, `import-preview-${width}`);

    await page.click("fin-advice >> .import-use");
    await page.waitForSelector("fin-advice >> .questions:not([hidden])");
    const questions = await root(page, ".questions li");
    assert.ok(
      questions.some((q) => q.startsWith("How old are you?")),
      questions.join(" | "),
    );
    // The draft filled the form: the salary found in the checking account is an income.
    assert.notEqual(await page.inputValue(field("/incomes/0/netMonthly")), "");
    // Every question the data cannot answer is marked at its field, and age is one of them.
    assert.equal(await page.inputValue(field("/person/age")), "");
    assert.ok(await page.$eval(`fin-advice >> .asked >> [data-pointer="/person/age"]`, () => true));
    // The person answers the questions (the values are this test's; a gross salary above the take-home pay).
    const asked = await page.$$eval("fin-advice >> .asked [data-pointer]", (els) =>
      els.filter((e) => e.value === "").map((e) => e.dataset.pointer),
    );
    for (const pointer of asked) {
      let value = "1000";
      if (pointer === "/person/age") value = "34";
      else if (pointer.endsWith("/aprPercent")) value = "21.9";
      else if (pointer.endsWith("/grossAnnual")) {
        const net = Number(await page.inputValue(field(pointer.replace("grossAnnual", "netMonthly"))));
        value = String(Math.round(net * 12 * 1.3));
      }
      await page.fill(field(pointer), value);
    }
    const outcome = nextOutcome(page);
    await page.click("fin-advice >> .submit");
    const { report, error } = await outcome;
    assert.ok(report, `a plan after answering the questions: ${JSON.stringify(error)}`);
    assert.ok(report.facts.transactionCount > 0);
    assert.equal(await state(page), "plan");
    assert.match(await page.textContent("fin-advice >> .import-current-text"), /from 3 files in use/);
    assert.deepEqual(requests.slice(loaded), [], "nothing was sent anywhere");
    assert.deepEqual(problems, []);
    await shot(page, `import-plan-${width}`);
    await context.close();
  });
}

test("a file's sign convention and date order can be flipped; a file that cannot be read is shown and removable", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url);
  await page.setInputFiles("fin-advice >> .import-files", [
    fixture("generic-positive-charges.csv"),
    fixture("unknown.csv"),
  ]);
  await page.waitForSelector("fin-advice >> .import-preview:not([hidden])");
  const amounts = () =>
    page.$$eval("fin-advice >> .import-preview tbody tr", (rows) => rows.map((r) => r.children[2].textContent));
  const before = await amounts();
  await page.check('fin-advice >> .source[data-file="generic-positive-charges.csv"] .flip');
  await page.waitForFunction(
    (old) =>
      JSON.stringify(
        [...document.querySelector("fin-advice").shadowRoot.querySelectorAll(".import-preview tbody tr")].map(
          (r) => r.children[2].textContent,
        ),
      ) !== old,
    JSON.stringify(before),
  );
  const after = await amounts();
  assert.notDeepEqual(after, before, "flipping the signs changes the amounts");
  const unknown = await page.textContent('fin-advice >> .source[data-file="unknown.csv"]');
  assert.match(unknown, /unknown\.csv/);
  await page.click('fin-advice >> .source[data-file="unknown.csv"] .source-remove');
  await page.waitForFunction(
    () => !document.querySelector("fin-advice").shadowRoot.querySelector('.source[data-file="unknown.csv"]'),
  );
  assert.equal((await root(page, ".source")).length, 1);
  await assertAxeClean(page, "preview after a flip and a removal");
  await context.close();
});
