import { Field, makeVector, Type, util, type Data, type DataType, type FixedSizeBinary, type Vector } from 'apache-arrow';
import type { SchemaElement } from 'hyparquet';
import { EXTENSION_KEY, UUID_EXTENSION } from '../valueText';
import { withChildren } from '../model/withChildren';

/** pyarrow reads a Parquet UUID column as the arrow.uuid extension type. */
export const isUuid = (e: SchemaElement): boolean => e.logical_type?.type === 'UUID';

const JSON_EXTENSION = 'arrow.json';

/** The extension type pyarrow reads a Parquet leaf as: arrow.uuid for UUID, arrow.json for JSON. */
function leafExtension(e: SchemaElement): string | undefined {
  if (isUuid(e)) return UUID_EXTENSION;
  return e.logical_type?.type === 'JSON' || e.converted_type === 'JSON' ? JSON_EXTENSION : undefined;
}

const marked = (field: Field, extension: string) => new Field(field.name, field.type, field.nullable, new Map([...field.metadata, [EXTENSION_KEY, extension]]));

/** The field with `children` in place of its type's own; the field itself when none changed. */
function withMarkedChildren(field: Field, children: Field[], marks: Field[]): Field {
  if (marks.every((c, i) => c === children[i])) return field;
  const type = withChildren(field.type, marks);
  return type ? new Field(field.name, type, field.nullable, field.metadata) : field;
}

/**
 * The field with each leaf field replaced by `leaf(it, k)`, k its place in depth-first order (Arrow
 * leaves follow the Parquet leaves in order; `at.leaf` ends as their count); the field itself when none changes.
 */
export function mapLeaves(field: Field, leaf: (it: Field, k: number) => Field, at = { leaf: 0 }): Field {
  const children = field.type.children as Field[] | undefined;
  if (!children?.length) return leaf(field, at.leaf++);
  return withMarkedChildren(field, children, children.map((c) => mapLeaves(c, leaf, at)));
}

/**
 * The column's Arrow field with every Parquet UUID leaf marked as arrow.uuid and every JSON leaf as
 * arrow.json (ARROW:extension:name), as pyarrow reads them; the field itself when it holds none or its
 * shape is not the Parquet one.
 */
export function withLeafExtensions(field: Field, elements: SchemaElement[]): Field {
  const leaves = elements.filter((e) => !e.num_children);
  const extensions = leaves.map(leafExtension);
  if (!extensions.some(Boolean)) return field;
  const at = { leaf: 0 };
  const withMarks = mapLeaves(field, (it, k) => (extensions[k] ? marked(it, extensions[k]) : it), at);
  return at.leaf === leaves.length ? withMarks : field;
}

const isUuidStorage = (type: DataType) => type.typeId === Type.FixedSizeBinary && (type as FixedSizeBinary).byteWidth === 16;

/**
 * The field with every leaf the stored Arrow schema (`origin`, the same shape) types arrow.uuid marked
 * so, as pyarrow reads it: a writer may keep the extension only there (parquet-wasm writes such a column
 * as FIXED_LEN_BYTE_ARRAY(16) without the UUID logical type). The field itself when it holds none.
 */
export function withStoredUuids(field: Field, origin: Field): Field {
  const children = field.type.children as Field[] | undefined;
  if (!children?.length) {
    const uuid = origin.metadata.get(EXTENSION_KEY) === UUID_EXTENSION && isUuidStorage(field.type) && isUuidStorage(origin.type) && !field.metadata.has(EXTENSION_KEY);
    return uuid ? marked(field, UUID_EXTENSION) : field;
  }
  const stored = origin.type.children as Field[] | undefined;
  if (stored?.length !== children.length) return field;
  return withMarkedChildren(field, children, children.map((c, i) => withStoredUuids(c, stored[i])));
}

/** True when a field below the column's top level is marked with an extension (its decoded vector needs the marks: withFieldType). */
export function marksBelow(field: Field): boolean {
  return (field.type.children as Field[] | undefined)?.some((c) => c.metadata.has(EXTENSION_KEY) || marksBelow(c)) ?? false;
}

function retype(data: Data, type: DataType): Data {
  const children = type.children as Field[] | undefined;
  if (!children?.length || data.children.length !== children.length) return data.clone(type);
  return data.clone(type, undefined, undefined, undefined, undefined, data.children.map((c, i) => retype(c, children[i].type)));
}

/**
 * A decoded vector given the column's marked type (same shape: the comparison ignores field metadata),
 * so nested extension leaves (UUIDs) are known as such to whatever formats its values.
 */
export function withFieldType(vector: Vector, field: Field): Vector {
  if (vector.type === field.type || !util.compareTypes(vector.type, field.type)) return vector;
  return makeVector(vector.data.map((d) => retype(d, field.type)));
}
