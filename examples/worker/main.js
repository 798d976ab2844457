// Sends a profile to the worker and lists the actions it answers with.
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const profile = {
  asOf: "2026-11-15",
  currency: "USD",
  person: { age: 35 },
  incomes: [{ name: "Salary", grossAnnual: 90000, netMonthly: 5600 }],
  expenses: { essentialMonthly: 3200, discretionaryMonthly: 900 },
  accounts: [{ name: "Savings", kind: "savings", balance: 6000 }],
};

worker.onmessage = ({ data }) => {
  const list = document.getElementById("actions");
  if (data.errors) {
    list.textContent = data.errors.map((e) => `${e.path}: ${e.message}`).join("; ");
    return;
  }
  for (const action of data.report.actions) {
    const item = document.createElement("li");
    item.textContent = action.title;
    list.append(item);
  }
};
worker.postMessage(profile);
