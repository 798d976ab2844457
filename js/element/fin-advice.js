// <fin-advice>: a framework-free custom element that asks for a person's finances, runs the
// finadvice engine in a Web Worker and shows the ranked plan, its reasons and charts.
//
// Attributes: `rule-pack` (URL of a rule pack JSON), `model` (URL of an ONNX model) — fetched
// once, from the page's own origin, before any input. Properties: `profile` (get/set), `report`
// (read-only), `edited` (whether the person changed the form since it was last set). Methods:
// `advise()`, `focusPlan()`. Events: `advice` (detail: the report), `error` (detail: the error).
// Theming: CSS custom properties --fin-* (see fin-advice.css).
//
// The results never show a plan that does not match the form: an edit marks them out of date,
// an invalid input clears them, and an error summary above the form links to each field.
import { startEngine } from "./engine-client.js";
import { buildProfileForm } from "./profile-form.js";
import { buildImportPanel } from "./import-panel.js";
import { buildQuestions } from "./questions.js";
import { profileTransactions } from "./profile-transactions.js";
import { barChart, lineChart, fanChart, donutChart, dataTable } from "./charts.js";
import { money, moneyCompact, factValue, humanName, monthYear } from "./format.js";
import { impactWords, plainTrace } from "./explain.js";
import * as store from "./store.js";
import { laterItems, scheduleSection } from "./schedule.js";
import { goalsSection } from "./goals.js";
import { whatIfSection } from "./what-if.js";
import { FinAdviceError } from "../index.js";

const MEMORY_KEY = "finadvice:merchant-memory";
const CATEGORIES = [
  "income",
  "transfer",
  "housing",
  "utilities",
  "groceries",
  "dining",
  "transport",
  "health",
  "personal_care",
  "insurance",
  "shopping",
  "entertainment",
  "subscriptions",
  "travel",
  "education",
  "fees",
  "debt_payment",
  "gifts_donations",
  "cash",
  "other",
  "uncategorized",
];

const TEMPLATE = `
  <link rel="stylesheet" href="${new URL("./fin-advice.css", import.meta.url)}">
  <a class="skip" href="#plan-heading">Skip to your plan</a>
  <div class="layout">
    <form class="profile" novalidate aria-labelledby="form-heading">
      <h2 id="form-heading">Your numbers</h2>
      <p class="intro">Answer a few questions (or import your bank exports) and get a plan: what to do with your money each month, in order, and why.
        Everything is computed on this device; nothing you type or import is sent anywhere.</p>
      <div class="error-summary" role="alert" tabindex="-1" hidden>
        <h3 class="error-title"></h3>
        <ul></ul>
      </div>
      <fieldset class="import"></fieldset>
      <section class="questions" aria-label="Questions your exports cannot answer" hidden></section>
      <p class="draft-confirm" role="alert" hidden>
        Your transactions can fill in the form, but you have typed numbers of your own.
        <button type="button" class="draft-replace">Fill in from my transactions</button>
        <button type="button" class="draft-keep">Keep what I typed</button>
      </p>
      <button type="button" class="show-form" hidden>See or change all your numbers</button>
      <div class="form-fields"></div>
      <button type="submit" class="submit">Get my plan</button>
      <fieldset class="keep">
        <legend>Keep my numbers on this device</legend>
        <p class="hint" id="keep-hint">Saved only in this browser's storage (IndexedDB) on this device, never sent anywhere.
          Anyone who uses this browser can open them, unless you choose a passphrase.</p>
        <label><input type="checkbox" class="keep-on" aria-describedby="keep-hint"> Save my numbers, transactions and corrections here</label>
        <div class="field"><label for="keep-pass">Passphrase (optional)</label><input id="keep-pass" class="keep-pass" type="password" autocomplete="new-password"></div>
        <div class="keep-unlock" hidden>
          <div class="field"><label for="unlock-pass">Passphrase of your saved numbers</label><input id="unlock-pass" class="unlock-pass" type="password" autocomplete="current-password"></div>
          <button type="button" class="unlock">Open my saved numbers</button>
        </div>
        <button type="button" class="keep-export">Export everything (JSON)</button>
        <button type="button" class="keep-delete">Delete everything</button>
        <p class="keep-status" role="status"></p>
      </fieldset>
    </form>
    <section class="results" aria-labelledby="plan-heading" data-state="empty">
      <h2 id="plan-heading" tabindex="-1">Your plan</h2>
      <p class="status" role="status" aria-live="polite">Loading the engine…</p>
      <progress class="progress" hidden></progress>
      <div class="stale" role="status" hidden>
        <p><strong>Out of date:</strong> you changed your numbers after this plan was made.</p>
        <button type="button" class="refresh">Update my plan</button>
      </div>
      <div class="plan-body" hidden>
        <div class="schedule-slot"></div>
        <div class="goals-slot"></div>
        <ol class="actions"></ol>
        <section class="later" hidden>
          <h3>After these steps</h3>
          <p>These apply to you too, once the steps they wait for are done.</p>
          <ul></ul>
        </section>
        <div class="what-if-slot"></div>
        <section class="well" hidden><h3>What you are doing well</h3><ul></ul></section>
        <section class="charts"></section>
        <section class="transactions" hidden>
          <h3>Your transactions</h3>
          <p>Correct a category and the plan is recomputed. Corrections stay on this device.</p>
          <label><input type="checkbox" class="remember"> Remember my corrections in this browser</label>
          <button type="button" class="memory-export">Export corrections</button>
          <button type="button" class="memory-delete">Delete corrections</button>
          <div class="table-wrap" tabindex="0" role="region" aria-label="Your transactions"><table><thead><tr><th scope="col">Date</th><th scope="col">Description</th><th scope="col">Amount</th><th scope="col">Category</th></tr></thead><tbody></tbody></table></div>
        </section>
        <details class="facts"><summary>All the numbers</summary><dl></dl></details>
        <p class="disclaimer" hidden></p>
      </div>
    </section>
  </div>`;

