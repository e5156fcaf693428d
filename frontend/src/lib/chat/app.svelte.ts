// The signed-in client's live state: rooms, timelines, unread counters, typing, read markers,
// presence and notifications, fed by the API and the Socket.IO connection. The rules live in
// the plain modules next to this one (timeline, unread, typing, reads, sync); this class wires
// them to the network and holds their values in Svelte state.
import { ApiError, type Api } from '$lib/api';
import type { Message, Notification, Presence, Room, User } from '$lib/api/types';
import {
	connect,
	RealtimeError,
	request,
	type ConnectionState,
	type RealtimeSocket
} from '$lib/realtime/client';
import {
	ClientEvent,
	ServerEvent,
	type MessageDeletedPayload,
	SYNC_MAX_ROOMS,
	type RoomJoined,
	type SyncAck
} from '$lib/realtime/events';
import type { TokenSource } from '$lib/token';
import { toasts } from '$lib/toast.svelte';
import { byActivity, roomTitle, userLabel } from './names';
import * as reads from './reads';
import { chunkRooms, nextRound, syncMessages, syncRequest } from './sync';
import * as tl from './timeline';
import * as typing from './typing';
import * as unread from './unread';
import { cleanContent } from './content';

const PAGE = 50;

export class ChatApp {
	me = $state.raw<User | null>(null);
	rooms = $state.raw<Room[]>([]);
	roomsLoaded = $state(false);
	counters = $state.raw<unread.Counters>({});
	timelines = $state.raw<Record<string, tl.Timeline>>({});
	typists = $state.raw<typing.Typists>({});
	reads = $state.raw<reads.ReadState>({});
	presence = $state.raw<Record<string, Presence>>({});
	users = $state.raw<Record<string, User>>({});
	notifications = $state.raw<Notification[]>([]);
	notificationsUnread = $state(0);
	connection = $state<ConnectionState>('connecting');
	activeRoomId = $state<string | null>(null);
	/** rooms that went away while open: why ("deleted" or "removed") */
	gone = $state.raw<Record<string, 'deleted' | 'removed'>>({});
	/** bumps when a room's membership changes, so open member lists reload */
	membershipVersion = $state(0);
	now = $state(Date.now());

	private socket: RealtimeSocket | null = null;
	private joined = new Set<string>();
	private emitters = new Map<string, typing.TypingEmitter>();
	private timer: ReturnType<typeof setInterval> | null = null;
	private everConnected = false;
	private userRequests = new Map<string, Promise<void>>();
	private readTimer: ReturnType<typeof setTimeout> | null = null;
	private roomsLoadedAt = 0;
	private renewing = false;
	private authFailures = 0;
	/** per room, the read position the server has from us */
	private reported = new Map<string, number>();

	constructor(
		readonly api: Api,
		private readonly tokens: TokenSource,
		readonly myUserId: string
	) {}

	// ------------------------------------------------------------------ lifecycle

	start() {
		this.timer = setInterval(() => this.tick(), 1000);
		document.addEventListener('visibilitychange', this.onVisible);
		void this.loadInitial();
		this.socket = connect(async () => {
			try {
				return await this.tokens.get();
			} catch {
				return null;
			}
		});
		this.wire(this.socket);
	}

	stop() {
		if (this.timer) clearInterval(this.timer);
		document.removeEventListener('visibilitychange', this.onVisible);
		if (this.readTimer) clearTimeout(this.readTimer);
		this.socket?.removeAllListeners();
		this.socket?.io.removeAllListeners();
		this.socket?.disconnect();
		this.socket = null;
	}

	private async loadInitial() {
		const results = await Promise.allSettled([
			this.api.auth.me().then((u) => {
				this.me = u;
				this.users = { ...this.users, [u.id]: u };
			}),
			this.loadRooms(),
			this.api.messages.unread().then((u) => {
				this.counters = { ...unread.fromServer(u.rooms), ...this.liveCountersOnly() };
				for (const r of u.rooms) {
					this.reported.set(r.roomId, Math.max(r.lastReadSeq, this.reported.get(r.roomId) ?? 0));
				}
			}),
			this.api.notifications.list(false, 0, 20).then((p) => {
				this.notifications = p.items;
				this.notificationsUnread = p.unreadCount ?? p.items.filter((n) => !n.readAt).length;
			})
		]);
		for (const r of results) {
			if (r.status === 'rejected') toasts.error(errorText(r.reason));
		}
	}

