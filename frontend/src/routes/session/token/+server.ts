// The page's way to a fresh access token: reading the session runs the Auth.js `jwt` callback,
// which renews the Dingus tokens when they are near expiry and rewrites the session cookie.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

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
