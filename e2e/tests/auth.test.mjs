// Issue 2, "Done means": register → login (email, username) → me → refresh (the spent refresh
// token is refused) → logout → the logged-out access token is refused, all through the gateway,
// exactly as docs/api.md describes the auth endpoints.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, describe as answer, setCookies, decodeJwt, eventually } from '../lib/http.mjs';
import { uniqueCredentials, login } from '../lib/users.mjs';
import { needs } from '../lib/steps.mjs';

const REFRESH_COOKIE = 'dingus_refresh';

/** Checks the documented AuthResponse shape and returns it. */
function assertAuthResponse(res, credentials, expectedStatus) {
  assert.equal(res.status, expectedStatus, answer(res));
  const a = res.body;
  assert.ok(a && typeof a === 'object', `JSON body expected, got ${answer(res)}`);
  assert.equal(a.user.username, credentials.username);
  assert.equal(a.user.email, credentials.email, 'the owner sees their own email');
  assert.match(a.user.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'user id is a UUID');
  assert.equal(typeof a.accessToken, 'string');
  assert.equal(a.token, a.accessToken, '`token` and `accessToken` carry the same value');
  assert.equal(a.tokenType, 'Bearer');
  assert.ok(Number.isInteger(a.expiresIn) && a.expiresIn > 0, `expiresIn > 0, got ${a.expiresIn}`);
  assert.equal(typeof a.refreshToken, 'string');
  assert.ok(a.refreshToken.length >= 20, 'refresh token is an opaque random string');
  assert.ok(Number.isInteger(a.refreshExpiresIn) && a.refreshExpiresIn > a.expiresIn, 'refresh outlives access');
  return a;
}

function assertProblem(res, status, code) {
  assert.equal(res.status, status, answer(res));
  assert.match(res.contentType, /^application\/problem\+json/, `problem+json expected, got ${res.contentType}`);
  assert.equal(res.body.code, code, answer(res));
  assert.equal(res.body.status, status);
}


const me = (token) => api('GET', '/api/v1/auth/me', { token });
const refresh = (refreshToken) => api('POST', '/api/v1/auth/refresh', { body: { refreshToken } });

/** "Refused within a second": poll briefly instead of assuming when revocation has spread. */
const refusedSoon = (token) => eventually(() => me(token), (r) => r.status === 401, { withinMs: 3000 });

