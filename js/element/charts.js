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

/** About `count` round tick values from 0 to at least `max` (0, 250K, 500K, …). */
export function niceTicks(max, count = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/** The y axis: a grid line and a label per tick. */
function yAxis(svg, ticks, py, { left, right, format }) {
  for (const t of ticks) {
    svg.append(el("line", { x1: left, y1: py(t), x2: right, y2: py(t), class: "grid" }));
    svg.append(text(left - 4, py(t) + 4, format(t), { "text-anchor": "end", class: "axis" }));
  }
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
  const ticks = niceTicks(Math.max(...ys, 1));
  const [x0, x1, y1] = [Math.min(...xs), Math.max(...xs), ticks[ticks.length - 1]];
  const px = (x) => left + ((x - x0) / Math.max(x1 - x0, 1)) * (w - left - 8);
  const py = (y) => h - bottom - (y / y1) * (h - bottom - 8);
  yAxis(svg, ticks, py, { left, right: w - 8, format: yFormat });
  svg.append(text(left, h - 8, xFormat(x0), { class: "axis" }));
  svg.append(text(w - 8, h - 8, xFormat(x1), { "text-anchor": "end", class: "axis" }));
  series.forEach((s, i) => {
    const d = s.points.map((p, j) => `${j ? "L" : "M"}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join("");
    svg.append(
      el("path", { d, class: `line series-${i % 8}` }, [
        el("title", {}, [
          `${s.name}: ${yFormat(s.points[0][1])} now, ${xFormat(s.points[s.points.length - 1][0])} paid off`,
        ]),
      ]),
    );
    const lx = 8 + (i % 3) * 158;
    const ly = h + 16 + Math.floor(i / 3) * 24;
    svg.append(el("rect", { x: lx, y: ly - 10, width: 12, height: 12, class: `series-${i % 8}` }));
    svg.append(text(lx + 16, ly, s.name, { class: "axis" }));
  });
  return svg;
}

/**
 * Percentile fan: bands [{x, p10, p25, p50, p75, p90}], with a legend and an optional vertical
 * marker ({x, label}, e.g. the retirement age). The scale stops at the 75th percentile's top when
 * the 90th is far above it, so the median stays readable (the outer band is then cut at the top).
 */
export function fanChart(bands, { label, xFormat = String, yFormat = String, marker } = {}) {
  const [w, h, left, bottom] = [480, 240, 64, 28];
  const svg = frame(w, h + 66, label);
  const x0 = bands[0].x;
  const x1 = bands[bands.length - 1].x;
  const top75 = Math.max(...bands.map((b) => b.p75), 1);
  const top90 = Math.max(...bands.map((b) => b.p90), 1);
  const ticks = niceTicks(top90 > 1.3 * top75 ? top75 * 1.15 : top90);
  const y1 = ticks[ticks.length - 1];
  const px = (x) => left + ((x - x0) / Math.max(x1 - x0, 1)) * (w - left - 8);
  const py = (y) => h - bottom - (Math.min(Math.max(y, 0), y1) / y1) * (h - bottom - 8);
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
  yAxis(svg, ticks, py, { left, right: w - 8, format: yFormat });
  svg.append(text(left, h - 8, xFormat(x0), { class: "axis" }));
  svg.append(text(w - 8, h - 8, xFormat(x1), { "text-anchor": "end", class: "axis" }));
  if (marker && marker.x > x0 && marker.x < x1) {
    svg.append(el("line", { x1: px(marker.x), y1: 8, x2: px(marker.x), y2: h - bottom, class: "marker" }));
    svg.append(text(px(marker.x) + 4, 20, marker.label, { class: "axis marker-label" }));
  }
  for (const b of bands) {
    const hit = el("rect", { x: px(b.x) - 3, y: 8, width: 6, height: h - bottom - 8, class: "hit" });
    hit.append(
      el("title", {}, [
        `${xFormat(b.x)}: middle ${yFormat(b.p50)}, 1 in 10 below ${yFormat(b.p10)}, 1 in 10 above ${yFormat(b.p90)}`,
      ]),
    );
    svg.append(hit);
  }
  const legend = [
    ["line series-0", "middle case (median)"],
    ["band-inner", "half of cases"],
    ["band-outer", "8 in 10 cases"],
  ];
  legend.forEach(([cls, name], i) => {
    const ly = h + 6 + i * 20;
    svg.append(el("rect", { x: 8, y: ly, width: 12, height: 12, class: cls.startsWith("line") ? "series-0" : cls }));
    svg.append(text(26, ly + 11, name, { class: "axis" }));
  });
  return svg;
}

/** A table with the chart's numbers, for screen readers and for anyone who prefers numbers. */
export function dataTable(caption, columns, rows) {
  const details = document.createElement("details");
  details.className = "chart-table";
  const summary = document.createElement("summary");
  summary.textContent = `${caption}: the numbers as a table`;
  const wrap = document.createElement("div");
  wrap.className = "table-wrap";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  const table = document.createElement("table");
  const head = document.createElement("tr");
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  for (const r of rows) {
    const tr = document.createElement("tr");
    for (const c of r) {
      const td = document.createElement("td");
      td.textContent = c;
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(thead, tbody);
  wrap.append(table);
  details.append(summary, wrap);
  return details;
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
