// Advice for a profile file, from Node: the ranked actions with their reasons, then the key facts.
// Usage (after `bash scripts/build-pkg.sh`): node examples/node/advise.mjs [PROFILE.json]
// In a project of your own, import from 'finadvice' instead of the repository's pkg/.
import { readFile } from "node:fs/promises";
import init, { Advisor, FinAdviceError } from "../../pkg/index.js";

const file = process.argv[2] ?? new URL("../../tests/profiles/new-graduate.json", import.meta.url);
const profile = JSON.parse(await readFile(file, "utf8"));

await init(); // in Node, reads finadvice_bg.wasm from disk
try {
  const report = new Advisor().advise(profile);
  report.actions.forEach((action, i) => {
    console.log(`${i + 1}. ${action.title}`);
    console.log(`   ${action.detail}`);
  });
  const { monthlySurplus, emergencyFundMonths, totalDebt } = report.facts;
  console.log(`\nmonthly surplus ${monthlySurplus}, emergency fund ${emergencyFundMonths} months, debt ${totalDebt}`);
} catch (error) {
  if (!(error instanceof FinAdviceError)) throw error;
  // Every problem of the profile at once, each with its JSON pointer.
  for (const { path, code, message } of error.errors) console.error(`${path}: ${message} (${code})`);
  process.exitCode = 1;
}
