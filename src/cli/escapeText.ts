/**
 * Text for a terminal: control characters that could move the cursor, retitle the window, plant a
 * link or reorder what is read are shown as escapes, like `ls -b` and Python's repr do. C0 controls
 * and DEL (\t, \n, \r by name, the others as \xNN), C1 controls (\x80–\x9f), and the bidirectional
 * and line-separator controls (\u061c, \u200e, \u200f, \u2028, \u2029, \u202a–\u202e, \u2066–\u2069)
 * as \uNNNN. Backslashes are left as they are. JSON, NDJSON and CSV output stay exact.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

/** Absent text (a name the file leaves out) is shown as the empty text, never a crash. */
export function escapeText(text: string | null | undefined): string {
  return (text ?? '').replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** JSON text whose strings keep their exact values but never carry a raw C1 or bidi control (JSON.stringify writes those as they are). */
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)).replace(JSON_UNSAFE, (c) => `\\u${hex(c, 4)}`);
}

/** Characters a JSON string must escape, or that jsonText writes escaped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const JSON_ESCAPED = /["\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** jsonText of a string or null, without JSON.stringify for the common text that needs no escape (a cell of NDJSON). */
export function jsonValue(value: string | null): string {
  if (value === null) return 'null';
  return JSON_ESCAPED.test(value) ? jsonText(value) : `"${value}"`;
}
