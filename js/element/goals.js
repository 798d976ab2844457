// The person's goals on the plan, each with the monthly saving it needs (the report's plans.goals,
// computed from the goal's target, date and what is saved) and the return that figure assumes.
import { money, monthYear } from "./format.js";

/**
 * The goals section, or null when the report plans no goal. `goals` are the profile's goals
 * (their target and date, matched by name).
 */
export function goalsSection(goalPlans, goals = [], currency) {
  if (!Array.isArray(goalPlans) || goalPlans.length === 0) return null;
  const section = document.createElement("section");
  section.className = "goals";
  const heading = document.createElement("h3");
  heading.textContent = "Your goals";
  const list = document.createElement("ul");
  for (const plan of goalPlans) {
    const goal = goals.find((g) => g?.name === plan.name) ?? {};
    const item = document.createElement("li");
    item.className = "goal";
    const name = document.createElement("strong");
    name.textContent = plan.name;
    const target =
      typeof goal.target === "number" && goal.targetDate
        ? `${money(goal.target, currency)} by ${monthYear(goal.targetDate)}`
        : "";
    const assumption = `assuming ${plan.annualReturnPercent}% a year of growth (${Math.round(
      (plan.allocation?.stocks ?? 0) * 100,
    )}% in stocks)`;
    let need;
    if (plan.monthlySavingNeeded === null) need = "its date has come: nothing left to plan monthly";
    else if (plan.monthlySavingNeeded === 0)
      need = `already on track: what you have saved grows to ${money(plan.savedGrowsTo, currency)} by then, ${assumption}`;
    else need = `save ${money(plan.monthlySavingNeeded, currency)} a month, ${assumption}`;
    item.append(name, `${target ? `: ${target}` : ""} — ${need}.`);
    list.append(item);
  }
  section.append(heading, list);
  return section;
}
