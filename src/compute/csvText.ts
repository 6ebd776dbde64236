/** A cell that a spreadsheet would run as a formula (OWASP's list: = + - @ tab CR as the first character). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number is never run as a formula, so `-5` and `+1.5e3` stay numbers. */
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/**
 * Nor is the text of a signed value of another type (`-inf`, `-00:00:01`, `-1d 02:03:04.5`, `-1mo -2d -3ns`):
 * digits, separators and unit letters only, with no call, reference or DDE character a formula would need.
 */
const SIGNED_VALUE = /^[-+][\d.:eE dmonsinfa-]*$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma, CR or LF, quotes doubled; null is an
 * empty field. With the formula guard (on by default) a cell that starts like a formula gets a
 * leading `'`, as OWASP recommends against CSV injection; plain numbers are left alone.
 */
export function csvCell(value: string | null, formulaGuard = true): string {
  if (value === null) return '';
  const text = formulaGuard && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) && !SIGNED_VALUE.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV record, ended by CRLF as RFC 4180 writes it. A record of one empty field is written `""`:
 * readers skip an empty line, which would drop a single column's null rows.
 */
export function csvLine(cells: readonly (string | null)[], formulaGuard = true): string {
  const line = cells.map((c) => csvCell(c, formulaGuard)).join(',');
  return `${line === '' && cells.length === 1 ? '""' : line}\r\n`;
}
