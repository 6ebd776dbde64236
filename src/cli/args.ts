import { parseArgs } from 'node:util';
import { FilterSyntaxError, parseFilter } from '../compute/filter';
import { parseSortSpec } from '../compute/sort';
import { UsageError } from './errors';

export type Format = 'table' | 'json' | 'ndjson' | 'csv';
const FORMATS: readonly Format[] = ['table', 'json', 'ndjson', 'csv'];

/** What `--out` writes: csv, Arrow IPC file (.arrow), Arrow IPC stream (.arrows) or Parquet. */
export type OutFormat = 'csv' | 'arrow' | 'arrows' | 'parquet';
const OUT_FORMATS: readonly OutFormat[] = ['csv', 'arrow', 'arrows', 'parquet'];
const OUT_EXTENSIONS: Record<string, OutFormat> = { csv: 'csv', arrow: 'arrow', feather: 'arrow', ipc: 'arrow', arrows: 'arrows', parquet: 'parquet', pq: 'parquet' };

export interface RowSpan {
  start: number;
  /** One past the last row; undefined for "to the end". */
  end?: number;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'summary'; file: string; format: Format; allChunks: boolean; quiet: boolean }
  | { kind: 'rows'; file: string; format: Format; rows?: RowSpan; chunk?: number; columns?: string[]; formulaGuard: boolean; quiet: boolean }
  | { kind: 'unique'; file: string; format: Format; column: string; formulaGuard: boolean; quiet: boolean }
  | { kind: 'count'; file: string; format: Format; where: string; quiet: boolean }
  | { kind: 'matches'; file: string; format: Format; where: string; rows?: RowSpan; columns?: string[]; formulaGuard: boolean; quiet: boolean }
  | { kind: 'sorted'; file: string; format: Format; sort: string; where?: string; rows?: RowSpan; limit?: number; columns?: string[]; formulaGuard: boolean; quiet: boolean }
  | { kind: 'export'; file: string; out: string; outFormat: OutFormat; json: boolean; sort?: string; where?: string; rows?: RowSpan; limit?: number; columns?: string[]; formulaGuard: boolean; quiet: boolean }
  | { kind: 'view'; path: string; port: number; open: boolean; folder: boolean };

const OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  rows: { type: 'string' },
  chunk: { type: 'string' },
  column: { type: 'string', multiple: true },
  columns: { type: 'string' },
  unique: { type: 'string' },
  'all-chunks': { type: 'boolean' },
  where: { type: 'string' },
  count: { type: 'boolean' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  out: { type: 'string' },
  'formula-guard': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  port: { type: 'string' },
  open: { type: 'boolean' },
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parse>['values'];

const parse = (argv: string[]) => parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });

function parseRows(text: string): RowSpan {
  const m = text.match(/^(\d*):(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) throw new UsageError(`--rows takes A:B (rows A to B-1), A: or :B, not "${text}".`);
  const start = m[1] === '' ? 0 : Number(m[1]);
  const end = m[2] === '' ? undefined : Number(m[2]);
  if (!Number.isSafeInteger(start) || (end !== undefined && !Number.isSafeInteger(end))) throw new UsageError(`--rows: "${text}" is past the largest row number this tool handles.`);
  if (end !== undefined && end < start) throw new UsageError(`--rows takes A:B with A <= B (rows A to B-1), not "${text}".`);
  return { start, end };
}

function parseIndex(option: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text) || Number(text) > max) throw new UsageError(`--${option} takes a whole number${max < Number.MAX_SAFE_INTEGER ? ` from 0 to ${max}` : ''}, not "${text}".`);
  return Number(text);
}

function parseFormat(values: Values): Format {
  if (values.json && values.format !== undefined && values.format !== 'json') throw new UsageError(`--json and --format ${values.format} ask for two formats; give one.`);
  const format = values.format ?? (values.json ? 'json' : 'table');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not "${format}".`);
  return format as Format;
}

function refuse(values: Values, names: (keyof Values)[], why: string): void {
  const given = names.filter((k) => values[k] !== undefined);
  if (given.length) throw new UsageError(`--${String(given[0])} ${why}`);
}

/** The --where text when it parses (the columns and types are checked once the file is open); a syntax error is a usage error. */
function checkedWhere(text: string): string {
  try {
    parseFilter(text);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw new UsageError(`--where: ${e.message}`);
    throw e;
  }
  return text;
}

/** The --sort text when it is a list of `col[:asc|:desc]` (the columns are checked once the file is open). */
function checkedSort(text: string): string {
  if (!parseSortSpec(text)) throw new UsageError(`--sort takes col[:desc][,col2[:desc]…], not "${text}".`);
  return text;
}

/** --out's format: --format when it names one, else the file's extension. */
function outFormat(values: Values, out: string): OutFormat {
  if (values.json !== undefined && values.format !== undefined) throw new UsageError('--json with --out asks for the summary line as JSON; --format then names the file\'s format: give one of them.');
  if (values.format !== undefined) {
    if (!(OUT_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format with --out takes ${OUT_FORMATS.join(', ')}, not "${values.format}".`);
    return values.format as OutFormat;
  }
  const ext = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase() ?? '';
  const format = OUT_EXTENSIONS[ext];
  if (!format) throw new UsageError(`--out: cannot tell the format from "${out}": end it in .csv, .arrow, .arrows or .parquet, or give --format csv|arrow|arrows|parquet.`);
  return format;
}

function columnsOf(values: Values): string[] | undefined {
  const columns = [...(values.column ?? []), ...(values.columns?.split(',') ?? [])];
  return columns.length ? columns : undefined;
}

