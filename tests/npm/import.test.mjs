// The packed npm package, installed into a fresh temporary project and imported from Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));

test("npm pack → npm install → import in Node → advise", () => {
  const dir = mkdtempSync(join(tmpdir(), "finadvice-import-"));
  try {
    const packed = execFileSync("npm", ["pack", join(repo, "pkg"), "--pack-destination", dir, "--json"], {
      encoding: "utf8",
    });
    const [{ filename, files }] = JSON.parse(packed);
    const names = files.map((f) => f.path);
    for (const expected of [
      "index.js",
      "index.d.ts",
      "finadvice_bg.wasm",
      "package.json",
      "LICENSE",
      "THIRD-PARTY-LICENSES.md",
      "element/fin-advice.js",
    ]) {
      assert.ok(names.includes(expected), `${expected} is in the tarball: ${names.join(", ")}`);
    }
    // The model's training data asks binary redistributions to carry its notice.
    const notices = readFileSync(join(repo, "pkg", "THIRD-PARTY-LICENSES.md"), "utf8");
    for (const expected of [
      "| tract-core |",
      "name-suggestion-index",
      "Redistributions in binary form must reproduce",
      "iso18245",
    ]) {
      assert.ok(notices.includes(expected), `THIRD-PARTY-LICENSES.md names ${expected}`);
    }
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(dir, filename)], {
      cwd: dir,
      stdio: "pipe",
    });
    const profile = readFileSync(join(repo, "tests/profiles/new-graduate.json"), "utf8");
    writeFileSync(
      join(dir, "main.mjs"),
      `
      import init, { Advisor, FinAdviceError, version, validateProfile } from 'finadvice';
      await init();
      await init(); // idempotent
      const advisor = new Advisor();
      const report = advisor.advise(${JSON.stringify(profile)});
      let error;
      try { advisor.advise({ asOf: 'soon' }); } catch (e) { error = e; }
      console.log(JSON.stringify({
        version: version(),
        surplus: report.facts.monthlySurplus,
        isFinAdviceError: error instanceof FinAdviceError && error instanceof Error,
        paths: error.errors.map((e) => e.path),
        valid: validateProfile(JSON.parse(${JSON.stringify(profile)})).length,
      }));
    `,
    );
    const out = JSON.parse(execFileSync("node", ["main.mjs"], { cwd: dir, encoding: "utf8" }));
    const cargoVersion = readFileSync(join(repo, "Cargo.toml"), "utf8").match(/^version = "(.+)"/m)[1];
    assert.equal(out.version, cargoVersion);
    assert.equal(out.surplus, 481);
    assert.equal(out.isFinAdviceError, true);
    assert.deepEqual(out.paths, ["/asOf", "/currency", "/person", "/expenses"]);
    assert.equal(out.valid, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
