/**
 * Delta dictionaries: a stream whose dictionary grows by a delta before each of N batches (bench/deltaStream.ts,
 * 10 values per delta, 100 rows per batch), opened through the engine (Node file handle with the block cache),
 * fully indexed, then the dictionary column's unique values counted in one thread. Median of 3 fresh opens
 * after one untimed warm-up.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countUnique } from '../src/compute/uniqueOfColumn';
import { openDataset } from '../src/dataset/openDataset';
import { CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';
import { deltaStream } from './deltaStream';
import { median } from './median';

export interface DeltaFigures {
  batches: number;
  indexMs: number;
  countMs: number;
  totalMs: number;
  distinct: number;
}

async function once(path: string): Promise<{ indexMs: number; countMs: number; distinct: number }> {
  const started = performance.now();
  const dataset = await openDataset(new CachedSource(await NodeFileSource.open(path)));
  await dataset.indexed;
  const indexed = performance.now();
  const result = await countUnique(dataset, 1);
  const counted = performance.now();
  await dataset.close();
  return { indexMs: indexed - started, countMs: counted - indexed, distinct: result.distinct };
}

export async function measureDeltas(sizes = [250, 500, 1000], runs = 3): Promise<DeltaFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'arrowscope-deltas-'));
  try {
    const warmUp = join(dir, 'warm-up.arrows');
    writeFileSync(warmUp, deltaStream({ batches: 100 }));
    await once(warmUp); // compiled code for every size alike
    const out: DeltaFigures[] = [];
    for (const batches of sizes) {
      const path = join(dir, `deltas-${batches}.arrows`);
      writeFileSync(path, deltaStream({ batches }));
      const results = [];
      for (let r = 0; r < runs; r++) results.push(await once(path));
      out.push({
        batches,
        indexMs: median(results.map((x) => x.indexMs)),
        countMs: median(results.map((x) => x.countMs)),
        totalMs: median(results.map((x) => x.indexMs + x.countMs)),
        distinct: results[0].distinct,
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function deltaRows(figures: DeltaFigures[]): string[] {
  return [
    '| delta batches | distinct | index (ms) | count (ms) | index + count (ms) |',
    '|---|---|---|---|---|',
    ...figures.map((f) => `| ${f.batches.toLocaleString('en-US')} | ${f.distinct.toLocaleString('en-US')} | ${f.indexMs.toFixed(0)} | ${f.countMs.toFixed(0)} | ${f.totalMs.toFixed(0)} |`),
  ];
}