	/** Counters created by live events before the first unread answer arrived. */
	private liveCountersOnly(): unread.Counters {
		return Object.fromEntries(Object.entries(this.counters).filter(([, c]) => c.lastSeq > 0));
	}

	// ------------------------------------------------------------------ rooms

	async loadRooms() {
		const { items } = await this.api.rooms.mine();
		this.rooms = items;
		this.roomsLoaded = true;
		this.roomsLoadedAt = Date.now();
		const ids = new Set(items.map((r) => r.id));
		for (const id of [...this.joined]) if (!ids.has(id)) this.joined.delete(id);
		const partners = items.map((r) => r.otherUserId).filter((id): id is string => !!id);
		void this.ensureUsers(partners);
		void this.refreshPresence([this.myUserId, ...partners]);
		if (this.socket?.connected) void this.joinRooms(items.map((r) => r.id));
	}

	room(id: string): Room | undefined {
		return this.rooms.find((r) => r.id === id);
	}

	/** A room I just created, joined or opened a DM to. */
	async addRoom(room: Room) {
		if (!this.room(room.id)) this.rooms = [room, ...this.rooms];
		else this.rooms = this.rooms.map((r) => (r.id === room.id ? room : r));
		if (room.otherUserId) void this.ensureUsers([room.otherUserId]);
		if (this.socket?.connected) await this.joinRooms([room.id]);
	}

	updateRoom(room: Room) {
		this.rooms = this.rooms.map((r) => (r.id === room.id ? { ...r, ...room } : r));
	}

	/** A room was deleted, or I was removed from it, while the app ran. */
	private lose(roomId: string, why: 'deleted' | 'removed') {
		const room = this.room(roomId);
		if (room)
			toasts.show(
				`${why === 'deleted' ? 'The room' : 'You were removed from'} “${this.title(room)}”${why === 'deleted' ? ' was deleted' : ''}.`
			);
		this.gone = { ...this.gone, [roomId]: why };
		this.joined.delete(roomId);
		this.forgetRoom(roomId);
	}

	forgetRoom(roomId: string) {
		this.rooms = this.rooms.filter((r) => r.id !== roomId);
		this.counters = unread.forget(this.counters, roomId);
		const { [roomId]: _gone, ...rest } = this.timelines;
		this.timelines = rest;
		if (this.joined.delete(roomId)) this.socket?.emit(ClientEvent.LEAVE_ROOM, { roomId }, () => {});
	}

	title(room: Room): string {
		return roomTitle(room, this.users);
	}

	/** My rooms, most recent activity first. */
	get sortedRooms(): Room[] {
		return byActivity(this.rooms, (id) => this.counters[id]?.lastMessage?.created_at ?? null);
	}

	// ------------------------------------------------------------------ people

	userName(userId: string): string {
		return userLabel(this.users[userId], 'Unknown user');
	}

	/** Loads the users we do not know yet (in batches), for names and avatars. */
	async ensureUsers(ids: readonly string[]) {
		const missing = [...new Set(ids)].filter(
			(id) => id && !this.users[id] && !this.userRequests.has(id)
		);
		for (let i = 0; i < missing.length; i += 100) {
			const batch = missing.slice(i, i + 100);
			const p = this.api.auth
				.usersBatch(batch)
				.then(({ items }) => {
					const next = { ...this.users };
					for (const u of items) next[u.id] = u;
					this.users = next;
				})
				.catch(() => {})
				.finally(() => batch.forEach((id) => this.userRequests.delete(id)));
			batch.forEach((id) => this.userRequests.set(id, p));
		}
		await Promise.all(missing.map((id) => this.userRequests.get(id)));
	}

	rememberUsers(list: readonly User[]) {
		const next = { ...this.users };
		for (const u of list) next[u.id] = u;
		this.users = next;
	}

	async refreshPresence(ids: readonly string[]) {
		const unique = [...new Set(ids)].filter(Boolean);
		if (unique.length === 0) return;
		try {
			const { items } = await this.api.presence.query(unique);
			const next = { ...this.presence };
			for (const p of items) next[p.userId] = p;
			this.presence = next;
		} catch {
			// presence is decoration: the dots stay grey
		}
	}

	status(userId: string): Presence['status'] {
		return this.presence[userId]?.status ?? 'offline';
	}

