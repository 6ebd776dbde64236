import { Dictionary, Field, Int32, Struct, Table, Utf8, tableFromArrays, tableToIPC, vectorFromArray, RecordBatchStreamWriter, makeData, RecordBatch, Schema } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/model/errors';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { tempFile } from '../support/files';
import { withLatency } from '../support/slowSource';

const SCHEMA = new Schema([new Field('id', new Int32(), false), new Field('name', new Utf8(), false)]);

function manyBatches(count: number, rows: number): Uint8Array {
  const batches = Array.from({ length: count }, (_, b) => {
    const ids = vectorFromArray(Int32Array.from({ length: rows }, (_, i) => b * rows + i)).data[0];
    const names = vectorFromArray(Array.from({ length: rows }, (_, i) => `n${b}-${i}`), new Utf8()).data[0];
    return new RecordBatch(SCHEMA, makeData({ type: new Struct(SCHEMA.fields), length: rows, nullCount: 0, children: [ids, names] }));
  });
  return RecordBatchStreamWriter.writeAll(batches).toUint8Array(true);
}

const open = (bytes: Uint8Array, name = 'x.arrows') => openDataset(new BlobSource(new Blob([bytes as BlobPart]), name));

describe('bad and unusual input', () => {
  it('a stream cut inside a batch keeps the batches before the cut and says where', async () => {
    const bytes = manyBatches(5, 100);
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));
    const ds = await open(cut);
    await ds.indexed;
    expect(ds.chunks.length).toBeGreaterThanOrEqual(2);
    expect(ds.chunks.length).toBeLessThan(5);
    expect(ds.problems[0].message).toMatch(/cut at byte/);
    expect(ds.problems[0].stillWorks).toMatch(/batches before the cut/);
    const v = await ds.readColumn(1, 1);
    expect(v.get(3)).toBe('n1-3');
  });

  it('an IPC file without its footer says it is truncated', async () => {
    const bytes = tableToIPC(tableFromArrays({ a: Int32Array.from([1, 2, 3]) }), 'file');
    await expect(open(bytes.subarray(0, bytes.length - 20), 'x.arrow')).rejects.toThrow(DatasetError);
    await expect(open(bytes.subarray(0, bytes.length - 20), 'x.arrow')).rejects.toThrow(/truncated|damaged/);
  });

  it('random bytes and an empty file are refused with a DatasetError', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    await expect(open(noise)).rejects.toThrow(DatasetError);
    await expect(open(new Uint8Array(0))).rejects.toThrow(/empty/);
  });

  it('a schema nested 100 levels deep opens, and its column reports the depth instead of recursing', async () => {
    let type: Int32 | Struct = new Int32();
    let data = makeData({ type: new Int32(), length: 1, nullCount: 0, data: Int32Array.from([7]) });
    for (let d = 0; d < 100; d++) {
      const field: Field = new Field('f', type, true);
      type = new Struct([field]);
      data = makeData({ type, length: 1, nullCount: 0, children: [data] }) as never;
    }
    const schema = new Schema([new Field('deep', type, true)]);
    const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 1, nullCount: 0, children: [data] }));
    const ds = await open(RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true));
    await ds.indexed;
    expect(ds.fields[0].name).toBe('deep');
    await expect(ds.readColumn(0, 0)).rejects.toThrow(/deeper than 64/);
  });
});

describe('indexing', () => {
  it('is progressive: the first batches are usable while the rest is still being indexed', async () => {
    const path = tempFile('many.arrows', manyBatches(300, 10));
    const progress: boolean[] = [];
    const ds = await openDataset(withLatency(await NodeFileSource.open(path), 2), { onProgress: (p) => progress.push(p.done) });
    expect(ds.indexComplete).toBe(false);
    expect(ds.chunks.length).toBeGreaterThan(0);
    expect((await ds.readColumn(0, 1)).get(0)).toBe('n0-0');
    await ds.indexed;
    expect(ds.chunks.length).toBe(300);
    expect(ds.rows).toBe(3000);
    expect(progress[progress.length - 1]).toBe(true);
    await ds.close();
  });

  it('stops indexing when asked, keeping the batches found so far explorable', async () => {
    const path = tempFile('stoppable.arrows', manyBatches(300, 10));
    const stop = new AbortController();
    const ds = await openDataset(withLatency(await NodeFileSource.open(path), 5), { signal: stop.signal });
    stop.abort();
    await ds.indexed;
    expect(ds.indexComplete).toBe(true);
    expect(ds.chunks.length).toBeGreaterThan(0);
    expect(ds.chunks.length).toBeLessThan(300);
    expect(ds.problems.at(-1)?.message).toMatch(new RegExp(`Indexing was stopped after ${ds.chunks.length} batches \\(${ds.rows} rows\\)`));
    const last = ds.chunks.length - 1;
    expect((await ds.readColumn(last, 1)).get(0)).toBe(`n${last}-0`);
    await ds.close();
  });

  it('indexes 2,000 small batches with coalesced reads, not one read per message', async () => {
    const path = tempFile('small.arrows', manyBatches(2000, 5));
    const source = withLatency(await NodeFileSource.open(path), 1); // browser-like latency: read through
    const ds = await openDataset(source);
    await ds.indexed;
    expect(ds.chunks.length).toBe(2000);
    expect(source.stats.reads).toBeLessThan(50);
    expect((await ds.readColumn(1999, 0)).get(4)).toBe(1999 * 5 + 4);
  });

  it('gives each batch the dictionary in effect for it (replacement dictionaries)', async () => {
    const dictType = new Dictionary(new Utf8(), new Int32(), 0);
    const b1 = new Table({ d: vectorFromArray(['red', 'green', 'red'], dictType) }).batches[0];
    const b2 = new Table({ d: vectorFromArray(['blue', 'blue', 'cyan'], dictType) }).batches[0];
    const ds = await open(RecordBatchStreamWriter.writeAll([b1, b2]).toUint8Array(true));
    await ds.indexed;
    expect([...(await ds.readColumn(0, 0))]).toEqual(['red', 'green', 'red']);
    expect([...(await ds.readColumn(1, 0))]).toEqual(['blue', 'blue', 'cyan']);
    expect([...(await ds.readColumn(1, 0, { start: 1, end: 3 }))]).toEqual(['blue', 'cyan']);
    const detail = await ds.chunkDetail(1);
    expect(detail.dictionaries?.length).toBeGreaterThan(0);
  });
});
