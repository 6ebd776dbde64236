import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Table, tableToIPC, type Vector } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecBatches } from '../../scripts/gen/fecTable';
import { writeParquetCopies } from '../../scripts/gen/writeParquet';
import { everyRow, exportShares, sharesOf, type ChunkRows, type ShareGatherer } from '../../src/compute/export/exportShares';
import { gatherShare, WINDOW_GAP, windowsOf, type ExportShare, type GatherJob } from '../../src/compute/export/gatherShare';
import type { Dataset } from '../../src/model/types';
import { vectorText } from '../../src/valueText';
import { tempFile, tempPath } from '../support/files';
import { openFile } from '../filter/support';
import { MemorySink, readBack, readSource } from './support';

/**
 * The export path of rows in file order (a filter's matches, or every row): shares of rows gathered by
 * several gatherers (each over its own open of the file, the share and the batch passed through
 * structuredClone as they cross to and from a compute worker, finishing out of order), written in
 * order. What comes back, read by readers we did not write (apache-arrow, parquet-wasm), is compared
 * with the source read by them too, at the rows asked for.
 */
const ROOT = join(__dirname, '../..');
const FORMATS = ['arrows', 'arrow', 'parquet'] as const;

const texts = (v: Vector | null): (string | null)[] => (v ? vectorText(v) : []);
const parquetType = (type: string): string => type.replace(/^Date64<MILLISECOND>$/, 'Date32<DAY>').replace(/^Time32<SECOND>$/, 'Time32<MILLISECOND>').replace(/^Timestamp<SECOND/, 'Timestamp<MILLISECOND');