	// ------------------------------------------------------------------ timelines

	timeline(roomId: string): tl.Timeline {
		return this.timelines[roomId] ?? tl.emptyTimeline(roomId);
	}

	private setTimeline(roomId: string, t: tl.Timeline) {
		this.timelines = { ...this.timelines, [roomId]: t };
	}

	/** Opening a room: its latest page if we do not have it yet. */
	async openRoom(roomId: string) {
		this.activeRoomId = roomId;
		const t = this.timeline(roomId);
		if (!t.loaded) {
			const page = await this.api.messages.history(roomId, { limit: PAGE });
			this.setTimeline(roomId, tl.mergeLatest(this.timeline(roomId), page.messages, page.hasMore));
			this.learnSenders(page.messages);
		}
		this.scheduleMarkRead(roomId);
	}

	closeRoom(roomId: string) {
		if (this.activeRoomId === roomId) this.activeRoomId = null;
		const e = this.emitters.get(roomId);
		if (e?.stop()) this.socket?.emit(ClientEvent.STOP_TYPING, { roomId });
	}

	/** The page before the oldest message held; false when there is none. */
	async loadOlder(roomId: string): Promise<boolean> {
		const t = this.timeline(roomId);
		const oldest = tl.oldestSeq(t);
		if (!t.hasOlder || oldest === null || oldest <= 1) {
			if (t.hasOlder) this.setTimeline(roomId, { ...t, hasOlder: false });
			return false;
		}
		const page = await this.api.messages.history(roomId, { beforeSeq: oldest, limit: PAGE });
		const first = page.messages[0]?.seq ?? 1;
		this.setTimeline(
			roomId,
			tl.mergeOlder(this.timeline(roomId), page.messages, page.hasMore && first > 1)
		);
		this.learnSenders(page.messages);
		return page.messages.length > 0;
	}

	private learnSenders(messages: readonly Message[]) {
		void this.ensureUsers(messages.map((m) => m.sender_id));
	}

	// ------------------------------------------------------------------ sending

	send(roomId: string, text: string) {
		const content = cleanContent(text);
		const clientMsgId = crypto.randomUUID();
		this.setTimeline(
			roomId,
			tl.addPending(this.timeline(roomId), clientMsgId, content, new Date().toISOString())
		);
		const e = this.emitters.get(roomId);
		if (e?.stop()) this.socket?.emit(ClientEvent.STOP_TYPING, { roomId });
		void this.deliver(roomId, clientMsgId, content);
	}

	retry(roomId: string, clientMsgId: string) {
		const p = this.timeline(roomId).pending.find((x) => x.clientMsgId === clientMsgId);
		if (!p) return;
		this.setTimeline(roomId, tl.retryPending(this.timeline(roomId), clientMsgId));
		void this.deliver(roomId, clientMsgId, p.content);
	}

	discard(roomId: string, clientMsgId: string) {
		this.setTimeline(roomId, tl.discardPending(this.timeline(roomId), clientMsgId));
	}

	/** Over the socket when connected, otherwise over HTTP; both are idempotent by clientMsgId. */
	private async deliver(roomId: string, clientMsgId: string, content: string) {
		try {
			let message: Message | undefined;
			if (this.socket?.connected) {
				const ack = await request<{ message: Message }>(this.socket, ClientEvent.SEND_MESSAGE, {
					roomId,
					content,
					clientMsgId
				});
				message = ack.message;
			} else {
				message = await this.api.messages.send(roomId, content, clientMsgId);
			}
			if (message) {
				this.setTimeline(roomId, tl.ackPending(this.timeline(roomId), clientMsgId, message));
				this.counters = unread.onMessage(this.counters, message, this.myUserId);
			}
		} catch (e) {
			this.setTimeline(roomId, tl.failPending(this.timeline(roomId), clientMsgId, errorText(e)));
		}
	}

	async edit(messageId: string, roomId: string, text: string) {
		const content = cleanContent(text);
		const ack = this.socket?.connected
			? await request<{ message?: Message }>(this.socket, ClientEvent.EDIT_MESSAGE, {
					messageId,
					content
				})
			: { message: await this.api.messages.edit(messageId, content) };
		const edited = ack.message ?? { id: messageId, content, edited_at: new Date().toISOString() };
		this.setTimeline(roomId, tl.applyEdit(this.timeline(roomId), edited));
	}

