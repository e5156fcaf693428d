import { test } from "node:test";
import assert from "node:assert/strict";
import { Histogram, bucketOf, valueOf } from "../src/histogram.mjs";

test("a bucket's value lies within 1.6 % of every value it holds", () => {
  for (let v = 0; v < 5_000_000; v = Math.floor(v * 1.013) + 1) {
    const back = valueOf(bucketOf(v));
    assert.ok(Math.abs(back - v) <= Math.max(0.5, v * 0.016), `${v} → ${back}`);
  }
});

test("percentiles of a uniform sample come out where they belong", () => {
  const h = new Histogram();
  for (let i = 1; i <= 10000; i++) h.recordMs(i / 100); // 0.01 .. 100 ms
  const s = h.summary();
  assert.equal(s.count, 10000);
  assert.ok(Math.abs(s.p50 - 50) / 50 < 0.02, `p50 ${s.p50}`);
  assert.ok(Math.abs(s.p99 - 99) / 99 < 0.02, `p99 ${s.p99}`);
  assert.equal(s.max, 100);
  assert.equal(s.min, 0.01);
});

test("histograms merged over IPC equal one histogram of all samples", () => {
  const a = new Histogram(), b = new Histogram(), all = new Histogram();
  for (let i = 0; i < 5000; i++) {
    const v = (i * 7919) % 300 / 3;
    (i % 2 ? a : b).recordMs(v);
    all.recordMs(v);
  }
  const merged = Histogram.fromJSON(JSON.parse(JSON.stringify(a.toJSON()))).merge(JSON.parse(JSON.stringify(b.toJSON())));
  assert.deepEqual(merged.summary(), all.summary());
});

test("an empty histogram reports no percentiles instead of zeros", () => {
  const h = new Histogram();
  assert.deepEqual(h.summary(), { count: 0 });
  assert.equal(h.quantileMs(0.99), null);
  assert.deepEqual(h.percentileCurve(), []);
});
