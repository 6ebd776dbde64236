import { countUnique } from '../src/compute/uniqueOfColumn';
import { openDataset } from '../src/dataset/openDataset';
import { CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';

export interface UniqueFigures {
  column: string;
  rows: number;
  distinct: number;
  ms: number;
  rowsPerSecond: number;
  peakRssMiB: number;
}

/** Single-threaded unique over every chunk of each column, in Node. */
export async function measureUnique(path: string, columns: string[]): Promise<UniqueFigures[]> {
  const dataset = await openDataset(new CachedSource(await NodeFileSource.open(path)));
  await dataset.indexed;
  const out: UniqueFigures[] = [];
  for (const name of columns) {
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const column = dataset.fields.findIndex((f) => f.name === name);
    const result = await countUnique(dataset, column, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    const ms = performance.now() - started;
    clearInterval(timer);
    out.push({ column: name, rows: result.rows, distinct: result.distinct, ms, rowsPerSecond: result.rows / (ms / 1000), peakRssMiB: peak / 2 ** 20 });
  }
  await dataset.close();
  return out;
}
