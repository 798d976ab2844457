// The risk questionnaire on the page: the engine's ten questions (riskQuestions) as radio groups;
// the answers, with the person's horizon and cushion, give a tolerance and an investment mix
// (riskProfile), which the what-if section can then use.

let uid = 0;

/**
 * A <details> with the questionnaire. `capacity` is {horizonYears, emergencyFundMonths?,
 * incomeStability?}; `onProfile(riskProfile)` receives the result.
 */
export function riskQuestionnaire(call, capacity, onProfile) {
  const details = document.createElement("details");
  details.className = "risk";
  const summary = document.createElement("summary");
  summary.textContent = "How much investment risk suits you? Ten questions";
  const form = document.createElement("form");
  form.noValidate = true;
  const out = document.createElement("p");
  out.className = "risk-result";
  out.setAttribute("role", "status");
  details.append(summary, form, out);
  let loaded = false;
  details.addEventListener("toggle", async () => {
    if (!details.open || loaded) return;
    loaded = true;
    const questions = await call("riskQuestions");
    for (const q of questions) {
      const set = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = q.text;
      set.append(legend);
      for (const c of q.choices) {
        const id = `risk-${++uid}`;
        const label = document.createElement("label");
        label.htmlFor = id;
        const radio = document.createElement("input");
        radio.type = "radio";
        radio.id = id;
        radio.name = q.id;
        radio.value = c.id;
        label.append(radio, ` ${c.text}`);
        const line = document.createElement("div");
        line.append(label);
        set.append(line);
      }
      form.append(set);
    }
    const submit = document.createElement("button");
    submit.type = "submit";
    submit.textContent = "See the mix for my answers";
    form.append(submit);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const answers = Object.fromEntries(new FormData(form));
    const missing = [...form.querySelectorAll("fieldset")].filter((set) => !set.querySelector("input:checked"));
    if (missing.length) {
      out.textContent = `Please answer ${missing.length === 1 ? "the last question" : `the ${missing.length} questions left`}.`;
      missing[0].querySelector("input").focus();
      return;
    }
    try {
      const profile = await call("riskProfile", answers, capacity);
      const pct = (v) => `${Math.round(v * 100)}%`;
      out.textContent =
        `Your answers point to a ${profile.tolerance} investor: ${pct(profile.allocation.stocks)} stocks, ${pct(profile.allocation.bonds)} bonds, ${pct(profile.allocation.cash)} cash` +
        (profile.limitedBy === "capacity"
          ? ", held back by how soon you need the money or how thin your cushion is."
          : ".");
      onProfile(profile);
    } catch (error) {
      out.textContent = `No result: ${error.message}.`;
    }
  });
  return details;
}
