import { parseArgs } from 'node:util';
import { DatasetError, LocatedError, describeLocation } from '../model/errors';
import { openDataset } from '../dataset/openDataset';
import type { Dataset } from '../model/types';
import { countUnique } from '../compute/uniqueOfColumn';
import { NodeFileSource } from '../source/nodeFileSource';
import { formatVector } from '../compute/formatValue';
import { summaryJson, summaryText } from './summaryJson';

const HELP = `arrowscope FILE [options]    inspect an Arrow IPC stream/file or a Parquet file lazily

  (no options)                       schema and chunk summary
  --json                             the same as one JSON object (format, rows, schema, chunks)
  --column NAME --chunk I --rows A:B values of one column in one chunk (rows A..B-1, default 0:20)
  --unique NAME                      value counts of one column over all chunks (--json: {column, rows, values})
  --all-chunks                       print every chunk in the summary
  -h, --help                         this text`;

function columnIndex(dataset: Dataset, name: string): number {
  const column = dataset.fields.findIndex((f) => f.name === name);
  if (column < 0) throw new DatasetError(`No column named "${name}". Columns: ${dataset.fields.map((f) => f.name).join(', ')}.`);
  return column;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      column: { type: 'string' },
      unique: { type: 'string' },
      chunk: { type: 'string', default: '0' },
      rows: { type: 'string', default: '0:20' },
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
      const result = await countUnique(dataset, column);
      if (values.json) {
        console.log(JSON.stringify({ column: values.unique, rows: result.rows, distinct: result.distinct, exact: result.exact, values: result.values.map(({ value, count }) => ({ value, count })), note: result.note }));
      } else {
        console.log(`${values.unique}: ${result.rows.toLocaleString('en-US')} rows, ${result.distinct.toLocaleString('en-US')} distinct${result.exact ? '' : ' (estimate)'}, ${result.nulls.toLocaleString('en-US')} nulls`);
        for (const v of result.values) console.log(`${String(v.count).padStart(12)}  ${v.value === null ? 'null' : v.value}`);
        if (result.note) console.log(result.note);
      }
    } else if (values.column !== undefined) {
      const column = columnIndex(dataset, values.column);
      const chunk = Number(values.chunk);
      const m = values.rows.match(/^(\d+):(\d+)$/);
      if (!m || !Number.isInteger(chunk)) throw new DatasetError('--chunk takes a number and --rows takes A:B.');
      const vector = await dataset.readColumn(chunk, column, { start: Number(m[1]), end: Number(m[2]) });
      const texts = formatVector(vector);
      if (values.json) console.log(JSON.stringify({ column: values.column, chunk, start: Number(m[1]), values: texts }));
      else texts.forEach((t, i) => console.log(`${Number(m[1]) + i}\t${t ?? 'null'}`));
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
