import { DenseUnion, Field, Int32, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rewriteBatch, schemaOf, streamOf } from './craftIpc';

const int32 = (values: number[]) => makeData({ type: new Int32(), length: values.length, nullCount: 0, data: Int32Array.from(values) });
const utf8 = (values: string[]) => vectorFromArray(values, new Utf8()).data[0];

/** Two columns, a: int32 [4, 5, 6, 7] and b: utf8, one batch: the base of the buffer defects. */
export function twoColumns(): Uint8Array {
  return streamOf(schemaOf(new Field('a', new Int32(), false), new Field('b', new Utf8(), false)), [[int32([4, 5, 6, 7]), utf8(['w', 'x', 'y', 'z'])]]);
}

/** Column a's values buffer starts 8 bytes before the body (offset -8). */
export const negativeOffset = (): Uint8Array => rewriteBatch(twoColumns(), 0, (p) => ({ ...p, buffers: p.buffers.map((b, k) => (k === 1 ? { ...b, offset: -8 } : b)) }));

/** Column a says it has more nulls than rows. */
export const nullCountPastLength = (): Uint8Array => rewriteBatch(twoColumns(), 0, (p) => ({ ...p, nodes: p.nodes.map((n, k) => (k === 0 ? { ...n, nullCount: n.length + 3 } : n)) }));

/** The batch has a field node for column a only: column b's is missing. */
export const missingFieldNodes = (): Uint8Array => rewriteBatch(twoColumns(), 0, (p) => ({ ...p, nodes: p.nodes.slice(0, 1) }));

/** A dense union <i: int32, s: utf8> whose value offsets point past its children (7 and 9 into children of 2). */
export function unionOffsetsPastChild(): Uint8Array {
  const type = new DenseUnion([0, 1], [new Field('i', new Int32(), true), new Field('s', new Utf8(), true)]);
  const union = makeData({ type, length: 4, nullCount: 0, typeIds: Int8Array.from([0, 1, 0, 1]), valueOffsets: Int32Array.from([0, 0, 1, 1]), children: [int32([1, 2]), utf8(['p', 'q'])] });
  const stream = streamOf(schemaOf(new Field('u', type, true)), [[union]]);
  // Buffers: type ids (0), value offsets (1), then the children's.
  return rewriteBatch(stream, 0, (p) => {
    const body = Uint8Array.from(p.body);
    const offsets = p.buffers[1];
    new Int32Array(body.buffer, offsets.offset, 4).set([0, 0, 7, 9]);
    return { ...p, body };
  });
}

const STRING_VIEW = resolve(__dirname, '../fixtures/writers/pyarrow/string_view.arrows');

/** pyarrow's Utf8View/BinaryView columns (s, b) whose long strings' views point at variadic buffer 7, which does not exist. */
export function viewPastVariadicBuffers(): Uint8Array {
  return rewriteBatch(Uint8Array.from(readFileSync(STRING_VIEW)), 0, (p) => {
    const body = Uint8Array.from(p.body);
    const view = new DataView(body.buffer);
    const views = p.buffers[1]; // column s: validity (0), views (1), variadic data (2)
    for (let at = views.offset; at + 16 <= views.offset + views.length; at += 16) {
      if (view.getInt32(at, true) > 12) view.setInt32(at + 8, 7, true); // a long string: buffer index at bytes 8..12
    }
    return { ...p, body };
  });
}

/** The same file whose batch declares 8 variadic buffers for column s, more than the batch holds. */
export const variadicCountPastBuffers = (): Uint8Array =>
  rewriteBatch(Uint8Array.from(readFileSync(STRING_VIEW)), 0, (p) => ({ ...p, variadicBufferCounts: p.variadicBufferCounts.map((n, k) => (k === 0 ? n + 7 : n)) }));
