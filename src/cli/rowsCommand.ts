import type { CellText } from '../compute/rowWindow';
import type { Dataset } from '../model/types';
import type { Format, RowSpan } from './args';
import { readCells, type CellWindow } from './cellWindow';
import { resolveColumn, type ColumnRef } from './columnRef';
import type { CommandIo } from './context';
import { csvLine } from '../compute/csvText';
import { InputError } from './errors';
import { escapeText, jsonText, jsonValue } from './escapeText';
import { n } from './numbers';
import { typeText } from './typeSummary';

/**
 * Rows read and written per step: memory stays bounded for any row count (3,005,193 rows of two
 * columns as NDJSON peak at ~180-200 MB RSS), and a window's values stay few enough for push(...values).
 */
export const WINDOW_ROWS = 32_768;
/** Columns read together for JSON output of rows within one window, and the cells held for them at most. */
const BLOCK_COLUMNS = 128;
const BLOCK_CELLS = 65_536;
const DEFAULT_ROWS = 20;

export interface RowsRequest {
  format: Format;
  rows?: RowSpan;
  chunk?: number;
  columns?: string[];
  formulaGuard: boolean;
}

/** The rows asked for, in file row numbers, and the first row number to show (chunk-relative with --chunk). */
interface Range {
  first: number;
  end: number;
  shownFirst: number;
}

function rangeOf(dataset: Dataset, request: RowsRequest): Range {
  if (request.chunk !== undefined) {
    const chunk = dataset.chunks[request.chunk];
    const kind = dataset.format === 'parquet' ? 'row groups' : 'batches';
    if (!chunk) {
      throw new InputError(`There is no chunk ${n(request.chunk)}: the file has ${n(dataset.chunks.length)} ${kind}${dataset.chunks.length ? ` (0–${n(dataset.chunks.length - 1)})` : ''}.`);
    }
    const start = request.rows?.start ?? 0;
    const end = request.rows ? (request.rows.end ?? chunk.rows) : Math.min(DEFAULT_ROWS, chunk.rows);
    if (start > chunk.rows || end > chunk.rows) {
      throw new InputError(`Rows ${n(start)}–${n(end)} fall outside chunk ${n(request.chunk)}, which has ${n(chunk.rows)} rows.`);
    }
    return { first: chunk.rowOffset + start, end: chunk.rowOffset + end, shownFirst: start };
  }
  const start = request.rows?.start ?? 0;
  const end = request.rows ? (request.rows.end ?? dataset.rows) : Math.min(DEFAULT_ROWS, dataset.rows);
  if (start > dataset.rows || end > dataset.rows) {
    throw new InputError(`Rows ${n(start)}–${n(end)} fall outside the file, which has ${n(dataset.rows)} rows.${start < dataset.rows ? ` (--rows ${start}: reads to the last row.)` : ''}`);
  }
  return { first: start, end, shownFirst: start };
}

function refsOf(dataset: Dataset, names: string[] | undefined): ColumnRef[] {
  if (names) return names.map((name) => resolveColumn(dataset, name));
  return dataset.fields.map((field, column) => ({ column, path: [], name: field.name, names: [field.name], field }));
}

/** NDJSON keys: the names as they are; a name already taken gets `#N` (its column index) after it. */
function uniqueKeys(refs: ColumnRef[]): string[] {
  const seen = new Set<string>();
  return refs.map((ref) => {
    let key = ref.name;
    if (seen.has(key)) key = `${ref.name}#${ref.column}`;
    for (let k = 2; seen.has(key); k++) key = `${ref.name}#${ref.column}#${k}`;
    seen.add(key);
    return key;
  });
}

type NoteError = (column: number, error: string | null) => void;

const cellValue = (c: CellText): string | null => (c !== null && typeof c === 'object' ? null : c);
const cellTable = (c: CellText): string => (c === null ? 'null' : typeof c === 'object' ? 'error' : escapeText(c));

/** Prints rows of a file in the format asked for, window by window; returns the exit code. */
export async function rowsCommand(dataset: Dataset, request: RowsRequest, io: CommandIo): Promise<number> {
  const refs = refsOf(dataset, request.columns);
  const range = rangeOf(dataset, request);
  const errors: (string | null)[] = refs.map(() => null);
  /** The first error of each column, said once on stderr. */
  const noteError: NoteError = (k, e) => {
    if (e === null || errors[k] !== null) return;
    errors[k] = e;
    io.warn(`arrowscope: column "${escapeText(refs[k].name)}": ${escapeText(e)}`);
  };
  io.progress.restart();
  if (request.format === 'json') {
    await writeJson(dataset, request, refs, range, io, noteError);
  } else {
    await writeLines(dataset, request, refs, range, io, noteError);
  }
  io.progress.clear();
  return errors.some((e) => e !== null) ? 1 : 0;
}

