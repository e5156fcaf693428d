// Builders for unit tests (not shipped in the app bundle: only *.spec.ts import this).
import type { Message } from '$lib/api/types';

let n = 0;

export function msg(seq: number, over: Partial<Message> = {}): Message {
	n++;
	return {
		id: over.id ?? `m-${seq}-${n}`,
		room_id: 'r1',
		seq,
		sender_id: 'u-other',
		sender_username: 'other',
		content: `message ${seq}`,
		client_msg_id: null,
		created_at: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
		edited_at: null,
		deleted: false,
		...over
	};
}
