import type { ColumnChunk, FileMetaData, KeyValue } from 'hyparquet';
import { encodeFooter } from './encodeFooter';
import { chunkRange, type ColumnSubset } from './columnSubset';
import type { RowGroupColumns } from './rowGroupMeta';

const MAGIC = new TextEncoder().encode('PAR1');

/**
 * A small, valid Parquet file holding one top-level column of one row group: its column chunks'
 * bytes copied as they are, and a footer rewritten with offsets rebased. parquet-wasm decodes this
 * without ever seeing (or holding in wasm memory) the rest of the file.
 */
export function syntheticFile(md: FileMetaData, rg: RowGroupColumns, subset: ColumnSubset, chunkBytes: Uint8Array[], arrowSchema?: KeyValue): Uint8Array {
  return syntheticFileOf(md, [{ rg, subset, chunkBytes }], rg.num_rows, arrowSchema);
}

/** One top-level column of a file made by syntheticFileOf: its chunks (rg with subset), and their bytes. */
export interface SyntheticColumn {
  rg: RowGroupColumns;
  subset: ColumnSubset;
  chunkBytes: Uint8Array[];
}

/**
 * A small Parquet file of one row group holding the given top-level columns, in order (each column's
 * chunks copied as they are, offsets rebased): decoded in one call where one call per column costs
 * far more than the columns' bytes (a wide schema of few rows).
 */
export function syntheticFileOf(md: FileMetaData, columns: SyntheticColumn[], declaredRows: bigint, arrowSchema?: KeyValue): Uint8Array {
  let position = MAGIC.length;
  const rebased: ColumnChunk[] = [];
  const allChunks: ColumnChunk[] = [];
  const allBytes: Uint8Array[] = [];
  for (const { rg, subset, chunkBytes } of columns) {
    const chunks = rg.columns.slice(subset.firstLeaf, subset.firstLeaf + subset.leaves);
    chunks.forEach((chunk, i) => {
      const { start } = chunkRange(chunk);
      const m = chunk.meta_data!;
      const shift = (offset: bigint | undefined) => (offset === undefined || offset <= 0n ? undefined : BigInt(position) + offset - BigInt(start));
      rebased.push({
        file_offset: BigInt(position),
        meta_data: {
          ...m,
          data_page_offset: shift(m.data_page_offset) ?? BigInt(position), // 0 when the chunk has only a dictionary page
          dictionary_page_offset: shift(m.dictionary_page_offset),
          index_page_offset: undefined,
          statistics: undefined,
          bloom_filter_offset: undefined,
          bloom_filter_length: undefined,
        },
      });
      allChunks.push(chunk);
      allBytes.push(chunkBytes[i]);
      position += chunkBytes[i].length;
    });
  }
  const meta = footerBytes(
    md,
    [{ ...md.schema[0], num_children: columns.length }, ...columns.flatMap((c) => c.subset.elements)],
    [{ columns: rebased, total_byte_size: BigInt(position - MAGIC.length), num_rows: rowsUpperBound(declaredRows, allChunks) }],
    arrowSchema,
  );
  const out = new Uint8Array(position + meta.length + MAGIC.length);
  out.set(MAGIC, 0);
  let at = MAGIC.length;
  for (const bytes of allBytes) {
    out.set(bytes, at);
    at += bytes.length;
  }
  out.set(meta, at);
  out.set(MAGIC, at + meta.length);
  return out;
}

/**
 * The row count to declare: the decoder stops there, while pyarrow reads every row the pages hold. A
 * writer may declare too few (0 rows for a bare repeated field has been seen); a row has at least one
 * value (or level) in every leaf, so the largest value count is never short, and the decoder stops at
 * the end of the pages when it is more. (The dataset counts such a row group's rows: countUndeclaredRows.)
 */
function rowsUpperBound(declared: bigint, chunks: ColumnChunk[]): bigint {
  return chunks.reduce((n, c) => (c.meta_data && c.meta_data.num_values > n ? c.meta_data.num_values : n), declared);
}

/** Path and physical type of every leaf of a flat schema (root first). */
function leafPaths(schema: FileMetaData['schema']): { path: string[]; type: NonNullable<FileMetaData['schema'][number]['type']> }[] {
  const out: { path: string[]; type: NonNullable<FileMetaData['schema'][number]['type']> }[] = [];
  let at = 1;
  const walk = (prefix: string[]) => {
    const e = schema[at++];
    const path = [...prefix, e.name];
    if (!e.num_children) out.push({ path, type: e.type ?? 'BYTE_ARRAY' });
    for (let i = 0; i < (e.num_children ?? 0); i++) walk(path);
  };
  for (let i = 0; i < (schema[0].num_children ?? 0); i++) walk([]);
  return out;
}

