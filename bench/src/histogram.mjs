// A log-linear latency histogram in microseconds (in the spirit of HdrHistogram): values below
// 128 µs are exact, above that each power of two is split into 64 buckets, so a reported
// percentile is within 1.6 % of the true value. Histograms from several workers merge by adding
// counts, which raw sample arrays could not do cheaply over IPC. Min and max are kept exactly.

const LINEAR = 128;
const SUB = 64;

export function bucketOf(micros) {
  const v = Math.max(0, Math.round(micros));
  if (v < LINEAR) return v;
  const e = 31 - Math.clz32(v); // floor(log2 v) >= 7
  const m = v >>> (e - 6); // 64..127
  return LINEAR + (e - 7) * SUB + (m - SUB);
}

/** The value a bucket stands for: the middle of its range. */
export function valueOf(bucket) {
  if (bucket < LINEAR) return bucket;
  const e = Math.floor((bucket - LINEAR) / SUB) + 7;
  const m = ((bucket - LINEAR) % SUB) + SUB;
  const low = m * 2 ** (e - 6);
  const width = 2 ** (e - 6);
  return low + (width - 1) / 2;
}

export class Histogram {
  constructor() {
    this.counts = new Map();
    this.n = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /** Records one latency given in milliseconds. */
  recordMs(ms) {
    const micros = ms * 1000;
    const b = bucketOf(micros);
    this.counts.set(b, (this.counts.get(b) || 0) + 1);
    this.n++;
    this.sum += micros;
    if (micros < this.min) this.min = micros;
    if (micros > this.max) this.max = micros;
  }

  merge(other) {
    const o = other instanceof Histogram ? other : Histogram.fromJSON(other);
    for (const [b, c] of o.counts) this.counts.set(b, (this.counts.get(b) || 0) + c);
    this.n += o.n;
    this.sum += o.sum;
    if (o.min < this.min) this.min = o.min;
    if (o.max > this.max) this.max = o.max;
    return this;
  }

  /** The value (ms) at quantile q in [0,1]: the smallest recorded bucket covering q of the samples. */
  quantileMs(q) {
    if (this.n === 0) return null;
    if (q >= 1) return this.max / 1000;
    const rank = Math.max(1, Math.ceil(q * this.n));
    const buckets = [...this.counts.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const b of buckets) {
      seen += this.counts.get(b);
      if (seen >= rank) return Math.min(Math.max(valueOf(b), this.min), this.max) / 1000;
    }
    return this.max / 1000;
  }

  summary() {
    if (this.n === 0) return { count: 0 };
    const q = (p) => round3(this.quantileMs(p));
    return {
      count: this.n,
      min: round3(this.min / 1000),
      mean: round3(this.sum / this.n / 1000),
      p50: q(0.5),
      p90: q(0.9),
      p99: q(0.99),
      p999: q(0.999),
      max: round3(this.max / 1000),
    };
  }

  /** Points for a percentile chart: [percentile, ms] on a log scale of 1/(1-p). */
  percentileCurve() {
    if (this.n === 0) return [];
    const ps = [0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999];
    return ps.filter((p) => p === 0 || this.n * (1 - p) >= 1).map((p) => [p, round3(p === 0 ? this.min / 1000 : this.quantileMs(p))])
      .concat([[1, round3(this.max / 1000)]]);
  }

  toJSON() {
    return { counts: [...this.counts], n: this.n, sum: this.sum, min: this.n ? this.min : null, max: this.n ? this.max : null };
  }

  static fromJSON(j) {
    const h = new Histogram();
    if (!j) return h;
    h.counts = new Map(j.counts);
    h.n = j.n;
    h.sum = j.sum;
    h.min = j.min ?? Infinity;
    h.max = j.max ?? -Infinity;
    return h;
  }
}

export function round3(x) {
  return x == null || !Number.isFinite(x) ? null : Math.round(x * 1000) / 1000;
}
