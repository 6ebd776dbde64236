/** Display helpers for sizes, counts and shares; pure, no engine imports. */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[u]}`;
}

const grouped = new Intl.NumberFormat('en-US');

/** Digits of a safe integer grouped by thousands, as `grouped` writes them (a few times faster: the grid labels every row it renders). */
function groupInteger(n: number): string {
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return n < 0 ? '-' + out : out;
}

/** A count grouped by thousands (`37,000,000`); one formatter for every call (toLocaleString builds one each time). */
export const count = (n: number): string => (Number.isSafeInteger(n) ? groupInteger(n) : grouped.format(n));

/**
 * `part` of `whole` as a percentage with enough digits to tell it apart from 0% and from 100%:
 * 103 of 3,000,000 is 0.0034%, 2,999,999 of 3,000,000 is 99.99997%; 0 and all of it are 0% and 100%.
 */
export function percent(part: number, whole: number): string {
  if (!(whole > 0)) return '—';
  if (part <= 0) return '0%';
  if (part >= whole) return '100%';
  const p = (part / whole) * 100;
  // Two significant digits below 1%, two decimals up to 10%, one above.
  let digits = p >= 10 ? 1 : p >= 1 ? 2 : Math.min(20, 1 - Math.floor(Math.log10(p)));
  let text = p.toFixed(digits);
  while (Number(text) >= 100 && digits < 12) text = p.toFixed(++digits);
  return Number(text) >= 100 ? '>99.999999999%' : `${text}%`;
}

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A count for an axis: 950, 1.2K, 3M. */
export const compactCount = (n: number): string => compactFormat.format(n);
