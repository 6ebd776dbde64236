import { makeData, RecordBatch, Struct, Table, tableToIPC, type Data, type Schema } from 'apache-arrow';
import type { Dataset } from '../../model/types';
import { DatasetError } from '../../model/errors';
import { exportSchema } from './exportSchema';
import { ExportError, type ExportFormat } from './exportTypes';
import { gatherRows, type WindowTake } from './gatherRows';
import { forParquet } from './parquetWriter';
import { withNullCounts } from './nestedData';
import { TakeError } from './takeData';

/** Rows of one chunk to write: `rows` (chunk-relative, ascending, within [start, end)), or every row of [start, end) when null. */
export interface SharePart {
  chunk: number;
  start: number;
  end: number;
  rows: Uint32Array | null;
}

/** Consecutive rows of the output, from consecutive chunks: gathered as one record batch. */
export interface ExportShare {
  parts: SharePart[];
  rows: number;
}

/** What gathering writes, for every share of one export (plain data: it crosses to a compute worker). */
export interface GatherJob {
  format: Exclude<ExportFormat, 'csv'>;
  columns: number[];
}

/** One share's rows as an Arrow IPC stream of one record batch (its schema as the writer writes it). */
export interface GatheredShare {
  rows: number;
  ipc: Uint8Array;
}

/** Rows between two matches past which they are read as two windows (the rows between are not read). */
export const WINDOW_GAP = 8192;
/** Windows of one column read at once. */
const READS_AT_ONCE = 4;

/** A part's rows as read windows [start, end) of its chunk, each with its rows relative to the window's start. */
export function windowsOf(part: SharePart, gap = WINDOW_GAP): { start: number; end: number; rows: Uint32Array }[] {
  const rows = part.rows;
  if (!rows) {
    const n = part.end - part.start;
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return [{ start: part.start, end: part.end, rows: all }];
  }
  const out: { start: number; end: number; rows: Uint32Array }[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] - rows[j] <= gap) j++;
    const start = rows[i];
    out.push({ start, end: rows[j] + 1, rows: rows.subarray(i, j + 1).map((r) => r - start) });
    i = j + 1;
  }
  return out;
}

async function readWindow(dataset: Dataset, chunk: number, column: number, w: { start: number; end: number; rows: Uint32Array }, signal?: AbortSignal): Promise<WindowTake> {
  const vector = await dataset.readColumn(chunk, column, { start: w.start, end: w.end }, signal);
  if (vector.length !== w.end - w.start) {
    const name = dataset.fields[column]?.name;
    throw new DatasetError(`The chunk gave ${vector.length.toLocaleString('en-US')} values of "${name}" where ${(w.end - w.start).toLocaleString('en-US')} rows were asked for.`, { chunk, column: name });
  }
  return { vector, rows: w.rows };
}

/** One column's values for the share's rows: its windows read a few at a time, then taken. */
async function gatherColumnOf(dataset: Dataset, windows: { chunk: number; w: { start: number; end: number; rows: Uint32Array } }[], column: number, signal?: AbortSignal): Promise<Data> {
  const takes: WindowTake[] = new Array<WindowTake>(windows.length);
  for (let k = 0; k < windows.length; k += READS_AT_ONCE) {
    const batch = windows.slice(k, k + READS_AT_ONCE);
    const read = await Promise.all(batch.map(({ chunk, w }) => readWindow(dataset, chunk, column, w, signal)));
    read.forEach((t, i) => (takes[k + i] = t));
  }
  const field = dataset.schema.fields[column];
  try {
    return gatherRows(takes, field.type);
  } catch (e) {
    if (e instanceof TakeError) throw new ExportError(`Column "${field.name}" cannot be exported: ${e.message}.`, { column: field.name });
    throw e;
  }
}

/** The share's rows and the job's columns as one record batch in the schema the writer writes (Parquet: its types converted as pyarrow would). */
export async function gatherBatch(dataset: Dataset, job: GatherJob, share: ExportShare, signal?: AbortSignal): Promise<{ schema: Schema; columns: Data[] }> {
  const windows = share.parts.flatMap((part) => windowsOf(part).map((w) => ({ chunk: part.chunk, w })));
  const columns: Data[] = [];
  for (const c of job.columns) {
    signal?.throwIfAborted();
    const data = await gatherColumnOf(dataset, windows, c, signal);
    columns.push(job.format === 'parquet' ? forParquet(data) : withNullCounts(data));
  }
  return { schema: exportSchema(dataset.schema, job.columns, columns), columns };
}

/**
 * One share of an export, gathered where it runs (a compute worker, or the engine itself): only the
 * windows of rows that hold the share's rows are read (a chunk without any is not in the share), only
 * the job's columns, and the batch crosses back as Arrow IPC bytes (transferred, not copied).
 */
export async function gatherShare(dataset: Dataset, job: GatherJob, share: ExportShare, signal?: AbortSignal): Promise<GatheredShare> {
  await dataset.indexed;
  const { schema, columns } = await gatherBatch(dataset, job, share, signal);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: share.rows, nullCount: 0, children: columns }));
  return { rows: share.rows, ipc: tableToIPC(new Table([batch]), 'stream') };
}
