import { Dictionary, Field, FixedSizeList, Int32, LargeList, List, Map_, MessageReader, Null, Struct, Timestamp, Type, type DataType, type Int, type Schema } from 'apache-arrow';
import type { FileMetaData } from 'hyparquet';
import { ByteBuffer, decodeFieldFb, FixedSizeListFb, MapFb, MessageFb, SchemaFb, TypeFb, type FieldFb } from '../adapters/apacheArrowInternals';
import type { DatasetProblem } from '../model/errors';
import { withFieldMetadata } from '../valueText/metadataText';
import { withChildren } from '../model/withChildren';
import { markListView } from '../model/listViewMark';

/** ARROW:schema holds an encapsulated IPC schema message, base64 (with or without the 0xFFFFFFFF prefix). */
function arrowSchemaBytes(value: string): Uint8Array {
  const bin = atob(value);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function decodeArrowSchema(bytes: Uint8Array): Schema {
  const schema = new MessageReader(bytes).readSchema();
  if (!schema) throw new Error('it holds no schema message');
  return schema;
}

/**
 * How many top-level fields the stored schema message lists, read from its flatbuffer without
 * decoding them (a damaged count of 393,224 took seconds to decode), or null when it cannot be told.
 */
function storedFieldCount(bytes: Uint8Array): number | null {
  try {
    return storedSchemaFb(bytes)?.fieldsLength() ?? null;
  } catch {
    return null;
  }
}

/** The stored schema message's flatbuffer (the message after its optional 0xFFFFFFFF prefix and its length). */
function storedSchemaFb(bytes: Uint8Array): SchemaFb | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = view.getUint32(0, true) === 0xffffffff ? 4 : 0;
  const metadata = bytes.subarray(at + 4, at + 4 + view.getInt32(at, true));
  return MessageFb.getRootAsMessage(new ByteBuffer(metadata)).header(new SchemaFb()) as SchemaFb | null;
}

/** Every field's metadata, at any depth, as pyarrow shows it (withFieldMetadata), where apache-arrow decoded it otherwise. */
function withStoredMetadata(fields: (Field | null)[], schema: SchemaFb | null): (Field | null)[] {
  return fields.map((field, i) => {
    const fb = schema && i < schema.fieldsLength() ? schema.fields(i) : null;
    return field && fb ? withFieldMetadata(field, fb) : field;
  });
}

/**
 * A stored list_view or large_list_view field whose item apache-arrow decodes (Arrow JS has no such
 * types): a list marked as the view (markListView), the type pyarrow restores; null for any other.
 */
function listViewField(fb: FieldFb, dictionaries: Map<number, DataType>): Field | null {
  const kind = fb.typeType();
  if ((kind !== TypeFb.ListView && kind !== TypeFb.LargeListView) || fb.childrenLength() !== 1) return null;
  const item = storedField(fb.children(0)!, dictionaries).field;
  return item && new Field(fb.name() ?? '', markListView(new List(item), kind === TypeFb.LargeListView ? 'large_list_view' : 'list_view'), fb.nullable());
}

/**
 * A stored field apache-arrow cannot decode, built from its parts: a run_end_encoded field (pyarrow
 * does not restore it: the column or child keeps its Parquet type) becomes a Null that restores
 * nothing; a list view is a list marked as the view (listViewField); lists, fixed-size lists, structs
 * and maps around them keep their stored type. Null where none of these applies (a union, say).
 */
function storedField(fb: FieldFb, dictionaries: Map<number, DataType>): { field: Field | null; tolerated?: boolean; error?: string } {
  let error: string;
  try {
    return { field: decodeFieldFb(fb, dictionaries) };
  } catch (e) {
    error = String((e as Error).message ?? e);
  }
  const kind = fb.typeType();
  const name = fb.name() ?? '';
  if (kind === TypeFb.RunEndEncoded) return { field: new Field(name, new Null(), fb.nullable()), tolerated: true };
  const view = listViewField(fb, dictionaries);
  if (view) return { field: view, tolerated: true };
  if (fb.dictionary()) return { field: null, error };
  const children: Field[] = [];
  for (let i = 0; i < fb.childrenLength(); i++) {
    const child = fb.children(i);
    const one = child && storedField(child, dictionaries).field;
    if (!one) return { field: null, error };
    children.push(one);
  }
  const type = nestedType(fb, kind, children);
  return type ? { field: new Field(name, type, fb.nullable()), tolerated: true } : { field: null, error };
}

