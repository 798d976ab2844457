// The plain page's script: one Advisor, advice on each click, problems listed with their pointers.
import init, { Advisor, FinAdviceError } from "../../pkg/index.js";

await init();
const advisor = new Advisor();
const $ = (id) => document.getElementById(id);

$("advise").addEventListener("click", () => {
  $("actions").replaceChildren();
  $("problems").textContent = "";
  try {
    const report = advisor.advise($("profile").value); // JSON text or a plain object
    for (const action of report.actions) {
      const item = document.createElement("li");
      item.textContent = `${action.title}: ${action.detail}`;
      $("actions").append(item);
    }
  } catch (error) {
    if (!(error instanceof FinAdviceError)) throw error;
    $("problems").textContent = error.errors.map((e) => `${e.path}: ${e.message}`).join("\n");
  }
});
