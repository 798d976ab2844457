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
    if (!(step.monthly > 0) && !step.starts) return; // no money now or later: not on the schedule
    const item = document.createElement("li");
    item.className = "step";
    item.dataset.action = step.actionId;
    const amount = document.createElement("span");
    amount.className = "step-amount";
    // A step that waits for an earlier one to finish says when it starts instead of "$0 a month".
    const waits = !(step.monthly > 0) && step.starts;
    amount.textContent = waits ? `From ${monthYear(step.starts)}` : `${money(step.monthly, currency)} a month`;
    const title = document.createElement("span");
    title.className = "step-title";
    title.textContent = stepName(step, titles);
    const when = document.createElement("span");
    when.className = "step-until";
    when.textContent = timing(step, monthlyPlan.steps[i + 1], titles, currency);
    item.append(amount, " — ", title, " ", when);
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

/**
 * When a step runs and where its money goes next: "from May 2027", "until Dec 2026, then $100 a
 * month to: pay off debt…". The report's own `then` wins; without it, the next step.
 */
function timing(step, next, titles, currency) {
  const parts = [];
  if (step.starts && step.monthly > 0) parts.push(`from ${monthYear(step.starts)}`);
  if (step.until) parts.push(`until ${monthYear(step.until)}`);
  if (!step.until && !step.starts) parts.push("every month");
  if (!parts.length) parts.push("ongoing");
  const name = (target) => lowerFirst(stepName(target, titles));
  if (step.until && Array.isArray(step.then)) {
    if (!step.then.length) return `${parts.join(" ")}, then no step takes its money`;
    const flows = step.then.map((t) => `${money(t.monthly, currency)} a month to: ${name(t)}`);
    return `${parts.join(" ")}, then ${flows.join("; ")}`;
  }
  if (step.until && next) return `${parts.join(" ")}, then this money goes to: ${name(next)}`;
  return parts.join(" ");
}

/**
 * The report's `later` actions as list items: "Emergency fund — once High-interest debt is done."
 * `actions` and `later` give the titles of what each waits for.
 */
export function laterItems(actions, later) {
  const titles = new Map([...actions, ...later].map((a) => [a.id, a.title]));
  return later.map((action) => {
    const item = document.createElement("li");
    item.dataset.action = action.id;
    const title = document.createElement("strong");
    title.textContent = action.title;
    const waits = (action.waitsFor ?? []).map((id) => lowerFirst(titles.get(id) ?? id));
    item.append(title, waits.length ? ` — once these are done: ${waits.join("; ")}.` : "");
    return item;
  });
}

/** A step's name: its action's title, followed for one of several steps of an action (a goal) by the item. */
function stepName(step, titles) {
  const title = titles.get(step.actionId) ?? step.actionId;
  return step.part ? `${title}: ${step.part}` : title;
}

function lowerFirst(text) {
  return text ? text[0].toLowerCase() + text.slice(1) : text;
}