function nestedType(fb: FieldFb, kind: TypeFb, children: Field[]): DataType | null {
  if (kind === TypeFb.Struct_) return new Struct(children);
  if (children.length !== 1) return null;
  if (kind === TypeFb.List) return new List(children[0]);
  if (kind === TypeFb.LargeList) return new LargeList(children[0]);
  if (kind === TypeFb.FixedSizeList) {
    const size = (fb.type(new FixedSizeListFb()) as FixedSizeListFb | null)?.listSize();
    return size === undefined ? null : new FixedSizeList(size, children[0]);
  }
  if (kind === TypeFb.Map && children[0].type.typeId === Type.Struct) {
    return new Map_(children[0] as Field<Struct>, (fb.type(new MapFb()) as MapFb | null)?.keysSorted() ?? false);
  }
  return null;
}

/**
 * The stored schema's top-level fields decoded one by one (see storedField): null for one that cannot
 * be decoded, its name read from the flatbuffer. `tolerated` when a field needed storedField's help.
 */
function fieldsOneByOne(bytes: Uint8Array): { fields: (Field | null)[]; names: string[]; errors: string[]; tolerated: boolean } {
  const schema = storedSchemaFb(bytes)!;
  const dictionaries = new Map<number, DataType>();
  const fields: (Field | null)[] = [];
  const names: string[] = [];
  const errors: string[] = [];
  let tolerated = false;
  for (let i = 0; i < schema.fieldsLength(); i++) {
    const fb = schema.fields(i)!;
    names.push(fb.name() ?? '');
    const one = storedField(fb, dictionaries);
    fields.push(one.field);
    errors.push(one.error ?? '');
    tolerated ||= one.tolerated === true;
  }
  return { fields, names, errors, tolerated };
}

/**
 * The top-level fields of the Arrow schema the writer stored (pyarrow's ARROW:schema), when it matches
 * the Parquet schema's top-level columns (count and names); otherwise none, with a note saying why.
 * A field that cannot be decoded is null (its column keeps the type its Parquet schema gives, and a
 * note says so); the others still apply.
 */
export function originalFields(md: FileMetaData, names: string[]): { fields?: (Field | null)[]; problem?: DatasetProblem } {
  const value = md.key_value_metadata?.find((kv) => kv.key === 'ARROW:schema')?.value;
  if (!value) return {};
  const ignored = (why: string): { problem: DatasetProblem } => ({
    problem: { message: `The file's stored Arrow schema (ARROW:schema) is ignored: ${why}.`, where: {}, stillWorks: 'Columns are shown in the types their Parquet schema gives.' },
  });
  const fieldCountText = (n: number) => `it has ${n} fields where the Parquet schema has ${names.length} columns`;
  let fields: (Field | null)[];
  let storedNames: string[];
  let problem: DatasetProblem | undefined;
  let bytes: Uint8Array;
  try {
    bytes = arrowSchemaBytes(value);
    // Checked before decoding, as a schema that cannot match is ignored anyway.
    const count = storedFieldCount(bytes);
    if (count !== null && count !== names.length) return ignored(fieldCountText(count));
    try {
      fields = decodeArrowSchema(bytes).fields;
      storedNames = fields.map((f) => f!.name);
    } catch (e) {
      let one: ReturnType<typeof fieldsOneByOne>;
      try {
        one = fieldsOneByOne(bytes);
      } catch {
        throw e;
      }
      const failed = one.errors.findIndex(Boolean);
      if ((failed < 0 && !one.tolerated) || one.fields.every((f) => f === null)) throw e;
      ({ fields, names: storedNames } = one);
      if (failed >= 0) problem = {
        message: `The file's stored Arrow schema (ARROW:schema) cannot give the type of column "${one.names[failed]}"${one.errors.filter(Boolean).length > 1 ? ' and others' : ''} (${one.errors[failed]}).`,
        where: {},
        stillWorks: 'Those columns are shown in the types their Parquet schema gives; the others in the types pyarrow reads them in.',
      };
    }
  } catch (e) {
    return ignored(`it cannot be decoded (${String((e as Error).message ?? e)})`);
  }
  if (fields.length !== names.length) return ignored(fieldCountText(fields.length));
  const damaged = fields.findIndex((f) => f !== null && lacksChild(f.type));
  if (damaged >= 0) return ignored(`its field ${damaged + 1} ("${storedNames[damaged]}") lists a nested field it does not hold (it is damaged)`);
  const other = storedNames.findIndex((n, i) => n !== names[i]);
  if (other >= 0) return ignored(`its field ${other + 1} is "${storedNames[other]}" where the Parquet column is "${names[other]}"`);
  return { fields: withStoredMetadata(fields, storedSchemaFb(bytes)), problem };
}

