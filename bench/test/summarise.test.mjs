import { test } from "node:test";
import assert from "node:assert/strict";
import { summarise } from "../src/messaging.mjs";
import { stepHolds } from "../src/scenarios.mjs";
import { Histogram } from "../src/histogram.mjs";

const hist = (...ms) => {
  const h = new Histogram();
  for (const v of ms) h.recordMs(v);
  return h.toJSON();
};

function part({ acks = [], deliveries = [], duplicates = 0, ackErrors = {}, ackTimeouts = 0 }) {
  const delivered = deliveries.reduce((a, [, c]) => a + c, 0);
  return {
    sent: acks.length + ackTimeouts + Object.values(ackErrors).reduce((a, b) => a + b, 0), acked: acks.length, ackErrors, ackTimeouts, pendingAcks: 0,
    delivered, duplicates, malformed: 0, ackHist: hist(...acks.map(() => 2)), lateHist: hist(0.1), deliveryHist: hist(...Array(delivered).fill(3)),
    acks, deliveries, seconds: [{ s: 0, sent: acks.length, acked: acks.length, delivered, hist: hist(...Array(delivered).fill(3)) }],
  };
}

const procs = {
  seconds: 2,
  processes: {
    "message-service": { kind: "dingus", cpuSeconds: 1.5 },
    gateway: { kind: "dingus", cpuSeconds: 0.5 },
    postgresql: { kind: "infra", cpuSeconds: 1 },
    generator: { kind: "generator", cpuSeconds: 5 },
  },
  machine: { busyCpuSeconds: 4, busyCores: 2 },
};

test("a message acknowledged but missing on one member socket is lost; deliveries from several workers add up", () => {
  const members = new Map([["r1", 3], ["r2", 2]]);
  const w0 = part({ acks: [["m1", "r1"], ["m2", "r2"]], deliveries: [["m1", 2], ["m2", 2]] });
  const w1 = part({ acks: [["m3", "r1"]], deliveries: [["m1", 1], ["m3", 1]], duplicates: 1 });
  const s = summarise({ label: "t", tag: "x", ratePerClient: 1, durationMs: 2000, senders: 5, parts: [w0, w1], procs, drained: false, drainSeconds: 1, members, status: [{ connected: 5, disconnects: [] }] });
  assert.equal(s.acked, 3);
  assert.equal(s.expectedDeliveries, 3 + 2 + 3);
  assert.equal(s.delivered, 6);
  assert.equal(s.lostMessages, 1); // m3 reached 1 of 3 sockets
  assert.equal(s.missingDeliveries, 2);
  assert.equal(s.duplicates, 1);
  assert.equal(s.rates.delivered, 3);
  // server CPU leaves the generator out: (1.5 + 0.5 + 1) s over 6 deliveries
  assert.equal(s.cpu.serverCpuMsPerDelivered, 500);
  assert.equal(s.cpu.socketServerCpuMsPerDelivered, 250);
});

test("failed sends are counted by their error code and are not losses", () => {
  const members = new Map([["r1", 1]]);
  const w = part({ acks: [["m1", "r1"]], deliveries: [["m1", 1]], ackErrors: { rate_limited: 2 }, ackTimeouts: 1 });
  const s = summarise({ label: "t", tag: "x", ratePerClient: 1, durationMs: 1000, senders: 1, parts: [w], procs, drained: true, drainSeconds: 0, members, status: [{ connected: 1, disconnects: [] }] });
  assert.equal(s.lostMessages, 0);
  assert.equal(s.failedSends, 3);
  assert.deepEqual(s.ackErrors, { rate_limited: 2 });
  const verdict = stepHolds(s, 100);
  assert.equal(verdict.holds, false);
  assert.match(verdict.reasons.join(), /3 sends failed/);
});

test("a ramp step holds only with nothing lost and p99 within the limit", () => {
  const members = new Map([["r1", 1]]);
  const ok = summarise({ label: "t", tag: "x", ratePerClient: 1, durationMs: 1000, senders: 1, parts: [part({ acks: [["m1", "r1"]], deliveries: [["m1", 1]] })], procs, drained: true, drainSeconds: 0, members, status: [{ connected: 1, disconnects: [] }] });
  assert.equal(stepHolds(ok, 100).holds, true);
  assert.equal(stepHolds(ok, 2).holds, false); // p99 is 3 ms
});
