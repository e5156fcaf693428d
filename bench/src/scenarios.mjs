// Fixed and ramp mode: the same users and rooms, measured on Dingus (through the gateway) and, with
// --target reference, on the Node.js reference of the seed.
import { MessagingSession } from "./messaging.mjs";
import { createRooms, deleteRooms, deleteLeftovers } from "./rooms.mjs";
import { Reference } from "./reference.mjs";
import { dingusParts, pidsByName, postgresPids } from "./procstats.mjs";

const DINGUS_DATABASES = ["auth", "chatroom", "messages", "notifications"];
import { existsSync } from "node:fs";

/** The processes whose CPU and memory a step reports, for Dingus or for the reference. */
export function processGroups(ctx, target, session, reference) {
  const alive = (pid) => (existsSync(`/proc/${pid}`) ? [pid] : []);
  const groups = [];
  if (target === "dingus") {
    for (const p of dingusParts(ctx.root)) groups.push({ name: p.part, kind: "dingus", pids: () => alive(p.pid) });
  } else {
    groups.push({ name: "reference", kind: "reference", pids: () => alive(reference.pid) });
  }
  const databases = target === "dingus" ? DINGUS_DATABASES : [reference.db];
  groups.push({ name: "postgresql", kind: "infra", multi: true, pids: () => postgresPids(databases) });
  groups.push({ name: "redis", kind: "infra", pids: () => pidsByName("redis-server") });
  groups.push({ name: "rabbitmq", kind: "infra", pids: () => pidsByName("beam.smp") });
  groups.push({ name: "generator", kind: "generator", multi: true, pids: () => session.generatorPids.filter((p) => existsSync(`/proc/${p}`)) });
  return groups;
}

async function openSession(ctx, target, url, rooms, reference) {
  const o = ctx.opts;
  const session = new MessagingSession({
    url,
    transports: o.transports,
    origin: o.originHeader,
    workers: o.workers,
    rooms,
    log: ctx.log,
    ackTimeoutMs: o["ack-timeout"] * 1000,
    contentSize: o.size,
    processGroups: null,
  });
  session.processGroups = () => processGroups(ctx, target, session, reference);
  await session.connect();
  return session;
}

async function warmup(ctx, session, ratePerClient) {
  const o = ctx.opts;
  if (!o.warmup) return null;
  ctx.log(`  warm-up: ${o.warmup} s at ${round(ratePerClient * session.connectInfo.connected)} msgs/s (not measured)`);
  const w = await session.step({ ratePerClient, durationMs: o.warmup * 1000, drainMs: o.drain * 1000, label: "warm-up" });
  return { offered: w.rates.offered, acked: w.acked, lostMessages: w.lostMessages, failedSends: w.failedSends, p99: w.latencyMs.p99 };
}

/** Runs `body(session)` against one target; the reference is started before and stopped after. */
async function onTarget(ctx, target, rooms, body) {
  const o = ctx.opts;
  let reference = null;
  let session = null;
  try {
    let url = o["socket-url"];
    if (target === "reference") {
      reference = new Reference({ benchDir: ctx.benchDir, outDir: ctx.outDir, authUrl: o["auth-url"], log: ctx.log });
      ctx.onAbort.push(() => reference.stop());
      await reference.start(rooms);
      url = reference.url;
    }
    ctx.log(`${target === "dingus" ? "Dingus" : "Reference"}: ${url} (${o.transports.join(" → ")}, ${o.workers} worker processes)`);
    session = await openSession(ctx, target, url, rooms, reference);
    const out = await body(session);
    return { target, url, connect: session.connectInfo, ...out };
  } finally {
    if (session) await session.close();
    if (reference) await reference.stop();
  }
}

function targets(o) {
  return o.target === "dingus" ? ["dingus"] : o.target === "reference" ? ["dingus", "reference"] : ["reference"];
}

