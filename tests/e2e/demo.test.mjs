// End to end: the demo page in headless Chromium, under its strict Content-Security-Policy,
// computes a report locally and makes no request after it has loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

const artifacts = new URL('../../test-artifacts/', import.meta.url);
let server, url, browser;

before(async () => {
  ({ server, url } = await serve(0));
  browser = await launch();
  await mkdir(artifacts, { recursive: true });
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function openDemo() {
  const page = await browser.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, requests, problems };
}

test('the demo computes a report from the example profile', async () => {
  const { page, problems } = await openDemo();
  const report = JSON.parse(await page.textContent('#report'));
  assert.equal(report.facts.monthlySurplus, 481);
  assert.equal(report.facts.unclaimedEmployerMatchAnnual, 870);
  // The default rule pack: the match is worth $870 a year, then the 24.99% card.
  assert.deepEqual(report.actions.map((a) => a.rule), ['employer-match', 'high-interest-debt']);
  assert.equal(report.versions.rulePack.id, 'us-default');
  assert.deepEqual(problems, [], 'no console errors (a CSP violation would show here)');
  await page.screenshot({ path: new URL('demo-report.png', artifacts).pathname, fullPage: true });
  await page.close();
});

test('a profile with mistakes lists every problem with its JSON pointer', async () => {
  const { page } = await openDemo();
  await page.selectOption('#example', 'invalid-many');
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
  const items = await page.$$eval('#errors li', (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, 14);
  assert.ok(items.some((t) => t.startsWith('/debts/1/apr ')), items.join('\n'));
  await page.screenshot({ path: new URL('demo-errors.png', artifacts).pathname, fullPage: true });
  await page.close();
});

test('no request leaves the page after it has loaded', async () => {
  const { page, requests } = await openDemo();
  const loaded = requests.length;
  assert.ok(requests.every((r) => r.startsWith(url)), `only same-origin requests: ${requests.join(', ')}`);
  await page.fill('#profile', await page.inputValue('#profile'));
  await page.click('#advise');
  await page.click('#advise');
  await page.waitForTimeout(300);
  assert.deepEqual(requests.slice(loaded), [], 'advising made a request');
  await page.close();
});
