// The demo page: example personas for the <fin-advice> element. Choosing one and pressing "Show
// this example" fills the form and computes the plan; when the person has typed numbers of their
// own, the page asks before it replaces them. [file under /examples/ or /personas/, label]; the
// personas are tests/personas/ (their reports are reviewed snapshots there).
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
  ["personas/above-roth-limit", "Earning above the Roth IRA limit"],
  ["personas/age-62-medicare-ahead", "62, with Medicare ahead"],
  ["personas/idle-cash", "Too much cash sitting idle"],
  ["personas/mortgage-vs-investing", "A 6.5% mortgage: pay it down or invest?"],
  ["personas/one-earner-couple", "One-earner couple with two children"],
  ["personas/parent-four-months-fund", "Parent with four months of savings"],
  ["personas/room-left-saver", "Saver with room left in tax-advantaged accounts"],
  ["personas/self-employed-designer", "Self-employed designer"],
  ["examples/invalid-many", "A profile with mistakes"],
];

const select = document.getElementById("persona");
const form = document.getElementById("examples");
const confirm = document.getElementById("confirm");
const element = document.querySelector("fin-advice");
for (const [value, label] of PERSONAS) select.append(new Option(label, value));

const examples = new Map(
  await Promise.all(PERSONAS.map(async ([name]) => [name, await (await fetch(`./${name}.json`)).json()])),
);

/** Shows the chosen example and moves to its plan (on a phone, the plan is below the whole form). */
async function useExample() {
  confirm.hidden = true;
  element.profile = examples.get(select.value);
  if (await element.advise()) element.focusPlan();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!select.value) return;
  if (element.edited) {
    confirm.hidden = false;
    document.getElementById("confirm-keep").focus();
  } else useExample();
});
document.getElementById("confirm-replace").addEventListener("click", useExample);
document.getElementById("confirm-keep").addEventListener("click", () => {
  confirm.hidden = true;
  select.focus();
});
document.querySelector(".skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  element.focusPlan();
});
document.body.dataset.ready = "true";
