// The packed package in a Vite project: bundled, served, and run in headless Chromium on the main
// thread and inside a module Web Worker, under the strict Content-Security-Policy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { serveDir } from "../../scripts/serve.mjs";
import { launch } from "../e2e/browser.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const profile = readFileSync(join(repo, "tests/profiles/new-graduate.json"), "utf8");

const files = {
  "index.html": `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
    <script type="module" src="./main.js"></script></head><body></body></html>`,
  "profile.js": `export default ${profile};`,
  "main.js": `
    import init, { Advisor } from 'finadvice';
    import profile from './profile.js';
    await init();
    document.body.dataset.main = String(new Advisor().advise(profile).facts.monthlySurplus);
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (event) => { document.body.dataset.worker = String(event.data); };
    worker.onerror = (event) => { document.body.dataset.worker = 'error: ' + event.message; };
    worker.postMessage(profile);`,
  "worker.js": `
    import init, { Advisor, FinAdviceError } from 'finadvice';
    const ready = init();
    self.onmessage = async (event) => {
      await ready;
      const advisor = new Advisor();
      let refused = false;
      try { advisor.advise({}); } catch (e) { refused = e instanceof FinAdviceError; }
      self.postMessage(refused ? advisor.advise(event.data).facts.monthlySurplus : 'not refused');
    };`,
};

test("Vite bundles the package; it runs on the page and in a Worker", async () => {
  const dir = mkdtempSync(join(tmpdir(), "finadvice-vite-"));
  let server, url, browser;
  try {
    const [{ filename }] = JSON.parse(
      execFileSync("npm", ["pack", join(repo, "pkg"), "--pack-destination", dir, "--json"], { encoding: "utf8" }),
    );
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "vite-consumer", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(dir, filename)], {
      cwd: dir,
      stdio: "pipe",
    });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    await build({
      root: dir,
      logLevel: "warn",
      build: { outDir: join(dir, "dist"), target: "es2022" },
      worker: { format: "es" },
    });

    ({ server, url } = await serveDir(join(dir, "dist")));
    browser = await launch();
    const page = await browser.newPage();
    const requests = [];
    const problems = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.main && document.body.dataset.worker, null, {
      timeout: 30_000,
    });
    const { main, worker } = await page.evaluate(() => ({ ...document.body.dataset }));
    assert.deepEqual(problems, []);
    assert.equal(main, "481");
    assert.equal(worker, "481");
    assert.ok(
      requests.every((r) => r.startsWith(url)),
      requests.join("\n"),
    );
    assert.ok(
      requests.some((r) => r.endsWith(".wasm")),
      "the bundled .wasm asset was loaded",
    );
  } finally {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
