// @mentions: splitting text into plain/mention/link segments for safe rendering (never HTML),
// and the caret logic behind `@` completion in the composer.

export type Segment =
	| { kind: 'text'; text: string }
	| { kind: 'mention'; text: string; username: string }
	| { kind: 'link'; text: string; href: string };

const USERNAME = '[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?';
// a mention starts the text or follows a character that cannot be part of an address
const TOKEN = new RegExp(`(^|[^A-Za-z0-9_@.])@(${USERNAME})|(https?:\\/\\/[^\\s<>"']+)`, 'g');

/** Trailing punctuation is usually sentence punctuation, not part of a link. */
function trimLink(url: string): string {
	return url.replace(/[.,;:!?)\]}]+$/, '');
}

export function segments(content: string): Segment[] {
	const out: Segment[] = [];
	let last = 0;
	const push = (text: string) => {
		if (!text) return;
		const prev = out[out.length - 1];
		if (prev?.kind === 'text') prev.text += text;
		else out.push({ kind: 'text', text });
	};
	for (const m of content.matchAll(TOKEN)) {
		const start = m.index ?? 0;
		if (m[2] !== undefined) {
			const lead = m[1] ?? '';
			push(content.slice(last, start) + lead);
			out.push({ kind: 'mention', text: `@${m[2]}`, username: m[2] });
			last = start + m[0].length;
		} else if (m[3] !== undefined) {
			const href = trimLink(m[3]);
			push(content.slice(last, start));
			out.push({ kind: 'link', text: href, href });
			last = start + href.length;
		}
	}
	push(content.slice(last));
	return out;
}

/** Usernames mentioned in a text, lower-cased and unique. */
export function mentionedUsernames(content: string): string[] {
	const names = segments(content)
		.filter((s): s is Extract<Segment, { kind: 'mention' }> => s.kind === 'mention')
		.map((s) => s.username.toLowerCase());
	return [...new Set(names)];
}

export function mentions(content: string, username: string): boolean {
	return mentionedUsernames(content).includes(username.toLowerCase());
}

export interface CompletionQuery {
	/** index of the `@` */
	start: number;
	/** what was typed after it */
	query: string;
}

/** If the caret sits right after `@partial`, the partial name being typed. */
export function completionQuery(text: string, caret: number): CompletionQuery | null {
	const before = text.slice(0, caret);
	const m = /(^|[^A-Za-z0-9_@.])@([A-Za-z0-9_.-]{0,32})$/.exec(before);
	if (!m) return null;
	const query = m[2] ?? '';
	return { start: caret - query.length - 1, query };
}

/** Replaces `@partial` at the caret by `@username ` and returns the new text and caret. */
export function applyCompletion(
	text: string,
	caret: number,
	q: CompletionQuery,
	username: string
): { text: string; caret: number } {
	const insert = `@${username} `;
	const after = text.slice(caret).replace(/^\S*/, '').replace(/^ /, '');
	const next = text.slice(0, q.start) + insert + after;
	return { text: next, caret: q.start + insert.length };
}

export interface Candidate {
	username: string;
	displayName?: string | null;
}

/** Candidates whose username or display name starts with the query (prefix first), at most `limit`. */
export function filterCandidates<T extends Candidate>(
	query: string,
	all: readonly T[],
	limit = 6
): T[] {
	const q = query.toLowerCase();
	const scored: { c: T; score: number }[] = [];
	for (const c of all) {
		const u = c.username.toLowerCase();
		const d = (c.displayName ?? '').toLowerCase();
		const score = u.startsWith(q) ? 0 : d.startsWith(q) ? 1 : u.includes(q) ? 2 : -1;
		if (score >= 0) scored.push({ c, score });
	}
	scored.sort((a, b) => a.score - b.score || a.c.username.localeCompare(b.c.username));
	return scored.slice(0, limit).map((s) => s.c);
}