export class FinAdviceElement extends HTMLElement {
  #engine;
  #configured;
  #form;
  #transactions = [];
  #importPanel;
  /** The open questions after an import, one group at a time. */
  #questions;
  /** How many files the transactions in use came from (null when they came with a profile). */
  #importedFiles = null;
  /** The profile drafted from the last import, until it is used or declined. */
  #draft = null;
  #report = null;
  /** The profile (as JSON) the shown report was computed from. */
  #reportInput = null;
  #reportCurrency = undefined;
  #catalog = [];
  #busy = 0;
  #edited = false;
  #restored;
  /** The passphrase the saved record was opened (or is saved) with, kept only in memory. */
  #passphrase = "";

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = TEMPLATE;
    this.#form = buildProfileForm(root.querySelector(".form-fields"), {
      onChange: () => {
        this.#edited = true;
        this.#checkStale();
      },
    });
    this.#form.fillDefaults();
    root.querySelector("form").addEventListener("submit", (e) => {
      e.preventDefault();
      this.#submit();
    });
    root.querySelector(".skip").addEventListener("click", (e) => {
      e.preventDefault();
      this.focusPlan();
    });
    root.querySelector(".refresh").addEventListener("click", () => this.#submit());
    root.querySelector(".show-form").addEventListener("click", () => {
      this.#showForm(true);
      root.querySelector(".form-fields [data-pointer]")?.focus();
    });
    this.#importPanel = buildImportPanel(root.querySelector(".import"), {
      call: (method, ...args) => this.#engine.call(method, ...args),
      onUse: (transactions, files) => this.#useImport(transactions, files),
      onRemove: () => this.#removeTransactions(),
      currency: () => this.#currency(),
    });
    this.#questions = buildQuestions(root.querySelector(".questions"), {
      form: this.#form,
      onDone: () => {
        this.#showForm(false); // the answers are in: the plan comes next, the whole form one button away
        this.#submit();
      },
      onFullForm: (path) => {
        this.#showForm(true);
        const control = (path && this.#form.controlFor(path)) ?? root.querySelector(".asked [data-pointer]");
        control?.focus();
      },
    });
    root.querySelector(".draft-replace").addEventListener("click", () => this.#applyDraft());
    root.querySelector(".draft-keep").addEventListener("click", () => {
      root.querySelector(".draft-confirm").hidden = true;
      this.#draft = null;
      this.#form.controlFor("/person/age")?.focus();
    });
    root.querySelector(".error-summary ul").addEventListener("click", (e) => this.#jumpToField(e));
    root.querySelector(".remember").addEventListener("change", (e) => this.#setRemember(e.target.checked));
    root.querySelector(".memory-export").addEventListener("click", () => this.#exportMemory());
    root.querySelector(".memory-delete").addEventListener("click", () => this.#deleteMemory());
    root.querySelector(".remember").checked = localStorage.getItem(MEMORY_KEY) !== null;
    root.querySelector(".keep-on").addEventListener("change", (e) => this.#setKeep(e.target.checked));
    root.querySelector(".keep-pass").addEventListener("change", () => this.#keepNow());
    root.querySelector(".unlock").addEventListener("click", () => this.#unlock());
    root.querySelector(".unlock-pass").addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        this.#unlock();
      }
    });
    root.querySelector(".keep-export").addEventListener("click", () => this.#exportEverything());
    root.querySelector(".keep-delete").addEventListener("click", () => this.#deleteEverything());
    this.#engine = startEngine();
    this.#configured = this.#configure();
    this.#restored = this.#restore();
  }

  disconnectedCallback() {
    this.#engine?.terminate();
    this.#engine = undefined;
    this.shadowRoot?.replaceChildren();
  }

  /** The profile in the form (plus imported transactions). */
  get profile() {
    const profile = this.#form?.read() ?? {};
    if (this.#transactions.length) profile.transactions = this.#transactions;
    return profile;
  }

  set profile(profile) {
    const run = () => {
      this.#transactions = profile?.transactions ?? [];
      this.#importedFiles = null;
      this.#form.write(profile ?? {});
      this.#form.fillDefaults();
      this.#edited = false;
      this.#showForm(true);
      this.#showCurrentTransactions();
      this.#checkStale();
    };
    if (this.#form) run();
    else queueMicrotask(run);
  }

  /** Whether the person changed the form since the profile was last set (or the page opened). */
  get edited() {
    return this.#edited;
  }

  /** The last report, or null. */
  get report() {
    return this.#report;
  }

  /** Moves keyboard focus (and the view) to the plan's heading. */
  focusPlan() {
    const heading = this.shadowRoot?.querySelector("#plan-heading");
    heading?.focus();
    heading?.scrollIntoView({
      block: "start",
      behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth",
    });
  }

  async #configure() {
    const options = {};
    const rulePack = this.getAttribute("rule-pack");
    const model = this.getAttribute("model");
    await this.#work("Loading the engine…", async () => {
      if (rulePack) options.rulePack = await (await fetch(rulePack)).json();
      if (model) options.model = new Uint8Array(await (await fetch(model)).arrayBuffer());
      let version;
      const saved = localStorage.getItem(MEMORY_KEY);
      try {
        version = await this.#engine.call("configure", saved ? { ...options, memory: JSON.parse(saved) } : options);
      } catch (error) {
        if (!saved) throw error;
        localStorage.removeItem(MEMORY_KEY); // a corrupt saved memory must not lock the person out
        version = await this.#engine.call("configure", options);
      }
      this.#catalog = await this.#engine.call("factCatalog");
      this.#status(
        `Ready. Fill in your numbers and choose "Get my plan". Everything is computed on this device (finadvice ${version}).`,
      );
      this.dataset.ready = "true";
    });
  }

  /** Submit from the form: compute, then move focus to the plan (or to the error summary). */
  async #submit() {
    const report = await this.advise();
    if (report) this.focusPlan();
  }

  /** Computes the plan for the current profile; resolves to the report (or null on bad input). */
  async advise() {
    await this.#configured;
    const profile = this.profile;
    const input = JSON.stringify(profile);
    return this.#work("Computing your plan…", async () => {
      const local = this.#form.localIssues();
      let report;
      try {
        report = await this.#engine.call("advise", profile);
      } catch (error) {
        if (local.length && error.errors) error.errors = mergeIssues(local, error.errors);
        throw error;
      }
      if (local.length) {
        // The engine accepted what the form could read, but the form holds text it could not read.
        throw new FinAdviceError("the form has values the page cannot read", local);
      }
      // Compared with the form by #checkStale: an edit made while the engine computed marks it out of date.
      this.#report = report;
      this.#reportInput = input;
      this.#reportCurrency = profile.currency;
      this.#showSummary([]);
      this.#form.showErrors([]);
      this.#render(report);
      this.#setState("plan");
      this.#status(
        `Your plan is ready: ${report.actions.length} step${report.actions.length === 1 ? "" : "s"}, computed on this device.`,
      );
      this.#checkStale();
      await this.#keepNow();
      this.dispatchEvent(new CustomEvent("advice", { detail: report }));
      return report;
    });
  }

  async #work(message, task) {
    const progress = this.shadowRoot.querySelector(".progress");
    this.#busy++;
    progress.hidden = false;
    this.#status(message);
    this.setAttribute("aria-busy", "true");
    try {
      return await task();
    } catch (error) {
      this.#showError(error);
      this.dispatchEvent(new CustomEvent("error", { detail: error }));
      return null;
    } finally {
      if (--this.#busy === 0) {
        progress.hidden = true;
        this.removeAttribute("aria-busy");
      }
    }
  }

  #status(text) {
    this.shadowRoot.querySelector(".status").textContent = text;
  }

  /** empty | plan | stale | invalid: what the results area shows (CSS greys a stale plan, hides an invalid one). */
  #setState(state) {
    const results = this.shadowRoot.querySelector(".results");
    results.dataset.state = state;
    this.shadowRoot.querySelector(".stale").hidden = state !== "stale";
    this.shadowRoot.querySelector(".plan-body").hidden = state === "invalid" || state === "empty";
  }

  /** A shown plan whose input differs from the form is marked out of date (and unmarked if the edit is undone). */
  #checkStale() {
    const state = this.shadowRoot.querySelector(".results").dataset.state;
    if (state !== "plan" && state !== "stale") return;
    const next = JSON.stringify(this.profile) === this.#reportInput ? "plan" : "stale";
    if (next === state) return;
    this.#setState(next);
    this.#status(
      next === "stale"
        ? 'Your plan is out of date: you changed your numbers. Choose "Update my plan".'
        : "Your plan matches your numbers again, computed on this device.",
    );
  }

  #showError(error) {
    // The summary links to fields of the whole form: it is shown, even when the questions were.
    if (this.shadowRoot.querySelector(".form-fields").hidden) this.#showForm(true);
    const issues = error.errors ?? [{ code: "engine", path: "", message: error.message }];
    const shown = error.errors
      ? this.#form.showErrors(issues)
      : issues.map((issue) => ({ issue, text: `Something went wrong: ${issue.message}` }));
    this.#report = null;
    this.#reportInput = null;
    this.#clearResults();
    this.#setState("invalid");
    this.#status(
      error.errors
        ? `No plan yet: ${shown.length} thing${shown.length === 1 ? "" : "s"} to fix in your numbers.`
        : `Something went wrong: ${error.message}`,
    );
    this.#showSummary(shown);
  }

  /** The error summary above the form: one link per problem, each moving focus to its field. */
  #showSummary(shown) {
    const summary = this.shadowRoot.querySelector(".error-summary");
    summary.hidden = shown.length === 0;
    if (!shown.length) return;
    summary.querySelector(".error-title").textContent =
      `Please fix ${shown.length === 1 ? "this" : `these ${shown.length} things`} to get your plan`;
    summary.querySelector("ul").replaceChildren(
      ...shown.map(({ text, control }) => {
        const item = document.createElement("li");
        if (control) {
          const link = document.createElement("a");
          link.href = `#${control.id}`;
          link.dataset.target = control.id;
          link.textContent = text;
          item.append(link);
        } else item.textContent = text;
        return item;
      }),
    );
    summary.focus();
  }

  #jumpToField(event) {
    const link = event.target.closest("a[data-target]");
    if (!link) return;
    event.preventDefault();
    const control = this.shadowRoot.getElementById(link.dataset.target);
    control?.scrollIntoView({ block: "center" });
    control?.focus();
  }

  #clearResults() {
    const root = this.shadowRoot;
    root.querySelector(".schedule-slot").replaceChildren();
    root.querySelector(".goals-slot").replaceChildren();
    root.querySelector(".actions").replaceChildren();
    root.querySelector(".what-if-slot").replaceChildren();
    root.querySelector(".well").hidden = true;
    root.querySelector(".later").hidden = true;
    root.querySelector(".charts").replaceChildren();
    root.querySelector(".transactions").hidden = true;
    root.querySelector(".facts dl").replaceChildren();
    root.querySelector(".disclaimer").hidden = true;
  }

  /**
   * Imported transactions are used: they join the profile, and a profile drafted from them fills
   * the form (asking first when the person typed numbers of their own); then the page lists only
   * the questions the transactions cannot answer.
   */
  async #useImport(transactions, files) {
    this.#importedFiles = files.length;
    this.#transactions = await profileTransactions(transactions, (method, ...args) =>
      this.#engine.call(method, ...args),
    );
    this.#showCurrentTransactions();
    this.#checkStale();
    let draft;
    try {
      draft = await this.#engine.call("draftProfile", transactions);
    } catch {
      return; // no draft: the transactions alone still feed the plan
    }
    this.#draft = draft;
    if (this.#edited) {
      this.shadowRoot.querySelector(".draft-confirm").hidden = false;
      this.shadowRoot.querySelector(".draft-keep").focus();
    } else this.#applyDraft();
  }

  #applyDraft() {
    const draft = this.#draft;
    this.#draft = null;
    const root = this.shadowRoot;
    root.querySelector(".draft-confirm").hidden = true;
    if (!draft) return;
    const transactions = this.#transactions;
    this.#form.write(withoutNulls(draft.profile ?? {}));
    this.#form.fillDefaults();
    this.#transactions = transactions;
    this.#edited = false;
    this.#showCurrentTransactions();
    this.#checkStale();
    this.#showQuestions(draft);
  }

  /**
   * The open questions, one small group at a time, with the whole form hidden until they are
   * answered (or the person asks for it); each asked field of the form is marked until answered.
   */
  #showQuestions(draft) {
    const questions = draft.questions ?? [];
    for (const control of this.shadowRoot.querySelectorAll(".asked")) control.classList.remove("asked");
    for (const q of questions) this.#form.controlFor(q.path)?.closest(".field")?.classList.add("asked");
    const covered = draft.covered;
    const day = (iso) =>
      new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" });
    const months = Number((covered?.months ?? 0).toFixed(1));
    const text = covered?.months
      ? `Your pay, bills and debt payments were filled in from ${months} month${months === 1 ? "" : "s"} of transactions (${day(covered.from)} to ${day(covered.to)}). ${questions.length ? "A few questions remain that they cannot answer; then your plan." : ""}`
      : "";
    if (this.#questions.start(questions, text)) this.#showForm(false);
  }

  /**
   * Shows the whole form, or hides it while the open questions are asked and after they are
   * answered (then a button shows it again).
   */
  #showForm(shown) {
    const root = this.shadowRoot;
    if (shown) this.#questions.stop();
    root.querySelector(".form-fields").hidden = !shown;
    root.querySelector(".submit").hidden = !shown;
    root.querySelector(".show-form").hidden = shown || this.#questions.active;
  }

  #removeTransactions() {
    this.#transactions = [];
    this.#importedFiles = null;
    this.#showCurrentTransactions();
    this.#checkStale();
    this.shadowRoot.querySelector(".import-files").focus();
  }

  #showCurrentTransactions() {
    this.#importPanel.showCurrent(this.#transactions.length, this.#importedFiles);
  }

  #currency() {
    return (this.#report && this.#reportCurrency) || this.#form?.controlFor("/currency")?.value || "USD";
  }

  #render(report) {
    const root = this.shadowRoot;
    const currency = this.#currency();
    const catalog = Object.fromEntries(this.#catalog.map((f) => [f.name, f]));
    const later = report.later ?? [];
    const schedule = scheduleSection(report.monthlyPlan, [...report.actions, ...later], currency);
    root.querySelector(".schedule-slot").replaceChildren(...(schedule ? [schedule] : []));
    const goals = goalsSection(report.plans?.goals, this.#form.read().goals, currency);
    root.querySelector(".goals-slot").replaceChildren(...(goals ? [goals] : []));
    root.querySelector(".actions").replaceChildren(...report.actions.map((a) => actionItem(a, catalog, currency)));
    const whatIf = whatIfSection(
      report,
      this.#form.read(),
      (method, ...args) => this.#engine.call(method, ...args),
      currency,
    );
    root.querySelector(".what-if-slot").replaceChildren(...(whatIf ? [whatIf] : []));
    root.querySelector(".later").hidden = later.length === 0;
    root.querySelector(".later ul").replaceChildren(...laterItems(report.actions, later));
    const well = report.doingWell ?? report.wellDone ?? [];
    root.querySelector(".well").hidden = well.length === 0;
    root.querySelector(".well ul").replaceChildren(...well.map((w) => li(w.title ?? w.message ?? String(w))));
    root.querySelector(".charts").replaceChildren(...charts(report, currency, this.#form.read()));
    root.querySelector(".disclaimer").textContent = report.disclaimer ?? "";
    root.querySelector(".disclaimer").hidden = !report.disclaimer;
    this.#addPayoffChart(report);
    this.#renderTransactions(report.transactions ?? []);
    root.querySelector(".facts dl").replaceChildren(
      ...Object.entries(report.facts).flatMap(([name, value]) => {
        const text = factValue(value, catalog[name]?.unit, currency);
        if (text === null) return [];
        const dt = document.createElement("dt");
        dt.textContent = humanName(name);
        if (catalog[name]?.meaning) dt.title = catalog[name].meaning;
        const dd = document.createElement("dd");
        dd.textContent = text;
        return [dt, dd];
      }),
    );
  }

  #renderTransactions(transactions) {
    const section = this.shadowRoot.querySelector(".transactions");
    section.hidden = transactions.length === 0;
    const currency = this.#currency();
    section.querySelector("tbody").replaceChildren(
      ...transactions.map((t, i) => {
        const select = document.createElement("select");
        select.setAttribute("aria-label", `Category of ${t.description}`);
        select.dataset.row = String(i);
        for (const c of CATEGORIES) select.append(new Option(c.replace(/_/g, " "), c));
        select.value = t.category ?? "uncategorized";
        categoryChoice(select, (category) => this.#correct(t.description, category, i, this.#bankCategoryOf(t, i)));
        const tr = row([t.date, t.description, money(t.amount, currency)]);
        const td = document.createElement("td");
        td.append(select);
        tr.append(td);
        return tr;
      }),
    );
  }

  /** The bank's category of the report's row `i`: the report lists the profile's transactions in
   * order, so its imported transaction at that index, when it is the same line. */
  #bankCategoryOf(line, i) {
    const source = this.#transactions?.[i];
    return source && source.description === line.description ? source.bankCategory : undefined;
  }

  async #correct(description, category, rowIndex, bankCategory) {
    await this.#work("Learning your correction…", async () => {
      await this.#engine.call(
        "learn",
        bankCategory ? { description, category, bankCategory } : { description, category },
      );
      await this.#saveMemory();
    });
    await this.advise();
    // The table is rebuilt: keep focus on the same row's category.
    this.shadowRoot.querySelector(`.transactions select[data-row="${rowIndex}"]`)?.focus();
  }

  async #saveMemory() {
    if (this.shadowRoot.querySelector(".remember").checked) {
      localStorage.setItem(MEMORY_KEY, JSON.stringify(await this.#engine.call("exportMemory")));
    }
  }

  async #setRemember(on) {
    if (on) await this.#saveMemory();
    else localStorage.removeItem(MEMORY_KEY);
  }

  async #exportMemory() {
    const memory = await this.#engine.call("exportMemory");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(memory, null, 2)], { type: "application/json" }));
    link.download = "finadvice-corrections.json";
    link.click();
    URL.revokeObjectURL(link.href);
  }

  async #deleteMemory() {
    localStorage.removeItem(MEMORY_KEY);
    this.shadowRoot.querySelector(".remember").checked = false;
    this.#configured = this.#configure(); // a fresh engine without the corrections
    await this.advise();
    this.shadowRoot.querySelector(".memory-delete")?.focus();
  }

  /** On opening: a saved, unlocked record fills the form and computes its plan; a locked one asks for its passphrase. */
  async #restore() {
    const root = this.shadowRoot;
    const saved = await store.peek().catch(() => null);
    if (!saved) return;
    root.querySelector(".keep-on").checked = true;
    if (saved.encrypted) {
      root.querySelector(".keep-unlock").hidden = false;
      this.#keepStatus("Your saved numbers are locked with a passphrase.");
      return;
    }
    await this.#open();
  }

  async #open(passphrase) {
    const data = await store.load(passphrase);
    if (!data?.profile) return;
    this.#passphrase = passphrase ?? "";
    this.shadowRoot.querySelector(".keep-pass").value = this.#passphrase;
    this.profile = data.profile;
    await new Promise((ok) => queueMicrotask(ok));
    this.#keepStatus(`Opened the numbers saved on this device on ${new Date(data.savedAt).toLocaleString()}.`);
    this.dataset.restored = "true";
    await this.advise();
  }

  async #unlock() {
    const root = this.shadowRoot;
    const field = root.querySelector(".unlock-pass");
    try {
      await this.#open(field.value);
      root.querySelector(".keep-unlock").hidden = true;
      field.removeAttribute("aria-invalid");
      root.querySelector("#plan-heading").focus();
    } catch (error) {
      field.setAttribute("aria-invalid", "true");
      this.#keepStatus(
        error.message === "wrong passphrase"
          ? "That passphrase does not open your saved numbers."
          : `Your saved numbers could not be opened: ${error.message}.`,
      );
      field.focus();
    }
  }

  #keepStatus(text) {
    this.shadowRoot.querySelector(".keep-status").textContent = text;
  }

  async #setKeep(on) {
    if (on) {
      await this.#keepNow();
    } else {
      await store.remove();
      this.#keepStatus("Nothing is saved on this device any more.");
    }
  }

  /** Saves the form now when the person opted in (after each plan, and when the passphrase changes). */
  async #keepNow() {
    const root = this.shadowRoot;
    if (!root.querySelector(".keep-on").checked || !root.querySelector(".keep-unlock").hidden) return;
    this.#passphrase = root.querySelector(".keep-pass").value;
    const savedAt = new Date().toISOString();
    await store.save({ profile: this.profile, savedAt }, this.#passphrase || undefined);
    this.#keepStatus(`Saved on this device${this.#passphrase ? ", locked with your passphrase" : ""}.`);
  }

  async #exportEverything() {
    const memory = await this.#engine.call("exportMemory");
    const everything = {
      savedBy: "finadvice",
      exportedAt: new Date().toISOString(),
      profile: this.profile,
      corrections: memory,
    };
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(everything, null, 2)], { type: "application/json" }));
    link.download = "finadvice-everything.json";
    link.click();
    URL.revokeObjectURL(link.href);
  }

  async #deleteEverything() {
    const root = this.shadowRoot;
    localStorage.removeItem(MEMORY_KEY);
    root.querySelector(".keep-on").checked = false;
    root.querySelector(".remember").checked = false;
    root.querySelector(".keep-pass").value = "";
    root.querySelector(".keep-unlock").hidden = true;
    this.#passphrase = "";
    this.#transactions = [];
    this.#form.write({});
    this.#form.fillDefaults();
    this.#edited = false;
    this.#showForm(true);
    this.#showCurrentTransactions();
    this.#report = null;
    this.#reportInput = null;
    this.#clearResults();
    this.#setState("empty");
    this.#configured = this.#configure(); // a fresh engine without the corrections
    await store.remove();
    this.#keepStatus("Everything this page saved on this device is deleted, and the form is empty.");
    root.querySelector(".keep-delete").focus();
  }

  /** The debt payoff timeline: the report's avalanche plan, recomputed with its monthly schedule. */
  async #addPayoffChart(report) {
    const payoff = report.plans?.debtPayoff;
    const debts = this.profile.debts ?? [];
    // Drawn only when the plan pays extra toward debt: with minimums only, "highest rate first"
    // says nothing, and beside "none of your debt is high-interest" it would contradict the plan.
    const paysDebt = report.actions.some((a) => /interest-debt$/.test(a.rule));
    if (!payoff?.avalanche || debts.length === 0 || !paysDebt || !(payoff.avalanche.interestSaved > 0)) return;
    const plan = await this.#engine
      .call("planDebtPayoff", {
        asOf: report.profileAsOf ?? this.profile.asOf,
        monthlyBudget: payoff.monthlyBudget,
        strategy: "avalanche",
        debts: debts.map(({ name, balance, aprPercent, minPayment }) => ({ name, balance, aprPercent, minPayment })),
      })
      .catch(() => null);
    if (!plan || this.#report !== report) return;
    const currency = this.#currency();
    const series = plan.debts.map((d, i) => ({
      name: d.name,
      points: [[0, debts[i].balance], ...plan.schedule.map((m) => [m.month, m.debts[i].balance])],
    }));
    const figure = document.createElement("figure");
    const caption = document.createElement("figcaption");
    caption.textContent = `What you owe on each debt, month by month, paying ${money(payoff.monthlyBudget, currency)} a month with the highest rate first: debt-free in ${plan.months} months (${monthYear(plan.debtFreeDate)}), ${money(plan.totalInterest, currency)} in interest.`;
    const table = dataTable(
      "Debt payoff",
      ["Debt", "Paid off", "Interest paid"],
      plan.debts.map((d) => [
        d.name,
        d.payoffDate ? monthYear(d.payoffDate) : `month ${d.payoffMonth}`,
        money(d.interestPaid, currency),
      ]),
    );
    figure.append(
      lineChart(series, {
        label: "Debt payoff timeline: balance of each debt by month",
        xFormat: (m) => `month ${m}`,
        yFormat: (v) => moneyCompact(v, currency),
      }),
      caption,
      table,
    );
    figure.className = "payoff";
    this.shadowRoot.querySelector(".charts").append(figure);
  }
}

