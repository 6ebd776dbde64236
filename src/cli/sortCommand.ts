import { csvLine } from '../compute/csvText';
import type { BoundFilter } from '../compute/filter';
import type { CellText } from '../compute/rowWindow';
import { parseSortSpec, sortedRows, SortKeyError, SortTooLargeError, topRows, TOP_K_DEFAULT, type SortedRows, type SortKey } from '../compute/sort';
import type { Dataset } from '../model/types';
import type { Format, RowSpan } from './args';
import { readCells } from './cellWindow';
import { resolveColumn, type ColumnRef } from './columnRef';
import type { CommandIo } from './context';
import { fileFilter } from './countCommand';
import { InputError } from './errors';
import { escapeText, jsonText, jsonValue } from './escapeText';
import { JSON_MATCH_LIMIT } from './matchesCommand';
import { n } from './numbers';
import { poolTop } from './pool/parallel';
import { typeText } from './typeSummary';

const DEFAULT_ROWS = 20;
/** Rows closer than this are read in one window of rows (then picked). */
const GAP = 4_096;

/**
 * `--sort a,b:desc` as keys of the file's top-level columns. Where the list names a column the file
 * lacks, the whole text (with or without `:desc`) may be one column's name holding ',' or ':'.
 */
export function sortKeysOf(dataset: Dataset, spec: string): SortKey[] {
  try {
    return parseSortSpec(spec)!.map((key) => {
      const ref = resolveColumn(dataset, key.name);
      if (ref.path.length) throw new InputError(`--sort: "${ref.name}" is a field inside a struct; sort by a top-level column.`);
      return { column: ref.column, descending: key.descending };
    });
  } catch (e) {
    const whole = /^(.*?)(?::(asc|desc))?$/i.exec(spec)!;
    for (const [name, descending] of [[spec, false], [whole[1], whole[2]?.toLowerCase() === 'desc']] as const) {
      const column = dataset.fields.findIndex((f) => f.name === name);
      if (column >= 0) return [{ column, descending }];
    }
    throw e;
  }
}

/**
 * The first `need` rows in sorted order (of the filter's matches when given): an exact top-K when
 * `need` is at most 10,000, else the full order (which says so, offering the top-K, past 10M rows).
 */
export async function sortOrder(dataset: Dataset, spec: string, filter: BoundFilter | undefined, need: number, io: CommandIo): Promise<SortedRows> {
  const keys = sortKeysOf(dataset, spec);
  io.progress.restart();
  const onProgress = (p: { rowsDone: number; rows: number }) => io.progress.update(p.rowsDone, p.rows, 'rows sorted');
  try {
    if (need <= TOP_K_DEFAULT && io.pool) return await poolTop(io.pool, dataset, keys, need, filter, (rowsDone) => onProgress({ rowsDone, rows: dataset.rows }));
    if (need <= TOP_K_DEFAULT) return await topRows(dataset, keys, need, { filter, onProgress });
    return await sortedRows(dataset, keys, { filter, onProgress });
  } catch (e) {
    if (e instanceof SortTooLargeError) throw new InputError(`${e.message} Ask for it with --limit ${TOP_K_DEFAULT} (or --rows 0:${TOP_K_DEFAULT}).`);
    if (e instanceof SortKeyError) throw new InputError(`--sort: ${e.message}`);
    throw e;
  } finally {
    io.progress.clear();
  }
}

/** The rows asked of a sorted order: --rows A:B (positions in that order), capped by --limit; 20 by default. */
export function sortedSpan(rows: RowSpan | undefined, limit: number | undefined, fallback: number): { start: number; end: number } {
  const start = rows?.start ?? 0;
  let end = rows ? (rows.end ?? Infinity) : limit === undefined ? start + fallback : Infinity;
  if (limit !== undefined) end = Math.min(end, start + limit);
  return { start, end };
}

export interface SortedRequest {
  format: Format;
  sort: string;
  where?: string;
  rows?: RowSpan;
  limit?: number;
  columns?: string[];
  formulaGuard: boolean;
}

const cellValue = (c: CellText): string | null => (c !== null && typeof c === 'object' ? null : c);
const cellTable = (c: CellText): string => (c === null ? 'null' : typeof c === 'object' ? 'error' : escapeText(c));

