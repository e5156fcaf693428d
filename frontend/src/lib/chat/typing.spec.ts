import { describe, expect, it } from 'vitest';
import {
	TYPING_IDLE_MS,
	TYPING_RESEND_MS,
	TYPING_TTL_MS,
	TypingEmitter,
	prune,
	startTyping,
	stopTyping,
	typingNames,
	typingText
} from './typing';

describe('who is typing', () => {
	it('shows a typist until they stop', () => {
		let t = startTyping({}, 'r1', 'u1', 'alice', 0);
		expect(typingNames(t, 'r1', 100)).toEqual(['alice']);
		t = stopTyping(t, 'r1', 'u1');
		expect(typingNames(t, 'r1', 100)).toEqual([]);
	});

	it('forgets a typist whose stop event was lost', () => {
		const t = startTyping({}, 'r1', 'u1', 'alice', 0);
		expect(typingNames(t, 'r1', TYPING_TTL_MS + 1)).toEqual([]);
		expect(prune(t, TYPING_TTL_MS + 1)).toEqual({ r1: {} });
		expect(prune(t, 1)).toBe(t);
	});

	it('never shows myself', () => {
		const t = startTyping({}, 'r1', 'me', 'me', 0);
		expect(typingNames(t, 'r1', 1, 'me')).toEqual([]);
	});

	it('phrases one, two and many typists', () => {
		expect(typingText([])).toBe('');
		expect(typingText(['alice'])).toBe('alice is typing…');
		expect(typingText(['alice', 'bob'])).toBe('alice and bob are typing…');
		expect(typingText(['a', 'b', 'c'])).toBe('3 people are typing…');
	});
});

describe('TypingEmitter', () => {
	it('emits on the first keystroke, then at most every few seconds', () => {
		const e = new TypingEmitter();
		expect(e.input(0)).toBe(true);
		expect(e.input(100)).toBe(false);
		expect(e.input(TYPING_RESEND_MS)).toBe(true);
	});

	it('emits stop after a pause, once', () => {
		const e = new TypingEmitter();
		e.input(0);
		expect(e.idle(TYPING_IDLE_MS - 1)).toBe(false);
		expect(e.idle(TYPING_IDLE_MS)).toBe(true);
		expect(e.idle(TYPING_IDLE_MS + 10)).toBe(false);
		expect(e.input(TYPING_IDLE_MS + 20)).toBe(true);
	});

	it('emits stop on send only if typing was announced', () => {
		const e = new TypingEmitter();
		expect(e.stop()).toBe(false);
		e.input(0);
		expect(e.stop()).toBe(true);
	});
});
