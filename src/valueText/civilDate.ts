/**
 * Proleptic Gregorian calendar arithmetic on day counts since 1970-01-01 (Howard Hinnant's
 * algorithms), in plain numbers: exact for any day count an int64 timestamp can reach (< 2^47).
 */

export function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** "YYYY-MM-DD"; years outside 0..9999 as "+YYYYYY" / "-YYYYYY" (ISO 8601's expanded years). */
let lastDays = NaN;
let lastText = '';

export function daysText(days: number): string {
  if (days === lastDays) return lastText; // rows of one column often share their day
  const [y, m, d] = civilFromDays(days);
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : `${y < 0 ? '-' : '+'}${String(Math.abs(y)).padStart(6, '0')}`;
  lastText = `${year}-${two(m)}-${two(d)}`;
  lastDays = days;
  return lastText;
}
