// The one place that speaks HTTP to the gateway: JSON in and out, RFC 9457 problems turned into
// ApiError, the bearer token attached, and one silent retry after a token refresh on 401.

export interface FieldError {
	field: string;
	message: string;
}

/** A failed API call, carrying the server's stable `code` so the UI can react to it. */
export class ApiError extends Error {
	readonly status: number;
	readonly code: string;
	readonly fieldErrors: FieldError[];
	readonly retryAfter: number | null;

	constructor(
		status: number,
		code: string,
		message: string,
		fieldErrors: FieldError[] = [],
		retryAfter: number | null = null
	) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.code = code;
		this.fieldErrors = fieldErrors;
		this.retryAfter = retryAfter;
	}

	/** The message for a given form field, if the server reported one. */
	field(name: string): string | undefined {
		return this.fieldErrors.find((e) => e.field === name)?.message;
	}
}

export interface ApiOptions {
	/** '' in the browser (same origin); the gateway URL on the server */
	baseUrl: string;
	fetch: typeof fetch;
	/** current access token, or null when anonymous */
	token?: () => string | null | Promise<string | null>;
	/** called once on a 401 `token_expired`; returns a fresh token or null */
	refresh?: () => Promise<string | null>;
	/** sent with every request (server side: the client's address for throttling) */
	headers?: Record<string, string>;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
	query?: Query;
	body?: unknown;
	signal?: AbortSignal;
}

const FALLBACK_MESSAGES: Record<number, string> = {
	400: 'The request was not accepted.',
	401: 'Your session has ended. Please sign in again.',
	403: 'You are not allowed to do that.',
	404: 'Not found.',
	409: 'That conflicts with the current state.',
	413: 'That is too large.',
	429: 'Too many requests. Please wait a moment.',
	502: 'The service is unavailable right now.',
	503: 'The service is unavailable right now.',
	504: 'The service did not answer in time.'
};

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
	let url = baseUrl.replace(/\/$/, '') + path;
	if (query) {
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(query)) {
			if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
		}
		const qs = params.toString();
		if (qs) url += (url.includes('?') ? '&' : '?') + qs;
	}
	return url;
}

/** Turns any non-2xx response into an ApiError, reading problem+json when present. */
export async function toApiError(res: Response): Promise<ApiError> {
	let code = `http_${res.status}`;
	let message = FALLBACK_MESSAGES[res.status] ?? `Request failed (${res.status}).`;
	let fieldErrors: FieldError[] = [];
	const retryHeader = res.headers.get('retry-after');
	const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
	const type = res.headers.get('content-type') ?? '';
	if (type.includes('json')) {
		try {
			const body = (await res.json()) as Record<string, unknown>;
			if (typeof body.code === 'string') code = body.code;
			const detail = typeof body.detail === 'string' ? body.detail : undefined;
			const title = typeof body.title === 'string' ? body.title : undefined;
			const plain = typeof body.message === 'string' ? body.message : undefined;
			message = detail || plain || title || message;
			if (Array.isArray(body.errors)) {
				fieldErrors = body.errors
					.filter((e): e is FieldError => !!e && typeof e === 'object' && 'field' in e)
					.map((e) => ({ field: String(e.field), message: String(e.message ?? '') }));
			}
		} catch {
			// a broken body still yields the status-based message
		}
	}
	if (code === 'rate_limited' && retryAfter && !/try again/i.test(message)) {
		message = `${message} Try again in ${retryAfter} s.`;
	}
	return new ApiError(res.status, code, message, fieldErrors, retryAfter);
}

export class Http {
	constructor(private readonly opts: ApiOptions) {}

	get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
		return this.request<T>('GET', path, { query, signal });
	}
	post<T>(path: string, body?: unknown, query?: Query): Promise<T> {
		return this.request<T>('POST', path, { body, query });
	}
	patch<T>(path: string, body?: unknown): Promise<T> {
		return this.request<T>('PATCH', path, { body });
	}
	put<T>(path: string, body?: unknown): Promise<T> {
		return this.request<T>('PUT', path, { body });
	}
	delete<T = void>(path: string): Promise<T> {
		return this.request<T>('DELETE', path, {});
	}

	async request<T>(method: string, path: string, options: RequestOptions): Promise<T> {
		const token = (await this.opts.token?.()) ?? null;
		let res = await this.send(method, path, options, token);
		if (res.status === 401 && token && this.opts.refresh) {
			const err = await toApiError(res.clone());
			if (err.code === 'token_expired' || err.code === 'token_invalid') {
				const fresh = await this.opts.refresh();
				if (fresh) res = await this.send(method, path, options, fresh);
			}
		}
		if (!res.ok) throw await toApiError(res);
		if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
		const text = await res.text();
		return (text ? JSON.parse(text) : undefined) as T;
	}

	private async send(
		method: string,
		path: string,
		options: RequestOptions,
		token: string | null
	): Promise<Response> {
		const headers: Record<string, string> = { ...this.opts.headers, accept: 'application/json' };
		if (token) headers.authorization = `Bearer ${token}`;
		let body: string | undefined;
		if (options.body !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(options.body);
		}
		try {
			return await this.opts.fetch(buildUrl(this.opts.baseUrl, path, options.query), {
				method,
				headers,
				body,
				signal: options.signal
			});
		} catch (e) {
			if (e instanceof DOMException && e.name === 'AbortError') throw e;
			throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection.');
		}
	}
}
