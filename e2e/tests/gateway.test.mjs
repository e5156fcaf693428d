// Issue 2, the gateway as the one origin: aggregated health, edge authentication, errors as
// problem+json with a stable code, security headers and request ids, and the frontend behind it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, describe as answer } from '../lib/http.mjs';
import { registerUser } from '../lib/users.mjs';
import { BASE_URL, TIMEOUT_MS } from '../lib/config.mjs';

const SERVICES = ['auth-service', 'room-service', 'message-service', 'presence-service', 'notification-service'];

function assertProblem(res, status, code) {
  assert.equal(res.status, status, answer(res));
  assert.match(res.contentType, /^application\/problem\+json/, `problem+json expected, got ${res.contentType}`);
  assert.equal(res.body.code, code, answer(res));
}

describe('the gateway', () => {
  test('/health reports every service, each UP', async () => {
    const res = await api('GET', '/health');
    assert.equal(res.status, 200, answer(res));
    for (const name of SERVICES) {
      assert.equal(res.body.services?.[name]?.status, 'UP', `${name}: ${JSON.stringify(res.body.services?.[name])}`);
    }
    assert.equal(res.body.status, 'UP');
  });

  test('an API route without a token is refused at the edge with 401 unauthorized', async () => {
    const res = await api('GET', '/api/v1/rooms');
    assertProblem(res, 401, 'unauthorized');
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
  });

  test('a tampered token is refused with 401 token_invalid', async () => {
    const { token } = await registerUser('gw');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-0000-0000-000000000000' })).toString('base64url');
    assertProblem(await api('GET', '/api/v1/auth/me', { token: `${h}.${forged}.${s}` }), 401, 'token_invalid');
  });

  test('an API path no service owns is 404 not_found, and /internal is never routed', async () => {
    const { token } = await registerUser('gw');
    assertProblem(await api('GET', '/api/v1/no-such-thing', { token }), 404, 'not_found');
    assertProblem(await api('GET', '/internal/users/00000000-0000-0000-0000-000000000000/rooms', { token }), 404, 'not_found');
  });

  test('malformed JSON reaches the service and comes back as 400 malformed_json', async () => {
    assertProblem(await api('POST', '/api/v1/auth/login', { rawBody: '{"login": ' }), 400, 'malformed_json');
  });

  test('answers carry security headers and a request id that the problem body repeats', async () => {
    const res = await api('POST', '/api/v1/auth/login', { body: { login: '', password: '' } });
    assert.equal(res.status, 400, answer(res));
    assert.equal(res.body.code, 'validation_failed');
    const requestId = res.headers.get('x-request-id');
    assert.ok(requestId, 'X-Request-Id header');
    assert.equal(res.body.requestId, requestId);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('x-frame-options') || /frame-ancestors/.test(res.headers.get('content-security-policy') ?? ''),
      'framing is forbidden');
  });

  test('everything else is the frontend, served through the gateway', async () => {
    const res = await fetch(`${BASE_URL}/login`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /<html/i);
  });
});
