import { matchingRows } from '../compute/filter';
import { csvLine } from '../compute/csvText';
import type { CellText } from '../compute/rowWindow';
import type { Dataset } from '../model/types';
import type { Format, RowSpan } from './args';
import { readCells } from './cellWindow';
import { resolveColumn, type ColumnRef } from './columnRef';
import type { CommandIo } from './context';
import { fileFilter } from './countCommand';
import { InputError } from './errors';
import { escapeText, jsonText, jsonValue } from './escapeText';
import { n } from './numbers';
import { typeText } from './typeSummary';

const DEFAULT_ROWS = 20;
/** --json gathers the rows before writing them column by column: beyond this, ndjson or csv stream. */
export const JSON_MATCH_LIMIT = 100_000;
/** Matching rows closer than this are read in one window of rows (then picked). */
const GAP = 4_096;

export interface MatchesRequest {
  format: Format;
  where: string;
  /** Which matches, by ordinal: --rows 0:20 is the first 20 matching rows. */
  rows?: RowSpan;
  columns?: string[];
  formulaGuard: boolean;
}

const cellValue = (c: CellText): string | null => (c !== null && typeof c === 'object' ? null : c);
const cellTable = (c: CellText): string => (c === null ? 'null' : typeof c === 'object' ? 'error' : escapeText(c));

/** Every cell of the given rows (ascending row numbers), read a window of nearby rows at a time. */
async function cellsOf(dataset: Dataset, refs: ColumnRef[], rows: Float64Array): Promise<{ columns: CellText[][]; errors: (string | null)[] }> {
  const out = { columns: refs.map((): CellText[] => []), errors: refs.map((): string | null => null) };
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j] - rows[i] < GAP) j++;
    const start = rows[i];
    const window = await readCells(dataset, refs, start, rows[j - 1] - start + 1);
    window.errors.forEach((e, k) => (out.errors[k] ??= e));
    for (let r = i; r < j; r++) refs.forEach((_, k) => out.columns[k].push(window.columns[k][rows[r] - start]));
    i = j;
  }
  return out;
}

/**
 * `--where EXPR` without --count: the matching rows (the first 20, or the matches --rows A:B names by
 * ordinal), with their row numbers in the file. table/ndjson/csv as for --rows, streamed chunk by
 * chunk; json is `{where, start, end, rows, columns: [{name, type, values}]}` (at most 100,000 rows).
 */
export async function matchesCommand(dataset: Dataset, request: MatchesRequest, io: CommandIo): Promise<number> {
  const filter = fileFilter(dataset, request.where);
  const refs: ColumnRef[] = request.columns
    ? request.columns.map((name) => resolveColumn(dataset, name))
    : dataset.fields.map((field, column) => ({ column, path: [], name: field.name, names: [field.name], field }));
  const first = request.rows?.start ?? 0;
  const end = request.rows ? (request.rows.end ?? Infinity) : first + DEFAULT_ROWS;
  const errors: (string | null)[] = refs.map(() => null);
  const noteError = (k: number, e: string | null) => {
    if (e === null || errors[k] !== null) return;
    errors[k] = e;
    io.warn(`arrowscope: column "${escapeText(refs[k].name)}": ${escapeText(e)}`);
  };
  const { format, formulaGuard } = request;
  const json = { rows: [] as number[], columns: refs.map((): (string | null)[] => []) };
  if (format === 'table') await io.out.write(`${['row', ...refs.map((r) => escapeText(r.name))].join('\t')}\n`);
  if (format === 'csv') await io.out.write(csvLine(refs.map((r) => r.name), formulaGuard));
  io.progress.restart();
  for await (const run of matchingRows(dataset, filter, { first, end })) {
    const cells = await cellsOf(dataset, refs, run.rows);
    cells.errors.forEach((e, k) => noteError(k, e));
    if (format === 'json') {
      if (json.rows.length + run.rows.length > JSON_MATCH_LIMIT) {
        throw new InputError(`--json holds at most ${n(JSON_MATCH_LIMIT)} matching rows; ask for fewer with --rows A:B, or stream them with --format ndjson or csv.`);
      }
      json.rows.push(...run.rows);
      cells.columns.forEach((col, k) => json.columns[k].push(...col.map(cellValue)));
    } else {
      for (let r = 0; r < run.rows.length; r++) {
        let line: string;
        if (format === 'table') line = `${run.rows[r]}${cells.columns.map((col) => `\t${cellTable(col[r])}`).join('')}\n`;
        else if (format === 'ndjson') line = `{${refs.map((ref, k) => `${jsonText(ref.name)}:${jsonValue(cellValue(cells.columns[k][r]))}`).join(',')}}\n`;
        else line = csvLine(cells.columns.map((col) => cellValue(col[r])), formulaGuard);
        const pending = io.out.write(line);
        if (pending) await pending;
      }
    }
    io.progress.update(run.chunk + 1, dataset.chunks.length, 'chunks');
    await io.out.breathe();
  }
  io.progress.clear();
  if (format === 'json') {
    const columns = refs.map((ref, k) => ({ name: ref.name, ...(ref.path.length ? { path: ref.names } : {}), type: typeText(ref.field), values: json.columns[k], ...(errors[k] !== null ? { error: errors[k] } : {}) }));
    await io.out.write(`${jsonText({ where: request.where, start: first, end: first + json.rows.length, rows: json.rows, columns })}\n`);
  }
  return errors.some((e) => e !== null) ? 1 : 0;
}
