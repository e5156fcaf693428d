// One load-generator process (forked by workers.mjs): holds its share of the sockets, sends on a
// fixed schedule and records what it sees. It answers the coordinator's commands over IPC; every
// command gets exactly one reply with the same id.
//
// Timing: send and receive times are `performance.timeOrigin + performance.now()` (ms, µs
// resolution) — one machine clock shared by all workers — and the send time travels in the
// clientMsgId, so any worker can compute send → new_message for any socket.
import { io } from "socket.io-client";
import { performance } from "node:perf_hooks";
import { Histogram } from "./histogram.mjs";

const now = () => performance.timeOrigin + performance.now();

/** @type {{key:string,userId:string,rooms:string[],joined:Set<string>,socket:any,seen:Set<string>,disconnectReason?:string}[]} */
let clients = [];
let roomMembers = new Map(); // roomId -> member sockets in the whole run (set by the coordinator)
let run = null; // the measurement in progress, see newRun()
let workerIndex = 0;
const disconnects = new Map(); // reason -> count, over the life of this worker

function newRun(tag, startAt) {
  return {
    tag,
    prefix: tag + ":",
    startAt,
    sent: 0,
    acked: 0,
    ackErrors: {},
    ackTimeouts: 0,
    ackHist: new Histogram(),
    lateHist: new Histogram(),
    deliveryHist: new Histogram(),
    delivered: 0,
    duplicates: 0,
    expected: 0, // deliveries the acked messages of this worker should cause
    acks: [], // [messageId, roomId]
    deliveries: new Map(), // messageId -> distinct sockets that got it
    malformed: 0,
    seconds: new Map(),
    sending: false,
    pendingAcks: 0,
  };
}

function second(r, t) {
  const s = Math.floor((t - r.startAt) / 1000);
  let e = r.seconds.get(s);
  if (!e) {
    e = { sent: 0, acked: 0, delivered: 0, hist: new Histogram() };
    r.seconds.set(s, e);
  }
  return e;
}

function onNewMessage(client, payload) {
  const t = now();
  const r = run;
  if (!r) return;
  const m = payload && typeof payload === "object" && payload.message && typeof payload.message === "object" ? payload.message : payload;
  const cid = m && (m.client_msg_id ?? m.clientMsgId);
  if (typeof cid !== "string" || !cid.startsWith(r.prefix)) return; // another run's or someone else's message
  const id = m.id;
  const sentAt = Number(cid.slice(cid.lastIndexOf(":") + 1));
  if (typeof id !== "string" || !Number.isFinite(sentAt)) {
    r.malformed++;
    return;
  }
  if (client.seen.has(id)) {
    r.duplicates++;
    return;
  }
  client.seen.add(id);
  r.delivered++;
  r.deliveries.set(id, (r.deliveries.get(id) || 0) + 1);
  const latency = t - sentAt;
  r.deliveryHist.recordMs(latency);
  const s = second(r, t);
  s.delivered++;
  s.hist.recordMs(latency);
}

function connectOne(spec, { url, transports, path, joinTimeoutMs, connectTimeoutMs, origin }) {
  return new Promise((resolve) => {
    const t0 = now();
    const socket = io(url, {
      path,
      auth: { token: spec.token },
      transports,
      forceNew: true,
      reconnection: false,
      timeout: connectTimeoutMs,
      // A browser sends its page's Origin; node's client sends none unless told (see --origin).
      extraHeaders: origin ? { origin } : undefined,
    });
    const client = { key: spec.key, userId: spec.userId, rooms: spec.rooms, joined: new Set(), socket, seen: new Set() };
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      resolve(result);
    };
    // The client reports most failures as connect_error, but a transport closed mid-handshake can end
    // in silence; the guard makes every attempt settle.
    const guard = setTimeout(() => {
      socket.close();
      done({ client: null, error: "no connect or connect_error in time" });
    }, connectTimeoutMs + joinTimeoutMs * spec.rooms.length + 5000);
    socket.on("new_message", (p) => onNewMessage(client, p));
    socket.on("disconnect", (reason) => {
      client.disconnectReason = reason;
      disconnects.set(reason, (disconnects.get(reason) || 0) + 1);
    });
    socket.on("connect_error", (err) => {
      socket.close();
      done({ client: null, error: "connect_error: " + (err && err.message) });
    });
    socket.on("connect", async () => {
      const connectMs = now() - t0;
      const errors = [];
      for (const roomId of spec.rooms) {
        try {
          const ack = await socket.timeout(joinTimeoutMs).emitWithAck("join_room", { roomId });
          if (ack && ack.success === false) errors.push("join_room: " + describeError(ack.error));
          else client.joined.add(roomId);
        } catch (e) {
          errors.push("join_room: " + (e && e.message ? e.message : "no ack"));
        }
      }
      done({ client, connectMs, errors });
    });
  });
}

function describeError(error) {
  if (!error) return "failed";
  if (typeof error === "string") return error;
  return error.code || error.message || JSON.stringify(error).slice(0, 120);
}

