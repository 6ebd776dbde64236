import { Binary, Field, Int32, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { IndexAppender, readStreamSchema, scanRest } from '../../src/arrow/scanStream';
import { scanStreamed } from '../../src/arrow/streamScan';
import { StreamedBytes } from '../../src/arrow/streamedBytes';
import type { IpcIndex } from '../../src/arrow/ipcIndex';
import type { ByteSource } from '../../src/model/byteSource';
import type { DatasetProblem } from '../../src/model/errors';
import { BlobSource } from '../../src/source/blobSource';
import { deltaStream } from '../../bench/deltaStream';

/** Batches of varying sizes whose binary column holds continuation markers and plausible lengths (false message starts inside bodies). */
function varyingStream(batches: number, blobBytes = 24): Uint8Array {
  const schema = new Schema([new Field('id', new Int32(), false), new Field('s', new Utf8(), true), new Field('b', new Binary(), true)]);
  const marker = new Uint8Array(blobBytes);
  new DataView(marker.buffer).setUint32(0, 0xffffffff, true);
  new DataView(marker.buffer).setInt32(4, 16, true);
  const out: RecordBatch[] = [];
  for (let k = 0; k < batches; k++) {
    const rows = 50 + ((k * 37) % 200);
    const data = makeData({
      type: new Struct(schema.fields),
      length: rows,
      nullCount: 0,
      children: [
        vectorFromArray(Int32Array.from({ length: rows }, (_, i) => k * 1000 + i)).data[0],
        vectorFromArray(Array.from({ length: rows }, (_, i) => 'x'.repeat((i * k) % 23)), new Utf8()).data[0],
        vectorFromArray(Array.from({ length: rows }, () => marker), new Binary()).data[0],
      ],
    });
    out.push(new RecordBatch(schema, data));
  }
  return tableToIPC(new Table(out), 'stream');
}

/** A Blob source that streams as a byte stream (BYOB, as a File in Chromium) or as plain chunks of `chunk` bytes, counting its reads apart from its streams. */
function streamingSource(bytes: Uint8Array, mode: 'byob' | 'chunks', chunk = 7_777): ByteSource & { randomReads: number; streams: number; cancelled: number } {
  const blob = new BlobSource(new Blob([bytes as BlobPart]), 'stream.arrows');
  const source = {
    name: blob.name,
    size: blob.size,
    stats: blob.stats,
    randomReads: 0,
    streams: 0,
    cancelled: 0,
    read(offset: number, length: number, signal?: AbortSignal) {
      source.randomReads++;
      return blob.read(offset, length, signal);
    },
    stream(offset: number, end: number): ReadableStream<Uint8Array> {
      source.streams++;
      let at = offset;
      if (mode === 'chunks') {
        return new ReadableStream<Uint8Array>({
          pull(c) {
            if (at >= end) return c.close();
            c.enqueue(bytes.slice(at, Math.min(end, at + chunk)));
            at += chunk;
          },
          cancel() {
            source.cancelled++;
          },
        });
      }
      return new ReadableStream({
        type: 'bytes',
        pull(c) {
          const request = c.byobRequest!;
          const view = request.view as Uint8Array;
          const n = Math.min(view.byteLength, chunk, end - at);
          if (n <= 0) {
            c.close();
            request.respond(0);
            return;
          }
          view.set(bytes.subarray(at, at + n));
          at += n;
          request.respond(n);
        },
        cancel() {
          source.cancelled++;
        },
      }) as ReadableStream<Uint8Array>;
    },
  };
  return source;
}

async function exact(bytes: Uint8Array): Promise<{ index: IpcIndex; problem: DatasetProblem | null }> {
  const { index, next, window } = await readStreamSchema(new BlobSource(new Blob([bytes as BlobPart]), 'stream.arrows'));
  return { index, problem: await scanRest(index, window, next) };
}

async function streamed(bytes: Uint8Array, parts: number, mode: 'byob' | 'chunks' = 'byob') {
  const source = streamingSource(bytes, mode);
  const { index, next, window } = await readStreamSchema(source);
  const problem = await scanStreamed(new IndexAppender(index), window, next, {}, parts);
  return { index, problem, source };
}

/** Every batch's position and dictionary pieces, and every dictionary message, as plain data. */
function described(index: IpcIndex): unknown {
  const batches = Array.from({ length: index.batches.length }, (_, i) => {
    const { dictionaries, ...place } = index.batches.entry(i)!;
    return { ...place, dictionaries: [...dictionaries].map(([id, pieces]) => [id, pieces.list()]) };
  });
  return { batches, dictionaries: index.dictionaries };
}

describe('streamed stream scan (several parts streamed at once)', () => {
  const bytes = varyingStream(300);

  it('finds the same batches as the walk from the schema, whatever the parts, from byte streams and chunked ones, reading almost nothing apart', async () => {
    const one = await exact(bytes);
    expect(one.problem).toBeNull();
    expect(one.index.batches.length).toBe(300);
    for (const parts of [1, 2, 7, 16, 64]) {
      for (const mode of ['byob', 'chunks'] as const) {
        const many = await streamed(bytes, parts, mode);
        expect(many.problem, `${parts} parts, ${mode}`).toBeNull();
        expect(described(many.index), `${parts} parts, ${mode}`).toEqual(described(one.index));
        expect(many.source.streams).toBe(parts);
        // The schema and the end-of-stream marker, while parts are longer than the 256 KiB searched for a part's first
        // message (this stream is ~1 MB): shorter ones read that search apart.
        expect(many.source.randomReads, `${parts} parts, ${mode}`).toBeLessThanOrEqual(parts <= 4 ? 2 : parts + 1);
      }
    }
  });

  it('keeps dictionary deltas and replacements in file order', async () => {
    const deltas = deltaStream({ batches: 400, replaceAt: 250 });
    const one = await exact(deltas);
    expect(one.index.dictionaries.length).toBeGreaterThan(300);
    const many = await streamed(deltas, 9);
    expect(described(many.index)).toEqual(described(one.index));
  });

  it('reports a cut file as the walk from the schema does, with the batches before the cut', async () => {
    for (const share of [0.3, 0.7, 0.999]) {
      const cut = bytes.subarray(0, Math.floor(bytes.length * share));
      const one = await exact(cut);
      expect(one.problem?.message).toMatch(/cut/);
      const many = await streamed(cut, 8);
      expect(many.problem, `cut at ${share}`).toEqual(one.problem);
      expect(described(many.index)).toEqual(described(one.index));
    }
  });

  it('reports a damaged header as the walk from the schema does, wherever it lies', async () => {
    const one = await exact(bytes);
    for (const victim of [1, 37, 150, 200, 299]) {
      const damaged = bytes.slice();
      const at = one.index.batches.entry(victim)!;
      damaged.fill(0x7f, at.offset, at.offset + 8);
      const expected = await exact(damaged);
      expect(expected.problem).not.toBeNull();
      const many = await streamed(damaged, 8);
      expect(many.problem, `batch ${victim}`).toEqual(expected.problem);
      expect(described(many.index), `batch ${victim}`).toEqual(described(expected.index));
    }
  });

  it('stops when aborted, cancelling every stream, with the batches found before in file order', async () => {
    const one = await exact(bytes);
    for (const mode of ['byob', 'chunks'] as const) {
      const source = streamingSource(bytes, mode, 500);
      const { index, next, window } = await readStreamSchema(source);
      const stop = new AbortController();
      const scan = scanStreamed(new IndexAppender(index, () => index.batches.length >= 20 && stop.abort()), window, next, { signal: stop.signal }, 8);
      await expect(scan).rejects.toThrow();
      expect(source.cancelled, mode).toBe(8);
      expect(index.batches.length).toBeGreaterThanOrEqual(20);
      expect(index.batches.length).toBeLessThan(300);
      for (let i = 0; i < index.batches.length; i++) expect(index.batches.entry(i)!.offset).toBe(one.index.batches.entry(i)!.offset);
    }
  });

  it('scanRest streams a long stream of small messages from a source that streams, when reads cost a browser\'s millisecond; the index is the same', async () => {
    // ~70 MB in 400 messages of ~175 KB (the STREAMED_MIN_BYTES threshold is 64 MiB).
    const big = varyingStream(400, 1400);
    expect(big.length).toBeGreaterThan(64 * 1024 * 1024);
    const one = await exact(big);
    const source = streamingSource(big, 'byob', 300_000);
    const { index, next, window } = await readStreamSchema(source);
    window.readLatencyMs = 1;
    expect(await scanRest(index, window, next)).toBeNull();
    expect(source.streams).toBeGreaterThan(1);
    expect(source.randomReads).toBeLessThanOrEqual(3);
    expect(described(index)).toEqual(described(one.index));
    // Where reads are cheap (Node's file reads), the headers are read one by one as before.
    const cheap = streamingSource(big, 'byob');
    const again = await readStreamSchema(cheap);
    again.window.readLatencyMs = 0.01;
    expect(await scanRest(again.index, again.window, again.next)).toBeNull();
    expect(cheap.streams).toBe(0);
    expect(described(again.index)).toEqual(described(one.index));
  });
});

describe('StreamedBytes', () => {
  const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) & 0xff);

  it('answers reads in file order from the stream, and any other read from the file itself, always with the file\'s bytes', async () => {
    for (const mode of ['byob', 'chunks'] as const) {
      const source = streamingSource(bytes, mode, 1000);
      const reader = new StreamedBytes(source as ByteSource & { stream: NonNullable<ByteSource['stream']> }, 1000, 90_000);
      const asks: [number, number][] = [[1000, 10], [1500, 3000], [4000, 8], [50_000, 2000], [51_999, 5], [40_000, 100], [89_990, 100], [95_000, 10_000], [60_000, 700_000]];
      for (const [offset, length] of asks) {
        const got = await reader.read(offset, length);
        expect(Array.from(got), `${mode} ${offset}+${length}`).toEqual(Array.from(bytes.subarray(offset, Math.min(bytes.length, offset + length))));
      }
      // Before bytes dropped (40,000), past the range (89,990 and 95,000) and too big (60,000+700,000): read apart.
      expect(source.randomReads, mode).toBe(4);
      await reader.close();
    }
  });
});
