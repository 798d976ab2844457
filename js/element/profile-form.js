// The profile form: builds accessible inputs from a field table, reads them into a profile object
// (the engine validates it), writes a profile back into them, and marks the inputs an error points
// at (every input carries the JSON pointer of its value). Required fields are marked; the date and
// the currency start from today and the browser's region.
import { plainMessage } from "./messages.js";

const ACCOUNT_KINDS = [
  ["checking", "Checking"],
  ["savings", "Savings"],
  ["brokerage", "Brokerage (taxable investing)"],
  ["401k", "401(k) or other workplace plan"],
  ["ira", "Traditional IRA"],
  ["roth_ira", "Roth IRA"],
  ["hsa", "HSA (health savings account)"],
  ["529", "529 college savings"],
  ["other", "Other"],
];
const DEBT_KINDS = [
  ["credit_card", "Credit card"],
  ["student_loan", "Student loan"],
  ["auto_loan", "Car loan"],
  ["mortgage", "Mortgage"],
  ["personal_loan", "Personal loan"],
  ["medical", "Medical bill"],
  ["other", "Other"],
];
const CURRENCIES = ["USD", "CAD", "EUR", "GBP", "AUD", "NZD", "CHF", "JPY", "INR", "MXN"];

/** The page-only field "rent": added to the other must-pay bills as expenses.essentialMonthly. */
const RENT = "#rent";

/** Single fields: [pointer, type, label, options, extra]. */
const SINGLE = [
  ["/person/age", "number", "Your age", null, { required: true, integer: true }],
  ["/asOf", "date", "Date of these numbers", null, { required: true, hint: "Usually today." }],
  ["/currency", "select", "Currency", CURRENCIES.map((c) => [c, c]), { required: true }],
  [RENT, "money", "Rent per month", null, { hint: "Leave empty if you own; a mortgage goes under Debts." }],
  [
    "/expenses/essentialMonthly",
    "money",
    "Other must-pay bills per month",
    null,
    { hint: "Food, utilities, insurance, transport — not debt payments." },
  ],
  [
    "/expenses/discretionaryMonthly",
    "money",
    "Everything else you spend per month",
    null,
    { hint: "Eating out, shopping, trips." },
  ],
  ["/person/retirementAge", "number", "Age you plan to retire", null, { integer: true, hint: "Empty means 67." }],
  ["/person/dependents", "number", "People who depend on your income", null, { integer: true }],
  [
    "/person/incomeStability",
    "select",
    "Your income is",
    [
      ["stable", "About the same each month"],
      ["variable", "Different each month"],
    ],
  ],
  [
    "/person/filingStatus",
    "select",
    "Tax filing status",
    [
      ["single", "Single"],
      ["married_joint", "Married filing jointly"],
      ["married_separate", "Married filing separately"],
      ["head_of_household", "Head of household"],
    ],
  ],
  [
    "/person/spouseAge",
    "number",
    "Your spouse's age",
    null,
    { integer: true, hint: "If you are married: it decides your spouse's catch-up contributions." },
  ],
  [
    "/person/hsaCoverage",
    "select",
    "High-deductible health plan (HSA-eligible)",
    [
      ["none", "No, or not sure"],
      ["self", "Yes, just me"],
      ["family", "Yes, family"],
    ],
  ],
  [
    "/person/socialSecurity/monthlyAtClaiming",
    "money",
    "Social Security per month when you claim it",
    null,
    { hint: "From your statement at ssa.gov/myaccount; empty means estimated from your pay." },
  ],
  [
    "/person/socialSecurity/claimingAge",
    "number",
    "Age you plan to claim Social Security (62–70)",
    null,
    { integer: true },
  ],
  ["/insurance/lifeCoverage", "money", "Life insurance cover"],
  ["/insurance/disability", "yesno", "Long-term disability insurance"],
  ["/insurance/healthDeductible", "money", "Health plan deductible per year"],
];

