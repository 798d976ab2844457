// The import panel: several bank exports at once (CSV, OFX/QFX, QIF; dropped or picked), read by
// the engine's importer in the Worker, previewed per file with the layout, sign convention and
// date order it detected — each of which the person can flip — and the rows it could not use.
// Nothing is used until the person says so; a file that fails is shown and can be removed.
import { money } from "./format.js";

const SIGN_WORDS = {
  negative_out: "money out is negative",
  charges_negative: "money out is negative",
  positive_charges: "charges are positive (read as money out)",
  charges_positive: "charges are positive (read as money out)",
  debit_credit: "separate money out and money in columns",
};

/**
 * Builds the panel in `fieldset`. `call(method, ...args)` reaches the engine; `onUse(transactions,
 * files)` is called when the person uses the preview; `currency()` gives the profile's currency.
 */
export function buildImportPanel(fieldset, { call, onUse, onRemove, currency }) {
  fieldset.innerHTML = `
    <legend>Start with your bank exports (optional)</legend>
    <p class="hint" id="import-hint">CSV, OFX, QFX or QIF files from your bank or card issuer; several at once is fine, and overlapping statements count once. The files are read on this device.</p>
    <div class="drop">
      <label for="import-files">Choose files, or drop them here</label>
      <input id="import-files" class="import-files" type="file" multiple accept=".csv,.tsv,.txt,.ofx,.qfx,.qif,text/csv" aria-describedby="import-hint">
    </div>
    <div class="import-preview" hidden>
      <h3 class="import-heading">Check what was read</h3>
      <ul class="sources"></ul>
      <p class="import-totals" role="status"></p>
      <div class="table-wrap" tabindex="0" role="region" aria-label="First imported transactions"><table><thead><tr><th scope="col">Date</th><th scope="col">Description</th><th scope="col">Amount</th><th scope="col">File</th></tr></thead><tbody></tbody></table></div>
      <button type="button" class="import-use">Use these transactions</button>
      <button type="button" class="import-discard">Discard all</button>
    </div>
    <p class="import-problem" role="alert" hidden></p>
    <p class="import-current"><span class="import-current-text"></span> <button type="button" class="import-remove" hidden>Remove the imported transactions</button></p>`;
  const q = (s) => fieldset.querySelector(s);
  let files = [];
  let overrides = {};
  let result = null;

  async function read() {
    q(".import-problem").hidden = true;
    if (!files.length) {
      result = null;
      q(".import-preview").hidden = true;
      return;
    }
    try {
      result = await call("importStatements", files, { overrides });
    } catch (error) {
      result = null;
      q(".import-preview").hidden = true;
      q(".import-problem").textContent = `These files could not be read: ${error.message}. Nothing from them is used.`;
      q(".import-problem").hidden = false;
      return;
    }
    render();
  }

  function render() {
    const preview = q(".import-preview");
    preview.hidden = false;
    const list = q(".sources");
    list.replaceChildren(...files.map(({ name }) => sourceItem(name)));
    const n = result.transactions.length;
    q(".import-totals").textContent =
      `${n} transaction${n === 1 ? "" : "s"} from ${files.length} file${files.length === 1 ? "" : "s"}` +
      (result.problems.length
        ? `; ${result.problems.length} row${result.problems.length === 1 ? "" : "s"} could not be used (listed above).`
        : ".");
    q(".import-use").disabled = n === 0;
    q("tbody").replaceChildren(
      ...result.transactions.slice(0, 8).map((t) => {
        const tr = document.createElement("tr");
        for (const c of [t.date, t.description, money(t.amount, currency()), t.account ?? ""]) {
          const td = document.createElement("td");
          td.textContent = c;
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  function sourceItem(name) {
    const source = result.sources.find((s) => s.file === name);
    const problems = result.problems.filter((p) => p.file === name);
    const item = document.createElement("li");
    item.className = "source";
    item.dataset.file = name;
    const title = document.createElement("strong");
    title.textContent = name;
    item.append(title);
    const summary = document.createElement("span");
    summary.textContent = source
      ? ` — ${layoutName(source)}, ${source.rows} row${source.rows === 1 ? "" : "s"}`
      : " — not read";
    item.append(summary);
    if (source) {
      const sign = document.createElement("label");
      const flip = document.createElement("input");
      flip.type = "checkbox";
      flip.className = "flip";
      flip.checked = !!overrides[name]?.flipSigns;
      flip.addEventListener("change", () => {
        overrides[name] = { ...overrides[name], flipSigns: flip.checked };
        read();
      });
      sign.append(flip, ` Flip the signs (read as: ${SIGN_WORDS[source.signConvention] ?? source.signConvention})`);
      const dates = document.createElement("label");
      dates.textContent = "Dates are ";
      const order = document.createElement("select");
      order.className = "date-order";
      for (const [value, text] of [
        ["", "as detected"],
        ["mdy", "month/day/year"],
        ["dmy", "day/month/year"],
      ])
        order.append(new Option(text, value));
      order.value = overrides[name]?.dateOrder ?? "";
      if (source.dateOrder && !overrides[name]?.dateOrder)
        order.options[0].text = `as detected (${source.dateOrder === "dmy" ? "day/month" : source.dateOrder === "mdy" ? "month/day" : source.dateOrder})`;
      const apply = document.createElement("button");
      apply.type = "button";
      apply.textContent = "Apply";
      apply.addEventListener("click", () => {
        overrides[name] = { ...overrides[name], dateOrder: order.value || undefined };
        read();
      });
      dates.append(order);
      const options = document.createElement("div");
      options.className = "source-options";
      options.append(sign, " ", dates, apply);
      item.append(options);
    }
    if (problems.length) {
      const rows = document.createElement("ul");
      rows.className = "source-problems";
      for (const p of problems.slice(0, 5)) {
        const li = document.createElement("li");
        li.textContent = p.line ? `Line ${p.line}: ${p.message}` : p.message;
        rows.append(li);
      }
      if (problems.length > 5) {
        const li = document.createElement("li");
        li.textContent = `…and ${problems.length - 5} more.`;
        rows.append(li);
      }
      item.append(rows);
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "source-remove";
    remove.textContent = `Remove ${name}`;
    remove.addEventListener("click", async () => {
      files = files.filter((f) => f.name !== name);
      delete overrides[name];
      await read();
      (q(".source-remove") ?? q(".import-files")).focus();
    });
    item.append(remove);
    return item;
  }

  async function add(list) {
    for (const file of list) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      files = [...files.filter((f) => f.name !== file.name), { name: file.name, bytes }];
    }
    q(".import-files").value = "";
    await read();
    q(".import-heading").setAttribute("tabindex", "-1");
  }

  q(".import-files").addEventListener("change", (e) => add([...e.target.files]));
  const drop = q(".drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    add([...e.dataTransfer.files]);
  });
  q(".import-use").addEventListener("click", () => {
    if (!result?.transactions.length) return;
    const used = { transactions: result.transactions, files: files.map((f) => f.name) };
    files = [];
    overrides = {};
    result = null;
    q(".import-preview").hidden = true;
    showCurrent(used.transactions.length, used.files.length);
    q(".import-remove").focus();
    onUse(used.transactions, used.files);
  });
  q(".import-discard").addEventListener("click", () => {
    files = [];
    overrides = {};
    read();
    q(".import-files").focus();
  });
  q(".import-remove").addEventListener("click", () => {
    showCurrent(0, 0);
    q(".import-files").focus();
    onRemove();
  });

  /** Shows how many imported transactions are in use (from how many files, when known). */
  function showCurrent(count, fileCount) {
    const from = fileCount ? ` from ${fileCount} file${fileCount === 1 ? "" : "s"}` : "";
    q(".import-current-text").textContent = count
      ? `${count} imported transaction${count === 1 ? "" : "s"}${from} in use.`
      : "";
    q(".import-remove").hidden = count === 0;
  }

  return { add, showCurrent };
}

/** "chase_checking" → "Chase checking export"; "ofx_sgml" → "OFX file"; "generic" → "CSV with its own columns". */
function layoutName(source) {
  if (source.format !== "csv") return `${source.format.toUpperCase()} file`;
  if (!source.layout || source.layout === "generic") return "CSV with its own columns";
  const words = source.layout.replace(/_/g, " ");
  return `${words[0].toUpperCase()}${words.slice(1)} export`;
}
