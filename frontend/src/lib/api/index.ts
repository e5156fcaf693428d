// The typed Dingus API client: one module per service over one Http core.
import { authApi } from './auth';
import { Http, type ApiOptions } from './http';
import { messagesApi } from './messages';
import { notificationsApi } from './notifications';
import { presenceApi } from './presence';
import { roomsApi } from './rooms';

export { ApiError, type FieldError } from './http';
export type * from './types';

export function createApi(options: ApiOptions) {
	const http = new Http(options);
	return {
		auth: authApi(http),
		rooms: roomsApi(http),
		messages: messagesApi(http),
		presence: presenceApi(http),
		notifications: notificationsApi(http)
	};
}

export type Api = ReturnType<typeof createApi>;

/** A user-facing sentence for any thrown value. */
export function errorMessage(e: unknown): string {
	if (e instanceof Error && e.message) return e.message;
	return 'Something went wrong.';
}
