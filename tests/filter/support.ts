import { openDataset } from '../../src/dataset/openDataset';
import { compileFilter, countMatches, matchChunk } from '../../src/compute/filter';
import type { Dataset } from '../../src/model/types';
import type { ByteSource } from '../../src/model/byteSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

export async function openFile(path: string): Promise<Dataset> {
  const dataset = await openDataset(await NodeFileSource.open(path));
  await dataset.indexed;
  return dataset;
}

export interface Matches {
  matched: number;
  indices: number[];
  chunksSkipped: number;
}

/** The filter over every chunk: global row numbers of the matches, and the chunks statistics decided. */
export async function matches(dataset: Dataset, where: string, statistics = true): Promise<Matches> {
  const filter = compileFilter(where, dataset.fields, dataset.schema);
  const indices: number[] = [];
  const result = await countMatches(dataset, filter, {
    statistics,
    indices: true,
    onChunk: (m) => {
      const offset = dataset.chunks[m.chunk].rowOffset;
      for (const i of m.indices ?? []) indices.push(offset + i);
    },
  });
  return { matched: result.matched, indices, chunksSkipped: result.chunksSkipped };
}

/**
 * The rows `where` matches counted three ways: with the page index and dictionaries used on every chunk
 * whatever its size (`forced`), by default (`pruned`), and without statistics (`scanned`).
 */
export async function matchedEveryWay(dataset: Dataset, where: string): Promise<{ forced: number; pruned: number; scanned: number }> {
  const filter = compileFilter(where, dataset.fields, dataset.schema);
  let forced = 0;
  for (let chunk = 0; chunk < dataset.chunks.length; chunk++) forced += (await matchChunk(dataset, filter, chunk, { pageIndexMinBytes: 0 })).matched;
  return { forced, pruned: (await matches(dataset, where)).matched, scanned: (await matches(dataset, where, false)).matched };
}

/** Opens `source` in an engine, as the app does, and gives `f` the count of rows a filter matches there (the engine closed after). */
export async function withEngineMatches(source: ByteSource, f: (matched: (where: string) => Promise<number | undefined>) => Promise<void>): Promise<void> {
  const engine = new Engine();
  const { id } = await engine.openSource(source, true);
  try {
    await f(async (where) => (await engine.filter(id, where, where)).status?.matched);
  } finally {
    await engine.close(id);
  }
}
