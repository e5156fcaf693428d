// Sign-in providers besides username/password, switched on by environment variables. Signing in
// with one of them trades the provider's token for Dingus tokens at auth-service
// (POST /api/v1/auth/oidc), since every Dingus service only trusts Dingus-signed tokens.
import { env } from '$env/dynamic/private';
import type { Provider } from '@auth/sveltekit/providers';
import GitHub from '@auth/sveltekit/providers/github';
import Google from '@auth/sveltekit/providers/google';

export interface ProviderInfo {
	id: string;
	name: string;
}

export function externalProviders(): Provider[] {
	const out: Provider[] = [];
	if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID) {
		out.push({
			id: 'oidc',
			name: env.AUTH_OIDC_NAME || 'Single sign-on',
			type: 'oidc',
			issuer: env.AUTH_OIDC_ISSUER,
			clientId: env.AUTH_OIDC_ID,
			clientSecret: env.AUTH_OIDC_SECRET,
			authorization: { params: { scope: 'openid profile email' } },
			checks: ['pkce', 'state', 'nonce']
		});
	}
	if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
		out.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
	}
	if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
		out.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
	}
	return out;
}

/** For the sign-in page: the buttons to show. */
export function externalProviderInfo(): ProviderInfo[] {
	return externalProviders().map((p) => {
		const c = typeof p === 'function' ? p() : p;
		return { id: c.id, name: c.name };
	});
}
