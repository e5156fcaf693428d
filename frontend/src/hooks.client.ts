// Unexpected errors in the browser: logged to the console (for bug reports and the browser tests),
// shown to the person as a short sentence.
import type { HandleClientError } from '@sveltejs/kit';

export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error('DingusGui error:', error);
	return {
		message: status === 404 ? 'This page does not exist.' : message || 'Something went wrong.',
		code: status === 404 ? 'not_found' : 'client_error'
	};
};
