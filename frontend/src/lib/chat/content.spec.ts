import { describe, expect, it } from 'vitest';
import { cleanContent } from './content';

describe('cleanContent', () => {
	it('keeps text, line breaks and tabs', () => {
		expect(cleanContent('line 1\r\n\tline 2 😀')).toBe('line 1\r\n\tline 2 😀');
	});

	it('drops the control characters the server refuses', () => {
		expect(cleanContent('a\u0000b\u000bc\u000cd\u001be\u007ff\u0085g')).toBe('abcdefg');
	});
});
