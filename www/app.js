// The demo page: a choice of example personas feeding the <fin-advice> element.
// [file under /examples/ or /personas/, label]; the personas are tests/personas/ (their reports
// are reviewed snapshots there).
const PERSONAS = [
  ["examples/new-graduate", "New graduate with card debt"],
  ["examples/transactions-only", "Gig worker, transactions only"],
  ["personas/new-graduate-card-debt", "New graduate: card debt, match not taken"],
  ["personas/family-mortgage-no-emergency-fund", "Family with a mortgage and no emergency fund"],
  ["personas/gig-worker-variable-income", "Gig worker with variable income"],
  ["personas/pre-retiree", "Pre-retiree, 60"],
  ["personas/high-earner-missing-match", "High earner missing the match"],
  ["personas/debt-free-no-plan", "Debt-free with no plan"],
  ["personas/crisis-expenses-exceed-income", "In crisis: spending above income"],
  ["personas/transactions-only", "Only transactions, no stated expenses"],
  ["personas/on-track-saver", "On track, 401(k) room left"],
  ["personas/hsa-eligible-car-loan", "HSA-eligible with a car loan"],
  ["personas/single-parent-dependents", "Single parent with two children"],
  ["personas/couple-as-of-2025", "Couple in 2025 (2025 limits)"],
  ["personas/house-down-payment-saver", "Saving for a house and a wedding"],
  ["personas/room-left-saver", "On track with HSA and 401(k) room left"],
  ["personas/parent-four-months-fund", "Parents with four months of cash"],
  ["personas/above-roth-limit", "Income above the Roth IRA limit"],
  ["personas/one-earner-couple", "Married couple, one earner"],
  ["personas/self-employed-designer", "Self-employed designer"],
  ["personas/age-62-medicare-ahead", "62, Social Security and Medicare ahead"],
  ["personas/idle-cash", "Idle cash: two years of bills in savings"],
  ["personas/mortgage-vs-investing", "6.5% mortgage or investing?"],
  ["examples/invalid-many", "A profile with mistakes"],
];

const select = document.getElementById("persona");
const element = document.querySelector("fin-advice");
for (const [value, label] of PERSONAS) select.append(new Option(label, value));

const examples = new Map(
  await Promise.all(PERSONAS.map(async ([name]) => [name, await (await fetch(`./${name}.json`)).json()])),
);

select.addEventListener("change", async () => {
  element.profile = select.value ? examples.get(select.value) : {};
  if (select.value) await element.advise();
});
document.body.dataset.ready = "true";
