// The results of a run: the issue's targets judged, a self-contained HTML report (inline SVG), and
// a one-screen summary for the terminal.
import { lineChart, percentileChart, barChart } from "./svg.mjs";

const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const mb = (b) => (b == null ? "–" : `${(b / 1048576).toFixed(0)} MB`);
const n = (x, d = 2) => (x == null ? "–" : typeof x === "number" ? (Number.isInteger(x) ? x.toLocaleString("en") : x.toFixed(d)) : String(x));

/** The issue's targets that this run can speak to; `applies` false when the scenario differs from the target's. */
export function judgeTargets(result) {
  const t = [];
  const o = result.options;
  const d = result.fixed?.runs?.dingus;
  if (d) {
    const s = d.step;
    const exact = o["room-size"] === 10 && d.connect.connected === 1000 && Math.abs(s.rates.offered - 500) < 25;
    t.push({
      target: "rooms of 10, 1,000 clients, 500 msgs/s: p99 ≤ 15 ms, nothing lost",
      applies: exact,
      value: `p99 ${s.latencyMs.p99} ms at ${s.rates.offered} msgs/s offered, ${d.connect.connected} clients, lost ${s.lostMessages}, failed ${s.failedSends}`,
      met: exact ? s.latencyMs.p99 <= 15 && s.lostMessages === 0 && s.failedSends === 0 : null,
    });
  }
  const ref = result.fixed?.runs?.reference || result.ramp?.runs?.reference;
  const din = result.fixed?.runs?.dingus || result.ramp?.runs?.dingus;
  if (ref && din) {
    const a = din.step || din.steps?.[0];
    const b = ref.step || ref.steps?.[0];
    const ratio = a.cpu.serverCpuMsPerDelivered / b.cpu.serverCpuMsPerDelivered;
    const socketRatio = a.cpu.socketServerCpuMsPerDelivered / b.cpu.socketServerCpuMsPerDelivered;
    t.push({
      target: "server CPU per delivered message ≤ ¼ of the reference's at the same load",
      applies: true,
      value: `Dingus ${a.cpu.serverCpuMsPerDelivered} ms vs reference ${b.cpu.serverCpuMsPerDelivered} ms per delivery (all server processes): ratio ${ratio.toFixed(2)}; ` +
        `Socket.IO server alone (message-service vs reference process): ratio ${socketRatio.toFixed(2)}`,
      met: ratio <= 0.25,
      ratio: Math.round(ratio * 1000) / 1000,
      socketServerRatio: Math.round(socketRatio * 1000) / 1000,
    });
  }
  const r = result.ramp?.runs?.dingus;
  if (r) {
    const h = r.highestHeld;
    t.push({
      target: "ramp, rooms of 10: holds ≥ 3,000 msgs/s offered (≥ 30,000 deliveries/s) with p99 ≤ 100 ms",
      applies: o["room-size"] === 10 && o["p99-limit"] <= 100,
      value: h ? `held ${h.offered} msgs/s (measured ${h.measuredOffered} offered, ${h.delivered} deliveries/s, p99 ${h.p99} ms); stopped: ${r.stopReason}` : `no step held; ${r.stopReason}`,
      met: o["room-size"] === 10 ? !!h && h.offered >= 3000 && h.delivered >= 29000 : null,
    });
  }
  const i = result.idle;
  if (i) {
    const node = i.nodes[0];
    const applies = i.requested >= 10000;
    t.push({
      target: "10,000 idle connected sockets on one node with ≤ 512 MB heap",
      applies,
      value: `${i.stillConnectedAtEnd} sockets held, heap after GC ${mb(node.heapAfterBytes)} (${node.heapPerSocketBytes ?? "?"} B per socket), RSS ${mb(node.rssAfterBytes)}`,
      met: applies ? i.stillConnectedAtEnd >= 10000 && node.heapAfterBytes != null && node.heapAfterBytes <= 512 * 1048576 : null,
    });
  }
  const h = result.history;
  if (h) {
    const applies = h.rows >= 10_000_000;
    t.push({
      target: "latest-page history read p99 ≤ 10 ms with 10 million messages stored",
      applies,
      value: `p99 ${h.latest.latencyMs.p99} ms (p50 ${h.latest.latencyMs.p50}) over ${h.latest.requests} reads with ${h.rows.toLocaleString("en")} messages`,
      met: applies ? h.latest.latencyMs.p99 <= 10 && (h.latest.statuses["200"] || 0) === h.latest.requests : null,
    });
  }
  return t;
}

