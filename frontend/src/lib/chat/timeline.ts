// One room's message list as an immutable value: confirmed messages ordered by seq (unique by id
// and by seq), followed by my messages still pending or failed. Every function returns a new
// Timeline so the UI can simply assign it; nothing here touches the network.
import type { Message } from '$lib/api/types';

export type Delivery = 'sent' | 'pending' | 'failed';

export interface Pending {
	clientMsgId: string;
	content: string;
	createdAt: string;
	state: 'pending' | 'failed';
	error?: string;
}

export interface Timeline {
	roomId: string;
	/** confirmed messages, ascending by seq, no duplicate id or seq */
	messages: Message[];
	pending: Pending[];
	/** whether older pages exist on the server */
	hasOlder: boolean;
	/** whether a first page (history or room_joined) has been loaded */
	loaded: boolean;
}

export interface TimelineItem {
	key: string;
	delivery: Delivery;
	message: Message | null;
	pending: Pending | null;
}

export function emptyTimeline(roomId: string): Timeline {
	return { roomId, messages: [], pending: [], hasOlder: true, loaded: false };
}

/** Of two copies of the same message, the one that carries the latest state wins. */
function newer(a: Message, b: Message): Message {
	if (a.deleted !== b.deleted) return a.deleted ? a : b;
	const ea = a.edited_at ? Date.parse(a.edited_at) : 0;
	const eb = b.edited_at ? Date.parse(b.edited_at) : 0;
	return eb > ea ? b : eb < ea ? a : b;
}

/**
 * Merges messages from any source (live event, ack, history page, sync) into the timeline:
 * duplicates by id or seq collapse into one, order is by seq, and a pending entry whose
 * clientMsgId came back from the server is replaced by the stored message.
 */
export function mergeMessages(t: Timeline, incoming: readonly Message[]): Timeline {
	const mine = incoming.filter((m) => m && m.room_id === t.roomId && Number.isFinite(m.seq));
	if (mine.length === 0) return t;
	const bySeq = new Map<number, Message>();
	const seqOfId = new Map<string, number>();
	for (const m of t.messages) {
		bySeq.set(m.seq, m);
		seqOfId.set(m.id, m.seq);
	}
	for (const m of mine) {
		const knownSeq = seqOfId.get(m.id);
		if (knownSeq !== undefined && knownSeq !== m.seq) bySeq.delete(knownSeq);
		const existing = bySeq.get(m.seq);
		const winner = existing ? newer(existing, m) : m;
		if (existing && existing.id !== winner.id) seqOfId.delete(existing.id);
		bySeq.set(m.seq, winner);
		seqOfId.set(winner.id, winner.seq);
	}
	const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
	const confirmed = new Set(mine.map((m) => m.client_msg_id).filter((id): id is string => !!id));
	const pending = confirmed.size
		? t.pending.filter((p) => !confirmed.has(p.clientMsgId))
		: t.pending;
	return { ...t, messages, pending };
}

/** Adds an older page loaded by scrolling up. */
export function mergeOlder(t: Timeline, page: readonly Message[], hasMore: boolean): Timeline {
	return { ...mergeMessages(t, page), hasOlder: hasMore, loaded: true };
}

/** The first page (history or `room_joined`): merged, not replacing what arrived live meanwhile. */
export function mergeLatest(t: Timeline, page: readonly Message[], hasMore: boolean): Timeline {
	const merged = mergeMessages(t, page);
	// keep "has older" true if we already knew of more, e.g. after scrolling up earlier
	return { ...merged, hasOlder: t.loaded ? t.hasOlder : hasMore, loaded: true };
}

export function addPending(
	t: Timeline,
	clientMsgId: string,
	content: string,
	createdAt: string
): Timeline {
	if (t.pending.some((p) => p.clientMsgId === clientMsgId)) return t;
	return { ...t, pending: [...t.pending, { clientMsgId, content, createdAt, state: 'pending' }] };
}

/** The server acknowledged my message: it becomes a confirmed message. */
export function ackPending(t: Timeline, clientMsgId: string, message: Message): Timeline {
	const merged = mergeMessages(t, [
		{ ...message, client_msg_id: message.client_msg_id ?? clientMsgId }
	]);
	return { ...merged, pending: merged.pending.filter((p) => p.clientMsgId !== clientMsgId) };
}

export function failPending(t: Timeline, clientMsgId: string, error: string): Timeline {
	return {
		...t,
		pending: t.pending.map((p) =>
			p.clientMsgId === clientMsgId ? { ...p, state: 'failed', error } : p
		)
	};
}

/** Puts a failed message back to pending; it is resent with the same clientMsgId (idempotent). */
export function retryPending(t: Timeline, clientMsgId: string): Timeline {
	return {
		...t,
		pending: t.pending.map((p) =>
			p.clientMsgId === clientMsgId
				? { clientMsgId, content: p.content, createdAt: p.createdAt, state: 'pending' }
				: p
		)
	};
}

export function discardPending(t: Timeline, clientMsgId: string): Timeline {
	return { ...t, pending: t.pending.filter((p) => p.clientMsgId !== clientMsgId) };
}

/** Applies an edit: a full message from the server, or at least its id and new content. */
export function applyEdit(t: Timeline, edit: Pick<Message, 'id'> & Partial<Message>): Timeline {
	const i = t.messages.findIndex((m) => m.id === edit.id);
	if (i < 0) return t;
	const old = t.messages[i]!;
	const updated: Message = {
		...old,
		content: edit.content ?? old.content,
		edited_at: edit.edited_at ?? old.edited_at ?? new Date().toISOString(),
		deleted: edit.deleted ?? old.deleted
	};
	const messages = t.messages.slice();
	messages[i] = newer(old, updated);
	return { ...t, messages };
}

/** Marks a message deleted; its text is dropped, its seq stays so order and sync stay exact. */
export function applyDelete(t: Timeline, messageId: string): Timeline {
	const i = t.messages.findIndex((m) => m.id === messageId);
	if (i < 0) return t;
	const messages = t.messages.slice();
	messages[i] = { ...messages[i]!, deleted: true, content: '' };
	return { ...t, messages };
}

export function lastSeq(t: Timeline): number {
	return t.messages.length ? t.messages[t.messages.length - 1]!.seq : 0;
}

export function oldestSeq(t: Timeline): number | null {
	return t.messages.length ? t.messages[0]!.seq : null;
}

/**
 * The seq up to which the timeline has no holes, counted from its oldest loaded message. A
 * reconnect syncs from here, so a message missed between two received ones is fetched as well.
 */
export function contiguousSeq(t: Timeline): number {
	if (t.messages.length === 0) return 0;
	let seq = t.messages[0]!.seq;
	for (let i = 1; i < t.messages.length; i++) {
		const next = t.messages[i]!.seq;
		if (next !== seq + 1) break;
		seq = next;
	}
	return seq;
}

/** Whether messages are missing between the ones we hold (then the client asks for them). */
export function hasGap(t: Timeline): boolean {
	return contiguousSeq(t) !== lastSeq(t);
}

/** What the room view renders: confirmed messages by seq, then my pending/failed ones. */
export function items(t: Timeline): TimelineItem[] {
	const out: TimelineItem[] = t.messages.map((m) => ({
		key: m.id,
		delivery: 'sent',
		message: m,
		pending: null
	}));
	for (const p of t.pending) {
		out.push({ key: `pending:${p.clientMsgId}`, delivery: p.state, message: null, pending: p });
	}
	return out;
}

export function findMessage(t: Timeline, id: string): Message | undefined {
	return t.messages.find((m) => m.id === id);
}
