// What the composer sends: the server refuses control characters other than line breaks and tabs
// (`validation_failed`), and pasted text sometimes carries them (form feeds, vertical tabs, stray NULs).
// They are invisible, so they are dropped here rather than turned into an error the user cannot see the cause of.

// C0 and C1 controls and DEL, except tab (\t), line feed (\n) and carriage return (\r).
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function cleanContent(content: string): string {
	return content.replace(FORBIDDEN, '');
}
