import { openDataset } from '../src/dataset/openDataset';
import { CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';

export interface EngineFigures {
  file: string;
  chunks: number;
  rows: number;
  firstUsableMs: number;
  fullIndexMs: number;
  indexReads: number;
  indexBytes: number;
  rssAddedMiB: number;
  /** Worst time over every column for the value at chunk 5 row 1000 (cold, one row window each). */
  valueAtChunk5Row1000MsMax: number;
  /** Whole columns of chunk 5: name, rows, ms, MiB read. */
  columns: { name: string; ms: number; mib: number }[];
}

const mib = (n: number) => n / 2 ** 20;

/** Engine figures in Node for one Arrow file: open, index, point reads, whole-column reads. */
export async function measureArrowFile(path: string, wholeColumns: string[]): Promise<EngineFigures> {
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const started = performance.now();
  const source = new CachedSource(await NodeFileSource.open(path));
  const dataset = await openDataset(source);
  const firstUsableMs = performance.now() - started;
  await dataset.indexed;
  const fullIndexMs = performance.now() - started;
  global.gc?.();
  const rssAddedMiB = mib(process.memoryUsage().rss - rss0);
  const indexReads = source.stats.reads;
  const indexBytes = source.stats.bytesRead;
  const chunk = Math.min(5, dataset.chunks.length - 1);
  const row = Math.min(1000, dataset.chunks[chunk].rows - 1);
  let worst = 0;
  for (let c = 0; c < dataset.fields.length; c++) {
    const t = performance.now();
    await dataset.readColumn(chunk, c, { start: row, end: row + 1 });
    worst = Math.max(worst, performance.now() - t);
  }
  const columns: EngineFigures['columns'] = [];
  for (const name of wholeColumns) {
    const c = dataset.fields.findIndex((f) => f.name === name);
    const before = source.stats.bytesRead;
    const t = performance.now();
    await dataset.readColumn(chunk, c);
    columns.push({ name, ms: performance.now() - t, mib: mib(source.stats.bytesRead - before) });
  }
  await dataset.close();
  return { file: path, chunks: dataset.chunks.length, rows: dataset.rows, firstUsableMs, fullIndexMs, indexReads, indexBytes, rssAddedMiB, valueAtChunk5Row1000MsMax: worst, columns };
}
