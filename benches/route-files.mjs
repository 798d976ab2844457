// Serves files from disk to a Playwright page through request routing (no server): `fileFor(path)`
// maps a request's path to a file, or undefined to refuse it. Used by the categorizer benchmarks.
import { readFileSync } from "node:fs";
import { extname } from "node:path";

const TYPES = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".onnx": "application/octet-stream",
  ".html": "text/html",
};

/** Routes every request under `origin` of `page`: `/` is an empty page, other paths `fileFor(path)`. */
export function routeFiles(page, origin, fileFor) {
  return page.route(`${origin}/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    if (path === "/") return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>bench</title>" });
    const file = fileFor(path);
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
}
