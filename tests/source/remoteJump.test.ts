import { Field, Float64, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8 } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { CachedSource } from '../../src/source/cachedSource';
import { HttpSource } from '../../src/source/httpSource';
import { startRangeServer, type RangeServer } from './rangeServer';

// Two batches of 300,000 rows: five string columns of ~5 MB each, so that a window's bytes of one column
// lie farther from the next column's than any gap worth reading through (4 MiB at most).
const ROWS = 300_000;
const text = (b: number, c: number, i: number) => `b${b}c${c}-${String(i).padStart(9, '0')}`;
const WIDTH = text(0, 0, 0).length;
const strings = (b: number, c: number) =>
  makeData({
    type: new Utf8(),
    length: ROWS,
    nullCount: 0,
    valueOffsets: new Int32Array(ROWS + 1).map((_, i) => i * WIDTH),
    data: new TextEncoder().encode(Array.from({ length: ROWS }, (_, i) => text(b, c, i)).join('')),
  });
function stream(): Uint8Array {
  const fields = [...Array.from({ length: 5 }, (_, c) => new Field(`s${c}`, new Utf8(), false)), new Field('x', new Float64(), false)];
  const schema = new Schema(fields);
  const batches = [0, 1].map((b) => {
    const children = [
      ...Array.from({ length: 5 }, (_, c) => strings(b, c)),
      makeData({ type: new Float64(), length: ROWS, nullCount: 0, data: new Float64Array(ROWS).map((_, i) => b * ROWS + i + 0.5) }),
    ];
    return new RecordBatch(schema, makeData({ type: new Struct(fields), length: ROWS, nullCount: 0, children }));
  });
  return RecordBatchStreamWriter.writeAll(batches).toUint8Array(true);
}

describe('a jump in a remote stream', () => {
  let bytes: Uint8Array;
  let server: RangeServer;
  beforeAll(async () => {
    bytes = stream();
    server = await startRangeServer({ 'jump.arrows': bytes });
  }, 60_000);
  afterAll(() => server.close());

  const columns = [0, 1, 2, 3, 4, 5];
  const row = ROWS + 250_000;

  for (const [behaviour, most] of [
    ['slow', 3], // the batch's header, its window's ranges in one request, and a string column whose data fell outside the guess
    ['single-range', 13],
  ] as const) {
    it(`reads its window in at most ${most} requests where the server ${behaviour === 'slow' ? 'answers several ranges in one (nginx, Apache)' : 'does not (S3, sirv)'}, and shows what the local file shows`, async () => {
      const source = await HttpSource.open(server.url('jump.arrows', behaviour));
      const dataset = await openDataset(new CachedSource(source));
      await dataset.indexed;
      await readRowWindow(dataset, 10, 64, columns); // the first view; the source learns the server's round trip
      const before = server.requests.length;
      const window = await readRowWindow(dataset, row, 64, columns);
      const requests = server.requests.length - before;
      expect(requests).toBeGreaterThan(0);
      expect(requests).toBeLessThanOrEqual(most);
      expect(window.columns[2].slice(0, 3)).toEqual([text(1, 2, 250_000), text(1, 2, 250_001), text(1, 2, 250_002)]);
      const local = await openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'jump.arrows'));
      await local.indexed;
      expect(window).toEqual(await readRowWindow(local, row, 64, columns));
    });
  }
});
