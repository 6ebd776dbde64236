import { openDataset } from '../../src/dataset/openDataset';
import { compileFilter, countMatches } from '../../src/compute/filter';
import type { Dataset } from '../../src/model/types';
import { NodeFileSource } from '../../src/source/nodeFileSource';

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