async function connect(cmd) {
  workerIndex = cmd.workerIndex;
  const hist = new Histogram();
  const errors = new Map();
  const queue = [...cmd.sockets];
  const joined = []; // [roomId, count]
  const added = [];
  const inFlight = Math.max(1, cmd.concurrency || 32);
  // A socket that could not connect is tried again once after the others, as a client would reconnect;
  // the first failure still counts in `errors` (and the retries in `retried`).
  const retry = [];
  let retried = 0;
  const pass = async (list, again) => {
    const lanes = Array.from({ length: Math.min(inFlight, list.length) }, async () => {
      while (list.length) {
        const spec = list.shift();
        const res = await connectOne(spec, cmd);
        if (res.client) {
          clients.push(res.client);
          added.push(res.client);
          hist.recordMs(res.connectMs);
        } else if (again) retry.push(spec);
        for (const e of res.errors || (res.error ? [res.error] : [])) errors.set(e, (errors.get(e) || 0) + 1);
      }
    });
    await Promise.all(lanes);
  };
  await pass(queue, cmd.retryFailed);
  if (retry.length) {
    retried = retry.length;
    await pass(retry, false);
  }
  const perRoom = new Map();
  for (const c of added) for (const r of c.joined) perRoom.set(r, (perRoom.get(r) || 0) + 1);
  for (const [r, n] of perRoom) joined.push([r, n]);
  return { connected: added.length, failed: cmd.sockets.length - added.length, retried, joined, errors: [...errors], connectHist: hist.toJSON() };
}

function send(cmd) {
  const r = newRun(cmd.tag, cmd.startAt);
  run = r;
  for (const c of clients) c.seen = new Set();
  const senders = clients.filter((c) => c.joined.size > 0 && c.socket.connected);
  const rate = cmd.ratePerClient * senders.length; // messages per second from this worker
  const total = Math.floor((rate * cmd.durationMs) / 1000);
  const interval = rate > 0 ? 1000 / rate : Infinity;
  const content = cmd.content;
  const roomCursor = new Map();
  let k = 0;
  r.sending = true;
  if (total === 0) {
    r.sending = false;
    return { scheduled: 0, senders: senders.length };
  }
  const sendOne = () => {
    const c = senders[k % senders.length];
    const rooms = [...c.joined];
    const idx = roomCursor.get(c) || 0;
    roomCursor.set(c, idx + 1);
    const roomId = rooms[idx % rooms.length];
    const scheduled = r.startAt + k * interval;
    k++;
    const t = now();
    r.lateHist.recordMs(Math.max(0, t - scheduled));
    r.sent++;
    second(r, t).sent++;
    r.pendingAcks++;
    const clientMsgId = `${r.prefix}${workerIndex}.${k}:${t.toFixed(3)}`;
    c.socket.timeout(cmd.ackTimeoutMs).emit("send_message", { roomId, content, clientMsgId }, (err, ack) => {
      r.pendingAcks--;
      if (run !== r) return;
      const ta = now();
      if (err) {
        r.ackTimeouts++;
        return;
      }
      if (!ack || ack.success === false || !ack.message || typeof ack.message.id !== "string") {
        const code = ack && ack.success === false ? describeError(ack.error) : "malformed_ack";
        r.ackErrors[code] = (r.ackErrors[code] || 0) + 1;
        return;
      }
      r.acked++;
      r.ackHist.recordMs(ta - t);
      second(r, ta).acked++;
      r.acks.push([ack.message.id, roomId]);
      r.expected += roomMembers.get(roomId) || 0;
    });
  };
  // Open loop: each tick sends every message whose scheduled time has passed, so a slow server
  // never slows the offered rate down (no coordinated omission); lateness is recorded.
  const tick = () => {
    if (run !== r) return;
    const due = Math.min(total, Math.floor((now() - r.startAt) / interval) + 1);
    while (k < due) sendOne();
    if (k < total) setTimeout(tick, Math.max(0, Math.min(5, r.startAt + k * interval - now())));
    else r.sending = false;
  };
  setTimeout(tick, Math.max(0, r.startAt - now()));
  return { scheduled: total, senders: senders.length };
}

function progress() {
  const r = run;
  if (!r) return { idle: true };
  return { sending: r.sending, sent: r.sent, pendingAcks: r.pendingAcks, acked: r.acked, expected: r.expected, delivered: r.delivered };
}

function collect() {
  const r = run;
  run = null;
  if (!r) return { empty: true };
  const seconds = [...r.seconds].sort((a, b) => a[0] - b[0]).map(([s, e]) => ({ s, sent: e.sent, acked: e.acked, delivered: e.delivered, hist: e.hist.toJSON() }));
  return {
    tag: r.tag,
    sent: r.sent,
    acked: r.acked,
    ackErrors: r.ackErrors,
    ackTimeouts: r.ackTimeouts,
    pendingAcks: r.pendingAcks,
    delivered: r.delivered,
    duplicates: r.duplicates,
    malformed: r.malformed,
    ackHist: r.ackHist.toJSON(),
    lateHist: r.lateHist.toJSON(),
    deliveryHist: r.deliveryHist.toJSON(),
    acks: r.acks,
    deliveries: [...r.deliveries],
    seconds,
    connected: clients.filter((c) => c.socket.connected).length,
  };
}

function status() {
  return { connected: clients.filter((c) => c.socket.connected).length, total: clients.length, disconnects: [...disconnects] };
}

async function disconnect() {
  run = null;
  for (const c of clients) c.socket.close();
  const n = clients.length;
  clients = [];
  return { closed: n };
}

const handlers = {
  connect,
  members: (cmd) => {
    roomMembers = new Map(cmd.members);
    return {};
  },
  send,
  progress,
  collect,
  status,
  disconnect,
};

process.on("message", async (cmd) => {
  let reply;
  try {
    reply = await handlers[cmd.type](cmd);
  } catch (e) {
    reply = { error: String((e && e.stack) || e) };
  }
  process.send({ id: cmd.id, ...reply });
  if (cmd.type === "disconnect") setTimeout(() => process.exit(0), 50);
});
process.on("disconnect", () => process.exit(0)); // the coordinator went away
