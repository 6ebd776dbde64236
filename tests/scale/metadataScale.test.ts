import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/worker/engine';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { wideName, wideValue, writeManyEmptyBatches, writeTallParquet, writeWideArrow, writeWideParquet } from '../../scripts/gen/scaleFiles';
import { tempPath } from '../support/files';

const FIELDS = 100_000;
const CHUNKS = 1_000_000;

async function open(path: string) {
  const engine = new Engine();
  const summary = await engine.openSource(await NodeFileSource.open(path), true);
  return { engine, summary };
}

/** Waits for the index, then returns the summary. */
async function indexed(engine: Engine, id: number) {
  for (let s = engine.summary(id); ; s = engine.summary(id)) {
    if (s.indexComplete) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a schema of 100,000 fields', () => {
  for (const [kind, write] of [
    ['Arrow stream', (p: string) => writeWideArrow(p, FIELDS, 4, 'stream')],
    ['Arrow file', (p: string) => writeWideArrow(p, FIELDS, 4, 'file')],
    ['Parquet file', (p: string) => writeWideParquet(p, FIELDS, 4)],
  ] as const) {
    it(`${kind}: every field in the schema, and a row window of the first and last columns`, async () => {
      const path = tempPath(`wide-${kind.replace(' ', '-')}`);
      await write(path);
      const { engine, summary } = await open(path);
      expect(summary.fields).toHaveLength(FIELDS);
      expect(summary.fields[0]).toMatchObject({ name: wideName(0), type: 'int32', nullable: false });
      expect(summary.fields[FIELDS - 1].name).toBe(wideName(FIELDS - 1));
      expect(summary.rows).toBe(4);
      const columns = [0, 1, 2, 3, 4, 5, 6, 7, FIELDS - 1];
      const window = await engine.rows(summary.id, 0, 4, columns);
      expect(window.errors).toEqual(columns.map(() => null));
      expect(window.columns).toEqual(columns.map((c) => [0, 1, 2, 3].map((r) => String(wideValue(c, r)))));
      await engine.close(summary.id);
    }, 120_000);
  }
});

describe('1,000,000 chunks', () => {
  /** Chunk pages at the start, the middle and the end, as the Chunks view asks for them. */
  function expectPages(engine: Engine, id: number, bytes: number) {
    for (const start of [0, CHUNKS / 2, CHUNKS - 200]) {
      const page = engine.chunks(id, start, start + 200);
      expect(page).toHaveLength(200);
      expect(page[0].index).toBe(start);
      expect(page[199].index).toBe(start + 199);
      expect(page[199].bytes).toBe(bytes);
      expect(page[199].offset - page[0].offset).toBe(199 * bytes);
    }
    expect(engine.chunks(id, CHUNKS - 1, CHUNKS + 5)).toHaveLength(1);
  }

  for (const format of ['stream', 'file'] as const) {
    it(`1,000,000 empty record batches (IPC ${format}) index in well under 500 MB of heap, and their list pages anywhere`, async () => {
      const path = tempPath(`empty.${format}`);
      await writeManyEmptyBatches(path, CHUNKS, format);
      const before = process.memoryUsage().heapUsed;
      const { engine, summary } = await open(path);
      const done = await indexed(engine, summary.id);
      const grown = process.memoryUsage().heapUsed - before;
      expect(done.chunkCount).toBe(CHUNKS);
      expect(done.rows).toBe(0);
      expect(done.problems).toEqual([]);
      // Without a collection this counts garbage too, so it can only overstate what is kept. An object per
      // batch kept 1.2 GB for the file's index.
      expect(grown).toBeLessThan(500 * 2 ** 20);
      expectPages(engine, summary.id, 120);
      await engine.close(summary.id);
    }, 120_000);
  }

  it('1,000,000 one-row Parquet row groups: the index holds every row group, pages anywhere, and a row in the last one reads', async () => {
    const path = tempPath('tall.parquet');
    await writeTallParquet(path, CHUNKS);
    const { engine, summary } = await open(path);
    expect(summary.chunkCount).toBe(CHUNKS);
    expect(summary.rows).toBe(CHUNKS);
    const last = engine.chunks(summary.id, CHUNKS - 1, CHUNKS)[0];
    expect(last).toMatchObject({ index: CHUNKS - 1, rows: 1, rowOffset: CHUNKS - 1 });
    expect((await engine.rows(summary.id, CHUNKS - 2, 2, [0])).columns).toEqual([[String(CHUNKS - 2), String(CHUNKS - 1)]]);
    await engine.close(summary.id);
  }, 300_000);
});
