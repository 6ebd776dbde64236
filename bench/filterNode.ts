/**
 * node --import tsx bench/filterNode.ts FILE 'WHERE' ['WHERE'…]
 *
 * Each filter counted over FILE in this thread, three times, each from a fresh open (footer included),
 * the way the app reads (CachedSource over the file): its time, the bytes read from the file (the
 * figure the Overview's IoStats shows) against the file's size, chunks decided by row-group statistics
 * and pages by the page index. Then once with the page index unused and once with statistics off,
 * for the bytes they would read. Prints one JSON line per filter with the medians.
 */
import { compileFilter, countMatches } from '../src/compute/filter';
import { openDataset } from '../src/dataset/openDataset';
import type { Dataset } from '../src/model/types';
import { CachedSource } from '../src/source/cachedSource';
import { NodeFileSource } from '../src/source/nodeFileSource';
import { median } from './median';

export interface FilterRun {
  ms: number;
  bytesRead: number;
  matched: number;
  chunksSkipped: number;
  pages: number;
  pagesSkipped: number;
}

export type Mode = 'pages' | 'row groups only' | 'no statistics';

export async function filterOnce(path: string, where: string, mode: Mode = 'pages'): Promise<FilterRun> {
  const file = await NodeFileSource.open(path);
  const started = performance.now();
  const dataset: Dataset = await openDataset(new CachedSource(file));
  if (mode !== 'pages') Object.assign(dataset, { pageIndex: undefined });
  const filter = compileFilter(where, dataset.fields, dataset.schema);
  const result = await countMatches(dataset, filter, { statistics: mode !== 'no statistics' });
  const ms = performance.now() - started;
  const run = { ms, bytesRead: file.stats.bytesRead, matched: result.matched, chunksSkipped: result.chunksSkipped, pages: result.pages ?? 0, pagesSkipped: result.pagesSkipped ?? 0 };
  await dataset.close();
  return run;
}

export async function measureFilters(path: string, wheres: string[]) {
  const size = (await NodeFileSource.open(path)).size;
  const out = [];
  for (const where of wheres) {
    const runs: FilterRun[] = [];
    for (let k = 0; k < 3; k++) runs.push(await filterOnce(path, where));
    const rowGroupsOnly = await filterOnce(path, where, 'row groups only');
    const noStatistics = await filterOnce(path, where, 'no statistics');
    const bytes = median(runs.map((r) => r.bytesRead));
    out.push({
      where,
      size,
      matched: runs[0].matched,
      medianMs: Math.round(median(runs.map((r) => r.ms))),
      runsMs: runs.map((r) => Math.round(r.ms)),
      bytesRead: bytes,
      percentOfFile: +((bytes / size) * 100).toFixed(3),
      chunksSkipped: runs[0].chunksSkipped,
      pages: runs[0].pages,
      pagesSkipped: runs[0].pagesSkipped,
      rowGroupsOnly: { bytesRead: rowGroupsOnly.bytesRead, percentOfFile: +((rowGroupsOnly.bytesRead / size) * 100).toFixed(3), ms: Math.round(rowGroupsOnly.ms), matched: rowGroupsOnly.matched },
      noStatistics: { bytesRead: noStatistics.bytesRead, percentOfFile: +((noStatistics.bytesRead / size) * 100).toFixed(3), ms: Math.round(noStatistics.ms), matched: noStatistics.matched },
    });
  }
  return out;
}

if (process.argv[1]?.endsWith('filterNode.ts')) {
  for (const line of await measureFilters(process.argv[2], process.argv.slice(3))) console.log(JSON.stringify(line));
}