/** A draft profile without its nulls (the open questions), so that the form leaves those fields empty. */
function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** Engine issues plus the page's own, one per field (the page's own first: it knows what the person typed). */
function mergeIssues(local, engine) {
  const paths = new Set(local.map((i) => i.path));
  return [...local, ...engine.filter((i) => !paths.has(i.path))];
}

/**
 * A category select that acts on a deliberate choice only: a pointer pick applies at once, but
 * arrow keys only move the choice, which applies on Enter or when focus leaves the select.
 */
function categoryChoice(select, apply) {
  let applied = select.value;
  let byKeyboard = false;
  const commit = () => {
    if (select.value !== applied) {
      applied = select.value;
      apply(select.value);
    }
  };
  select.addEventListener("keydown", (e) => {
    byKeyboard = true;
    if (e.key === "Enter") {
      e.preventDefault();
      commit();
    }
  });
  select.addEventListener("pointerdown", () => {
    byKeyboard = false;
  });
  select.addEventListener("change", () => {
    if (!byKeyboard) commit();
  });
  select.addEventListener("blur", commit);
}

function li(text) {
  const item = document.createElement("li");
  item.textContent = text;
  return item;
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const c of cells) {
    const td = document.createElement("td");
    td.textContent = c;
    tr.append(td);
  }
  return tr;
}

