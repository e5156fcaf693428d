// Auth.js for DingusGui. The session is an encrypted JWT in an httpOnly cookie that holds the
// Dingus access and refresh tokens; the access token is renewed silently before it expires.
// See docs/adr/0007-frontend-auth.md.
import { building, dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import { ApiError } from '$lib/api/http';
import type { AuthResponse } from '$lib/api/types';
import { forwardedFor, gatewayUrl, serverApi } from '$lib/server/gateway';
import { externalProviders } from '$lib/server/providers';
import {
	endDingusSession,
	fromAuthResponse,
	isFinalRefreshError,
	mayForceRefresh,
	needsRefresh,
	refreshOnce,
	takeHandoff,
	type DingusTokens
} from '$lib/server/tokens';
import { Auth, raw, setEnvDefaults, skipCSRFCheck } from '@auth/core';
import { CredentialsSignin, SvelteKitAuth, type SvelteKitAuthConfig } from '@auth/sveltekit';
import Credentials from '@auth/sveltekit/providers/credentials';
import type { RequestEvent } from '@sveltejs/kit';

/** Carries auth-service's stable error code to the sign-in form (`?code=`). */
class DingusSignInError extends CredentialsSignin {
	constructor(code: string) {
		super();
		this.code = code;
	}
}

const DEV_SECRET = 'dingus-development-only-auth-secret-change-me-0123456789';

/** The key of the session cookie; production refuses to run on the development default. */
export function authSecret(): string {
	const secret = env.AUTH_SECRET;
	if (secret && secret.length >= 32) return secret;
	if (process.env.NODE_ENV === 'production' && !dev && !building) {
		throw new Error('AUTH_SECRET (at least 32 characters) must be set in production');
	}
	return DEV_SECRET;
}

/** OIDC/OAuth sign-in: auth-service exchanges the provider's token for Dingus tokens. */
async function exchange(
	provider: string,
	idToken: string | undefined,
	accessToken: string | undefined,
	client: string | undefined
) {
	const res = await fetch(`${gatewayUrl()}/api/v1/auth/oidc`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/json',
			...(client ? { 'x-forwarded-for': client } : {})
		},
		body: JSON.stringify({ provider, idToken, accessToken })
	});
	if (!res.ok) throw new Error(`auth-service refused the ${provider} sign-in (${res.status})`);
	return (await res.json()) as AuthResponse;
}

