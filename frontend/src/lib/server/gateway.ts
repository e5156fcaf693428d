// Server-side access to the gateway. The browser uses relative URLs on the page's own origin;
// SvelteKit's server reaches the same API at DINGUS_API_URL.
import { env } from '$env/dynamic/private';
import { createApi } from '$lib/api';
import type { RequestEvent } from '@sveltejs/kit';

export function gatewayUrl(): string {
	return (env.DINGUS_API_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
}

/**
 * An API client for server code, acting as the user whose token is given (or anonymously).
 * `forwardedFor` names the browser behind this server, so that sign-in throttling and rate limits
 * count per person, not per frontend process.
 */
export function serverApi(token: string | null = null, forwardedFor?: string) {
	return createApi({
		baseUrl: gatewayUrl(),
		fetch,
		token: () => token,
		headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : undefined
	});
}

/** The X-Forwarded-For chain of a request as seen by this server, with its direct peer appended. */
export function forwardedFor(event: RequestEvent): string {
	let peer = '';
	try {
		peer = event.getClientAddress();
	} catch {
		// not available in every context (e.g. during prerendering)
	}
	const chain = event.request.headers.get('x-forwarded-for')?.trim();
	return [chain, peer].filter(Boolean).join(', ');
}
