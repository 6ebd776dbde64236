import type { Field, Schema } from 'apache-arrow';
import type { ColumnChunk, RowGroup } from 'hyparquet';
import type { ChunkDetail, ChunkInfo, ColumnChunkInfo, ColumnRange, FieldInfo, RegionInfo } from '../model/types';
import { chunkRange, type ColumnSubset } from './columnSubset';
import type { RawMinMax } from './rawStatistics';
import { nullCountDistrust, type StatisticsRules } from './statisticsRules';
import { statsText } from './statsText';

/** A column chunk's own key-value metadata, as "; metadata: foo = bar, key-without-value". */
function keyValueText(kv: { key: string; value?: string }[] | undefined): string {
  if (!kv?.length) return '';
  return `; metadata: ${kv.map(({ key, value }) => (value === undefined ? key : `${key} = ${value.length > 200 ? `${value.slice(0, 200)}…` : value}`)).join(', ')}`;
}

/** Thousands with commas, as toLocaleString('en-US') writes them: one formatter, not one per call (100,000 columns). */
const COUNT = new Intl.NumberFormat('en-US');

// A footer's fields have the types the format gives them, or the span is left out (hostile files).
const span = (offset: bigint | undefined, length: number | undefined) => (typeof offset === 'bigint' && Number.isSafeInteger(length) ? { offset: Number(offset), length: length! } : undefined);

/** Where a leaf's ColumnIndex and OffsetIndex lie (read only when a filter asks: pageIndex.ts). */
function pageIndexAt(c: ColumnChunk): ColumnChunkInfo['pageIndexAt'] {
  return { columnIndex: span(c.column_index_offset, c.column_index_length), offsetIndex: span(c.offset_index_offset, c.offset_index_length) };
}

const DICTIONARY_ENCODINGS = new Set(['PLAIN_DICTIONARY', 'RLE_DICTIONARY']);

/**
 * The dictionary page of a leaf whose encoding stats show every data page dictionary-encoded (no
 * fallback to plain pages), so the dictionary holds every value of the chunk; else undefined.
 */
function dictionaryPage(c: ColumnChunk): ColumnChunkInfo['dictionaryPage'] {
  const m = c.meta_data;
  const stats = m?.encoding_stats;
  const dictionary = m?.dictionary_page_offset;
  const data = m?.data_page_offset;
  if (!m || !Array.isArray(stats) || !stats.length || typeof dictionary !== 'bigint' || typeof data !== 'bigint' || dictionary <= 0n || data <= dictionary) return undefined;
  const dataPages = stats.filter((s) => s?.page_type === 'DATA_PAGE' || s?.page_type === 'DATA_PAGE_V2');
  if (!dataPages.length || !dataPages.every((s) => DICTIONARY_ENCODINGS.has(s.encoding))) return undefined;
  return { offset: Number(dictionary), length: Number(data - dictionary) };
}

/** The field of a column's one leaf (the column itself when flat, the item of a list of one leaf); undefined when a map or struct has several. */
function onlyLeaf(field: Field): Field | undefined {
  let f = field;
  while (f.type.children?.length) {
    if (f.type.children.length !== 1) return undefined;
    f = f.type.children[0];
  }
  return f;
}

