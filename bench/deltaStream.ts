/**
 * IPC streams whose dictionary grows by a delta before every batch, written by apache-arrow's
 * RecordBatchStreamWriter (it writes a delta when a batch's dictionary Vector starts with the chunks
 * of the previous one and has more). Used by the `deltas` bench step and tests/arrow/deltaDictionaries.test.ts.
 */
import { Dictionary, Field, Int32, RecordBatch, RecordBatchFileWriter, RecordBatchStreamWriter, Schema, Struct, Utf8, Vector, makeData, vectorFromArray, type Data } from 'apache-arrow';

export interface DeltaStreamOptions {
  /** Batches, each preceded by one dictionary message (the first an initial one, the rest deltas). */
  batches: number;
  /** New dictionary values per delta. */
  valuesPerDelta?: number;
  rowsPerBatch?: number;
  /** After this many batches the dictionary is replaced (a non-delta message) and grows again from there. */
  replaceAt?: number;
  /** An IPC file (its footer lists the dictionary messages, deltas included) instead of a stream. */
  file?: boolean;
}

const dictType = () => new Dictionary(new Utf8(), new Int32(), 0, false);

export const DELTA_SCHEMA = new Schema([new Field('id', new Int32(), false), new Field('d', dictType(), true)]);

/** A deterministic pseudo-random sequence (the same stream on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Batch b's rows point anywhere in the dictionary so far (older pieces too), one row in 7 is null,
 * and the values are unique strings per dictionary generation (`g0-v123`), so a wrong piece shows.
 */
export function deltaStream({ batches, valuesPerDelta = 10, rowsPerBatch = 100, replaceAt, file }: DeltaStreamOptions): Uint8Array {
  const next = random(7);
  const type = DELTA_SCHEMA.fields[1].type as Dictionary;
  const writer = file ? new RecordBatchFileWriter() : new RecordBatchStreamWriter();
  writer.reset(undefined, DELTA_SCHEMA);
  let pieces: Data<Utf8>[] = [];
  let generation = 0;
  let size = 0;
  for (let b = 0; b < batches; b++) {
    if (b === replaceAt) {
      pieces = [];
      generation++;
      size = 0;
    }
    const values = Array.from({ length: valuesPerDelta }, (_, k) => `g${generation}-v${size + k}`);
    pieces = [...pieces, vectorFromArray(values, new Utf8()).data[0]];
    size += valuesPerDelta;
    const indices = new Int32Array(rowsPerBatch);
    const validity = new Uint8Array(Math.ceil(rowsPerBatch / 8));
    let nulls = 0;
    for (let i = 0; i < rowsPerBatch; i++) {
      if ((b * rowsPerBatch + i) % 7 === 3) {
        nulls++;
        continue;
      }
      validity[i >> 3] |= 1 << (i & 7);
      indices[i] = Math.floor(next() * size);
    }
    const dictionary = new Vector(pieces);
    const d = makeData({ type, length: rowsPerBatch, nullCount: nulls, nullBitmap: validity, data: indices, dictionary });
    const id = makeData({ type: new Int32(), length: rowsPerBatch, nullCount: 0, data: Int32Array.from({ length: rowsPerBatch }, (_, i) => b * rowsPerBatch + i) });
    writer.write(new RecordBatch(DELTA_SCHEMA, makeData({ type: new Struct(DELTA_SCHEMA.fields), length: rowsPerBatch, nullCount: 0, children: [id, d] })));
  }
  writer.finish();
  return writer.toUint8Array(true);
}
