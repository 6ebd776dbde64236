/** What a Range header asks of a file of `size` bytes. */
export type RangeAnswer = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * One `bytes=` range (RFC 9110 §14.1.2): `A-B`, `A-` or `-N`; `end` is inclusive. No header, another
 * unit or several ranges: the whole file (a server may ignore Range). A malformed bytes range, one
 * starting past the end, or a file of 0 bytes: unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return { kind: 'full' };
  const m = header.trim().match(/^bytes\s*=\s*(.*)$/i);
  if (!m) return { kind: 'full' };
  const spec = m[1].trim();
  if (spec.includes(',')) return { kind: 'full' };
  const r = spec.match(/^(\d*)\s*-\s*(\d*)$/);
  if (!r || (r[1] === '' && r[2] === '')) return { kind: 'unsatisfiable' };
  if (r[1] === '') {
    const suffix = Number(r[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(r[1]);
  const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || (r[2] !== '' && Number(r[2]) < start)) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}
