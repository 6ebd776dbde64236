/**
 * Characters that act without being seen: C0 controls (but tab and line feed, which show as space),
 * DEL, C1 controls, bidirectional embeddings, overrides, isolates and marks, zero-width characters,
 * line and paragraph separators and the byte order mark. A right-to-left override in `‮gnp.exe`
 * would make it read as `exe.png`; shown as `⟨U+202E⟩`, it cannot.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

export type TextPart = { text: string; control: boolean };

const codePoint = (c: string) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

/** The text cut into plain runs and one part per invisible character, named by its code point. */
export function visibleParts(text: string): TextPart[] {
  if (!INVISIBLE.test(text)) return [{ text, control: false }];
  const parts: TextPart[] = [];
  let run = '';
  for (const c of text) {
    if (INVISIBLE.test(c)) {
      if (run) parts.push({ text: run, control: false });
      run = '';
      parts.push({ text: codePoint(c), control: true });
    } else run += c;
  }
  if (run) parts.push({ text: run, control: false });
  return parts;
}

/** The text with every invisible character written as its code point, for titles and labels. */
export const visibleText = (text: string): string => visibleParts(text).map((p) => p.text).join('');