// ------------------------------------------------------------------ terminal

export function summaryText(result) {
  const L = [];
  const m = result.machine;
  L.push(`== ./dingus bench ${result.mode} — ${result.startedAt}`);
  L.push(`machine: ${m.nproc} CPUs (${m.cpuModel}), ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB, load ${m.loadAverageAtStart.join(" ")} at start, ${result.loadAverageAtEnd.join(" ")} at end`);
  const runs = result.fixed?.runs || result.ramp?.runs;
  if (result.fixed) {
    for (const [name, r] of Object.entries(runs)) {
      const s = r.step;
      L.push(`${name}: ${r.connect.connected} clients in ${result.fixed.rooms} rooms, ${result.options.rate} msgs/s each, ${s.durationSeconds} s`);
      L.push(`  msgs/s  offered ${n(s.rates.offered)}  acked ${n(s.rates.acked)}  delivered ${n(s.rates.delivered)}`);
      L.push(`  lost ${s.lostMessages} (${s.missingDeliveries} deliveries)  duplicates ${s.duplicates}  failed sends ${s.failedSends} ${Object.keys(s.ackErrors).length ? JSON.stringify(s.ackErrors) : ""}`);
      L.push(`  delivery ms  p50 ${n(s.latencyMs.p50)}  p90 ${n(s.latencyMs.p90)}  p99 ${n(s.latencyMs.p99)}  p99.9 ${n(s.latencyMs.p999)}  max ${n(s.latencyMs.max)}`);
      L.push(`  ack ms       p50 ${n(s.ackLatencyMs.p50)}  p90 ${n(s.ackLatencyMs.p90)}  p99 ${n(s.ackLatencyMs.p99)}  p99.9 ${n(s.ackLatencyMs.p999)}  max ${n(s.ackLatencyMs.max)}`);
      L.push(`  server CPU ${n(s.cpu.serverCpuSeconds)} s = ${n(s.cpu.serverCpuMsPerDelivered, 3)} ms per delivered message (Socket.IO server alone ${n(s.cpu.socketServerCpuMsPerDelivered, 3)})`);
      L.push(`  ${processLine(s.resources)}`);
    }
  }
  if (result.ramp) {
    for (const [name, r] of Object.entries(runs)) {
      L.push(`${name}: ramp with ${r.connect.connected} clients in rooms of ${result.options["room-size"]}`);
      L.push(`  offered/s  delivered/s   p50     p99    p99.9   lost failed  CPU ms/deliv`);
      for (const s of r.steps) {
        L.push(`  ${pad(n(s.rates.offered, 0), 9)} ${pad(n(s.rates.delivered, 0), 11)} ${pad(n(s.latencyMs.p50), 7)} ${pad(n(s.latencyMs.p99), 7)} ${pad(n(s.latencyMs.p999), 7)} ${pad(s.lostMessages, 6)} ${pad(s.failedSends, 6)} ${pad(n(s.cpu.serverCpuMsPerDelivered, 3), 8)} ${s.holds ? "holds" : "fails"}`);
      }
      L.push(`  highest step that held: ${r.highestHeld ? r.highestHeld.offered + " msgs/s" : "none"}; stopped: ${r.stopReason}`);
    }
  }
  if (result.idle) {
    const i = result.idle;
    L.push(`idle: ${i.stillConnectedAtEnd}/${i.requested} sockets held ${i.holdSeconds} s (${i.users} users), connect took ${i.connectSeconds} s, handshake p99 ${n(i.handshakeMs.p99)} ms`);
    for (const node of i.nodes) L.push(`  ${node.part}: heap after GC ${mb(node.heapBeforeBytes)} → ${mb(node.heapAfterBytes)} (${node.heapPerSocketBytes ?? "?"} B/socket), RSS ${mb(node.rssBeforeBytes)} → ${mb(node.rssAfterBytes)}  [${node.jvmFlags.join(" ")}]`);
    if (i.gateway) L.push(`  gateway RSS ${mb(i.gateway.rssBeforeBytes)} → ${mb(i.gateway.rssAfterBytes)}`);
  }
  if (result.history) {
    const h = result.history;
    L.push(`history: room with ${h.rows.toLocaleString("en")} messages (${h.seededRows.toLocaleString("en")} seeded now in ${h.seedSeconds} s; database grew ${mb(h.disk.growthBytes)}, messages table ${mb(h.disk.after.messagesTableBytes)})`);
    L.push(`  latest page (${h.pageSize} msgs) ms: p50 ${n(h.latest.latencyMs.p50)}  p90 ${n(h.latest.latencyMs.p90)}  p99 ${n(h.latest.latencyMs.p99)}  p99.9 ${n(h.latest.latencyMs.p999)}  max ${n(h.latest.latencyMs.max)}  (${h.latest.requests} reads, ${h.latest.perSecond}/s, ${JSON.stringify(h.latest.statuses)})`);
    L.push(`  older pages ms:  p50 ${n(h.deep.latencyMs.p50)}  p99 ${n(h.deep.latencyMs.p99)}  max ${n(h.deep.latencyMs.max)}`);
  }
  if (result.targets.length) {
    L.push("targets (issue 5):");
    for (const t of result.targets) L.push(`  ${t.met === true ? "MET    " : t.met === false ? "NOT MET" : "n/a    "} ${t.target}${t.applies ? "" : " (scenario differs)"}\n          ${t.value}`);
  }
  L.push(`report: ${result.files.html}`);
  return L.join("\n");
}

