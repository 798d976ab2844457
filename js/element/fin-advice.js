// <fin-advice>: a framework-free custom element that asks for a person's finances, runs the
// finadvice engine in a Web Worker and shows the ranked plan, its reasons and charts.
//
// Attributes: `rule-pack` (URL of a rule pack JSON), `model` (URL of an ONNX model) — fetched
// once, from the page's own origin, before any input. Properties: `profile` (get/set), `report`
// (read-only). Events: `advice` (detail: the report), `error` (detail: the error).
// Theming: CSS custom properties --fin-* (see fin-advice.css).
import { startEngine } from "./engine-client.js";
import { buildProfileForm } from "./profile-form.js";
import { transactionsFromCsv } from "./csv.js";
import { barChart, lineChart, fanChart, donutChart } from "./charts.js";

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
  <div class="layout">
    <form class="profile" novalidate aria-label="Your finances">
      <div class="form-fields"></div>
      <fieldset class="import">
        <legend>Bank transactions (optional)</legend>
        <label>Import a CSV export <input type="file" accept=".csv,text/csv" class="csv-file"></label>
        <div class="csv-preview" hidden>
          <p class="csv-summary" role="status"></p>
          <div class="table-wrap"><table class="csv-table"><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody></tbody></table></div>
          <button type="button" class="csv-use">Use these transactions</button>
          <button type="button" class="csv-discard">Discard</button>
        </div>
        <p class="csv-current"></p>
      </fieldset>
      <button type="submit" class="submit">Get my plan</button>
    </form>
    <section class="results" aria-label="Your plan">
      <p class="status" role="status" aria-live="polite">Loading the engine…</p>
      <progress class="progress" hidden></progress>
      <ul class="problems"></ul>
      <ol class="actions"></ol>
      <section class="well" hidden><h3>What you are doing well</h3><ul></ul></section>
      <section class="charts"></section>
      <section class="transactions" hidden>
        <h3>Your transactions</h3>
        <p>Correct a category and the plan is recomputed. Corrections stay on this device.</p>
        <label><input type="checkbox" class="remember"> Remember my corrections in this browser</label>
        <button type="button" class="memory-export">Export corrections</button>
        <button type="button" class="memory-delete">Delete corrections</button>
        <div class="table-wrap"><table><thead><tr><th>Date</th><th>Description</th><th>Amount</th><th>Category</th></tr></thead><tbody></tbody></table></div>
      </section>
      <details class="facts"><summary>All the numbers</summary><dl></dl></details>
      <p class="disclaimer" hidden></p>
    </section>
  </div>`;

export class FinAdviceElement extends HTMLElement {
  #engine;
  #configured;
  #form;
  #transactions = [];
  #pendingCsv = null;
  #report = null;
  #catalog = [];
  #busy = 0;

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = TEMPLATE;
    this.#form = buildProfileForm(root.querySelector(".form-fields"));
    root.querySelector("form").addEventListener("submit", (e) => {
      e.preventDefault();
      this.advise();
    });
    root.querySelector(".csv-file").addEventListener("change", (e) => this.#previewCsv(e.target.files[0]));
    root.querySelector(".csv-use").addEventListener("click", () => this.#useCsv());
    root.querySelector(".csv-discard").addEventListener("click", () => this.#showCsvPreview(null));
    root.querySelector(".remember").addEventListener("change", (e) => this.#setRemember(e.target.checked));
    root.querySelector(".memory-export").addEventListener("click", () => this.#exportMemory());
    root.querySelector(".memory-delete").addEventListener("click", () => this.#deleteMemory());
    root.querySelector(".remember").checked = localStorage.getItem(MEMORY_KEY) !== null;
    this.#engine = startEngine();
    this.#configured = this.#configure();
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
      this.#form.write(profile ?? {});
      this.#showCurrentTransactions();
    };
    if (this.#form) run();
    else queueMicrotask(run);
  }

  /** The last report, or null. */
  get report() {
    return this.#report;
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
      this.#status(`Ready. Everything is computed on this device (finadvice ${version}).`);
      this.dataset.ready = "true";
    });
  }

  /** Computes the plan for the current profile; resolves to the report (or null on bad input). */
  async advise() {
    await this.#configured;
    return this.#work("Computing your plan…", async () => {
      const report = await this.#engine.call("advise", this.profile);
      this.#report = report;
      this.#form.showErrors([]);
      this.#render(report);
      this.#status(`Your plan: ${report.actions.length} action(s), computed on this device.`);
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

  #showError(error) {
    const list = this.shadowRoot.querySelector(".problems");
    list.replaceChildren();
    const unplaced = error.errors ? this.#form.showErrors(error.errors) : [{ path: "", message: error.message }];
    this.#status(
      error.errors ? `Please check ${error.errors.length} field(s).` : `Something went wrong: ${error.message}`,
    );
    for (const issue of unplaced) {
      const li = document.createElement("li");
      li.textContent = issue.path ? `${issue.path}: ${issue.message}` : issue.message;
      list.append(li);
    }
  }

  async #previewCsv(file) {
    if (!file) return;
    try {
      this.#showCsvPreview({ ...transactionsFromCsv(await file.text()), name: file.name });
    } catch (error) {
      this.#showError(error);
    }
  }

  #showCsvPreview(parsed) {
    this.#pendingCsv = parsed;
    const root = this.shadowRoot;
    root.querySelector(".csv-preview").hidden = !parsed;
    if (!parsed) {
      root.querySelector(".csv-file").value = "";
      return;
    }
    const skipped = parsed.skipped.length
      ? `; ${parsed.skipped.length} line(s) skipped (first: line ${parsed.skipped[0].line}, ${parsed.skipped[0].reason})`
      : "";
    root.querySelector(".csv-summary").textContent =
      `${parsed.name}: ${parsed.transactions.length} transactions, columns ${Object.entries(parsed.columns)
        .map(([k, v]) => `${k} = "${v}"`)
        .join(", ")}${skipped}.`;
    const body = root.querySelector(".csv-table tbody");
    body.replaceChildren(...parsed.transactions.slice(0, 8).map((t) => row([t.date, t.description, money(t.amount)])));
  }

  #useCsv() {
    if (!this.#pendingCsv) return;
    this.#transactions = this.#pendingCsv.transactions;
    this.#showCsvPreview(null);
    this.#showCurrentTransactions();
    this.advise();
  }

  #showCurrentTransactions() {
    this.shadowRoot.querySelector(".csv-current").textContent = this.#transactions.length
      ? `${this.#transactions.length} transactions in use.`
      : "";
  }

  #render(report) {
    const root = this.shadowRoot;
    root.querySelector(".problems").replaceChildren();
    root.querySelector(".actions").replaceChildren(...report.actions.map(actionItem));
    const well = report.doingWell ?? report.wellDone ?? [];
    root.querySelector(".well").hidden = well.length === 0;
    root.querySelector(".well ul").replaceChildren(...well.map((w) => li(w.title ?? w.message ?? String(w))));
    root.querySelector(".charts").replaceChildren(...charts(report));
    root.querySelector(".disclaimer").textContent = report.disclaimer ?? "";
    root.querySelector(".disclaimer").hidden = !report.disclaimer;
    this.#addPayoffChart(report);
    this.#renderTransactions(report.transactions ?? []);
    const units = Object.fromEntries(this.#catalog.map((f) => [f.name, f]));
    root.querySelector(".facts dl").replaceChildren(
      ...Object.entries(report.facts).flatMap(([name, value]) => {
        const dt = document.createElement("dt");
        dt.textContent = name;
        dt.title = units[name]?.meaning ?? "";
        const dd = document.createElement("dd");
        dd.textContent = formatFact(value, units[name]?.unit);
        return [dt, dd];
      }),
    );
  }

  #renderTransactions(transactions) {
    const section = this.shadowRoot.querySelector(".transactions");
    section.hidden = transactions.length === 0;
    section.querySelector("tbody").replaceChildren(
      ...transactions.map((t) => {
        const select = document.createElement("select");
        select.setAttribute("aria-label", `Category of ${t.description}`);
        for (const c of CATEGORIES) select.append(new Option(c.replace(/_/g, " "), c));
        select.value = t.category ?? "uncategorized";
        select.addEventListener("change", () => this.#correct(t.description, select.value));
        const tr = row([t.date, t.description, money(t.amount)]);
        const td = document.createElement("td");
        td.append(select);
        tr.append(td);
        return tr;
      }),
    );
  }

  async #correct(description, category) {
    await this.#work("Learning your correction…", async () => {
      await this.#engine.call("learn", { description, category });
      await this.#saveMemory();
    });
    await this.advise();
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
  }

  /** The debt payoff timeline: the report's avalanche plan, recomputed with its monthly schedule. */
  async #addPayoffChart(report) {
    const payoff = report.plans?.debtPayoff;
    const debts = this.profile.debts ?? [];
    if (!payoff?.avalanche || debts.length === 0) return;
    const plan = await this.#engine
      .call("planDebtPayoff", {
        asOf: report.profileAsOf ?? this.profile.asOf,
        monthlyBudget: payoff.monthlyBudget,
        strategy: "avalanche",
        debts: debts.map(({ name, balance, aprPercent, minPayment }) => ({ name, balance, aprPercent, minPayment })),
      })
      .catch(() => null);
    if (!plan || this.#report !== report) return;
    const series = plan.debts.map((d, i) => ({
      name: d.name,
      points: [[0, debts[i].balance], ...plan.schedule.map((m) => [m.month, m.debts[i].balance])],
    }));
    const figure = document.createElement("figure");
    const caption = document.createElement("figcaption");
    caption.textContent = `Debt payoff, highest rate first: debt-free in ${plan.months} months (${plan.debtFreeDate ?? ""}), ${money(plan.totalInterest)} interest`;
    figure.append(
      lineChart(series, {
        label: "Debt payoff timeline: balance of each debt by month",
        xFormat: (m) => `month ${m}`,
        yFormat: compact,
      }),
      caption,
    );
    figure.className = "payoff";
    this.shadowRoot.querySelector(".charts").append(figure);
  }
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

const moneyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });
function money(value) {
  return moneyFormat.format(value);
}

/** Short amounts for chart axes (389K, 1.2M). */
function compact(value) {
  return compactFormat.format(value);
}

function formatFact(value, unit) {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return String(value);
  if (unit === "ratio") return `${(value * 100).toFixed(1)}%`;
  if (unit === "percent") return `${value.toFixed(2)}%`;
  if (unit?.startsWith("money"))
    return money(value) + (unit === "money/month" ? " / month" : unit === "money/year" ? " / year" : "");
  return String(value);
}

/** An impact in words: "870 a year", "6,523.07", "14 months". */
function impactText(value, unit) {
  switch (unit) {
    case "money":
      return money(value);
    case "money/year":
      return `${money(value)} a year`;
    case "money/month":
      return `${money(value)} a month`;
    case "months":
      return `${value} months`;
    case "percent":
      return `${value}%`;
    case "ratio":
      return `${(value * 100).toFixed(1)}%`;
    default:
      return unit ? `${value} ${unit}` : String(value);
  }
}

function actionItem(action) {
  const item = document.createElement("li");
  item.className = "action";
  item.dataset.id = action.id;
  const title = document.createElement("h3");
  title.textContent = action.title;
  const detail = document.createElement("p");
  detail.textContent = action.detail;
  item.append(title, detail);
  const impact = action.impact;
  if (impact && typeof impact.value === "number") {
    const p = document.createElement("p");
    p.className = "impact";
    p.textContent = `Worth: ${impactText(impact.value, impact.unit)}`;
    item.append(p);
  }
  const trace = action.trace ?? [];
  if (trace.length) {
    const why = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "Why this advice";
    why.append(
      summary,
      ...trace.map((t) => li(typeof t === "string" ? t : (t.text ?? t.description ?? JSON.stringify(t)))),
    );
    item.append(why);
  }
  return item;
}

