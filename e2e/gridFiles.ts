import { existsSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Field, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, makeData } from 'apache-arrow';

/** The row count of the stream: the grid's scaled-scroll edges are tested at this size. */
export const FIFTY_M_ROWS = 50_086_550;
export const FIFTY_M_FILE = join(tmpdir(), 'arrowscope-e2e-50m.arrows');

/**
 * Writes (once) a stream of 50,086,550 rows of one int32 column holding the row number, in batches of
 * 1,000,000 rows (~200 MB). False when the temp folder has no room for it.
 */
export function ensureFiftyMillionRows(): boolean {
  if (existsSync(FIFTY_M_FILE)) return true;
  const free = statfsSync(tmpdir());
  if (free.bavail * free.bsize < 1 * 2 ** 30) return false;
  const schema = new Schema([new Field('row', new Int32(), false)]);
  const batches: RecordBatch[] = [];
  const per = 1_000_000;
  for (let start = 0; start < FIFTY_M_ROWS; start += per) {
    const n = Math.min(per, FIFTY_M_ROWS - start);
    const ids = new Int32Array(n);
    for (let i = 0; i < n; i++) ids[i] = start + i;
    const child = makeData({ type: new Int32(), length: n, nullCount: 0, data: ids });
    batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children: [child] })));
  }
  writeFileSync(FIFTY_M_FILE, RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
  return true;
}
