// notification-service: stored notifications and per-room mutes.
import type { Http } from './http';
import type { NotificationPage } from './types';

export function notificationsApi(http: Http) {
	return {
		list: (unreadOnly = false, page = 0, size = 20) =>
			http.get<NotificationPage>('/api/v1/notifications', { unreadOnly, page, size }),
		unreadCount: () => http.get<{ unread: number }>('/api/v1/notifications/unread-count'),
		markRead: (id: string) =>
			http.post<void>(`/api/v1/notifications/${encodeURIComponent(id)}/read`),
		markAllRead: () => http.post<void>('/api/v1/notifications/read-all'),
		setMuted: (roomId: string, muted: boolean) =>
			http.put<void>(`/api/v1/notifications/mutes/${encodeURIComponent(roomId)}`, { muted })
	};
}
