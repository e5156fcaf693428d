// The messaging load itself, shared by the fixed and the ramp mode and by both targets: connect
// every client's socket, join its room, then run steps of open-loop sending; after each step wait
// until every acknowledged message reached every member socket (or the drain time passed) and
// account for losses, duplicates and latencies.
import { performance } from "node:perf_hooks";
import { WorkerPool } from "./workers.mjs";
import { Histogram, round3 } from "./histogram.mjs";
import { ProcSampler } from "./procstats.mjs";

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A connected set of sockets on worker processes, ready to run steps. */
export class MessagingSession {
  constructor({ url, transports, origin, workers, rooms, log, processGroups, ackTimeoutMs, contentSize }) {
    this.url = url;
    this.origin = origin;
    this.transports = transports;
    this.rooms = rooms;
    this.log = log;
    this.pool = new WorkerPool(workers);
    this.processGroups = processGroups;
    this.ackTimeoutMs = ackTimeoutMs;
    this.content = makeContent(contentSize);
    this.stepNo = 0;
    this.runId = Date.now().toString(36);
  }

  get generatorPids() {
    return [process.pid, ...this.pool.pids];
  }

  async connect() {
    const t0 = Date.now();
    const n = this.pool.workers.length;
    const specs = Array.from({ length: n }, () => []);
    let i = 0;
    for (const room of this.rooms) {
      for (const m of room.members) {
        specs[i % n].push({ key: `${room.id}/${m.userId}`, userId: m.userId, token: m.token, rooms: [room.id] });
        i++;
      }
    }
    this.sockets = i;
    const command = (w, sockets) => ({
      type: "connect",
      workerIndex: w,
      url: this.url,
      path: "/socket.io",
      transports: this.transports,
      origin: this.origin,
      sockets,
      joinTimeoutMs: 15000,
      connectTimeoutMs: 20000,
      concurrency: 32,
    });
    // One socket first: a system that refuses sockets is reported in seconds, not after a thousand timeouts.
    const probe = await this.pool.call(0, command(0, specs[0].slice(0, 1)));
    if (probe.connected === 0 || probe.joined.length === 0) {
      throw new Error(`the first socket could not connect and join its room at ${this.url}: ${probe.errors.map(([e]) => e).join("; ") || "unknown error"}`);
    }
    const replies = await this.pool.all((w) => command(w, w === 0 ? specs[0].slice(1) : specs[w]));
    replies[0] = mergeConnect(probe, replies[0]);
    const members = new Map();
    const errors = new Map();
    const connectHist = new Histogram();
    let connected = 0;
    for (const r of replies) {
      connected += r.connected;
      for (const [room, count] of r.joined) members.set(room, (members.get(room) || 0) + count);
      for (const [e, c] of r.errors) errors.set(e, (errors.get(e) || 0) + c);
      connectHist.merge(r.connectHist);
    }
    this.members = members;
    await this.pool.all({ type: "members", members: [...members] });
    const joined = [...members.values()].reduce((a, b) => a + b, 0);
    this.connectInfo = {
      sockets: i,
      connected,
      joined,
      seconds: round3((Date.now() - t0) / 1000),
      handshakeMs: connectHist.summary(),
      errors: Object.fromEntries(errors),
    };
    this.log(`  ${connected}/${i} sockets connected, ${joined} room joins, in ${this.connectInfo.seconds} s` +
      (errors.size ? ` — errors: ${[...errors].slice(0, 3).map(([e, c]) => `${c}× ${e}`).join("; ")}` : ""));
    if (connected === 0) throw new Error(`no socket could connect to ${this.url}: ${[...errors.keys()][0] || "unknown error"}`);
    return this.connectInfo;
  }

  /**
   * One measured step: `ratePerClient` messages per second from every connected socket for `durationMs`,
   * then up to `drainMs` for the last deliveries. `measure` false: a warm-up, sampled but not reported.
   */
  async step({ ratePerClient, durationMs, drainMs, label }) {
    const tag = `b${this.runId}s${++this.stepNo}`;
    const sampler = new ProcSampler(this.processGroups());
    const startAt = now() + 300;
    sampler.start();
    const sendReplies = await this.pool.all({ type: "send", tag, startAt, ratePerClient, durationMs, ackTimeoutMs: this.ackTimeoutMs, content: this.content });
    const senders = sendReplies.reduce((a, r) => a + r.senders, 0);
    await sleep(Math.max(0, startAt + durationMs - now()));
    // Drain: every ack back and every expected delivery seen, or the drain time is over.
    const drainStart = now();
    let drained = false;
    while (now() - drainStart < drainMs) {
      const ps = await this.pool.all({ type: "progress" });
      const sending = ps.some((p) => p.sending);
      const pending = ps.reduce((a, p) => a + p.pendingAcks, 0);
      const expected = ps.reduce((a, p) => a + p.expected, 0);
      const delivered = ps.reduce((a, p) => a + p.delivered, 0);
      if (!sending && pending === 0 && delivered >= expected) {
        drained = true;
        break;
      }
      await sleep(100);
    }
    const drainSeconds = (now() - drainStart) / 1000;
    const procs = sampler.stop();
    const parts = await this.pool.all({ type: "collect" });
    const status = await this.pool.all({ type: "status" });
    return summarise({ label, tag, ratePerClient, durationMs, senders, parts, procs, drained, drainSeconds, members: this.members, status });
  }

  async close() {
    await this.pool.stop();
  }
}

