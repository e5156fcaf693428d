// Small JSON-over-HTTP helpers for the setup steps (node's fetch, bounded by a timeout), and a lighter GET for
// measured reads.
import http from "node:http";
import https from "node:https";

export class HttpError extends Error {
  constructor(method, url, status, body) {
    const code = body && typeof body === "object" ? body.code : undefined;
    super(`${method} ${url} → ${status}${code ? " " + code : ""}${body && body.detail ? ": " + body.detail : ""}`);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export async function request(method, url, { token, body, timeoutMs = 15000, headers = {} } = {}) {
  const h = { accept: "application/json", ...headers };
  if (body !== undefined) h["content-type"] = "application/json";
  if (token) h.authorization = `Bearer ${token}`;
  const res = await fetch(url, {
    method,
    headers: h,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!res.ok) throw new HttpError(method, url, res.status, parsed);
  return parsed;
}

/** Runs fn over items with at most `limit` in flight; keeps the order of results. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(lanes);
  return out;
}

/** Retries fn on 429 (honouring Retry-After) and on connection errors, a bounded number of times. */
export async function retrying(fn, attempts = 5) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const retriable = e.status === 429 || e.status === 503 || (!e.status && e.name !== "AbortError");
      if (!retriable || i >= attempts) throw e;
      const after = Number(e.body && e.body.retryAfter) || 0.2 * 2 ** i;
      await new Promise((r) => setTimeout(r, Math.min(5000, after * 1000)));
    }
  }
}

const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/**
 * GET with node's http client on a keep-alive agent: the measured reads of `--history`. fetch() cost the generator
 * about 1.3 ms of CPU per read, as much as the gateway, on the same two cores as the server it measures.
 */
export function getText(url, headers, timeoutMs) {
  const u = new URL(url);
  const client = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(u, { headers, agent: agents[u.protocol], timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}
