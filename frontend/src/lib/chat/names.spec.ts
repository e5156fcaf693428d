import { describe, expect, it } from 'vitest';
import type { Room, User } from '$lib/api/types';
import { byActivity, dayLabel, initials, lastSeenText, roomTitle, userLabel } from './names';

const room = (over: Partial<Room>): Room => ({
	id: 'r',
	name: 'general',
	topic: null,
	kind: 'public',
	postPolicy: 'everyone',
	ownerId: 'u1',
	memberCount: 2,
	myRole: 'member',
	createdAt: '2026-01-01T00:00:00Z',
	updatedAt: '2026-01-01T00:00:00Z',
	...over
});

const bob: User = {
	id: 'u2',
	username: 'bob',
	displayName: 'Bob B.',
	avatarUrl: null,
	statusText: null,
	createdAt: '2026-01-01T00:00:00Z'
};

describe('names', () => {
	it('prefers display names and falls back to usernames', () => {
		expect(userLabel(bob)).toBe('Bob B.');
		expect(userLabel({ ...bob, displayName: ' ' })).toBe('bob');
		expect(userLabel(undefined)).toBe('Someone');
	});

	it('titles a DM with the other person', () => {
		expect(roomTitle(room({ kind: 'dm', name: null, otherUserId: 'u2' }), { u2: bob })).toBe(
			'Bob B.'
		);
		expect(roomTitle(room({ kind: 'dm', name: null, otherUserId: 'u3' }), {})).toBe(
			'Direct message'
		);
		expect(roomTitle(room({}), {})).toBe('general');
	});

	it('makes initials', () => {
		expect(initials('Bob Builder')).toBe('BB');
		expect(initials('alice')).toBe('AL');
		expect(initials('a.b')).toBe('AB');
	});

	it('labels days and last seen', () => {
		const now = new Date(2026, 0, 10, 12);
		expect(dayLabel(new Date(2026, 0, 10, 8).toISOString(), now)).toBe('Today');
		expect(dayLabel(new Date(2026, 0, 9, 23).toISOString(), now)).toBe('Yesterday');
		const t = Date.parse('2026-01-10T12:00:00Z');
		expect(lastSeenText('2026-01-10T11:55:00Z', t)).toBe('last seen 5 min ago');
		expect(lastSeenText('2026-01-10T09:00:00Z', t)).toBe('last seen 3 h ago');
		expect(lastSeenText(null, t)).toBe('');
	});

	it('orders rooms by latest activity', () => {
		const a = room({ id: 'a', updatedAt: '2026-01-02T00:00:00Z' });
		const b = room({ id: 'b', updatedAt: '2026-01-01T00:00:00Z' });
		const last: Record<string, string> = { b: '2026-01-03T00:00:00Z' };
		expect(byActivity([a, b], (id) => last[id] ?? null).map((r) => r.id)).toEqual(['b', 'a']);
	});
});
