// Small helpers shared by the sign-in and sign-up form actions.
import { ApiError } from '$lib/api/http';

const LOCAL = 'http://dingus.local';

/**
 * Only same-site paths may be a post-login destination (no open redirects). The value is read the way a browser reads
 * a Location header, which drops tabs and line breaks and takes `\` for `/`: `/\t/evil.example` is `//evil.example`
 * there. So it is parsed with the URL parser against a fixed origin, and only a result on that origin is kept,
 * re-serialized (a control character left in it would also make the header itself fail).
 */
export function safeNext(value: FormDataEntryValue | string | null | undefined): string {
	const v = typeof value === 'string' ? value : '';
	if (!v.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(v)) return '/';
	let url: URL;
	try {
		url = new URL(v, LOCAL);
	} catch {
		return '/';
	}
	if (url.origin !== LOCAL || url.pathname.startsWith('/auth/')) return '/';
	return url.pathname + url.search + url.hash;
}

/** A sentence for the form, preferring what the server said. */
export function formMessage(e: unknown): string {
	if (e instanceof ApiError) {
		if (e.code === 'invalid_credentials') return 'Wrong username, e-mail or password.';
		if (e.code === 'validation_failed' && e.fieldErrors.length)
			return 'Please correct the marked fields.';
		return e.message;
	}
	return 'Something went wrong. Please try again.';
}

export function fieldErrors(e: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!(e instanceof ApiError)) return out;
	for (const f of e.fieldErrors) out[f.field] ??= f.message;
	if (e.code === 'username_taken') out.username ??= 'This username is taken.';
	if (e.code === 'email_taken') out.email ??= 'An account with this e-mail exists already.';
	return out;
}

/** Messages for the `code` Auth.js puts in the URL when a sign-in flow fails. */
export function signInErrorText(code: string | null, error: string | null): string | null {
	if (!code && !error) return null;
	switch (code) {
		case 'invalid_credentials':
			return 'Wrong username, e-mail or password.';
		case 'rate_limited':
			return 'Too many sign-in attempts. Please wait a minute and try again.';
		case 'network_error':
			return 'Cannot reach the server. Please try again.';
		case 'handoff_expired':
			return 'The sign-in took too long. Please try again.';
	}
	if (error === 'OAuthAccountNotLinked') return 'This account is linked to another sign-in method.';
	if (error === 'AccessDenied') return 'Access was denied.';
	if (error === 'Configuration') return 'Sign-in is not configured correctly on this server.';
	return 'Sign-in failed. Please try again.';
}
