import type { ColumnChunk, FileMetaData, SchemaElement } from 'hyparquet';

/** Where one top-level column lives in the flat schema and in each row group's column chunks. */
export interface ColumnSubset {
  /** Schema elements of the column's subtree, in depth-first order. */
  elements: SchemaElement[];
  /** Index of its first leaf among all leaves (= its first column chunk in a row group). */
  firstLeaf: number;
  leaves: number;
}

/** Splits the flat schema into the subtrees of the top-level columns. */
export function columnSubsets(md: FileMetaData): ColumnSubset[] {
  const out: ColumnSubset[] = [];
  let at = 1;
  let leaf = 0;
  const root = md.schema[0];
  for (let c = 0; c < (root.num_children ?? 0); c++) {
    const start = at;
    let leaves = 0;
    let pending = 1;
    while (pending > 0 && at < md.schema.length) {
      const e = md.schema[at++];
      pending += (e.num_children ?? 0) - 1;
      if (!e.num_children) leaves++;
    }
    out.push({ elements: md.schema.slice(start, at), firstLeaf: leaf, leaves });
    leaf += leaves;
  }
  return out;
}

/** First byte and length of a column chunk (its dictionary page, if any, comes first). */
export function chunkRange(chunk: ColumnChunk): { start: number; length: number } {
  const m = chunk.meta_data!;
  const data = Number(m.data_page_offset);
  const dict = m.dictionary_page_offset !== undefined ? Number(m.dictionary_page_offset) : undefined;
  // Some writers store 0 for "no dictionary page" (or for "no data page" in an all-dictionary chunk):
  // the chunk starts at the first positive offset.
  const offsets = [dict, data].filter((x): x is number => x !== undefined && x > 0);
  const start = offsets.length ? Math.min(...offsets) : data;
  return { start, length: Number(m.total_compressed_size) };
}
