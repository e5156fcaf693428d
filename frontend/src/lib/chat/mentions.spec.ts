import { describe, expect, it } from 'vitest';
import {
	applyCompletion,
	completionQuery,
	filterCandidates,
	mentionedUsernames,
	mentions,
	segments
} from './mentions';

describe('segments', () => {
	it('splits mentions out of text', () => {
		expect(segments('hi @alice, see @bob_2.')).toEqual([
			{ kind: 'text', text: 'hi ' },
			{ kind: 'mention', text: '@alice', username: 'alice' },
			{ kind: 'text', text: ', see ' },
			{ kind: 'mention', text: '@bob_2', username: 'bob_2' },
			{ kind: 'text', text: '.' }
		]);
	});

	it('does not take e-mail addresses for mentions', () => {
		expect(segments('write to bob@example.com')).toEqual([
			{ kind: 'text', text: 'write to bob@example.com' }
		]);
	});

	it('keeps markup as plain text', () => {
		expect(segments('<img src=x onerror=alert(1)> @eve')).toEqual([
			{ kind: 'text', text: '<img src=x onerror=alert(1)> ' },
			{ kind: 'mention', text: '@eve', username: 'eve' }
		]);
	});

	it('finds http(s) links without trailing punctuation, and nothing else', () => {
		expect(segments('see https://example.com/a?b=1. and javascript:alert(1)')).toEqual([
			{ kind: 'text', text: 'see ' },
			{ kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
			{ kind: 'text', text: '. and javascript:alert(1)' }
		]);
	});

	it('handles a mention at the start and text without tokens', () => {
		expect(segments('@a')).toEqual([{ kind: 'mention', text: '@a', username: 'a' }]);
		expect(segments('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
		expect(segments('')).toEqual([]);
	});
});

describe('mentioned users', () => {
	it('lists each mentioned name once, case-insensitively', () => {
		expect(mentionedUsernames('@Alice @alice @bob')).toEqual(['alice', 'bob']);
		expect(mentions('hey @Alice!', 'alice')).toBe(true);
		expect(mentions('alice@x.org', 'alice')).toBe(false);
	});
});

describe('completion', () => {
	it('finds the name being typed at the caret', () => {
		expect(completionQuery('hello @al', 9)).toEqual({ start: 6, query: 'al' });
		expect(completionQuery('@', 1)).toEqual({ start: 0, query: '' });
		expect(completionQuery('mail a@b', 8)).toBeNull();
		expect(completionQuery('hello @al there', 15)).toBeNull();
	});

	it('replaces the partial name and moves the caret after it', () => {
		const text = 'hi @al how';
		const q = completionQuery(text, 6)!;
		expect(applyCompletion(text, 6, q, 'alice')).toEqual({ text: 'hi @alice how', caret: 10 });
		const end = completionQuery('@bo', 3)!;
		expect(applyCompletion('@bo', 3, end, 'bob')).toEqual({ text: '@bob ', caret: 5 });
	});

	it('ranks username prefix, then display name prefix, then substring', () => {
		const users = [
			{ username: 'xalvin', displayName: null },
			{ username: 'zed', displayName: 'Alan' },
			{ username: 'alice', displayName: 'Alice' },
			{ username: 'bob', displayName: 'Bob' }
		];
		expect(filterCandidates('al', users).map((u) => u.username)).toEqual([
			'alice',
			'zed',
			'xalvin'
		]);
		expect(filterCandidates('', users, 2)).toHaveLength(2);
	});
});
