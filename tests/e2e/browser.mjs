// Shared launchers for the browser tests: Debian's Chromium driven by playwright-core and Debian's
// Firefox ESR driven by puppeteer-core over WebDriver BiDi — never a downloaded browser, with the
// flags and preferences that keep them off the network.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The Firefox binary itself (/usr/bin/firefox-esr is a wrapper script puppeteer cannot drive). */
export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/lib/firefox-esr/firefox-esr";

/** The command-line flags every test and benchmark runs Chromium with. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/** Launches headless Chromium. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Firefox preferences that keep a test browser from calling home (puppeteer sets most of the rest). */
const FIREFOX_PREFS = {
  "app.update.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "network.prefetch-next": false,
  "network.dns.disablePrefetch": true,
  "extensions.getAddons.cache.enabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "toolkit.telemetry.enabled": false,
};

/**
 * Launches headless Firefox ESR through puppeteer-core (WebDriver BiDi), its window `width` ×
 * `height` CSS pixels (Firefox ESR 140 lacks the BiDi emulation command behind setViewport).
 */
export async function launchFirefox({ width = 1280, height = 900 } = {}) {
  const { default: puppeteer } = await import("puppeteer-core");
  return puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: null,
    args: [`--width=${width}`, `--height=${height}`],
    extraPrefsFirefox: FIREFOX_PREFS,
  });
}
