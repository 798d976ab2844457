// The anchors of benches/calc.mjs: the same two workloads written the way a JavaScript developer
// would, with no WebAssembly. `makeAnchors` is self-contained (no imports, no outer references)
// so that the benchmark can send its source to the browser page and run it there too.

/** Returns `{ monteCarlo(params), payoff(debts, budget) }` in plain JavaScript. */
export function makeAnchors() {
  // xorshift128+ for uniforms (Math.random cannot be seeded).
  function rng(seed) {
    let s0 = seed >>> 0 || 1,
      s1 = 0x9e3779b9,
      s2 = 0x243f6a88,
      s3 = 0xb7e15162;
    return () => {
      const t = s1 << 9;
      let r = s0 * 5;
      r = ((r << 7) | (r >>> 25)) * 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      return (r >>> 0) / 4294967296;
    };
  }
  function percentile(sorted, p) {
    const x = (p / 100) * (sorted.length - 1),
      lo = Math.floor(x),
      f = x - lo;
    return f === 0 ? sorted[lo] : sorted[lo] + (sorted[lo + 1] - sorted[lo]) * f;
  }
  /** Same model as src/calc/retirement.rs: annual steps, real terms, each path a chain of
   *  `block`-year runs of consecutive historical years (`growth`: the mix's real growth factor of
   *  each year of the table, wrapping around), bands every year. */
  function monteCarlo({ paths, years, retireAfter, balance, contribution, spending, growth, block, seed }) {
    const u = rng(seed);
    const n = growth.length;
    const b = new Float64Array(paths).fill(balance),
      cursor = new Uint8Array(paths),
      scratch = new Float64Array(paths);
    const bands = [];
    for (let y = 0; y < years; y++) {
      const retired = y >= retireAfter,
        fresh = y % block === 0;
      for (let i = 0; i < paths; i++) {
        cursor[i] = fresh ? Math.floor(u() * n) : cursor[i] + 1 === n ? 0 : cursor[i] + 1;
        const g = growth[cursor[i]];
        if (!retired) b[i] = b[i] * g + contribution;
        else {
          const left = b[i] - spending;
          b[i] = left <= 0 ? 0 : left * g;
        }
      }
      scratch.set(b);
      scratch.sort();
      bands.push([10, 25, 50, 75, 90].map((p) => percentile(scratch, p)));
    }
    let ok = 0;
    for (let i = 0; i < paths; i++) if (b[i] > 0) ok++;
    return { success: ok / paths, bands };
  }
  /** Avalanche payoff in integer cents with the month rule of src/calc/payoff.rs, a schedule of
   *  `{interest, payment, balance}` objects per debt and month, and the minimums-only baseline. */
  function payoff(debts, budget, extras = []) {
    const order = debts.map((_, i) => i).sort((a, b) => debts[b].aprPercent - debts[a].aprPercent || a - b);
    const run = (rollover) => {
      const bal = debts.map((d) => Math.round(d.balance * 100)),
        mins = debts.map((d) => Math.round(d.minPayment * 100));
      const schedule = [];
      let month = 0,
        interest = 0;
      while (bal.some((x) => x > 0) && month < 1200) {
        month++;
        let avail = Math.round(budget * 100);
        const row = [];
        if (rollover) for (const e of extras) if (e.month === month) avail += Math.round(e.amount * 100);
        for (let i = 0; i < bal.length; i++) {
          const it = bal[i] > 0 ? Math.round((bal[i] * debts[i].aprPercent) / 1200) : 0;
          bal[i] += it;
          interest += it;
          const pay = Math.min(mins[i], bal[i]);
          bal[i] -= pay;
          avail -= pay;
          row.push({ interest: it / 100, payment: pay / 100, balance: 0 });
        }
        if (rollover)
          for (const i of order) {
            if (avail <= 0) break;
            const pay = Math.min(avail, bal[i]);
            bal[i] -= pay;
            avail -= pay;
            row[i].payment += pay / 100;
          }
        row.forEach((r, i) => {
          r.balance = bal[i] / 100;
        });
        schedule.push({ month, debts: row });
      }
      return { months: month, totalInterest: interest / 100, schedule };
    };
    const plan = run(true),
      baseline = run(false);
    return { ...plan, interestSaved: baseline.totalInterest - plan.totalInterest };
  }
  return { monteCarlo, payoff };
}
