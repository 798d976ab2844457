// The examples/ a user would run: the Node script prints the report's actions in order (and a bad
// profile's problems with their pointers); the plain page and the worker page show the actions in
// headless Chromium, served from the repository's root.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import init, { Advisor } from "../../pkg/index.js";
import { serveDir } from "../../scripts/serve.mjs";
import { launch } from "../e2e/browser.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const profiles = `${repo}tests/profiles`;

function runNodeExample(...args) {
  return spawnSync(process.execPath, [`${repo}examples/node/advise.mjs`, ...args], { encoding: "utf8" });
}

test("examples/node/advise.mjs prints the report's actions in rank order", async () => {
  await init();
  const profile = JSON.parse(readFileSync(`${profiles}/new-graduate.json`, "utf8"));
  const expected = new Advisor().advise(profile).actions;
  assert.ok(expected.length > 0);
  const { status, stdout, stderr } = runNodeExample(`${profiles}/new-graduate.json`);
  assert.equal(status, 0, stderr);
  const titles = stdout.split("\n").filter((line) => /^\d+\. /.test(line));
  assert.deepEqual(
    titles,
    expected.map((a, i) => `${i + 1}. ${a.title}`),
  );
  assert.match(stdout, /monthly surplus -?\d/);
});

test("examples/node/advise.mjs lists a bad profile's problems and exits 1", () => {
  const { status, stderr } = runNodeExample(`${profiles}/invalid-many.json`);
  assert.equal(status, 1);
  assert.match(stderr, /^\/\S+: .+ \(\w+\)$/m);
});

test("examples/page and examples/worker show the actions in Chromium", async () => {
  const { server, url } = await serveDir(repo);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}examples/page/`);
    await page.click("#advise");
    await page.waitForSelector("#actions li");
    assert.ok((await page.locator("#actions li").count()) > 0);
    assert.equal(await page.locator("#problems").textContent(), "");

    await page.goto(`${url}examples/worker/`);
    await page.waitForSelector("#actions li");
    assert.ok((await page.locator("#actions li").count()) > 0);
  } finally {
    await browser.close();
    server.close();
  }
});
