import { LocatedError } from '../../model/errors';
import type { BoundFilter } from '../filter';

export type ExportFormat = 'csv' | 'arrow' | 'arrows' | 'parquet';

/** Where the bytes go: a Node file (exportSinks in the CLI) or File System Access createWritable() both fit. */
export interface ExportSink {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Row numbers of the whole file in output order, read a bounded group at a time (a Float64Array is one). */
export interface RowSequence {
  readonly length: number;
  subarray(start: number, end: number): Float64Array;
}

/** The rows to write, in this order: all rows in file order, a filter's matches in file order, or a sort's rows. */
export interface ExportRequest {
  format: ExportFormat;
  /** Top-level columns to write, in this order (default: every column). */
  columns?: number[];
  /** Only the rows this filter matches. */
  filter?: BoundFilter;
  /** Rows in this order (row numbers of the whole file, e.g. from sortedRows/topRows, which already applied the filter). */
  order?: RowSequence;
  /** `order` is ascending (a kept filter's matches): no chunk is visited twice, so no chunk columns are kept for later groups. */
  orderAscending?: boolean;
  /** Rows [start, end) of the sequence above (by ordinal: with a filter, the start-th to the end-1-th match). */
  start?: number;
  end?: number;
  /** At most this many rows. */
  limit?: number;
  /** CSV: guard cells that start like a formula (default true). */
  formulaGuard?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  /** Parquet: parquet-wasm, initialised (the browser worker passes its own; Node imports it). */
  parquetWasm?: () => Promise<typeof import('parquet-wasm')>;
  /** Rows gathered and written per step (default 65,536). */
  groupRows?: number;
  /** Parquet: rows per row group (default 131,072). */
  rowGroupRows?: number;
}

export interface ExportProgress {
  rowsWritten: number;
  /** Rows to write when known (no filter, or a sort's order), else null. */
  rowsTotal: number | null;
  chunksDone: number;
  chunks: number;
  bytesWritten: number;
}

export interface ExportResult {
  rows: number;
  bytes: number;
  /** Columns written in another type than the one shown (writtenTypeChanges), one sentence each. */
  typeChanges?: string[];
}

/** A request this file cannot answer as asked (a column type a format cannot hold…): a sentence for the user. */
export class ExportError extends LocatedError {}