/** Thrift footer (with its length) for the given schema and row groups, keeping the file's other facts. */
function footerBytes(md: FileMetaData, schema: FileMetaData['schema'], rowGroups: FileMetaData['row_groups'], arrowSchema?: KeyValue): Uint8Array {
  // The file's own key-value metadata is not carried: the decoder needs none of it, and a wide file's
  // (pandas keeps a line per column) would be copied into every column's file. Its ARROW:schema
  // describes every column of the original file; a subset may carry its own, to ask for an Arrow type.
  return encodeFooter({
    version: md.version,
    schema,
    num_rows: rowGroups.reduce((n, rg) => n + rg.num_rows, 0n),
    row_groups: rowGroups,
    key_value_metadata: arrowSchema ? [arrowSchema] : undefined,
    created_by: md.created_by,
    metadata_length: 0,
  });
}

/**
 * A Parquet file with no rows and the given top-level columns (all when omitted): its schema alone.
 * It has one empty row group (empty chunks), since Thrift readers reject an empty row group list
 * written without an element type.
 */
export function schemaOnlyFile(md: FileMetaData, subsets?: ColumnSubset[]): Uint8Array {
  const schema = subsets ? [{ ...md.schema[0], num_children: subsets.length }, ...subsets.flatMap((s) => s.elements)] : md.schema;
  const meta = noRowGroupFooter(md, schema) ?? emptyRowGroupFooter(md, schema);
  const out = new Uint8Array(MAGIC.length * 2 + meta.length);
  out.set(MAGIC, 0);
  out.set(meta, MAGIC.length);
  out.set(MAGIC, MAGIC.length + meta.length);
  return out;
}

function emptyRowGroupFooter(md: FileMetaData, schema: FileMetaData['schema']): Uint8Array {
  const leaves = leafPaths(schema);
  const columns: ColumnChunk[] = leaves.map(({ path, type }) => ({
    file_offset: 4n,
    meta_data: { type, encodings: ['PLAIN'], path_in_schema: path, codec: 'UNCOMPRESSED', num_values: 0n, total_uncompressed_size: 0n, total_compressed_size: 0n, data_page_offset: 4n },
  }));
  return footerBytes(md, schema, [{ columns, total_byte_size: 0n, num_rows: 0n }]);
}

const LIST_OF_STRUCTS = 0x0c;
const FIELD_7_LIST_AFTER_4 = 0x39;
const FIELD_4_LIST_AFTER_3 = 0x19;

/**
 * The footer with no row group at all, a third of the bytes and time of one with a row group of empty
 * chunks (which matters at 100,000 columns). hyparquet-writer writes an empty list's element type as
 * 0 or byte, which Thrift readers reject: that one byte is set to "struct", once the bytes around it
 * are checked to be where the compact layout puts them (the footer ends with field 7, one 3-byte
 * column order per leaf, the struct's stop and the 4-byte length). Undefined when they are not.
 */
function noRowGroupFooter(md: FileMetaData, schema: FileMetaData['schema']): Uint8Array | undefined {
  const bytes = encodeFooter({ version: md.version, schema, num_rows: 0n, row_groups: [], metadata_length: 0 });
  const leaves = schema.filter((e) => e.type).length;
  let listHeader = 1;
  if (leaves >= 15) for (let n = leaves; n > 0; n = Math.floor(n / 128)) listHeader++;
  const field7 = bytes.length - 4 - 1 - 3 * leaves - listHeader - 1;
  if (field7 < 2 || bytes[field7] !== FIELD_7_LIST_AFTER_4 || bytes[field7 - 2] !== FIELD_4_LIST_AFTER_3 || (bytes[field7 - 1] & 0xf0) !== 0) return undefined;
  for (let k = 0, at = field7 + 1 + listHeader; k < leaves; k++, at += 3) {
    if (bytes[at] !== 0x1c || bytes[at + 1] !== 0 || bytes[at + 2] !== 0) return undefined;
  }
  bytes[field7 - 1] = LIST_OF_STRUCTS;
  return bytes;
}
