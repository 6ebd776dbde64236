/**
 * A nested value's text (`{a: [1, 2], b: "x, y"}`, as docs/VALUE_TEXT.md writes it) laid out one member per
 * line with indentation, or null when the text is not nested. Quoted strings are copied as they are.
 */
export function prettyNested(text: string): string | null {
  if (!/^[[{]/.test(text)) return null;
  let out = '';
  let depth = 0;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (ch === '[' || ch === '{') {
      const close = ch === '[' ? ']' : '}';
      if (text[i + 1] === close) {
        out += ch + close;
        i++;
        continue;
      }
      depth++;
      out += ch + newline();
    } else if (ch === ']' || ch === '}') {
      depth = Math.max(0, depth - 1);
      out += newline() + ch;
    } else if (ch === ',' && text[i + 1] === ' ') {
      out += ',' + newline();
      i++;
    } else out += ch;
  }
  return out;
}
