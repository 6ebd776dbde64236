/** What a Range header asks of a file of `size` bytes. */
export type RangeAnswer = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'several'; ranges: { start: number; end: number }[] } | { kind: 'unsatisfiable' };

/** More ranges than this in one request are answered with the whole file (as Apache's MaxRanges). */
export const MAX_RANGES = 200;

/**
 * A `bytes=` Range header (RFC 9110 §14.1.2): ranges `A-B`, `A-` or `-N`, `end` inclusive. No header,
 * another unit or more than MAX_RANGES ranges: the whole file (a server may ignore Range). Several
 * ranges: those satisfiable, in the order asked (a multipart/byteranges answer). A malformed range, or
 * none starting before the end (a file of 0 bytes has none): unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'full' };
  const m = header.trim().match(/^bytes\s*=\s*(.*)$/i);
  if (!m) return { kind: 'full' };
  const specs = m[1].split(',');
  if (specs.length > MAX_RANGES) return { kind: 'full' };
  const ranges: { start: number; end: number }[] = [];
  for (const spec of specs) {
    const r = oneRange(spec.trim(), size);
    if (r === 'malformed') return { kind: 'unsatisfiable' };
    if (r) ranges.push(r);
  }
  if (ranges.length === 0) return { kind: 'unsatisfiable' };
  return ranges.length === 1 ? { kind: 'partial', ...ranges[0] } : { kind: 'several', ranges };
}

function oneRange(spec: string, size: number): { start: number; end: number } | null | 'malformed' {
  const r = spec.match(/^(\d*)\s*-\s*(\d*)$/);
  if (!r || (r[1] === '' && r[2] === '')) return 'malformed';
  if (r[1] === '') {
    const suffix = Number(r[2]);
    if (suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(r[1]);
  if (r[2] !== '' && Number(r[2]) < start) return 'malformed';
  if (!Number.isSafeInteger(start) || start >= size) return null;
  return { start, end: r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1) };
}
