// Categorization benchmark in headless Chromium (Debian's, via playwright-core): the same code as
// the Node run (categorize-core.mjs), served to the page from disk through request routing.
// Usage: node benches/categorize-browser.mjs [PKG_DIR ...]  (default pkg/; several packages are
// measured one after the other in the same browser, each table with its own anchor, e.g. a
// change against the package before it).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extname, join, normalize, resolve } from "node:path";
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

const packages = process.argv.length > 2 ? process.argv.slice(2).map((p) => resolve(p)) : [join(root, "pkg")];

/** The file a request path names: `/pkgN/...` in the Nth package, anything else under the repository. */
function fileFor(path) {
  const match = path.match(/^\/pkg([0-9]+)\/(.*)$/);
  const base = match ? packages[Number(match[1])] : root;
  if (!base) return undefined;
  const file = normalize(join(base, match ? match[2] : path));
  return file.startsWith(base) ? file : undefined;
}

const browser = await launch();
try {
  for (const [n, dir] of packages.entries()) {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/") return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>bench</title>" });
      const file = fileFor(decodeURIComponent(path));
      if (!file) return route.fulfill({ status: 403 });
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
    const result = await page.evaluate(
      async ([origin, pkg]) => {
        const core = await import(`${origin}/benches/categorize-core.mjs`);
        const finadvice = await import(`${origin}/${pkg}/index.js`);
        await finadvice.init(`${origin}/${pkg}/finadvice_bg.wasm`);
        const ort = await import(`${origin}/benches/node_modules/onnxruntime-web/dist/ort.wasm.min.mjs`);
        ort.env.wasm.wasmPaths = `${origin}/benches/node_modules/onnxruntime-web/dist/`;
        const modelBytes = new Uint8Array(await (await fetch(`${origin}/models/categorizer.onnx`)).arrayBuffer());
        const golden = await (await fetch(`${origin}/tests/golden/featurize.json`)).json();
        return core.run({ finadvice, ort, modelBytes, golden, now: () => performance.now() });
      },
      [ORIGIN, `pkg${n}`],
    );
    console.log(table(`headless ${version}, ${dir}`, result));
    await page.close();
  }
} finally {
  await browser.close();
}
