import { establishSession, signIn } from '../../../auth';
import { forwardedFor, serverApi } from '$lib/server/gateway';
import { formMessage, safeNext, signInErrorText } from '$lib/server/forms';
import { externalProviderInfo } from '$lib/server/providers';
import { putHandoff } from '$lib/server/tokens';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return {
		next,
		providers: externalProviderInfo(),
		urlError: signInErrorText(url.searchParams.get('code'), url.searchParams.get('error'))
	};
};

export const actions: Actions = {
	login: async (event) => {
		const form = await event.request.formData();
		const login = String(form.get('login') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const next = safeNext(form.get('next'));
		if (!login || !password) {
			return fail(400, { login, message: 'Enter your username or e-mail and your password.' });
		}
		let nonce: string;
		try {
			nonce = putHandoff(await serverApi(null, forwardedFor(event)).auth.login(login, password));
		} catch (e) {
			return fail(400, { login, message: formMessage(e) });
		}
		if (!(await establishSession(event, nonce))) {
			return fail(500, { login, message: 'Could not start your session. Please try again.' });
		}
		redirect(303, next);
	},
	// OAuth / OIDC: Auth.js redirects to the provider and back to /auth/callback/<id>
	provider: signIn
};
