// The personas in headless Chromium: every profile in tests/personas/ is advised by the packed
// module in the browser and must give exactly its reviewed snapshot (NAME.report.json, written by
// `UPDATE_SNAPSHOTS=1 cargo test --test personas`); the demo page offers every persona.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { launch } from "./browser.mjs";

const dir = fileURLToPath(new URL("../personas/", import.meta.url));
const personas = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".report.json"))
  .map((f) => f.slice(0, -".json".length))
  .sort();

let server, url, browser, page;
before(async () => {
  ({ server, url } = await serve(0));
  browser = await launch();
  page = await browser.newPage();
  await page.goto(`${url}index.html`);
  await page.waitForSelector('body[data-ready="true"]');
});
after(async () => {
  await browser?.close();
  server?.close();
});

test("every persona gives its snapshot in Chromium", async () => {
  assert.ok(personas.length >= 12, `${personas.length} personas`);
  const reports = await page.evaluate(async (names) => {
    const m = await import("/pkg/index.js");
    await m.init();
    const advisor = new m.Advisor();
    const out = {};
    for (const name of names) {
      const profile = await (await fetch(`/personas/${name}.json`)).json();
      out[name] = JSON.stringify(advisor.advise(profile));
    }
    return out;
  }, personas);
  for (const name of personas) {
    const snapshot = JSON.parse(readFileSync(join(dir, `${name}.report.json`), "utf8"));
    assert.deepEqual(JSON.parse(reports[name]), snapshot, `${name}: Chromium report vs the snapshot`);
  }
});

test("the demo page offers every persona", async () => {
  const options = await page.$$eval("#persona option", (os) => os.map((o) => o.value));
  for (const name of personas) assert.ok(options.includes(`personas/${name}`), `${name} in ${options}`);
});
