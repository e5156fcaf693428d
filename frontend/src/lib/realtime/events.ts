// The Socket.IO event catalogue of ARCHITECTURE §5, mirrored from
// dev.dingus.contracts.realtime.SocketEvents. One file: names and payload types together.
import type { Message, Notification, PostPolicy, PresenceStatus, RoomKind } from '$lib/api/types';

export const ClientEvent = {
	AUTHENTICATE: 'authenticate',
	JOIN_ROOM: 'join_room',
	LEAVE_ROOM: 'leave_room',
	SEND_MESSAGE: 'send_message',
	EDIT_MESSAGE: 'edit_message',
	DELETE_MESSAGE: 'delete_message',
	TYPING: 'typing',
	STOP_TYPING: 'stop_typing',
	MARK_READ: 'mark_read',
	SYNC: 'sync'
} as const;

export const ServerEvent = {
	AUTHENTICATED: 'authenticated',
	ROOM_JOINED: 'room_joined',
	ROOM_LEFT: 'room_left',
	USER_JOINED: 'user_joined',
	USER_LEFT: 'user_left',
	NEW_MESSAGE: 'new_message',
	MESSAGE_EDITED: 'message_edited',
	MESSAGE_DELETED: 'message_deleted',
	USER_TYPING: 'user_typing',
	USER_STOPPED_TYPING: 'user_stopped_typing',
	MESSAGES_READ: 'messages_read',
	PRESENCE_UPDATE: 'presence_update',
	NOTIFICATION: 'notification',
	ROOM_UPDATED: 'room_updated',
	ROOM_DELETED: 'room_deleted',
	ERROR: 'error'
} as const;

export interface SocketError {
	code: string;
	message: string;
}

/** Every ack has this envelope; `success:false` carries an error. */
export type Ack<T extends object = object> =
	({ success: true } & T) | { success: false; error: SocketError };

// client → server payloads
export interface RoomRef {
	roomId: string;
}
export interface SendMessagePayload {
	roomId: string;
	content: string;
	clientMsgId: string;
}
export interface EditMessagePayload {
	messageId: string;
	content: string;
}
export interface DeleteMessagePayload {
	messageId: string;
}
export interface MarkReadPayload {
	roomId: string;
	seq: number;
}
export interface SyncPayload {
	rooms: Record<string, number>;
}

// server → client payloads
export interface RoomJoined {
	roomId: string;
	messages: Message[];
	lastSeq: number;
	/** whether older messages exist before this page */
	hasMore?: boolean;
	/** optional: other members' read positions, if the server sends them */
	reads?: { userId: string; seq: number }[];
}
export interface RoomLeft {
	roomId: string;
	/** "removed" when an admin removed me from the room */
	reason?: string;
}

/** The `error` event: a failed event sent without an ack, or a revoked session. */
export interface ErrorEvent {
	success?: false;
	error?: SocketError;
	/** older servers send the error fields at the top level */
	code?: string;
	message?: string;
}
export interface UserInRoom {
	roomId: string;
	userId: string;
	username?: string;
}
export interface MessageDeletedPayload {
	messageId?: string;
	id?: string;
	roomId?: string;
	room_id?: string;
	seq?: number;
}
export interface MessagesRead {
	roomId: string;
	userId: string;
	seq: number;
}
export interface PresenceUpdate {
	userId: string;
	status: PresenceStatus;
	lastSeen: string | null;
}
export interface RoomChanged {
	roomId: string;
	name?: string | null;
	topic?: string | null;
	kind?: RoomKind;
	postPolicy?: PostPolicy;
}

/**
 * Sync ack: the messages after each room's lastSeq, per room (a flat `messages` list is read too);
 * `hasMore[roomId]` asks for another round; a room the user may no longer read has an entry in
 * `errors` instead of failing the whole answer.
 */
export type SyncAck = Ack<{
	messages?: Message[];
	rooms?: Record<string, Message[]>;
	hasMore?: Record<string, boolean>;
	errors?: Record<string, SocketError>;
}>;

/** At most this many rooms per `sync` call (message-service `sync-max-rooms`). */
export const SYNC_MAX_ROOMS = 50;

export interface ServerToClientEvents {
	authenticated: (p: { success: boolean; userId?: string }) => void;
	room_joined: (p: RoomJoined) => void;
	room_left: (p: RoomLeft) => void;
	user_joined: (p: UserInRoom) => void;
	user_left: (p: UserInRoom) => void;
	new_message: (m: Message) => void;
	message_edited: (m: Message) => void;
	message_deleted: (p: MessageDeletedPayload) => void;
	user_typing: (p: UserInRoom) => void;
	user_stopped_typing: (p: UserInRoom) => void;
	messages_read: (p: MessagesRead) => void;
	presence_update: (p: PresenceUpdate) => void;
	notification: (n: Notification) => void;
	room_updated: (p: RoomChanged) => void;
	room_deleted: (p: RoomChanged) => void;
	error: (e: ErrorEvent) => void;
}

export interface ClientToServerEvents {
	authenticate: (p: { token: string }) => void;
	join_room: (p: RoomRef, ack: (a: Ack<Partial<RoomJoined>>) => void) => void;
	leave_room: (p: RoomRef, ack: (a: Ack) => void) => void;
	send_message: (p: SendMessagePayload, ack: (a: Ack<{ message: Message }>) => void) => void;
	edit_message: (p: EditMessagePayload, ack: (a: Ack<{ message?: Message }>) => void) => void;
	delete_message: (p: DeleteMessagePayload, ack: (a: Ack) => void) => void;
	typing: (p: RoomRef) => void;
	stop_typing: (p: RoomRef) => void;
	mark_read: (p: MarkReadPayload) => void;
	sync: (p: SyncPayload, ack: (a: SyncAck) => void) => void;
}
