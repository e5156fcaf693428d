import { describe, expect, it } from 'vitest';
import { badge, counter, forget, fromServer, onMessage, onRead, total } from './unread';
import { msg } from './testing';

describe('unread counters', () => {
	const start = fromServer([
		{ roomId: 'r1', unread: 2, lastSeq: 10, lastReadSeq: 8, lastMessage: null }
	]);

	it('counts a new message from someone else', () => {
		const c = onMessage(start, msg(11), 'me');
		expect(counter(c, 'r1')).toMatchObject({ unread: 3, lastSeq: 11 });
		expect(counter(c, 'r1').lastMessage?.seq).toBe(11);
	});

	it('does not count the same message twice', () => {
		const m = msg(11);
		const c = onMessage(onMessage(start, m, 'me'), m, 'me');
		expect(counter(c, 'r1').unread).toBe(3);
	});

	it('does not count old messages again (sync, history)', () => {
		expect(counter(onMessage(start, msg(9), 'me'), 'r1').unread).toBe(2);
	});

	it('my own message means I read the room', () => {
		const c = onMessage(start, msg(11, { sender_id: 'me' }), 'me');
		expect(counter(c, 'r1')).toMatchObject({ unread: 0, lastReadSeq: 11 });
	});

	it('reading up to the end clears the count, reading partway lowers it', () => {
		expect(counter(onRead(start, 'r1', 10), 'r1').unread).toBe(0);
		expect(counter(onRead(start, 'r1', 9), 'r1').unread).toBe(1);
		expect(onRead(start, 'r1', 5)).toBe(start);
	});

	it('a room seen for the first time starts at zero', () => {
		const c = onMessage({}, msg(1, { room_id: 'r9' }), 'me');
		expect(counter(c, 'r9').unread).toBe(1);
		expect(total(c)).toBe(1);
	});

	it('totals across rooms and forgets a room I left', () => {
		const c = onMessage(start, msg(1, { room_id: 'r2' }), 'me');
		expect(total(c)).toBe(3);
		expect(total(forget(c, 'r1'))).toBe(1);
	});

	it('caps the badge text', () => {
		expect(badge(7)).toBe('7');
		expect(badge(120)).toBe('99+');
	});
});
