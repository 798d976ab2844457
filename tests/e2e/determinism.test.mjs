// Determinism: the same profile gives the same report natively (the CLI), in Node and in
// Chromium — compared as JSON text after one JSON.parse/stringify round (serde_json writes 481.0
// where JavaScript writes 481; the values, keys and order must be identical).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { launch } from "./browser.mjs";
import init, { Advisor } from "../../pkg/index.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(repo, "target", "debug", "finadvice");
const profiles = readdirSync(join(repo, "tests", "profiles"))
  .filter((f) => f.endsWith(".json") && !f.startsWith("invalid"))
  .map((f) => ({ name: f, text: readFileSync(join(repo, "tests", "profiles", f), "utf8") }));

let server, url, browser, page;
before(async () => {
  assert.ok(existsSync(cli), `${cli} exists (built by cargo test)`);
  await init();
  ({ server, url } = await serve(0));
  browser = await launch();
  page = await browser.newPage();
  await page.goto(`${url}index.html`);
});
after(async () => {
  await browser?.close();
  server?.close();
});

test("reports are identical natively, in Node and in Chromium", async () => {
  assert.ok(profiles.length >= 2);
  const advisor = new Advisor();
  for (const { name, text } of profiles) {
    const native = JSON.stringify(JSON.parse(execFileSync(cli, ["advise", "-"], { input: text, encoding: "utf8" })));
    const node = JSON.stringify(advisor.advise(JSON.parse(text)));
    const chromium = await page.evaluate(async (profile) => {
      const m = await import("/pkg/index.js");
      await m.init();
      return JSON.stringify(new m.Advisor().advise(JSON.parse(profile)));
    }, text);
    assert.equal(node, native, `${name}: Node vs native`);
    assert.equal(chromium, native, `${name}: Chromium vs native`);
  }
});
