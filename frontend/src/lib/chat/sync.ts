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