/** The Auth.js configuration, built per request so that the environment is read at run time. */
export function authConfig(event?: RequestEvent): SvelteKitAuthConfig {
	// calls to auth-service name the browser behind us (throttling counts per person)
	const client = event ? forwardedFor(event) : undefined;
	const anonymous = () => serverApi(null, client);
	const config: SvelteKitAuthConfig = {
		secret: authSecret(),
		trustHost: true,
		session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
		pages: { signIn: '/login', error: '/login' },
		providers: [
			Credentials({
				id: 'credentials',
				name: 'Dingus account',
				credentials: {
					login: { label: 'Username or e-mail' },
					password: { label: 'Password', type: 'password' },
					handoff: {}
				},
				async authorize(credentials) {
					let res: AuthResponse | null = null;
					if (typeof credentials.handoff === 'string' && credentials.handoff) {
						// our own form action already logged in or registered
						res = takeHandoff(credentials.handoff);
						if (!res) throw new DingusSignInError('handoff_expired');
					} else {
						const login = String(credentials.login ?? '').trim();
						const password = String(credentials.password ?? '');
						if (!login || !password) throw new DingusSignInError('validation_failed');
						try {
							res = await anonymous().auth.login(login, password);
						} catch (e) {
							throw new DingusSignInError(e instanceof ApiError ? e.code : 'network_error');
						}
					}
					return {
						id: res.user.id,
						name: res.user.displayName || res.user.username,
						email: res.user.email ?? null,
						image: res.user.avatarUrl,
						dingus: fromAuthResponse(res)
					};
				}
			}),
			...externalProviders()
		],
		callbacks: {
			async jwt({ token, user, account, trigger, session }) {
				if (account && user) {
					if (account.provider === 'credentials' && user.dingus) {
						token.dingus = user.dingus;
					} else {
						const res = await exchange(
							account.provider,
							account.id_token,
							account.access_token,
							client
						);
						token.dingus = fromAuthResponse(res);
						token.name = res.user.displayName || res.user.username;
					}
					delete token.error;
					return token;
				}
				const cur = token.dingus;
				if (!cur) return null;
				if (Date.now() >= cur.refreshExpiresAt) return null;
				// a forced renewal (the page's token was refused, e.g. revoked elsewhere) or a due one
				const forced = trigger === 'update' && (session as { renew?: boolean })?.renew === true;
				if (!needsRefresh(cur) && !(forced && mayForceRefresh(cur))) return token;
				try {
					token.dingus = await refreshOnce(cur, (rt) => anonymous().auth.refresh(rt));
					delete token.error;
					return token;
				} catch (e) {
					// revoked, reused or expired: the session is over; otherwise try again next time
					if (isFinalRefreshError(e)) return null;
					token.error = 'refresh_unavailable';
					return token;
				}
			},
			session({ session, token }) {
				const t = token.dingus as DingusTokens;
				return {
					...session,
					user: {
						...session.user,
						id: t.userId,
						username: t.username,
						name: session.user?.name ?? t.username
					},
					accessToken: t.accessToken,
					accessTokenExpires: t.accessExpiresAt,
					refreshAt: t.refreshAt,
					error: token.error
				};
			}
		},
		events: {
			async signOut(message) {
				// end the Dingus session too, so its tokens are refused everywhere at once
				const t = 'token' in message ? message.token?.dingus : undefined;
				if (!t) return;
				await endDingusSession(
					t,
					(rt) => anonymous().auth.refresh(rt),
					(at) => serverApi(at, client).auth.logout()
				);
			}
		}
	};
	return config;
}

export const { handle, signIn } = SvelteKitAuth(async (event) => authConfig(event));

/** Runs one Auth.js action inside our own form action and copies its cookies to the response. */
async function runAuthAction(
	event: RequestEvent,
	action: string,
	body: URLSearchParams | { data: unknown }
) {
	const config = authConfig(event);
	config.basePath = '/auth';
	config.skipCSRFCheck = skipCSRFCheck; // our form actions are protected by SvelteKit's origin check
	setEnvDefaults(env, config, true);
	const req = new Request(new URL(`/auth/${action}`, event.url.origin), {
		method: 'POST',
		headers: {
			'content-type':
				body instanceof URLSearchParams ? 'application/x-www-form-urlencoded' : 'application/json',
			cookie: event.request.headers.get('cookie') ?? ''
		},
		body: body instanceof URLSearchParams ? body : JSON.stringify(body)
	});
	const res = await Auth(req, { ...config, raw });
	for (const c of res.cookies ?? []) {
		event.cookies.set(c.name, c.value, { path: '/', ...c.options });
	}
	return res;
}

/**
 * Starts the Auth.js session for tokens our form action obtained from auth-service (login or
 * register): they are handed to the credentials provider through a one-time nonce.
 */
export async function establishSession(event: RequestEvent, nonce: string): Promise<boolean> {
	const res = await runAuthAction(
		event,
		'callback/credentials',
		new URLSearchParams({ handoff: nonce, callbackUrl: '/' })
	);
	return !!res.redirect && !/[?&]error=/.test(res.redirect);
}

/**
 * Renews the Dingus tokens now, whatever their age (the page's token was refused): an Auth.js
 * session update. Returns the new session, or null when the session is over.
 */
export async function renewSession(event: RequestEvent) {
	const res = await runAuthAction(event, 'session', { data: { renew: true } });
	const session = res.body as
		{ accessToken?: string; accessTokenExpires?: number; refreshAt?: number } | undefined;
	return session?.accessToken ? session : null;
}

/** Ends the Auth.js session; its signOut event revokes the Dingus session as well. */
export async function endSession(event: RequestEvent): Promise<void> {
	await runAuthAction(event, 'signout', new URLSearchParams({ callbackUrl: '/login' }));
}
