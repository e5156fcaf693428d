import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api/http';
import type { AuthResponse } from '$lib/api/types';
import {
	endDingusSession,
	fromAuthResponse,
	isFinalRefreshError,
	needsRefresh,
	putHandoff,
	refreshOnce,
	takeHandoff
} from './tokens';

function auth(n: number, expiresIn = 900): AuthResponse {
	return {
		user: {
			id: 'u1',
			username: 'ann',
			displayName: null,
			avatarUrl: null,
			statusText: null,
			createdAt: '2026-01-01T00:00:00Z'
		},
		token: `access-${n}`,
		accessToken: `access-${n}`,
		tokenType: 'Bearer',
		expiresIn,
		refreshToken: `refresh-${n}`,
		refreshExpiresIn: 86400
	};
}

describe('session tokens', () => {
	it('renews a minute before expiry, or at three quarters of a short lifetime', () => {
		const long = fromAuthResponse(auth(1, 900), 0);
		expect(long.refreshAt).toBe(840_000);
		expect(needsRefresh(long, 839_999)).toBe(false);
		expect(needsRefresh(long, 840_000)).toBe(true);
		const short = fromAuthResponse(auth(1, 60), 0);
		expect(short.refreshAt).toBe(45_000);
		expect(short.accessExpiresAt).toBe(60_000);
	});

	it('spends a refresh token once for concurrent requests', async () => {
		let calls = 0;
		const refresh = async (rt: string) => {
			calls++;
			expect(rt).toBe('refresh-7');
			await new Promise((r) => setTimeout(r, 10));
			return auth(8);
		};
		const old = fromAuthResponse(auth(7));
		const [a, b, c] = await Promise.all([
			refreshOnce(old, refresh),
			refreshOnce(old, refresh),
			refreshOnce(old, refresh)
		]);
		expect(calls).toBe(1);
		expect([a.accessToken, b.accessToken, c.accessToken]).toEqual([
			'access-8',
			'access-8',
			'access-8'
		]);
		// a request arriving right after, with the old cookie, gets the same new tokens
		expect((await refreshOnce(old, refresh)).refreshToken).toBe('refresh-8');
		expect(calls).toBe(1);
	});

	it('signs out with a renewed access token when the cookie holds an expired one', async () => {
		const loggedOut: string[] = [];
		const logout = async (at: string) => loggedOut.push(at);
		const fresh = fromAuthResponse(auth(20));
		await endDingusSession(fresh, async () => auth(99), logout);
		expect(loggedOut).toEqual(['access-20']);

		const stale = fromAuthResponse(auth(21), Date.now() - 3_600_000);
		let refreshedWith = '';
		await endDingusSession(stale, async (rt) => ((refreshedWith = rt), auth(22)), logout);
		expect(refreshedWith).toBe('refresh-21');
		expect(loggedOut).toEqual(['access-20', 'access-22']);

		// the session is over already (refresh refused), or the server is away: no throw, no logout
		const over = fromAuthResponse(auth(23), Date.now() - 3_600_000);
		await endDingusSession(
			over,
			async () => Promise.reject(new ApiError(401, 'refresh_token_invalid', 'x')),
			logout
		);
		await endDingusSession(
			fresh,
			async () => auth(1),
			async () => Promise.reject(new Error('down'))
		);
		expect(loggedOut).toEqual(['access-20', 'access-22']);
	});

	it('lets a failed refresh be tried again', async () => {
		const old = fromAuthResponse(auth(20));
		await expect(
			refreshOnce(old, async () => {
				throw new ApiError(0, 'network_error', 'down');
			})
		).rejects.toThrow('down');
		expect((await refreshOnce(old, async () => auth(21))).accessToken).toBe('access-21');
	});

	it('ends the session only when the server refuses the refresh', () => {
		expect(isFinalRefreshError(new ApiError(401, 'refresh_token_reused', 'x'))).toBe(true);
		expect(isFinalRefreshError(new ApiError(400, 'validation_failed', 'x'))).toBe(true);
		expect(isFinalRefreshError(new ApiError(503, 'service_unavailable', 'x'))).toBe(false);
		expect(isFinalRefreshError(new ApiError(0, 'network_error', 'x'))).toBe(false);
		expect(isFinalRefreshError(new Error('x'))).toBe(false);
	});

	it('hands tokens over once', () => {
		const nonce = putHandoff(auth(30));
		expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(takeHandoff(nonce)?.accessToken).toBe('access-30');
		expect(takeHandoff(nonce)).toBeNull();
		expect(takeHandoff('made-up')).toBeNull();
	});
});