/** The charts a report has data for. */
function charts(report) {
  const out = [];
  const figure = (caption, svg) => {
    const f = document.createElement("figure");
    const c = document.createElement("figcaption");
    c.textContent = caption;
    f.append(svg, c);
    out.push(f);
  };
  const byCategory = Object.entries(report.facts.spendingByCategoryMonthly ?? {}).filter(([, v]) => v > 0);
  if (byCategory.length) {
    figure(
      "Spending per month by category, from your transactions",
      barChart(
        byCategory.map(([label, value]) => ({ label: label.replace(/_/g, " "), value })),
        { label: "Spending by category", format: money },
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
    figure(
      `Retirement savings by age, in today's money: median and 10th–90th percentile of simulated markets (${chance}% of paths last to ${retirement.endAge})`,
      fanChart(bands, { label: "Retirement projection fan chart", xFormat: (age) => `age ${age}`, yFormat: compact }),
    );
  }
  const allocation = retirement?.assumptions?.allocation;
  if (allocation) {
    const parts = ["stocks", "bonds", "cash"].map((k) => ({ label: k, value: allocation[k] ?? 0 }));
    figure(
      "Allocation assumed for your savings (moderate risk, capped by your capacity)",
      donutChart(parts, { label: "Allocation", format: (v) => `${Math.round(v * 100)}%` }),
    );
  }
  return out;
}

if (!customElements.get("fin-advice")) customElements.define("fin-advice", FinAdviceElement);
