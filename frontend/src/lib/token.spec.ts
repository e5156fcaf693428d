import { describe, expect, it, vi } from 'vitest';
import { SessionExpiredError, TokenSource } from './token';

function fakeFetch(answers: Array<() => Response>) {
	const calls: string[] = [];
	const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
		calls.push(`${init?.method ?? 'GET'} ${String(url)}`);
		const next = answers.shift();
		if (!next) throw new Error('unexpected call');
		return next();
	});
	return { fn: fn as unknown as typeof fetch, calls };
}

const json = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('TokenSource', () => {
	it('uses the token it has until it is due', async () => {
		const f = fakeFetch([]);
		const s = new TokenSource(
			{ accessToken: 'a', expiresAt: 2000, refreshAt: 1000 },
			f.fn,
			() => {},
			() => 500
		);
		expect(await s.get()).toBe('a');
		expect(f.calls).toEqual([]);
	});

	it('renews a due token once for concurrent callers', async () => {
		const f = fakeFetch([() => json({ accessToken: 'b', expiresAt: 9000, refreshAt: 8000 })]);
		const s = new TokenSource(
			{ accessToken: 'a', expiresAt: 2000, refreshAt: 1000 },
			f.fn,
			() => {},
			() => 1500
		);
		const [x, y] = await Promise.all([s.get(), s.get()]);
		expect([x, y]).toEqual(['b', 'b']);
		expect(f.calls).toEqual(['GET /session/token']);
		expect(await s.get()).toBe('b');
	});

	it('reports an ended session', async () => {
		const f = fakeFetch([() => json({ code: 'unauthorized' }, 401)]);
		const expired = vi.fn();
		const s = new TokenSource(
			{ accessToken: 'a', expiresAt: 1, refreshAt: 1 },
			f.fn,
			expired,
			() => 5
		);
		await expect(s.get()).rejects.toBeInstanceOf(SessionExpiredError);
		expect(expired).toHaveBeenCalledOnce();
	});

	it('keeps the old token when the server cannot be reached', async () => {
		const s = new TokenSource(
			{ accessToken: 'a', expiresAt: 10, refreshAt: 1 },
			(async () => {
				throw new TypeError('offline');
			}) as unknown as typeof fetch,
			() => {},
			() => 5
		);
		expect(await s.refresh()).toBe('a');
	});

	it('forces a renewal with POST when a token was refused', async () => {
		const f = fakeFetch([() => json({ accessToken: 'c', expiresAt: 9000, refreshAt: 8000 })]);
		const s = new TokenSource(
			{ accessToken: 'a', expiresAt: 9000, refreshAt: 8000 },
			f.fn,
			() => {},
			() => 5
		);
		expect(await s.refresh(true)).toBe('c');
		expect(f.calls).toEqual(['POST /session/token']);
	});
});