function actionItem(action, catalog, currency) {
  const item = document.createElement("li");
  item.className = "action";
  item.dataset.id = action.id;
  const title = document.createElement("h3");
  title.textContent = action.title;
  const detail = document.createElement("p");
  detail.textContent = action.detail;
  item.append(title, detail);
  const words = impactWords(action, currency);
  if (words) {
    const p = document.createElement("p");
    p.className = "impact";
    p.textContent = words;
    item.append(p);
  }
  const trace = action.trace ?? [];
  if (trace.length) {
    const why = document.createElement("details");
    why.className = "why";
    const summary = document.createElement("summary");
    summary.textContent = "Why this advice";
    const reasons = document.createElement("ul");
    const texts = trace.map((t) => (typeof t === "string" ? t : (t.text ?? t.description ?? JSON.stringify(t))));
    reasons.append(
      ...texts
        .map((t) => plainTrace(t, catalog, currency, action.impact))
        .filter(Boolean)
        .map(li),
    );
    const raw = document.createElement("details");
    raw.className = "trace";
    const rawSummary = document.createElement("summary");
    rawSummary.textContent = `The rule's trace (${action.rule})`;
    const code = document.createElement("ul");
    code.append(
      ...texts.map((t) => {
        const item = li("");
        const c = document.createElement("code");
        c.textContent = t;
        item.append(c);
        return item;
      }),
    );
    raw.append(rawSummary, code);
    why.append(summary, reasons, raw);
    item.append(why);
  }
  return item;
}

