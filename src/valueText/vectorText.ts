import type { Data, Vector } from 'apache-arrow';
import { dataFormatter, type ElementText } from './dataFormatter';

/** Top-level formatters per chunk and extension, so single-cell lookups do not rebuild them. */
const cache = new WeakMap<Data, Map<string, ElementText>>();

function topFormatter(data: Data, extension?: string | null): ElementText {
  let byExtension = cache.get(data);
  if (!byExtension) {
    byExtension = new Map();
    cache.set(data, byExtension);
  }
  const key = extension ?? '';
  let f = byExtension.get(key);
  if (!f) {
    f = dataFormatter(data, false, extension ?? undefined);
    byExtension.set(key, f);
  }
  return f;
}

/**
 * Text of every row of a Vector (null for nulls), read from the raw buffers of each chunk: exact
 * where apache-arrow's get() is lossy (int64 timestamps, date64, time64, durations, decimals).
 * `extension`: the column's extension name (ARROW:extension:name, or arrow.uuid for a Parquet UUID).
 */
export function vectorText(vector: Vector, extension?: string | null): (string | null)[] {
  const out: (string | null)[] = new Array(vector.length);
  let row = 0;
  for (const data of vector.data) {
    const text = dataFormatter(data, false, extension ?? undefined);
    for (let i = 0; i < data.length; i++) out[row++] = text(i);
  }
  return out;
}

/** Text of one row of a Vector (null for a null), exact as vectorText is. */
export function vectorValueText(vector: Vector, index: number, extension?: string | null): string | null {
  let i = index;
  for (const data of vector.data) {
    if (i < data.length) return topFormatter(data, extension)(i);
    i -= data.length;
  }
  return null;
}
