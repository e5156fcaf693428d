// Every request: Auth.js first (it answers its own /auth/* routes), then the session is checked
// before anything trusts it, then security headers. Pages that need a user redirect in their
// layout load (src/routes/(app)/+layout.server.ts), endpoints answer 401 themselves.
import {
	error,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { authSecret, handle as authHandle } from './auth';
import { serverApi } from '$lib/server/gateway';
import { verifyAccessToken } from '$lib/server/verify';

/** Fails the start, not every request, when a production secret is missing. */
export const init: ServerInit = () => {
	authSecret();
};

const SESSION_COOKIE = /(^|\.)authjs\.session-token(\.\d+)?$/;

const verifySession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.accessToken = null;
	event.locals.accessTokenExpires = null;
	event.locals.refreshAt = null;

	const session = event.url.pathname.startsWith('/auth/') ? null : await event.locals.auth();
	const user = session?.user;
	if (user?.id && session?.accessToken) {
		const verdict = await verifyAccessToken(session.accessToken, user.id);
		if (verdict.ok) {
			event.locals.user = {
				id: user.id,
				username: user.username,
				name: user.name ?? user.username,
				image: user.image ?? null
			};
			event.locals.accessToken = session.accessToken;
			event.locals.accessTokenExpires = session.accessTokenExpires ?? null;
			event.locals.refreshAt = session.refreshAt ?? null;
		} else if (verdict.reason === 'invalid') {
			// forged, foreign or for another user: drop the cookie, the visitor is signed out
			for (const c of event.cookies.getAll()) {
				if (SESSION_COOKIE.test(c.name)) event.cookies.delete(c.name, { path: '/' });
			}
		} else if (event.url.pathname !== '/logout') {
			// cannot check it now (auth-service unreachable, or a refresh is overdue)
			error(503, {
				message: 'Dingus cannot reach its server right now. Please try again in a moment.',
				code: 'service_unavailable'
			});
		}
	}
	event.locals.api = serverApi(event.locals.accessToken);
	// signed-out visitors go to the sign-in page before any app page is sent (data requests
	// are redirected by the app layout's load instead, which the client router understands)
	if (!event.locals.user && !event.isDataRequest && !isPublic(event.url.pathname)) {
		const next = event.url.pathname + event.url.search;
		redirect(303, next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
	}
	return resolve(event);
};

const PUBLIC_PAGES = new Set(['/login', '/signup', '/logout']);
const PUBLIC_PREFIXES = ['/auth/', '/session/', '/_app/', '/favicon'];

function isPublic(path: string): boolean {
	return PUBLIC_PAGES.has(path) || PUBLIC_PREFIXES.some((p) => path.startsWith(p));
}

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user && !h.has('Cache-Control')) h.set('Cache-Control', 'private, no-store');
	return response;
};

/**
 * Cookies are Secure exactly when the page is served over https. (SvelteKit's default marks them
 * Secure on any host but `localhost`, and @auth/sveltekit does not pass Auth.js's own choice on,
 * so over plain http on 127.0.0.1 the renewed session cookie would no longer match the first.)
 */
const cookieDefaults: Handle = ({ event, resolve }) => {
	const set = event.cookies.set.bind(event.cookies);
	const secure = event.url.protocol === 'https:';
	event.cookies.set = (name, value, opts) => set(name, value, { secure, ...opts });
	return resolve(event);
};

export const handle = sequence(cookieDefaults, authHandle, verifySession, securityHeaders);

export const handleError: HandleServerError = ({ error: e, status }) => {
	// never echo internals; the status decides what the user is told
	if (status === 404) return { message: 'This page does not exist.', code: 'not_found' };
	console.error('unhandled error', e instanceof Error ? e.name + ': ' + e.message : 'unknown');
	return { message: 'Something went wrong on our side.', code: 'internal_error' };
};
