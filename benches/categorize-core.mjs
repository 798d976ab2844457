// The categorization benchmark, shared by Node (categorize.mjs) and Chromium (categorize-browser.mjs):
// 10,000 statement lines categorized by finadvice (featurization + tract, one call), against the
// anchor measured in the same run: the same ONNX model run by onnxruntime-web on the same batch.
// onnxruntime-web needs the feature ids as tensors, so this file carries a JavaScript port of the
// featurizer, checked against the golden vectors before anything is timed.

const MAX_FEATURES = 128;
const BUCKETS = 8192;
const AMOUNT_REPEAT = 2;
const encoder = new TextEncoder();

function fnv1a32(text) {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

function shape(token) {
  return /^[0-9]+$/.test(token) ? `#${Math.min(token.length, 6)}` : token.replace(/[0-9]/g, "0");
}

function tokens(description) {
  const out = [];
  let current = "";
  for (const c of Array.from(description).slice(0, 200)) {
    if (/^[A-Za-z0-9]$/.test(c)) current += c.toLowerCase();
    else if (current) {
      out.push(shape(current));
      current = "";
    }
  }
  if (current) out.push(shape(current));
  return out;
}

/** JavaScript port of src/categorize/featurize.rs (bench only). */
export function featurize(description, amount) {
  const out = [];
  if (amount === 0 || !Number.isFinite(amount)) out.push("a:zero");
  else {
    const size = Math.abs(amount);
    const sign = amount > 0 ? "in" : "out";
    const a = [];
    a.push(`a:${sign}:${[1, 10, 100, 1000, 10000].filter((l) => size >= l).length}`);
    a.push(`a:${sign}:h${[1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000].filter((l) => size >= l).length}`);
    if (size >= 1 && Number.isInteger(size)) {
      a.push("a:whole");
      if (size < 1e9) {
        if (size % 100 === 0) a.push("a:x100");
        else if (size % 20 === 0) a.push("a:x20");
      }
    } else if (size < 1e9 && (Math.floor(size * 100 + 0.5) % 100) % 10 === 9) a.push("a:c9");
    for (let r = 0; r < AMOUNT_REPEAT; r++) out.push(...a);
  }
  const toks = tokens(description);
  for (const t of toks) out.push(`w:${t}`);
  for (let i = 0; i + 1 < toks.length; i++) out.push(`b:${toks[i]} ${toks[i + 1]}`);
  for (const t of toks) {
    if (t.startsWith("#")) continue;
    const padded = `<${t}>`;
    for (const n of [3, 4]) for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
  }
  return out.slice(0, MAX_FEATURES).map((f) => fnv1a32(f) % BUCKETS);
}

const MERCHANTS = [
  ["SQ *BLUE BOTTLE 0412 OAKLAND CA", -6.75],
  ["SAFEWAY #1234", -93.25],
  ["ACME CORP PAYROLL PPD ID: 1234567890", 2450],
  ["ONLINE TRANSFER TO SAV XXXXXX1234", -500],
  ["NETFLIX.COM 866-579-7172 CA", -15.49],
  ["SHELL OIL 57442 HOUSTON TX", -41.2],
  ["AMZN MKTP US*2K4AB1234", -23.99],
  ["CVS PHARMACY #0912", -12.5],
  ["DELTA AIR LINES 0062312", -412.1],
  ["MONTHLY SERVICE FEE", -12],
  ["ATM WITHDRAWAL #004512 125 MAIN ST", -60],
  ["Zelle payment to Maria Garcia", -40],
];

/** `n` deterministic statement lines (no randomness: store numbers and cents vary with the index). */
export function makeRows(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const [d, a] = MERCHANTS[i % MERCHANTS.length];
    rows.push({ description: `${d} ${(i * 7919) % 10000}`, amount: Math.round(a * (1 + (i % 13) / 10) * 100) / 100 });
  }
  return rows;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs the benchmark; returns the table rows. `finadvice` is the initialized package, `ort` onnxruntime-web. */
export async function run({ finadvice, ort, modelBytes, golden, now, rows = 10_000, repeats = 5 }) {
  for (const g of golden) {
    const ids = featurize(g.description, g.amount);
    if (JSON.stringify(ids) !== JSON.stringify(g.ids))
      throw new Error(`JS featurizer differs from the golden vector for ${JSON.stringify(g.description)}`);
  }
  const batch = makeRows(rows);
  const results = [];

  let t = now();
  const advisor = new finadvice.Advisor();
  const loadMs = now() - t;
  advisor.categorize(batch.slice(0, 100));
  const times = [];
  let categorized;
  for (let r = 0; r < repeats; r++) {
    t = now();
    categorized = advisor.categorize(batch);
    times.push(now() - t);
  }
  if (categorized.length !== rows) throw new Error("finadvice returned the wrong number of rows");
  const fin = median(times);

  ort.env.wasm.numThreads = 1;
  t = now();
  const session = await ort.InferenceSession.create(modelBytes, { executionProviders: ["wasm"] });
  const ortLoadMs = now() - t;
  const featurizeTimes = [];
  const runTimes = [];
  let agree = 0;
  for (let r = 0; r < repeats; r++) {
    t = now();
    const ids = new BigInt64Array(rows * MAX_FEATURES);
    const weights = new Float32Array(rows * MAX_FEATURES);
    batch.forEach(({ description, amount }, i) => {
      const f = featurize(description, amount);
      f.forEach((id, k) => {
        ids[i * MAX_FEATURES + k] = BigInt(id);
        weights[i * MAX_FEATURES + k] = 1 / f.length;
      });
    });
    featurizeTimes.push(now() - t);
    t = now();
    const out = await session.run({
      ids: new ort.Tensor("int64", ids, [rows, MAX_FEATURES]),
      weights: new ort.Tensor("float32", weights, [rows, MAX_FEATURES]),
    });
    runTimes.push(now() - t);
    if (r === 0) {
      const p = out.probabilities.data;
      for (let i = 0; i < rows; i++) {
        let best = 0;
        for (let k = 1; k < 20; k++) if (p[i * 20 + k] > p[i * 20 + best]) best = k;
        const conf = Math.round(p[i * 20 + best] * 10000) / 10000;
        if (Math.abs(conf - categorized[i].confidence) < 1e-3) agree++;
      }
    }
  }
  const ortRun = median(runTimes);
  const ortAll = ortRun + median(featurizeTimes);
  results.push({ what: `finadvice categorize(${rows} rows), featurization included`, ms: fin, ratio: fin / ortAll });
  results.push({
    what: "onnxruntime-web 1.30 run, same model and batch (anchor, ids precomputed)",
    ms: ortRun,
    ratio: ortRun / ortAll,
  });
  results.push({ what: "onnxruntime-web run + JS featurization (anchor, like for like)", ms: ortAll, ratio: 1 });
  results.push({ what: "finadvice new Advisor() (model load + check)", ms: loadMs, ratio: loadMs / ortLoadMs });
  results.push({ what: "onnxruntime-web InferenceSession.create (anchor for load)", ms: ortLoadMs, ratio: 1 });
  return {
    results,
    rowsPerSecond: Math.round(rows / (fin / 1000)),
    agreement: agree / rows,
    calls: times,
    ortCalls: runTimes,
  };
}

/** Prints the table as markdown. */
export function table(title, { results, rowsPerSecond, agreement, calls, ortCalls }) {
  const lines = [`### ${title}`, "", "| what | ms (median of 5) | ratio to anchor |", "|---|---:|---:|"];
  for (const r of results) lines.push(`| ${r.what} | ${r.ms.toFixed(1)} | ${r.ratio.toFixed(2)}× |`);
  lines.push(
    "",
    `finadvice: ${rowsPerSecond.toLocaleString("en-US")} rows/s; rows where both runtimes give the same confidence (±0.001): ${(agreement * 100).toFixed(2)}%`,
    `each call, in order (ms): finadvice ${calls.map((t) => t.toFixed(1)).join(", ")}; onnxruntime-web run ${ortCalls.map((t) => t.toFixed(1)).join(", ")}`,
  );
  return lines.join("\n");
}
