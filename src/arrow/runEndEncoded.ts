import { makeData, makeVector, type Data } from 'apache-arrow';
import type { RowRange } from '../model/types';
import type { RunEndEncodedType } from './decodedTypes';

/** Index of the first run whose end is past `row` (run ends strictly increase). */
function runOf(ends: ArrayLike<number | bigint>, row: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (Number(ends[mid]) > row) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The reason run ends of a column of `length` rows are malformed, or null. */
function checkRunEnds(runEnds: Data, values: Data, length: number): string | null {
  if (runEnds.nullCount > 0) return 'run ends contain nulls';
  if (runEnds.length !== values.length) return `${runEnds.length} run ends for ${values.length} run values`;
  if (length === 0) return null;
  const ends = runEnds.values as ArrayLike<number | bigint>;
  if (ends.length < runEnds.length) return `run ends buffer holds ${ends.length} of ${runEnds.length}`;
  let prev = 0;
  for (let k = 0; k < runEnds.length; k++) {
    const end = Number(ends[k]);
    if (!(end > prev)) return `run end ${end} at run ${k} does not increase`;
    prev = end;
  }
  return prev < length ? `runs end at row ${prev} of ${length}` : null;
}

/**
 * A run-end encoded column (its run ends and values children) as a dictionary whose indices are
 * the run of each logical row, for the whole column or rows [start, end) only (found by binary
 * search in the run ends). Rows whose run value is null are null in the result's own validity,
 * so null counts and "is valid" agree with what is shown.
 */
export function runEndEncodedData(type: RunEndEncodedType, length: number, runEnds: Data, values: Data, window?: RowRange): Data {
  const problem = checkRunEnds(runEnds, values, length);
  if (problem) throw new Error(problem);
  const start = Math.max(0, Math.min(length, window?.start ?? 0));
  const end = Math.max(start, Math.min(length, window?.end ?? length));
  const ends = runEnds.values as ArrayLike<number | bigint>;
  const indices = new Int32Array(end - start);
  let run = runOf(ends, start);
  let runEnd = run < ends.length ? Number(ends[run]) : Infinity;
  for (let row = start; row < end; row++) {
    while (row >= runEnd) runEnd = Number(ends[++run]);
    indices[row - start] = run;
  }
  let nullBitmap: Uint8Array | undefined;
  let nullCount = 0;
  if (values.nullCount !== 0) {
    nullBitmap = new Uint8Array(Math.ceil(indices.length / 8));
    for (let i = 0; i < indices.length; i++) {
      if (values.getValid(indices[i])) nullBitmap[i >>> 3] |= 1 << (i & 7);
      else nullCount++;
    }
  }
  return makeData({ type, length: indices.length, nullCount, nullBitmap, data: indices, dictionary: makeVector(values) });
}
