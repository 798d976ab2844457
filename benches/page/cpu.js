// The cold path of bench.js in steps that benches/page-cpu.mjs runs one at a time, reading the
// page's main-thread CPU time between them: init + new Advisor(), then the first advise.
const profile = await (await fetch("./profile.json")).json();
let advisor;
window.__steps = {
  init: async () => {
    const m = await import("/pkg/index.js");
    await m.init();
    advisor = new m.Advisor();
  },
  firstAdvise: async () => {
    advisor.advise(profile);
  },
};
window.__ready = true;