/** The charts a report has data for, each with its numbers as a table. */
function charts(report, currency, profile) {
  const out = [];
  const figure = (caption, svg, table) => {
    const f = document.createElement("figure");
    const c = document.createElement("figcaption");
    c.textContent = caption;
    f.append(svg, c);
    if (table) f.append(table);
    out.push(f);
  };
  const byCategory = Object.entries(report.facts.spendingByCategoryMonthly ?? {})
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1]);
  if (byCategory.length) {
    const caption = "Spending per month by category, from your transactions";
    figure(
      caption,
      barChart(
        byCategory.map(([label, value]) => ({ label: label.replace(/_/g, " "), value })),
        { label: "Spending by category", format: (v) => money(v, currency) },
      ),
      dataTable(
        caption,
        ["Category", "Per month"],
        byCategory.map(([label, value]) => [label.replace(/_/g, " "), money(value, currency)]),
      ),
    );
  }
  const retirement = report.plans?.retirement;
  if (Array.isArray(retirement?.years) && retirement.years.length > 1 && retirement.years.some((y) => y.p90 > 0)) {
    const bands = retirement.years.map((y) => ({
      x: y.age,
      p10: y.p10,
      p25: y.p25,
      p50: y.p50,
      p75: y.p75,
      p90: y.p90,
    }));
    const chance = Math.round(retirement.successProbability * 100);
    const retireAt = profile.person?.retirementAge ?? 67;
    const caption = `Retirement savings by age, in today's money, over ${retirement.assumptions?.paths ?? "many"} simulated markets: the line is the middle case, the dark band half of the cases, the light band 8 in 10. In ${chance}% of them the money lasts to age ${retirement.endAge}.`;
    const rows = retirement.years
      .filter((y, i) => i === 0 || y.age % 5 === 0 || y.age === retireAt)
      .map((y) => [String(y.age), money(y.p10, currency), money(y.p50, currency), money(y.p90, currency)]);
    figure(
      caption,
      fanChart(bands, {
        label: "Retirement projection fan chart",
        xFormat: (age) => `age ${age}`,
        yFormat: (v) => moneyCompact(v, currency),
        marker: { x: retireAt, label: `retire at ${retireAt}` },
      }),
      dataTable("Retirement savings by age", ["Age", "1 in 10 below", "Middle case", "1 in 10 above"], rows),
    );
  }
  const allocation = retirement?.assumptions?.allocation;
  if (allocation) {
    const parts = ["stocks", "bonds", "cash"].map((k) => ({ label: k, value: allocation[k] ?? 0 }));
    figure(
      "Investment mix assumed for your retirement savings (a moderate mix, made more cautious when your time or cushion is short)",
      donutChart(parts, { label: "Allocation", format: (v) => `${Math.round(v * 100)}%` }),
    );
  }
  return out;
}

if (!customElements.get("fin-advice")) customElements.define("fin-advice", FinAdviceElement);
