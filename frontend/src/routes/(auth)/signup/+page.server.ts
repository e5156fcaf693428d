import { establishSession } from '../../../auth';
import { forwardedFor, serverApi } from '$lib/server/gateway';
import { fieldErrors, formMessage } from '$lib/server/forms';
import { putHandoff } from '$lib/server/tokens';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = {
			username: String(form.get('username') ?? '').trim(),
			email: String(form.get('email') ?? '').trim(),
			displayName: String(form.get('displayName') ?? '').trim()
		};
		const password = String(form.get('password') ?? '');
		const confirm = String(form.get('confirm') ?? '');
		const errors: Record<string, string> = {};
		// the same rules as auth-service, so most mistakes are caught without a round trip
		if (!/^[A-Za-z0-9_.-]{3,32}$/.test(values.username)) {
			errors.username = "Use 3 to 32 characters: letters, digits, '_', '.' or '-'.";
		}
		if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email))
			errors.email = 'Enter a valid e-mail address.';
		if (password.length < 8 || password.length > 128) errors.password = 'Use 8 to 128 characters.';
		if (password !== confirm) errors.confirm = 'The passwords do not match.';
		if (Object.keys(errors).length) {
			return fail(400, { values, errors, message: 'Please correct the marked fields.' });
		}
		let nonce: string;
		try {
			const res = await serverApi(null, forwardedFor(event)).auth.register({
				username: values.username,
				email: values.email,
				password,
				displayName: values.displayName || undefined
			});
			nonce = putHandoff(res);
		} catch (e) {
			return fail(400, { values, errors: fieldErrors(e), message: formMessage(e) });
		}
		if (!(await establishSession(event, nonce))) {
			// the account exists; only the session failed to start
			redirect(303, '/login');
		}
		redirect(303, '/');
	}
};
