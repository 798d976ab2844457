// The profile form: builds accessible inputs from a field table, reads them into a profile object
// (the engine validates it), writes a profile back into them, and marks the inputs an error points
// at (every input carries the JSON pointer of its value).

const ACCOUNT_KINDS = ["checking", "savings", "brokerage", "401k", "ira", "roth_ira", "hsa", "529", "other"];
const DEBT_KINDS = ["credit_card", "student_loan", "auto_loan", "mortgage", "personal_loan", "medical", "other"];

/** Single fields: [pointer, type, label, options]. */
const SINGLE = [
  ["/asOf", "date", "As of"],
  ["/currency", "text", "Currency (ISO code)"],
  ["/person/age", "number", "Age"],
  ["/person/dependents", "number", "Dependents"],
  ["/person/retirementAge", "number", "Planned retirement age"],
  ["/person/incomeStability", "select", "Income is", ["stable", "variable"]],
  [
    "/person/filingStatus",
    "select",
    "Tax filing status",
    ["single", "married_joint", "married_separate", "head_of_household"],
  ],
  ["/person/hsaCoverage", "select", "HSA-eligible health plan", ["none", "self", "family"]],
  ["/person/socialSecurity/monthlyAtClaiming", "money", "Social Security per month at claiming (your SSA estimate)"],
  ["/person/socialSecurity/claimingAge", "number", "Social Security claiming age (62–70)"],
  ["/insurance/lifeCoverage", "money", "Life insurance cover"],
  ["/insurance/disability", "yesno", "Long-term disability insurance"],
  ["/insurance/healthDeductible", "money", "Health plan deductible per year"],
  ["/expenses/essentialMonthly", "money", "Essential spending per month"],
  ["/expenses/discretionaryMonthly", "money", "Discretionary spending per month"],
];

/** Repeated sections: list name, title, item fields [relative pointer, type, label, options]. */
const LISTS = [
  [
    "incomes",
    "Incomes",
    [
      ["/name", "text", "Name"],
      ["/grossAnnual", "money", "Gross per year"],
      ["/netMonthly", "money", "Net per month"],
    ],
  ],
  [
    "accounts",
    "Accounts",
    [
      ["/name", "text", "Name"],
      ["/kind", "select", "Kind", ACCOUNT_KINDS],
      ["/balance", "money", "Balance"],
      ["/contributionMonthly", "money", "You add per month"],
      ["/employerMatch/matchPercent", "number", "Employer match %"],
      ["/employerMatch/upToPercentOfSalary", "number", "Matched up to % of salary"],
      ["/employerMatch/income", "text", "Salary matched: income name (default: the largest)"],
    ],
  ],
  [
    "debts",
    "Debts",
    [
      ["/name", "text", "Name"],
      ["/kind", "select", "Kind", DEBT_KINDS],
      ["/balance", "money", "Balance"],
      ["/aprPercent", "number", "APR %"],
      ["/minPayment", "money", "Minimum payment"],
    ],
  ],
  [
    "goals",
    "Goals",
    [
      ["/name", "text", "Name"],
      ["/target", "money", "Target"],
      ["/targetDate", "date", "By"],
      ["/saved", "money", "Saved"],
    ],
  ],
];

let uid = 0;

function input(pointer, type, label, options) {
  const id = `fin-field-${++uid}`;
  const wrap = document.createElement("div");
  wrap.className = "field";
  const lab = document.createElement("label");
  lab.htmlFor = id;
  lab.textContent = label;
  let control;
  if (type === "select") {
    control = document.createElement("select");
    for (const o of options) control.append(new Option(o.replace(/_/g, " "), o));
  } else if (type === "yesno") {
    // A boolean the person may leave unstated: "" (not stated), "true", "false".
    control = document.createElement("select");
    control.append(new Option("not stated", ""), new Option("yes", "true"), new Option("no", "false"));
  } else {
    control = document.createElement("input");
    control.type = type === "money" || type === "number" ? "number" : type;
    if (type === "money") control.step = "0.01";
    if (type === "number") control.step = "any";
  }
  control.id = id;
  control.dataset.pointer = pointer;
  control.dataset.kind = type;
  const message = document.createElement("span");
  message.className = "field-error";
  message.id = `${id}-error`;
  control.setAttribute("aria-describedby", message.id);
  wrap.append(lab, control, message);
  return wrap;
}

