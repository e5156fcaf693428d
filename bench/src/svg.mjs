// Tiny inline-SVG charts for the HTML report (no scripts, no CDN): line charts with optional
// log axes, and horizontal bar charts.

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563", "#ca8a04"];
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function niceTicks(min, max, count = 5) {
  if (!(max > min)) return [min];
  const span = max - min;
  const step0 = span / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) || 10 * mag;
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v * 1e9) / 1e9);
  return out;
}

function logTicks(min, max) {
  const out = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) for (const m of [1, 2, 5]) {
    const v = m * 10 ** e;
    if (v >= min * 0.999 && v <= max * 1.001) out.push(v);
  }
  return out;
}

const fmt = (v) => (Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : `${Math.round(v * 100) / 100}`);

/**
 * series: [{name, points: [[x, y], ...]}]; opts: {title, xLabel, yLabel, logY, xTicks: [[value, label]], yMin}
 */
export function lineChart(series, opts = {}) {
  const W = 720, H = 300, L = 64, R = 150, T = 30, B = 44;
  const pts = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!opts.logY || y > 0));
  if (!pts.length) return `<p class="muted">${esc(opts.title || "chart")}: no data</p>`;
  let xMin = Math.min(...pts.map((p) => p[0])), xMax = Math.max(...pts.map((p) => p[0]));
  let yMin = opts.logY ? Math.min(...pts.map((p) => p[1])) : Math.min(opts.yMin ?? 0, ...pts.map((p) => p[1]));
  let yMax = Math.max(...pts.map((p) => p[1]));
  if (xMax === xMin) xMax = xMin + 1;
  if (opts.logY) {
    yMin = 10 ** Math.floor(Math.log10(yMin));
    yMax = 10 ** Math.ceil(Math.log10(yMax * 1.0001));
  } else if (yMax === yMin) yMax = yMin + 1;
  else yMax = yMax * 1.05;
  const sx = (x) => L + ((x - xMin) / (xMax - xMin)) * (W - L - R);
  const sy = (y) => opts.logY
    ? T + (1 - (Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - T - B)
    : T + (1 - (y - yMin) / (yMax - yMin)) * (H - T - B);
  const yt = opts.logY ? logTicks(yMin, yMax) : niceTicks(yMin, yMax);
  const xt = opts.xTicks || niceTicks(xMin, xMax, 8).map((v) => [v, fmt(v)]);
  let s = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(opts.title || "")}">`;
  s += `<text x="${L}" y="18" class="t">${esc(opts.title || "")}</text>`;
  for (const v of yt) s += `<line x1="${L}" x2="${W - R}" y1="${sy(v)}" y2="${sy(v)}" class="g"/><text x="${L - 6}" y="${sy(v) + 4}" text-anchor="end" class="a">${fmt(v)}</text>`;
  for (const [v, label] of xt) if (v >= xMin && v <= xMax) s += `<line x1="${sx(v)}" x2="${sx(v)}" y1="${T}" y2="${H - B}" class="g"/><text x="${sx(v)}" y="${H - B + 16}" text-anchor="middle" class="a">${esc(label)}</text>`;
  s += `<text x="${(L + W - R) / 2}" y="${H - 6}" text-anchor="middle" class="a">${esc(opts.xLabel || "")}</text>`;
  s += `<text x="14" y="${(T + H - B) / 2}" text-anchor="middle" class="a" transform="rotate(-90 14 ${(T + H - B) / 2})">${esc(opts.yLabel || "")}</text>`;
  series.forEach((ser, i) => {
    const c = ser.color || COLORS[i % COLORS.length];
    const p = ser.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!opts.logY || y > 0));
    if (p.length) {
      s += `<polyline fill="none" stroke="${c}" stroke-width="2" ${ser.dashed ? 'stroke-dasharray="6 4"' : ""} points="${p.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(" ")}"/>`;
      if (p.length <= 40) for (const [x, y] of p) s += `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2.5" fill="${c}"/>`;
    }
    s += `<rect x="${W - R + 12}" y="${T + i * 18}" width="12" height="3" fill="${c}"/><text x="${W - R + 30}" y="${T + i * 18 + 5}" class="a">${esc(ser.name)}</text>`;
  });
  return s + "</svg>";
}

/** Percentile curves: x is the number of nines, so p99.9 sits as far from p99 as p99 from p90. */
export function percentileChart(series, title) {
  const nines = (p) => (p >= 1 ? 5.2 : -Math.log10(1 - p));
  const ticks = [[0, "p0"], [Math.log10(2), "p50"], [1, "p90"], [2, "p99"], [3, "p99.9"], [4, "p99.99"], [5.2, "max"]];
  return lineChart(series.map((s) => ({ ...s, points: s.curve.map(([p, v]) => [nines(p), v]) })),
    { title, xLabel: "percentile", yLabel: "milliseconds", logY: true, xTicks: ticks });
}

/** bars: [{label, value, note}] */
export function barChart(bars, { title, unit = "" } = {}) {
  if (!bars.length) return "";
  const W = 720, rowH = 22, L = 190, R = 120, T = 28;
  const H = T + bars.length * rowH + 10;
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  let s = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title || "")}">`;
  s += `<text x="4" y="18" class="t">${esc(title || "")}</text>`;
  bars.forEach((b, i) => {
    const y = T + i * rowH;
    const w = (b.value / max) * (W - L - R);
    s += `<text x="${L - 8}" y="${y + 14}" text-anchor="end" class="a">${esc(b.label)}</text>`;
    s += `<rect x="${L}" y="${y + 3}" width="${Math.max(1, w).toFixed(1)}" height="${rowH - 8}" fill="${b.color || COLORS[0]}"/>`;
    s += `<text x="${L + w + 6}" y="${y + 14}" class="a">${esc(b.note ?? `${fmt(b.value)}${unit}`)}</text>`;
  });
  return s + "</svg>";
}
