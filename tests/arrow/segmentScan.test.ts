import { Binary, Field, Int32, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readStreamSchema, scanRest } from '../../src/arrow/scanStream';
import { scanSegmented } from '../../src/arrow/segmentScan';
import type { IpcIndex } from '../../src/arrow/ipcIndex';
import type { DatasetProblem } from '../../src/model/errors';
import { BlobSource } from '../../src/source/blobSource';
import { deltaStream } from '../../bench/deltaStream';

/** A stream of `batches` batches of varying sizes; its binary column holds continuation markers followed by plausible lengths (false message starts inside bodies). */
function varyingStream(batches: number): Uint8Array {
  const schema = new Schema([new Field('id', new Int32(), false), new Field('s', new Utf8(), true), new Field('b', new Binary(), true)]);
  const marker = new Uint8Array(24);
  new DataView(marker.buffer).setUint32(0, 0xffffffff, true);
  new DataView(marker.buffer).setInt32(4, 16, true);
  const out: RecordBatch[] = [];
  for (let k = 0; k < batches; k++) {
    const rows = 50 + ((k * 37) % 200);
    const ids = Int32Array.from({ length: rows }, (_, i) => k * 1000 + i);
    const texts = Array.from({ length: rows }, (_, i) => 'x'.repeat((i * k) % 23));
    const blobs = Array.from({ length: rows }, () => marker);
    const data = makeData({
      type: new Struct(schema.fields),
      length: rows,
      nullCount: 0,
      children: [vectorFromArray(ids).data[0], vectorFromArray(texts, new Utf8()).data[0], vectorFromArray(blobs, new Binary()).data[0]],
    });
    out.push(new RecordBatch(schema, data));
  }
  return tableToIPC(new Table(out), 'stream');
}

async function scan(bytes: Uint8Array, segments?: number): Promise<{ index: IpcIndex; problem: DatasetProblem | null }> {
  const source = new BlobSource(new Blob([bytes as BlobPart]), 'stream.arrows');
  const { index, next, window } = await readStreamSchema(source);
  const problem = segments === undefined ? await scanRest(index, window, next) : await scanSegmented(index, window, next, {}, segments);
  return { index, problem };
}

/** Every batch's position and dictionary pieces, and every dictionary message, as plain data. */
function described(index: IpcIndex): unknown {
  const batches = Array.from({ length: index.batches.length }, (_, i) => {
    const { dictionaries, ...place } = index.batches.entry(i)!;
    return { ...place, dictionaries: [...dictionaries].map(([id, pieces]) => [id, pieces.list()]) };
  });
  return { batches, dictionaries: index.dictionaries };
}

describe('segmented stream scan (several readers in flight)', () => {
  const bytes = varyingStream(300);

  it('finds the same batches as one reader walking from the schema, whatever the number of segments', async () => {
    const one = await scan(bytes);
    expect(one.problem).toBeNull();
    expect(one.index.batches.length).toBe(300);
    for (const segments of [1, 2, 7, 16, 64]) {
      const many = await scan(bytes, segments);
      expect(many.problem, `${segments} segments`).toBeNull();
      expect(described(many.index), `${segments} segments`).toEqual(described(one.index));
    }
  });

  it('keeps dictionary deltas and replacements in file order', async () => {
    const deltas = deltaStream({ batches: 400, replaceAt: 250 });
    const one = await scan(deltas);
    expect(one.index.dictionaries.length).toBeGreaterThan(300);
    const many = await scan(deltas, 9);
    expect(described(many.index)).toEqual(described(one.index));
  });

  it('reports a cut file as one reader does, with the batches before the cut', async () => {
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));
    const one = await scan(cut);
    expect(one.problem?.message).toMatch(/cut/);
    const many = await scan(cut, 8);
    expect(many.problem).toEqual(one.problem);
    expect(described(many.index)).toEqual(described(one.index));
  });

  it('a stream whose first messages repeat one size is walked by reading headers ahead, not searched for by walkers; one that changes size later is still indexed whole', async () => {
    const schema = new Schema([new Field('n', new Int32(), false)]);
    const batch = (rows: number, k: number) => new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: [vectorFromArray(Int32Array.from({ length: rows }, (_, i) => k * rows + i)).data[0]] }));
    // 40 MB: big enough for two segments, so walkers would be sent if the sizes did not repeat.
    const uniform = tableToIPC(new Table(Array.from({ length: 200 }, (_, k) => batch(50_000, k))), 'stream');
    const changing = tableToIPC(new Table(Array.from({ length: 200 }, (_, k) => batch(k < 100 ? 50_000 : 40_000 + k, k))), 'stream');
    for (const bytes of [uniform, changing]) {
      const one = await scan(bytes);
      const blob = new BlobSource(new Blob([bytes as BlobPart]), 'stream.arrows');
      const lengths: number[] = [];
      const source = { name: blob.name, size: blob.size, stats: blob.stats, read: (offset: number, length: number, signal?: AbortSignal) => (lengths.push(length), blob.read(offset, length, signal)) };
      const { index, next, window } = await readStreamSchema(source);
      expect(await scanSegmented(index, window, next)).toBeNull();
      expect(described(index)).toEqual(described(one.index));
      expect(index.batches.length).toBe(200);
      expect(lengths).not.toContain(256 * 1024); // a walker's search for its first message
    }
    // The same stream with sizes that differ from the start is searched for.
    const varying = tableToIPC(new Table(Array.from({ length: 200 }, (_, k) => batch(50_000 + k, k))), 'stream');
    const blob = new BlobSource(new Blob([varying as BlobPart]), 'stream.arrows');
    const lengths: number[] = [];
    const source = { name: blob.name, size: blob.size, stats: blob.stats, read: (offset: number, length: number, signal?: AbortSignal) => (lengths.push(length), blob.read(offset, length, signal)) };
    const { index, next, window } = await readStreamSchema(source);
    expect(await scanSegmented(index, window, next)).toBeNull();
    expect(index.batches.length).toBe(200);
    expect(lengths).toContain(256 * 1024);
  });

  it('reports a damaged header in the middle as one reader does', async () => {
    const damaged = bytes.slice();
    const one = await scan(bytes);
    const victim = one.index.batches.entry(200)!;
    damaged.fill(0x7f, victim.offset, victim.offset + 8);
    const expected = await scan(damaged);
    expect(expected.problem).not.toBeNull();
    const many = await scan(damaged, 8);
    expect(many.problem).toEqual(expected.problem);
    expect(many.index.batches.length).toBe(200);
  });
});