const pad = (s, w) => String(s).padStart(w);

function processLine(resources) {
  return Object.entries(resources.processes)
    .map(([name, p]) => `${name} ${p.cpuSeconds}s/${mb(p.peakRssBytes ?? p.peakPssBytes)}`)
    .join(", ") + ` | machine busy ${resources.machine.busyCores} cores`;
}

// ------------------------------------------------------------------ HTML

function table(headers, rows) {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

function resourcesSection(resources, title) {
  const rows = Object.entries(resources.processes).map(([name, p]) => [
    name, p.kind, p.pids.length === 1 ? p.pids[0] : `${p.pids.length} processes`, n(p.cpuSeconds, 3), n(p.cpuCores, 3),
    p.peakRssBytes != null ? mb(p.peakRssBytes) + " RSS" : mb(p.peakPssBytes) + " PSS (sum)",
  ]);
  const bars = Object.entries(resources.processes).map(([name, p]) => ({ label: name, value: p.cpuSeconds, note: `${n(p.cpuSeconds, 2)} s (${n(p.cpuCores, 2)} cores)` }));
  return `<h3>${esc(title)}</h3>${barChart(bars, { title: `CPU seconds over ${resources.seconds} s (whole machine busy: ${resources.machine.busyCores} cores on average)` })}` +
    table(["process", "kind", "pid", "CPU s", "cores (avg)", "peak memory"], rows);
}

function stepSection(name, s) {
  const ps = s.perSecond.filter((e) => e.s >= 0);
  return `<h3>${esc(name)}</h3>` +
    table(["", "offered", "acked", "delivered"], [["msgs/s", n(s.rates.offered), n(s.rates.acked), n(s.rates.delivered)], ["count", s.sent, s.acked, s.delivered]]) +
    table(["lost messages", "missing deliveries", "duplicates", "failed sends", "ack errors", "ack timeouts", "delivered without ack", "drained"],
      [[s.lostMessages, s.missingDeliveries, s.duplicates, s.failedSends, JSON.stringify(s.ackErrors), s.ackTimeouts, s.deliveredWithoutAck, `${s.drained} (${s.drainSeconds} s)`]]) +
    table(["latency ms", "p50", "p90", "p99", "p99.9", "max", "mean", "count"], [
      ["send → new_message", ...lat(s.latencyMs)],
      ["send → ack", ...lat(s.ackLatencyMs)],
      ["generator lateness", ...lat(s.generatorLatenessMs)],
    ]) +
    `<p>Server CPU: ${n(s.cpu.serverCpuSeconds, 3)} s = <b>${n(s.cpu.serverCpuMsPerDelivered, 4)} ms per delivered message</b> (${n(s.cpu.serverCpuMsPerAcked, 4)} ms per acked message); Socket.IO server process alone ${n(s.cpu.socketServerCpuMsPerDelivered, 4)} ms per delivery.</p>` +
    percentileChart([{ name: "delivery", curve: s.latencyCurve }, { name: "ack", curve: s.ackCurve }], `${name}: latency by percentile`) +
    lineChart([
      { name: "sent/s", points: ps.map((e) => [e.s, e.sent]) },
      { name: "acked/s", points: ps.map((e) => [e.s, e.acked]) },
      { name: "delivered/s", points: ps.map((e) => [e.s, e.delivered]) },
    ], { title: `${name}: throughput per second`, xLabel: "second", yLabel: "per second" }) +
    lineChart([
      { name: "p50", points: ps.filter((e) => e.p50 != null).map((e) => [e.s, e.p50]) },
      { name: "p99", points: ps.filter((e) => e.p99 != null).map((e) => [e.s, e.p99]) },
    ], { title: `${name}: delivery latency per second (by receive time)`, xLabel: "second", yLabel: "ms", logY: true }) +
    resourcesSection(s.resources, `${name}: processes`);
}

const lat = (l) => [n(l.p50), n(l.p90), n(l.p99), n(l.p999), n(l.max), n(l.mean), l.count ?? 0];

export function htmlReport(result) {
  const m = result.machine;
  let body = `<h1>./dingus bench — ${esc(result.mode)}</h1>
<p class="muted">${esc(result.startedAt)} · <code>${esc(result.command)}</code></p>
${table(["CPUs", "CPU model", "memory", "load average at start", "at end", "kernel", "node", "commit"],
    [[m.nproc, m.cpuModel, `${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB`, m.loadAverageAtStart.join(" "), result.loadAverageAtEnd.join(" "), m.kernel, m.node, m.commit]])}`;
  if (result.targets.length) {
    body += `<h2>Targets (issue 5)</h2>` + table(["target", "result", "verdict"], result.targets.map((t) => [t.target, t.value, t.met === true ? "met" : t.met === false ? "not met" : "scenario differs"]));
  }
  if (result.fixed) {
    for (const [name, r] of Object.entries(result.fixed.runs)) {
      body += `<h2>${esc(name)} — ${r.connect.connected} clients, rooms of ${result.options["room-size"]}, ${result.options.rate} msgs/s each</h2>
<p>${esc(r.url)}; connected ${r.connect.connected}/${r.connect.sockets}, joins ${r.connect.joined}, handshake p50 ${n(r.connect.handshakeMs.p50)} ms; warm-up: ${esc(JSON.stringify(r.warmup))}</p>` + stepSection(name, r.step);
    }
  }
  if (result.ramp) {
    for (const [name, r] of Object.entries(result.ramp.runs)) {
      const st = r.steps;
      body += `<h2>${esc(name)} — ramp, ${r.connect.connected} clients in rooms of ${result.options["room-size"]}</h2>
<p>Highest step that held: <b>${r.highestHeld ? r.highestHeld.offered + " msgs/s" : "none"}</b>; stopped because: ${esc(r.stopReason)}.</p>` +
        lineChart([
          { name: "offered/s", points: st.map((s) => [s.targetOffered, s.rates.offered]) },
          { name: "acked/s", points: st.map((s) => [s.targetOffered, s.rates.acked]) },
          { name: `deliveries/s ÷ ${result.options["room-size"]}`, points: st.map((s) => [s.targetOffered, s.rates.delivered / result.options["room-size"]]), dashed: true },
        ], { title: "throughput by step", xLabel: "offered msgs/s (step)", yLabel: "msgs/s" }) +
        lineChart([
          { name: "p50", points: st.map((s) => [s.targetOffered, s.latencyMs.p50]) },
          { name: "p99", points: st.map((s) => [s.targetOffered, s.latencyMs.p99]) },
          { name: "p99.9", points: st.map((s) => [s.targetOffered, s.latencyMs.p999]) },
          { name: "limit", points: st.map((s) => [s.targetOffered, result.options["p99-limit"]]), dashed: true, color: "#9ca3af" },
        ], { title: "delivery latency by step", xLabel: "offered msgs/s (step)", yLabel: "ms", logY: true }) +
        table(["step", "offered/s", "acked/s", "delivered/s", "p50", "p90", "p99", "p99.9", "max", "ack p99", "lost", "dup", "failed", "server CPU ms/delivery", "verdict"],
          st.map((s) => [s.targetOffered, n(s.rates.offered), n(s.rates.acked), n(s.rates.delivered), n(s.latencyMs.p50), n(s.latencyMs.p90), n(s.latencyMs.p99), n(s.latencyMs.p999), n(s.latencyMs.max),
            n(s.ackLatencyMs.p99), s.lostMessages, s.duplicates, s.failedSends, n(s.cpu.serverCpuMsPerDelivered, 4), s.holds ? "holds" : s.failReasons.join("; ")])) +
        (st.length ? resourcesSection(st[st.length - 1].resources, `${name}: processes during the last step`) : "");
    }
  }
  if (result.idle) {
    const i = result.idle;
    body += `<h2>Idle sockets</h2>
<p>${i.stillConnectedAtEnd} of ${i.requested} sockets still connected after ${i.holdSeconds} s (fewest during the hold: ${i.minConnectedDuringHold}); ${i.users} users; connecting took ${i.connectSeconds} s. Connect errors: ${esc(JSON.stringify(i.connectErrors))} (${i.retriedOnce ?? 0} sockets retried once); disconnects: ${esc(JSON.stringify(i.disconnects))}.</p>` +
      table(["node", "JVM flags", "heap before", "heap after", "per socket", "RSS before", "RSS after", "heap source", "GC"],
        i.nodes.map((x) => [x.part, x.jvmFlags.join(" "), mb(x.heapBeforeBytes), mb(x.heapAfterBytes), `${x.heapPerSocketBytes ?? "?"} B`, mb(x.rssBeforeBytes), mb(x.rssAfterBytes), x.heapSource, x.gc])) +
      (i.gateway ? `<p>gateway RSS ${mb(i.gateway.rssBeforeBytes)} → ${mb(i.gateway.rssAfterBytes)}</p>` : "") +
      barChart(i.nodes.flatMap((x) => [
        { label: `${x.part} heap before`, value: (x.heapBeforeBytes || 0) / 1048576, note: mb(x.heapBeforeBytes) },
        { label: `${x.part} heap after`, value: (x.heapAfterBytes || 0) / 1048576, note: mb(x.heapAfterBytes) },
        { label: `${x.part} RSS after`, value: (x.rssAfterBytes || 0) / 1048576, note: mb(x.rssAfterBytes), color: "#9333ea" },
        { label: "target heap", value: 512, note: "512 MB", color: "#9ca3af" },
      ]), { title: "message-service memory" }) +
      percentileChart([{ name: "handshake", curve: i.handshakeCurve }], "connect + handshake time by percentile") +
      resourcesSection(i.resources, "processes while connecting and holding");
  }
  if (result.history) {
    const h = result.history;
    body += `<h2>History reads</h2>
<p>Room ${esc(h.roomId)} with ${h.rows.toLocaleString("en")} messages (${h.seededRows.toLocaleString("en")} seeded in this run in ${h.seedSeconds} s). Database size ${mb(h.disk.before.databaseBytes)} → ${mb(h.disk.after.databaseBytes)}; messages table with indexes ${mb(h.disk.after.messagesTableBytes)}.</p>` +
      table(["read", "requests", "in flight", "reads/s", "p50", "p90", "p99", "p99.9", "max", "statuses"], [
        ["latest page", h.latest.requests, h.latest.concurrency, n(h.latest.perSecond), n(h.latest.latencyMs.p50), n(h.latest.latencyMs.p90), n(h.latest.latencyMs.p99), n(h.latest.latencyMs.p999), n(h.latest.latencyMs.max), JSON.stringify(h.latest.statuses)],
        ["random older page", h.deep.requests, h.deep.concurrency, n(h.deep.perSecond), n(h.deep.latencyMs.p50), n(h.deep.latencyMs.p90), n(h.deep.latencyMs.p99), n(h.deep.latencyMs.p999), n(h.deep.latencyMs.max), JSON.stringify(h.deep.statuses)],
      ]) +
      percentileChart([{ name: "latest page", curve: h.latest.latencyCurve }, { name: "older page", curve: h.deep.latencyCurve }], "GET /api/v1/rooms/{id}/messages through the gateway") +
      resourcesSection(h.resources, "processes during the latest-page reads");
  }
  body += `<h2>Options</h2><pre>${esc(JSON.stringify(result.options, null, 1))}</pre><p class="muted">Full data: result.json next to this file.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dingus bench ${esc(result.mode)} ${esc(result.startedAt)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#111827;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #e5e7eb}h3{font-size:15px}
table{border-collapse:collapse;margin:8px 0 14px;font-size:13px}th,td{border:1px solid #e5e7eb;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f9fafb}
.muted{color:#6b7280}svg{display:block;margin:8px 0}svg .t{font:600 13px system-ui,sans-serif}svg .a{font:11px system-ui,sans-serif;fill:#374151}svg .g{stroke:#e5e7eb}
pre{background:#f9fafb;padding:8px;font-size:12px;overflow:auto}
</style></head><body>${body}</body></html>`;
}
