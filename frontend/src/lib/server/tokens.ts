// The Dingus tokens held inside the Auth.js session (an encrypted httpOnly cookie), and their
// silent refresh. Refresh tokens rotate on every use and a reused one revokes the session, so
// concurrent requests carrying the same cookie must share one refresh: a single flight per token.
import type { AuthResponse } from '$lib/api/types';
import { ApiError } from '$lib/api/http';
import { randomBytes } from 'node:crypto';

export interface DingusTokens {
	/** epoch ms when these tokens were obtained */
	obtainedAt: number;
	userId: string;
	username: string;
	accessToken: string;
	/** epoch ms */
	accessExpiresAt: number;
	/** epoch ms after which the access token is renewed before use */
	refreshAt: number;
	refreshToken: string;
	/** epoch ms */
	refreshExpiresAt: number;
}

/** Renew a little before expiry: a quarter of the lifetime, at most a minute. */
export function fromAuthResponse(res: AuthResponse, now = Date.now()): DingusTokens {
	const lifeMs = Math.max(1, res.expiresIn) * 1000;
	const margin = Math.min(60_000, lifeMs / 4);
	return {
		obtainedAt: now,
		userId: res.user.id,
		username: res.user.username,
		accessToken: res.accessToken ?? res.token,
		accessExpiresAt: now + lifeMs,
		refreshAt: now + lifeMs - margin,
		refreshToken: res.refreshToken,
		refreshExpiresAt: now + Math.max(1, res.refreshExpiresIn ?? 30 * 86400) * 1000
	};
}

export function needsRefresh(t: DingusTokens, now = Date.now()): boolean {
	return now >= t.refreshAt;
}

/** A forced renewal is honoured at most every 10 s, so a confused page cannot spin the server. */
export function mayForceRefresh(t: DingusTokens, now = Date.now()): boolean {
	return now - (t.obtainedAt ?? 0) >= 10_000;
}

/** The refresh can never succeed again: the session is over. */
export function isFinalRefreshError(e: unknown): boolean {
	return e instanceof ApiError && (e.status === 400 || e.status === 401 || e.status === 403);
}

const inFlight = new Map<string, { result: Promise<DingusTokens>; expires: number }>();
const SHARE_MS = 30_000;

/**
 * Refreshes once per refresh token: callers that arrive with the same (old) token while the
 * refresh runs, or shortly after, get the same new tokens instead of spending the old one twice.
 */
export function refreshOnce(
	old: DingusTokens,
	refresh: (refreshToken: string) => Promise<AuthResponse>
): Promise<DingusTokens> {
	const now = Date.now();
	for (const [k, v] of inFlight) if (v.expires < now) inFlight.delete(k);
	const shared = inFlight.get(old.refreshToken);
	if (shared) return shared.result;
	const result = refresh(old.refreshToken).then((res) => fromAuthResponse(res));
	inFlight.set(old.refreshToken, { result, expires: now + SHARE_MS });
	// a failed refresh may be retried by the next request
	result.catch(() => inFlight.delete(old.refreshToken));
	return result;
}

/**
 * Ends the Dingus session of these tokens (sign-out). An access token that is due for renewal is
 * renewed first, through the same single flight as every request: by then the request itself
 * may have renewed it, and the old access token would be refused (401), leaving the session
 * alive. A refresh the server refuses means the session is over already; a reused refresh token
 * ends it there. Never throws: signing out of the page must work even when the server is away.
 */
export async function endDingusSession(
	tokens: DingusTokens,
	refresh: (refreshToken: string) => Promise<AuthResponse>,
	logout: (accessToken: string) => Promise<unknown>,
	now = Date.now()
): Promise<void> {
	try {
		const live = needsRefresh(tokens, now) ? await refreshOnce(tokens, refresh) : tokens;
		await logout(live.accessToken);
	} catch {
		// expired, revoked or unreachable: nothing more can be ended from here
	}
}

// A form action that already called the API hands the result to the credentials provider
// through a one-time, short-lived nonce, so the full error answer stays with the form.
const handoffs = new Map<string, { res: AuthResponse; expires: number }>();

export function putHandoff(res: AuthResponse): string {
	const now = Date.now();
	for (const [k, v] of handoffs) if (v.expires < now) handoffs.delete(k);
	const nonce = randomBytes(32).toString('base64url');
	handoffs.set(nonce, { res, expires: now + 30_000 });
	return nonce;
}

export function takeHandoff(nonce: string): AuthResponse | null {
	const entry = handoffs.get(nonce);
	handoffs.delete(nonce);
	if (!entry || entry.expires < Date.now()) return null;
	return entry.res;
}
