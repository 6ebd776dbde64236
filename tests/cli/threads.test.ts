import { Field, Float64, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { poolCount, poolTop, poolUnique } from '../../src/cli/pool/parallel';
import { ThreadPool } from '../../src/cli/pool/threadPool';
import { compileFilter } from '../../src/compute/filter';
import { parseSortSpec, type SortKey } from '../../src/compute/sort';
import type { Dataset } from '../../src/model/types';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { tempFile } from '../support/files';
import { runCli, spawnCli } from './support/runCli';

// The CLI's thread pool (src/cli/pool/): --unique, --where --count and --sort --limit over threads must
// print exactly what the single-thread path prints, and what a plain scan of the values computes.

const BATCHES = 9;
const PER_BATCH = 1_500;
const NAMES = ['Obama, Barack', 'Paul, Ron', 'Romney, Mitt', 'Ünïcode “quoted”', '', 'Perry, Rick'];

interface Row {
  name: string | null;
  amount: number | null;
  id: number;
}

/** Rows with repeats, nulls, NaN, negative and tied amounts, spread over BATCHES batches. */
function makeRows(): Row[] {
  const rows: Row[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  for (let i = 0; i < BATCHES * PER_BATCH; i++) {
    const r = next();
    const name = r % 23 === 0 ? null : r % 97 === 0 ? `rare ${i}` : NAMES[r % NAMES.length];
    const amount = r % 31 === 0 ? null : r % 37 === 0 ? NaN : r % 5 === 0 ? 2500 : Math.round((r % 100_000) - 20_000) / 100;
    rows.push({ name, amount, id: i });
  }
  return rows;
}

const ROWS = makeRows();

function writeFile(): string {
  const schema = new Schema([new Field('name', new Utf8(), true), new Field('amount', new Float64(), true), new Field('id', new Int32(), false)]);
  const batches: RecordBatch[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const part = ROWS.slice(b * PER_BATCH, (b + 1) * PER_BATCH);
    const children = [
      vectorFromArray(part.map((r) => r.name), new Utf8()).data[0],
      vectorFromArray(part.map((r) => r.amount), new Float64()).data[0],
      makeData({ type: new Int32(), length: part.length, nullCount: 0, data: Int32Array.from(part.map((r) => r.id)) }),
    ];
    batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: part.length, nullCount: 0, children })));
  }
  return tempFile('threads.arrows', RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
}

const FILE = writeFile();

const COMMANDS: string[][] = [
  ['--unique', 'name', '--json'],
  ['--unique', 'amount', '--format', 'csv'],
  ['--where', "name = 'Obama, Barack'", '--count', '--json'],
  ['--where', 'amount >= 100 AND name != \'Paul, Ron\'', '--count'],
  ['--where', 'amount is null OR name is null', '--count', '--json'],
  ['--sort', 'amount:desc', '--limit', '10', '--json'],
  ['--sort', 'amount', '--limit', '500', '--format', 'csv'],
  ['--sort', 'name:desc,amount', '--limit', '2000', '--columns', 'id,name,amount', '--format', 'ndjson'],
  ['--sort', 'amount:desc', '--where', "name = 'Romney, Mitt'", '--limit', '25', '--json'],
];

describe('--threads: the same output as one thread', () => {
  // The threaded runs are the built command (dist-cli/ and its pool-thread.mjs, kept current by the global
  // setup), as users run it; the pool test below runs threads from the sources, through tsx.
  it.each(COMMANDS.map((args) => [args.join(' '), args]))('%s', async (_, args) => {
    const one = await runCli(FILE, ...args, '--threads', '1');
    expect(one.status).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(10);
    for (const threads of ['2', '3']) expect(await spawnCli([FILE, ...args, '--threads', threads])).toEqual(one);
  });

  it('a column a thread cannot read fails as it does in one thread: the same sentence, batch and column, exit 1', async () => {
    const schema = new Schema([new Field('name', new Utf8(), false)]);
    const batches = [0, 1, 2, 3, 4, 5].map((b) => {
      const name = vectorFromArray(Array.from({ length: 400 }, () => (b === 1 ? 'zzzzzzz' : 'ab')), new Utf8()).data[0];
      return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 400, nullCount: 0, children: [name] }));
    });
    const bytes = RecordBatchStreamWriter.writeAll(batches).toUint8Array(true);
    // Batch 1 (the first share a thread is handed; this thread takes batch 0) has offsets 0, 7, 14, 21…:
    // the third jumps ahead, so that the offsets decrease.
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
    const at = words.findIndex((w, i) => w === 7 && words[i + 1] === 14 && words[i + 2] === 21 && words[i - 1] === 0);
    expect(at).toBeGreaterThan(0);
    words[at + 1] = 100;
    const bad = tempFile('bad-offsets.arrows', bytes);
    const one = await runCli(bad, '--unique', 'name', '--threads', '1');
    expect(one.status).toBe(1);
    expect(one.stderr).toMatch(/offsets decrease/);
    expect(await spawnCli([bad, '--unique', 'name', '--threads', '3'])).toEqual(one);
    expect(await runCli(bad, '--where', "name = 'ab'", '--count', '--threads', '3')).toEqual(await runCli(bad, '--where', "name = 'ab'", '--count', '--threads', '1'));
  });

  it('refuses a thread count that is not a whole number from 1 up', async () => {
    for (const bad of ['0', 'two', '-1', '1.5']) {
      const result = await runCli(FILE, '--unique', 'name', `--threads=${bad}`);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--threads takes a whole number');
    }
  });
});

