import type { ValueCount } from './uniqueTypes';

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** value,count,share as CSV text (null as an empty field). */
export function uniqueCsv(values: readonly ValueCount[], rows: number): string {
  const lines = ['value,count,share'];
  for (const v of values) lines.push(`${v.value === null ? '' : cell(String(v.value))},${v.count},${(v.count / Math.max(1, rows)).toFixed(6)}`);
  return `${lines.join('\n')}\n`;
}
