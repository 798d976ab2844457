// Categorization benchmark in headless Chromium (Debian's, via playwright-core): the same code as
// the Node run (categorize-core.mjs), served to the page from disk through request routing.
// Usage: node benches/categorize-browser.mjs
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extname, join, normalize } from "node:path";
import { launch } from "../tests/e2e/browser.mjs";
import { table } from "./categorize-core.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const ORIGIN = "http://bench.local";
const TYPES = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".onnx": "application/octet-stream",
  ".html": "text/html",
};

const browser = await launch();
try {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === "/") return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>bench</title>" });
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root)) return route.fulfill({ status: 403 });
    try {
      return route.fulfill({
        contentType: TYPES[extname(file)] ?? "application/octet-stream",
        body: readFileSync(file),
      });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  await page.goto(`${ORIGIN}/`);
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[0-9.]+/)?.[0] ?? navigator.userAgent);
  const result = await page.evaluate(async (origin) => {
    const core = await import(`${origin}/benches/categorize-core.mjs`);
    const finadvice = await import(`${origin}/pkg/index.js`);
    await finadvice.init(`${origin}/pkg/finadvice_bg.wasm`);
    const ort = await import(`${origin}/benches/node_modules/onnxruntime-web/dist/ort.wasm.min.mjs`);
    ort.env.wasm.wasmPaths = `${origin}/benches/node_modules/onnxruntime-web/dist/`;
    const modelBytes = new Uint8Array(await (await fetch(`${origin}/models/categorizer.onnx`)).arrayBuffer());
    const golden = await (await fetch(`${origin}/tests/golden/featurize.json`)).json();
    return core.run({ finadvice, ort, modelBytes, golden, now: () => performance.now() });
  }, ORIGIN);
  console.log(table(`headless ${version}`, result));
} finally {
  await browser.close();
}
