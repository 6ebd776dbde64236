import type { FileMetaData, RowGroup } from 'hyparquet';
import { DatasetError, type DatasetProblem } from '../model/errors';
import { UNSAFE_ROWS } from './rowGroupIndex';
import type { RowGroupMeta } from './rowGroupMeta';

/** Levels of nested schema elements shown; past this (as for Arrow schemas) the file is not read. */
export const MAX_PARQUET_SCHEMA_DEPTH = 200;

const n = (x: number | bigint): string => x.toLocaleString('en-US');
const isCount = (x: unknown): boolean => (typeof x === 'bigint' || typeof x === 'number') && x >= 0 && x <= Number.MAX_SAFE_INTEGER;

/** Where the footer is, said the same way in every sentence about it. */
export const footerPlace = (footerStart: number, footerLength: number): string =>
  `The Parquet footer (${n(footerLength)} bytes at byte ${n(footerStart)})`;

/**
 * What the rest of the engine builds on: a schema tree whose children all exist, no deeper than
 * MAX_PARQUET_SCHEMA_DEPTH (walked without recursion), each row group with one column chunk per
 * leaf column (or none) and a row count within 2^53. Throws a DatasetError naming the part that is not.
 */
export function checkFooterStructure(md: FileMetaData, rowGroups: RowGroupMeta, footerStart: number, footerLength: number): void {
  const fail = (detail: string) => {
    throw new DatasetError(`${footerPlace(footerStart, footerLength)} is damaged: ${detail}.`, { offset: footerStart }, 'Nothing of this file can be shown without a consistent footer.');
  };
  const schema = md.schema;
  if (schema.length === 0) fail('its schema is empty');
  // Children still expected at each open level, from the root down.
  const open: number[] = [];
  let leaves = 0;
  for (let i = 0; i < schema.length; i++) {
    const e = schema[i];
    const children = e.num_children ?? 0;
    if (!Number.isSafeInteger(children) || children < 0) fail(`schema element ${i} ("${e.name}") has ${children} children`);
    if (i > 0 && open.length === 0) break; // elements after the root's subtree are ignored, as hyparquet does
    if (open.length) open[open.length - 1]--;
    if (children > 0) {
      open.push(children);
      if (open.length > MAX_PARQUET_SCHEMA_DEPTH) {
        // Not damage: a limit of ours (pyarrow reads deeper), so the sentence says so.
        throw new DatasetError(
          `${footerPlace(footerStart, footerLength)} holds a schema nested deeper than ${MAX_PARQUET_SCHEMA_DEPTH} levels (at element ${i}, "${e.name}"), deeper than Arrowscope shows.`,
          { offset: footerStart },
          'Nothing of this file is shown; pyarrow may read it.',
        );
      }
    } else if (i > 0) leaves++;
    while (open.length && open[open.length - 1] === 0) open.pop();
  }
  if (open.length) fail(`its schema ends after ${n(schema.length)} elements while a group still expects ${n(open[open.length - 1])} more children`);
  const { flags, columnCount } = rowGroups.index;
  for (let r = 0; r < rowGroups.length; r++) {
    // A negative count is read as pyarrow does (the rows its pages hold); one past 2^53 cannot be counted.
    if (flags[r] & UNSAFE_ROWS) fail(`row group ${r} has num_rows ${rowGroups.rowGroup(r).num_rows}, which is not a row count`);
    // A row group listing no column chunks at all is an empty one (some writers make them).
    if (columnCount[r] !== leaves && columnCount[r] > 0) fail(`row group ${r} has ${n(columnCount[r])} column chunks where the schema has ${n(leaves)} columns`);
  }
}

/**
 * Footer numbers the engine copes with but a reader should know are wrong: the file's num_rows,
 * and column chunks whose byte range is not inside the file's data (between the leading PAR1 and
 * the footer), which cannot be read.
 */
export function footerProblems(md: FileMetaData, rowGroups: RowGroupMeta): DatasetProblem[] {
  const footerStart = rowGroups.footerStart;
  const problems: DatasetProblem[] = [];
  if (!isCount(md.num_rows)) {
    problems.push({ message: `The footer's num_rows (${md.num_rows}) is not a row count.`, where: { offset: footerStart }, stillWorks: 'Rows are counted from the row groups.' });
  }
  // The walk marked the row groups whose numbers may be wrong (rowGroupIndex.ts): only those are decoded.
  for (const r of rowGroups.maybeChunkProblems()) chunkProblems(rowGroups.rowGroup(r), r, footerStart, problems);
  return problems;
}

function chunkProblems(rg: RowGroup, r: number, footerStart: number, problems: DatasetProblem[]): void {
  rg.columns.forEach((c, k) => {
    const m = c.meta_data;
    if (!m || c.file_path) return;
    const name = m.path_in_schema.join('.');
    const bad = (detail: string) =>
      problems.push({ message: `Row group ${r}, column chunk ${k} ("${name}"): ${detail}.`, where: { chunk: r, column: name, offset: footerStart }, stillWorks: 'Other column chunks are unaffected.' });
    for (const [field, value] of [['data_page_offset', m.data_page_offset], ['total_compressed_size', m.total_compressed_size], ['num_values', m.num_values]] as const) {
      if (value === undefined) return bad(`its ${field} is missing`);
      if (!isCount(value)) return bad(`its ${field} (${value}) is out of range`);
    }
    if (m.dictionary_page_offset !== undefined && !isCount(m.dictionary_page_offset)) return bad(`its dictionary_page_offset (${m.dictionary_page_offset}) is out of range`);
    // 0 stands for "no such page" with some writers.
    const dictionary = Number(m.dictionary_page_offset ?? 0);
    if (dictionary > 0 && (dictionary < 4 || dictionary >= footerStart)) return bad(`its dictionary page at byte ${n(dictionary)} is not inside the file's data (bytes 4–${n(footerStart)})`);
    const starts = [dictionary, Number(m.data_page_offset)].filter((x) => x > 0);
    const start = starts.length ? Math.min(...starts) : 0;
    const end = start + Number(m.total_compressed_size);
    if (start < 4 || end > footerStart) bad(`its bytes ${n(start)}–${n(end)} are not inside the file's data (bytes 4–${n(footerStart)})`);
  });
}
