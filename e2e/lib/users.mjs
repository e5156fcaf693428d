import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { api, describe } from './http.mjs';

// Unique per call, so that tests never collide with each other or with earlier runs.
export function uniqueCredentials(prefix = 'e2e') {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const username = `${prefix}_${id}`.slice(0, 24);
  return {
    username,
    email: `${username}@example.com`,
    password: `Pw-${randomBytes(9).toString('base64url')}-9`,
    displayName: `E2E ${id}`,
  };
}

/**
 * Registers a fresh user through the gateway.
 * @returns {Promise<{credentials: ReturnType<typeof uniqueCredentials>, auth: any, token: string, user: any}>}
 */
export async function registerUser(prefix) {
  const credentials = uniqueCredentials(prefix);
  const res = await api('POST', '/api/v1/auth/register', { body: credentials });
  assert.equal(res.status, 201, `register ${credentials.username}: ${describe(res)}`);
  return { credentials, auth: res.body, token: res.body.accessToken, user: res.body.user };
}

/** Logs in with `login` (username or email) and password; returns the raw answer. */
export function login(loginName, password) {
  return api('POST', '/api/v1/auth/login', { body: { login: loginName, password } });
}
