import { readFile } from 'node:fs/promises';
import { LocatedError, errorMessage } from '../../src/model/errors';
import { BlobSource } from '../../src/source/blobSource';
import { Engine } from '../../src/worker/engine';
import type { ChunkInfo } from '../../src/model/types';
import type { CellText } from '../../src/compute/rowWindow';
import type { RowWindow } from '../../src/worker/protocol';
import type { ShownError } from './classify';
import { cliRows, cliTable, type CliRows } from './probeCli';
import { compareWindow } from './agreement';

export interface ProbeRequest {
  path: string;
  /** The name the file is opened under (its extension plays no part in choosing the engine). */
  name: string;
  /** Rows read at each end of the file, as the grid and `--rows` show them. */
  windowRows: number;
  /** Also print the rows as a table and check that no control character reaches the terminal. */
  checkTerminal?: boolean;
  /** Columns whose cells of the first window are sent back, for comparing with the values a crafted file holds. */
  keepColumns?: number[];
}

export interface ProbeResult {
  opened: boolean;
  rows: number;
  chunks: number;
  columns: number;
  /** Every sentence the user would read as an error, in the app or from the CLI. */
  errors: ShownError[];
  /** Cells shown with a value (not null, not an error). */
  valueCells: number;
  /** The first place the CLI's rows differ from the app's, or null. */
  disagreement: string | null;
  /** A raw control character in the CLI's table output, or null. */
  unsafeOutput: string | null;
  /** The first window's cells of the columns asked for (keepColumns), by column. */
  cells: Record<number, CellText[]>;
}

const located = (where: string, e: unknown): ShownError => ({ where, message: errorMessage(e), located: e instanceof LocatedError });
const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * What is wrong with the row count and chunk list the app shows, or null: counts that are not whole
 * numbers of rows, chunks whose rows do not follow one another, or do not add up to the file's rows.
 */
export function indexProblem(rows: number, chunks: readonly ChunkInfo[]): string | null {
  if (!Number.isSafeInteger(rows) || rows < 0) return `the file is said to have ${rows} rows`;
  let next = 0;
  for (const c of chunks) {
    if (!Number.isSafeInteger(c.rows) || c.rows < 0) return `chunk ${c.index} is said to have ${c.rows} rows`;
    if (c.rowOffset !== next) return `chunk ${c.index} is said to start at row ${c.rowOffset}, where the chunks before it end at row ${next}`;
    next += c.rows;
  }
  return next === rows ? null : `the chunks hold ${next} rows, the file is said to have ${rows}`;
}

/** The windows a user looks at first: the first rows and the last rows (one window when they overlap). */
export function windowsOf(total: number, size: number): { start: number; count: number }[] {
  const rows = Number.isSafeInteger(total) ? Math.max(0, total) : 0;
  const first = { start: 0, count: Math.min(size, rows) };
  const lastStart = Math.max(first.count, rows - size);
  return rows > lastStart ? [first, { start: lastStart, count: rows - lastStart }] : [first];
}

/**
 * What a user does with a file, through the app's own engine facade (worker/engine.ts) and the CLI's
 * run function: open it, read the schema, list the chunks and the first and last chunk's detail, show the
 * first and last rows of every column; then the same rows through `arrowscope FILE --rows A:B --format json`.
 */
export async function probe(request: ProbeRequest): Promise<ProbeResult> {
  const { path, name, windowRows } = request;
  const result: ProbeResult = { opened: false, rows: 0, chunks: 0, columns: 0, errors: [], valueCells: 0, disagreement: null, unsafeOutput: null, cells: {} };
  const engine = new Engine();
  const bytes = await readFile(path);
  let id: number;
  try {
    id = (await engine.openSource(new BlobSource(new Blob([bytes]), name), true)).id;
  } catch (e) {
    result.errors.push(located('open', e));
    const cli = await cliRows(path, 0, windowRows);
    result.errors.push(...cli.errors);
    if (cli.code === 0) result.disagreement = 'the CLI printed rows of a file the app could not open';
    return result;
  }
  try {
    while (!engine.summary(id).indexComplete) await pause();
    const summary = engine.summary(id);
    Object.assign(result, { opened: true, rows: summary.rows, chunks: summary.chunkCount, columns: summary.fields.length });
    for (const p of summary.problems) result.errors.push({ where: 'problem', message: p.message + (p.stillWorks ? ` ${p.stillWorks}` : ''), located: true });
    for (const f of summary.fields) if (f.unsupported) result.errors.push({ where: `field "${f.name}"`, message: f.unsupported, located: true });
    const chunks = engine.chunks(id, 0, summary.chunkCount);
    const wrongIndex = indexProblem(summary.rows, chunks);
    if (wrongIndex) result.errors.push({ where: 'chunk list', message: wrongIndex, located: true, wrongFact: true });
    for (const c of new Set([0, chunks.length - 1])) {
      if (c < 0) continue;
      try {
        await engine.chunkDetail(id, c);
      } catch (e) {
        result.errors.push(located(`chunk ${c} detail`, e));
      }
    }
    const columns = summary.fields.map((_, k) => k);
    for (const { start, count } of windowsOf(summary.rows, windowRows)) {
      let window: RowWindow;
      try {
        window = await engine.rows(id, start, count, columns);
      } catch (e) {
        result.errors.push(located(`rows ${start}–${start + count}`, e));
        continue;
      }
      window.errors.forEach((message, k) => {
        if (message !== null) result.errors.push({ where: `rows ${start}–${start + count}, column ${k}`, message, located: true });
      });
      for (const col of window.columns) for (const cell of col) if (typeof cell === 'string') result.valueCells++;
      if (start === 0) for (const k of request.keepColumns ?? []) result.cells[k] = window.columns[k] ?? [];
      const cli: CliRows = await cliRows(path, start, start + count);
      result.errors.push(...cli.errors);
      result.disagreement ??= compareWindow(window, cli);
    }
    if (request.checkTerminal) result.unsafeOutput = await cliTable(path, windowRows);
  } finally {
    await engine.close(id);
  }
  return result;
}
