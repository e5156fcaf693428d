// Read markers: how far each member has read, and who has seen a given message.

export type ReadState = Record<string, Record<string, number>>;

export function onRead(r: ReadState, roomId: string, userId: string, seq: number): ReadState {
	const room = r[roomId] ?? {};
	if ((room[userId] ?? 0) >= seq) return r;
	return { ...r, [roomId]: { ...room, [userId]: seq } };
}

/** Members (other than the author) whose read position reaches `seq`. */
export function seenBy(
	r: ReadState,
	roomId: string,
	seq: number,
	exceptUserIds: readonly string[]
): string[] {
	return Object.entries(r[roomId] ?? {})
		.filter(([userId, s]) => s >= seq && !exceptUserIds.includes(userId))
		.map(([userId]) => userId);
}

/**
 * For each reader, only the newest message they reached that someone else wrote: "seen by" is
 * shown once per reader, under the last message of another author they have read (nobody is
 * "seen by" on their own message). Returns seq → readers.
 */
export function readersAt(
	r: ReadState,
	roomId: string,
	messages: readonly { seq: number; senderId: string }[],
	exceptUserId: string
): Map<number, string[]> {
	const sorted = [...messages].sort((a, b) => a.seq - b.seq);
	const out = new Map<number, string[]>();
	for (const [userId, readSeq] of Object.entries(r[roomId] ?? {})) {
		if (userId === exceptUserId) continue;
		let at: number | undefined;
		for (const m of sorted) {
			if (m.seq > readSeq) break;
			if (m.senderId !== userId) at = m.seq;
		}
		if (at !== undefined) out.set(at, [...(out.get(at) ?? []), userId]);
	}
	return out;
}
