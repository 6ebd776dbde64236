import { Binary, Dictionary, Field, Int32, List, Struct, Table, Utf8, tableFromArrays, tableToIPC, vectorFromArray, RecordBatchStreamWriter, makeData, RecordBatch, Schema } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/model/errors';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Message, type RecordBatchHeader } from '../../src/adapters/apacheArrowInternals';
import { MAX_DECODED_BUFFER_BYTES } from '../../src/arrow/readBuffers';
import { fixture } from '../support/corpus';
import { tempFile } from '../support/files';
import { ipcMessages } from './support/ipcMessages';
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

describe('compressed bodies', () => {
  const WRITERS = resolve(__dirname, '../fixtures/writers/pyarrow');

  it('an all-null column of 10 million int64 (80 MB that ZSTD keeps in 3 KB) decodes', async () => {
    const ds = await openDataset(await NodeFileSource.open(`${WRITERS}/zstd_all_null.arrows`));
    await ds.indexed;
    const v = await ds.readColumn(0, 0, { start: 9_999_990, end: 10_000_000 });
    expect(v.length).toBe(10);
    expect(v.nullCount).toBe(10);
    await ds.close();
  });

  it('a buffer declaring more than the decode budget is refused with a sentence, before any allocation', async () => {
    const bytes = Uint8Array.from(readFileSync(`${WRITERS}/zstd.arrows`));
    const batch = ipcMessages(bytes)[1];
    const header = Message.decode(batch.metadata).header() as RecordBatchHeader;
    const data = header.buffers[1]; // column i, values
    new DataView(bytes.buffer).setBigInt64(batch.bodyOffset + data.offset, BigInt(600 * 1024 * 1024), true);
    const ds = await open(bytes);
    await ds.indexed;
    expect(MAX_DECODED_BUFFER_BYTES).toBe(512 * 1024 * 1024);
    await expect(ds.readColumn(0, 0)).rejects.toThrow('A compressed buffer declares 600 MiB once decoded, more than the 512 MiB Arrowscope decodes in one piece.');
    expect((await ds.readColumn(0, 1)).get(0)).toBe('value 0');
  });
});

describe('layouts of writers before Arrow 1.0', () => {
  it('empty string, binary and list columns whose offsets buffer is empty (0 bytes) read as empty columns', async () => {
    const table = new Table({
      s: vectorFromArray([] as string[], new Utf8()),
      b: vectorFromArray([] as Uint8Array[], new Binary()),
      l: vectorFromArray([] as number[][], new List(new Field('item', new Int32(), true))),
    });
    const bytes = Uint8Array.from(RecordBatchStreamWriter.writeAll(table.batches).toUint8Array(true));
    // Rewrite every buffer's length to 0 in place: Buffer structs (offset, length: int64) lie side by side in the metadata.
    const batch = ipcMessages(bytes)[1];
    const header = Message.decode(batch.metadata).header() as RecordBatchHeader;
    const structs = new Uint8Array(16 * header.buffers.length);
    const view = new DataView(structs.buffer);
    header.buffers.forEach((r, k) => {
      view.setBigInt64(16 * k, BigInt(r.offset), true);
      view.setBigInt64(16 * k + 8, BigInt(r.length), true);
    });
    const at = Buffer.from(batch.metadata).indexOf(Buffer.from(structs));
    expect(at).toBeGreaterThan(0);
    expect(header.buffers.some((r) => r.length > 0)).toBe(true);
    for (let k = 0; k < header.buffers.length; k++) new DataView(bytes.buffer).setBigInt64(batch.metadata.byteOffset + at + 16 * k + 8, 0n, true);
    expect((Message.decode(ipcMessages(bytes)[1].metadata).header() as RecordBatchHeader).buffers.every((r) => r.length === 0)).toBe(true);
    const ds = await open(bytes);
    await ds.indexed;
    for (let c = 0; c < 3; c++) {
      expect((await ds.readColumn(0, c)).length).toBe(0);
      expect((await ds.readColumn(0, c, { start: 0, end: 0 })).length).toBe(0);
    }
  });

  it("an IPC file's metadata version is its messages' (Arrow 0.14.1 wrote a file of no batches with V1 in its footer over a V4 schema: V1 was shown)", async () => {
    for (const name of ['generated_primitive.arrow_file', 'generated_primitive_no_batches.arrow_file']) {
      const ds = await openDataset(await NodeFileSource.open(fixture(`arrow-testing/data/arrow-ipc-stream/integration/0.14.1/${name}`)));
      await ds.indexed;
      expect(ds.version, name).toBe('V4');
      await ds.close();
    }
  });

  it('metadata V4 unions carry a validity buffer that is skipped, and legacy stream framing still reads', async () => {
    const ds = await openDataset(await NodeFileSource.open(resolve(__dirname, '../fixtures/writers/pyarrow/union_v4.arrows')));
    await ds.indexed;
    expect(ds.version).toBe('V4');
    expect([...(await ds.readColumn(0, 0))]).toEqual([1n, 'b', 3n, 'd']);
    expect([...(await ds.readColumn(0, 1))]).toEqual([1.5, 'b', null, 'c']);
    const legacy = await openDataset(await NodeFileSource.open(resolve(__dirname, '../fixtures/writers/pyarrow/legacy_framing.arrows')));
    await legacy.indexed;
    expect(legacy.chunks.length).toBe(1);
    expect([...(await legacy.readColumn(0, 1))]).toEqual(['x', null, 'z']);
    await ds.close();
    await legacy.close();
  });
});
