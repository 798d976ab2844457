// The package's module is a build-time memory snapshot (scripts/snapshot.mjs): it starts
// with the default model's plan and the default rule pack prepared, and gives exactly the
// results of the module before the snapshot (kept by scripts/build-pkg.sh in target/snapshot/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const snapshotWasm = readFileSync(join(repo, "pkg", "finadvice_bg.wasm"));
const plainWasm = readFileSync(join(repo, "target", "snapshot", "finadvice_bg.presnapshot.wasm"));

// Two independent instances of the package's entry (a module URL with another query is another
// module instance), one per wasm file.
async function load(bytes, tag) {
  const glue = await import(`../../pkg/index.js?${tag}`);
  glue.initSync({ module: bytes });
  return glue;
}
const snapshot = await load(snapshotWasm, "snapshot");
const plain = await load(plainWasm, "plain");

const profileDirs = ["tests/personas", "tests/profiles"];
const profiles = profileDirs.flatMap((dir) =>
  readdirSync(join(repo, dir))
    .filter((f) => f.endsWith(".json") && !f.endsWith(".report.json"))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(repo, dir, f), "utf8") })),
);

test("the package module starts with the default model and rule pack prepared", () => {
  // Before any Advisor exists in this instance: the work was done at build time.
  assert.equal(snapshot.__finadviceDefaultsPrepared(), true);
  assert.equal(plain.__finadviceDefaultsPrepared(), false);
  assert.ok(snapshotWasm.length > plainWasm.length, "the snapshot carries the prepared state");
  // The build step's own check agrees.
  execFileSync("node", [join(repo, "scripts", "snapshot.mjs"), join(repo, "pkg", "finadvice_bg.wasm"), "--check"]);
  assert.throws(() =>
    execFileSync(
      "node",
      [
        join(repo, "scripts", "snapshot.mjs"),
        join(repo, "target", "snapshot", "finadvice_bg.presnapshot.wasm"),
        "--check",
      ],
      { stdio: "pipe" },
    ),
  );
});

test("the snapshot gives the same reports as the module before it", () => {
  assert.ok(profiles.length >= 15, `${profiles.length} profiles`);
  const advisors = [new snapshot.Advisor(), new plain.Advisor()];
  const explain = [new snapshot.Advisor({ explain: true }), new plain.Advisor({ explain: true })];
  let invalid = 0;
  for (const { name, text } of profiles) {
    for (const [a, b] of [advisors, explain]) {
      const run = (advisor) => {
        try {
          return JSON.stringify(advisor.advise(JSON.parse(text)));
        } catch (e) {
          return `error: ${e.message} ${JSON.stringify(e.errors)}`;
        }
      };
      const [left, right] = [run(a), run(b)];
      if (left.startsWith("error:")) invalid++;
      assert.equal(left, right, name);
    }
  }
  assert.ok(invalid < profiles.length, "most profiles give a report");
  // The categorizer and the versions it reports (the model's hash, the pack's hash).
  const rows = [
    { description: "SQ *BLUE BOTTLE 0412 OAKLAND CA", amount: -6.75 },
    { description: "PAYROLL ACME CORP", amount: 4200 },
    { description: "NETFLIX.COM", amount: -15.49 },
  ];
  assert.deepEqual(advisors[0].categorize(rows), advisors[1].categorize(rows));
});

test("a custom rule pack and a second advisor work on the snapshot as before", () => {
  const pack = readFileSync(join(repo, "rules", "us-default.json"), "utf8");
  const text = profiles[0].text;
  const a = new snapshot.Advisor({ rulePack: pack });
  const b = new plain.Advisor({ rulePack: pack });
  assert.equal(JSON.stringify(a.advise(JSON.parse(text))), JSON.stringify(b.advise(JSON.parse(text))));
  assert.equal(
    JSON.stringify(new snapshot.Advisor().advise(JSON.parse(text))),
    JSON.stringify(new plain.Advisor().advise(JSON.parse(text))),
  );
});