	async remove(messageId: string, roomId: string) {
		if (this.socket?.connected) {
			await request(this.socket, ClientEvent.DELETE_MESSAGE, { messageId });
		} else {
			await this.api.messages.remove(messageId);
		}
		this.setTimeline(roomId, tl.applyDelete(this.timeline(roomId), messageId));
	}

	// ------------------------------------------------------------------ typing and reading

	typingInput(roomId: string) {
		let e = this.emitters.get(roomId);
		if (!e) this.emitters.set(roomId, (e = new typing.TypingEmitter()));
		if (e.input(Date.now())) this.socket?.emit(ClientEvent.TYPING, { roomId });
	}

	typingStopped(roomId: string) {
		if (this.emitters.get(roomId)?.stop()) this.socket?.emit(ClientEvent.STOP_TYPING, { roomId });
	}

	whoIsTyping(roomId: string): string[] {
		return typing.typingNames(this.typists, roomId, this.now, this.myUserId);
	}

	/** Marks the open room read up to its newest message, when the page is visible. */
	scheduleMarkRead(roomId: string) {
		if (this.readTimer) clearTimeout(this.readTimer);
		this.readTimer = setTimeout(() => this.markRead(roomId), 400);
	}

	private markRead(roomId: string) {
		if (this.activeRoomId !== roomId || document.visibilityState !== 'visible') return;
		const seq = tl.lastSeq(this.timeline(roomId));
		const c = unread.counter(this.counters, roomId);
		this.counters = unread.onRead(this.counters, roomId, Math.max(seq, c.lastSeq));
		// what the server knows counts, not the local counter: sending my own message makes the
		// counter "read" locally, but the others only see it through mark_read
		if (seq === 0 || seq <= (this.reported.get(roomId) ?? 0)) return;
		this.reported.set(roomId, seq);
		this.reads = reads.onRead(this.reads, roomId, this.myUserId, seq);
		if (this.socket?.connected) this.socket.emit(ClientEvent.MARK_READ, { roomId, seq });
		else
			void this.api.messages.markRead(roomId, seq).catch(() => {
				this.reported.delete(roomId);
			});
	}

	// ------------------------------------------------------------------ notifications

	async markNotificationRead(n: Notification) {
		if (n.readAt) return;
		await this.api.notifications.markRead(n.id);
		this.notifications = this.notifications.map((x) =>
			x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x
		);
		this.notificationsUnread = Math.max(0, this.notificationsUnread - 1);
	}

	async markAllNotificationsRead() {
		await this.api.notifications.markAllRead();
		const now = new Date().toISOString();
		this.notifications = this.notifications.map((x) => (x.readAt ? x : { ...x, readAt: now }));
		this.notificationsUnread = 0;
	}

	// ------------------------------------------------------------------ socket

