import { describe, expect, it } from 'vitest';
import { chunkRooms, nextRound, syncMessages, syncRequest } from './sync';
import { emptyTimeline, mergeLatest, mergeMessages } from './timeline';
import { msg } from './testing';

describe('sync after reconnect', () => {
	it('asks each loaded room from its last seq without a hole', () => {
		const a = mergeLatest(emptyTimeline('r1'), [msg(1), msg(2), msg(4)], false);
		const b = mergeLatest(emptyTimeline('r2'), [], false);
		const notLoaded = mergeMessages(emptyTimeline('r3'), [msg(1, { room_id: 'r3' })]);
		expect(syncRequest([a, b, notLoaded])).toEqual({ r1: 2, r2: 0 });
	});

	it('reads flat and per-room answers, ordered by seq', () => {
		const ack = {
			success: true as const,
			messages: [msg(3), msg(2)],
			rooms: { r2: [msg(1, { room_id: 'r2' })] }
		};
		const out = syncMessages(ack);
		expect(out.get('r1')!.map((m) => m.seq)).toEqual([2, 3]);
		expect(out.get('r2')!.map((m) => m.seq)).toEqual([1]);
	});

	it('a failed sync yields nothing', () => {
		expect(syncMessages({ success: false, error: { code: 'x', message: 'y' } }).size).toBe(0);
	});

	it('merging a sync answer over live messages leaves no duplicates', () => {
		let t = mergeLatest(emptyTimeline('r1'), [msg(1, { id: 'a' }), msg(2, { id: 'b' })], false);
		t = mergeMessages(t, [msg(4, { id: 'd' })]); // arrived live right after reconnecting
		const synced = syncMessages({
			success: true,
			messages: [msg(3, { id: 'c' }), msg(4, { id: 'd' })]
		});
		t = mergeMessages(t, synced.get('r1')!);
		expect(t.messages.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('splits big requests into calls the server accepts', () => {
		const rooms = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`r${i}`, i]));
		const chunks = chunkRooms(rooms, 50);
		expect(chunks.map((c) => Object.keys(c).length)).toEqual([50, 50, 20]);
		expect(Object.assign({}, ...chunks)).toEqual(rooms);
		expect(chunkRooms({}, 50)).toEqual([]);
	});

	it('continues rooms that have more from the last seq received', () => {
		const ack = {
			success: true as const,
			rooms: { r1: [msg(5), msg(6)], r2: [msg(1, { room_id: 'r2' })] },
			hasMore: { r1: true, r2: false }
		};
		expect(nextRound(ack, syncMessages(ack))).toEqual({ r1: 6 });
	});
});
