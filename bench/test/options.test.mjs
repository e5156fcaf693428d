import { test } from "node:test";
import assert from "node:assert/strict";
import { parseArgs } from "../src/options.mjs";

test("no mode means the fixed scenario with the issue's defaults", () => {
  const o = parseArgs([]);
  assert.equal(o.mode, "fixed");
  assert.equal(o.clients, 1000);
  assert.equal(o["room-size"], 10);
  assert.equal(o.rate * o.clients, 500);
  assert.deepEqual(o.transports, ["websocket"]);
});

test("values are bounded and modes exclusive", () => {
  assert.throws(() => parseArgs(["--clients", "0"]), /--clients must be a number/);
  assert.throws(() => parseArgs(["--duration", "100000"]), /--duration/);
  assert.throws(() => parseArgs(["--ramp", "--history"]), /choose one mode/);
  assert.throws(() => parseArgs(["--frobnicate"]), /unknown option/);
});

test("the bench only ever loads this machine", () => {
  assert.throws(() => parseArgs(["--url", "http://example.com:8080"]), /this machine/);
  assert.equal(parseArgs(["--url=http://localhost:8080/"]).url, "http://localhost:8080");
});

test("idle mode spreads sockets over at most 1,000 users unless told", () => {
  assert.equal(parseArgs(["--idle", "10000"]).users, 1000);
  assert.equal(parseArgs(["--idle", "10"]).users, 10);
  assert.equal(parseArgs(["--idle", "100", "--users", "5"]).users, 5);
});
