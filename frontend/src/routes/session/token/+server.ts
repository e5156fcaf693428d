// The page's way to a fresh access token: reading the session runs the Auth.js `jwt` callback,
// which renews the Dingus tokens when they are near expiry and rewrites the session cookie.
import { renewSession } from '../../../auth';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'no-store' };

export const GET: RequestHandler = ({ locals }) => {
	const headers = { 'cache-control': 'no-store' };
	if (!locals.user || !locals.accessToken) {
		return json({ code: 'unauthorized', message: 'Not signed in.' }, { status: 401, headers });
	}
	return json(
		{
			accessToken: locals.accessToken,
			expiresAt: locals.accessTokenExpires,
			refreshAt: locals.refreshAt
		},
		{ headers }
	);
};

/**
 * POST renews the tokens now: the page calls it when the API or Socket.IO refused its token
 * (revoked elsewhere, or the clock was off). A session that cannot be renewed ends here: 401.
 */
export const POST: RequestHandler = async (event) => {
	if (!event.locals.user) {
		return json(
			{ code: 'unauthorized', message: 'Not signed in.' },
			{ status: 401, headers: NO_STORE }
		);
	}
	const session = await renewSession(event);
	if (!session) {
		return json(
			{ code: 'session_revoked', message: 'Your session has ended. Please sign in again.' },
			{ status: 401, headers: NO_STORE }
		);
	}
	return json(
		{
			accessToken: session.accessToken,
			expiresAt: session.accessTokenExpires ?? null,
			refreshAt: session.refreshAt ?? null
		},
		{ headers: NO_STORE }
	);
};
