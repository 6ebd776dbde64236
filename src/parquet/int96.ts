import { Field, TimeUnit, Timestamp, makeData, makeVector, type Data, type DataType, type Vector } from 'apache-arrow';
import type { SchemaElement } from 'hyparquet';
import type { ColumnSubset } from './columnSubset';
import { mapLeaves } from './leafExtensions';
import type { RowGroupColumns } from './rowGroupMeta';

const JULIAN_UNIX_EPOCH = 2440588n;
const MICROS_PER_DAY = 86_400_000_000n;

/**
 * INT96 timestamps are decoded here, not by parquet-wasm: it converts them to nanoseconds in an
 * int64, which silently wraps for dates outside 1677–2262 (Spark writes such dates). INT96 is
 * stored as 12 plain bytes, exactly like FIXED_LEN_BYTE_ARRAY(12), so the column is handed to
 * parquet-wasm as that and the raw bytes are converted here (int96ToTimestamps).
 */
export function asRawInt96<T extends RowGroupColumns>(rg: T, subset: ColumnSubset): { rg: T; subset: ColumnSubset } {
  const elements = subset.elements.map((e) => (e.type === 'INT96' ? { ...e, type: 'FIXED_LEN_BYTE_ARRAY' as const, type_length: 12 } : e));
  const columns = rg.columns.map((c, k) =>
    k >= subset.firstLeaf && k < subset.firstLeaf + subset.leaves && c.meta_data?.type === 'INT96' ? { ...c, meta_data: { ...c.meta_data, type: 'FIXED_LEN_BYTE_ARRAY' as const } } : c,
  );
  return { rg: { ...rg, columns }, subset: { ...subset, elements } };
}

/** True when the column holds INT96 leaves below its top level (Spark writes arrays and structs of INT96 timestamps). */
export function hasNestedInt96(subset: ColumnSubset): boolean {
  return !isInt96Column(subset) && subset.elements.some((e) => e.type === 'INT96');
}

/** The field with each leaf's type replaced by `leafType(type, k)` (mapLeaves). */
const withLeafTypes = (field: Field, leafType: (type: DataType, k: number) => DataType): Field =>
  mapLeaves(field, (it, k) => {
    const type = leafType(it.type, k);
    return type === it.type ? it : new Field(it.name, type, it.nullable, it.metadata);
  });

/** The nested column's Arrow field with its INT96 leaves (Arrow leaves follow the Parquet leaves in order) typed INT96_TYPE. */
export function withInt96Leaves(field: Field, elements: SchemaElement[]): Field {
  const int96 = elements.filter((e) => !e.num_children).map((e) => e.type === 'INT96');
  return withLeafTypes(field, (type, k) => (int96[k] ? INT96_TYPE : type));
}

const NANOSECONDS = new Timestamp(TimeUnit.NANOSECOND);

/** The field as pyarrow names it: its INT96 leaves (withInt96Leaves) in nanoseconds. */
export const int96LeavesNamed = (field: Field): Field => withLeafTypes(field, (type) => (type === INT96_TYPE ? NANOSECONDS : type));

/**
 * A decoded nested column whose INT96 leaves came as 12-byte binaries (asRawInt96), with those leaves
 * converted (int96ToTimestamps) and the column's type `field` (withInt96Leaves) throughout.
 */
export function nestedInt96ToTimestamps(vector: Vector, field: Field): Vector {
  return makeVector(vector.data.map((d) => withTimestampLeaves(d, field.type)));
}

function withTimestampLeaves(data: Data, type: DataType): Data {
  const children = type.children as Field[] | undefined;
  // A list's values are read at their offsets plus the child's own offset: the converted child (offset 0) holds the same values at the same places.
  if (!children?.length) return type === INT96_TYPE ? int96ToTimestamps(makeVector(data)).data[0] : data.clone(type);
  return data.clone(type, undefined, undefined, undefined, undefined, data.children.map((c, i) => withTimestampLeaves(c, children[i].type)));
}

/** True when the (top-level) column is a plain INT96 leaf. */
export function isInt96Column(subset: ColumnSubset): boolean {
  return subset.leaves === 1 && subset.elements.length === 1 && subset.elements[0].type === 'INT96';
}

/**
 * The Arrow type INT96 columns are given: zone-less as pyarrow reads them, but in microseconds, which
 * hold any INT96 date exactly (pyarrow's nanoseconds wrap outside 1677–2262, and Spark writes
 * 9999-12-31). One unit for every row group keeps the column's values comparable; nanoseconds below
 * the microsecond (Impala writes some) are cut, which the column's note says.
 */
export const INT96_TYPE = new Timestamp(TimeUnit.MICROSECOND);
/** The type pyarrow names for INT96 columns (it reads them in nanoseconds). */
export const INT96_TYPE_NAME = 'timestamp[ns]';
export const INT96_NOTE = 'INT96 timestamps are shown to the microsecond (digits below it are cut), so that every date stays exact';

/**
 * Microseconds since the epoch of one 12-byte INT96 value (nanoseconds of the day, then the Julian day).
 * Julian day 0 is the epoch whatever the nanoseconds, as pyarrow reads it (parquetjs writes int64
 * nanoseconds since the epoch with day 0; Arrow C++ takes day 0 for a null entry's zeros).
 */
export function int96Micros(view: DataView): bigint {
  const day = view.getInt32(8, true);
  if (day === 0) return 0n;
  return (BigInt(day) - JULIAN_UNIX_EPOCH) * MICROS_PER_DAY + view.getBigInt64(0, true) / 1000n;
}

/** 12-byte INT96 values (nanoseconds of the day, then the Julian day) as INT96_TYPE. */
export function int96ToTimestamps(raw: Vector): Vector {
  const length = raw.length;
  const micros = new BigInt64Array(length);
  const validity = new Uint8Array((length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    const b = raw.get(i) as Uint8Array | null;
    if (!b) {
      nulls++;
      continue;
    }
    validity[i >> 3] |= 1 << (i & 7);
    micros[i] = int96Micros(new DataView(b.buffer, b.byteOffset, 12));
  }
  return makeVector(makeData({ type: INT96_TYPE, length, nullCount: nulls, nullBitmap: nulls ? validity : null, data: micros }));
}
