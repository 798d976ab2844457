// Imported transactions as a profile's transactions: the importer's objects pass through
// unchanged (the bank's category and merchant code are evidence the plan uses), except for the
// fields the engine's profile does not take, which it names in its validation (`unknown_field`).

/**
 * The imported transactions with every field the profile takes. `call(method, ...args)` reaches
 * the engine; one `validateProfile` of a profile holding one transaction per distinct set of
 * fields tells which fields the profile refuses.
 */
export async function profileTransactions(transactions, call) {
  const shapes = new Map();
  for (const t of transactions) {
    const key = Object.keys(t).sort().join(",");
    if (!shapes.has(key)) shapes.set(key, t);
  }
  const probe = [...shapes.values()];
  if (!probe.length) return [];
  let issues = [];
  try {
    const asOf = probe.map((t) => t.date).sort()[probe.length - 1];
    issues = await call("validateProfile", { asOf, currency: "USD", transactions: probe });
  } catch {
    issues = [];
  }
  const refused = new Set(
    issues
      .filter((i) => i.code === "unknown_field" && /^\/transactions\/\d+\/[^/]+$/.test(i.path))
      .map((i) => i.path.split("/").pop()),
  );
  if (!refused.size) return transactions;
  return transactions.map((t) => Object.fromEntries(Object.entries(t).filter(([k]) => !refused.has(k))));
}
