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

	it('places each reader under the last message they reached', () => {
		let r = onRead({}, 'r1', 'u1', 5);
		r = onRead(r, 'r1', 'u2', 3);
		r = onRead(r, 'r1', 'u3', 1);
		r = onRead(r, 'r1', 'me', 5);
		const at = readersAt(r, 'r1', [3, 4, 5], 'me');
		expect(Object.fromEntries(at)).toEqual({ 5: ['u1'], 3: ['u2'] });
	});
});
