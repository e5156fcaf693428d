// room-service: rooms, membership, roles, DMs.
import type { Http } from './http';
import type { Member, Page, PostPolicy, Role, Room, RoomKind } from './types';

export interface CreateRoom {
	name: string;
	topic?: string;
	kind: Exclude<RoomKind, 'dm'>;
	postPolicy?: PostPolicy;
}

export type RoomUpdate = Partial<Pick<CreateRoom, 'name' | 'topic' | 'kind' | 'postPolicy'>>;

export function roomsApi(http: Http) {
	const seg = encodeURIComponent;
	return {
		create: (req: CreateRoom) => http.post<Room>('/api/v1/rooms', req),
		mine: () => http.get<{ items: Room[] }>('/api/v1/rooms'),
		discover: (q: string, page = 0, size = 20) =>
			http.get<Page<Room>>('/api/v1/rooms/discover', { q, page, size }),
		get: (id: string) => http.get<Room>(`/api/v1/rooms/${seg(id)}`),
		update: (id: string, update: RoomUpdate) =>
			http.patch<Room>(`/api/v1/rooms/${seg(id)}`, update),
		remove: (id: string) => http.delete(`/api/v1/rooms/${seg(id)}`),
		join: (id: string) => http.post<Room>(`/api/v1/rooms/${seg(id)}/join`),
		leave: (id: string) => http.post<void>(`/api/v1/rooms/${seg(id)}/leave`),
		members: (id: string, page = 0, size = 100) =>
			http.get<Page<Member>>(`/api/v1/rooms/${seg(id)}/members`, { page, size }),
		invite: (id: string, userId: string) =>
			http.post<Member>(`/api/v1/rooms/${seg(id)}/members`, { userId }),
		removeMember: (id: string, userId: string) =>
			http.delete(`/api/v1/rooms/${seg(id)}/members/${seg(userId)}`),
		changeRole: (id: string, userId: string, role: Role) =>
			http.put<Member>(`/api/v1/rooms/${seg(id)}/members/${seg(userId)}/role`, { role }),
		openDm: (userId: string) => http.post<Room>('/api/v1/dms', { userId }),
		dms: () => http.get<{ items: { room: Room; otherUserId: string }[] }>('/api/v1/dms')
	};
}
