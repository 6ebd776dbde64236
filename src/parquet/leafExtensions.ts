import { Field, makeVector, util, type Data, type DataType, type Vector } from 'apache-arrow';
import type { SchemaElement } from 'hyparquet';
import { EXTENSION_KEY, UUID_EXTENSION } from '../valueText';
import { withChildren } from './withChildren';

/** pyarrow reads a Parquet UUID column as the arrow.uuid extension type. */
export const isUuid = (e: SchemaElement): boolean => e.logical_type?.type === 'UUID';

const JSON_EXTENSION = 'arrow.json';

/** The extension type pyarrow reads a Parquet leaf as: arrow.uuid for UUID, arrow.json for JSON. */
function leafExtension(e: SchemaElement): string | undefined {
  if (isUuid(e)) return UUID_EXTENSION;
  return e.logical_type?.type === 'JSON' || e.converted_type === 'JSON' ? JSON_EXTENSION : undefined;
}

/** Marks the Arrow leaves with their extension names; Arrow leaves follow the Parquet leaves in order. */
function markLeaves(field: Field, extensions: (string | undefined)[], at: { leaf: number }): Field {
  const children = field.type.children as Field[] | undefined;
  if (!children?.length) {
    const extension = extensions[at.leaf++];
    if (!extension) return field;
    return new Field(field.name, field.type, field.nullable, new Map([...field.metadata, [EXTENSION_KEY, extension]]));
  }
  const marked = children.map((c) => markLeaves(c, extensions, at));
  if (marked.every((c, i) => c === children[i])) return field;
  const type = withChildren(field.type, marked);
  return type ? new Field(field.name, type, field.nullable, field.metadata) : field;
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
  const marked = markLeaves(field, extensions, at);
  return at.leaf === leaves.length ? marked : field;
}

function retype(data: Data, type: DataType): Data {
  const children = type.children as Field[] | undefined;
  if (!children?.length || data.children.length !== children.length) return data.clone(type);
  return data.clone(type, undefined, undefined, undefined, undefined, data.children.map((c, i) => retype(c, children[i].type)));
}

/** True when the column holds a Parquet UUID below its top level (its decoded vector needs the marks). */
export const hasNestedUuid = (elements: SchemaElement[]): boolean => elements.length > 1 && elements.some(isUuid);

/**
 * A decoded vector given the column's marked type (same shape: the comparison ignores field metadata),
 * so nested UUIDs are known as such to whatever formats its values.
 */
export function withFieldType(vector: Vector, field: Field): Vector {
  if (vector.type === field.type || !util.compareTypes(vector.type, field.type)) return vector;
  return makeVector(vector.data.map((d) => retype(d, field.type)));
}
