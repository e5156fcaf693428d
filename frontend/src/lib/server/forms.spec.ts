import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api/http';
import { fieldErrors, formMessage, safeNext, signInErrorText } from './forms';

describe('form helpers', () => {
	it('accepts only local paths as the place to go after signing in', () => {
		expect(safeNext('/rooms/1')).toBe('/rooms/1');
		expect(safeNext('//evil.example')).toBe('/');
		expect(safeNext('/\\evil.example')).toBe('/');
		expect(safeNext('https://evil.example')).toBe('/');
		expect(safeNext('/auth/signout')).toBe('/');
		expect(safeNext(null)).toBe('/');
		// Browsers drop tabs and line breaks from a Location and read '\\' as '/': these are '//evil.example'.
		expect(safeNext('/\t/evil.example')).toBe('/');
		expect(safeNext('/\n/evil.example')).toBe('/');
		expect(safeNext('/\t\\evil.example')).toBe('/');
		expect(safeNext('/%2F/evil.example')).toBe('/%2F/evil.example');
		expect(safeNext('/rooms/1?tab=2#m')).toBe('/rooms/1?tab=2#m');
		expect(safeNext('/./auth/signout')).toBe('/');
	});

	it('maps server errors to form messages and field errors', () => {
		const taken = new ApiError(409, 'username_taken', 'Username is taken');
		expect(fieldErrors(taken)).toEqual({ username: 'This username is taken.' });
		const invalid = new ApiError(400, 'validation_failed', 'Invalid', [
			{ field: 'email', message: 'must be a well-formed email address' }
		]);
		expect(formMessage(invalid)).toBe('Please correct the marked fields.');
		expect(fieldErrors(invalid)).toEqual({ email: 'must be a well-formed email address' });
		expect(formMessage(new ApiError(401, 'invalid_credentials', 'x'))).toBe(
			'Wrong username, e-mail or password.'
		);
		expect(formMessage(new Error('boom'))).toBe('Something went wrong. Please try again.');
	});

	it('explains sign-in failures reported in the URL', () => {
		expect(signInErrorText(null, null)).toBeNull();
		expect(signInErrorText('rate_limited', 'CredentialsSignin')).toMatch(/Too many/);
		expect(signInErrorText(null, 'Configuration')).toMatch(/not configured/);
	});
});
