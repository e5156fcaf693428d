// Checks the Dingus access token held in a session against auth-service's published keys
// before the server trusts the session: signature, issuer, expiry, and that it names the
// session's user. The key set is cached and re-fetched when an unknown `kid` shows up.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { gatewayUrl } from './gateway';

let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;
let jwksFor = '';

function keySet() {
	const url = `${gatewayUrl()}/.well-known/jwks.json`;
	if (!jwks || jwksFor !== url) {
		jwks = createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
		jwksFor = url;
	}
	return jwks;
}

export type Verdict =
	{ ok: true; claims: JWTPayload } | { ok: false; reason: 'invalid' | 'expired' | 'unavailable' };

export async function verifyAccessToken(token: string, userId: string): Promise<Verdict> {
	try {
		const { payload } = await jwtVerify(token, keySet(), {
			issuer: 'dingus',
			algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256', 'EdDSA'],
			clockTolerance: 5
		});
		if (payload.sub !== userId) return { ok: false, reason: 'invalid' };
		return { ok: true, claims: payload };
	} catch (e) {
		if (e instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
		if (
			e instanceof errors.JOSEError &&
			!(e instanceof errors.JWKSTimeout) &&
			e.code !== 'ERR_JOSE_GENERIC'
		) {
			return { ok: false, reason: 'invalid' };
		}
		// the key set could not be fetched: we cannot judge the token now
		return { ok: false, reason: 'unavailable' };
	}
}