	private wire(s: RealtimeSocket) {
		s.on('connect', () => {
			this.authFailures = 0;
			const resumed = this.everConnected;
			this.everConnected = true;
			this.connection = 'connected';
			this.joined.clear();
			void this.afterConnect(resumed);
		});
		s.on('disconnect', (reason) => {
			this.connection = 'reconnecting';
			// the server closed us (a revoked session): only a renewed token can bring us back
			if (reason === 'io server disconnect') void this.renewAndReconnect(s);
		});
		s.on('connect_error', () => {
			this.connection = this.everConnected ? 'reconnecting' : 'connecting';
			// refused by the server's middleware (the token), not a network failure
			if (!s.active) void this.renewAndReconnect(s);
		});
		s.io.on('reconnect_attempt', () => (this.connection = 'reconnecting'));
		s.io.on('reconnect_failed', () => (this.connection = 'offline'));

		s.on(ServerEvent.ROOM_JOINED, (p) => this.onRoomJoined(p));
		s.on(ServerEvent.NEW_MESSAGE, (m) => this.onMessage(m));
		s.on(ServerEvent.MESSAGE_EDITED, (m) => {
			if (!m?.room_id) return;
			this.setTimeline(m.room_id, tl.applyEdit(this.timeline(m.room_id), m));
			this.refreshPreview(m);
		});
		s.on(ServerEvent.MESSAGE_DELETED, (p) => this.onDeleted(p));
		s.on(ServerEvent.USER_TYPING, (p) => {
			if (p.userId === this.myUserId) return;
			// the display name when we know the person, else the username the event carries
			const name = this.users[p.userId] ? this.userName(p.userId) : (p.username ?? 'Someone');
			if (!this.users[p.userId]) void this.ensureUsers([p.userId]);
			this.typists = typing.startTyping(this.typists, p.roomId, p.userId, name, Date.now());
		});
		s.on(ServerEvent.USER_STOPPED_TYPING, (p) => {
			this.typists = typing.stopTyping(this.typists, p.roomId, p.userId);
		});
		s.on(ServerEvent.MESSAGES_READ, (p) => {
			this.reads = reads.onRead(this.reads, p.roomId, p.userId, p.seq);
			if (p.userId === this.myUserId) {
				// read on another of my devices
				this.counters = unread.onRead(this.counters, p.roomId, p.seq);
				this.reported.set(p.roomId, Math.max(p.seq, this.reported.get(p.roomId) ?? 0));
			}
		});
		s.on(ServerEvent.PRESENCE_UPDATE, (p) => {
			this.presence = { ...this.presence, [p.userId]: { ...this.presence[p.userId], ...p } };
		});
		s.on(ServerEvent.NOTIFICATION, (n) => {
			if (this.notifications.some((x) => x.id === n.id)) return;
			this.notifications = [n, ...this.notifications].slice(0, 100);
			if (!n.readAt) this.notificationsUnread += 1;
			if (n.kind === 'invitation' || (n.roomId && !this.room(n.roomId)))
				void this.loadRooms().catch(() => {});
		});
		s.on(ServerEvent.USER_JOINED, () => (this.membershipVersion += 1));
		s.on(ServerEvent.USER_LEFT, () => (this.membershipVersion += 1));
		s.on(ServerEvent.ROOM_UPDATED, (p) => {
			const room = p?.roomId ? this.room(p.roomId) : undefined;
			if (room) {
				const { roomId: _id, ...changes } = p;
				this.updateRoom({ ...room, ...changes });
			}
			this.membershipVersion += 1;
		});
		s.on(ServerEvent.ROOM_DELETED, (p) => this.lose(p.roomId, 'deleted'));
		s.on(ServerEvent.ROOM_LEFT, (p) => {
			if (p?.reason === 'removed') this.lose(p.roomId, 'removed');
		});
		s.on(ServerEvent.ERROR, (e) =>
			toasts.error(e?.error?.message || e?.message || 'The server reported an error.')
		);
	}

