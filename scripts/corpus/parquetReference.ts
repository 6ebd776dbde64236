/**
 * Cross-check of Parquet values against an independent reader: hyparquet (pure JS) for every flat
 * column whose values both sides represent exactly (integers, floats, booleans, strings and binaries
 * as bytes, dates, timestamps); parquet-wasm (Rust) is what the app reads with.
 */
import { readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { Type, type DataType, type Vector } from 'apache-arrow';
import type { Dataset } from '../../src/model/types';

export interface ReferenceOutcome {
  /** Columns compared value by value, and columns whose type is not compared. */
  compared: number;
  skipped: number;
  mismatch?: string;
  /** Why no comparison was possible (the reference could not read the file). */
  unavailable?: string;
}

const MAX_BYTES = 64 * 1024 * 1024;
const NS_PER_UNIT = [1_000_000_000n, 1_000_000n, 1000n, 1n]; // Arrow TimeUnit SECOND … NANOSECOND

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const encoder = new TextEncoder();
const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));

// The reference's values in the same raw form as ours: bytes as hex, timestamps as nanoseconds, dates as ms.
const RAW_PARSERS = {
  timestampFromMilliseconds: (v: bigint | number) => ({ ns: BigInt(v) * 1_000_000n }),
  timestampFromMicroseconds: (v: bigint | number) => ({ ns: BigInt(v) * 1000n }),
  timestampFromNanoseconds: (v: bigint | number) => ({ ns: BigInt(v) }),
  dateFromDays: (days: number) => days * 86_400_000,
  stringFromBytes: (b: Uint8Array | undefined) => b && { hex: hex(b) },
  jsonFromBytes: (b: Uint8Array | undefined) => b && { hex: hex(b) },
  geometryFromBytes: (b: Uint8Array | undefined) => b && { hex: hex(b) },
  geographyFromBytes: (b: Uint8Array | undefined) => b && { hex: hex(b) },
};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function valueType(type: DataType): DataType {
  return type.typeId === Type.Dictionary ? (type as unknown as { dictionary: DataType }).dictionary : type;
}

function comparable(type: DataType): boolean {
  return [Type.Int, Type.Float, Type.Bool, Type.Utf8, Type.LargeUtf8, Type.Binary, Type.LargeBinary, Type.Date, Type.Timestamp].includes(valueType(type).typeId);
}

function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return hex(encoder.encode(v));
  if (v instanceof Uint8Array) return hex(v);
  if (typeof v === 'object' && 'hex' in v) return (v as { hex: string }).hex;
  if (typeof v === 'object' && 'ns' in v) return String((v as { ns: bigint }).ns);
  return JSON.stringify(v);
}

/** Our values of one column as canonical text, timestamps from their raw int64 in nanoseconds. */
function ours(vector: Vector): string[] {
  const type = valueType(vector.type);
  if (type.typeId !== Type.Timestamp) return Array.from({ length: vector.length }, (_, i) => canonical(vector.get(i)));
  const out: string[] = [];
  for (const data of vector.data) {
    const per = NS_PER_UNIT[(data.type as unknown as { unit: number }).unit];
    const raw = data.values as BigInt64Array;
    for (let i = 0; i < data.length; i++) out.push(data.getValid(i) ? String(BigInt(raw[i]) * per) : 'null');
  }
  return out;
}

export async function compareWithReference(path: string, dataset: Dataset): Promise<ReferenceOutcome> {
  const columns = dataset.fields.map((f, c) => ({ f, c, type: dataset.schema.fields[c].type })).filter(({ f, type }) => !f.children.length && !f.unsupported && f.repetition !== 'REPEATED' && comparable(type));
  const skipped = dataset.fields.length - columns.length;
  if (!columns.length) return { compared: 0, skipped };
  const bytes = readFileSync(path);
  if (bytes.length > MAX_BYTES) return { compared: 0, skipped, unavailable: 'file too large for the reference' };
  let rows: Record<string, unknown>[];
  try {
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    rows = await parquetReadObjects({ file, columns: columns.map(({ f }) => f.name), parsers: RAW_PARSERS, utf8: false, compressors });
  } catch (e) {
    return { compared: 0, skipped, unavailable: `hyparquet: ${(e as Error).message}` };
  }
  if (rows.length !== dataset.rows) return { compared: 0, skipped, mismatch: `${dataset.rows} rows, the reference read ${rows.length}` };
  for (const { f, c } of columns) {
    const int96 = f.physicalType === 'INT96';
    const mine: string[] = [];
    for (const chunk of dataset.chunks) for (const v of ours(await dataset.readColumn(chunk.index, c))) mine.push(v);
    for (let r = 0; r < rows.length; r++) {
      // INT96 dates past the int64-nanosecond range (year 2262) wrap in the reference; the vitest
      // suite checks those against the values the parquet-testing README gives.
      if (int96 && mine[r] !== 'null' && (BigInt(mine[r]) > INT64_MAX || BigInt(mine[r]) < INT64_MIN)) continue;
      let theirs = canonical(rows[r][f.name]);
      // The app keeps INT96 at microseconds (Arrow's usual unit for it); compare at that precision.
      if (int96 && theirs !== 'null') theirs = String(floorDiv(BigInt(theirs), 1000n) * 1000n);
      if (mine[r] !== theirs) return { compared: columns.length, skipped, mismatch: `column "${f.name}" row ${r}: ours ${mine[r]}, reference ${theirs}` };
    }
  }
  return { compared: columns.length, skipped };
}
