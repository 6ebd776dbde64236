/**
 * Bytes as text: the text itself when the bytes are valid UTF-8 without control characters
 * (U+0000-U+001F, U+007F-U+009F), else escaped like Python's bytes repr without b'': printable
 * ASCII as is except backslash -> \\, every other byte as \xNN (lowercase).
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text, or null when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** The printable text of the bytes, or null when they are not valid UTF-8 or hold a control character. */
export function printableUtf8(bytes: Uint8Array): string | null {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 || b === 0x7f) return null;
    if (b >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return asciiText(bytes);
  const text = utf8Text(bytes);
  if (text === null) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return null;
  }
  return text;
}

const CHUNK = 8192;

/** Bytes known to be ASCII, as a string (without TextDecoder's per-call cost for short values). */
export function asciiText(bytes: Uint8Array): string {
  if (bytes.length <= CHUNK) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

const HEX = Array.from({ length: 256 }, (_, b) => `\\x${b.toString(16).padStart(2, '0')}`);

export function escapedBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += b === 0x5c ? '\\\\' : b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : HEX[b];
  }
  return out;
}

/**
 * The bytes a binary cell's text stands for when it is escaped (the inverse of escapedBytes: `\\` a backslash,
 * `\xNN` any other byte that is not printable ASCII), or undefined when `text` holds no such escape.
 */
export function escapedTextBytes(text: string): Uint8Array | undefined {
  if (!/\\(?:\\|x[0-9a-fA-F]{2})/.test(text)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && text[i + 1] === '\\') {
      out.push(0x5c);
      i++;
    } else if (c === 0x5c && /^x[0-9a-fA-F]{2}/.test(text.slice(i + 1, i + 4))) {
      out.push(parseInt(text.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (c >= 0x20 && c <= 0x7e) out.push(c);
    else return undefined; // not a cell's escaped text: that is ASCII only
  }
  return Uint8Array.from(out);
}

/** Top-level text of binary bytes. */
export function binaryText(bytes: Uint8Array): string {
  return printableUtf8(bytes) ?? escapedBytes(bytes);
}

/** Text of binary bytes inside a nested value: quoted either way (JSON-quoted when text). */
export function binaryTextNested(bytes: Uint8Array): string {
  const text = printableUtf8(bytes);
  return text === null ? `"${escapedBytes(bytes)}"` : JSON.stringify(text);
}
