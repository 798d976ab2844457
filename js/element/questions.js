// The open questions after an import, one small group at a time: the drafted profile has filled
// the form, and the questions it could not answer (each with the JSON pointer of its value) are
// asked here in groups — about you, your pay, your accounts, each debt, a workplace plan — with a
// step count, Next and Back, required answers marked, and focus on each group's heading. Every
// answer is written into the form's own field at once (the form stays the one source of the
// profile); the last step asks for the plan. The whole form stays one button away.

/** At most this many questions in one group: small steps are easier on a phone. */
const GROUP_SIZE = 4;

/** The group a question belongs to: [key, title] from its pointer. */
function groupOf(path, form) {
  const item = /^\/(incomes|accounts|debts|goals)\/(\d+)/.exec(path);
  if (!item) return ["you", "About you"];
  const [, list, index] = item;
  if (!form.controlFor(`${path}`) && path === `/${list}/${index}`)
    return [`new-${list}`, "A workplace retirement plan"];
  if (list === "incomes") return ["incomes", "Your pay"];
  if (list === "accounts") return ["accounts", "Your accounts today"];
  const name = form.controlFor(`/${list}/${index}/name`)?.value;
  return [`${list}-${index}`, name ? `What you owe: ${name}` : `Debt ${Number(index) + 1}`];
}

