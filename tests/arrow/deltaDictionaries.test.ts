import { MessageHeader, RecordBatchReader, type RecordBatch } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { Message, type DictionaryBatchHeader } from '../../src/adapters/apacheArrowInternals';
import { DictionaryLoader } from '../../src/arrow/dictionaries';
import { readStreamSchema, scanRest } from '../../src/arrow/scanStream';
import { countUnique } from '../../src/compute/uniqueOfColumn';
import { openDataset } from '../../src/dataset/openDataset';
import type { Dataset } from '../../src/model/types';
import { BlobSource } from '../../src/source/blobSource';
import { deltaStream } from '../../bench/deltaStream';
import { ipcMessages } from './support/ipcMessages';

/** apache-arrow's own reading of the whole stream, batch by batch (deltas concatenated by its reader). */
function independentBatches(bytes: Uint8Array): RecordBatch[] {
  return [...RecordBatchReader.from(bytes)];
}

/** Kinds of the dictionary messages in file order: 'initial', 'delta' or 'replacement'. */
function dictionaryMessages(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const m of ipcMessages(bytes)) {
    const message = Message.decode(m.metadata);
    if (message.headerType !== MessageHeader.DictionaryBatch) continue;
    const header = message.header() as DictionaryBatchHeader;
    out.push(header.isDelta ? 'delta' : out.length ? 'replacement' : 'initial');
  }
  return out;
}

/** Value counts of column `d` from apache-arrow's reading, nulls under null. */
function independentCounts(batches: RecordBatch[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const b of batches) for (const v of b.getChild('d')!) counts.set(v as string | null, (counts.get(v as string | null) ?? 0) + 1);
  return counts;
}

async function expectCountsMatch(ds: Dataset, batches: RecordBatch[]): Promise<void> {
  const expected = independentCounts(batches);
  const result = await countUnique(ds, 1);
  expect(result.exact).toBe(true);
  expect(result.distinct).toBe([...expected.keys()].filter((k) => k !== null).length);
  expect(new Map(result.values.map((v) => [v.value as string | null, v.count]))).toEqual(expected);
}

const open = async (bytes: Uint8Array) => {
  const source = new BlobSource(new Blob([bytes as BlobPart]), 'deltas.arrows');
  const ds = await openDataset(source);
  await ds.indexed;
  return { ds, source };
};

describe('delta dictionaries', () => {
  const bytes = deltaStream({ batches: 1000 });
  const expected = independentBatches(bytes);

  it('a stream of 1,000 batches, each after a delta, gives each batch its dictionary and reads each delta once', async () => {
    const kinds = dictionaryMessages(bytes);
    expect(kinds.length).toBe(1000);
    expect(kinds.filter((k) => k === 'delta').length).toBe(999);
    const { ds, source } = await open(bytes);
    expect(ds.problems).toEqual([]);
    expect(ds.chunks.length).toBe(1000);
    expect(expected.length).toBe(1000);
    for (const b of [0, 1, 499, 998, 999]) {
      const want = [...expected[b].getChild('d')!];
      expect([...(await ds.readColumn(b, 1))], `batch ${b}`).toEqual(want);
      expect([...(await ds.readColumn(b, 1, { start: 40, end: 60 }))], `batch ${b}, rows 40..60`).toEqual(want.slice(40, 60));
    }
    // The last batch points into the first and the last pieces alike.
    const last = await ds.readColumn(999, 1);
    expect(last.data[0].dictionary!.length).toBe(10_000);
    expect(last.data[0].dictionary!.data.length).toBe(1000);

    // Every batch in order, as a count reads them: each dictionary message's body is read once, not once per later batch.
    const before = source.stats.bytesRead;
    for (let b = 0; b < 1000; b++) await ds.readColumn(b, 1);
    expect(source.stats.bytesRead - before).toBeLessThan(2 * bytes.length);
    await ds.close();
  });

  it('counts unique values over the 1,000 batches as apache-arrow reads them', async () => {
    const { ds } = await open(bytes);
    await expectCountsMatch(ds, expected);
    await ds.close();
  });

  it('a replacement after deltas starts the dictionary anew, and later deltas grow the new one', async () => {
    const replaced = deltaStream({ batches: 30, replaceAt: 17 });
    const kinds = dictionaryMessages(replaced);
    expect(kinds[0]).toBe('initial');
    expect(kinds[17]).toBe('replacement');
    expect(kinds.filter((k) => k === 'delta').length).toBe(28);
    const batches = independentBatches(replaced);
    const { ds } = await open(replaced);
    for (let b = 0; b < 30; b++) expect([...(await ds.readColumn(b, 1))], `batch ${b}`).toEqual([...batches[b].getChild('d')!]);
    // Back to a batch before the replacement after reading past it.
    expect([...(await ds.readColumn(16, 1, { start: 0, end: 30 }))]).toEqual([...batches[16].getChild('d')!].slice(0, 30));
    expect((await ds.readColumn(16, 1)).data[0].dictionary!.length).toBe(170);
    expect((await ds.readColumn(29, 1)).data[0].dictionary!.length).toBe(130);
    const detail = await ds.chunkDetail(29);
    expect(detail.dictionaries?.map((d) => d.isDelta)).toEqual([false, ...Array(12).fill(true)]);
    await expectCountsMatch(ds, batches);
    await ds.close();
  });

  it('an IPC file with deltas gives every batch the whole dictionary its footer lists', async () => {
    const file = deltaStream({ batches: 50, file: true });
    const batches = independentBatches(file);
    const ds = await openDataset(new BlobSource(new Blob([file as BlobPart]), 'deltas.arrow'));
    expect(ds.format).toBe('arrow-file');
    expect(ds.chunks.length).toBe(50);
    for (const b of [0, 25, 49]) {
      const column = await ds.readColumn(b, 1);
      expect([...column], `batch ${b}`).toEqual([...batches[b].getChild('d')!]);
      expect(column.data[0].dictionary!.length).toBe(500);
    }
    await expectCountsMatch(ds, batches);
    await ds.close();
  });

  it('past its byte budget the loader keeps what fits and reads the other pieces again, with the same values', async () => {
    const source = new BlobSource(new Blob([bytes as BlobPart]), 'deltas.arrows');
    const { index, next, window } = await readStreamSchema(source);
    expect(await scanRest(index, window, next)).toBeNull();
    const budget = 20_000;
    const loader = new DictionaryLoader(source, index, budget);
    for (const b of [999, 500, 999]) {
      const dictionary = (await loader.forIds([0], index.batches.entry(b)!.dictionaries)).get(0)!;
      expect([...dictionary], `batch ${b}`).toEqual([...expected[b].getChild('d')!.data[0].dictionary!]);
      expect(loader.bytesKept).toBeGreaterThan(0);
      expect(loader.bytesKept).toBeLessThanOrEqual(budget);
    }
  });
});
