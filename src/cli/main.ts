import { parseArgs } from 'node:util';
import { DatasetError, LocatedError, describeLocation } from '../model/errors';
import { openDataset } from '../dataset/openDataset';
import type { Dataset } from '../model/types';
import { countUnique } from '../compute/uniqueOfColumn';
import { NodeFileSource } from '../source/nodeFileSource';
import { readRowWindow, type CellText } from '../compute/rowWindow';
import { uniqueResultText } from '../compute/uniqueValueText';
import { vectorText } from '../valueText';
import { summaryJson, summaryText } from './summaryJson';

const HELP = `arrowscope FILE [options]    inspect an Arrow IPC stream/file or a Parquet file lazily

  (no options)                       schema and chunk summary
  --json                             the same as one JSON object (format, rows, schema, chunks)
  --rows A:B [--columns a,b]         rows A..B-1 of the whole file (row numbers across all chunks), every
                                     column or the columns named (--json: {columns: [{name, type, values}]})
  --column NAME --chunk I --rows A:B values of one column in one chunk (rows A..B-1 of that chunk)
  --unique NAME                      value counts of one column over all chunks (--json: {column, rows, values})
  --all-chunks                       print every chunk in the summary
  -h, --help                         this text`;

function columnIndex(dataset: Dataset, name: string): number {
  const column = dataset.fields.findIndex((f) => f.name === name);
  if (column < 0) throw new DatasetError(`No column named "${name}". Columns: ${dataset.fields.map((f) => f.name).join(', ')}.`);
  return column;
}

function rowRange(text: string): [number, number] {
  const m = text.match(/^(\d+):(\d+)$/);
  if (!m || Number(m[2]) < Number(m[1])) throw new DatasetError(`--rows takes A:B with A <= B (rows A to B-1), not "${text}".`);
  return [Number(m[1]), Number(m[2])];
}

const cellText = (c: CellText): string | null => (c !== null && typeof c === 'object' ? null : c);

/** Rows as a table (row number, then one tab-separated column each) or as `{columns: [{name, type, values}]}`. */
function printRows(dataset: Dataset, columns: number[], start: number, cells: CellText[][], errors: (string | null)[], json: boolean): void {
  if (json) {
    const out = columns.map((c, k) => ({ name: dataset.fields[c].name, type: dataset.fields[c].type, values: cells[k].map(cellText), ...(errors[k] ? { error: errors[k] } : {}) }));
    console.log(JSON.stringify({ start, columns: out }));
    return;
  }
  console.log(['row', ...columns.map((c) => dataset.fields[c].name)].join('\t'));
  const n = cells[0]?.length ?? 0;
  for (let r = 0; r < n; r++) console.log([start + r, ...cells.map((col) => (col[r] === null ? 'null' : typeof col[r] === 'object' ? 'error' : col[r]))].join('\t'));
  errors.forEach((e, k) => e && console.error(`arrowscope: column "${dataset.fields[columns[k]].name}": ${e}`));
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      column: { type: 'string' },
      unique: { type: 'string' },
      columns: { type: 'string' },
      chunk: { type: 'string' },
      rows: { type: 'string' },
      'all-chunks': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const source = await NodeFileSource.open(positionals[0]);
  const dataset = await openDataset(source);
  await dataset.indexed;
  try {
    if (values.unique !== undefined) {
      const column = columnIndex(dataset, values.unique);
      const result = uniqueResultText(await countUnique(dataset, column), dataset.schema.fields[column].type, dataset.fields[column].extension);
      if (values.json) {
        console.log(JSON.stringify({ column: values.unique, rows: result.rows, distinct: result.distinct, exact: result.exact, values: result.values.map(({ value, count }) => ({ value, count })), note: result.note }));
      } else {
        console.log(`${values.unique}: ${result.rows.toLocaleString('en-US')} rows, ${result.distinct.toLocaleString('en-US')} distinct${result.exact ? '' : ' (estimate)'}, ${result.nulls.toLocaleString('en-US')} nulls`);
        for (const v of result.values) console.log(`${String(v.count).padStart(12)}  ${v.value === null ? 'null' : v.value}`);
        if (result.note) console.log(result.note);
      }
    } else if (values.rows !== undefined && values.chunk === undefined) {
      const [start, end] = rowRange(values.rows);
      const names = values.columns?.split(',') ?? (values.column !== undefined ? [values.column] : dataset.fields.map((f) => f.name));
      const columns = names.map((name) => columnIndex(dataset, name));
      if (start >= dataset.rows && end > start) throw new DatasetError(`Rows ${start.toLocaleString('en-US')}–${end.toLocaleString('en-US')} fall outside the file, which has ${dataset.rows.toLocaleString('en-US')} rows.`);
      const window = await readRowWindow(dataset, start, end - start, columns);
      printRows(dataset, columns, window.start, window.columns, window.errors, values.json);
      if (window.errors.some((e) => e !== null)) return 1;
    } else if (values.column !== undefined) {
      const column = columnIndex(dataset, values.column);
      const chunk = Number(values.chunk ?? 0);
      const [start, end] = rowRange(values.rows ?? '0:20');
      if (!Number.isInteger(chunk)) throw new DatasetError('--chunk takes a number.');
      const vector = await dataset.readColumn(chunk, column, { start, end });
      const texts = vectorText(vector, dataset.fields[column].extension);
      if (values.json) console.log(JSON.stringify({ column: values.column, chunk, start, values: texts }));
      else texts.forEach((t, i) => console.log(`${start + i}\t${t ?? 'null'}`));
    } else if (values.json) {
      console.log(JSON.stringify(summaryJson(dataset), (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
    } else {
      console.log(summaryText(dataset, values['all-chunks'] ? Infinity : 20));
    }
  } finally {
    await dataset.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof LocatedError) {
      const where = describeLocation(e.where);
      console.error(`arrowscope: ${e.message}${where ? ` (at ${where})` : ''}${e.stillWorks ? ` ${e.stillWorks}` : ''}`);
    } else if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`arrowscope: no such file: ${(e as NodeJS.ErrnoException).path}`);
    } else {
      console.error(`arrowscope: ${(e as Error).message}`);
    }
    process.exit(1);
  },
);
