import { Field, Type, type DataType, type Schema } from 'apache-arrow';
import type { LogicalType, SchemaElement } from 'hyparquet';
import type { FieldInfo } from '../model/types';
import { UUID_EXTENSION, fieldExtension, fieldTypeName, typeName } from '../valueText';
import { INT96_NOTE, INT96_TYPE_NAME, int96LeavesNamed } from './int96';
import { shownField } from './shownTypes';
import { withChildren } from '../model/withChildren';

function logicalText(t: LogicalType): string {
  const rest = Object.entries(t)
    .filter(([k, v]) => k !== 'type' && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return rest.length ? `${t.type}(${rest.join(', ')})` : t.type;
}

function family(e: SchemaElement, children: number, insideListOrMap: boolean): string {
  const logical = e.logical_type?.type ?? e.converted_type;
  // A repeated field outside a LIST or MAP group is a list of itself (pyarrow: list<x: int32 not null>).
  if (e.repetition_type === 'REPEATED' && !insideListOrMap) return 'list';
  if (children > 0) return logical === 'LIST' ? 'list' : logical === 'MAP' || logical === 'MAP_KEY_VALUE' ? 'map' : 'struct';
  switch (logical) {
    case 'STRING':
    case 'UTF8':
    case 'ENUM':
    case 'JSON':
      return 'utf8';
    case 'DECIMAL':
      return 'decimal';
    case 'DATE':
      return 'date';
    case 'TIME':
    case 'TIME_MILLIS':
    case 'TIME_MICROS':
      return 'time';
    case 'TIMESTAMP':
    case 'TIMESTAMP_MILLIS':
    case 'TIMESTAMP_MICROS':
      return 'timestamp';
    case 'FLOAT16':
      return 'float';
  }
  switch (e.type) {
    case 'BOOLEAN':
      return 'bool';
    case 'INT32':
    case 'INT64':
      return 'int';
    case 'INT96':
      return 'timestamp';
    case 'FLOAT':
    case 'DOUBLE':
      return 'float';
    case 'FIXED_LEN_BYTE_ARRAY':
      return 'fixed_size_binary';
    default:
      return 'binary';
  }
}

/** Shared by every field without metadata or children (a schema may have 100,000 fields): frozen, so nothing adds to them. */
const NO_METADATA: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: FieldInfo[] = Object.freeze([]) as unknown as FieldInfo[];

const KNOWN_LOGICAL = new Set(['STRING', 'MAP', 'LIST', 'ENUM', 'DATE', 'INTERVAL', 'NULL', 'JSON', 'BSON', 'UUID', 'FLOAT16', 'DECIMAL', 'TIME', 'TIMESTAMP', 'INTEGER', 'VARIANT', 'GEOMETRY', 'GEOGRAPHY']);

/**
 * Plain-data description of one top-level Parquet column (and its children) from its schema elements
 * in depth-first order (a ColumnSubset's). `type` describes the Parquet node ("INTEGER(bitWidth=8,
 * isSigned=true) / INT32") until arrowTypeNames names the top-level columns' Arrow types. A repeated
 * node is never null (its list may be empty). Read from the flat elements, not hyparquet's schema tree,
 * which gives each of a wide file's 100,000 nodes a path array besides.
 */
export function parquetFieldInfo(elements: readonly SchemaElement[]): FieldInfo {
  return fieldAt(elements, { at: 0 }, false);
}

function fieldAt(elements: readonly SchemaElement[], cursor: { at: number }, insideListOrMap: boolean): FieldInfo {
  const e = elements[cursor.at++];
  if (!e) throw new Error('the schema ends inside a group');
  const childCount = e.num_children ?? 0;
  const typeId = family(e, childCount, insideListOrMap);
  const annotation = e.logical_type?.type ?? e.converted_type;
  const listOrMapGroup = annotation === 'LIST' || annotation === 'MAP' || annotation === 'MAP_KEY_VALUE';
  let children = NO_CHILDREN;
  if (childCount > 0) {
    children = [];
    for (let k = 0; k < childCount; k++) children.push(fieldAt(elements, cursor, listOrMapGroup));
  }
  const physical = e.type ? (e.type === 'FIXED_LEN_BYTE_ARRAY' ? `FIXED_LEN_BYTE_ARRAY(${e.type_length})` : e.type) : undefined;
  // A decimal known by its converted type alone keeps its precision and scale, as its logical type would.
  const logical = e.logical_type ? logicalText(e.logical_type) : e.converted_type === 'DECIMAL' ? `DECIMAL(precision=${e.precision}, scale=${e.scale ?? 0})` : e.converted_type;
  const info: FieldInfo = {
    name: e.name,
    type: (logical && physical ? `${logical} / ${physical}` : logical || physical) || (children.length ? 'group' : 'unknown'),
    typeId,
    nullable: e.repetition_type === 'OPTIONAL' || e.repetition_type === undefined,
    metadata: e.field_id === undefined ? NO_METADATA : { 'PARQUET:field_id': String(e.field_id) },
    children,
    repetition: e.repetition_type,
  };
  if (physical) info.physicalType = physical;
  if (logical) info.logicalType = logical;
  if (e.logical_type && !KNOWN_LOGICAL.has(e.logical_type.type)) info.note = `unknown logical type ${e.logical_type.type}: shown as its physical type`;
  if (e.logical_type?.type === 'UUID') info.extension = UUID_EXTENSION;
  if (e.type === 'INT96') info.note ??= INT96_NOTE;
  return info;
}

/** The field with each map's entries named after the map, as pyarrow's Parquet reader names them (`map<string, int32 ('m')>`). */
function entriesNamedLikePyarrow(field: Field): Field {
  const children = field.type.children as Field[] | undefined;
  if (!children?.length) return field;
  const type = withChildren(field.type, children.map(entriesNamedLikePyarrow));
  if (!type) return field;
  // apache-arrow's Map_ names its entries "entries" (its own fresh child here): renamed after the constructor.
  if (type.typeId === Type.Map) (type.children[0] as { name: string }).name = field.name;
  return new Field(field.name, type, field.nullable, field.metadata);
}

/**
 * Names each top-level column's type as pyarrow does ("int8", "timestamp[ns]", "decimal128(9, 2)",
 * "list<element: int32>"), from its apache-arrow field. A column whose type could not be mapped
 * (a Null stand-in, marked unsupported) keeps its Parquet description.
 */
export function arrowTypeNames(fields: FieldInfo[], schema: Schema, origin?: (Field | null)[]): void {
  // Leaf types are shared among columns (arrowSchema.ts): each one's name is made once.
  const leafNames = new Map<DataType, string>();
  schema.fields.forEach((decoded, c) => {
    if (decoded.type.typeId === Type.Null && fields[c].unsupported) return;
    if (fields[c].physicalType === 'INT96') {
      fields[c].type = INT96_TYPE_NAME;
      return;
    }
    const stored = origin?.[c];
    const field = stored ? shownField(decoded, stored) : decoded;
    if (field !== decoded || fieldExtension(field) || field.type.children?.length) {
      fields[c].type = fieldTypeName(entriesNamedLikePyarrow(int96LeavesNamed(field)));
      return;
    }
    let name = leafNames.get(field.type);
    if (name === undefined) leafNames.set(field.type, (name = typeName(field.type)));
    fields[c].type = name;
  });
}
