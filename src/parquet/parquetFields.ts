import type { LogicalType, SchemaElement, SchemaTree } from 'hyparquet';
import type { FieldInfo } from '../model/types';

function logicalText(t: LogicalType): string {
  const rest = Object.entries(t)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return rest.length ? `${t.type}(${rest.join(', ')})` : t.type;
}

function family(e: SchemaElement, children: number): string {
  const logical = e.logical_type?.type ?? e.converted_type;
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

const KNOWN_LOGICAL = new Set(['STRING', 'MAP', 'LIST', 'ENUM', 'DATE', 'INTERVAL', 'NULL', 'JSON', 'BSON', 'UUID', 'FLOAT16', 'DECIMAL', 'TIME', 'TIMESTAMP', 'INTEGER', 'VARIANT', 'GEOMETRY', 'GEOGRAPHY']);

/** Plain-data description of one Parquet schema node (and its children). */
export function parquetFieldInfo(node: SchemaTree): FieldInfo {
  const e = node.element;
  const children = node.children.map(parquetFieldInfo);
  const physical = e.type ? (e.type === 'FIXED_LEN_BYTE_ARRAY' ? `FIXED_LEN_BYTE_ARRAY(${e.type_length})` : e.type) : undefined;
  const logical = e.logical_type ? logicalText(e.logical_type) : e.converted_type;
  const info: FieldInfo = {
    name: e.name,
    type: [logical, physical].filter(Boolean).join(' / ') || (children.length ? 'group' : 'unknown'),
    typeId: family(e, children.length),
    nullable: e.repetition_type !== 'REQUIRED',
    metadata: {},
    children,
    repetition: e.repetition_type,
  };
  if (physical) info.physicalType = physical;
  if (logical) info.logicalType = logical;
  if (e.logical_type && !KNOWN_LOGICAL.has(e.logical_type.type)) info.note = `unknown logical type ${e.logical_type.type}: shown as its physical type`;
  if (e.field_id !== undefined) info.metadata['field_id'] = String(e.field_id);
  return info;
}
