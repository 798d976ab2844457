// End to end: the page as a person uses it (issue 18) — results that never lie about the input,
// an error summary that links to each field, a failed import that can be removed, a phone's width
// without sideways scroll, the keyboard alone, and axe-core clean (no serious or critical
// violation) in every state. Screenshots at 1280 and 390 px go to test-artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  openDemo,
  nextOutcome,
  choose,
  shot,
  sidewaysScroll,
  field,
  state,
  assertAxeClean,
  WIDTHS,
  serveDemo,
} from "./page-helpers.mjs";

const demo = serveDemo();

for (const [device, width] of Object.entries(WIDTHS)) {
  test(`${device} (${width} px): empty, plan, out of date, errors — each state true to the input and axe-clean`, async () => {
    const { page, context, problems } = await openDemo(demo.browser, demo.url, { width });
    const axe = (where) => assertAxeClean(page, where, problems);
    // Empty: today's date and a currency are filled, the required fields are marked.
    assert.match(await page.inputValue(field("/asOf")), /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(await page.inputValue(field("/currency")), "USD");
    assert.equal(await page.getAttribute(field("/person/age"), "aria-required"), "true");
    assert.equal(await state(page), "empty");
    assert.equal(await sidewaysScroll(page), 0, "no sideways scroll when empty");
    await axe("empty");
    await shot(page, `page-empty-${width}`);

    // A plan, with impacts in words and units, in view at once (focus on its heading).
    const { report } = await choose(page, "examples/new-graduate");
    assert.equal(await state(page), "plan");
    // The plan's heading has focus and reaches the top of the screen (a smooth scroll takes a moment).
    await page.waitForFunction(() => {
      const root = document.querySelector("fin-advice").shadowRoot;
      const top = root.getElementById("plan-heading").getBoundingClientRect().top;
      return root.activeElement?.id === "plan-heading" && top >= 0 && top < 200;
    });
    const impacts = await page.$$eval("fin-advice >> .action .impact", (ps) => ps.map((p) => p.textContent));
    assert.ok(impacts.includes("$870 a year of free money from your employer"), impacts.join(" | "));
    assert.ok(
      impacts.every((t) => /\$[\d,]+/.test(t)),
      `every impact has its currency: ${impacts.join(" | ")}`,
    );
    assert.equal(await sidewaysScroll(page), 0, "no sideways scroll with the plan");
    // The reasons of the high-interest-debt step, in words with the person's own rate.
    const debtStep = report.actions.findIndex((a) => a.rule === "high-interest-debt");
    await page.click(`fin-advice >> .action >> nth=${debtStep} >> summary`);
    const why = await page.textContent(`fin-advice >> .action >> nth=${debtStep} >> .why > ul`);
    assert.match(why, /24\.99%/, "the reason names the person's rate");
    assert.doesNotMatch(why, /facts\.|constants\./, "the reason is in words, not the trace");
    const shown = await page.$$eval("fin-advice >> li.action", (lis) => lis.map((li) => li.dataset.id));
    assert.deepEqual(
      shown,
      report.actions.map((a) => a.id),
      "opening a reason does not renumber the plan",
    );
    await page.click("fin-advice >> .facts summary");
    const factNames = await page.$$eval("fin-advice >> .facts dt", (dts) => dts.map((d) => d.textContent));
    assert.ok(factNames.includes("Emergency fund months"), factNames.join(", "));
    const factValues = await page.$$eval("fin-advice >> .facts dd", (dds) => dds.map((d) => d.textContent));
    assert.ok(!factValues.some((v) => v.includes("[object")), factValues.join(", "));
    await axe("plan with a reason and all the numbers open");
    await shot(page, `page-plan-${width}`);

    // Editing marks the plan out of date; undoing the edit makes it current again.
    const age = await page.inputValue(field("/person/age"));
    await page.fill(field("/person/age"), String(Number(age) + 2));
    assert.equal(await state(page), "stale");
    assert.equal(await page.isVisible("fin-advice >> .stale"), true);
    // Read further down the plan: the banner stays on screen above it.
    await page.$eval("fin-advice >> .actions > li:last-child", (li) => li.scrollIntoView({ block: "end" }));
    const banner = await page.$eval("fin-advice >> .stale", (el) => el.getBoundingClientRect().toJSON());
    assert.ok(banner.top >= 0 && banner.bottom <= (await page.evaluate(() => innerHeight)), JSON.stringify(banner));
    await axe("out of date");
    await shot(page, `page-stale-${width}`);
    await page.fill(field("/person/age"), age);
    assert.equal(await state(page), "plan", "back to the input the plan was made from");

    // An invalid input clears the plan and lists each problem above the form.
    await page.fill(field("/person/age"), "");
    const outcome = nextOutcome(page);
    await page.click("fin-advice >> .submit");
    const { error } = await outcome;
    assert.deepEqual(
      error.errors.map((e) => e.path),
      ["/person/age"],
    );
    assert.equal(await state(page), "invalid");
    assert.equal(await page.isVisible("fin-advice >> .actions li"), false, "no plan while the input is invalid");
    const links = await page.$$eval("fin-advice >> .error-summary a", (as) => as.map((a) => a.textContent));
    assert.deepEqual(links, ["Your age: please fill this in."]);
    assert.equal(
      await page.evaluate(() => document.querySelector("fin-advice").shadowRoot.activeElement?.className),
      "error-summary",
      "focus moves to the summary",
    );
    await page.click("fin-advice >> .error-summary a");
    assert.equal(
      await page.evaluate(() => document.querySelector("fin-advice").shadowRoot.activeElement?.dataset.pointer),
      "/person/age",
      "the link moves focus to its field",
    );
    await axe("errors");
    await shot(page, `page-errors-${width}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("every message a person reads is plain language", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url);
  const { error } = await choose(page, "examples/invalid-many");
  const texts = await page.$$eval("fin-advice >> .error-summary li", (lis) => lis.map((l) => l.textContent));
  assert.ok(texts.length >= error.errors.length - 1, texts.join(" | "));
  for (const text of texts) {
    assert.doesNotMatch(text, /\/[a-z]+\/|[a-z][A-Z]|1e\d|\bis required\b/, `plain: ${text}`);
  }
  // The impossible date of the file (2026-02-30) is named as such, not as "required".
  assert.ok(texts.includes("Date of these numbers: this is not a real date."), texts.join(" | "));
  assert.ok(
    texts.some((t) => /too large to be right/.test(t)),
    texts.join(" | "),
  );
  await context.close();
});

test("a failed import is shown, used for nothing, and removable; imported transactions can be removed", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url);
  await choose(page, "examples/new-graduate");
  const dir = await mkdtemp(join(tmpdir(), "finadvice-"));
  const bad = join(dir, "notes.csv");
  await writeFile(bad, "just,some,words\nno,dates,here\n");
  await page.setInputFiles("fin-advice >> .import-files", bad);
  await page.waitForSelector('fin-advice >> .source[data-file="notes.csv"]');
  assert.match(await page.textContent('fin-advice >> .source[data-file="notes.csv"]'), /notes\.csv — not read/);
  assert.equal(await page.isDisabled("fin-advice >> .import-use"), true, "nothing to use");
  assert.equal(await state(page), "plan", "a file that was not used leaves the plan as it was");
  await assertAxeClean(page, "failed import");
  await page.click('fin-advice >> .source[data-file="notes.csv"] .source-remove');
  await page.waitForSelector("fin-advice >> .import-preview", { state: "hidden" });

  const csv = new URL("./fixtures/bank-debit-credit.csv", import.meta.url).pathname;
  await page.setInputFiles("fin-advice >> .import-files", csv);
  await page.waitForSelector("fin-advice >> .import-preview:not([hidden])");
  await assertAxeClean(page, "import preview");
  await page.fill(field("/person/age"), "30"); // typed: the draft must ask before it fills the form
  await page.click("fin-advice >> .import-use");
  await page.waitForSelector("fin-advice >> .draft-confirm:not([hidden])");
  await page.click("fin-advice >> .draft-keep");
  assert.equal(await page.inputValue(field("/person/age")), "30");
  assert.equal(await state(page), "stale", "new transactions make the plan out of date");
  const used = nextOutcome(page);
  await page.click("fin-advice >> .submit");
  assert.equal((await used).report.facts.transactionCount, 11);
  await page.click("fin-advice >> .import-remove");
  assert.equal(await state(page), "stale", "removing the transactions makes the plan out of date");
  const again = nextOutcome(page);
  await page.click("fin-advice >> .refresh");
  assert.equal((await again).report.facts.transactionCount, 0);
  await context.close();
});

test("an example never replaces typed numbers without asking", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url);
  await page.fill(field("/person/age"), "41");
  await page.selectOption("#persona", "examples/new-graduate");
  await page.click("#use-example");
  assert.equal(await page.isVisible("#confirm"), true);
  await page.click("#confirm-keep");
  assert.equal(await page.inputValue(field("/person/age")), "41", "kept");
  await page.click("#use-example");
  const outcome = nextOutcome(page);
  await page.click("#confirm-replace");
  await outcome;
  assert.equal(await page.inputValue(field("/person/age")), "23", "replaced once asked");
  await context.close();
});

test("keyboard only: skip link, a plan from Enter, focus kept after a removal and a correction, arrow keys never act", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url, { width: WIDTHS.phone });
  await page.keyboard.press("Tab");
  assert.equal(
    await page.evaluate(() => document.activeElement.className),
    "skip-link",
    "the first Tab reaches the skip link",
  );
  // Arrow keys on the example list only move the choice.
  await page.focus("#persona");
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(200);
  assert.equal(await page.inputValue(field("/person/age")), "", "an arrow key did not load an example");

  const outcome = nextOutcome(page);
  await page.selectOption("#persona", "examples/transactions-only");
  await page.focus("#use-example");
  await page.keyboard.press("Enter");
  const { report } = await outcome;
  const focused = () =>
    page.evaluate(() => {
      const active = document.querySelector("fin-advice").shadowRoot.activeElement;
      return active
        ? active.dataset.pointer || active.dataset.row || active.id || active.className
        : document.activeElement.id;
    });

  // A correction by keyboard: arrows move the choice, nothing is learned until Enter.
  const select = "fin-advice >> .transactions select >> nth=0";
  await page.focus(select);
  const before = await page.inputValue(select);
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(300);
  assert.equal(await page.textContent("fin-advice >> .status").then((s) => /Learning/.test(s)), false);
  assert.equal(await state(page), "plan", "nothing recomputed on an arrow key");
  const corrected = nextOutcome(page);
  await page.keyboard.press("Enter");
  const after = await corrected;
  assert.notEqual(after.report.transactions[0].category, before);
  assert.equal(await focused(), "0", "focus stays on the corrected row");
  assert.ok(report);

  // Removing a debt moves focus to the next one (or the Add button), not to the page's top.
  await choose(page, "examples/new-graduate");
  await page.focus('fin-advice >> fieldset[data-list="debts"] >> nth=0 >> .remove');
  await page.keyboard.press("Enter");
  assert.equal(await focused(), "/debts/0/name", "focus on the next debt");
  await shot(page, "page-keyboard-390");
  await context.close();
});

test("dark mode and reduced motion: the theme follows the system and axe stays clean", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url, { colorScheme: "dark", reducedMotion: "reduce" });
  await choose(page, "examples/new-graduate");
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector("fin-advice")).backgroundColor);
  assert.equal(bg, "rgb(23, 25, 30)");
  await assertAxeClean(page, "dark plan");
  await shot(page, "page-dark-1280");
  await context.close();
});

test("360 px: no sideways scroll with a plan and its transactions", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url, { width: 360 });
  await choose(page, "examples/transactions-only");
  assert.equal(await sidewaysScroll(page), 0);
  await context.close();
});

test("the plan as a schedule: this month's amount per step, until when, where its money goes next", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url, { width: WIDTHS.phone });
  const { report } = await choose(page, "examples/new-graduate");
  const plan = report.monthlyPlan;
  assert.ok(plan?.steps?.length, "the report carries a monthly plan");
  const available = await page.textContent("fin-advice >> .schedule .available");
  assert.ok(available.startsWith(`$${plan.available.toLocaleString("en-US")} a month is left`), available);
  const steps = await page.$$eval("fin-advice >> .schedule .step", (lis) =>
    lis.map((li) => ({ id: li.dataset.action, text: li.textContent })),
  );
  const paid = plan.steps.filter((s) => s.monthly > 0 || s.starts);
  assert.deepEqual(
    steps.map((s) => s.id),
    paid.map((s) => s.actionId),
    "one line per step with money, in the plan's order",
  );
  // Steps that wait for an earlier one (the card) are actions of the report's `later`.
  const everyAction = [...report.actions, ...report.later];
  assert.ok(
    paid.some((s) => report.later.some((a) => a.id === s.actionId)),
    "the schedule goes on past the card",
  );
  for (const [i, step] of paid.entries()) {
    const title = everyAction.find((a) => a.id === step.actionId).title;
    const amount = step.monthly > 0 ? `$${Math.round(step.monthly).toLocaleString("en-US")} a month` : "From ";
    assert.ok(steps[i].text.startsWith(amount) && steps[i].text.includes(` — ${title}`), steps[i].text);
    if (step.until) {
      const month = new Date(`${step.until}T00:00:00Z`).toLocaleDateString("en-US", {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
      assert.ok(steps[i].text.includes(`until ${month}`), steps[i].text);
    }
    for (const next of step.then ?? []) {
      const nextTitle = everyAction.find((a) => a.id === next.actionId).title;
      assert.ok(
        steps[i].text.includes(`a month to: ${nextTitle[0].toLowerCase()}${nextTitle.slice(1)}`),
        steps[i].text,
      );
    }
  }
  // What waits for an earlier step is listed with what it waits for.
  const later = await page.$$eval("fin-advice >> .later li", (lis) =>
    lis.map((li) => ({ id: li.dataset.action, text: li.textContent })),
  );
  assert.deepEqual(
    later.map((l) => l.id),
    report.later.map((a) => a.id),
  );
  const card = report.actions.find((a) => a.id.endsWith("/high-interest-debt")).title;
  assert.ok(later[0].text.includes(`once these are done: ${card[0].toLowerCase()}${card.slice(1)}`), later[0].text);
  await assertAxeClean(page, "schedule");
  await shot(page, "page-schedule-390");
  await context.close();
});
