import { Field, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { RecordBatchHeader } from '../../src/adapters/apacheArrowInternals';
import { ScannedHeaders } from '../../src/arrow/scannedHeaders';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import type { ByteSource } from '../../src/model/byteSource';

/** A source over `bytes`, recording every read. */
function loggedSource(bytes: Uint8Array): ByteSource & { log: [number, number][] } {
  const log: [number, number][] = [];
  return {
    name: 'logged.arrows',
    size: bytes.length,
    stats: { reads: 0, bytesRead: 0 },
    log,
    async read(offset, length) {
      const end = Math.min(bytes.length, offset + length);
      log.push([offset, end]);
      return bytes.slice(offset, end);
    },
  };
}

const ROWS = 5000;
const text = (b: number, i: number) => (i % 7 === 0 ? null : `b${b}-${i}-${'x'.repeat(i % 13)}`);

function stream(batches: number): Uint8Array {
  const fields = [new Field('n', new Int32(), true), new Field('s', new Utf8(), true)];
  const list = Array.from({ length: batches }, (_, b) => {
    const n = vectorFromArray(Array.from({ length: ROWS }, (_, i) => (i % 5 === 0 ? null : b * ROWS + i)), new Int32());
    const s = vectorFromArray(Array.from({ length: ROWS }, (_, i) => text(b, i)), new Utf8());
    return new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: ROWS, nullCount: 0, children: [n.data[0], s.data[0]] }));
  });
  return RecordBatchStreamWriter.writeAll(list).toUint8Array(true);
}

describe('batch headers kept from the scan', () => {
  it('a window in a batch never read reads only its column ranges, not its header, with the same values', async () => {
    const source = loggedSource(stream(4));
    const ds = await openDataset(source);
    await ds.indexed;
    const chunk = ds.chunks[2];
    source.log.length = 0;
    const start = chunk.rowOffset + 1234;
    const window = await readRowWindow(ds, start, 40, [0, 1]);
    expect(window.errors).toEqual([null, null]);
    expect(window.columns[0]).toEqual(Array.from({ length: 40 }, (_, k) => ((1234 + k) % 5 === 0 ? null : String(start + k))));
    expect(window.columns[1]).toEqual(Array.from({ length: 40 }, (_, k) => text(2, 1234 + k)));
    // The message's first 8 bytes (continuation and metadata length) and its metadata come before the body: none read.
    const headerByte = chunk.offset + 8;
    expect(source.log.length).toBeGreaterThan(0);
    expect(source.log.filter(([a, b]) => a <= headerByte && headerByte < b)).toEqual([]);
  });

  it('keeps headers while their metadata fits the budget', () => {
    const kept = new ScannedHeaders(100);
    const header = {} as RecordBatchHeader;
    for (let b = 0; b < 3; b++) kept.keep(b, header, 40);
    expect([kept.size, kept.get(1) === header, kept.get(2)]).toEqual([2, true, undefined]);
  });
});
