// Shared steps of the page's end-to-end tests: open the demo, choose an example, wait for the
// element's next outcome, save screenshots at a laptop's and a phone's width.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { before, after } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { launch } from "./browser.mjs";
import { seriousViolations } from "./axe.mjs";

export const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);
export const WIDTHS = { laptop: 1280, phone: 390 };

/**
 * Serves the demo and launches the browser once for the calling test file (its before and after
 * hooks); the returned object's `url` and `browser` are set when the tests run.
 */
export function serveDemo() {
  const demo = {};
  before(async () => {
    ({ server: demo.server, url: demo.url } = await serve(0));
    demo.browser = await launch();
  });
  after(async () => {
    await demo.browser?.close();
    demo.server?.close();
  });
  return demo;
}

/** Opens the demo page at `width` and waits for the engine; collects requests and console errors. */
export async function openDemo(
  browser,
  url,
  { width = WIDTHS.laptop, height = 900, colorScheme = "light", reducedMotion = "no-preference" } = {},
) {
  await mkdir(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    reducedMotion,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('fin-advice[data-ready="true"]', { timeout: 30_000 });
  return { page, context, requests, problems };
}

/**
 * Resolves with the element's next `advice` ({report}) or `error` ({error}) event; rejects when
 * neither comes within `timeout` ms (a test fails instead of waiting forever).
 */
export function nextOutcome(page, timeout = 30_000) {
  return page.evaluate(
    (timeout) =>
      new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error(`no advice or error event within ${timeout} ms`)), timeout);
        const element = document.querySelector("fin-advice");
        const done = (value) => {
          element.removeEventListener("advice", onAdvice);
          element.removeEventListener("error", onError);
          resolve(value);
        };
        const onAdvice = (e) => done({ report: e.detail });
        const onError = (e) => done({ error: { message: e.detail.message, errors: e.detail.errors } });
        element.addEventListener("advice", onAdvice);
        element.addEventListener("error", onError);
      }),
    timeout,
  );
}

/** Chooses an example person and shows it (the form is untouched, so no question is asked). */
export async function choose(page, persona) {
  const outcome = nextOutcome(page);
  await page.selectOption("#persona", persona);
  await page.click("#use-example");
  return outcome;
}

/** Saves a full-page screenshot as test-artifacts/NAME.png. */
export function shot(page, name) {
  return page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
}

/** How far the page scrolls sideways (0 when nothing is wider than the viewport). */
export function sidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The element's control for a JSON pointer. */
export const field = (pointer) => `fin-advice >> [data-pointer="${pointer}"]`;

/** What the results area shows: empty, plan, stale or invalid. */
export const state = (page) => page.getAttribute("fin-advice >> .results", "data-state");

/** Fails with the list when axe-core finds a serious or critical violation on the page now. */
export async function assertAxeClean(page, where, consoleErrors) {
  const violations = await seriousViolations(page, consoleErrors);
  assert.deepEqual(violations, [], `axe-core, ${where}: ${JSON.stringify(violations, null, 1)}`);
}
