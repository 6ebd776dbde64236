import { parseArgs } from 'node:util';
import { DatasetError, describeLocation } from '../dataset/errors';
import { openDataset } from '../dataset/openDataset';
import { NodeFileSource } from '../source/nodeFileSource';
import { formatVector } from '../worker/formatValue';
import { summaryJson, summaryText } from './summaryJson';

const HELP = `arrowscope FILE [options]    inspect an Arrow IPC stream/file or a Parquet file lazily

  (no options)                       schema and chunk summary
  --json                             the same as one JSON object (format, rows, schema, chunks)
  --column NAME --chunk I --rows A:B values of one column in one chunk (rows A..B-1, default 0:20)
  --all-chunks                       print every chunk in the summary
  -h, --help                         this text`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      column: { type: 'string' },
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
    if (values.column !== undefined) {
      const column = dataset.fields.findIndex((f) => f.name === values.column);
      if (column < 0) throw new DatasetError(`No column named "${values.column}". Columns: ${dataset.fields.map((f) => f.name).join(', ')}.`);
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
    if (e instanceof DatasetError) {
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
