/** A cell that a spreadsheet would run as a formula (OWASP's list: = + - @ tab CR as the first character). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number is never run as a formula, so `-5` and `+1.5e3` stay numbers. */
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma, CR or LF, quotes doubled; null is an
 * empty field. With the formula guard (on by default) a cell that starts like a formula gets a
 * leading `'`, as OWASP recommends against CSV injection; plain numbers are left alone.
 */
export function csvCell(value: string | null, formulaGuard = true): string {
  if (value === null) return '';
  const text = formulaGuard && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ended by CRLF as RFC 4180 writes it. */
export const csvLine = (cells: readonly (string | null)[], formulaGuard = true): string => `${cells.map((c) => csvCell(c, formulaGuard)).join(',')}\r\n`;
