export type SortValue = number | bigint | string | null;

/** -1/0/1 of two values of one key by the rules under test, written here apart from the code: nulls last, NaN before them, strings by UTF-8 bytes. */
export function compareValue(a: SortValue, b: SortValue, desc: boolean): number {
  const cls = (v: SortValue) => (v === null ? 2 : typeof v === 'number' && Number.isNaN(v) ? 1 : 0);
  if (cls(a) !== cls(b)) return cls(a) - cls(b);
  if (cls(a) !== 0) return 0;
  const x = a as number | bigint;
  const y = b as number | bigint;
  const c = typeof a === 'string' ? Buffer.compare(Buffer.from(a), Buffer.from(b as string)) : x < y ? -1 : x > y ? 1 : 0;
  return desc ? -c : c;
}
