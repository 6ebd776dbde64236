import { parseCsv, runCli } from '../cli/support/runCli';
import type { ShownError } from './classify';

/** One column of `arrowscope FILE --rows A:B --format json`. */
export interface CliColumn {
  name: string;
  values: (string | null)[];
  error?: string;
}

export interface CliRows {
  code: number;
  /** Null when stdout held no rows document (the file did not open). */
  columns: CliColumn[] | null;
  /** The sentences on stderr, without the `arrowscope: ` prefix. */
  errors: ShownError[];
}

/** Rows [start, end) of every column as the CLI prints them in JSON. */
export async function cliRows(path: string, start: number, end: number): Promise<CliRows> {
  const { status: code, stdout, stderr } = await runCli(path, '--rows', `${start}:${end}`, '--format', 'json', '--quiet');
  const errors: ShownError[] = stderr
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => ({ where: `cli --rows ${start}:${end}`, message: line.replace(/^arrowscope: /, ''), located: true }));
  let columns: CliColumn[] | null = null;
  if (stdout.trim() !== '') {
    try {
      columns = (JSON.parse(stdout) as { columns: CliColumn[] }).columns;
    } catch (e) {
      errors.push({ where: `cli --rows ${start}:${end}`, message: `stdout is not JSON (${(e as Error).message})`, located: false });
    }
  }
  return { code, columns, errors };
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Cells a spreadsheet runs as a formula (OWASP): they must reach a CSV file prefixed with '. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * The first thing in the CLI's output of the first rows that acts instead of showing: a raw control
 * character in the table (stdout or stderr), or a formula cell in the CSV. Null when all is inert.
 */
export async function cliTable(path: string, rows: number): Promise<string | null> {
  const table = await runCli(path, '--rows', `0:${rows}`, '--quiet');
  for (const [stream, text] of [['stdout', table.stdout], ['stderr', table.stderr]] as const) {
    const m = RAW_CONTROL.exec(text);
    if (m) return `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} raw in the table's ${stream} at character ${m.index}`;
  }
  const csv = await runCli(path, '--rows', `0:${rows}`, '--format', 'csv', '--quiet');
  const formula = parseCsv(csv.stdout)
    .flat()
    .find((cell) => FORMULA.test(cell));
  return formula === undefined ? null : `the CSV holds the formula cell ${JSON.stringify(formula)}`;
}
