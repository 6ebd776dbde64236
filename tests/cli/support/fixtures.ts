import { Worker } from 'node:worker_threads';
import {
  Field,
  Float64,
  Int32,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
} from 'apache-arrow';
import { tempFile, tempPath } from '../../support/files';

const int32 = (values: number[]) => makeData({ type: new Int32(), length: values.length, nullCount: 0, data: Int32Array.from(values) });
const utf8 = (values: (string | null)[]) => vectorFromArray(values, new Utf8()).data[0];

function batch(schema: Schema, children: Data[], nullBitmap?: Uint8Array): RecordBatch {
  const length = children[0].length;
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children, nullBitmap }));
}

/** Names with NUL, ESC sequences and a right-to-left override; a top-level name with a dot; a struct with a dotted field; hostile values. */
export const HOSTILE_NAMES = ['plain', 'nul\0name', 'esc\x1b[2Jname', 'rtl\u202egnp.exe', 'a.b', 's'] as const;
export const HOSTILE_TEXT = ['=HYPERLINK("http://x")', '-5', '\x1b]0;title\x07', 'tab\there', 'line\nbreak', '"quoted", too'];

export function hostileFile(): string {
  const inner = new Struct([new Field('x', new Int32(), true)]);
  const s = new Struct([new Field('a', new Int32(), true), new Field('b.c', new Utf8(), true), new Field('inner', inner, true)]);
  const schema = new Schema([
    new Field('plain', new Int32(), false),
    new Field('nul\0name', new Utf8(), true),
    new Field('esc\x1b[2Jname', new Utf8(), true),
    new Field('rtl\u202egnp.exe', new Float64(), true),
    new Field('a.b', new Utf8(), true),
    new Field('s', s, true),
  ]);
  const n = HOSTILE_TEXT.length;
  // s is null in row 1: its fields read as null there, whatever their own values.
  const innerData = makeData({ type: inner, length: n, nullCount: 0, children: [int32([10, 11, 12, 13, 14, 15])] });
  const sData = makeData({
    type: s,
    length: n,
    nullCount: 1,
    nullBitmap: Uint8Array.from([0b111101]),
    children: [int32([0, 1, 2, 3, 4, 5]), utf8(['c0', 'c1', 'c2', null, 'c4', 'c5']), innerData],
  });
  const floats = makeData({ type: new Float64(), length: n, nullCount: 0, data: Float64Array.from([-1.5, 2, -0, 1e21, 3.25, -7]) });
  const children = [int32([0, 1, 2, 3, 4, 5]), utf8(HOSTILE_TEXT), utf8(HOSTILE_TEXT.map((t) => `v ${t}`)), floats, utf8(['ab0', 'ab1', null, 'ab3', 'ab4', 'ab5']), sData];
  return tempFile('hostile.arrows', RecordBatchStreamWriter.writeAll([batch(schema, children)]).toUint8Array(true));
}

/**
 * A stream of `batches` identical one-row batches (a summary with one entry per batch), written by
 * repeating one batch message: apache-arrow takes ~0.3 ms per batch written, this takes none.
 */
export function manyBatchesFile(batches: number, name = 'many.arrows'): string {
  const schema = new Schema([new Field('name', new Utf8(), false), new Field('n', new Int32(), false)]);
  const one = RecordBatchStreamWriter.writeAll([batch(schema, [utf8(['one row']), int32([1])])]).toUint8Array(true);
  const head = new RecordBatchStreamWriter();
  head.reset(undefined, schema);
  head.finish();
  const schemaBytes = head.toUint8Array(true);
  const eos = 8; // the end-of-stream marker: 0xFFFFFFFF then a zero length
  const message = one.subarray(schemaBytes.length - eos, one.length - eos);
  const out = new Uint8Array(schemaBytes.length + message.length * batches);
  out.set(schemaBytes.subarray(0, schemaBytes.length - eos), 0);
  for (let i = 0; i < batches; i++) out.set(message, schemaBytes.length - eos + i * message.length);
  out.set(schemaBytes.subarray(schemaBytes.length - eos), out.length - eos);
  return tempFile(name, out);
}

/** One batch of `rows` distinct strings in `name` (`name 000000 `, `name 000001 x`, …): value counts list every row. */
export function distinctValuesFile(rows: number, name = 'distinct.arrows'): string {
  const schema = new Schema([new Field('name', new Utf8(), false), new Field('n', new Int32(), false)]);
  const names = Array.from({ length: rows }, (_, i) => `name ${String(i).padStart(6, '0')} ${'x'.repeat(i % 17)}`);
  const ids = Array.from({ length: rows }, (_, i) => i);
  return tempFile(name, RecordBatchStreamWriter.writeAll([batch(schema, [utf8(names), int32(ids)])]).toUint8Array(true));
}

/**
 * A stream whose column `deep` is a struct nested `depth` levels (struct<a: struct<a: … int32>>) next
 * to an int32 `id`. apache-arrow writes schemas by recursion, so it runs in a worker with a large stack.
 */
export async function deepStructFile(depth: number): Promise<string> {
  const path = tempPath(`deep-${depth}.arrows`);
  const code = `
    const { Field, Int32, Struct, makeData, RecordBatch, Schema, RecordBatchStreamWriter } = require('apache-arrow');
    const { writeFileSync } = require('node:fs');
    const { workerData } = require('node:worker_threads');
    let type = new Int32();
    let data = makeData({ type: new Int32(), length: 2, nullCount: 0, data: new Int32Array([1, 2]) });
    for (let i = 0; i < workerData.depth; i++) {
      const s = new Struct([new Field('a', type, true)]);
      data = makeData({ type: s, length: 2, nullCount: 0, children: [data] });
      type = s;
    }
    const schema = new Schema([new Field('deep', type, true), new Field('id', new Int32(), false)]);
    const id = makeData({ type: new Int32(), length: 2, nullCount: 0, data: new Int32Array([7, 8]) });
    const top = makeData({ type: new Struct(schema.fields), length: 2, nullCount: 0, children: [data, id] });
    writeFileSync(workerData.path, RecordBatchStreamWriter.writeAll([new RecordBatch(schema, top)]).toUint8Array(true));
  `;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { depth, path }, resourceLimits: { stackSizeMb: 64 } });
    worker.once('error', reject);
    worker.once('exit', (c) => (c === 0 ? resolve() : reject(new Error(`deep struct writer exited with ${c}`))));
  });
  return path;
}

