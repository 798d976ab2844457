// Small dependency-free SVG charts. Colors come from CSS classes (series-0 … series-7) so pages
// theme them with custom properties; no inline styles, so a strict CSP is fine.
const SVG = "http://www.w3.org/2000/svg";

function el(name, attributes = {}, children = []) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  for (const child of children) node.append(child);
  return node;
}

function frame(width, height, label) {
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, class: "chart" });
  svg.append(el("title", {}, [label]));
  return svg;
}

function text(x, y, content, attributes = {}) {
  return el("text", { x, y, ...attributes }, [content]);
}

/** Horizontal bars: items [{label, value}], largest first. */
export function barChart(items, { label, format = String } = {}) {
  const rows = [...items].sort((a, b) => b.value - a.value);
  const height = 24 * rows.length + 8;
  const svg = frame(480, height, label);
  const max = Math.max(...rows.map((r) => r.value), 1);
  rows.forEach((r, i) => {
    const y = 4 + i * 24;
    svg.append(text(150, y + 15, r.label, { "text-anchor": "end", class: "axis" }));
    svg.append(
      el("rect", { x: 156, y, width: Math.max(1, (r.value / max) * 230), height: 18, class: `series-${i % 8}` }),
    );
    svg.append(text(160 + (r.value / max) * 230, y + 15, format(r.value), { class: "value" }));
  });
  return svg;
}

/** Lines over x: series [{name, points: [[x, y], …]}], with a legend. */
export function lineChart(series, { label, xFormat = String, yFormat = String } = {}) {
  const [w, h, left, bottom] = [480, 220, 56, 28];
  const svg = frame(w, h + 24 * Math.ceil(series.length / 3), label);
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const [x0, x1, y1] = [Math.min(...xs), Math.max(...xs), Math.max(...ys, 1)];
  const px = (x) => left + ((x - x0) / Math.max(x1 - x0, 1)) * (w - left - 8);
  const py = (y) => h - bottom - (y / y1) * (h - bottom - 8);
  svg.append(el("line", { x1: left, y1: h - bottom, x2: w - 8, y2: h - bottom, class: "grid" }));
  svg.append(text(left - 4, py(y1) + 4, yFormat(y1), { "text-anchor": "end", class: "axis" }));
  svg.append(text(left - 4, h - bottom, yFormat(0), { "text-anchor": "end", class: "axis" }));
  svg.append(text(left, h - 8, xFormat(x0), { class: "axis" }));
  svg.append(text(w - 8, h - 8, xFormat(x1), { "text-anchor": "end", class: "axis" }));
  series.forEach((s, i) => {
    const d = s.points.map((p, j) => `${j ? "L" : "M"}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join("");
    svg.append(el("path", { d, class: `line series-${i % 8}` }));
    const lx = 8 + (i % 3) * 158;
    const ly = h + 16 + Math.floor(i / 3) * 24;
    svg.append(el("rect", { x: lx, y: ly - 10, width: 12, height: 12, class: `series-${i % 8}` }));
    svg.append(text(lx + 16, ly, s.name, { class: "axis" }));
  });
  return svg;
}

/** Percentile fan: bands [{x, p10, p25, p50, p75, p90}]. */
export function fanChart(bands, { label, xFormat = String, yFormat = String } = {}) {
  const [w, h, left, bottom] = [480, 240, 64, 28];
  const svg = frame(w, h, label);
  const x0 = bands[0].x;
  const x1 = bands[bands.length - 1].x;
  const y1 = Math.max(...bands.map((b) => b.p90), 1);
  const px = (x) => left + ((x - x0) / Math.max(x1 - x0, 1)) * (w - left - 8);
  const py = (y) => h - bottom - (Math.max(y, 0) / y1) * (h - bottom - 8);
  const area = (lo, hi) =>
    `M${bands.map((b) => `${px(b.x).toFixed(1)},${py(b[hi]).toFixed(1)}`).join("L")}` +
    `L${[...bands]
      .reverse()
      .map((b) => `${px(b.x).toFixed(1)},${py(b[lo]).toFixed(1)}`)
      .join("L")}Z`;
  svg.append(el("path", { d: area("p10", "p90"), class: "band-outer" }));
  svg.append(el("path", { d: area("p25", "p75"), class: "band-inner" }));
  svg.append(
    el("path", {
      d: `M${bands.map((b) => `${px(b.x).toFixed(1)},${py(b.p50).toFixed(1)}`).join("L")}`,
      class: "line series-0",
    }),
  );
  svg.append(el("line", { x1: left, y1: h - bottom, x2: w - 8, y2: h - bottom, class: "grid" }));
  svg.append(text(left - 4, py(y1) + 4, yFormat(y1), { "text-anchor": "end", class: "axis" }));
  svg.append(text(left - 4, h - bottom, yFormat(0), { "text-anchor": "end", class: "axis" }));
  svg.append(text(left, h - 8, xFormat(x0), { class: "axis" }));
  svg.append(text(w - 8, h - 8, xFormat(x1), { "text-anchor": "end", class: "axis" }));
  return svg;
}

/** Donut of parts [{label, value}] with a legend. */
export function donutChart(parts, { label, format = String } = {}) {
  const svg = frame(480, 180, label);
  const total = parts.reduce((s, p) => s + p.value, 0) || 1;
  let angle = -Math.PI / 2;
  parts.forEach((p, i) => {
    const sweep = (p.value / total) * Math.PI * 2;
    const [r, cx, cy] = [70, 90, 90];
    const a0 = angle;
    const a1 = angle + Math.min(sweep, Math.PI * 2 - 1e-6);
    angle += sweep;
    const point = (a) => `${(cx + r * Math.cos(a)).toFixed(2)},${(cy + r * Math.sin(a)).toFixed(2)}`;
    if (p.value > 0) {
      svg.append(
        el("path", {
          d: `M${point(a0)}A${r},${r} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${point(a1)}`,
          class: `arc series-${i % 8}`,
        }),
      );
    }
    svg.append(el("rect", { x: 200, y: 30 + i * 26, width: 14, height: 14, class: `series-${i % 8}` }));
    svg.append(text(220, 42 + i * 26, `${p.label}: ${format(p.value)}`, { class: "axis" }));
  });
  return svg;
}
