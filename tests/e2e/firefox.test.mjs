// End to end in a second engine: the demo page's main flows in Debian's Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi (no downloaded browser): an example's plan with its numbers,
// the out-of-date marking, the error summary, and no request after the page has loaded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
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
    const browser = await launchFirefox({ width, height: 900 });
    const [page] = await browser.pages();
    const requests = [];
    const problems = [];
    // data: URLs (Firefox loads a built-in font as one) never leave the device.
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
