import { execFileSync } from 'node:child_process';
import { existsSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Int32, RecordBatch, RecordBatchStreamWriter, Schema, Field, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { BIG_FILE, MULTI_GB_FILE, TALL_FILE, TALL_ROWS } from './paths';

/** The multi-GB test's file: the 9 GB reference when present, else 12 copies made by the generator (~10 s). */
function ensureMultiGb(): void {
  if (existsSync(BIG_FILE) || existsSync(MULTI_GB_FILE)) return;
  const free = statfsSync(tmpdir());
  if (free.bavail * free.bsize < 8 * 2 ** 30) return; // the test says why it skips
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen.ts', '--copies', '12', '--format', 'stream', '--out', MULTI_GB_FILE], { stdio: 'inherit' });
}

/** Writes a tall two-column stream (20 batches of 100,000 rows) for the scrolling tests. */
export default function globalSetup(): void {
  ensureMultiGb();
  if (existsSync(TALL_FILE)) return;
  const schema = new Schema([new Field('row', new Int32(), false), new Field('label', new Utf8(), true)]);
  const batches: RecordBatch[] = [];
  const per = TALL_ROWS / 20;
  for (let b = 0; b < 20; b++) {
    const ids = new Int32Array(per).map((_, i) => b * per + i);
    const labels = vectorFromArray(Array.from({ length: per }, (_, i) => ((b * per + i) % 7 === 0 ? null : `label ${b * per + i}`)), new Utf8());
    const children = [makeData({ type: new Int32(), length: per, nullCount: 0, data: ids }), labels.data[0]];
    batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: per, nullCount: 0, children })));
  }
  writeFileSync(TALL_FILE, RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
}
