// The plan as a schedule: the report's monthlyPlan (what is available each month, each step's
// monthly amount and until when, where its money goes next) as an ordered timeline.
import { money, monthYear } from "./format.js";

/**
 * The schedule's section, or null when the report has no monthly plan. `actions` gives each
 * step its title (steps name their action by id).
 */
export function scheduleSection(monthlyPlan, actions, currency) {
  if (!monthlyPlan || !Array.isArray(monthlyPlan.steps)) return null;
  const section = document.createElement("section");
  section.className = "schedule";
  const heading = document.createElement("h3");
  heading.textContent = "Each month";
  const intro = document.createElement("p");
  intro.className = "available";
  intro.textContent =
    monthlyPlan.available > 0
      ? `${money(monthlyPlan.available, currency)} a month is left after your spending and minimum payments. Here is where it goes, in order:`
      : "Nothing is left each month after your spending and minimum payments, so the first step is to make room.";
  section.append(heading, intro);
  const titles = new Map(actions.map((a) => [a.id, a.title]));
  const list = document.createElement("ol");
  list.className = "steps";
  monthlyPlan.steps.forEach((step, i) => {
    const item = document.createElement("li");
    item.className = "step";
    item.dataset.action = step.actionId;
    const amount = document.createElement("span");
    amount.className = "step-amount";
    amount.textContent = `${money(step.monthly, currency)} a month`;
    const title = document.createElement("span");
    title.className = "step-title";
    title.textContent = titles.get(step.actionId) ?? step.actionId;
    const when = document.createElement("span");
    when.className = "step-until";
    const next = monthlyPlan.steps[i + 1];
    const nextTitle = next ? (titles.get(next.actionId) ?? next.actionId) : null;
    when.textContent = step.until
      ? `until ${monthYear(step.until)}${nextTitle ? `, then this money goes to: ${lowerFirst(nextTitle)}` : ""}`
      : "ongoing";
    item.append(amount, " — ", title, " ", when);
    if (step.note) {
      const note = document.createElement("p");
      note.className = "step-note";
      note.textContent = step.note;
      item.append(note);
    }
    list.append(item);
  });
  section.append(list);
  if (monthlyPlan.unassigned > 0) {
    const rest = document.createElement("p");
    rest.className = "unassigned";
    rest.textContent = `${money(monthlyPlan.unassigned, currency)} a month is not assigned to a step: yours to spend or save as you like.`;
    section.append(rest);
  }
  return section;
}

function lowerFirst(text) {
  return text ? text[0].toLowerCase() + text.slice(1) : text;
}
