// Per-room unread counters and last message for the room list, kept current from live events.
import type { Message, RoomUnread } from '$lib/api/types';

export interface RoomCounter {
	unread: number;
	lastSeq: number;
	lastReadSeq: number;
	lastMessage: Message | null;
}

export type Counters = Record<string, RoomCounter>;

const ZERO: RoomCounter = { unread: 0, lastSeq: 0, lastReadSeq: 0, lastMessage: null };

export function fromServer(rooms: readonly RoomUnread[]): Counters {
	const out: Counters = {};
	for (const r of rooms) {
		out[r.roomId] = {
			unread: Math.max(0, r.unread),
			lastSeq: r.lastSeq,
			lastReadSeq: r.lastReadSeq,
			lastMessage: r.lastMessage
		};
	}
	return out;
}

export function counter(c: Counters, roomId: string): RoomCounter {
	return c[roomId] ?? ZERO;
}

/**
 * A message arrived. Counted as unread only when it is new (seq beyond what we had), not mine and
 * not already read; my own message means I have read the room up to it.
 */
export function onMessage(c: Counters, m: Message, myUserId: string): Counters {
	const cur = counter(c, m.room_id);
	if (m.seq <= cur.lastSeq) {
		// an older message (e.g. sync or edit) only refreshes the preview if it is the last one
		if (m.seq === cur.lastSeq) return { ...c, [m.room_id]: { ...cur, lastMessage: m } };
		return c;
	}
	const next: RoomCounter =
		m.sender_id === myUserId
			? { unread: 0, lastSeq: m.seq, lastReadSeq: m.seq, lastMessage: m }
			: {
					unread: m.seq > cur.lastReadSeq && !m.deleted ? cur.unread + 1 : cur.unread,
					lastSeq: m.seq,
					lastReadSeq: cur.lastReadSeq,
					lastMessage: m
				};
	return { ...c, [m.room_id]: next };
}

/** I read a room up to `seq` (here or on another device). */
export function onRead(c: Counters, roomId: string, seq: number): Counters {
	const cur = counter(c, roomId);
	if (seq <= cur.lastReadSeq) return c;
	const unread = seq >= cur.lastSeq ? 0 : Math.min(cur.unread, cur.lastSeq - seq);
	return { ...c, [roomId]: { ...cur, lastReadSeq: seq, unread } };
}

export function forget(c: Counters, roomId: string): Counters {
	if (!(roomId in c)) return c;
	const next = { ...c };
	delete next[roomId];
	return next;
}

export function total(c: Counters): number {
	return Object.values(c).reduce((n, r) => n + r.unread, 0);
}

/** Badge text: exact up to 99. */
export function badge(n: number): string {
	return n > 99 ? '99+' : String(n);
}
