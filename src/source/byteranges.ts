import { parseContentRange } from './httpVersion';

/** One part of a multipart/byteranges answer: bytes first..last (inclusive) of the file. */
export interface RangePart {
  first: number;
  last: number;
  bytes: Uint8Array;
}

/** A `Range` header value asking for several ranges (inclusive ends) at once. */
export const severalRangesHeader = (ranges: readonly { first: number; last: number }[]): string => `bytes=${ranges.map((r) => `${r.first}-${r.last}`).join(',')}`;

/** The boundary of a `multipart/byteranges` Content-Type (quoted or not), or null when the answer is not one. */
export function byterangesBoundary(contentType: string | null): string | null {
  const m = contentType?.match(/^\s*multipart\/byteranges\s*;(.*)$/i);
  const b = m?.[1].match(/(?:^|;)\s*boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;"]{1,200}))/i);
  return b ? (b[1] ?? b[2]) : null;
}

const CR = 13;
const LF = 10;
const DASH = 45;
/** A part's header lines are short (Content-Type, Content-Range): more means this is not the answer asked for. */
const MAX_PART_HEADER = 4096;

function indexOf(body: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const last = Math.min(to, body.length) - needle.length;
  outer: for (let i = from; i <= last; i++) {
    for (let k = 0; k < needle.length; k++) if (body[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Skips one line break (CRLF or a bare LF) at `at`. */
const afterLineBreak = (body: Uint8Array, at: number): number => (body[at] === CR && body[at + 1] === LF ? at + 2 : body[at] === LF ? at + 1 : at);

/**
 * The parts of a multipart/byteranges body (RFC 9110 §14.6) of a file of `size` bytes. Each part's
 * length comes from its Content-Range, so its bytes are never searched for the boundary; the boundary
 * must then follow them. A string says what is wrong when the body is not such an answer.
 */
export function parseByteranges(body: Uint8Array, boundary: string, size: number): RangePart[] | string {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const text = new TextDecoder();
  const parts: RangePart[] = [];
  // A preamble may come before the first delimiter; after a part, only a line break.
  let at = indexOf(body, delimiter, 0, MAX_PART_HEADER);
  if (at < 0) return 'no boundary at its start';
  for (;;) {
    at += delimiter.length;
    if (body[at] === DASH && body[at + 1] === DASH) return parts.length ? parts : 'no part';
    while (body[at] === 32 || body[at] === 9) at++; // transport padding
    const headersStart = afterLineBreak(body, at);
    if (headersStart === at) return `no line break after a boundary at byte ${at}`;
    let headersEnd = indexOf(body, new Uint8Array([CR, LF, CR, LF]), headersStart - 2, headersStart + MAX_PART_HEADER);
    let contentStart = headersEnd + 4;
    if (headersEnd < 0) {
      headersEnd = indexOf(body, new Uint8Array([LF, LF]), headersStart - 1, headersStart + MAX_PART_HEADER);
      contentStart = headersEnd + 2;
    }
    if (headersEnd < 0) return `a part's headers never end (byte ${headersStart})`;
    const header = text.decode(body.subarray(headersStart, Math.max(headersStart, headersEnd))).split(/\r?\n/).find((line) => /^content-range\s*:/i.test(line));
    const range = parseContentRange(header?.slice(header.indexOf(':') + 1) ?? null);
    if (!range || range.first === undefined || range.last === undefined || range.last < range.first) return `a part without a usable Content-Range (${header?.trim() ?? 'none'})`;
    if (range.total !== undefined && range.total !== size) return `a part says the file is ${range.total} bytes long, not ${size}`;
    if (range.last >= size) return `a part ends past the file's end (byte ${range.last})`;
    const contentEnd = contentStart + (range.last - range.first + 1);
    if (contentEnd > body.length) return `the body ends inside the part for bytes ${range.first}-${range.last}`;
    parts.push({ first: range.first, last: range.last, bytes: body.subarray(contentStart, contentEnd) });
    at = afterLineBreak(body, contentEnd);
    if (indexOf(body, delimiter, at, at + delimiter.length) !== at) return `no boundary after the part for bytes ${range.first}-${range.last}`;
  }
}

/** The bytes first..last from the parts, when one part holds them all; else null. */
export function bytesFromParts(parts: readonly RangePart[], first: number, last: number): Uint8Array | null {
  const part = parts.find((p) => p.first <= first && p.last >= last);
  return part ? part.bytes.subarray(first - part.first, last - part.first + 1) : null;
}
