import type { DatasetProblem, FileLocation } from '../model/errors';
import type { ChunkDetail, ChunkInfo, DatasetFormat, FieldInfo, PageList, RegionInfo } from '../model/types';
import type { UniqueResult, ValueCount } from '../compute/uniqueTypes';

/** Everything the overview and schema views need, as plain data. */
export interface DatasetSummary {
  id: number;
  name: string;
  format: DatasetFormat;
  size: number;
  rows: number;
  chunkCount: number;
  indexComplete: boolean;
  fields: FieldInfo[];
  metadata: Record<string, string>;
  createdBy?: string;
  version?: string;
  problems: DatasetProblem[];
  /** Milliseconds from the open request to a usable dataset. */
  openMs: number;
  /** Milliseconds from the open request to a complete chunk index (once complete). */
  indexMs?: number;
  /** The chunk index came from a copy kept by an earlier open of the same file, not a walk of it. */
  indexKept?: boolean;
  /** True when the source is a local file (it cannot be shared by link). */
  local: boolean;
  url?: string;
}

/**
 * What changes in a DatasetSummary while a stream is being indexed: the page asks for this, not the
 * whole summary (whose field list, 100,000 fields in a wide file, crosses once, on open).
 */
export type DatasetProgress = Pick<DatasetSummary, 'rows' | 'chunkCount' | 'indexComplete' | 'indexMs' | 'problems'>;

/** What the engine worker read of one file, for the Overview's meter (the unique-values pool reads on its own). */
export interface IoStats {
  size: number;
  /** Bytes fetched from the file or server, a byte counted each time it is fetched. */
  bytesRead: number;
  /** Distinct bytes of the file fetched at least once: never more than `size`. */
  distinctBytes: number;
  reads: number;
  /** Bytes held in this file's block cache. */
  cachedBytes: number;
  /** Parquet files only: parquet-wasm memory of the engine worker, shared by every Parquet tab. */
  wasmBytes?: number;
  /** Decoded data the engine worker keeps for every open file (decompressed buffers, decoded columns and pages), and its limit. */
  decodedBytes: number;
  decodedBudgetBytes: number;
}

/** An error as plain data, so it crosses the worker boundary intact. */
export interface ErrorInfo {
  message: string;
  where: FileLocation;
  stillWorks?: string;
}

/** A unique-values result without its (possibly huge) list of values, which the page reads by window. */
export interface UniqueSummary extends Omit<UniqueResult, 'values'> {
  column: string;
  /** Index of the counted column among the top-level fields. */
  columnIndex: number;
  /** Number of entries in the list (distinct values, plus one for null when present). */
  valueCount: number;
  /** The most frequent values, for the profile chart. */
  top: ValueCount[];
  /** The histogram's x axis in the column's units (dates as dates), when the profile has a histogram. */
  axis?: HistogramAxis;
  /** Counted over a filter's matching rows only (`rows` is how many): absent when counted over every row. */
  filter?: UniqueScope;
  /**
   * The columns of this dataset whose unique values the engine still keeps once this one is counted
   * (this one included): the results of other columns can no longer be read by window.
   */
  keptColumns: number[];
}

/** The filter a unique count was limited to: its expression, and false when its run stopped before the end (its matches so far counted). */
export interface UniqueScope {
  text: string;
  complete: boolean;
}

export type { ColumnSummary } from './columnSummary';
import type { HistogramAxis } from './histogramAxis';
export type { HistogramAxis };
export type { ColumnTotals } from './columnTotals';
export type { ChunkDetail, ChunkInfo, FieldInfo, PageList, RegionInfo, ValueCount };
export type { SourceSpec } from '../source/SourceSpec';
export type { CellText, RowWindow } from '../compute/rowWindow';
export type { UniqueProgress } from './pool/runUnique';
export type { UniqueSort } from '../compute/sortedUniqueValues';
export type { FindDirection, FindStatus } from './findRow';
export type { FindAnswer, FindSearch, FoundRow } from './findInView';

