// The package's TypeScript declarations, generated from the Rust types, checked by the TypeScript
// compiler in a fresh project: correct use compiles; misuse (a wrong field, a wrong type) does not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");

const GOOD = `
import init, { Advisor, FinAdviceError, RulePack, planDebtPayoff, validateProfile, type Profile, type Report, type Category, type RuleData } from 'finadvice';
import type { FinAdviceElement } from 'finadvice/element';
await init();
const profile: Profile = { asOf: '2026-01-31', currency: 'USD', person: { age: 30 }, expenses: { essentialMonthly: 1000 } };
const advisor = new Advisor();
const report: Report = advisor.advise(profile);
const months: number | null = report.facts.emergencyFundMonths;
const title: string | undefined = report.actions[0]?.title;
const category: Category | undefined = report.transactions[0]?.category;
const plan = planDebtPayoff({ debts: [{ name: 'Visa', balance: 1000, aprPercent: 20, minPayment: 50 }], monthlyBudget: 200 });
const debtFree: number = plan.months;
const problems = validateProfile('{}');
const where: string | undefined = problems[0]?.path;
try { new Advisor({ explain: true }).advise('{}'); } catch (e) { if (e instanceof FinAdviceError) console.log(e.errors[0]?.code); }
declare const element: FinAdviceElement;
const last: Report | null = element.report;
const pack = new RulePack({ id: 'p', version: '1', locale: 'en-US', currency: 'USD', rules: [] });
const data: RuleData = { facts: { emergencyFundMonths: 0.8 }, plans: {} };
const fired: string[] = pack.evaluate(data);
const fromText: string[] = pack.evaluate('{"facts": {}}');
console.log(months, title, category, debtFree, where, last, fired, fromText);
`;

const BAD = `
import { Advisor, RulePack, type Profile } from 'finadvice';
const profile: Profile = { asOf: '2026-01-31', currency: 'USD', person: { age: 'thirty' } };
const report = new Advisor().advise(profile);
const wrong: string = report.facts.emergencyFundMonths;
console.log(report.facts.noSuchFact, wrong);
new RulePack({ rules: [] }).evaluate({ facts: { emergencyFundMonths: 'low' } });
const count: number = new RulePack('{}').evaluate({});
`;

function typecheck(dir, file) {
  return spawnSync(
    process.execPath,
    [
      tsc,
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--lib",
      "esnext,dom",
      "--skipLibCheck",
      "false",
      file,
    ],
    { cwd: dir, encoding: "utf8" },
  );
}

test("the declarations type the API: correct use compiles, misuse is refused", () => {
  const dir = mkdtempSync(join(tmpdir(), "finadvice-types-"));
  try {
    const [{ filename }] = JSON.parse(
      execFileSync("npm", ["pack", join(repo, "pkg"), "--pack-destination", dir, "--json"], { encoding: "utf8" }),
    );
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "ts-consumer", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(dir, filename)], {
      cwd: dir,
      stdio: "pipe",
    });
    writeFileSync(join(dir, "good.ts"), GOOD);
    writeFileSync(join(dir, "bad.ts"), BAD);
    const good = typecheck(dir, "good.ts");
    assert.equal(good.status, 0, good.stdout + good.stderr);
    const bad = typecheck(dir, "bad.ts");
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout, /bad\.ts\(3,.*TS2322/, "age must be a number");
    assert.match(bad.stdout, /bad\.ts\(5,.*TS2322/, "emergencyFundMonths is number | null");
    assert.match(bad.stdout, /bad\.ts\(6,.*TS2339.*noSuchFact/, "unknown facts are refused");
    assert.match(bad.stdout, /bad\.ts\(7,.*TS2322/, "RuleData facts are typed");
    assert.match(bad.stdout, /bad\.ts\(8,.*TS2322/, "evaluate returns the fired rule ids");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