/** True when a type lists a child field that decoded to nothing (a damaged flatbuffer), at any depth. */
function lacksChild(type: DataType | undefined): boolean {
  if (!type) return true;
  const children = (type.children ?? []) as (Field | null | undefined)[];
  return children.some((c) => !c || lacksChild(c.type)) || (type.typeId === Type.Dictionary && lacksChild((type as Dictionary).dictionary));
}

// typeId is Type.Int for every integer width (Type.Int64 is only a name for the enum).
const isInt64 = (t: DataType) => t.typeId === Type.Int && (t as Int).bitWidth === 64 && (t as Int).isSigned;
const canReadAsDictionary = (t: DataType) => t.typeId === Type.Utf8 || t.typeId === Type.Binary || t.typeId === Type.LargeUtf8 || t.typeId === Type.LargeBinary;

/**
 * The type pyarrow reads a column in, from the type the Parquet schema maps to (`inferred`) and the
 * stored Arrow type (`origin`), by pyarrow's rules (parquet/arrow/schema.cc ApplyOriginalMetadata):
 * a UTC timestamp takes the stored zone (its unit stays the Parquet one), int64 becomes the stored
 * duration, string/binary the stored large or dictionary type, a list the stored large_list, and
 * nested types (a list stored as fixed_size_list too) apply this to their children.
 * Any other stored type (date64, time32[s], timestamp[s]…) is not restored, as pyarrow does not.
 */
function restoredType(inferred: DataType, origin: DataType): DataType {
  if (inferred.typeId === Type.Timestamp && origin.typeId === Type.Timestamp) {
    const i = inferred as Timestamp;
    const o = origin as Timestamp;
    return i.timezone === 'UTC' && o.timezone ? new Timestamp(i.unit, o.timezone) : inferred;
  }
  if (isInt64(inferred) && origin.typeId === Type.Duration) return origin;
  if (origin.typeId === Type.Dictionary && canReadAsDictionary(inferred)) {
    const d = origin as Dictionary;
    return new Dictionary(inferred, d.indices ?? new Int32(), undefined, d.isOrdered);
  }
  // (pyarrow also restores string_view/binary_view; parquet-wasm does not decode to them: left as string/binary.)
  if (inferred.typeId === Type.Utf8 && origin.typeId === Type.LargeUtf8) return origin;
  if (inferred.typeId === Type.Binary && origin.typeId === Type.LargeBinary) return origin;
  if (inferred.typeId === Type.List && origin.typeId === Type.LargeList) {
    const child = (inferred as List).children[0];
    return new LargeList(restoredField(child, (origin as LargeList).children[0]));
  }
  if (inferred.typeId === Type.List && origin.typeId === Type.FixedSizeList) {
    // Read as a list and named as the stored fixed_size_list (shownTypes.ts); its item is restored here.
    const child = (inferred as List).children[0];
    const restored = restoredField(child, (origin as FixedSizeList).children[0]);
    return restored === child ? inferred : new List(restored);
  }
  const children = inferred.children as Field[] | undefined;
  const originChildren = origin.children as Field[] | undefined;
  if (!children?.length || inferred.typeId !== origin.typeId || originChildren?.length !== children.length) return inferred;
  const restored = children.map((c, i) => restoredField(c, originChildren[i]));
  if (restored.every((c, i) => c === children[i])) return inferred;
  return withChildren(inferred, restored) ?? inferred;
}

/** The field in the type pyarrow reads it in (see restoredType); the same object when nothing changes. */
export function restoredField(inferred: Field, origin: Field): Field {
  const type = restoredType(inferred.type, origin.type);
  return type === inferred.type ? inferred : new Field(inferred.name, type, inferred.nullable, inferred.metadata);
}