/** Where a filter run stands (its progress while it runs, its result once done). */
export interface FilterStatus {
  /** The expression as applied. */
  text: string;
  /** Rows in the file. */
  rows: number;
  rowsScanned: number;
  /** Matches found so far, in every chunk done. */
  matched: number;
  /** Matches in order from the file's start (every chunk before them done): the filtered view's rows so far. */
  known: number;
  chunks: number;
  chunksDone: number;
  /** Chunks decided by statistics or null counts without reading their values. */
  chunksSkipped: number;
  /** Parquet with a page index: pages of the filter's columns in the other chunks, and those decided by their own statistics (their rows not evaluated). */
  pages?: number;
  pagesSkipped?: number;
  done: boolean;
  cancelled: boolean;
  elapsedMs: number;
  /** Threads that evaluated chunks (compute workers and the engine's). */
  workers: number;
}

/** A filter that cannot run (malformed text, unknown column, a value that does not fit): the sentence and the offending token. */
export interface FilterProblem {
  message: string;
  /** UTF-16 offset of the offending token in the text, its length, and its 1-based line:column. */
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** What `filter` answers: the run's final status, or why the expression cannot run (as data, for the text box). */
export type FilterAnswer = { status: FilterStatus; problem?: undefined } | { problem: FilterProblem; status?: undefined };

/** A row window of a view: with a filter, view row i is the i-th match and `rowNumbers[i - start]` its row in the file. */
export interface ViewRowWindow extends RowWindow {
  rowNumbers?: number[];
  /** Rows of the filtered view known when this was read (matches in order from the file's start). */
  viewRows?: number;
}

/** The match nearest to a file row: its ordinal among the matches and its file row; `after`: at or after the row asked for (else the last one before it). */
export interface FilterLocation {
  ordinal: number;
  row: number;
  exact: boolean;
  after: boolean;
}

/** A condition built by clicking: on a column's value (read from a file row), or the column's name to type after. */
export type ConditionOp = '=' | '!=' | 'isNull' | 'isNotNull' | 'column';
import type { RowWindow } from '../compute/rowWindow';

/** One key of a row sort: a top-level column, by index and name. */
export interface SortStatusKey {
  column: number;
  name: string;
  descending: boolean;
}

/** Where a sort of the Data view stands (its progress while it runs, its result once done). */
export interface SortStatus {
  /** The sort as applied, in the CLI's `--sort` syntax. */
  spec: string;
  keys: SortStatusKey[];
  /** Rows sorted: every row of the file, or the filter's matches (`filtered`). */
  candidates: number;
  fileRows: number;
  filtered: boolean;
  /** Rows of the sorted view: every candidate when `complete`, else their first K (`note` says why). */
  rows: number;
  complete: boolean;
  /** Rows read of the rows to read (the chunks walked so far). */
  rowsDone: number;
  rowsToRead: number;
  done: boolean;
  cancelled: boolean;
  elapsedMs: number;
  note?: string;
}

/** A file row's place in a sorted view. */
export interface SortLocation {
  ordinal: number;
  row: number;
}

/**
 * What the Data view shows, to export (issue 15, item 5): its columns in display order, its sort (the
 * CLI's `--sort` syntax; null: file order), and a range of its rows (view rows [start, end): the
 * selection), as CSV, Arrow IPC file (`arrow`) or stream (`arrows`), or Parquet. The tab's filter is
 * named apart (the key it is kept under), so the page can scope it to the tab like other keys.
 */
export interface ViewExport {
  format: 'csv' | 'arrow' | 'arrows' | 'parquet';
  columns: number[];
  sort: string | null;
  start?: number;
  end?: number;
  /** CSV: guard cells that start like a formula (default true). */
  formulaGuard?: boolean;
}

/**
 * Where an export's bytes go: a file the user chose (`showSaveFilePicker`'s handle, written by the
 * engine worker with createWritable), a file of the origin private file system the page then offers
 * as a download (`opfs`: `name` in `folder` of the OPFS root), or back to the page chunk by chunk (`page`, where neither exists).
 */
export type ExportTarget = { kind: 'handle'; handle: FileSystemFileHandle } | { kind: 'opfs'; folder: string; name: string } | { kind: 'page' };

/** Where an export stands: rows written (of how many, when known), chunks walked, bytes written. */
export type { ExportProgress, ExportResult } from '../compute/export';
