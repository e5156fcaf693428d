// presence-service: who is online, and my own status.
import type { Http } from './http';
import type { Presence, SettablePresence } from './types';

export function presenceApi(http: Http) {
	return {
		get: (userId: string) => http.get<Presence>(`/api/v1/presence/${encodeURIComponent(userId)}`),
		query: (userIds: string[]) =>
			http.post<{ items: Presence[] }>('/api/v1/presence/query', {
				userIds: userIds.slice(0, 200)
			}),
		setMine: (status: SettablePresence) => http.put<Presence>('/api/v1/presence/me', { status }),
		activity: () => http.post<void>('/api/v1/presence/me/activity')
	};
}
