import type { Field, Schema } from 'apache-arrow';
import type { RowGroup } from 'hyparquet';
import type { ChunkDetail, ChunkInfo, ColumnChunkInfo, FieldInfo } from '../model/types';
import { chunkRange, type ColumnSubset } from './columnSubset';
import type { RawMinMax } from './rawStatistics';
import { statsText } from './statsText';

/** A column chunk's own key-value metadata, as "; metadata: foo = bar, key-without-value". */
function keyValueText(kv: { key: string; value?: string }[] | undefined): string {
  if (!kv?.length) return '';
  return `; metadata: ${kv.map(({ key, value }) => (value === undefined ? key : `${key} = ${value.length > 200 ? `${value.slice(0, 200)}…` : value}`)).join(', ')}`;
}

/** One top-level column in one row group: sizes, codecs, encodings, statistics and the byte region of each leaf. */
function columnChunkInfo(rg: RowGroup, subset: ColumnSubset, column: number, field: FieldInfo, raw?: RawMinMax[], arrowField?: Field): ColumnChunkInfo {
  const leaves = rg.columns.slice(subset.firstLeaf, subset.firstLeaf + subset.leaves);
  const metas = leaves.map((c) => c.meta_data).filter((m) => m !== undefined);
  const ranges = leaves.filter((c) => c.meta_data).map(chunkRange);
  const single = leaves.length === 1 ? leaves[0].meta_data : undefined;
  // Statistics are shown in the column's Arrow type when the column is its one leaf (flat).
  const element = subset.elements.length === 1 ? subset.elements[0] : undefined;
  const statsType = element?.type && arrowField && !field.unsupported ? { field: arrowField, physical: element.type } : undefined;
  return {
    column,
    bytes: metas.reduce((sum, m) => sum + Number(m.total_compressed_size), 0),
    uncompressedBytes: metas.reduce((sum, m) => sum + Number(m.total_uncompressed_size), 0),
    offset: ranges.length ? Math.min(...ranges.map((r) => r.start)) : undefined,
    nullCount: single?.statistics?.null_count === undefined ? undefined : Number(single.statistics.null_count),
    codec: [...new Set(metas.map((m) => m.codec))].join(', '),
    encodings: [...new Set(metas.flatMap((m) => m.encodings))],
    stats: statsText(single?.statistics, raw?.[subset.firstLeaf], statsType),
    hasDictionaryPage: metas.some((m) => m.dictionary_page_offset !== undefined && m.dictionary_page_offset > 0n),
    hasPageIndex: leaves.some((c) => c.column_index_offset !== undefined || c.offset_index_offset !== undefined),
    hasBloomFilter: metas.some((m) => m.bloom_filter_offset !== undefined),
    regions: leaves.map((c) => {
      const m = c.meta_data;
      const r = m ? chunkRange(c) : { start: Number(c.file_offset), length: 0 };
      return {
        field: m?.path_in_schema.join('.') ?? field.name,
        kind: 'column_chunk',
        offset: r.start,
        length: r.length,
        detail: m ? `${m.codec}, ${m.encodings.join('/')}, ${Number(m.num_values).toLocaleString('en-US')} values, ${Number(m.total_uncompressed_size).toLocaleString('en-US')} bytes uncompressed${keyValueText(m.key_value_metadata)}` : 'encrypted',
      };
    }),
  };
}

/** The row group's own metadata: sort order and sizes. */
function rowGroupMetadata(rg: RowGroup): Record<string, string> {
  const leafNames = rg.columns.map((c) => c.meta_data?.path_in_schema.join('.') ?? '?');
  const metadata: Record<string, string> = {};
  if (rg.sorting_columns?.length) {
    metadata['sorted by'] = rg.sorting_columns
      .map((s) => `${leafNames[s.column_idx] ?? `column ${s.column_idx}`} ${s.descending ? 'desc' : 'asc'}${s.nulls_first ? ' nulls first' : ''}`)
      .join(', ');
  }
  if (rg.total_compressed_size !== undefined) metadata['compressed bytes'] = Number(rg.total_compressed_size).toLocaleString('en-US');
  metadata['uncompressed bytes'] = Number(rg.total_byte_size).toLocaleString('en-US');
  return metadata;
}

/**
 * The detail of one row group (its summary `info` plus every column's chunks), from its footer metadata
 * `rg`; with its raw min/max bytes (`raw`, by leaf) and the Arrow schema, statistics are shown exactly
 * as the grid shows values.
 */
export function chunkDetail(rg: RowGroup, subsets: ColumnSubset[], fields: FieldInfo[], info: ChunkInfo, raw?: RawMinMax[], schema?: Schema): ChunkDetail {
  const columns = subsets.map((s, column) => columnChunkInfo(rg, s, column, fields[column], raw, schema?.fields[column]));
  return { ...info, columns, metadata: rowGroupMetadata(rg) };
}
