// message-service: history, sending over HTTP (fallback), edits, read state, search.
import type { Http } from './http';
import type { Message, MessagePage, Page, Unread } from './types';

export interface HistoryQuery {
	beforeSeq?: number;
	afterSeq?: number;
	limit?: number;
}

export function messagesApi(http: Http) {
	const seg = encodeURIComponent;
	return {
		history: (roomId: string, q: HistoryQuery = {}) =>
			http.get<MessagePage>(`/api/v1/rooms/${seg(roomId)}/messages`, { ...q }),
		send: (roomId: string, content: string, clientMsgId?: string) =>
			http.post<Message>(`/api/v1/rooms/${seg(roomId)}/messages`, { content, clientMsgId }),
		edit: (id: string, content: string) =>
			http.patch<Message>(`/api/v1/messages/${seg(id)}`, { content }),
		remove: (id: string) => http.delete(`/api/v1/messages/${seg(id)}`),
		markRead: (roomId: string, seq: number) =>
			http.post<void>(`/api/v1/rooms/${seg(roomId)}/read`, { seq }),
		unread: () => http.get<Unread>('/api/v1/messages/unread'),
		search: (q: string, roomId?: string, page = 0, size = 20) =>
			http.get<Page<Message>>('/api/v1/messages/search', { q, roomId, page, size })
	};
}