describe('the pool over two threads besides this one, against a plain scan', () => {
  it('every participant works, and counts, value counts and top-K equal a scan of the values', async () => {
    const dataset = await openDataset(await NodeFileSource.open(FILE));
    await dataset.indexed;
    const threads = { pool: new ThreadPool(2), path: FILE };
    try {
      const filter = compileFilter("name = 'Obama, Barack'", dataset.fields, dataset.schema);
      const parts = await threads.pool.run(FILE, dataset, { kind: 'count', filter }, () => {});
      expect(parts).toHaveLength(3);
      for (const p of parts) expect((p as { matched: number }).matched).toBeGreaterThan(0);

      const counted = await poolCount(threads, dataset, filter);
      expect(counted.matched).toBe(ROWS.filter((r) => r.name === 'Obama, Barack').length);

      const unique = await poolUnique(threads, dataset, 0);
      const want = new Map<string | null, number>();
      for (const r of ROWS) want.set(r.name, (want.get(r.name) ?? 0) + 1);
      expect(new Map(unique.values.map((v) => [v.value as string | null, v.count]))).toEqual(want);

      const top = await poolTop(threads, dataset, [{ column: 1, descending: true }], 50, undefined);
      // Descending, NaN then nulls last, ties in row order.
      const rank = (r: Row) => (r.amount === null ? 2 : Number.isNaN(r.amount) ? 1 : 0);
      const order = [...ROWS].sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? b.amount! - a.amount! : 0) || a.id - b.id);
      expect(Array.from(top.rows)).toEqual(order.slice(0, 50).map((r) => r.id));
    } finally {
      await threads.pool.close();
      await dataset.close();
    }
  });
});

interface Gold {
  file: string;
  cases: { sort: string; where?: string; indices: number[] }[];
}

const GOLD_DIR = join(__dirname, '../gold/sort');
const golds = readdirSync(GOLD_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as Gold);

const sortKeys = (dataset: Dataset, spec: string): SortKey[] =>
  parseSortSpec(spec)!.map((k) => ({ column: dataset.fields.findIndex((f) => f.name === k.name), descending: k.descending }));

describe('top-K over threads against pyarrow (tests/gold/sort)', () => {
  it('every case of every file in more than one chunk, Arrow and Parquet', async () => {
    const threads = { pool: new ThreadPool(2), path: '' };
    let tried = 0;
    try {
      for (const gold of golds) {
        const path = join(__dirname, '../..', gold.file);
        const dataset = await openDataset(await NodeFileSource.open(path));
        try {
          await dataset.indexed;
          if (dataset.chunks.filter((c) => c.rows > 0).length < 2) continue;
          tried++;
          for (const c of gold.cases) {
            const keys = sortKeys(dataset, c.sort);
            const filter = c.where ? compileFilter(c.where, dataset.fields, dataset.schema) : undefined;
            for (const k of [3, c.indices.length + 1]) {
              const top = await poolTop({ ...threads, path }, dataset, keys, k, filter);
              expect(Array.from(top.rows), `${gold.file}: ${c.sort} ${c.where ?? ''} k=${k}`).toEqual(c.indices.slice(0, k));
            }
          }
        } finally {
          await dataset.close();
        }
      }
    } finally {
      await threads.pool.close();
    }
    expect(tried).toBeGreaterThanOrEqual(5);
  });
});