function listItem(list, fields, index) {
  const fieldset = document.createElement("fieldset");
  fieldset.className = "item";
  fieldset.dataset.list = list;
  const legend = document.createElement("legend");
  legend.textContent = `${list.slice(0, -1)} ${index + 1}`;
  fieldset.append(legend);
  for (const [rel, type, label, options] of fields)
    fieldset.append(input(`/${list}/${index}${rel}`, type, label, options));
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "remove";
  remove.textContent = `Remove ${list.slice(0, -1)}`;
  remove.addEventListener("click", () => {
    const parent = fieldset.parentElement;
    fieldset.remove();
    renumber(parent, list, fields);
  });
  fieldset.append(remove);
  return fieldset;
}

function renumber(container, list, fields) {
  [...container.querySelectorAll(`fieldset[data-list="${list}"]`)].forEach((fs, i) => {
    fs.querySelector("legend").textContent = `${list.slice(0, -1)} ${i + 1}`;
    const controls = fs.querySelectorAll("[data-pointer]");
    fields.forEach(([rel], j) => {
      controls[j].dataset.pointer = `/${list}/${i}${rel}`;
    });
  });
}

/** Builds the form inside `root`; returns {read, write, showErrors}. */
export function buildProfileForm(root) {
  const basics = document.createElement("fieldset");
  basics.innerHTML = "<legend>You</legend>";
  for (const [pointer, type, label, options] of SINGLE) basics.append(input(pointer, type, label, options));
  root.append(basics);
  const lists = {};
  for (const [list, title, fields] of LISTS) {
    const section = document.createElement("fieldset");
    section.className = "list";
    section.innerHTML = `<legend>${title}</legend>`;
    const items = document.createElement("div");
    const add = document.createElement("button");
    add.type = "button";
    add.textContent = `Add ${list.slice(0, -1)}`;
    add.addEventListener("click", () => items.append(listItem(list, fields, items.children.length)));
    section.append(items, add);
    root.append(section);
    lists[list] = { items, fields };
  }

  function read() {
    const profile = {};
    for (const control of root.querySelectorAll("[data-pointer]")) {
      const raw = control.value.trim();
      if (raw === "") continue;
      const kind = control.dataset.kind;
      const value = kind === "money" || kind === "number" ? Number(raw) : kind === "yesno" ? raw === "true" : raw;
      const keys = control.dataset.pointer.slice(1).split("/");
      let target = profile;
      keys.slice(0, -1).forEach((k, i) => {
        const nextIsIndex = /^\d+$/.test(keys[i + 1]);
        target[k] ??= nextIsIndex ? [] : {};
        target = target[k];
      });
      target[keys[keys.length - 1]] = value;
    }
    for (const list of Object.keys(lists)) if (profile[list]) profile[list] = profile[list].filter(Boolean);
    return profile;
  }

  function write(profile) {
    for (const { items, fields } of Object.values(lists)) items.replaceChildren();
    for (const [list, { items, fields }] of Object.entries(lists)) {
      (profile[list] ?? []).forEach((_, i) => items.append(listItem(list, fields, i)));
    }
    for (const control of root.querySelectorAll("[data-pointer]")) {
      const value = control.dataset.pointer
        .slice(1)
        .split("/")
        .reduce((v, k) => (v == null ? undefined : v[k]), profile);
      control.value = typeof value === "boolean" ? String(value) : (value ?? "");
    }
  }

  function showErrors(errors = []) {
    for (const control of root.querySelectorAll("[data-pointer]")) {
      control.removeAttribute("aria-invalid");
      root.querySelector(`#${control.id}-error`).textContent = "";
    }
    const unplaced = [];
    for (const issue of errors) {
      const control = [...root.querySelectorAll("[data-pointer]")].find((c) => c.dataset.pointer === issue.path);
      if (control) {
        control.setAttribute("aria-invalid", "true");
        root.querySelector(`#${control.id}-error`).textContent = issue.message;
      } else unplaced.push(issue);
    }
    return unplaced;
  }

  return { read, write, showErrors };
}
