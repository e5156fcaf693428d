// Idle mode: N connected sockets held through the gateway; what they cost message-service in heap
// (after a full GC, so that garbage does not count) and in resident memory.
import { spawnSync } from "node:child_process";
import { readlinkSync, readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { WorkerPool } from "./workers.mjs";
import { Histogram, round3 } from "./histogram.mjs";
import { ProcSampler, dingusParts, memory } from "./procstats.mjs";
import { processGroups } from "./scenarios.mjs";

const PORTS = { "message-service": 3003, "message-service-2": 3103 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The JVM flags that matter for memory, from the process's command line. */
export function jvmFlags(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((a) => /^-X|^-XX:/.test(a));
  } catch {
    return [];
  }
}

/** Triggers a full GC with the JVM's own jcmd (same JDK as the process), then reads the heap in use. */
export async function heapAfterGc(pid, port) {
  let gc = "not triggered (jcmd not found)";
  let jcmd = "jcmd";
  try {
    const candidate = join(dirname(readlinkSync(`/proc/${pid}/exe`)), "jcmd");
    if (existsSync(candidate)) jcmd = candidate;
  } catch {
    /* use the one on PATH */
  }
  const r = spawnSync(jcmd, [String(pid), "GC.run"], { encoding: "utf8", timeout: 60000 });
  if (r.status === 0) gc = "jcmd GC.run";
  else if (!r.error) gc = `jcmd GC.run failed: ${(r.stdout + r.stderr).trim().split("\n").pop()}`;
  const base = `http://127.0.0.1:${port}/actuator`;
  try {
    const res = await fetch(`${base}/metrics/jvm.memory.used?tag=area:heap`, { signal: AbortSignal.timeout(5000) });
    if (res.ok) {
      const j = await res.json();
      return { heapUsedBytes: j.measurements[0].value, source: "actuator /metrics jvm.memory.used area:heap", gc };
    }
  } catch {
    /* next source */
  }
  try {
    const res = await fetch(`${base}/prometheus`, { signal: AbortSignal.timeout(5000) });
    if (res.ok) {
      const text = await res.text();
      let sum = 0, found = false;
      for (const m of text.matchAll(/^jvm_memory_used_bytes\{([^}]*)\}\s+(\S+)/gm)) {
        if (/area="heap"/.test(m[1])) {
          sum += Number(m[2]);
          found = true;
        }
      }
      if (found) return { heapUsedBytes: sum, source: "actuator /prometheus jvm_memory_used_bytes area=heap", gc };
    }
  } catch {
    /* next source */
  }
  const info = spawnSync(jcmd, [String(pid), "GC.heap_info"], { encoding: "utf8", timeout: 30000 });
  if (info.status === 0) {
    let used = 0;
    for (const m of info.stdout.matchAll(/(generation|heap)\s+total \d+K, used (\d+)K/g)) used += Number(m[2]) * 1024;
    if (used) return { heapUsedBytes: used, source: "jcmd GC.heap_info", gc };
  }
  return { heapUsedBytes: null, source: "unavailable (no actuator metric, no jcmd)", gc };
}