/** Repeated sections: list name, title, item noun, item fields [relative pointer, type, label, options, extra]. */
const LISTS = [
  [
    "incomes",
    "Income",
    "income",
    [
      ["/name", "text", "Name", null, { required: true, hint: 'For example "Salary".' }],
      ["/grossAnnual", "money", "Pay per year before tax", null, { required: true }],
      ["/netMonthly", "money", "Take-home pay per month", null, { required: true }],
    ],
  ],
  [
    "accounts",
    "Savings and retirement accounts",
    "account",
    [
      ["/name", "text", "Name", null, { required: true }],
      ["/kind", "select", "Kind", ACCOUNT_KINDS, { required: true }],
      ["/balance", "money", "Balance", null, { required: true }],
      ["/contributionMonthly", "money", "You add per month"],
      ["/employerMatch/matchPercent", "number", "Employer adds (% of what you put in)"],
      ["/employerMatch/upToPercentOfSalary", "number", "Employer matches up to (% of your pay)"],
      [
        "/employerMatch/income",
        "text",
        "Pay that is matched (income name)",
        null,
        { hint: "Empty means your largest income." },
      ],
    ],
  ],
  [
    "debts",
    "Debts",
    "debt",
    [
      ["/name", "text", "Name", null, { required: true }],
      ["/kind", "select", "Kind", DEBT_KINDS, { required: true }],
      ["/balance", "money", "Amount owed", null, { required: true }],
      ["/aprPercent", "number", "Interest rate (APR %)", null, { required: true }],
      ["/minPayment", "money", "Minimum payment per month"],
    ],
  ],
  [
    "goals",
    "Goals",
    "goal",
    [
      ["/name", "text", "Name", null, { required: true, hint: 'For example "Car" or "House down payment".' }],
      ["/target", "money", "Amount needed", null, { required: true }],
      ["/targetDate", "date", "Needed by", null, { required: true }],
      ["/saved", "money", "Saved so far"],
    ],
  ],
];

let uid = 0;

/** Today in the person's time zone, as YYYY-MM-DD. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The currency of the browser's region, when the page knows it (USD otherwise). */
export function localeCurrency(locale = navigator.language) {
  const region = (() => {
    try {
      return new Intl.Locale(locale).maximize().region;
    } catch {
      return undefined;
    }
  })();
  const byRegion = {
    US: "USD",
    CA: "CAD",
    GB: "GBP",
    AU: "AUD",
    NZ: "NZD",
    CH: "CHF",
    JP: "JPY",
    IN: "INR",
    MX: "MXN",
    DE: "EUR",
    FR: "EUR",
    ES: "EUR",
    IT: "EUR",
    NL: "EUR",
    BE: "EUR",
    AT: "EUR",
    IE: "EUR",
    PT: "EUR",
    FI: "EUR",
    GR: "EUR",
    LU: "EUR",
  };
  return byRegion[region] ?? "USD";
}

function input(pointer, type, label, options, extra = {}) {
  const id = `fin-field-${++uid}`;
  const wrap = document.createElement("div");
  wrap.className = "field";
  const lab = document.createElement("label");
  lab.htmlFor = id;
  lab.textContent = label;
  if (extra.required) {
    const mark = document.createElement("span");
    mark.className = "required";
    mark.textContent = " (required)";
    lab.append(mark);
  }
  let control;
  if (type === "yesno") {
    // A boolean the person may leave unstated: "" (not stated), "true", "false".
    control = document.createElement("select");
    control.append(new Option("Not stated", ""), new Option("Yes", "true"), new Option("No", "false"));
  } else if (type === "select") {
    control = document.createElement("select");
    if (!extra.required) control.append(new Option("—", ""));
    for (const [value, text] of options) control.append(new Option(text, value));
  } else {
    control = document.createElement("input");
    control.type = type === "money" || type === "number" ? "number" : type;
    if (type === "money") {
      control.step = "0.01";
      control.inputMode = "decimal";
    }
    if (type === "number") {
      control.step = extra.integer ? "1" : "any";
      control.inputMode = extra.integer ? "numeric" : "decimal";
    }
  }
  control.id = id;
  control.name = pointer;
  control.dataset.pointer = pointer;
  control.dataset.kind = type;
  control.dataset.label = label;
  if (extra.required) control.setAttribute("aria-required", "true");
  const describedBy = [];
  wrap.append(lab, control);
  if (extra.hint) {
    const hint = document.createElement("span");
    hint.className = "hint";
    hint.id = `${id}-hint`;
    hint.textContent = extra.hint;
    describedBy.push(hint.id);
    wrap.append(hint);
  }
  const message = document.createElement("span");
  message.className = "field-error";
  message.id = `${id}-error`;
  describedBy.unshift(message.id);
  control.setAttribute("aria-describedby", describedBy.join(" "));
  wrap.append(message);
  return wrap;
}