function mergeConnect(a, b) {
  const joined = new Map(a.joined);
  for (const [r, c] of b.joined) joined.set(r, (joined.get(r) || 0) + c);
  const errors = new Map(a.errors);
  for (const [e, c] of b.errors) errors.set(e, (errors.get(e) || 0) + c);
  return {
    connected: a.connected + b.connected,
    failed: a.failed + b.failed,
    joined: [...joined],
    errors: [...errors],
    connectHist: Histogram.fromJSON(a.connectHist).merge(b.connectHist).toJSON(),
  };
}

function makeContent(size) {
  const words = "the quick brown fox jumps over the lazy dog while the bench counts every message twice ".repeat(60);
  return words.slice(0, Math.max(1, size)).trim() || "x";
}

/** Merges the workers' views of one step into the step's result. */
export function summarise({ label, tag, ratePerClient, durationMs, senders, parts, procs, drained, drainSeconds, members, status }) {
  const seconds = durationMs / 1000;
  const delivery = new Histogram();
  const ack = new Histogram();
  const late = new Histogram();
  const ackErrors = {};
  let sent = 0, acked = 0, ackTimeouts = 0, delivered = 0, duplicates = 0, malformed = 0, pendingAcks = 0;
  const ackedRoom = new Map();
  const got = new Map();
  const perSecond = new Map();
  for (const p of parts) {
    if (p.empty) continue;
    sent += p.sent;
    acked += p.acked;
    ackTimeouts += p.ackTimeouts;
    pendingAcks += p.pendingAcks;
    delivered += p.delivered;
    duplicates += p.duplicates;
    malformed += p.malformed;
    for (const [code, c] of Object.entries(p.ackErrors)) ackErrors[code] = (ackErrors[code] || 0) + c;
    delivery.merge(p.deliveryHist);
    ack.merge(p.ackHist);
    late.merge(p.lateHist);
    for (const [id, room] of p.acks) ackedRoom.set(id, room);
    for (const [id, c] of p.deliveries) got.set(id, (got.get(id) || 0) + c);
    for (const s of p.seconds) {
      let e = perSecond.get(s.s);
      if (!e) perSecond.set(s.s, (e = { sent: 0, acked: 0, delivered: 0, hist: new Histogram() }));
      e.sent += s.sent;
      e.acked += s.acked;
      e.delivered += s.delivered;
      e.hist.merge(s.hist);
    }
  }
  // Lost: acknowledged, yet not on every member socket (the sender's included).
  let lostMessages = 0, missingDeliveries = 0, expectedDeliveries = 0;
  for (const [id, room] of ackedRoom) {
    const want = members.get(room) || 0;
    const have = got.get(id) || 0;
    expectedDeliveries += want;
    if (have < want) {
      lostMessages++;
      missingDeliveries += want - have;
    }
  }
  let deliveredUnacked = 0;
  for (const [id, c] of got) if (!ackedRoom.has(id)) deliveredUnacked += c;
  const failed = ackTimeouts + Object.values(ackErrors).reduce((a, b) => a + b, 0);
  const serverCpu = serverCpuSeconds(procs.processes);
  const socketServerCpu = socketServerCpuSeconds(procs.processes);
  return {
    label,
    tag,
    offeredPerClient: ratePerClient,
    senders,
    durationSeconds: seconds,
    sent,
    acked,
    failedSends: failed,
    ackErrors,
    ackTimeouts,
    unresolvedAcks: pendingAcks,
    delivered,
    expectedDeliveries,
    deliveredWithoutAck: deliveredUnacked,
    lostMessages,
    missingDeliveries,
    duplicates,
    malformed,
    drained,
    drainSeconds: round3(drainSeconds),
    socketsConnectedAtEnd: status.reduce((a, s) => a + s.connected, 0),
    disconnects: Object.fromEntries(mergeCounts(status.map((s) => s.disconnects))),
    rates: {
      offered: round3(sent / seconds),
      acked: round3(acked / seconds),
      delivered: round3(delivered / seconds),
    },
    latencyMs: delivery.summary(),
    ackLatencyMs: ack.summary(),
    generatorLatenessMs: late.summary(),
    latencyCurve: delivery.percentileCurve(),
    ackCurve: ack.percentileCurve(),
    perSecond: [...perSecond].sort((a, b) => a[0] - b[0]).map(([s, e]) => ({
      s, sent: e.sent, acked: e.acked, delivered: e.delivered, p50: round3(e.hist.quantileMs(0.5)), p99: round3(e.hist.quantileMs(0.99)),
    })),
    resources: procs,
    cpu: {
      serverCpuSeconds: round3(serverCpu),
      serverCpuMsPerDelivered: delivered ? round3((serverCpu * 1000) / delivered) : null,
      serverCpuMsPerAcked: acked ? round3((serverCpu * 1000) / acked) : null,
      socketServerCpuSeconds: round3(socketServerCpu),
      socketServerCpuMsPerDelivered: delivered ? round3((socketServerCpu * 1000) / delivered) : null,
    },
  };
}

function mergeCounts(lists) {
  const m = new Map();
  for (const l of lists) for (const [k, v] of l) m.set(k, (m.get(k) || 0) + v);
  return m;
}

/** CPU of everything that serves the system: Dingus parts (or the reference) and the infrastructure, not the generator. */
export function serverCpuSeconds(processes) {
  let s = 0;
  for (const p of Object.values(processes)) if (p.kind !== "generator") s += p.cpuSeconds;
  return s;
}

/** The Socket.IO server alone: the message-service node(s), or the reference process. */
export function socketServerCpuSeconds(processes) {
  let s = 0;
  for (const [name, p] of Object.entries(processes)) if (name.startsWith("message-service") || p.kind === "reference") s += p.cpuSeconds;
  return s;
}