	/**
	 * Renews the token now (it was refused) and connects again, backing off while it keeps being
	 * refused; a session that cannot be renewed sends the page to the sign-in form.
	 */
	private async renewAndReconnect(s: RealtimeSocket) {
		if (this.renewing) return;
		this.renewing = true;
		try {
			await this.tokens.refresh(true);
			const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.authFailures, 5));
			this.authFailures += 1;
			setTimeout(() => {
				if (this.socket === s && !s.connected) s.connect();
			}, delay);
		} catch {
			this.connection = 'offline';
		} finally {
			this.renewing = false;
		}
	}

	private async afterConnect(resumed: boolean) {
		if (!this.roomsLoaded) {
			try {
				await this.loadRooms();
			} catch {
				return;
			}
		}
		await this.joinRooms(this.rooms.map((r) => r.id));
		if (resumed) await this.sync();
	}

	/** Subscribes this socket to rooms (so their events reach it) and takes their latest page. */
	private async joinRooms(roomIds: readonly string[]) {
		const s = this.socket;
		if (!s) return;
		await Promise.all(
			roomIds
				.filter((id) => !this.joined.has(id))
				.map(async (roomId) => {
					this.joined.add(roomId);
					try {
						const ack = await request<Partial<RoomJoined>>(s, ClientEvent.JOIN_ROOM, { roomId });
						if (ack.messages)
							this.onRoomJoined({
								roomId,
								messages: ack.messages,
								lastSeq: ack.lastSeq ?? 0,
								hasMore: ack.hasMore,
								reads: ack.reads
							});
					} catch (e) {
						this.joined.delete(roomId);
						// just added to the room: message-service may learn of it a moment later
						if (e instanceof RealtimeError && e.code !== 'timeout') {
							setTimeout(() => {
								if (this.room(roomId) && s.connected) void this.joinRooms([roomId]);
							}, 2000);
						}
					}
				})
		);
	}

	/**
	 * After a reconnect: everything after the last message held without a gap, once. Rooms go in
	 * calls of at most SYNC_MAX_ROOMS; a room with more than one answer's worth is asked again.
	 */
	async sync() {
		const s = this.socket;
		if (!s?.connected) return;
		let pending = chunkRooms(syncRequest(Object.values(this.timelines)), SYNC_MAX_ROOMS);
		try {
			for (let round = 0; pending.length > 0 && round < 50; round++) {
				const next: Record<string, number> = {};
				for (const rooms of pending) {
					const ack = await request<Exclude<SyncAck, { success: false }>>(
						s,
						ClientEvent.SYNC,
						{ rooms },
						20_000
					);
					const answer = { ...ack, success: true as const };
					const got = syncMessages(answer);
					for (const [roomId, messages] of got) {
						this.setTimeline(roomId, tl.mergeMessages(this.timeline(roomId), messages));
						for (const m of messages)
							this.counters = unread.onMessage(this.counters, m, this.myUserId);
						this.learnSenders(messages);
					}
					Object.assign(next, nextRound(answer, got));
				}
				pending = chunkRooms(next, SYNC_MAX_ROOMS);
			}
			if (this.activeRoomId) this.scheduleMarkRead(this.activeRoomId);
		} catch (e) {
			toasts.error(`Could not catch up on missed messages: ${errorText(e)}`);
		}
	}

	private onRoomJoined(p: RoomJoined) {
		if (!p?.roomId) return;
		const messages = p.messages ?? [];
		const first = messages[0]?.seq ?? 1;
		this.setTimeline(
			p.roomId,
			tl.mergeLatest(this.timeline(p.roomId), messages, (p.hasMore ?? true) && first > 1)
		);
		const last = messages[messages.length - 1];
		if (last) this.counters = unread.onMessage(this.counters, last, this.myUserId);
		for (const r of p.reads ?? []) this.reads = reads.onRead(this.reads, p.roomId, r.userId, r.seq);
		this.learnSenders(messages);
		if (tl.hasGap(this.timeline(p.roomId))) void this.sync();
	}

	private onMessage(m: Message) {
		if (!m?.room_id) return;
		this.setTimeline(m.room_id, tl.mergeMessages(this.timeline(m.room_id), [m]));
		this.counters = unread.onMessage(this.counters, m, this.myUserId);
		this.typists = typing.stopTyping(this.typists, m.room_id, m.sender_id);
		if (!this.users[m.sender_id]) void this.ensureUsers([m.sender_id]);
		if (!this.room(m.room_id)) void this.loadRooms().catch(() => {});
		if (m.room_id === this.activeRoomId) this.scheduleMarkRead(m.room_id);
	}

	private onDeleted(p: MessageDeletedPayload) {
		const id = p.messageId ?? p.id;
		if (!id) return;
		const roomId =
			p.roomId ??
			p.room_id ??
			Object.values(this.timelines).find((t) => tl.findMessage(t, id))?.roomId;
		if (!roomId) return;
		const t = tl.applyDelete(this.timeline(roomId), id);
		this.setTimeline(roomId, t);
		const m = tl.findMessage(t, id);
		if (m) this.refreshPreview(m);
	}

	private refreshPreview(m: Message) {
		const c = this.counters[m.room_id];
		if (c?.lastMessage?.id === m.id)
			this.counters = { ...this.counters, [m.room_id]: { ...c, lastMessage: m } };
	}

	/** Back to the tab: what is on screen counts as read, and a stale room list is refreshed. */
	private onVisible = () => {
		if (document.visibilityState !== 'visible') return;
		if (this.activeRoomId) this.scheduleMarkRead(this.activeRoomId);
		if (Date.now() - this.roomsLoadedAt > 30_000) void this.loadRooms().catch(() => {});
	};

	private tick() {
		const now = Date.now();
		this.now = now;
		this.typists = typing.prune(this.typists, now);
		for (const [roomId, e] of this.emitters) {
			if (e.idle(now)) this.socket?.emit(ClientEvent.STOP_TYPING, { roomId });
		}
	}
}

export function errorText(e: unknown): string {
	if (e instanceof ApiError || e instanceof RealtimeError) return e.message;
	if (e instanceof Error && e.message) return e.message;
	return 'Something went wrong.';
}
