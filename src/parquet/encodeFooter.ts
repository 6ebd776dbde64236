import type { ColumnChunk, ConvertedType, FileMetaData, SchemaElement } from 'hyparquet';
import { ByteWriter, writeMetadata } from '../adapters/hyparquetWriterInternals';

const INTEGER_CONVERTED: Record<string, ConvertedType> = {
  '8true': 'INT_8', '16true': 'INT_16', '32true': 'INT_32', '64true': 'INT_64',
  '8false': 'UINT_8', '16false': 'UINT_16', '32false': 'UINT_32', '64false': 'UINT_64',
};

/** Logical types hyparquet-writer writes; an unknown one (hyparquet names it as read) is left out by it. */
const WRITABLE_LOGICAL = new Set(['STRING', 'MAP', 'LIST', 'ENUM', 'DATE', 'NULL', 'JSON', 'BSON', 'UUID', 'FLOAT16', 'DECIMAL', 'TIME', 'TIMESTAMP', 'VARIANT', 'GEOMETRY', 'GEOGRAPHY']);

/**
 * A schema element as the decoder should read it. Where a logical type is given it wins over the
 * converted type, as the format says (pyarrow reads INT(8, false) with a stray INT_8 as uint8), so a
 * converted type is never passed along beside it: parquet-wasm rejects a pair that disagrees. And
 * hyparquet-writer writes an INTEGER logical type's bitWidth as i32 where the spec has i8, which
 * readers misread: integers go as the converted type that says the same.
 */
function writableElement(e: SchemaElement): SchemaElement {
  const logical = e.logical_type;
  if (!logical) return e;
  if (logical.type === 'INTEGER') {
    const converted = INTEGER_CONVERTED[`${logical.bitWidth}${logical.isSigned}`];
    return { ...e, logical_type: undefined, converted_type: converted ?? e.converted_type };
  }
  if (!WRITABLE_LOGICAL.has(logical.type)) return e;
  if (logical.type === 'DECIMAL') return { ...e, converted_type: undefined, scale: logical.scale, precision: logical.precision };
  return { ...e, converted_type: undefined };
}

/**
 * Optional facts readers do not need, which hyparquet-writer would write as empty lists without an
 * element type (strict Thrift readers reject those); and an empty encodings list made non-empty.
 */
function writableChunk(c: ColumnChunk): ColumnChunk {
  if (!c.meta_data) return c;
  const m = c.meta_data;
  return {
    ...c,
    meta_data: {
      ...m,
      encodings: m.encodings.length ? m.encodings : ['PLAIN'],
      encoding_stats: undefined,
      size_statistics: undefined,
      geospatial_statistics: undefined,
      key_value_metadata: m.key_value_metadata?.length ? m.key_value_metadata : undefined,
    },
  };
}

/** Thrift bytes of a Parquet footer followed by its 4-byte length (everything but the closing "PAR1"). */
export function encodeFooter(md: FileMetaData): Uint8Array {
  const writer = new ByteWriter();
  writeMetadata(writer, {
    ...md,
    schema: md.schema.map(writableElement),
    row_groups: md.row_groups.map((rg) => ({ ...rg, columns: rg.columns.map(writableChunk) })),
    key_value_metadata: md.key_value_metadata?.length ? md.key_value_metadata : undefined,
  });
  return writer.getBytes();
}