function listItem(list, noun, fields, index, onRemoved) {
  const fieldset = document.createElement("fieldset");
  fieldset.className = "item";
  fieldset.dataset.list = list;
  const legend = document.createElement("legend");
  legend.textContent = `${capital(noun)} ${index + 1}`;
  fieldset.append(legend);
  for (const [rel, type, label, options, extra] of fields)
    fieldset.append(input(`/${list}/${index}${rel}`, type, label, options, extra));
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "remove";
  remove.textContent = `Remove ${noun} ${index + 1}`;
  remove.addEventListener("click", () => {
    const parent = fieldset.parentElement;
    const next = fieldset.nextElementSibling ?? fieldset.previousElementSibling;
    fieldset.remove();
    renumber(parent, list, noun, fields);
    onRemoved(next);
  });
  fieldset.append(remove);
  return fieldset;
}

function capital(text) {
  return text[0].toUpperCase() + text.slice(1);
}

function renumber(container, list, noun, fields) {
  [...container.querySelectorAll(`fieldset[data-list="${list}"]`)].forEach((fs, i) => {
    fs.querySelector("legend").textContent = `${capital(noun)} ${i + 1}`;
    fs.querySelector(".remove").textContent = `Remove ${noun} ${i + 1}`;
    const controls = fs.querySelectorAll("[data-pointer]");
    fields.forEach(([rel], j) => {
      controls[j].dataset.pointer = `/${list}/${i}${rel}`;
      controls[j].name = controls[j].dataset.pointer;
    });
  });
}

/**
 * Builds the form inside `root`; returns {read, write, showErrors, localIssues, fillDefaults,
 * controlFor, addItem, removeItem}.
 * `onChange` is called after every edit the person makes (typing, choosing, adding, removing).
 */
