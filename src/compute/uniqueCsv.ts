import { csvLine } from './csvText';
import type { ValueCount } from './uniqueTypes';

/** value,count,share as CSV text (null as an empty field), with the formula guard the CLI's CSV has. */
export function uniqueCsv(values: readonly ValueCount[], rows: number): string {
  let text = csvLine(['value', 'count', 'share']);
  for (const v of values) text += csvLine([v.value === null ? null : String(v.value), String(v.count), (v.count / Math.max(1, rows)).toFixed(6)]);
  return text;
}
