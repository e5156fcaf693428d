// Resuming after a reconnect: what to ask the server for, and how to read its answer.
import type { Message } from '$lib/api/types';
import type { SyncAck } from '$lib/realtime/events';
import { contiguousSeq, type Timeline } from './timeline';

/** `{roomId: lastSeq}` for every loaded room, from the last seq without a hole before it. */
export function syncRequest(timelines: Iterable<Timeline>): Record<string, number> {
	const rooms: Record<string, number> = {};
	for (const t of timelines) {
		if (t.loaded) rooms[t.roomId] = contiguousSeq(t);
	}
	return rooms;
}

/** Splits a sync request into calls of at most `max` rooms each. */
export function chunkRooms(rooms: Record<string, number>, max: number): Record<string, number>[] {
	const entries = Object.entries(rooms);
	const out: Record<string, number>[] = [];
	for (let i = 0; i < entries.length; i += max)
		out.push(Object.fromEntries(entries.slice(i, i + max)));
	return out;
}

/** The rooms the server has more for, with the seq to continue from (the last one it sent). */
export function nextRound(ack: SyncAck, got: Map<string, Message[]>): Record<string, number> {
	const next: Record<string, number> = {};
	if (!ack.success) return next;
	for (const [roomId, more] of Object.entries(ack.hasMore ?? {})) {
		const list = got.get(roomId);
		const last = list?.[list.length - 1];
		if (more && last) next[roomId] = last.seq;
	}
	return next;
}

/** Groups the sync answer by room, accepting a flat list or a per-room map. */
export function syncMessages(ack: SyncAck): Map<string, Message[]> {
	const out = new Map<string, Message[]>();
	if (!ack.success) return out;
	const add = (m: Message) => {
		if (!m || typeof m.room_id !== 'string') return;
		const list = out.get(m.room_id) ?? [];
		list.push(m);
		out.set(m.room_id, list);
	};
	for (const m of ack.messages ?? []) add(m);
	for (const list of Object.values(ack.rooms ?? {})) for (const m of list ?? []) add(m);
	for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
	return out;
}
