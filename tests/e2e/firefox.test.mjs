// End to end in a second engine: the demo page's main flows in Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi (no downloaded browser): an example's plan with its numbers,
// the out-of-date marking, the error summary, three bank exports through the open questions to a
// scheduled plan, and no request after the page has loaded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { launchFirefox } from "./browser.mjs";
import { ARTIFACTS } from "./page-helpers.mjs";

let server, url;

before(async () => {
  ({ server, url } = await serve(0));
  await mkdir(ARTIFACTS, { recursive: true });
});
after(() => server?.close());

/** Resolves with the element's next outcome, as in the Chromium tests. */
function nextOutcome(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const element = document.querySelector("fin-advice");
        element.addEventListener("advice", (e) => resolve({ report: e.detail }), { once: true });
        element.addEventListener("error", (e) => resolve({ error: { errors: e.detail.errors } }), { once: true });
      }),
  );
}

const inShadow = (selector) => `fin-advice >>> ${selector}`;

for (const width of [1280, 390]) {
  test(`Firefox ${width} px: an example's plan, marked out of date on edit, cleared on an error, with no request`, async () => {
    const { browser, page, requests, problems } = await openFirefox(width);
    const loaded = requests.length;
    assert.ok(
      requests.every((r) => r.startsWith(url)),
      requests.join(", "),
    );

    await page.select("#persona", "examples/new-graduate");
    let outcome = nextOutcome(page);
    await page.click("#use-example");
    const { report } = await outcome;
    assert.equal(report.facts.monthlySurplus, 481);
    assert.deepEqual(
      report.actions.map((a) => a.rule),
      ["starter-emergency-fund", "employer-match", "high-interest-debt"],
    );
    const shown = await page.$$eval(inShadow("li.action"), (lis) => lis.map((li) => li.dataset.id));
    assert.deepEqual(
      shown,
      report.actions.map((a) => a.id),
    );
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(sideways, 0, "no sideways scroll");
    await page.screenshot({ path: new URL(`firefox-plan-${width}.png`, ARTIFACTS).pathname, fullPage: true });

    const age = inShadow('[data-pointer="/person/age"]');
    await page.$eval(age, (input) => input.focus());
    await page.keyboard.type("5"); // 23 → 235: the plan no longer matches the form
    const stale = await page.$eval(inShadow(".results"), (r) => r.dataset.state);
    assert.equal(stale, "stale");

    await page.$eval(age, (input) => {
      input.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    outcome = nextOutcome(page);
    await page.click(inShadow(".submit"));
    const { error } = await outcome;
    assert.deepEqual(
      error.errors.map((e) => e.path),
      ["/person/age"],
    );
    const links = await page.$$eval(inShadow(".error-summary a"), (as) => as.map((a) => a.textContent));
    assert.deepEqual(links, ["Your age: please fill this in."]);
    assert.equal(await page.$eval(inShadow(".results"), (r) => r.dataset.state), "invalid");

    assert.deepEqual(requests.slice(loaded), [], "using the page made a request");
    assert.deepEqual(problems, []);
    await browser.close();
  });
}

/** Opens the demo in Firefox at `width`; collects requests (data: URLs, as Firefox loads a built-in
 * font, never leave the device) and console errors. */
async function openFirefox(width) {
  const browser = await launchFirefox({ width, height: 900 });
  const [page] = await browser.pages();
  const requests = [];
  const problems = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("data:")) requests.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('fin-advice[data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('body[data-ready="true"]');
  return { browser, page, requests, problems };
}

/**
 * Polls `check` until it holds: puppeteer's waitForFunction, and waitForSelector once it has to
 * poll, compile with Function(), which the page's CSP refuses in Firefox.
 */
async function until(check, timeout = 10_000) {
  for (const start = Date.now(); !(await check());) {
    if (Date.now() - start > timeout) throw new Error(`not reached in ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const fixture = (name) => fileURLToPath(new URL(`../import/fixtures/${name}`, import.meta.url));

for (const width of [1280, 390]) {
  test(`Firefox ${width} px: three exports → the open questions one group at a time → scheduled plan, with no request`, async () => {
    const { browser, page, requests, problems } = await openFirefox(width);
    const loaded = requests.length;
    const input = await page.$(inShadow(".import-files"));
    await input.uploadFile(...["chase-checking.csv", "chase-card.csv", "checking-jan.ofx"].map(fixture));
    await until(async () => Boolean(await page.$(inShadow(".import-preview:not([hidden])"))), 60_000);
    await page.click(inShadow(".import-use"));
    await until(async () => Boolean(await page.$(inShadow(".questions:not([hidden])"))));
    const title = () => page.$eval(inShadow(".ask-title"), (h) => h.textContent);
    const focused = () => page.evaluate(() => document.querySelector("fin-advice").shadowRoot.activeElement?.className);
    const steps = Number(/of (\d+)\)$/.exec(await title())[1]);
    for (let step = 1; step <= steps; step++) {
      assert.match(await title(), new RegExp(`\\(step ${step} of ${steps}\\)$`));
      assert.equal(await focused(), "ask-title", "focus on the group's heading");
      if (await page.$(inShadow(".ask-plan"))) {
        await page.click(inShadow('.ask-plan input[value="yes"]'));
        await until(async () => Boolean(await page.$(inShadow('.ask-plan [data-asks$="/balance"]'))));
      }
      const asked = await page.$$eval(inShadow(".questions input[data-asks]"), (els) =>
        els.filter((e) => e.value === "").map((e) => e.dataset.asks),
      );
      for (const pointer of asked) {
        let value = "1000";
        if (pointer === "/person/age") value = "34";
        else if (pointer.endsWith("/aprPercent")) value = "21.9";
        else if (pointer.endsWith("/grossAnnual")) value = "95000";
        else if (pointer.endsWith("Percent") || pointer.endsWith("Salary")) value = "6";
        await page.type(inShadow(`[data-asks="${pointer}"]`), value);
      }
      if (step === steps) break;
      await page.click(inShadow(".ask-next"));
      await until(async () => (await title()).includes(`step ${step + 1} `));
    }
    const outcome = nextOutcome(page);
    await page.click(inShadow(".ask-next"));
    const { report, error } = await outcome;
    assert.ok(report, JSON.stringify(error));
    assert.ok(report.facts.transactionCount > 0);
    const schedule = await page.$$eval(inShadow(".schedule li.step"), (lis) => lis.map((li) => li.textContent));
    assert.ok(schedule.length > 0, "a scheduled plan");
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(sideways, 0, "no sideways scroll");
    await page.screenshot({ path: new URL(`firefox-import-plan-${width}.png`, ARTIFACTS).pathname, fullPage: true });
    assert.deepEqual(requests.slice(loaded), [], "using the page made a request");
    assert.deepEqual(problems, []);
    await browser.close();
  });
}
