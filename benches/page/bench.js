// Cold start in a fresh page: fetch + compile + instantiate the module, load the default model,
// and the first advise on a profile with 2,000 transactions; then warm advise calls. The anchor,
// measured in its own fresh page, is compiling + instantiating nothing but a module of the same
// bytes (WebAssembly.compile + instantiate with the glue's imports is what init does first).
const params = new URLSearchParams(location.search);
const profile = await (await fetch("./profile.json")).json();

if (params.get("mode") === "anchor") {
  const t0 = performance.now();
  const bytes = await (await fetch("/pkg/finadvice_bg.wasm")).arrayBuffer();
  await WebAssembly.compile(bytes);
  window.__result = { anchorMs: performance.now() - t0 };
} else {
  // With ?profile=1 (benches/page-profile.mjs) each phase is recorded as its own CPU profile.
  const profiling = params.get("profile") === "1";
  const phase = async (name, work) => {
    if (!profiling || !name) return work();
    console.profile(name);
    const result = await work();
    console.profileEnd(name);
    return result;
  };
  const t0 = performance.now();
  const { default: init, Advisor } = await phase("init", async () => {
    const m = await import("/pkg/index.js");
    await m.init();
    return m;
  });
  const t1 = performance.now();
  const advisor = await phase("advisor", () => new Advisor());
  const t2 = performance.now();
  performance.mark("first-advise");
  const report = await phase("first advise", () => advisor.advise(profile));
  const t3 = performance.now();
  performance.mark("first-advise-done");
  const warm = [];
  for (let i = 0; i < 15; i++) {
    const s = performance.now();
    await phase(i === 14 ? "warm advise" : null, () => advisor.advise(profile));
    warm.push(performance.now() - s);
  }
  warm.sort((a, b) => a - b);
  window.__result = {
    initMs: t1 - t0,
    advisorMs: t2 - t1,
    firstAdviseMs: t3 - t2,
    coldMs: t3 - t0,
    warmMs: warm[Math.floor(warm.length / 2)],
    transactions: report.transactions.length,
    actions: report.actions.length,
  };
}
