// How people and rooms are named on screen.
import type { Room, User } from '$lib/api/types';

export function userLabel(
	u: Pick<User, 'username' | 'displayName'> | undefined,
	fallback = 'Someone'
): string {
	if (!u) return fallback;
	return u.displayName?.trim() || u.username;
}

export function roomTitle(room: Room, users: Record<string, User>): string {
	if (room.kind === 'dm') {
		const other = room.otherUserId ? users[room.otherUserId] : undefined;
		return other ? userLabel(other) : room.name || 'Direct message';
	}
	return room.name || 'Untitled room';
}

export function initials(name: string): string {
	const parts = name
		.trim()
		.split(/[\s._-]+/)
		.filter(Boolean);
	const letters = parts.length > 1 ? parts[0]![0]! + parts[1]![0]! : name.slice(0, 2);
	return letters.toUpperCase();
}

/** A stable hue per id, for avatar backgrounds. */
export function hue(id: string): number {
	let h = 0;
	for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
	return h % 360;
}

export function timeOf(iso: string, now = new Date()): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return '';
	const sameDay = d.toDateString() === now.toDateString();
	return sameDay
		? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
		: d.toLocaleDateString([], { month: 'short', day: 'numeric' }) +
				' ' +
				d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function dayLabel(iso: string, now = new Date()): string {
	const d = new Date(iso);
	const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
	const day = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
	const diff = Math.round((today - day) / 86_400_000);
	if (diff === 0) return 'Today';
	if (diff === 1) return 'Yesterday';
	return d.toLocaleDateString([], {
		weekday: 'long',
		month: 'long',
		day: 'numeric',
		year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric'
	});
}

export function lastSeenText(iso: string | null | undefined, now = Date.now()): string {
	if (!iso) return '';
	const mins = Math.floor((now - Date.parse(iso)) / 60_000);
	if (mins < 1) return 'last seen just now';
	if (mins < 60) return `last seen ${mins} min ago`;
	const hours = Math.floor(mins / 60);
	if (hours < 24) return `last seen ${hours} h ago`;
	return `last seen ${Math.floor(hours / 24)} d ago`;
}

/** Rooms with the most recent activity first. */
export function byActivity(
	rooms: readonly Room[],
	lastAt: (roomId: string) => string | null
): Room[] {
	const key = (r: Room) => Date.parse(lastAt(r.id) ?? r.updatedAt ?? r.createdAt) || 0;
	return [...rooms].sort((a, b) => key(b) - key(a));
}
