// Every signed-in page: no session → the sign-in page; otherwise the page gets the user and
// the access token it needs for the API and Socket.IO (kept in memory by the page only).
import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user || !locals.accessToken) {
		const next = url.pathname + url.search;
		redirect(303, next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
	}
	return {
		user: locals.user,
		token: {
			accessToken: locals.accessToken,
			expiresAt: locals.accessTokenExpires,
			refreshAt: locals.refreshAt
		}
	};
};
