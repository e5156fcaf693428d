// Typing indicators: who types where (expiring, because a stop event can be lost), and when my
// own client should emit `typing` / `stop_typing`.

export const TYPING_TTL_MS = 6000;
export const TYPING_RESEND_MS = 2500;
export const TYPING_IDLE_MS = 4000;

export type Typists = Record<string, Record<string, { name: string; until: number }>>;

export function startTyping(
	t: Typists,
	roomId: string,
	userId: string,
	name: string,
	now: number
): Typists {
	return {
		...t,
		[roomId]: { ...(t[roomId] ?? {}), [userId]: { name, until: now + TYPING_TTL_MS } }
	};
}

export function stopTyping(t: Typists, roomId: string, userId: string): Typists {
	const room = t[roomId];
	if (!room || !(userId in room)) return t;
	const next = { ...room };
	delete next[userId];
	return { ...t, [roomId]: next };
}

export function prune(t: Typists, now: number): Typists {
	let changed = false;
	const out: Typists = {};
	for (const [roomId, room] of Object.entries(t)) {
		const kept: Typists[string] = {};
		for (const [userId, v] of Object.entries(room)) {
			if (v.until > now) kept[userId] = v;
			else changed = true;
		}
		out[roomId] = kept;
	}
	return changed ? out : t;
}

export function typingNames(
	t: Typists,
	roomId: string,
	now: number,
	exceptUserId?: string
): string[] {
	return Object.entries(t[roomId] ?? {})
		.filter(([id, v]) => v.until > now && id !== exceptUserId)
		.map(([, v]) => v.name)
		.sort();
}

export function typingText(names: readonly string[]): string {
	if (names.length === 0) return '';
	if (names.length === 1) return `${names[0]} is typing…`;
	if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
	return `${names.length} people are typing…`;
}

/**
 * Decides when to emit: `typing` on the first keystroke and again every few seconds while typing
 * continues, `stop_typing` after a pause or when the message is sent. The clock is passed in.
 */
export class TypingEmitter {
	private lastSent = 0;
	private lastInput = 0;
	private active = false;

	/** A keystroke; true when `typing` should be emitted now. */
	input(now: number): boolean {
		this.lastInput = now;
		if (!this.active || now - this.lastSent >= TYPING_RESEND_MS) {
			this.active = true;
			this.lastSent = now;
			return true;
		}
		return false;
	}

	/** Polled by a timer; true when `stop_typing` should be emitted because typing paused. */
	idle(now: number): boolean {
		if (this.active && now - this.lastInput >= TYPING_IDLE_MS) {
			this.active = false;
			return true;
		}
		return false;
	}

	/** Message sent or input cleared; true when `stop_typing` should be emitted. */
	stop(): boolean {
		const was = this.active;
		this.active = false;
		return was;
	}
}
