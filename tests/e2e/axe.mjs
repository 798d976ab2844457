// axe-core in a page under test: the library's source is evaluated in the page (the strict CSP
// forbids inline script tags, not evaluation by the test driver) and run over the whole document,
// the element's open shadow root included. Returns the serious and critical violations.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const source = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The serious and critical axe-core violations on the page now, as [{id, impact, help, targets}].
 * axe measures some elements by giving them an inline style, which the page's CSP refuses with a
 * console error; those errors, logged while axe runs, are removed from `consoleErrors`.
 */
export async function seriousViolations(page, consoleErrors = []) {
  const seen = consoleErrors.length;
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(await source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  await page.waitForTimeout(50); // console messages arrive after the evaluation resolves
  const during = consoleErrors.splice(seen);
  consoleErrors.push(...during.filter((m) => !/^Applying inline style violates/.test(m)));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}
