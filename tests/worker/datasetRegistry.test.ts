import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readRowWindow } from '../../src/compute/rowWindow';
import { BLOCK, LOCAL_BLOCK } from '../../src/source/cachedSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { DatasetRegistry } from '../../src/worker/datasetRegistry';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const sample = resolve('public/sample.arrow');

describe("the engine's read cache over an opened file", () => {
  it('a local file gets LOCAL_BLOCK blocks, a remote one 64 KiB blocks (a round trip is worth a whole block); both show what apache-arrow shows', async () => {
    const registry = new DatasetRegistry();
    const want = tableFromIPC(readFileSync(sample));
    for (const [local, block] of [[true, LOCAL_BLOCK], [false, BLOCK]] as const) {
      const id = await registry.add(await NodeFileSource.open(sample), local, local ? undefined : 'http://example.test/sample.arrow', null);
      const { cache, dataset } = registry.get(id);
      expect(cache.block).toBe(block);
      const w = await readRowWindow(dataset, 0, 5, [0]);
      expect(w.columns[0]).toEqual(want.getChildAt(0)!.toArray().slice(0, 5));
      await registry.close(id);
    }
  });
});