/** table, ndjson, csv: a header (table, csv), then one line per row, a window of rows at a time. */
async function writeLines(dataset: Dataset, request: RowsRequest, refs: ColumnRef[], range: Range, io: CommandIo, noteError: NoteError): Promise<void> {
  const { format, formulaGuard } = request;
  const keys = format === 'ndjson' ? uniqueKeys(refs).map((k) => `${jsonText(k)}:`) : [];
  if (format === 'table') await io.out.write(`${['row', ...refs.map((r) => escapeText(r.name))].join('\t')}\n`);
  if (format === 'csv') await io.out.write(csvLine(refs.map((r) => r.name), formulaGuard));
  const total = range.end - range.first;
  for (let first = range.first; first < range.end; first += WINDOW_ROWS) {
    const count = Math.min(WINDOW_ROWS, range.end - first);
    const window = await readCells(dataset, refs, first, count);
    window.errors.forEach((e, k) => noteError(k, e));
    const cols = window.columns;
    const shown = range.shownFirst + (first - range.first);
    for (let r = 0; r < count; r++) {
      let line: string;
      if (format === 'table') {
        line = `${shown + r}`;
        for (const col of cols) line += `\t${cellTable(col[r])}`;
        line += '\n';
      } else if (format === 'ndjson') {
        line = '{';
        for (let k = 0; k < cols.length; k++) line += `${k ? ',' : ''}${keys[k]}${jsonValue(cellValue(cols[k][r]))}`;
        line += '}\n';
      } else {
        line = csvLine(cols.map((col) => cellValue(col[r])), formulaGuard);
      }
      const pending = io.out.write(line);
      if (pending) await pending;
    }
    io.progress.update(first + count - range.first, total, 'rows');
    await io.out.breathe();
  }
}

/**
 * `{start, end, chunk?, columns: [{name, path?, type, values, error?}]}`, written column by column
 * and window by window, so that memory stays bounded for any number of rows.
 */
async function writeJson(dataset: Dataset, request: RowsRequest, refs: ColumnRef[], range: Range, io: CommandIo, noteError: NoteError): Promise<void> {
  const count = range.end - range.first;
  const head: Record<string, number> = { start: range.shownFirst, end: range.shownFirst + count };
  if (request.chunk !== undefined) head.chunk = request.chunk;
  await io.out.write(`${jsonText(head).slice(0, -1)},"columns":[`);
  const total = count * refs.length;
  // Rows that fit in one window are read for a block of columns at once (a Parquet row group decodes
  // small columns asked for together in one call), at most BLOCK_CELLS cells held.
  const block = count <= WINDOW_ROWS ? Math.max(1, Math.min(BLOCK_COLUMNS, Math.floor(BLOCK_CELLS / Math.max(1, count)))) : 1;
  let ahead: CellWindow | undefined;
  let aheadFrom = 0;
  for (let k = 0; k < refs.length; k++) {
    const ref = refs[k];
    if (block > 1 && (!ahead || k >= aheadFrom + ahead.columns.length)) {
      aheadFrom = k;
      ahead = await readCells(dataset, refs.slice(k, k + block), range.first, count);
    }
    const meta: Record<string, unknown> = { name: ref.name };
    if (ref.path.length) meta.path = ref.names;
    meta.type = typeText(ref.field);
    await io.out.write(`${k ? ',' : ''}${jsonText(meta).slice(0, -1)},"values":[`);
    let error: string | null = null;
    for (let first = range.first; first < range.end; first += WINDOW_ROWS) {
      const take = Math.min(WINDOW_ROWS, range.end - first);
      const window = block > 1 && ahead ? { columns: [ahead.columns[k - aheadFrom]], errors: [ahead.errors[k - aheadFrom]] } : await readCells(dataset, [ref], first, take);
      error ??= window.errors[0];
      const values = window.columns[0].map(cellValue);
      const text = jsonText(values);
      await io.out.write(`${first > range.first ? ',' : ''}${text.slice(1, -1)}`);
      io.progress.update(k * count + (first + take - range.first), total, 'values');
      await io.out.breathe();
    }
    noteError(k, error);
    await io.out.write(`]${error !== null ? `,"error":${jsonText(error)}` : ''}}`);
  }
  await io.out.write(']}\n');
}
