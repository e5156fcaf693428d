// auth-service: identity, profile, user search, friends.
import type { Http } from './http';
import type { AuthResponse, Friends, User } from './types';

export interface RegisterRequest {
	username: string;
	email: string;
	password: string;
	displayName?: string;
}

/** A field left out (or null) stays as it is; an empty string clears it. */
export interface ProfileUpdate {
	displayName?: string | null;
	avatarUrl?: string | null;
	statusText?: string | null;
}

export function authApi(http: Http) {
	const seg = encodeURIComponent;
	return {
		register: (req: RegisterRequest) => http.post<AuthResponse>('/api/v1/auth/register', req),
		login: (login: string, password: string) =>
			http.post<AuthResponse>('/api/v1/auth/login', { login, password }),
		refresh: (refreshToken: string) =>
			http.post<AuthResponse>('/api/v1/auth/refresh', { refreshToken }),
		logout: () => http.post<void>('/api/v1/auth/logout'),
		me: () => http.get<User>('/api/v1/auth/me'),
		updateProfile: (update: ProfileUpdate) => http.patch<User>('/api/v1/users/me', update),
		changePassword: (currentPassword: string, newPassword: string) =>
			http.post<void>('/api/v1/users/me/password', { currentPassword, newPassword }),
		searchUsers: (q: string, limit = 10) =>
			http.get<{ items: User[] }>('/api/v1/users', { q, limit }),
		user: (id: string) => http.get<User>(`/api/v1/users/${seg(id)}`),
		usersBatch: (ids: string[]) =>
			http.get<{ items: User[] }>('/api/v1/users/batch', { ids: ids.join(',') }),
		friends: () => http.get<Friends>('/api/v1/friends'),
		requestFriend: (userId: string) => http.post<void>('/api/v1/friends/requests', { userId }),
		acceptFriend: (userId: string) =>
			http.post<void>(`/api/v1/friends/requests/${seg(userId)}/accept`),
		declineFriend: (userId: string) =>
			http.post<void>(`/api/v1/friends/requests/${seg(userId)}/decline`),
		removeFriend: (userId: string) => http.delete(`/api/v1/friends/${seg(userId)}`)
	};
}
