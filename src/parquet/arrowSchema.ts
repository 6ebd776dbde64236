import { Bool, Field, Float32, Float64, Int32, Int64, Null, Schema, Type, type DataType } from 'apache-arrow';
import { Message } from '../adapters/apacheArrowInternals';
import type { FileMetaData } from 'hyparquet';
import { parquetWasm } from '../adapters/parquetWasm';
import type { FieldInfo } from '../model/types';
import type { ColumnSubset } from './columnSubset';
import { INT96_TYPE, hasNestedInt96, isInt96Column, withInt96Leaves } from './int96';
import { restoredField } from './originalSchema';
import { withStoredChildMetadata } from './storedChildMetadata';
import { withChildMetadataOf } from '../model/childMetadata';
import { arrowTypeNames } from './parquetFields';
import { schemaOnlyFile } from './syntheticFile';
import { withLeafExtensions, withStoredUuids } from './leafExtensions';
import { EXTENSION_KEY, UUID_EXTENSION } from '../valueText';

/** Columns whose Arrow types are learnt from parquet-wasm at once. */
const SCHEMA_GROUP = 2000;

/**
 * The apache-arrow schema, learnt from an empty file with this footer's schema (parquet-wasm's mapping),
 * with Parquet UUID and JSON leaves marked arrow.uuid and arrow.json as pyarrow reads them (and leaves the
 * stored Arrow schema types arrow.uuid), INT96
 * columns in the type they are decoded to (see int96.ts), and the types pyarrow restores from the stored Arrow schema (`origin`, see
 * originalSchema.ts; the columns it changes are added to `restoredColumns`); names each column's type in `fields`.
 * A column whose type parquet-wasm cannot map gets a Null field and is marked unsupported in `fields`.
 */
export async function arrowSchema(
  md: FileMetaData,
  subsets: ColumnSubset[],
  fields: FieldInfo[],
  metadata: Record<string, string>,
  origin?: (Field | null)[],
  restoredColumns = new Set<number>(),
): Promise<Schema> {
  const wasm = await parquetWasm();
  /**
   * The group's Arrow fields, one per column and in its order: parquet-wasm leaves out a column whose
   * schema element it cannot place (a physical type past the enum), which would shift every later
   * column onto its neighbour's type; such a mapping is refused here like a failed one.
   */
  const arrowFields = (group: ColumnSubset[]): Field[] => {
    const mapped = streamSchema(wasm.readParquet(schemaOnlyFile(md, group.length === subsets.length ? undefined : group)).intoIPCStream()).fields;
    if (mapped.length !== group.length) {
      throw new Error(`the Parquet decoder maps its schema element to ${mapped.length === 0 ? 'no Arrow field' : `${mapped.length} Arrow fields`} (it is damaged)`);
    }
    return mapped;
  };
  // One column's type is beyond parquet-wasm: find which, keep the others.
  const oneByOne = (group: ColumnSubset[], columns: number[]) =>
    group.map((subset, k) => {
      const c = columns[k];
      try {
        return arrowFields([subset])[0];
      } catch (e) {
        // hyparquet reads a physical type past the enum as undefined; the decoder's words for it are about lists.
        const untyped = subset.elements.find((el) => !el.num_children && el.type === undefined);
        const why = untyped ? `its Parquet schema element "${untyped.name}" has no physical type Parquet defines (the footer is damaged)` : String((e as Error).message ?? e);
        fields[c].unsupported ??= `its type cannot be read: ${why}`;
        return new Field(fields[c].name, new Null(), fields[c].nullable);
      }
    });
  // parquet-wasm's schema mapping takes time growing faster than the number of columns (2.5 s for
  // 100,000 at once): a wide schema is mapped a group of columns at a time.
  // A plain numeric or boolean leaf is mapped here, as parquet-wasm maps it (a wide file's columns are
  // mostly such, and re-encoding their footer for parquet-wasm took most of the open).
  const out: Field[] = subsets.map(plainField) as Field[];
  const rest: number[] = [];
  for (let c = 0; c < out.length; c++) if (!out[c]) rest.push(c);
  for (let first = 0; first < rest.length; first += SCHEMA_GROUP) {
    const columns = rest.slice(first, first + SCHEMA_GROUP);
    const group = columns.map((c) => subsets[c]);
    let mapped: Field[];
    try {
      mapped = arrowFields(group);
    } catch {
      mapped = oneByOne(group, columns);
    }
    columns.forEach((c, k) => (out[c] = mapped[k]));
  }
  const schema = new Schema(
    out.map((decoded, c) => {
      const field = hasNestedInt96(subsets[c]) ? withInt96Leaves(decoded, subsets[c].elements) : decoded;
      // A plain leaf's field is already compact, and nothing below changes it but a stored Arrow type.
      if (field.metadata === NO_METADATA && !origin) return field;
      if (isInt96Column(subsets[c])) return new Field(field.name, INT96_TYPE, field.nullable, field.metadata);
      const stored = origin?.[c];
      // The stored Arrow field's metadata is the field's, as pyarrow's schema_arrow shows it (with its PARQUET:field_id).
      if (stored?.metadata.size) fields[c].metadata = { ...Object.fromEntries(stored.metadata), ...fields[c].metadata };
      if (stored) withStoredChildMetadata(fields[c], stored);
      const restored = stored && field.type.typeId !== Type.Null ? restoredField(field, stored) : field;
      if (restored !== field) restoredColumns.add(c);
      const extended = withLeafExtensions(stored && restored.type.typeId !== Type.Null ? withStoredUuids(restored, stored) : restored, subsets[c].elements);
      // A nested field's stored metadata too, as pyarrow's read_table keeps it (and so an export).
      const nestedType = stored ? withChildMetadataOf(extended.type, stored.type) : extended.type;
      const marked = nestedType === extended.type ? extended : new Field(extended.name, nestedType, extended.nullable, extended.metadata);
      if (marked.metadata.get(EXTENSION_KEY) === UUID_EXTENSION) fields[c].extension = UUID_EXTENSION;
      // The metadata shown is the field's, for what is made of it too (an export keeps it, as pyarrow's read_table does).
      const shown = Object.entries(fields[c].metadata).filter(([key]) => !marked.metadata.has(key));
      return compactField(shown.length ? new Field(marked.name, marked.type, marked.nullable, new Map([...marked.metadata, ...shown])) : marked);
    }),
    new Map(Object.entries(metadata)),
  );
  arrowTypeNames(fields, schema, origin);
  return schema;
}