/** Gatherers as the compute pool has them: each over its own open of the file, the share and its answer cloned across, the first slower (answers come back out of order). */
async function poolLike(path: string, job: GatherJob, count = 2): Promise<{ gatherers: ShareGatherer[]; written: () => void; mostAhead: () => number; close: () => Promise<void> }> {
  const opened = await Promise.all(Array.from({ length: count }, () => openFile(path)));
  let started = 0;
  let written = 0;
  let mostAhead = 0;
  const gatherers = opened.map((dataset, k): ShareGatherer => async (share) => {
    started++;
    mostAhead = Math.max(mostAhead, started - written);
    {
      const result = await gatherShare(dataset, job, structuredClone(share));
      if (k === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      return structuredClone(result, { transfer: [result.ipc.buffer as ArrayBuffer] });
    }
  });
  return { gatherers, written: () => void written++, mostAhead: () => mostAhead, close: async () => void (await Promise.all(opened.map((d) => d.close()))) };
}

/** A sparse choice of each chunk's rows: every third, and none of some chunks. */
function sparseRows(dataset: Dataset): ChunkRows[] {
  const out: ChunkRows[] = [];
  for (const c of dataset.chunks) {
    if (c.rows === 0 || c.index % 4 === 3) continue;
    const rows = Uint32Array.from({ length: Math.ceil(c.rows / 3) }, (_, i) => i * 3);
    out.push({ chunk: c.index, rows });
  }
  return out;
}

const fileRowsOf = (dataset: Dataset, chunks: ChunkRows[]) => chunks.flatMap(({ chunk, rows }) => Array.from(rows ?? Array.from({ length: dataset.chunks[chunk].rows }, (_, i) => i), (r) => dataset.chunks[chunk].rowOffset + r));

describe('shares of rows in file order', () => {
  const FILES = ['public/sample.arrow', 'tests/filter/fixtures/filter_types.arrow', 'tests/filter/fixtures/filter_types.arrows', 'tests/filter/fixtures/filter_types.parquet', 'tests/fixtures/corpus/arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_primitive.arrow_file', 'tests/fixtures/corpus/arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_datetime.arrow_file', 'tests/fixtures/writers/pyarrow/timestamps.arrows'];
  for (const rel of FILES) {
    for (const format of FORMATS) {
      it(`${rel}, ${format}: every third row of each chunk (and no row of every fourth chunk), in shares of 7 rows, reads back as the source's rows`, async () => {
        const dataset = await openFile(join(ROOT, rel));
        const columns = dataset.schema.fields.map((_, i) => i);
        const pool = await poolLike(join(ROOT, rel), { format, columns });
        try {
          const chunks = sparseRows(dataset);
          const rows = fileRowsOf(dataset, chunks);
          const sink = new MemorySink();
          const result = await exportShares(dataset, { format, columns }, sharesOf(dataset, chunks, 0, Infinity, 7), pool.gatherers, sink, rows.length);
          expect(result.rows).toBe(rows.length);
          expect(sink.closed).toBe(true);
          const source = readSource(rel);
          const back = readBack(format, sink.bytes);
          expect(back.numRows).toBe(rows.length);
          const typeOf = (t: unknown) => (format === 'parquet' ? parquetType(String(t)) : String(t));
          expect(back.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual(source.schema.fields.map((f) => `${f.name}: ${typeOf(f.type)}`));
          for (let c = 0; c < source.numCols; c++) {
            const all = texts(source.getChildAt(c));
            expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(rows.map((r) => all[r]));
          }
        } finally {
          await pool.close();
          await dataset.close();
        }
      });
    }
  }
});

describe('a tall FEC-like file: 3 chunks of 20,000 rows, matches far apart in each (several read windows per chunk)', () => {
  const paths = new Map<string, string>();
  beforeAll(async () => {
    paths.set('arrow', tempFile('tall.arrows', tableToIPC(new Table(fecBatches(11, 60_000, 20_000)), 'stream')));
    const parquet = tempPath('tall.parquet');
    await writeParquetCopies(parquet, () => fecBatches(11, 60_000, 20_000), 1, 20_000);
    paths.set('parquet', parquet);
  }, 60_000);
  afterAll(() => {});

  /** Rows at both ends and in the middle of each chunk, more than WINDOW_GAP rows apart; every row of the last chunk's end. */
  function farApart(dataset: Dataset): ChunkRows[] {
    return dataset.chunks.map((c) => {
      const rows = [0, 1, 2, 5, 9_000, 9_001, 9_003, c.rows - 3, c.rows - 1];
      return { chunk: c.index, rows: Uint32Array.from(rows) };
    });
  }

  it('reads a window per run of matches, not the rows between', () => {
    const part = { chunk: 0, start: 0, end: 20_000, rows: Uint32Array.from([0, 1, 2, 5, 9_000, 9_001, 9_003, 19_997, 19_999]) };
    expect(windowsOf(part).map((w) => [w.start, w.end, Array.from(w.rows)])).toEqual([
      [0, 6, [0, 1, 2, 5]],
      [9_000, 9_004, [0, 1, 3]],
      [19_997, 20_000, [0, 2]],
    ]);
    expect(9_000 - 5).toBeGreaterThan(WINDOW_GAP);
    expect(windowsOf({ chunk: 0, start: 10, end: 14, rows: null }).map((w) => [w.start, w.end, Array.from(w.rows)])).toEqual([[10, 14, [0, 1, 2, 3]]]);
  });

  for (const kind of ['arrow', 'parquet']) {
    for (const format of FORMATS) {
      it(`${kind} → ${format}: far-apart matches, nulls included, in order, with a bounded number of shares at once`, async () => {
        const path = paths.get(kind)!;
        const dataset = await openFile(path);
        const columns = dataset.schema.fields.map((_, i) => i);
        const pool = await poolLike(path, { format, columns });
        try {
          const chunks = farApart(dataset);
          const rows = fileRowsOf(dataset, chunks);
          const sink = new MemorySink();
          // shares started but not yet written: never more than `ahead` (3) and the one being written
          await exportShares(dataset, { format, columns, onProgress: pool.written }, sharesOf(dataset, chunks, 0, Infinity, 4), pool.gatherers, sink, rows.length, 3);
          expect(pool.mostAhead()).toBeLessThanOrEqual(4);
          expect(pool.mostAhead()).toBeGreaterThanOrEqual(3);
          const bytes = readFileSync(path);
          const source = kind === 'arrow' ? readBack('arrows', bytes) : readBack('parquet', bytes);
          const back = readBack(format, sink.bytes);
          expect(back.numRows).toBe(rows.length);
          for (let c = 0; c < source.numCols; c++) {
            const all = texts(source.getChildAt(c));
            expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(rows.map((r) => all[r]));
          }
        } finally {
          await pool.close();
          await dataset.close();
        }
      }, 60_000);
    }

    it(`${kind}: every row, rows [25,000, 41,000) only, nulls included (employers, memo texts), as Parquet`, async () => {
      const path = paths.get(kind)!;
      const dataset = await openFile(path);
      const columns = dataset.schema.fields.map((_, i) => i);
      const pool = await poolLike(path, { format: 'parquet', columns });
      try {
        const sink = new MemorySink();
        const result = await exportShares(dataset, { format: 'parquet', columns }, sharesOf(dataset, everyRow(dataset), 25_000, 41_000, 4_096), pool.gatherers, sink, 16_000);
        expect(result.rows).toBe(16_000);
        const bytes = readFileSync(path);
        const source = kind === 'arrow' ? readBack('arrows', bytes) : readBack('parquet', bytes);
        const back = readBack('parquet', sink.bytes);
        let nulls = 0;
        for (let c = 0; c < source.numCols; c++) {
          const got = texts(back.getChildAt(c));
          nulls += got.filter((t) => t === null).length;
          expect(got, source.schema.fields[c].name).toEqual(texts(source.getChildAt(c)).slice(25_000, 41_000));
        }
        expect(nulls).toBeGreaterThan(0);
      } finally {
        await pool.close();
        await dataset.close();
      }
    }, 60_000);
  }
});

describe('no rows at all', () => {
  for (const format of FORMATS) {
    it(`${format}: a file with the schema and no rows`, async () => {
      const rel = 'tests/filter/fixtures/filter_types.arrows';
      const dataset = await openFile(join(ROOT, rel));
      try {
        const columns = dataset.schema.fields.map((_, i) => i);
        const sink = new MemorySink();
        const result = await exportShares(dataset, { format, columns }, sharesOf(dataset, []), [(share) => gatherShare(dataset, { format, columns }, share)], sink, 0);
        expect(result.rows).toBe(0);
        const back = readBack(format, sink.bytes);
        expect(back.numRows).toBe(0);
        expect(back.schema.fields.map((f) => f.name)).toEqual(dataset.schema.fields.map((f) => f.name));
      } finally {
        await dataset.close();
      }
    });
  }
});

describe('sharesOf', () => {
  const dataset = { chunks: [{ index: 0, rows: 10, rowOffset: 0 }, { index: 1, rows: 5, rowOffset: 10 }, { index: 2, rows: 8, rowOffset: 15 }] } as unknown as Dataset;
  const plain = (shares: Iterable<ExportShare>) => [...shares].map((s) => [s.rows, ...s.parts.map((p) => `${p.chunk}:${p.start}-${p.end}${p.rows ? `[${Array.from(p.rows).join(',')}]` : ''}`)]);

  it('splits chunks past the share size, joins small ones without splitting one that fits, and keeps the output rows [start, end) only', () => {
    const chunks: ChunkRows[] = [{ chunk: 0, rows: Uint32Array.from([1, 4, 6]) }, { chunk: 1, rows: null }, { chunk: 2, rows: Uint32Array.from([0, 7]) }];
    expect(plain(sharesOf(dataset, chunks, 0, Infinity, 4))).toEqual([
      [3, '0:1-7[1,4,6]'],
      [4, '1:0-4'],
      [3, '1:4-5', '2:0-8[0,7]'],
    ]);
    expect(plain(sharesOf(dataset, chunks, 2, 9, 4))).toEqual([
      [1, '0:6-7[6]'],
      [4, '1:0-4'],
      [2, '1:4-5', '2:0-1[0]'],
    ]);
    expect(plain(sharesOf(dataset, chunks, 10, 20, 4))).toEqual([]);
  });
});
