// What-if, live: the person moves a few inputs (extra payment toward debt and the payoff order;
// retirement age, monthly retirement saving and the investment mix) and the calculators recompute
// in the engine's Worker as they move — debounced, no submit, an older answer never shown over a
// newer one. The risk questionnaire sets the mix. Built only from what this person's report has.
import { money, months, monthYear } from "./format.js";
import { riskQuestionnaire } from "./risk-form.js";

const DEBOUNCE_MS = 150;

/** Debounces `run` and drops answers that a newer call has replaced. */
function live(run, show) {
  let timer;
  let seq = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const result = await run();
        if (mine === seq) show(result, null);
      } catch (error) {
        if (mine === seq) show(null, error);
      }
    }, DEBOUNCE_MS);
  };
}

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

let uid = 0;

/** A labelled range slider with a number box beside it (kept in step); returns {wrap, value()}. */
function slider(label, { min, max, step, value, format }) {
  const id = `whatif-${++uid}`;
  const wrap = el("div", { class: "slider" });
  const lab = el("label", { for: id }, label);
  const range = el("input", { type: "range", id, min, max, step, value });
  const number = el("input", { type: "number", min, max, step, value, "aria-label": `${label} (number)` });
  const shown = el("output", { for: id, "aria-hidden": "true" }, format(value));
  range.addEventListener("input", () => {
    number.value = range.value;
    shown.textContent = format(Number(range.value));
  });
  number.addEventListener("input", () => {
    if (number.value !== "") {
      range.value = number.value;
      shown.textContent = format(Number(number.value));
    }
  });
  wrap.append(lab, range, number, shown);
  return { wrap, value: () => Number(number.value === "" ? range.value : number.value), inputs: [range, number] };
}

/**
 * The what-if section for `report` (made from `profile`), or null when there is nothing to explore.
 * `call(method, ...args)` reaches the engine.
 */
