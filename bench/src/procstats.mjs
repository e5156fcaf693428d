// CPU time and memory of the server processes, read from /proc (read-only; nothing is signalled).
// Groups: each Dingus part from .run/pids/<part>.pid, PostgreSQL (every `postgres` process: the
// postmaster and its backends come and go), Redis (`redis-server`), RabbitMQ (`beam.smp`), the
// load generator itself, and the reference server when it runs.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

let clkTck = 100;
try {
  clkTck = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
} catch {
  /* 100 on every Linux this runs on */
}

/** utime+stime in seconds, or null when the process is gone. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / clkTck; // fields 14 and 15 of proc(5)
  } catch {
    return null;
  }
}

/** {rss, hwm} in bytes from /proc/<pid>/status, or null. */
export function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name) => {
      const m = status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"));
      return m ? Number(m[1]) * 1024 : 0;
    };
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** Proportional set size: shared pages (PostgreSQL's shared buffers) counted once across a group. */
export function pss(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function pidsByName(name) {
  const out = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, "utf8").trim() === name) out.push(Number(d));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/**
 * PostgreSQL processes that serve the given databases: the postmaster, its shared helpers (WAL writer,
 * checkpointer, ...) and the backends connected to those databases — not the backends of other
 * databases, e.g. other engineers' integration tests on the same server.
 */
export function postgresPids(databases) {
  const want = new Set(databases);
  return pidsByName("postgres").filter((pid) => {
    let cmd;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    } catch {
      return false;
    }
    return servesDatabases(cmd, want);
  });
}

/** A backend's title is "postgres: [cluster: ]user database host(port) activity"; helpers have no database. */
export function servesDatabases(cmdline, want) {
  const backend = cmdline.match(/^postgres: (?:[^ ]+: )?(\S+) (\S+) (?:\S+\(\d+\)|\[local\])/);
  return !backend || want.has(backend[2]);
}

/**
 * The parts `./dingus up` started, from .run/pids, checked like the launcher does (the command line names
 * the part). When this checkout started none, the parts of a system started from another checkout are
 * found by their `-Ddingus.part=` flag, so that a running system is measured whoever started it.
 */
export function dingusParts(root) {
  const own = partsFromPidFiles(root);
  return own.length ? own : partsFromCommandLines();
}

function partsFromCommandLines() {
  const parts = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    let cmd;
    try {
      cmd = readFileSync(`/proc/${d}/cmdline`, "utf8");
    } catch {
      continue;
    }
    const m = cmd.match(/\0-Ddingus\.part=([a-z0-9-]+)\0/);
    if (m) parts.push({ part: m[1], pid: Number(d) });
  }
  return parts.sort((a, b) => a.part.localeCompare(b.part));
}

function partsFromPidFiles(root) {
  const dir = join(root, ".run", "pids");
  const parts = [];
  if (!existsSync(dir)) return parts;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(".pid")) continue;
    const part = f.slice(0, -4);
    const pid = Number(readFileSync(join(dir, f), "utf8").trim());
    if (!Number.isInteger(pid) || pid <= 0) continue;
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      continue;
    }
    const ours = part === "frontend" ? cmd.includes(join(root, "frontend", "build")) : cmd.includes(`-Ddingus.part=${part} `);
    if (ours) parts.push({ part, pid });
  }
  return parts.sort((a, b) => a.part.localeCompare(b.part));
}

/** Busy and total jiffies of the whole machine, to see how much else ran during a measurement. */
export function machineCpu() {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / clkTck, total: (busy + idle + iowait) / clkTck };
}

/**
 * Samples the groups once a second between start() and stop(). A group is {name, pids: () => number[], multi}.
 * CPU of a process that appears during the window counts from zero; one that vanishes keeps its last sample.
 */
export class ProcSampler {
  constructor(groups, intervalMs = 1000) {
    this.groups = groups;
    this.intervalMs = intervalMs;
    this.state = new Map(); // name -> {base: Map pid->cpu, last: Map pid->cpu, peak, peakPss, hwm}
    this.timer = null;
  }

  start() {
    this.t0 = Date.now();
    this.machine0 = machineCpu();
    for (const g of this.groups) {
      const base = new Map();
      for (const pid of g.pids()) {
        const c = cpuSeconds(pid);
        if (c != null) base.set(pid, c);
      }
      this.state.set(g.name, { base, last: new Map(base), peakRss: 0, peakPss: 0, hwm: 0, pids: new Set(base.keys()) });
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  sample() {
    for (const g of this.groups) {
      const s = this.state.get(g.name);
      let rss = 0;
      let pssSum = 0;
      let hwm = 0;
      for (const pid of g.pids()) {
        const c = cpuSeconds(pid);
        if (c == null) continue;
        if (!s.base.has(pid)) s.base.set(pid, 0);
        s.last.set(pid, c);
        s.pids.add(pid);
        const m = memory(pid);
        if (m) {
          rss += m.rss;
          hwm = Math.max(hwm, m.hwm);
        }
        if (g.multi) pssSum += pss(pid) ?? (m ? m.rss : 0);
      }
      s.peakRss = Math.max(s.peakRss, rss);
      s.peakPss = Math.max(s.peakPss, pssSum);
      s.hwm = Math.max(s.hwm, hwm);
    }
  }

  /** Per group: cpuSeconds over the window, peak RSS (single process) or peak PSS sum (process groups). */
  stop() {
    clearInterval(this.timer);
    this.sample();
    const seconds = (Date.now() - this.t0) / 1000;
    const m1 = machineCpu();
    const out = {};
    for (const g of this.groups) {
      const s = this.state.get(g.name);
      let cpu = 0;
      for (const [pid, last] of s.last) cpu += Math.max(0, last - (s.base.get(pid) ?? 0));
      out[g.name] = {
        kind: g.kind,
        pids: [...s.pids],
        cpuSeconds: round(cpu),
        cpuCores: round(cpu / seconds),
        peakRssBytes: g.multi ? null : s.peakRss,
        peakPssBytes: g.multi ? s.peakPss : null,
        vmHwmBytes: g.multi ? null : s.hwm,
      };
    }
    return {
      seconds: round(seconds),
      processes: out,
      machine: { busyCpuSeconds: round(m1.busy - this.machine0.busy), busyCores: round((m1.busy - this.machine0.busy) / seconds) },
    };
  }
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}
