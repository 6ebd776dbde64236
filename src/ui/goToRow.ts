/** What "go to" understood: a row of the file, or a row within a chunk (record batch or row group). */
export type GoToTarget = { row: number; chunk?: undefined } | { chunk: number; row: number };

/** Digit group separators people type or paste: comma, space, no-break and narrow no-break space, underscore, apostrophe, dot. */
const GROUPED = /^\d{1,3}(?:([,\u0020\u00a0\u202f_'.])\d{3})?(?:\1\d{3})*$/;

/**
 * A whole number as typed: `37000000`, or grouped by thousands with one separator used throughout
 * (`37,000,000`, `37 000 000`, `37_000_000`, `37.000.000`). Anything else (`37,5`, `-1`, `1e6`) is null.
 */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t) && !GROUPED.test(t)) return null;
  const n = Number(t.replace(/\D/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * "Go to" input: a row number (`37000000`, `37,000,000`, `37 000 000`), or `chunk:row` (`5:1000`,
 * also `5/1000`), where the row counts from the chunk's first row. A comma is a digit separator,
 * never the chunk separator: `37,000,000` is row 37,000,000, not chunk 37. Null when not understood.
 */
export function parseGoTo(text: string): GoToTarget | null {
  const parts = text.trim().split(/\s*[:/]\s*/);
  if (parts.length === 1) {
    const row = parseCount(parts[0]);
    return row === null ? null : { row };
  }
  if (parts.length !== 2) return null;
  const chunk = parseCount(parts[0]);
  const row = parseCount(parts[1]);
  return chunk === null || row === null ? null : { chunk, row };
}
