import { existsSync, writeFileSync } from 'node:fs';
import { Int32, RecordBatch, RecordBatchStreamWriter, Schema, Field, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { TALL_FILE, TALL_ROWS } from './paths';

/** Writes a tall two-column stream (20 batches of 100,000 rows) for the scrolling tests. */
export default function globalSetup(): void {
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