/** The command the arguments ask for (with --threads when given); UsageError (exit 2) for anything malformed. */
export function parseCommand(argv: string[]): Command & { threads?: number } {
  const command = commandOf(argv);
  const text = command.kind === 'help' || command.kind === 'view' ? undefined : parse(argv).values.threads;
  return text === undefined ? command : { ...command, threads: parseThreads(text) };
}

/** --threads N: the threads a scan may use, this one included (1: this thread only). */
function parseThreads(text: string): number {
  const threads = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(threads >= 1 && threads <= MAX_THREADS)) throw new UsageError(`--threads takes a whole number from 1 to ${MAX_THREADS}, not "${text}".`);
  return threads;
}

const MAX_THREADS = 256;

function commandOf(argv: string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    // Node's text goes on to explain '--' for positionals starting with '-': keep its first sentence.
    throw new UsageError((e as Error).message.split('\n')[0].replace(/^(.*?\.)\s.*$/, '$1'));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const quiet = values.quiet ?? false;
  if ((positionals[0] === 'view' || positionals[0] === 'serve') && positionals.length === 2) {
    refuse(values, ['format', 'json', 'rows', 'chunk', 'column', 'columns', 'unique', 'all-chunks', 'formula-guard', 'where', 'count', 'sort', 'limit', 'out', 'threads'], `is for inspecting a file, not for ${positionals[0]}.`);
    const port = values.port === undefined ? 0 : parseIndex('port', values.port, 65535);
    return { kind: 'view', path: positionals[1], port, open: values.open ?? true, folder: positionals[0] === 'serve' };
  }
  if (positionals.length === 0) throw new UsageError('Give the file to inspect: arrowscope FILE [options] (arrowscope --help lists them).');
  if (positionals.length > 1) {
    const hint = positionals[0] === 'view' || positionals[0] === 'serve' ? ` ${positionals[0]} takes one ${positionals[0] === 'view' ? 'FILE' : 'DIR'}.` : '';
    throw new UsageError(`One file at a time: got ${positionals.length} (${positionals.map((p) => `"${p}"`).join(', ')}).${hint}`);
  }
  if (positionals[0] === 'view' || positionals[0] === 'serve') throw new UsageError(`arrowscope ${positionals[0]} takes a ${positionals[0] === 'view' ? 'FILE' : 'DIR'} (for a file named ${positionals[0]}, write ./${positionals[0]}).`);
  refuse(values, ['port', 'open'], 'is for arrowscope view and serve.');
  const file = positionals[0];
  const formulaGuard = values['formula-guard'] ?? true;
  const limit = values.limit === undefined ? undefined : parseIndex('limit', values.limit);
  if (values.out !== undefined) {
    refuse(values, ['chunk', 'unique', 'all-chunks', 'count'], 'does not go with --out (it writes the rows of --where, --sort, --rows and --limit).');
    const out = values.out;
    return {
      kind: 'export', file, out, outFormat: outFormat(values, out), json: values.json ?? false,
      sort: values.sort === undefined ? undefined : checkedSort(values.sort),
      where: values.where === undefined ? undefined : checkedWhere(values.where),
      rows: values.rows === undefined ? undefined : parseRows(values.rows), limit, columns: columnsOf(values), formulaGuard, quiet,
    };
  }
  const format = parseFormat(values);
  if (values.sort !== undefined) {
    refuse(values, ['chunk', 'unique', 'all-chunks', 'count'], 'does not go with --sort (its --rows A:B count rows in sorted order).');
    return {
      kind: 'sorted', file, format, sort: checkedSort(values.sort),
      where: values.where === undefined ? undefined : checkedWhere(values.where),
      rows: values.rows === undefined ? undefined : parseRows(values.rows), limit, columns: columnsOf(values), formulaGuard, quiet,
    };
  }
  refuse(values, ['limit'], 'goes with --sort or --out.');
  if (values.where !== undefined || values.count !== undefined) {
    if (values.where === undefined) throw new UsageError('--count counts the rows a filter matches: give it with --where EXPR.');
    const where = checkedWhere(values.where);
    if (values.count) {
      refuse(values, ['rows', 'chunk', 'column', 'columns', 'unique', 'all-chunks'], 'does not go with --where --count.');
      return { kind: 'count', file, format, where, quiet };
    }
    refuse(values, ['chunk', 'unique', 'all-chunks'], 'does not go with --where (its --rows A:B count matching rows).');
    const columns = [...(values.column ?? []), ...(values.columns?.split(',') ?? [])];
    const rows = values.rows === undefined ? undefined : parseRows(values.rows);
    return { kind: 'matches', file, format, where, rows, columns: columns.length ? columns : undefined, formulaGuard, quiet };
  }
  if (values.unique !== undefined) {
    refuse(values, ['rows', 'chunk', 'column', 'columns', 'all-chunks'], 'does not go with --unique (value counts cover every row of one column).');
    return { kind: 'unique', file, format, column: values.unique, formulaGuard, quiet };
  }
  const wantsRows = values.rows !== undefined || values.chunk !== undefined || values.column !== undefined || values.columns !== undefined;
  if (wantsRows) {
    refuse(values, ['all-chunks'], 'is for the summary; it does not go with --rows, --chunk or --column.');
    const columns = [...(values.column ?? []), ...(values.columns?.split(',') ?? [])];
    const chunk = values.chunk === undefined ? undefined : parseIndex('chunk', values.chunk);
    const rows = values.rows === undefined ? undefined : parseRows(values.rows);
    return { kind: 'rows', file, format, rows, chunk, columns: columns.length ? columns : undefined, formulaGuard, quiet };
  }
  return { kind: 'summary', file, format, allChunks: values['all-chunks'] ?? false, quiet };
}
