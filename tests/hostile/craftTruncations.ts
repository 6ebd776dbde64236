import { Field, Int32, Utf8, makeData, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { schemaOf, streamOf } from './craftIpc';
import { smallParquet } from './craftParquet';

/** Three batches of four rows (a: int32, b: utf8). */
export function threeBatches(): Uint8Array {
  const batch = (k: number) => [makeData({ type: new Int32(), length: 4, nullCount: 0, data: Int32Array.from([0, 1, 2, 3].map((i) => 4 * k + i)) }), vectorFromArray(['p', 'q', 'r', 's'].map((s) => `${s}${k}`), new Utf8()).data[0]];
  return streamOf(schemaOf(new Field('a', new Int32(), false), new Field('b', new Utf8(), false)), [batch(0), batch(1), batch(2)]);
}

export const arrowFile = (): Uint8Array => tableToIPC(tableFromArrays({ a: Int32Array.from([1, 2, 3, 4]), b: ['w', 'x', 'y', 'z'] }), 'file');

/** `bytes` cut to `fraction` of their length, or to `-n` bytes short of it. */
export function cut(bytes: Uint8Array, at: number): Uint8Array {
  const end = at < 0 ? bytes.length + at : at < 1 ? Math.floor(bytes.length * at) : at;
  return bytes.slice(0, end);
}

export const truncations = {
  'stream cut at 60%': () => cut(threeBatches(), 0.6),
  'stream cut inside the schema (6 bytes)': () => cut(threeBatches(), 6),
  'stream without its end-of-stream marker': () => cut(threeBatches(), -8),
  'file one byte short': () => cut(arrowFile(), -1),
  'file cut at 50%': () => cut(arrowFile(), 0.5),
  'parquet one byte short': () => cut(smallParquet(), -1),
  'parquet cut at 50%': () => cut(smallParquet(), 0.5),
} satisfies Record<string, () => Uint8Array>;