/** The questions grouped in the order they come, each group at most GROUP_SIZE questions. */
export function groupQuestions(questions, form) {
  const groups = [];
  const byKey = new Map();
  for (const question of questions) {
    const [key, title] = groupOf(question.path, form);
    let group = byKey.get(key);
    if (!group || group.questions.length >= GROUP_SIZE) {
      group = { key, title, questions: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.questions.push(question);
  }
  return groups;
}

let uid = 0;

/**
 * Builds the stepper in `section`. `form` is the profile form (controlFor, addItem, read);
 * `onDone()` is called when the person asks for the plan after the last group, `onFullForm()`
 * when they choose the whole form instead.
 */
export function buildQuestions(section, { form, onDone, onFullForm }) {
  section.innerHTML = `
    <p class="ask-covered"></p>
    <progress class="ask-progress" max="1" value="0" aria-hidden="true"></progress>
    <h3 class="ask-title" tabindex="-1"></h3>
    <p class="note">Fields marked (required) are needed for a plan; the others start from a usual value you can keep.</p>
    <div class="ask-fields"></div>
    <div class="ask-nav">
      <button type="button" class="ask-back">Back</button>
      <button type="button" class="ask-next">Next</button>
    </div>
    <p><button type="button" class="ask-full link">Show the whole form instead</button></p>`;
  const q = (s) => section.querySelector(s);
  let groups = [];
  let at = 0;

  q(".ask-back").addEventListener("click", () => show(at - 1));
  q(".ask-next").addEventListener("click", next);
  q(".ask-full").addEventListener("click", () => {
    section.hidden = true;
    onFullForm(groups[at]?.questions[0]?.path);
  });
  // Enter in a question moves on, as it would in a one-page form (instead of submitting the whole form).
  section.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.target.matches("input")) {
      e.preventDefault();
      next();
    }
  });

  function next() {
    if (!check()) return;
    if (at < groups.length - 1) show(at + 1);
    else {
      section.hidden = true;
      onDone();
    }
  }

  /** Marks the unanswered required questions of the shown group; false (focus on the first) when there is one. */
  function check() {
    let first = null;
    for (const control of q(".ask-fields").querySelectorAll("[data-asks]")) {
      const message = section.querySelector(`#${control.id}-error`);
      const missing = control.getAttribute("aria-required") === "true" && control.value.trim() === "";
      const bad = control.validity?.badInput;
      message.textContent = missing ? "Please answer this to go on." : bad ? "Please enter a number." : "";
      if (missing || bad) {
        control.setAttribute("aria-invalid", "true");
        first ??= control;
      } else control.removeAttribute("aria-invalid");
    }
    first?.focus();
    return !first;
  }

  function show(index) {
    at = Math.max(0, Math.min(index, groups.length - 1));
    const group = groups[at];
    const last = at === groups.length - 1;
    q(".ask-progress").max = groups.length;
    q(".ask-progress").value = at + 1;
    q(".ask-title").textContent = `${group.title} (step ${at + 1} of ${groups.length})`;
    q(".ask-back").hidden = at === 0;
    q(".ask-next").textContent = last ? "See my plan" : "Next";
    q(".ask-covered").hidden = at !== 0 || !q(".ask-covered").textContent;
    q(".ask-fields").replaceChildren(...group.questions.flatMap((question) => ask(question)));
    section.hidden = false;
    q(".ask-title").focus();
  }

  /** One question as a field bound to the form's own control (or, for a new item, a choice that adds it). */
  function ask(question) {
    const control = form.controlFor(question.path);
    if (control) return [boundField(question, control)];
    const added = /^\/accounts\/(\d+)$/.exec(question.path);
    if (added) return [workplacePlan(question)];
    const p = document.createElement("p");
    p.textContent = `${question.question} ${question.why}`;
    return [p];
  }

  /**
   * A field whose value is the form control's: typing here types there (the form hears an input
   * event). Required when the form's field is, unless `required` says otherwise.
   */
  function boundField(question, control, required = control.getAttribute("aria-required") === "true") {
    const id = `fin-ask-${++uid}`;
    const wrap = document.createElement("div");
    wrap.className = "field ask";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = question.question;
    if (required) {
      const mark = document.createElement("span");
      mark.className = "required";
      mark.textContent = " (required)";
      label.append(mark);
    }
    const mirror = control.cloneNode(true);
    mirror.id = id;
    mirror.removeAttribute("name");
    mirror.removeAttribute("aria-invalid");
    if (required) mirror.setAttribute("aria-required", "true");
    else mirror.removeAttribute("aria-required");
    delete mirror.dataset.pointer;
    mirror.dataset.asks = question.path;
    mirror.value = control.value;
    const message = document.createElement("span");
    message.className = "field-error";
    message.id = `${id}-error`;
    const described = [message.id];
    wrap.append(label, mirror);
    if (question.why) {
      const hint = document.createElement("span");
      hint.className = "hint";
      hint.id = `${id}-hint`;
      hint.textContent = question.why;
      described.push(hint.id);
      wrap.append(hint);
    }
    mirror.setAttribute("aria-describedby", described.join(" "));
    const copy = () => {
      const target = form.controlFor(question.path);
      if (!target || target.value === mirror.value) return;
      target.value = mirror.value;
      target.dispatchEvent(new Event("input", { bubbles: true }));
    };
    mirror.addEventListener("input", copy);
    mirror.addEventListener("change", copy);
    wrap.append(message);
    return wrap;
  }

  /**
   * "Do you have a workplace plan, with a match?": No keeps the form as it is; Yes adds a 401(k)
   * account to the form with the balance, the monthly contribution and the match asked here.
   */
  function workplacePlan(question) {
    const box = document.createElement("fieldset");
    box.className = "ask-plan";
    const legend = document.createElement("legend");
    legend.textContent = question.question;
    const why = document.createElement("p");
    why.className = "hint";
    why.textContent = question.why;
    const name = `fin-plan-${++uid}`;
    const choice = (value, text) => {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = name;
      radio.value = value;
      label.append(radio, ` ${text}`);
      return label;
    };
    const no = choice("no", "No, or not sure");
    const yes = choice("yes", "Yes");
    const details = document.createElement("div");
    details.className = "ask-plan-details";
    const index = existingPlan();
    (index === null ? no : yes).querySelector("input").checked = true;
    const fill = (i) => {
      details.replaceChildren(
        ...PLAN_FIELDS.map(([rel, text, required]) =>
          boundField(
            { path: `/accounts/${i}${rel}`, question: text },
            form.controlFor(`/accounts/${i}${rel}`),
            required,
          ),
        ),
      );
      details.hidden = false;
    };
    if (index !== null) fill(index);
    else details.hidden = true;
    box.addEventListener("change", (e) => {
      if (e.target.name !== name) return;
      const current = existingPlan();
      if (e.target.value === "yes") {
        fill(current ?? form.addItem("accounts", { name: "Workplace plan", kind: "401k" }));
      } else {
        if (current !== null) form.removeItem("accounts", current);
        details.replaceChildren();
        details.hidden = true;
      }
    });
    box.append(legend, why, no, yes, details);
    return box;
  }

  /** The index of the workplace plan this stepper added to the form, or null. */
  function existingPlan() {
    const profile = form.read();
    const i = (profile.accounts ?? []).findIndex((a) => a?.kind === "401k" && a.name === "Workplace plan");
    return i < 0 ? null : i;
  }

  return {
    /** Starts the questions of a draft (`covered`: what the transactions covered, shown on the first step). */
    start(questions, coveredText) {
      groups = groupQuestions(questions, form);
      q(".ask-covered").textContent = coveredText ?? "";
      if (!groups.length) {
        section.hidden = true;
        return false;
      }
      show(0);
      return true;
    },
    /** Hides the questions (the person chose the whole form, or started over). */
    stop() {
      section.hidden = true;
      groups = [];
    },
    get active() {
      return !section.hidden;
    },
  };
}

/** The workplace plan's fields: [relative pointer, question, required]. */
const PLAN_FIELDS = [
  ["/balance", "Its balance today", true],
  ["/contributionMonthly", "What you put in per month", false],
  ["/employerMatch/matchPercent", "Your employer adds (% of what you put in, for example 50)", false],
  ["/employerMatch/upToPercentOfSalary", "…on what you put in up to (% of your pay, for example 6)", false],
];