describe('auth through the gateway', () => {
  const credentials = uniqueCredentials('auth');
  /** @type {any} */ let registered;
  /** @type {any} */ let byEmail;
  /** @type {any} */ let byUsername;

  test('register answers 201 with the user, tokens and the refresh cookie', async () => {
    const res = await api('POST', '/api/v1/auth/register', { body: credentials });
    registered = assertAuthResponse(res, credentials, 201);
    assert.equal(registered.user.displayName, credentials.displayName);

    const cookie = setCookies(res)[REFRESH_COOKIE];
    assert.ok(cookie, `${REFRESH_COOKIE} cookie is set`);
    assert.equal(decodeURIComponent(cookie.value), registered.refreshToken);
    const attrs = cookie.attributes.map((a) => a.toLowerCase());
    assert.ok(attrs.includes('httponly'), 'cookie is HttpOnly');
    assert.ok(attrs.includes('samesite=strict'), 'cookie is SameSite=Strict');
    assert.ok(attrs.includes('path=/api/v1/auth'), 'cookie is scoped to /api/v1/auth');
  });

  test('the access token is an RS256 JWT with the documented claims and a kid published in the JWKS', async (t) => {
    if (!needs(t, registered, 'register')) return;
    const { header, claims } = decodeJwt(registered.accessToken);
    assert.equal(header.alg, 'RS256');
    assert.equal(typeof header.kid, 'string');
    assert.equal(claims.sub, registered.user.id);
    assert.equal(claims.username, credentials.username);
    assert.equal(typeof claims.sid, 'string');
    assert.equal(claims.iss, 'dingus');
    assert.ok(claims.exp > claims.iat, 'exp after iat');
    const lifetime = claims.exp - claims.iat;
    assert.ok(Math.abs(lifetime - registered.expiresIn) <= 2, `expiresIn ${registered.expiresIn} matches the token lifetime ${lifetime}`);

    const jwks = await api('GET', '/.well-known/jwks.json');
    assert.equal(jwks.status, 200, answer(jwks));
    const key = jwks.body.keys.find((k) => k.kid === header.kid);
    assert.ok(key, `JWKS publishes kid ${header.kid}`);
    assert.equal(key.kty, 'RSA');
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
      assert.equal(key[secret], undefined, `JWKS must not expose the private part '${secret}'`);
    }
  });

  test('registering the same username or email again is a 409 with its own code', async (t) => {
    if (!needs(t, registered, 'register')) return;
    const other = uniqueCredentials('auth');
    assertProblem(
      await api('POST', '/api/v1/auth/register', { body: { ...other, username: credentials.username } }),
      409,
      'username_taken',
    );
    assertProblem(
      await api('POST', '/api/v1/auth/register', { body: { ...other, email: credentials.email } }),
      409,
      'email_taken',
    );
  });

  test('login works by email and by username, each opening a session of its own', async (t) => {
    if (!needs(t, registered, 'register')) return;
    byEmail = assertAuthResponse(await login(credentials.email, credentials.password), credentials, 200);
    byUsername = assertAuthResponse(await login(credentials.username, credentials.password), credentials, 200);
    assert.equal(byEmail.user.id, registered.user.id);
    assert.equal(byUsername.user.id, registered.user.id);
    const sids = new Set([registered, byEmail, byUsername].map((a) => decodeJwt(a.accessToken).claims.sid));
    assert.equal(sids.size, 3, 'register and each login open distinct sessions');
  });

  test('a wrong password is refused with 401 invalid_credentials', async (t) => {
    if (!needs(t, registered, 'register')) return;
    assertProblem(await login(credentials.username, `${credentials.password}x`), 401, 'invalid_credentials');
  });

  test('me returns the owner view of the user; without a token it is 401', async (t) => {
    if (!needs(t, byEmail, 'login by email')) return;
    const res = await me(byEmail.accessToken);
    assert.equal(res.status, 200, answer(res));
    assert.equal(res.body.id, registered.user.id);
    assert.equal(res.body.username, credentials.username);
    assert.equal(res.body.email, credentials.email);
    assert.equal(res.body.displayName, credentials.displayName);

    assertProblem(await me(undefined), 401, 'unauthorized');
  });

  test('refresh rotates the refresh token; reusing the spent one is refused and revokes the session', async (t) => {
    if (!needs(t, byEmail, 'login by email')) return;
    const res = await refresh(byEmail.refreshToken);
    const rotated = assertAuthResponse(res, credentials, 200);
    assert.notEqual(rotated.refreshToken, byEmail.refreshToken, 'a new refresh token on every use');
    assert.equal(decodeJwt(rotated.accessToken).claims.sid, decodeJwt(byEmail.accessToken).claims.sid, 'same session');
    assert.equal((await me(rotated.accessToken)).status, 200);

    assertProblem(await refresh(byEmail.refreshToken), 401, 'refresh_token_reused');

    // Reuse means the token leaked: the whole session is gone, rotated tokens included.
    const after = await refusedSoon(rotated.accessToken);
    assertProblem(after, 401, 'session_revoked');
    assert.equal((await refresh(rotated.refreshToken)).status, 401, 'the rotated refresh token died with the session');
  });

  test('refresh also works from the dingus_refresh cookie alone', async (t) => {
    if (!needs(t, registered, 'register')) return;
    const session = assertAuthResponse(await login(credentials.username, credentials.password), credentials, 200);
    const res = await api('POST', '/api/v1/auth/refresh', {
      headers: { cookie: `${REFRESH_COOKIE}=${encodeURIComponent(session.refreshToken)}` },
    });
    const rotated = assertAuthResponse(res, credentials, 200);
    assert.notEqual(rotated.refreshToken, session.refreshToken);
    assert.equal(decodeURIComponent(setCookies(res)[REFRESH_COOKIE]?.value ?? ''), rotated.refreshToken, 'cookie rotated too');
  });

  test('logout revokes that session at once; other sessions of the user keep working', async (t) => {
    if (!needs(t, byUsername, 'login by username')) return;
    assert.equal((await me(byUsername.accessToken)).status, 200, 'the session works before logout');

    const res = await api('POST', '/api/v1/auth/logout', { token: byUsername.accessToken });
    assert.equal(res.status, 204, answer(res));

    assertProblem(await refusedSoon(byUsername.accessToken), 401, 'session_revoked');
    assert.equal((await refresh(byUsername.refreshToken)).status, 401, 'its refresh token is dead too');

    const other = await me(registered.accessToken);
    assert.equal(other.status, 200, `the register session is untouched: ${answer(other)}`);
  });
});