/** Leaf types whose name says all they hold: one instance of each is shared by the columns of that type. */
const SHAREABLE = new Set([Type.Null, Type.Bool, Type.Int, Type.Float, Type.Utf8, Type.LargeUtf8, Type.Binary, Type.LargeBinary]);
const sharedTypes = new Map<string, DataType>();
const NO_METADATA = new Map<string, string>();
const shared = (type: DataType): DataType => {
  const key = String(type);
  const found = sharedTypes.get(key);
  if (found) return found;
  sharedTypes.set(key, type);
  return type;
};

/** The shared instances of a plain leaf's types. */
const PLAIN_TYPES: Partial<Record<string, DataType>> = {
  BOOLEAN: shared(new Bool()),
  INT32: shared(new Int32()),
  INT64: shared(new Int64()),
  FLOAT: shared(new Float32()),
  DOUBLE: shared(new Float64()),
};

/**
 * The Arrow field of a top-level leaf with no annotation at all (no logical or converted type, scale,
 * precision or field id), required or optional: what parquet-wasm and pyarrow map it to. Undefined for
 * any other column (left to parquet-wasm).
 */
function plainField({ elements }: ColumnSubset): Field | undefined {
  if (elements.length !== 1) return undefined;
  const e = elements[0];
  if (e.num_children !== undefined || e.logical_type || e.converted_type || e.scale !== undefined || e.precision !== undefined || e.field_id !== undefined) return undefined;
  if (e.repetition_type !== 'REQUIRED' && e.repetition_type !== 'OPTIONAL') return undefined;
  const type = e.type && PLAIN_TYPES[e.type];
  return type && new Field(e.name, type, e.repetition_type === 'OPTIONAL', NO_METADATA);
}

/**
 * A plain leaf field with its type instance and empty metadata shared: decoded from IPC, each of a wide
 * file's 100,000 fields has its own type object and metadata Map (a few MB in all).
 */
function compactField(field: Field): Field {
  if (!SHAREABLE.has(field.type.typeId) || field.metadata.size > 0) return field;
  return new Field(field.name, shared(field.type), field.nullable, NO_METADATA);
}

/**
 * The schema of an IPC stream, from its first message alone (tableFromIPC takes time quadratic in the
 * number of columns: 4 s for 20,000, minutes for 100,000).
 */
function streamSchema(stream: Uint8Array): Schema {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const framed = view.getUint32(0, true) === 0xffffffff;
  const length = view.getInt32(framed ? 4 : 0, true);
  const start = framed ? 8 : 4;
  return Message.decode(stream.subarray(start, start + length)).header() as Schema;
}
