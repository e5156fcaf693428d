import { describe, expect, it } from 'vitest';
import { onRead, readersAt, seenBy } from './reads';

describe('read markers', () => {
	it('only moves forward', () => {
		let r = onRead({}, 'r1', 'u1', 5);
		const same = onRead(r, 'r1', 'u1', 3);
		expect(same).toBe(r);
		r = onRead(r, 'r1', 'u1', 7);
		expect(r.r1!.u1).toBe(7);
	});

	it('lists who has seen a message, without its author', () => {
		let r = onRead({}, 'r1', 'u1', 5);
		r = onRead(r, 'r1', 'u2', 3);
		r = onRead(r, 'r1', 'me', 9);
		expect(seenBy(r, 'r1', 4, ['me'])).toEqual(['u1']);
		expect(seenBy(r, 'r2', 1, [])).toEqual([]);
	});

	it('places each reader under the last message of someone else they reached', () => {
		let r = onRead({}, 'r1', 'u1', 5);
		r = onRead(r, 'r1', 'u2', 3);
		r = onRead(r, 'r1', 'u3', 1);
		r = onRead(r, 'r1', 'me', 5);
		const msgs = [
			{ seq: 3, senderId: 'me' },
			{ seq: 4, senderId: 'me' },
			{ seq: 5, senderId: 'u1' }
		];
		// u1 wrote 5 and read up to it: shown under 4, the last message of someone else
		expect(Object.fromEntries(readersAt(r, 'r1', msgs, 'me'))).toEqual({ 4: ['u1'], 3: ['u2'] });
	});
});
