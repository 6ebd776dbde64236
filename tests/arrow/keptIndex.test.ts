import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { MemoryIndexStore } from '../../src/model/keptIndexStore';
import type { Dataset } from '../../src/model/types';
import { BlobSource } from '../../src/source/blobSource';
import { Engine } from '../../src/worker/engine';
import { deltaStream } from '../../bench/deltaStream';

const LAST_MODIFIED = 1_700_000_000_000;
const bytes = deltaStream({ batches: 1_200, rowsPerBatch: 50, replaceAt: 700 });

async function open(store: MemoryIndexStore, file: Uint8Array, lastModified = LAST_MODIFIED): Promise<Dataset> {
  const ds = await openDataset(new BlobSource(new Blob([file as BlobPart]), 'many.arrows'), { kept: { store, lastModified } });
  await ds.indexed;
  return ds;
}

/** Every chunk as plain data, and a few batches' values (dictionaries through deltas and the replacement). */
async function contents(ds: Dataset): Promise<unknown> {
  const values = [];
  for (const b of [0, 1, 699, 700, 1_199]) values.push([...(await ds.readColumn(b, 1))], [...(await ds.readColumn(b, 0, { start: 10, end: 20 }))]);
  return { chunks: ds.chunks.slice(0), rows: ds.rows, problems: ds.problems, values };
}

describe('chunk index kept between opens', () => {
  it('a second open of the same file takes the kept index, with the same chunks and values', async () => {
    const store = new MemoryIndexStore();
    const first = await open(store, bytes);
    expect(first.indexKept).toBe(false);
    expect(first.chunks.length).toBe(1_200);
    expect(store.entries.size).toBe(1);
    const second = await open(store, bytes);
    expect(second.indexKept).toBe(true);
    expect(second.indexComplete).toBe(true);
    expect(await contents(second)).toEqual(await contents(first));
  });

  const changes: [string, (b: Uint8Array) => Uint8Array, number?][] = [
    ['the last-modified time', (b) => b, LAST_MODIFIED + 1],
    ['the size', (b) => Uint8Array.from([...b, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['a byte among the first', (b) => flipped(b, 2_000)],
    ['a byte among the last', (b) => flipped(b, b.length - 100)],
  ];
  for (const [what, change, lastModified] of changes) {
    it(`a change of ${what} makes the open walk the file again`, async () => {
      const store = new MemoryIndexStore();
      await open(store, bytes);
      const changed = await open(store, change(bytes), lastModified);
      expect(changed.indexKept).toBe(false);
      expect(store.entries.size).toBe(2);
      const again = await open(store, change(bytes), lastModified);
      expect(again.indexKept).toBe(true);
    });
  }

  it('a damaged kept copy is not used: the file is walked again and its index is right', async () => {
    const store = new MemoryIndexStore();
    const first = await open(store, bytes);
    const [key, kept] = [...store.entries][0];
    for (const damage of [kept.subarray(0, kept.length - 8), flipped(kept, kept.length - 20), new Uint8Array(3)]) {
      store.entries.set(key, damage);
      const ds = await open(store, bytes);
      expect(ds.indexKept).toBe(false);
      expect(ds.chunks.slice(0)).toEqual(first.chunks.slice(0));
    }
  });

  it('the engine keeps a local file\'s index only with a store and the file\'s last-modified time, and says so in the summary', async () => {
    const engine = new Engine();
    const file = new File([bytes as BlobPart], 'many.arrows', { lastModified: LAST_MODIFIED });
    const openFile = async () => {
      const summary = await engine.openSource(new BlobSource(file, file.name), true, undefined, { kind: 'blob', blob: file, name: file.name });
      await new Promise((r) => setTimeout(r, 0));
      while (!engine.summary(summary.id).indexComplete) await new Promise((r) => setTimeout(r, 5));
      return engine.summary(summary.id);
    };
    expect((await openFile()).indexKept).toBe(false);
    expect((await openFile()).indexKept).toBe(false); // no store: walked every time
    engine.keptIndexStore = new MemoryIndexStore();
    expect((await openFile()).indexKept).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    const kept = await openFile();
    expect(kept.indexKept).toBe(true);
    expect(kept.chunkCount).toBe(1_200);
  });
});

function flipped(b: Uint8Array, at: number): Uint8Array {
  const out = b.slice();
  out[at] ^= 0x01;
  return out;
}