/** Every cell of the given rows (any order), read a window of nearby rows at a time, in the rows' order. */
async function cellsOf(dataset: Dataset, refs: ColumnRef[], rows: Float64Array): Promise<{ columns: CellText[][]; errors: (string | null)[] }> {
  const order = Array.from(rows.keys()).sort((a, b) => rows[a] - rows[b]);
  const out = { columns: refs.map((): CellText[] => new Array<CellText>(rows.length)), errors: refs.map((): string | null => null) };
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    while (j < order.length && rows[order[j]] - rows[order[i]] < GAP) j++;
    const start = rows[order[i]];
    const window = await readCells(dataset, refs, start, rows[order[j - 1]] - start + 1);
    window.errors.forEach((e, k) => (out.errors[k] ??= e));
    for (let r = i; r < j; r++) refs.forEach((_, k) => (out.columns[k][order[r]] = window.columns[k][rows[order[r]] - start]));
    i = j;
  }
  return out;
}

/**
 * `--sort col[:desc],…` without --out: the first 20 rows in that order (of the --where matches when
 * given), or the rows --rows A:B / --limit N name by position in it, with their row numbers in the
 * file. Formats as for --where: json `{sort, where?, start, end, rows, columns}`.
 */
export async function sortCommand(dataset: Dataset, request: SortedRequest, io: CommandIo): Promise<number> {
  const filter = request.where === undefined ? undefined : fileFilter(dataset, request.where);
  const refs: ColumnRef[] = request.columns
    ? request.columns.map((name) => resolveColumn(dataset, name))
    : dataset.fields.map((field, column) => ({ column, path: [], name: field.name, names: [field.name], field }));
  const span = sortedSpan(request.rows, request.limit, DEFAULT_ROWS);
  const tooMany = () => new InputError(`--json holds at most ${n(JSON_MATCH_LIMIT)} rows; ask for fewer with --rows A:B or --limit, or stream them with --format ndjson or csv.`);
  // Asked for more before sorting; an open range (--rows 0:) is told by the rows it gives.
  if (request.format === 'json' && span.end - span.start > JSON_MATCH_LIMIT && Number.isFinite(span.end)) throw tooMany();
  await dataset.indexed;
  const sorted = await sortOrder(dataset, request.sort, filter, Math.min(span.end, dataset.rows), io);
  const rows = sorted.rows.subarray(Math.min(span.start, sorted.rows.length), Math.min(span.end, sorted.rows.length));
  if (request.format === 'json' && rows.length > JSON_MATCH_LIMIT) throw tooMany();
  const errors: (string | null)[] = refs.map(() => null);
  const { format, formulaGuard } = request;
  if (format === 'table') await io.out.write(`${['row', ...refs.map((r) => escapeText(r.name))].join('\t')}\n`);
  if (format === 'csv') await io.out.write(csvLine(refs.map((r) => r.name), formulaGuard));
  const json = { rows: [] as number[], columns: refs.map((): (string | null)[] => []) };
  const STEP = 32_768;
  for (let at = 0; at < rows.length; at += STEP) {
    const group = rows.subarray(at, Math.min(rows.length, at + STEP));
    const cells = await cellsOf(dataset, refs, group);
    cells.errors.forEach((e, k) => {
      if (e === null || errors[k] !== null) return;
      errors[k] = e;
      io.warn(`arrowscope: column "${escapeText(refs[k].name)}": ${escapeText(e)}`);
    });
    if (format === 'json') {
      json.rows.push(...group);
      cells.columns.forEach((col, k) => json.columns[k].push(...col.map(cellValue)));
      continue;
    }
    for (let r = 0; r < group.length; r++) {
      let line: string;
      if (format === 'table') line = `${group[r]}${cells.columns.map((col) => `\t${cellTable(col[r])}`).join('')}\n`;
      else if (format === 'ndjson') line = `{${refs.map((ref, k) => `${jsonText(ref.name)}:${jsonValue(cellValue(cells.columns[k][r]))}`).join(',')}}\n`;
      else line = csvLine(cells.columns.map((col) => cellValue(col[r])), formulaGuard);
      const pending = io.out.write(line);
      if (pending) await pending;
    }
    await io.out.breathe();
  }
  if (format === 'json') {
    const columns = refs.map((ref, k) => ({ name: ref.name, ...(ref.path.length ? { path: ref.names } : {}), type: typeText(ref.field), values: json.columns[k], ...(errors[k] !== null ? { error: errors[k] } : {}) }));
    const head = { sort: request.sort, ...(request.where !== undefined ? { where: request.where } : {}), start: span.start, end: span.start + json.rows.length };
    await io.out.write(`${jsonText({ ...head, rows: json.rows, columns })}\n`);
  }
  return errors.some((e) => e !== null) ? 1 : 0;
}