export function buildProfileForm(root, { onChange = () => {} } = {}) {
  const basics = document.createElement("fieldset");
  basics.innerHTML = '<legend>About you</legend><p class="note">Fields marked (required) are needed for a plan.</p>';
  for (const [pointer, type, label, options, extra] of SINGLE)
    basics.append(input(pointer, type, label, options, extra));
  root.append(basics);
  const lists = {};
  /** Values a written profile held that a control cannot show (an impossible date): pointer → issue. */
  let unshown = new Map();
  for (const [list, title, noun, fields] of LISTS) {
    const section = document.createElement("fieldset");
    section.className = "list";
    section.innerHTML = `<legend>${title}</legend>`;
    const items = document.createElement("div");
    const add = document.createElement("button");
    add.type = "button";
    add.className = "add";
    add.dataset.list = list;
    add.textContent = `Add ${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
    const removed = (next) => {
      (next?.querySelector("[data-pointer]") ?? add).focus();
      onChange();
    };
    add.addEventListener("click", () => {
      const item = listItem(list, noun, fields, items.children.length, removed);
      items.append(item);
      item.querySelector("[data-pointer]").focus();
      onChange();
    });
    section.append(items, add);
    root.append(section);
    lists[list] = { items, noun, fields, removed };
  }
  root.addEventListener("input", (e) => {
    unshown.delete(e.target.dataset?.pointer);
    onChange();
  });
  root.addEventListener("change", (e) => {
    unshown.delete(e.target.dataset?.pointer);
    onChange();
  });

  const controls = () => [...root.querySelectorAll("[data-pointer]")];

  function set(profile, pointer, value) {
    const keys = pointer.slice(1).split("/");
    let target = profile;
    keys.slice(0, -1).forEach((k, i) => {
      const nextIsIndex = /^\d+$/.test(keys[i + 1]);
      target[k] ??= nextIsIndex ? [] : {};
      target = target[k];
    });
    target[keys[keys.length - 1]] = value;
  }

  function read() {
    const profile = {};
    let rent;
    for (const control of controls()) {
      const raw = control.value.trim();
      if (raw === "") continue;
      const kind = control.dataset.kind;
      const value = kind === "money" || kind === "number" ? Number(raw) : kind === "yesno" ? raw === "true" : raw;
      if (control.dataset.pointer === RENT) rent = value;
      else set(profile, control.dataset.pointer, value);
    }
    if (rent !== undefined) {
      const other = profile.expenses?.essentialMonthly;
      set(
        profile,
        "/expenses/essentialMonthly",
        typeof other === "number" ? other + rent : other === undefined ? rent : other,
      );
    }
    for (const list of Object.keys(lists)) if (profile[list]) profile[list] = profile[list].filter(Boolean);
    return profile;
  }

  /** Problems the page sees before the engine: text a number or date field cannot hold, values a profile had that the form cannot show. */
  function localIssues() {
    const issues = [...unshown.values()];
    for (const control of controls()) {
      if (control.validity?.badInput) {
        issues.push({
          code: "invalid_value",
          path: control.dataset.pointer,
          message: control.dataset.kind === "date" ? "is not a date" : "is not a number",
          local: true,
        });
      }
    }
    return issues;
  }

  function write(profile) {
    unshown = new Map();
    for (const [list, { items, noun, fields, removed }] of Object.entries(lists)) {
      items.replaceChildren();
      (profile[list] ?? []).forEach((_, i) => items.append(listItem(list, noun, fields, i, removed)));
    }
    for (const control of controls()) {
      const pointer = control.dataset.pointer;
      if (pointer === RENT) {
        control.value = "";
        continue;
      }
      const value = pointer
        .slice(1)
        .split("/")
        .reduce((v, k) => (v == null ? undefined : v[k]), profile);
      control.value = typeof value === "boolean" ? String(value) : (value ?? "");
      if (value !== undefined && value !== null && control.value !== String(value)) {
        unshown.set(pointer, {
          code: "invalid_value",
          path: pointer,
          message: control.dataset.kind === "date" ? "is not a date" : "is not one of the options",
          local: true,
        });
      }
    }
  }

  /** Fills the defaults (today's date, the region's currency) where the form is empty. */
  function fillDefaults() {
    const asOf = controlFor("/asOf");
    if (!asOf.value && !unshown.has("/asOf")) asOf.value = today();
    const currency = controlFor("/currency");
    if (!currency.value) currency.value = localeCurrency();
  }

  function controlFor(pointer) {
    const control = controls().find((c) => c.dataset.pointer === pointer);
    if (control || pointer !== "/expenses/essentialMonthly") return control;
    return undefined;
  }

  /** Marks the fields the issues point at; returns [{issue, text, control?}] in form order. */
  function showErrors(errors = []) {
    for (const control of controls()) {
      control.removeAttribute("aria-invalid");
      root.querySelector(`#${control.id}-error`).textContent = "";
    }
    const shown = [];
    for (const issue of errors) {
      const control =
        controlFor(issue.path) ?? (issue.path === "/expenses" ? controlFor("/expenses/essentialMonthly") : undefined);
      const text = plainMessage(issue, control?.dataset.label);
      if (control) {
        control.setAttribute("aria-invalid", "true");
        const message = root.querySelector(`#${control.id}-error`);
        message.textContent = message.textContent ? `${message.textContent} ${text}` : text;
      }
      shown.push({ issue, text, control });
    }
    const order = controls();
    return shown.sort(
      (a, b) => (a.control ? order.indexOf(a.control) : Infinity) - (b.control ? order.indexOf(b.control) : Infinity),
    );
  }

  /** Appends an item to a list with the given values ({name, kind, …} by relative field); returns its index. */
  function addItem(list, values = {}) {
    const { items, noun, fields, removed } = lists[list];
    const index = items.children.length;
    const item = listItem(list, noun, fields, index, removed);
    items.append(item);
    for (const [key, value] of Object.entries(values)) {
      const control = controlFor(`/${list}/${index}/${key}`);
      if (control) control.value = String(value);
    }
    onChange();
    return index;
  }

  /** Removes a list's item by index (the later items move up). */
  function removeItem(list, index) {
    const { items, noun, fields } = lists[list];
    items.children[index]?.remove();
    renumber(items, list, noun, fields);
    onChange();
  }

  return { read, write, showErrors, localIssues, fillDefaults, controlFor, addItem, removeItem };
}
