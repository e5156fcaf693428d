// Shapes of the Dingus HTTP API (docs/api.md). Ids are UUID strings, timestamps RFC 3339 strings.

export interface User {
	id: string;
	username: string;
	displayName: string | null;
	avatarUrl: string | null;
	statusText: string | null;
	createdAt: string;
	/** only present on my own user */
	email?: string | null;
}

export interface AuthResponse {
	user: User;
	token: string;
	accessToken: string;
	tokenType: 'Bearer';
	/** seconds */
	expiresIn: number;
	refreshToken: string;
	refreshExpiresIn: number;
}

export interface Friend {
	user: User;
	since: string;
}

export interface Friends {
	friends: Friend[];
	incoming: Friend[];
	outgoing: Friend[];
}

export type RoomKind = 'public' | 'private' | 'dm';
export type PostPolicy = 'everyone' | 'admins';
export type Role = 'owner' | 'admin' | 'member';

export interface Room {
	id: string;
	name: string | null;
	topic: string | null;
	kind: RoomKind;
	postPolicy: PostPolicy;
	ownerId: string | null;
	memberCount: number;
	myRole: Role | null;
	createdAt: string;
	updatedAt: string;
	otherUserId?: string | null;
}

export interface Member {
	userId: string;
	role: Role;
	joinedAt: string;
}

export interface Page<T> {
	items: T[];
	page: number;
	size: number;
	total?: number;
	hasMore?: boolean;
}

/** Message as sent by the server: snake_case, the same shape over HTTP and Socket.IO. */
export interface Message {
	id: string;
	room_id: string;
	seq: number;
	sender_id: string;
	sender_username: string;
	content: string;
	client_msg_id: string | null;
	created_at: string;
	edited_at: string | null;
	deleted: boolean;
}

export interface MessagePage {
	messages: Message[];
	hasMore: boolean;
}

export interface RoomUnread {
	roomId: string;
	unread: number;
	lastSeq: number;
	lastReadSeq: number;
	lastMessage: Message | null;
}

export interface Unread {
	rooms: RoomUnread[];
	total: number;
}

export type PresenceStatus = 'online' | 'away' | 'dnd' | 'offline';
export type SettablePresence = 'online' | 'away' | 'dnd' | 'invisible';

export interface Presence {
	userId: string;
	status: PresenceStatus;
	lastSeen: string | null;
	lastActive?: string | null;
}

export type NotificationKind =
	'dm' | 'mention' | 'invitation' | 'friend_request' | 'friend_accepted' | 'system';

export interface Notification {
	id: string;
	kind: NotificationKind;
	title: string;
	body: string | null;
	roomId: string | null;
	actorId: string | null;
	createdAt: string;
	readAt: string | null;
}

export interface NotificationPage extends Page<Notification> {
	unreadCount: number;
}
