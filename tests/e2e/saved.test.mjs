// End to end: kept on the device (issue 18) — the profile, imported transactions and corrections
// saved in IndexedDB only when the person opts in, restored after a reload, exported as JSON and
// deleted; with a passphrase, stored encrypted (AES-GCM) and opened only with it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openDemo, nextOutcome, choose, shot, field, state, assertAxeClean, serveDemo } from "./page-helpers.mjs";

const demo = serveDemo();

test("kept on the device: saved on opt-in, restored after a reload, exported, deleted", async () => {
  const { page, context, requests } = await openDemo(demo.browser, demo.url);
  await choose(page, "examples/new-graduate");
  await page.check("fin-advice >> .keep-on");
  await page.waitForFunction(() =>
    /Saved on this device/.test(
      document.querySelector("fin-advice").shadowRoot.querySelector(".keep-status").textContent,
    ),
  );
  await page.fill(field("/person/age"), "25");
  let outcome = nextOutcome(page);
  await page.click("fin-advice >> .submit");
  await outcome;
  const loaded = requests.length;

  await page.reload();
  await page.waitForSelector('fin-advice[data-restored="true"]', { timeout: 30_000 });
  await page.waitForSelector("fin-advice >> li.action");
  assert.equal(await page.inputValue(field("/person/age")), "25", "the edited number came back");
  assert.equal(await state(page), "plan", "and its plan with it");
  assert.equal(await page.isChecked("fin-advice >> .keep-on"), true);
  assert.ok(
    requests.slice(loaded).every((r) => r.startsWith(demo.url)),
    "a reload fetches only the page itself",
  );

  const download = page.waitForEvent("download");
  await page.click("fin-advice >> .keep-export");
  assert.equal((await download).suggestedFilename(), "finadvice-everything.json");

  await page.click("fin-advice >> .keep-delete");
  await page.waitForFunction(() =>
    /deleted/.test(document.querySelector("fin-advice").shadowRoot.querySelector(".keep-status").textContent),
  );
  assert.equal(await page.inputValue(field("/person/age")), "");
  assert.equal(await state(page), "empty");
  await page.reload();
  await page.waitForSelector('fin-advice[data-ready="true"]');
  await page.waitForTimeout(300);
  assert.equal(await page.inputValue(field("/person/age")), "", 'nothing comes back after "delete everything"');
  assert.equal(await page.isChecked("fin-advice >> .keep-on"), false);
  await context.close();
});

test("kept with a passphrase: locked after a reload, a wrong passphrase refused, the right one opens it", async () => {
  const { page, context } = await openDemo(demo.browser, demo.url);
  await choose(page, "examples/new-graduate");
  await page.fill("fin-advice >> .keep-pass", "correct horse battery staple");
  await page.check("fin-advice >> .keep-on");
  await page.waitForFunction(() =>
    /locked with your passphrase/.test(
      document.querySelector("fin-advice").shadowRoot.querySelector(".keep-status").textContent,
    ),
  );
  const raw = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open("finadvice");
        open.onsuccess = () => {
          const get = open.result.transaction("saved").objectStore("saved").get("current");
          get.onsuccess = () =>
            resolve(JSON.stringify({ ...get.result, ciphertext: new TextDecoder().decode(get.result.ciphertext) }));
        };
      }),
  );
  assert.doesNotMatch(raw, /Visa|Salary|4200/, "nothing readable is stored");

  await page.reload();
  await page.waitForSelector("fin-advice >> .keep-unlock:not([hidden])");
  assert.equal(await page.inputValue(field("/person/age")), "");
  await page.fill("fin-advice >> .unlock-pass", "wrong");
  await page.click("fin-advice >> .unlock");
  await page.waitForSelector('fin-advice >> .unlock-pass[aria-invalid="true"]');
  assert.match(await page.textContent("fin-advice >> .keep-status"), /does not open/);
  await page.fill("fin-advice >> .unlock-pass", "correct horse battery staple");
  const outcome = nextOutcome(page);
  await page.click("fin-advice >> .unlock");
  await outcome;
  assert.equal(await page.inputValue(field("/person/age")), "23");
  await shot(page, "page-restored-1280");
  await context.close();
});
