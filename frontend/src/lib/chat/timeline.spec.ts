import { describe, expect, it } from 'vitest';
import {
	ackPending,
	addPending,
	applyDelete,
	applyEdit,
	contiguousSeq,
	discardPending,
	emptyTimeline,
	failPending,
	hasGap,
	items,
	lastSeq,
	mergeLatest,
	mergeMessages,
	mergeOlder,
	retryPending
} from './timeline';
import { msg } from './testing';

const seqs = (t: ReturnType<typeof emptyTimeline>) => t.messages.map((m) => m.seq);

describe('timeline', () => {
	it('orders messages by seq whatever order they arrive in', () => {
		const t = mergeMessages(emptyTimeline('r1'), [msg(3), msg(1), msg(2)]);
		expect(seqs(t)).toEqual([1, 2, 3]);
	});

	it('keeps one copy of a message delivered twice (same id)', () => {
		const m = msg(5);
		let t = mergeMessages(emptyTimeline('r1'), [m]);
		t = mergeMessages(t, [{ ...m }]);
		t = mergeMessages(t, [m, m]);
		expect(t.messages).toHaveLength(1);
	});

	it('keeps one message per seq even when a copy comes with another id', () => {
		let t = mergeMessages(emptyTimeline('r1'), [msg(1, { id: 'a' })]);
		t = mergeMessages(t, [msg(1, { id: 'b' })]);
		expect(t.messages.map((m) => m.id)).toEqual(['b']);
	});

	it('ignores messages of other rooms', () => {
		const t = mergeMessages(emptyTimeline('r1'), [msg(1, { room_id: 'r2' })]);
		expect(t.messages).toEqual([]);
	});

	it('shows my message as pending at once and as sent after the ack', () => {
		let t = addPending(emptyTimeline('r1'), 'c1', 'hello', '2026-01-01T00:00:00Z');
		expect(items(t).map((i) => i.delivery)).toEqual(['pending']);
		t = ackPending(t, 'c1', msg(7, { content: 'hello', client_msg_id: 'c1', sender_id: 'me' }));
		expect(items(t).map((i) => [i.delivery, i.message?.seq])).toEqual([['sent', 7]]);
		expect(t.pending).toEqual([]);
	});

	it('does not duplicate my message when the broadcast arrives before the ack', () => {
		let t = addPending(emptyTimeline('r1'), 'c1', 'hi', '2026-01-01T00:00:00Z');
		const stored = msg(2, { client_msg_id: 'c1', content: 'hi' });
		t = mergeMessages(t, [stored]); // new_message
		expect(t.pending).toEqual([]);
		t = ackPending(t, 'c1', stored); // ack afterwards
		expect(items(t)).toHaveLength(1);
	});

	it('marks a message failed and lets it be retried with the same client id', () => {
		let t = addPending(emptyTimeline('r1'), 'c1', 'hi', '2026-01-01T00:00:00Z');
		t = failPending(t, 'c1', 'Cannot reach the server');
		expect(t.pending[0]).toMatchObject({ state: 'failed', error: 'Cannot reach the server' });
		t = retryPending(t, 'c1');
		expect(t.pending[0]).toEqual({
			clientMsgId: 'c1',
			content: 'hi',
			createdAt: '2026-01-01T00:00:00Z',
			state: 'pending'
		});
		t = discardPending(t, 'c1');
		expect(t.pending).toEqual([]);
	});

	it('adding the same pending message twice keeps one', () => {
		let t = addPending(emptyTimeline('r1'), 'c1', 'hi', 'x');
		t = addPending(t, 'c1', 'hi', 'x');
		expect(t.pending).toHaveLength(1);
	});

	it('lists pending messages after the confirmed ones', () => {
		let t = mergeMessages(emptyTimeline('r1'), [msg(1)]);
		t = addPending(t, 'c9', 'later', 'x');
		t = mergeMessages(t, [msg(2)]);
		expect(items(t).map((i) => i.key)).toEqual([
			t.messages[0]!.id,
			t.messages[1]!.id,
			'pending:c9'
		]);
	});

	it('applies edits and keeps the newest edit when copies race', () => {
		const m = msg(1);
		let t = mergeMessages(emptyTimeline('r1'), [m]);
		t = applyEdit(t, { id: m.id, content: 'v2', edited_at: '2026-01-01T12:05:00Z' });
		expect(t.messages[0]).toMatchObject({ content: 'v2', edited_at: '2026-01-01T12:05:00Z' });
		// an older copy (e.g. from a history page fetched before the edit) does not undo it
		t = mergeMessages(t, [m]);
		expect(t.messages[0]!.content).toBe('v2');
	});

	it('a deleted message stays deleted and loses its text', () => {
		const m = msg(1, { content: 'secret' });
		let t = mergeMessages(emptyTimeline('r1'), [m, msg(2)]);
		t = applyDelete(t, m.id);
		expect(t.messages[0]).toMatchObject({ deleted: true, content: '' });
		t = mergeMessages(t, [m]);
		expect(t.messages[0]!.deleted).toBe(true);
		expect(seqs(t)).toEqual([1, 2]);
	});

	it('edits and deletes of unknown messages change nothing', () => {
		const t = mergeMessages(emptyTimeline('r1'), [msg(1)]);
		expect(applyEdit(t, { id: 'nope', content: 'x' })).toBe(t);
		expect(applyDelete(t, 'nope')).toBe(t);
	});

	it('merges older pages in front and records whether more exist', () => {
		let t = mergeLatest(emptyTimeline('r1'), [msg(51), msg(52)], true);
		expect(t.hasOlder).toBe(true);
		t = mergeOlder(t, [msg(49), msg(50)], false);
		expect(seqs(t)).toEqual([49, 50, 51, 52]);
		expect(t.hasOlder).toBe(false);
	});

	it('a latest page merged after live messages keeps them', () => {
		let t = mergeMessages(emptyTimeline('r1'), [msg(10)]);
		t = mergeLatest(t, [msg(8), msg(9)], false);
		expect(seqs(t)).toEqual([8, 9, 10]);
		expect(t.loaded).toBe(true);
	});

	it('finds holes so that a reconnect asks for the missing messages', () => {
		let t = mergeMessages(emptyTimeline('r1'), [msg(1), msg(2), msg(3)]);
		expect(contiguousSeq(t)).toBe(3);
		expect(hasGap(t)).toBe(false);
		t = mergeMessages(t, [msg(6)]);
		expect(contiguousSeq(t)).toBe(3);
		expect(lastSeq(t)).toBe(6);
		expect(hasGap(t)).toBe(true);
		t = mergeMessages(t, [msg(5), msg(4)]);
		expect(contiguousSeq(t)).toBe(6);
	});

	it('returns the same timeline when nothing is merged', () => {
		const t = emptyTimeline('r1');
		expect(mergeMessages(t, [])).toBe(t);
	});
});
