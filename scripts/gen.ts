/**
 * Deterministic FEC-like generator:
 *   npm run gen -- --copies N --format stream|file|parquet --out PATH [--batch-rows R] [--seed S]
 *   npm run gen -- --sample        (rewrites public/sample.arrow)
 */
import { parseArgs } from 'node:util';
import { Table, tableToIPC } from 'apache-arrow';
import { writeFile } from 'node:fs/promises';
import { FEC_ROWS, FEC_SCHEMA, fecBatches } from './gen/fecTable';
import { encodeMessages } from './gen/ipcMessages';
import { writeIpc } from './gen/writeIpc';
import { writeParquetCopies } from './gen/writeParquet';

const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '1' },
    format: { type: 'string', default: 'stream' },
    out: { type: 'string' },
    'batch-rows': { type: 'string' },
    rows: { type: 'string' },
    seed: { type: 'string', default: '2012' },
    sample: { type: 'boolean', default: false },
  },
});

const SAMPLE_ROWS = 4_000;

async function main(): Promise<void> {
  const seed = Number(values.seed);
  if (values.sample) {
    const table = new Table(fecBatches(seed, SAMPLE_ROWS, 1_000));
    const bytes = tableToIPC(table, 'file');
    await writeFile('public/sample.arrow', bytes);
    console.log(`public/sample.arrow: ${table.numRows} rows in ${table.batches.length} batches, ${bytes.length} bytes`);
    return;
  }
  const copies = Number(values.copies);
  const format = values.format as 'stream' | 'file' | 'parquet';
  const rows = values.rows ? Number(values.rows) : FEC_ROWS;
  const batchRows = values['batch-rows'] ? Number(values['batch-rows']) : rows;
  if (!values.out || !['stream', 'file', 'parquet'].includes(format) || !(copies >= 1) || !(batchRows >= 1)) {
    console.error('usage: npm run gen -- --copies N --format stream|file|parquet --out PATH [--batch-rows R] [--rows R] [--seed S] | --sample');
    process.exit(2);
  }
  const started = performance.now();
  if (format === 'parquet') {
    await writeParquetCopies(values.out, () => fecBatches(seed, rows, batchRows), copies, rows);
  } else {
    const messages = encodeMessages(fecBatches(seed, rows, batchRows));
    await writeIpc(values.out, FEC_SCHEMA, messages, copies, format);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  console.log(`${values.out}: ${copies} copies x ${rows} rows as ${format} (${batchRows}-row batches) in ${seconds} s, RSS now ${rss} MiB`);
}

await main();
