/** Strings from their UTF-8 bytes, and the quoting and cutting nested values use. */

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 bytes as a string; a leading BOM is kept (it is part of the value). Short ASCII skips TextDecoder. */
export function utf8Text(bytes: Uint8Array): string {
  if (bytes.length <= 24) {
    let ascii = true;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  return lenient.decode(bytes);
}

/** Nested text is cut to this many characters (code points), followed by an ellipsis. */
export const NESTED_LIMIT = 1000;

/**
 * Builders of nested text may stop once they hold this many UTF-16 units: that is more than
 * NESTED_LIMIT code points, so the cut result is the same as if they had finished.
 */
export const BUILD_LIMIT = 2 * NESTED_LIMIT + 2;

/** Cuts text longer than NESTED_LIMIT code points to that many, followed by "…". */
export function cutNested(text: string): string {
  if (text.length <= NESTED_LIMIT) return text;
  let units = 0;
  let points = 0;
  while (units < text.length && points < NESTED_LIMIT) {
    const c = text.charCodeAt(units);
    const next = text.charCodeAt(units + 1); // NaN past the end
    units += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    points++;
  }
  return units < text.length ? `${text.slice(0, units)}…` : text;
}