export function whatIfSection(report, profile, call, currency) {
  const payoff = report.plans?.debtPayoff;
  const retirement = report.plans?.retirement;
  const debts = (profile.debts ?? []).filter((d) => d.balance > 0);
  if (!(payoff?.avalanche && debts.length) && !retirement?.years) return null;
  const section = el("section", { class: "what-if", "aria-labelledby": "what-if-heading" });
  section.append(
    el("h3", { id: "what-if-heading" }, "What if…"),
    el("p", { class: "hint" }, "Move these and the numbers below change at once. Your plan above stays as it is."),
  );

  if (payoff?.avalanche && debts.length) {
    const group = el("fieldset", { class: "what-if-debt" });
    group.append(el("legend", {}, "Paying off debt"));
    const extra = slider("Extra toward debt each month", {
      min: 0,
      max: 2000,
      step: 25,
      value: 0,
      format: (v) => money(v, currency),
    });
    const orderId = `whatif-${++uid}`;
    const orderWrap = el("div", { class: "slider" });
    const order = el("select", { id: orderId });
    order.append(
      new Option("Highest interest rate first (avalanche)", "avalanche"),
      new Option("Smallest balance first (snowball)", "snowball"),
    );
    orderWrap.append(el("label", { for: orderId }, "Order"), order);
    const out = el("p", { class: "what-if-result", role: "status" });
    group.append(extra.wrap, orderWrap, out);
    const baseline = payoff.avalanche;
    const update = live(
      () =>
        call("planDebtPayoff", {
          asOf: profile.asOf,
          monthlyBudget: payoff.monthlyBudget + extra.value(),
          strategy: order.value,
          debts: debts.map(({ name, balance, aprPercent, minPayment }) => ({ name, balance, aprPercent, minPayment })),
        }),
      (plan, error) => {
        if (error) {
          out.textContent = `No plan for these numbers: ${error.message}.`;
          return;
        }
        const sooner = baseline.months - plan.months;
        const saved = baseline.totalInterest - plan.totalInterest;
        out.textContent =
          `Debt-free in ${months(plan.months)}${plan.debtFreeDate ? ` (${monthYear(plan.debtFreeDate)})` : ""}, paying ${money(plan.totalInterest, currency)} in interest` +
          (sooner || Math.abs(saved) >= 1
            ? ` — ${sooner > 0 ? `${months(sooner)} sooner` : sooner < 0 ? `${months(-sooner)} later` : "the same time"} and ${money(Math.abs(saved), currency)} ${saved >= 0 ? "less" : "more"} interest than your plan.`
            : ", the same as your plan.");
      },
    );
    for (const input of [...extra.inputs, order])
      input.addEventListener(input.tagName === "SELECT" ? "change" : "input", update);
    section.append(group);
    update();
  }

  if (retirement?.years && profile.person?.age) {
    const age = profile.person.age;
    const group = el("fieldset", { class: "what-if-retirement" });
    group.append(el("legend", {}, "Retirement"));
    const retireAge = slider("Retire at age", {
      min: Math.min(age + 1, 80),
      max: 80,
      step: 1,
      value: Math.min(80, Math.max(age + 1, profile.person.retirementAge ?? 67)),
      format: String,
    });
    const startSaving = Math.round((retirement.annualContribution ?? 0) / 12);
    const saving = slider("Saving for retirement each month", {
      min: 0,
      max: 5000,
      step: 25,
      value: startSaving,
      format: (v) => money(v, currency),
    });
    const mixId = `whatif-${++uid}`;
    const mixWrap = el("div", { class: "slider" });
    const mix = el("select", { id: mixId });
    const assumed = retirement.assumptions?.allocation;
    let mixes = [
      ["plan", assumed ? `As in your plan (${Math.round(assumed.stocks * 100)}% stocks)` : "As in your plan", assumed],
      ["conservative", "Cautious: 30% stocks, 60% bonds, 10% cash", { stocks: 0.3, bonds: 0.6, cash: 0.1 }],
      ["moderate", "Balanced: 60% stocks, 35% bonds, 5% cash", { stocks: 0.6, bonds: 0.35, cash: 0.05 }],
      ["aggressive", "Growth: 90% stocks, 10% bonds", { stocks: 0.9, bonds: 0.1, cash: 0 }],
    ].filter(([, , a]) => a);
    for (const [value, text] of mixes) mix.append(new Option(text, value));
    mixWrap.append(el("label", { for: mixId }, "Investment mix"), mix);
    const out = el("p", { class: "what-if-result", role: "status" });
    const questionnaire = riskQuestionnaire(
      call,
      {
        horizonYears: Math.max(retireAge.value() - age, 0),
        emergencyFundMonths: report.facts.emergencyFundMonths ?? undefined,
        incomeStability: profile.person.incomeStability ?? "stable",
      },
      (risk) => {
        mixes = mixes.filter(([v]) => v !== "answers");
        mixes.push([
          "answers",
          `From your answers (${Math.round(risk.allocation.stocks * 100)}% stocks)`,
          risk.allocation,
        ]);
        mix.querySelector('option[value="answers"]')?.remove();
        mix.append(new Option(mixes[mixes.length - 1][1], "answers"));
        mix.value = "answers";
        update();
      },
    );
    group.append(retireAge.wrap, saving.wrap, mixWrap, questionnaire, out);
    const update = live(
      () =>
        call("projectRetirement", {
          currentAge: age,
          retirementAge: retireAge.value(),
          endAge: retirement.endAge,
          balance: retirement.balance,
          // Untouched, the plan's own yearly figure (the slider shows it rounded to a month).
          annualContribution: saving.value() === startSaving ? retirement.annualContribution : saving.value() * 12,
          annualSpending: retirement.annualSpending,
          allocation: mixes.find(([v]) => v === mix.value)?.[2],
          // The plan's other assumptions, so that the untouched what-if is the plan's own projection.
          socialSecurityMonthly: retirement.socialSecurityMonthly ?? 0,
          socialSecurityAge: retirement.socialSecurityAge ?? retireAge.value(),
          withdrawalTaxPercent: retirement.assumptions?.withdrawalTaxPercent ?? 0,
          inflationPercent: retirement.assumptions?.inflationPercent,
          paths: retirement.assumptions?.paths ?? 2000,
          seed: retirement.assumptions?.seed ?? 1,
        }),
      (projection, error) => {
        if (error) {
          out.textContent = `No projection for these numbers: ${error.message}.`;
          return;
        }
        const chance = Math.round((projection.successProbability ?? 0) * 100);
        const atRetirement =
          projection.medianAtRetirement ?? projection.years.find((y) => y.age === retireAge.value())?.p50;
        out.textContent =
          `In ${chance}% of simulated markets your money lasts to age ${retirement.endAge}` +
          (atRetirement !== undefined
            ? `; in the middle case you have ${money(atRetirement, currency)} (today's money) at ${retireAge.value()}.`
            : ".") +
          ` Your plan: ${Math.round(retirement.successProbability * 100)}%.`;
      },
    );
    for (const input of [...retireAge.inputs, ...saving.inputs, mix])
      input.addEventListener(input.tagName === "SELECT" ? "change" : "input", update);
    section.append(group);
    update();
  }
  return section;
}
