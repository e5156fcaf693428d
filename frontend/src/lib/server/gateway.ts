// Server-side access to the gateway. The browser uses relative URLs on the page's own origin;
// SvelteKit's server reaches the same API at DINGUS_API_URL.
import { env } from '$env/dynamic/private';
import { createApi } from '$lib/api';

export function gatewayUrl(): string {
	return (env.DINGUS_API_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
}

/** An API client for server code, acting as the user whose token is given (or anonymously). */
export function serverApi(token: string | null = null) {
	return createApi({ baseUrl: gatewayUrl(), fetch, token: () => token });
}
