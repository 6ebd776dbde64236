import type { ColumnChunk, ConvertedType, FileMetaData, SchemaElement } from 'hyparquet';
import { ByteWriter, writeMetadata } from '../adapters/hyparquetWriterInternals';

const INTEGER_CONVERTED: Record<string, ConvertedType> = {
  '8true': 'INT_8', '16true': 'INT_16', '32true': 'INT_32', '64true': 'INT_64',
  '8false': 'UINT_8', '16false': 'UINT_16', '32false': 'UINT_32', '64false': 'UINT_64',
};

/**
 * hyparquet-writer writes an INTEGER logical type's bitWidth as i32 where the spec has i8, which
 * readers misread: keep integers as the equivalent converted type, which says the same.
 */
function writableElement(e: SchemaElement): SchemaElement {
  if (e.logical_type?.type !== 'INTEGER') return e;
  const { bitWidth, isSigned } = e.logical_type;
  return { ...e, logical_type: undefined, converted_type: e.converted_type ?? INTEGER_CONVERTED[`${bitWidth}${isSigned}`] };
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
