import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRows } from '../../src/compute/export';
import { compileFilter } from '../../src/compute/filter';
import type { Dataset } from '../../src/model/types';
import { openFile } from '../filter/support';
import { fileSink } from './support';

/**
 * Bounded memory: a generated stream of 2,000,000 rows (~300 MB: a 120-byte text column among
 * numbers) exported whole and filtered to Parquet and Arrow files on disk; the process's RSS may grow
 * by far less than holding the result would add (BOUND_MB), sampled as it runs.
 */
const ROWS = 2_000_000;
const BATCH = 250_000;
/**
 * RSS growth allowed: far below what holding the result would add (measured: +374 MB for Parquet,
 * +162 MB for the filtered Arrow file, +237 MB for the stream). Parquet's includes parquet-wasm
 * itself (its code) and its wasm memory, which grows to hold a row group and never shrinks (42 MB here).
 */
const BOUND_MB = { parquet: 230, arrow: 100, arrows: 120 };

/** Written by a child process, so that the garbage of making it is not in this process's RSS. */
const WRITE_BIG = `
import { createWriteStream } from 'node:fs';
import { Float64, Int64, RecordBatch, RecordBatchStreamWriter, Utf8, makeData, Schema, Struct, Field, vectorFromArray } from 'apache-arrow';
const [path, rows, batch] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const schema = new Schema([new Field('id', new Int64(), false), new Field('x', new Float64(), false), new Field('text', new Utf8(), false)]);
const writer = new RecordBatchStreamWriter();
const out = createWriteStream(path);
const piping = (async () => {
  for await (const chunk of writer) if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
})();
const pad = 'x'.repeat(110);
for (let b = 0; b < rows / batch; b++) {
  const ids = BigInt64Array.from({ length: batch }, (_, i) => BigInt(b * batch + i));
  const xs = Float64Array.from({ length: batch }, (_, i) => ((b * batch + i) * 7919) % 1000 / 1000);
  const texts = Array.from({ length: batch }, (_, i) => pad + (b * batch + i));
  const children = [makeData({ type: new Int64(), length: batch, data: ids }), makeData({ type: new Float64(), length: batch, data: xs }), vectorFromArray(texts, new Utf8()).data[0]];
  writer.write(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: batch, nullCount: 0, children })));
  await new Promise((r) => setImmediate(r));
}
writer.close();
await piping;
`;

function writeBig(path: string): void {
  execFileSync(process.execPath, ['--input-type=module', '-e', WRITE_BIG, path, String(ROWS), String(BATCH)], { cwd: join(__dirname, '../..'), stdio: 'inherit' });
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

describe('export memory', () => {
  let dir: string;
  let dataset: Dataset;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arrowscope-export-'));
    writeBig(join(dir, 'big.arrows'));
    dataset = await openFile(join(dir, 'big.arrows'));
  }, 120_000);
  afterAll(async () => {
    await dataset?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [format, where] of [['parquet', null], ['arrow', 'x < 0.5'], ['arrows', null]] as const) {
    it(`${format}${where ? ` where ${where}` : ''}: RSS grows by less than ${BOUND_MB[format]} MB`, async () => {
      const fileMb = statSync(join(dir, 'big.arrows')).size / 2 ** 20;
      const base = rssMb();
      let peak = base;
      const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
      const out = join(dir, `out.${format}`);
      const filter = where ? compileFilter(where, dataset.fields, dataset.schema) : undefined;
      const result = await exportRows(dataset, { format, filter, onProgress: () => (peak = Math.max(peak, rssMb())) }, await fileSink(out));
      clearInterval(timer);
      expect(result.rows).toBe(where ? ROWS / 2 : ROWS);
      expect(statSync(out).size).toBe(result.bytes);
      if (format === 'parquet') expect(Number(parquetMetadata(readFileSync(out).buffer as ArrayBuffer).num_rows)).toBe(ROWS);
      console.log(`${format}: ${result.rows} rows, source ${fileMb.toFixed(0)} MB, output ${(result.bytes / 2 ** 20).toFixed(0)} MB, RSS ${base.toFixed(0)} -> peak ${peak.toFixed(0)} MB${format === 'parquet' ? `, wasm memory ${((await import('parquet-wasm')).wasmMemory().buffer.byteLength / 2 ** 20).toFixed(0)} MB` : ''}`);
      expect(peak - base).toBeLessThan(BOUND_MB[format]);
    }, 180_000);
  }
});