/** One top-level column in one row group: sizes, codecs, encodings, statistics and the byte region of each leaf. */
function columnChunkInfo(rg: RowGroup, subset: ColumnSubset, column: number, field: FieldInfo, rules: StatisticsRules, raw?: RawMinMax[], arrowField?: Field): ColumnChunkInfo {
  // One loop over the leaves, no intermediate arrays: a row group may hold 100,000 columns.
  const end = Math.min(rg.columns.length, subset.firstLeaf + subset.leaves);
  let bytes = 0;
  let uncompressedBytes = 0;
  let offset: number | undefined;
  const codecs: string[] = [];
  const encodings: string[] = [];
  let hasDictionaryPage = false;
  let hasPageIndex = false;
  let hasBloomFilter = false;
  const regions: RegionInfo[] = [];
  for (let leaf = subset.firstLeaf; leaf < end; leaf++) {
    const c = rg.columns[leaf];
    const m = c.meta_data;
    if (c.column_index_offset !== undefined || c.offset_index_offset !== undefined) hasPageIndex = true;
    if (!m) {
      regions.push({ field: field.name, kind: 'column_chunk', offset: Number(c.file_offset), length: 0, detail: 'encrypted' });
      continue;
    }
    const r = chunkRange(c);
    bytes += Number(m.total_compressed_size);
    uncompressedBytes += Number(m.total_uncompressed_size);
    if (offset === undefined || r.start < offset) offset = r.start;
    if (!codecs.includes(m.codec)) codecs.push(m.codec);
    for (const e of m.encodings) if (!encodings.includes(e)) encodings.push(e);
    if (m.dictionary_page_offset !== undefined && m.dictionary_page_offset > 0n) hasDictionaryPage = true;
    if (m.bloom_filter_offset !== undefined) hasBloomFilter = true;
    regions.push({
      field: m.path_in_schema.join('.'),
      kind: 'column_chunk',
      offset: r.start,
      length: r.length,
      detail: `${m.codec}, ${m.encodings.join('/')}, ${COUNT.format(Number(m.num_values))} values, ${COUNT.format(Number(m.total_uncompressed_size))} bytes uncompressed${keyValueText(m.key_value_metadata)}`,
    });
  }
  const singleChunk = end - subset.firstLeaf === 1 ? rg.columns[subset.firstLeaf] : undefined;
  const single = singleChunk?.meta_data;
  const dictionary = singleChunk && dictionaryPage(singleChunk);
  // Statistics are the leaf's: shown in its Arrow type when the column holds one leaf (a flat column, or a list of one).
  const element = singleChunk ? subset.elements[subset.elements.length - 1] : undefined;
  const leaf = arrowField && singleChunk ? onlyLeaf(arrowField) : undefined;
  const statsType = element?.type && leaf && !field.unsupported ? { field: leaf, physical: element.type } : undefined;
  // A nested column's leaf counts nulls at every level (a null list, a null item): not the column's nulls.
  const flat = subset.elements.length === 1;
  const stats = element && statsText(single?.statistics, rules, element, raw?.[subset.firstLeaf], statsType);
  if (stats && !flat) delete stats.nullCount;
  // A null count past the chunk's values is impossible; Polars' nonzero counts are its nulls times its
  // data pages (statisticsRules.ts nullCountDistrust). Either is shown as not known, never used.
  const storedNulls = flat ? stats?.nullCount : undefined;
  const values = Number(single?.num_values);
  const impossible = storedNulls !== undefined && (storedNulls < 0 || (Number.isSafeInteger(values) && storedNulls > values));
  const writerWrong = storedNulls !== undefined && storedNulls !== 0 ? nullCountDistrust(rules.writer) : undefined;
  const nullCountNote = impossible
    ? `the footer's null count (${COUNT.format(storedNulls)}) is more than the chunk's ${COUNT.format(values)} values: not used`
    : writerWrong && `the footer's null count (${COUNT.format(storedNulls!)}) is not used: ${writerWrong}`;
  if (nullCountNote) delete stats?.nullCount;
  return {
    column,
    bytes,
    uncompressedBytes,
    offset,
    nullCount: nullCountNote ? undefined : storedNulls,
    ...(nullCountNote ? { nullCountNote } : {}),
    codec: codecs.join(', '),
    encodings,
    stats,
    hasDictionaryPage,
    hasPageIndex,
    ...(singleChunk && hasPageIndex ? { pageIndexAt: pageIndexAt(singleChunk) } : {}),
    ...(dictionary ? { dictionaryPage: dictionary } : {}),
    hasBloomFilter,
    regions,
  };
}

/** The row group's own metadata: sort order and sizes. */
function rowGroupMetadata(rg: RowGroup): Record<string, string> {
  const leafName = (i: number) => (i >= 0 && i < rg.columns.length ? (rg.columns[i].meta_data?.path_in_schema.join('.') ?? '?') : undefined);
  const metadata: Record<string, string> = {};
  if (rg.sorting_columns?.length) {
    metadata['sorted by'] = rg.sorting_columns
      .map((s) => `${leafName(s.column_idx) ?? `column ${s.column_idx}`} ${s.descending ? 'desc' : 'asc'}${s.nulls_first ? ' nulls first' : ''}`)
      .join(', ');
  }
  // Named as the footer (and pyarrow) names them: some writers store the compressed size in
  // total_byte_size, which the spec defines as the uncompressed size, so it is not called that.
  if (rg.total_compressed_size !== undefined) metadata.total_compressed_size = Number(rg.total_compressed_size).toLocaleString('en-US');
  metadata.total_byte_size = Number(rg.total_byte_size).toLocaleString('en-US');
  return metadata;
}

/**
 * The detail of one row group (its summary `info` plus its columns' chunks), from its footer metadata
 * `rg`; with its raw min/max bytes (`raw`, by leaf) and the Arrow schema, statistics are shown exactly
 * as the grid shows values. With `range`, only columns [start, end) are described (a row group may
 * hold 100,000: the column summary asks for them a slice at a time).
 */
export function chunkDetail(rg: RowGroup, subsets: ColumnSubset[], fields: FieldInfo[], info: ChunkInfo, rules: StatisticsRules, raw?: RawMinMax[], schema?: Schema, range?: ColumnRange): ChunkDetail {
  const start = Math.max(0, Math.min(range?.start ?? 0, subsets.length));
  const end = Math.max(start, Math.min(range?.end ?? subsets.length, subsets.length));
  const columns: ColumnChunkInfo[] = [];
  for (let column = start; column < end; column++) columns.push(columnChunkInfo(rg, subsets[column], column, fields[column], rules, raw, schema?.fields[column]));
  return { ...info, columns, metadata: rowGroupMetadata(rg) };
}