async function setupRooms(ctx) {
  const o = ctx.opts;
  const users = await ctx.users.take(o.clients);
  await deleteLeftovers(o.url, ctx.cacheDir, ctx.users, ctx.log);
  const ledger = o["keep-rooms"] ? undefined : ctx.cacheDir;
  const rooms = await createRooms(o.url, users, o["room-size"], `bench ${ctx.runId}`, ctx.log, ledger);
  if (!o["keep-rooms"]) ctx.onExit.push(() => deleteRooms(o.url, rooms, ctx.log, ledger));
  return rooms;
}

export async function runFixed(ctx) {
  const o = ctx.opts;
  const rooms = await setupRooms(ctx);
  const runs = {};
  for (const target of targets(o)) {
    runs[target] = await onTarget(ctx, target, rooms, async (session) => {
      const warm = await warmup(ctx, session, o.rate);
      ctx.log(`  measuring: ${o.duration} s at ${o.rate} msgs/s per client`);
      const step = await session.step({ ratePerClient: o.rate, durationMs: o.duration * 1000, drainMs: o.drain * 1000, label: `${o.rate}/s per client` });
      ctx.log(`  ${describeStep(step)}`);
      return { warmup: warm, step };
    });
  }
  return { rooms: rooms.length, runs };
}

/** A ramp step holds when nothing was lost or refused and p99 stayed within the limit. */
export function stepHolds(step, p99Limit) {
  const reasons = [];
  if (step.lostMessages > 0) reasons.push(`${step.lostMessages} messages lost`);
  if (step.failedSends > 0) reasons.push(`${step.failedSends} sends failed or unanswered`);
  if (step.unresolvedAcks > 0) reasons.push(`${step.unresolvedAcks} acks still pending`);
  if (step.duplicates > 0) reasons.push(`${step.duplicates} duplicates`);
  if (step.latencyMs.p99 == null || step.latencyMs.p99 > p99Limit) reasons.push(`p99 ${step.latencyMs.p99} ms > ${p99Limit} ms`);
  return { holds: reasons.length === 0, reasons };
}

export async function runRamp(ctx) {
  const o = ctx.opts;
  const rooms = await setupRooms(ctx);
  const runs = {};
  for (const target of targets(o)) {
    runs[target] = await onTarget(ctx, target, rooms, async (session) => {
      const clients = session.connectInfo.connected;
      const warm = await warmup(ctx, session, o["ramp-start"] / clients);
      const steps = [];
      let highestHeld = null;
      let stopReason = `reached --ramp-max ${o["ramp-max"]}`;
      for (let offered = o["ramp-start"]; offered <= o["ramp-max"]; offered += o["ramp-step"]) {
        const perClient = offered / clients;
        if (perClient > 20) ctx.log(`  note: ${round(perClient)} msgs/s per client is above message-service's default per-user limit (20/s)`);
        const step = await session.step({ ratePerClient: perClient, durationMs: o["step-duration"] * 1000, drainMs: o.drain * 1000, label: `${offered} msgs/s` });
        step.targetOffered = offered;
        const verdict = stepHolds(step, o["p99-limit"]);
        step.holds = verdict.holds;
        step.failReasons = verdict.reasons;
        steps.push(step);
        ctx.log(`  step ${offered} msgs/s: ${describeStep(step)} → ${verdict.holds ? "holds" : "fails: " + verdict.reasons.join(", ")}`);
        if (!verdict.holds) {
          stopReason = verdict.reasons.join(", ");
          break;
        }
        highestHeld = step;
      }
      return {
        warmup: warm,
        steps,
        stopReason,
        highestHeld: highestHeld && { offered: highestHeld.targetOffered, measuredOffered: highestHeld.rates.offered, delivered: highestHeld.rates.delivered, p99: highestHeld.latencyMs.p99 },
      };
    });
  }
  return { rooms: rooms.length, runs };
}

export function describeStep(s) {
  const l = s.latencyMs;
  return `offered ${s.rates.offered}/s, acked ${s.rates.acked}/s, delivered ${s.rates.delivered}/s; ` +
    `p50 ${l.p50} p99 ${l.p99} max ${l.max} ms; lost ${s.lostMessages}, dup ${s.duplicates}, failed ${s.failedSends}`;
}

const round = (x) => Math.round(x * 100) / 100;
