import { BASE_URL, TIMEOUT_MS } from './config.mjs';

/**
 * One JSON call through the gateway.
 * @param {string} method
 * @param {string} path  e.g. '/api/v1/auth/me'
 * @param {{token?: string, body?: unknown, rawBody?: string, headers?: Record<string,string>}} [options]
 * @returns {Promise<{status: number, headers: Headers, body: any, text: string, contentType: string}>}
 *   `body` is the parsed JSON when the answer is JSON (incl. problem+json), otherwise undefined.
 */
export async function api(method, path, { token, body, rawBody, headers = {} } = {}) {
  const h = { accept: 'application/json, application/problem+json', ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload;
  if (rawBody !== undefined) {
    payload = rawBody;
    h['content-type'] ??= 'application/json';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['content-type'] ??= 'application/json';
  }
  let res;
  try {
    res = await fetch(BASE_URL + path, {
      method,
      headers: h,
      body: payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    throw new Error(`${method} ${BASE_URL}${path} failed: ${e.cause?.code ?? e.message} (is the system up? ./dingus up)`);
  }
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let parsed;
  if (/json/.test(contentType) && text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path}: answer claims ${contentType} but is not JSON: ${text.slice(0, 200)}`);
    }
  }
  return { status: res.status, headers: res.headers, body: parsed, text, contentType };
}

/** A readable description of an answer for assertion messages (never includes tokens). */
export function describe(res) {
  const b = res.body;
  if (b && typeof b === 'object' && ('code' in b || 'title' in b)) {
    return `${res.status} ${b.code ?? ''} ${b.detail ?? b.title ?? ''}`.trim();
  }
  return `${res.status} ${res.contentType} ${res.text.slice(0, 120)}`;
}

/** The cookies a response sets, by name: { name: { value, attributes: 'Path=/; HttpOnly; ...' } }. */
export function setCookies(res) {
  const out = {};
  for (const line of res.headers.getSetCookie?.() ?? []) {
    const [pair, ...attrs] = line.split(';');
    const i = pair.indexOf('=');
    out[pair.slice(0, i).trim()] = { value: pair.slice(i + 1).trim(), attributes: attrs.map((a) => a.trim()) };
  }
  return out;
}

/** Decodes a JWT's header and claims (no verification: the server is what verifies). */
export function decodeJwt(token) {
  const [header, payload] = token.split('.');
  const dec = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { header: dec(header), claims: dec(payload) };
}

/**
 * Polls `probe` until `done(result)` holds or `withinMs` passes; returns the last result.
 * For guarantees stated as "within a second" that are eventually consistent by design.
 */
export async function eventually(probe, done, { withinMs = 3000, everyMs = 100 } = {}) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const result = await probe();
    if (done(result) || Date.now() >= deadline) return result;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
