/**
 * The one door to hyparquet's internal modules (its page-header reader, its Thrift reader and what its
 * footer conversion uses). hyparquet's version is pinned exactly; tests/adapters/ round-trips what is
 * used here (rowGroupFromThrift against hyparquet's own parquetMetadata).
 */
import type { RowGroup, SchemaElement } from 'hyparquet';
import { CompressionCodecs, Encodings, PageTypes, ParquetTypes } from 'hyparquet/src/constants.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { convertMetadata } from 'hyparquet/src/metadata.js';

export { parquetHeader } from 'hyparquet/src/column.js';
/** hyparquet's snappy decoder (input, output of the page's uncompressed size). */
export { snappyUncompress } from 'hyparquet/src/snappy.js';
/** hyparquet's RLE / bit-packed hybrid decoder (reader, bit width, output sized to the values, byte length or a 4-byte length first). */
export { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
export type { PageHeader } from 'hyparquet/src/types.js';
/** hyparquet's Thrift compact-protocol reader: a struct as raw numbered fields (statistics bytes unconverted). */
export { deserializeTCompactProtocol } from 'hyparquet/src/thrift.js';
export { CompressionCodecs };

/** A struct as hyparquet's Thrift reader returns it. */
export type ThriftStruct = { [key: `field_${number}`]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const decoder = new TextDecoder();
const decode = (value: Uint8Array | undefined) => value && decoder.decode(value);

function convertStats(stats: ThriftStruct | undefined, schema: SchemaElement) {
  return (
    stats && {
      max: convertMetadata(stats.field_1, schema, DEFAULT_PARSERS),
      min: convertMetadata(stats.field_2, schema, DEFAULT_PARSERS),
      null_count: stats.field_3,
      distinct_count: stats.field_4,
      max_value: convertMetadata(stats.field_5, schema, DEFAULT_PARSERS),
      min_value: convertMetadata(stats.field_6, schema, DEFAULT_PARSERS),
      is_max_value_exact: stats.field_7,
      is_min_value_exact: stats.field_8,
    }
  );
}

/**
 * One row group as hyparquet's parquetMetadata makes it (hyparquet 1.31.5, src/metadata.js), from the
 * RowGroup struct alone as its Thrift reader returns it; `columnSchema` is the schema's leaf elements
 * (those with a type), whose types convert the statistics.
 */
export function rowGroupFromThrift(rowGroup: ThriftStruct, columnSchema: SchemaElement[]): RowGroup {
  return {
    columns: rowGroup.field_1.map((column: ThriftStruct, columnIndex: number) => ({
      file_path: decode(column.field_1),
      file_offset: column.field_2,
      meta_data: column.field_3 && {
        type: ParquetTypes[column.field_3.field_1],
        encodings: column.field_3.field_2?.map((e: number) => Encodings[e]),
        path_in_schema: column.field_3.field_3.map(decode),
        codec: CompressionCodecs[column.field_3.field_4],
        num_values: column.field_3.field_5,
        total_uncompressed_size: column.field_3.field_6,
        total_compressed_size: column.field_3.field_7,
        key_value_metadata: column.field_3.field_8?.map((kv: ThriftStruct) => ({ key: decode(kv.field_1), value: decode(kv.field_2) })),
        data_page_offset: column.field_3.field_9,
        index_page_offset: column.field_3.field_10,
        dictionary_page_offset: column.field_3.field_11,
        statistics: convertStats(column.field_3.field_12, columnSchema[columnIndex]),
        encoding_stats: column.field_3.field_13?.map((s: ThriftStruct) => ({ page_type: PageTypes[s.field_1], encoding: Encodings[s.field_2], count: s.field_3 })),
        bloom_filter_offset: column.field_3.field_14,
        bloom_filter_length: column.field_3.field_15,
        size_statistics: column.field_3.field_16 && {
          unencoded_byte_array_data_bytes: column.field_3.field_16.field_1,
          repetition_level_histogram: column.field_3.field_16.field_2,
          definition_level_histogram: column.field_3.field_16.field_3,
        },
        geospatial_statistics: column.field_3.field_17 && {
          bbox: column.field_3.field_17.field_1 && {
            xmin: column.field_3.field_17.field_1.field_1,
            xmax: column.field_3.field_17.field_1.field_2,
            ymin: column.field_3.field_17.field_1.field_3,
            ymax: column.field_3.field_17.field_1.field_4,
            zmin: column.field_3.field_17.field_1.field_5,
            zmax: column.field_3.field_17.field_1.field_6,
            mmin: column.field_3.field_17.field_1.field_7,
            mmax: column.field_3.field_17.field_1.field_8,
          },
          geospatial_types: column.field_3.field_17.field_2,
        },
      },
      offset_index_offset: column.field_4,
      offset_index_length: column.field_5,
      column_index_offset: column.field_6,
      column_index_length: column.field_7,
      crypto_metadata: column.field_8,
      encrypted_column_metadata: column.field_9,
    })),
    total_byte_size: rowGroup.field_2,
    num_rows: rowGroup.field_3,
    sorting_columns: rowGroup.field_4?.map((s: ThriftStruct) => ({ column_idx: s.field_1, descending: s.field_2, nulls_first: s.field_3 })),
    file_offset: rowGroup.field_5,
    total_compressed_size: rowGroup.field_6,
    ordinal: rowGroup.field_7,
  };
}
