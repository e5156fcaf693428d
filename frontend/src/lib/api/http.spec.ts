import { describe, expect, it } from 'vitest';
import { ApiError, Http, buildUrl, toApiError } from './http';

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/problem+json', ...headers }
	});

describe('http core', () => {
	it('builds URLs with only the query values that are set', () => {
		expect(
			buildUrl('http://gw/', '/api/v1/x', { q: 'a b', page: 0, empty: '', none: undefined })
		).toBe('http://gw/api/v1/x?q=a+b&page=0');
		expect(buildUrl('', '/api/v1/x')).toBe('/api/v1/x');
	});

	it('turns problem+json into an ApiError with code, detail and field errors', async () => {
		const e = await toApiError(
			problem(400, {
				title: 'Bad Request',
				detail: 'Some fields are invalid',
				code: 'validation_failed',
				errors: [{ field: 'email', message: 'must be a well-formed email address' }]
			})
		);
		expect(e).toBeInstanceOf(ApiError);
		expect(e.status).toBe(400);
		expect(e.code).toBe('validation_failed');
		expect(e.message).toBe('Some fields are invalid');
		expect(e.field('email')).toBe('must be a well-formed email address');
	});

	it('explains rate limits with the wait time', async () => {
		const e = await toApiError(
			problem(429, { detail: 'Too many attempts.', code: 'rate_limited' }, { 'retry-after': '30' })
		);
		expect(e.retryAfter).toBe(30);
		expect(e.message).toBe('Too many attempts. Try again in 30 s.');
		const said = await toApiError(
			problem(
				429,
				{ detail: 'Too many requests; try again in 3 s.', code: 'rate_limited' },
				{ 'retry-after': '3' }
			)
		);
		expect(said.message).toBe('Too many requests; try again in 3 s.');
	});

	it('falls back to a status message when the body is not a problem', async () => {
		const e = await toApiError(new Response('<html>bad gateway</html>', { status: 502 }));
		expect(e.code).toBe('http_502');
		expect(e.message).toBe('The service is unavailable right now.');
	});

	it('sends the bearer token and JSON body, and retries once after a refresh on token_expired', async () => {
		const seen: { auth: string | null; body: string | null }[] = [];
		const fakeFetch = (async (_url: string, init: RequestInit) => {
			const headers = init.headers as Record<string, string>;
			seen.push({ auth: headers.authorization ?? null, body: (init.body as string) ?? null });
			if (headers.authorization === 'Bearer old') return problem(401, { code: 'token_expired' });
			return new Response(JSON.stringify({ ok: true }), {
				status: 200,
				headers: { 'content-type': 'application/json' }
			});
		}) as unknown as typeof fetch;
		const http = new Http({
			baseUrl: '',
			fetch: fakeFetch,
			token: () => 'old',
			refresh: async () => 'new'
		});
		expect(await http.post('/api/v1/x', { a: 1 })).toEqual({ ok: true });
		expect(seen).toEqual([
			{ auth: 'Bearer old', body: '{"a":1}' },
			{ auth: 'Bearer new', body: '{"a":1}' }
		]);
	});

	it('answers 204 with undefined and a network failure with a clear error', async () => {
		const ok = new Http({
			baseUrl: '',
			fetch: (async () => new Response(null, { status: 204 })) as unknown as typeof fetch
		});
		expect(await ok.delete('/x')).toBeUndefined();
		const down = new Http({
			baseUrl: '',
			fetch: (async () => {
				throw new TypeError('fetch failed');
			}) as unknown as typeof fetch
		});
		await expect(down.get('/x')).rejects.toMatchObject({ code: 'network_error', status: 0 });
	});
});