export async function runIdle(ctx) {
  const o = ctx.opts;
  const nodes = dingusParts(ctx.root).filter((p) => p.part.startsWith("message-service"));
  if (!nodes.length) throw new Error("message-service is not running under ./dingus up (no .run/pids/message-service.pid)");
  const gateway = dingusParts(ctx.root).find((p) => p.part === "gateway");
  const users = await ctx.users.take(o.users);
  const perUser = Math.ceil(o.idle / users.length);
  ctx.log(`Idle: ${o.idle} sockets at ${o["socket-url"]} for ${users.length} users (${perUser} devices each at most), ${o.workers} worker processes, ${o.transports.join(" → ")}`);

  const before = {};
  for (const n of nodes) before[n.part] = { ...(await heapAfterGc(n.pid, PORTS[n.part])), rssBytes: memory(n.pid)?.rss ?? null };
  const gatewayRssBefore = gateway ? memory(gateway.pid)?.rss ?? null : null;
  ctx.log(`  before: ${nodes.map((n) => `${n.part} heap ${mb(before[n.part].heapUsedBytes)}, RSS ${mb(before[n.part].rssBytes)}`).join("; ")}`);

  const pool = new WorkerPool(o.workers);
  ctx.onAbort.push(() => pool.stop());
  const session = { generatorPids: [process.pid, ...pool.pids] };
  const sampler = new ProcSampler(processGroups(ctx, "dingus", session));
  sampler.start();
  try {
    const specs = Array.from({ length: o.workers }, () => []);
    for (let i = 0; i < o.idle; i++) {
      const u = users[i % users.length];
      specs[i % o.workers].push({ key: `idle-${i}`, userId: u.userId, token: u.token, rooms: [] });
    }
    const t0 = Date.now();
    const replies = await pool.all((w) => ({
      type: "connect", workerIndex: w, url: o["socket-url"], path: "/socket.io", transports: o.transports, origin: o.originHeader, sockets: specs[w],
      joinTimeoutMs: 15000, connectTimeoutMs: 30000, concurrency: 64, retryFailed: true,
    }));
    const connectSeconds = (Date.now() - t0) / 1000;
    const hist = new Histogram();
    const errors = {};
    let connected = 0;
    let retried = 0;
    for (const r of replies) {
      connected += r.connected;
      retried += r.retried;
      hist.merge(r.connectHist);
      for (const [e, c] of r.errors) errors[e] = (errors[e] || 0) + c;
    }
    ctx.log(`  ${connected}/${o.idle} connected in ${round3(connectSeconds)} s (${retried} retried once)${Object.keys(errors).length ? ` — errors: ${JSON.stringify(errors).slice(0, 200)}` : ""}`);
    ctx.log(`  holding for ${o.hold} s`);
    const heldFrom = Date.now();
    let minConnected = connected;
    while (Date.now() - heldFrom < o.hold * 1000) {
      await sleep(Math.min(5000, o.hold * 1000 - (Date.now() - heldFrom)));
      const st = await pool.all({ type: "status" });
      minConnected = Math.min(minConnected, st.reduce((a, s) => a + s.connected, 0));
    }
    const after = {};
    for (const n of nodes) after[n.part] = { ...(await heapAfterGc(n.pid, PORTS[n.part])), rssBytes: memory(n.pid)?.rss ?? null };
    const status = await pool.all({ type: "status" });
    const stillConnected = status.reduce((a, s) => a + s.connected, 0);
    const disconnects = {};
    for (const s of status) for (const [reason, c] of s.disconnects) disconnects[reason] = (disconnects[reason] || 0) + c;
    const gatewayRssAfter = gateway ? memory(gateway.pid)?.rss ?? null : null;
    const procs = sampler.stop();
    const perNode = nodes.map((n) => ({
      part: n.part,
      pid: n.pid,
      jvmFlags: jvmFlags(n.pid),
      heapBeforeBytes: before[n.part].heapUsedBytes,
      heapAfterBytes: after[n.part].heapUsedBytes,
      heapSource: after[n.part].source,
      gc: after[n.part].gc,
      rssBeforeBytes: before[n.part].rssBytes,
      rssAfterBytes: after[n.part].rssBytes,
      heapPerSocketBytes: after[n.part].heapUsedBytes != null && before[n.part].heapUsedBytes != null && stillConnected
        ? Math.round((after[n.part].heapUsedBytes - before[n.part].heapUsedBytes) / (stillConnected / nodes.length)) : null,
    }));
    for (const n of perNode) ctx.log(`  after: ${n.part} heap ${mb(n.heapAfterBytes)} (${n.heapPerSocketBytes} B per socket), RSS ${mb(n.rssAfterBytes)}`);
    return {
      requested: o.idle,
      users: users.length,
      connected,
      connectSeconds: round3(connectSeconds),
      handshakeMs: hist.summary(),
      handshakeCurve: hist.percentileCurve(),
      connectErrors: errors,
      retriedOnce: retried,
      holdSeconds: o.hold,
      minConnectedDuringHold: minConnected,
      stillConnectedAtEnd: stillConnected,
      disconnects,
      nodes: perNode,
      gateway: gateway ? { pid: gateway.pid, rssBeforeBytes: gatewayRssBefore, rssAfterBytes: gatewayRssAfter, jvmFlags: jvmFlags(gateway.pid) } : null,
      resources: procs,
    };
  } finally {
    await pool.stop();
  }
}

export const mb = (b) => (b == null ? "?" : `${Math.round(b / 1048576)} MB`);
