import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Decimal, DenseUnion, Dictionary, Field, Int, Int8, Int32, List, Map_, RecordBatch, RecordBatchFileWriter, RecordBatchStreamWriter, Schema, Struct, Table, TimestampSecond, Utf8, makeData, vectorFromArray, type Data } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { BufferRegion, ByteBuffer, DictionaryBatchHeader, FieldNode, Message, MessageFb, RecordBatchHeader } from '../../src/adapters/apacheArrowInternals';
import { decodeSchemaMessage, MAX_SCHEMA_DEPTH } from '../../src/arrow/tolerantSchema';
import { invalidType } from '../../src/arrow/typeValidity';
import { readRowWindow, type RowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { errorMessage } from '../../src/model/errors';
import type { Dataset } from '../../src/model/types';
import { BlobSource } from '../../src/source/blobSource';
import { tempPath } from '../support/files';
import { ipcMessages, ipcStream } from './support/ipcMessages';

/** The parts of one record batch message a test may change before it is written back. */
interface BatchParts {
  length: number;
  nodes: FieldNode[];
  buffers: BufferRegion[];
  variadic: number[];
  body: Uint8Array;
}

function streamOf(fields: Field[], columns: Data[]): Uint8Array {
  const schema = new Schema(fields);
  const top = makeData({ type: new Struct(fields), length: columns[0].length, nullCount: 0, children: columns });
  return RecordBatchStreamWriter.writeAll([new RecordBatch(schema, top)]).toUint8Array(true);
}

/**
 * The stream with one message's header and body rewritten by `edit` (the metadata re-encoded): by
 * default the first message after the schema, a record batch or a dictionary batch.
 */
function rewrite(stream: Uint8Array, edit: (batch: BatchParts) => void, index = 1): Uint8Array {
  const messages = ipcMessages(stream);
  return ipcStream(
    messages.map((m, i) => {
      if (i !== index) return { metadata: m.metadata, body: m.body };
      const decoded = Message.decode(m.metadata).header() as RecordBatchHeader | DictionaryBatchHeader;
      const header = decoded instanceof DictionaryBatchHeader ? decoded.data : decoded;
      const parts: BatchParts = {
        length: header.length,
        nodes: header.nodes.map((n) => new FieldNode(n.length, n.nullCount)),
        buffers: header.buffers.map((b) => new BufferRegion(b.offset, b.length)),
        variadic: [...header.variadicBufferCounts],
        body: m.body.slice(),
      };
      edit(parts);
      const data = new RecordBatchHeader(parts.length, parts.nodes, parts.buffers, header.compression, parts.variadic);
      const rewritten = decoded instanceof DictionaryBatchHeader ? new DictionaryBatchHeader(data, decoded.id, decoded.isDelta) : data;
      return { metadata: Message.encode(Message.from(rewritten as RecordBatchHeader, parts.body.length)), body: parts.body };
    }),
  );
}

async function open(bytes: Uint8Array): Promise<Dataset> {
  const ds = await openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'crafted.arrows'));
  await ds.indexed;
  return ds;
}

/** What the grid (and the CLI) shows for every row of every column: cell texts and each column's error. */
async function shown(bytes: Uint8Array, start = 0, count?: number): Promise<RowWindow> {
  const ds = await open(bytes);
  return readRowWindow(ds, start, count ?? ds.rows - start, ds.fields.map((_, c) => c));
}

/** The sentence a whole-column read of batch 0 fails with (the path scans and profiles take). */
async function wholeColumnError(bytes: Uint8Array, column: number): Promise<string> {
  const ds = await open(bytes);
  return ds.readColumn(0, column).then(
    () => 'read without error',
    (e: unknown) => errorMessage(e),
  );
}

const int32 = (values: number[]) => makeData({ type: new Int32(), length: values.length, nullCount: 0, data: Int32Array.from(values) });
const utf8 = (values: string[]) => vectorFromArray(values, new Utf8()).data[0];
const littleInt32 = (body: Uint8Array, byte: number, value: number) => new DataView(body.buffer, body.byteOffset).setInt32(byte, value, true);

/** int32 `a` = 1..4 (buffers 0 validity, 1 values) and utf8 `b` = ab, cd, ef, gh (2 validity, 3 offsets padded to 24 bytes, 4 data). */
const PLAIN = streamOf([new Field('a', new Int32(), true), new Field('b', new Utf8(), true)], [int32([1, 2, 3, 4]), utf8(['ab', 'cd', 'ef', 'gh'])]);
const A = ['1', '2', '3', '4'];
const B = ['ab', 'cd', 'ef', 'gh'];

/** Column `k`'s error in every cell and as the column's error, and no value shown. */
function expectColumnError(window: RowWindow, k: number, message: string): void {
  expect(window.errors[k]).toBe(message);
  expect(window.columns[k]).toEqual(window.columns[k].map(() => ({ error: message })));
}

describe('the crafted batch is what the tests think it is', () => {
  it('the unmodified stream shows its values, and a rewrite that changes nothing changes nothing', async () => {
    expect((await shown(PLAIN)).columns).toEqual([A, B]);
    expect((await shown(rewrite(PLAIN, () => {}))).columns).toEqual([A, B]);
    const batch = Message.decode(ipcMessages(PLAIN)[1].metadata).header() as RecordBatchHeader;
    expect(batch.buffers.map((b) => [b.offset, b.length])).toEqual([[0, 0], [0, 16], [16, 0], [16, 24], [40, 8]]);
  });
});

describe('buffers against the message body and the column length (header checks, both read paths)', () => {
  const cases: [string, (b: BatchParts) => void, number, string][] = [
    ['a negative buffer offset', (b) => (b.buffers[1] = new BufferRegion(-8, 16)), 0, 'Batch 0, column "a", buffer 1 (values): its offset -8 is negative.'],
    ['a buffer past the body', (b) => (b.buffers[1] = new BufferRegion(40, 16)), 0, 'Batch 0, column "a", buffer 1 (values): offset 40 and length 16 point outside its message body of 48 bytes.'],
    ['a buffer not 8-byte aligned', (b) => (b.buffers[1] = new BufferRegion(4, 16)), 0, 'Batch 0, column "a", buffer 1 (values): its offset 4 is not a multiple of 8 (buffers start 8-byte aligned).'],
    ['a values buffer too short for the length', (b) => (b.buffers[1] = new BufferRegion(0, 8)), 0, 'Batch 0, column "a", buffer 1 (values): it holds 8 bytes where 4 values of 4 bytes need 16.'],
    ['an offsets buffer too short for the length', (b) => (b.buffers[3] = new BufferRegion(16, 12)), 1, 'Batch 0, column "b", buffer 3 (offsets): it holds 12 bytes where the 5 offsets of 4 rows need 20.'],
    ['a validity buffer too short for its nulls', (b) => (b.nodes[0] = new FieldNode(4, 1)), 0, 'Batch 0, column "a", buffer 0 (validity): it holds 0 bytes where the validity bits of 4 rows need 1.'],
    ['a null count larger than the length', (b) => (b.nodes[0] = new FieldNode(4, 9)), 0, 'Batch 0, column "a", field node 0: its null count 9 is more than its 4 rows.'],
    ['a column longer than its batch', (b) => (b.nodes[1] = new FieldNode(5, 0)), 1, 'Batch 0, column "b", field node 1: the column claims 5 rows in a batch of 4.'],
    ['missing field nodes', (b) => (b.nodes = b.nodes.slice(0, 1)), 1, 'Batch 0, column "b": field nodes are missing: the batch lists 1 field node, and this column\'s own node would be node 1.'],
    ['missing buffers', (b) => (b.buffers = b.buffers.slice(0, 4)), 1, 'Batch 0, column "b": buffers are missing: the batch lists 4 buffers, and this column\'s data buffer would be buffer 4.'],
  ];
  for (const [name, edit, column, message] of cases) {
    it(`${name}: a sentence for the column, no values, the other column intact`, async () => {
      const bytes = rewrite(PLAIN, edit);
      const window = await shown(bytes);
      expectColumnError(window, column, message);
      expect(window.columns[1 - column]).toEqual(column === 0 ? B : A);
      expect(window.errors[1 - column]).toBeNull();
      expect(await wholeColumnError(bytes, column)).toBe(message);
      // A window of one row checks the whole header all the same.
      expectColumnError(await shown(bytes, 3, 1), column, message);
    });
  }
});

describe('offsets', () => {
  it('decreasing offsets: the whole column and a window over them fail; a window past them reads only its own offsets', async () => {
    const bytes = rewrite(PLAIN, (b) => littleInt32(b.body, 16 + 4 * 2, 1)); // offsets 0, 2, 1, 6, 8
    const message = 'Batch 0, column "b", buffer 3 (offsets): the offsets decrease at row 2 (from 2 to 1).';
    const window = await shown(bytes);
    expectColumnError(window, 1, message);
    expect(window.columns[0]).toEqual(A);
    expect(await wholeColumnError(bytes, 1)).toBe(message);
    expect((await shown(bytes, 3, 1)).columns).toEqual([['4'], ['gh']]);
  });

  it('a negative first offset', async () => {
    const bytes = rewrite(PLAIN, (b) => littleInt32(b.body, 16, -2));
    const message = 'Batch 0, column "b", buffer 3 (offsets): offset -2 at row 0 is negative.';
    expectColumnError(await shown(bytes), 1, message);
    expect(await wholeColumnError(bytes, 1)).toBe(message);
  });

  it('offsets past the values (strings): whole column and row window', async () => {
    const bytes = rewrite(PLAIN, (b) => littleInt32(b.body, 16 + 4 * 4, 9)); // last offset 9, data holds 8 bytes
    const message = 'Batch 0, column "b", buffer 3 (offsets): offset 9 is past the 8 bytes of its data buffer.';
    const window = await shown(bytes);
    expectColumnError(window, 1, message);
    expect(window.columns[0]).toEqual(A);
    expect(await wholeColumnError(bytes, 1)).toBe(message);
    expect((await shown(bytes, 0, 3)).columns[1]).toEqual(['ab', 'cd', 'ef']);
  });

  it("offsets past a list's child values", async () => {
    const list = vectorFromArray([[1, 2], [3], [4, 5]], new List(new Field('item', new Int32(), true))).data[0];
    const plain = streamOf([new Field('l', list.type, true), new Field('a', new Int32(), true)], [list, int32([7, 8, 9])]);
    const header = Message.decode(ipcMessages(plain)[1].metadata).header() as RecordBatchHeader;
    const offsets = header.buffers[1].offset;
    expect((await shown(plain)).columns).toEqual([['[1, 2]', '[3]', '[4, 5]'], ['7', '8', '9']]);
    const bytes = rewrite(plain, (b) => littleInt32(b.body, offsets + 4 * 3, 7));
    const message = 'Batch 0, column "l", buffer 1 (offsets): offset 7 is past the child\'s 5 values.';
    const window = await shown(bytes);
    expectColumnError(window, 0, message);
    expect(window.columns[1]).toEqual(['7', '8', '9']);
    expect(await wholeColumnError(bytes, 0)).toBe(message);
  });
});

describe('unions', () => {
  // A dense union <i: int32 = 0, s: utf8 = 1> holding 10, "x", 20, next to an int32.
  const type = new DenseUnion([0, 1], [new Field('i', new Int32(), true), new Field('s', new Utf8(), true)]);
  const union = makeData({ type, length: 3, nullCount: 0, typeIds: Int8Array.from([0, 1, 0]), valueOffsets: Int32Array.from([0, 0, 1]), children: [int32([10, 20]), utf8(['x'])] });
  const plain = streamOf([new Field('u', type, true), new Field('a', new Int32(), true)], [union, int32([7, 8, 9])]);
  const header = Message.decode(ipcMessages(plain)[1].metadata).header() as RecordBatchHeader;
  const [typeIds, offsets] = header.buffers;

  it('the crafted union reads', async () => {
    expect((await shown(plain)).columns).toEqual([['10', 'x', '20'], ['7', '8', '9']]);
  });

  it('a type id outside the declared ones', async () => {
    const bytes = rewrite(plain, (b) => (b.body[typeIds.offset + 1] = 5));
    const message = "Batch 0, column \"u\", buffer 0 (type ids): type id 5 at row 1 is not one of the union's type ids (0, 1).";
    const window = await shown(bytes);
    expectColumnError(window, 0, message);
    expect(window.columns[1]).toEqual(['7', '8', '9']);
    expect(await wholeColumnError(bytes, 0)).toBe(message);
  });

  it('a dense union offset past its child', async () => {
    const bytes = rewrite(plain, (b) => littleInt32(b.body, offsets.offset + 4 * 2, 7));
    const message = 'Batch 0, column "u", buffer 1 (offsets): offset 7 at row 2 is past the 2 values of child i (type id 0).';
    const window = await shown(bytes);
    expectColumnError(window, 0, message);
    expect(window.columns[1]).toEqual(['7', '8', '9']);
    expect(await wholeColumnError(bytes, 0)).toBe(message);
  });
});

describe('dictionary batches get the same checks', () => {
  it("offsets past a dictionary's data: every column using it says so; the other column reads", async () => {
    const type = new Dictionary(new Utf8(), new Int32(), 0);
    const d = vectorFromArray(['red', 'green', 'red'], type).data[0];
    const plain = streamOf([new Field('d', type, true), new Field('a', new Int32(), true)], [d, int32([7, 8, 9])]);
    const [, dictionary] = ipcMessages(plain);
    const header = (Message.decode(dictionary.metadata).header() as DictionaryBatchHeader).data;
    expect((await shown(plain)).columns).toEqual([['red', 'green', 'red'], ['7', '8', '9']]);
    const bytes = rewrite(plain, (b) => littleInt32(b.body, header.buffers[1].offset + 4 * 2, 99)); // offsets 0, 3, 99: the data holds 8 bytes
    const message = `Dictionary 0 (the message at byte ${dictionary.offset}), buffer 1 (offsets): offset 99 is past the 8 bytes of its data buffer.`;
    const window = await shown(bytes);
    expectColumnError(window, 0, message);
    expect(window.columns[1]).toEqual(['7', '8', '9']);
    expect(await wholeColumnError(bytes, 0)).toBe(message);
  });
});

describe('view types (pyarrow-written string_view and binary_view, 6 rows each)', () => {
  const original = Uint8Array.from(readFileSync(resolve(__dirname, '../fixtures/writers/pyarrow/string_view.arrows')));

  it('a missing variadic buffer (the count says 0, the views point into buffer 0)', async () => {
    const before = await shown(original);
    const bytes = rewrite(original, (b) => {
      b.variadic = [0, 1];
      b.buffers.splice(2, 1);
    });
    const message = 'Batch 0, column "s", buffer 1 (views): the view at row 2 points into variadic buffer 0, but the batch has 0 variadic buffers for this column.';
    const window = await shown(bytes);
    expectColumnError(window, 0, message);
    expect(window.columns[1]).toEqual(before.columns[1]);
    expect(await wholeColumnError(bytes, 0)).toBe(message);
  });

  it('a view pointing into variadic buffer 7', async () => {
    const views = (Message.decode(ipcMessages(original)[1].metadata).header() as RecordBatchHeader).buffers[1];
    const bytes = rewrite(original, (b) => littleInt32(b.body, views.offset + 16 * 2 + 8, 7));
    const message = 'Batch 0, column "s", buffer 1 (views): the view at row 2 points into variadic buffer 7, but the batch has 1 variadic buffer for this column.';
    expectColumnError(await shown(bytes), 0, message);
    expect(await wholeColumnError(bytes, 0)).toBe(message);
  });

  it('a missing variadic buffer count', async () => {
    const before = await shown(original);
    const bytes = rewrite(original, (b) => (b.variadic = [1]));
    const message = 'Batch 0, column "b": a variadic buffer count is missing: the batch lists 1 count, and this column would use count 1.';
    const window = await shown(bytes);
    expectColumnError(window, 1, message);
    expect(window.columns[0]).toEqual(before.columns[0]);
  });

  it('a variadic buffer count of 2^31 - 1 is checked against the buffers the batch lists before anything is allocated', async () => {
    const before = await shown(original);
    const bytes = rewrite(original, (b) => (b.variadic = [b.variadic[0], 2 ** 31 - 1]));
    const message = 'Batch 0, column "b": buffers are missing: the batch gives 2,147,483,647 variadic buffers for this column, but lists 1 buffer after its 2 own buffers.';
    const window = await shown(bytes);
    expectColumnError(window, 1, message);
    expect(window.columns[0]).toEqual(before.columns[0]);
    expect(await wholeColumnError(bytes, 1)).toBe(message);
  });
});

describe('numbers too large for a position', () => {
  it('a buffer length of 2^60 in an IPC file or stream, or a negative row count: the batch is refused with a sentence, not the decoder\'s words', async () => {
    const schema = new Schema([new Field('a', new Int32(), true)]);
    const top = makeData({ type: new Struct(schema.fields), length: 4, nullCount: 0, children: [int32([1, 2, 3, 4])] });
    const bytes = Uint8Array.from(RecordBatchFileWriter.writeAll([new RecordBatch(schema, top)]).toUint8Array(true));
    // The values buffer's struct (offset 0, length 16: two int64) sits in the batch's metadata; its length becomes 2^60.
    const struct = new Uint8Array(16);
    new DataView(struct.buffer).setBigInt64(8, 16n, true);
    const at = Buffer.from(bytes).indexOf(Buffer.from(struct));
    expect(at).toBeGreaterThan(0);
    new DataView(bytes.buffer).setBigInt64(at + 8, 2n ** 60n, true);
    const ds = await openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'crafted.arrow'));
    expect(ds.chunks.length).toBe(0);
    expect(ds.problems.map((p) => p.message)).toEqual(['The message header at byte 8 holds the number 1152921504606846976 among its buffers, too large for a length or position.']);
    // The same in a stream, and a negative row count.
    const stream = (edit: (b: BatchParts) => void) => rewrite(PLAIN, edit);
    const hugeBytes = stream((b) => (b.buffers[4] = new BufferRegion(40, 2 ** 60)));
    const batchAt = ipcMessages(hugeBytes)[1].offset;
    const huge = await open(hugeBytes);
    expect(huge.chunks.length).toBe(0);
    expect(huge.problems.map((p) => p.message).join('\n')).toContain(`The message header at byte ${batchAt} holds the number 1152921504606846976 among its buffers, too large for a length or position.`);
    const negative = await open(stream((b) => (b.length = -5)));
    expect(negative.chunks.length).toBe(0);
    expect(negative.problems.map((p) => p.message).join('\n')).toContain(`The message header at byte ${batchAt} says its batch has -5 rows.`);
  });
});

describe('counts and types a damaged schema or header claims', () => {
  it('a header listing 2^31 - 1 field nodes is refused at once with a sentence (apache-arrow would decode every one)', async () => {
    const bytes = Uint8Array.from(PLAIN);
    const batch = ipcMessages(bytes)[1];
    // The nodes vector: its uint32 length (2) then (length 4, null count 0) twice.
    const vector = new Uint8Array(4 + 32);
    const view = new DataView(vector.buffer);
    view.setUint32(0, 2, true);
    view.setBigInt64(4, 4n, true);
    view.setBigInt64(20, 4n, true);
    const at = Buffer.from(batch.metadata).indexOf(Buffer.from(vector));
    expect(at).toBeGreaterThan(0);
    new DataView(bytes.buffer).setUint32(batch.metadata.byteOffset + at, 0x7fffffff, true);
    const started = performance.now();
    const ds = await open(bytes);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(ds.chunks.length).toBe(0);
    expect(ds.problems.map((p) => p.message).join('\n')).toContain(`The message header at byte ${batch.offset} lists 2,147,483,647 field nodes, more than its ${batch.metadata.length} bytes can hold.`);
  });

  it('a schema listing 2^31 - 1 fields is refused with a sentence', async () => {
    const bytes = Uint8Array.from(PLAIN);
    const schema = ipcMessages(bytes)[0];
    const bb = new ByteBuffer(schema.metadata);
    const header = MessageFb.getRootAsMessage(bb).header({ bb, bb_pos: 0 } as never) as unknown as { bb_pos: number };
    const lengthAt = bb.__vector(header.bb_pos + bb.__offset(header.bb_pos, 6)) - 4; // Schema.fields
    expect(bb.readUint32(lengthAt)).toBe(2);
    new DataView(bytes.buffer).setUint32(schema.metadata.byteOffset + lengthAt, 0x7fffffff, true);
    await expect(open(bytes)).rejects.toThrow(`the schema is damaged: it lists 2,147,483,647 fields, more than its ${schema.metadata.length} bytes of metadata can hold`);
  });

  it('invalidType names what no Arrow writer makes, and passes what they do', () => {
    expect(invalidType(new List(new Field('item', new Int32(), true)))).toBeNull();
    expect(invalidType(new List(undefined as never))).toBe('a list with a child field whose description is missing');
    expect(invalidType(new Struct([new Field('t', new TimestampSecond(), true), new Field('u', new Int(false, 12 as 32), true)]))).toBe('an int of 12 bits');
    expect(invalidType(new Dictionary(new Utf8(), new Int(true, 3 as 8) as never, 0))).toBe('an int of 3 bits');
    expect(invalidType(new DenseUnion([0, 0], [new Field('a', new Int32(), true), new Field('b', new Utf8(), true)]))).toBe('a union whose type ids (0, 0) do not match its 2 children');
  });

  it('an int of 7 bits is not a valid type: its column says so, the other column reads', async () => {
    const [, batch] = ipcMessages(PLAIN);
    const schema = new Schema([new Field('a', new Int32(), true), new Field('b', new Int(true, 7 as 32), true)]);
    const bytes = ipcStream([{ metadata: Message.encode(Message.from(schema)), body: new Uint8Array(0) }, { metadata: batch.metadata, body: batch.body }]);
    const ds = await open(bytes);
    expect(ds.fields[1].unsupported).toBe('its type is not a valid Arrow type (an int of 7 bits)');
    const window = await readRowWindow(ds, 0, 4, [0, 1]);
    expect(window.columns[0]).toEqual(A);
    expectColumnError(window, 1, 'Column "b" is not supported: its type is not a valid Arrow type (an int of 7 bits)');
  });
});

describe('fields without a name', () => {
  it('a field whose name is absent from the schema is named "" (as pyarrow reads it), at the top and nested, and its rows read', async () => {
    const [, batch] = ipcMessages(PLAIN);
    const unnamed = null as unknown as string; // apache-arrow writes a null name as an absent slot
    const schema = new Schema([new Field(unnamed, new Int32(), true), new Field('b', new Utf8(), true)]);
    const bytes = ipcStream([{ metadata: Message.encode(Message.from(schema)), body: new Uint8Array(0) }, { metadata: batch.metadata, body: batch.body }]);
    const ds = await open(bytes);
    expect(ds.fields.map((f) => f.name)).toEqual(['', 'b']);
    const window = await readRowWindow(ds, 0, 4, [0, 1]);
    expect(window.columns[0]).toEqual(A);

    const nested = new Schema([new Field('s', new Struct([new Field(unnamed, new Utf8(), true)]), true), new Field('d', new Dictionary(new Struct([new Field(unnamed, new Int32(), true)]), new Int32(), 3), true)]);
    const decoded = decodeSchemaMessage(Message.encode(Message.from(nested))).schema;
    const names = (f: Field): unknown => [f.name, (f.type.children ?? []).map(names)];
    expect(decoded.fields.map(names)).toEqual([['s', [['', []]]], ['d', [['', []]]]]);
    expect((decoded.fields[1].type as Dictionary).dictionary.children.map((f: Field) => f.name)).toEqual(['']);
  });
});

describe('damaged type and message ids', () => {
  it('a map whose entries struct lost its value field is not a valid type (the type name crashed on it at open); the other column reads', async () => {
    const [, batch] = ipcMessages(PLAIN);
    const entries = new Field('entries', new Struct([new Field('key', new Utf8(), false)]), false);
    const schema = new Schema([new Field('a', new Int32(), true), new Field('m', new Map_(entries as never), true)]);
    const bytes = ipcStream([{ metadata: Message.encode(Message.from(schema)), body: new Uint8Array(0) }, { metadata: batch.metadata, body: batch.body }]);
    const ds = await open(bytes);
    expect(ds.fields[1].unsupported).toBe('its type is not a valid Arrow type (a map whose entries are not a struct of a key and a value)');
    expect((await readRowWindow(ds, 0, 4, [0])).columns[0]).toEqual(A);
  });

  it.each([
    [163, 'has message type 163, which Arrow does not define (it is damaged)'],
    [4, 'is a Tensor message, which an Arrow stream or file of record batches does not hold'],
  ])('a batch message of type %s is a problem in words, not apache-arrow\'s "Unrecognized Message type"', async (type, words) => {
    const [schema, batch] = ipcMessages(PLAIN);
    const metadata = Uint8Array.from(batch.metadata);
    const bb = new ByteBuffer(metadata);
    const root = bb.readInt32(0);
    metadata[root + bb.__offset(root, 6)] = type; // Message.header_type
    const ds = await open(ipcStream([{ metadata: schema.metadata, body: schema.body }, { metadata, body: batch.body }]));
    expect(ds.problems.map((p) => p.message)).toEqual([`The message header at byte ${schema.body.length + Math.ceil(schema.metadata.length / 8) * 8 + 8} ${words}.`]);
  });
});

describe('dictionary ids that contradict one another', () => {
  /** A schema-only stream of the fields, dictionary id 7 changed to 0 in its bytes (apache-arrow refuses to write two types under one id). */
  const schemaOnly = (fields: Field[]) => {
    const metadata = Message.encode(Message.from(new Schema(fields)));
    const seven = Uint8Array.of(7, 0, 0, 0, 0, 0, 0, 0);
    let found = 0;
    for (let at = 0; at + 8 <= metadata.length; at++) {
      if (seven.every((b, k) => metadata[at + k] === b)) {
        metadata[at] = 0;
        found++;
      }
    }
    expect(found).toBeLessThanOrEqual(1);
    return ipcStream([{ metadata, body: new Uint8Array(0) }]);
  };

  it('a second column declaring dictionary 0 with values of another type is refused as pyarrow does (apache-arrow reads it in the first type); the first is kept', async () => {
    const ds = await open(schemaOnly([new Field('a', new Dictionary(new Utf8(), new Int32(), 0), true), new Field('b', new Dictionary(new Int32(), new Int32(), 7), true)]));
    expect(ds.fields[0].unsupported).toBeUndefined();
    expect(ds.fields[1].unsupported).toBe('its dictionaries are inconsistent: dictionary 0 is declared with values of two types (Utf8 and Int)');
  });

  it('a dictionary whose values are encoded with the same dictionary is refused (loading it recursed until the stack overflowed)', async () => {
    const inner = new Field('item', new Dictionary(new Utf8(), new Int32(), 7), true);
    const ds = await open(schemaOnly([new Field('n', new Dictionary(new List(inner), new Int32(), 0), true), new Field('s', new Dictionary(new Utf8(), new Int32(), 1), true)]));
    expect(ds.fields[0].unsupported).toBe('its dictionaries are inconsistent: the values of dictionary 0 are encoded with dictionary 0 itself');
    expect(ds.fields[1].unsupported).toBeUndefined();
  });

  it('two columns sharing one dictionary of one type stay readable', async () => {
    const ds = await open(schemaOnly([new Field('a', new Dictionary(new Utf8(), new Int32(), 0), true), new Field('b', new Dictionary(new Utf8(), new Int8(), 7), true)]));
    expect(ds.fields.map((f) => f.unsupported)).toEqual([undefined, undefined]);
  });

  it('a dictionary batch without its record batch of values is a problem in words', async () => {
    const stream = RecordBatchStreamWriter.writeAll(new Table({ d: vectorFromArray(['x', 'y', 'x'], new Dictionary(new Utf8(), new Int32(), 0)) })).toUint8Array(true);
    const messages = ipcMessages(stream);
    const k = messages.findIndex((m) => Message.decode(m.metadata).headerType === 2); // DictionaryBatch
    const dictionary = messages[k];
    const metadata = Uint8Array.from(dictionary.metadata);
    const bb = new ByteBuffer(metadata);
    const header = MessageFb.getRootAsMessage(bb).header({ bb, bb_pos: 0 } as never) as unknown as { bb_pos: number };
    const vtable = header.bb_pos - bb.readInt32(header.bb_pos);
    expect(bb.readInt16(vtable) > 6 && bb.readInt16(vtable + 6) > 0).toBe(true); // DictionaryBatch.data is present
    new DataView(metadata.buffer).setInt16(vtable + 6, 0, true);
    const ds = await open(ipcStream(messages.map((m, i) => (i === k ? { metadata, body: dictionary.body } : m))));
    expect(ds.problems.map((p) => p.message)).toEqual([`The message header at byte ${dictionary.offset} is a dictionary batch without its values (its record batch is missing).`]);
  });
});

describe('a schema whose field tree points back at itself', () => {
  it('a child offset pointing back at its parent is damage said at once (the walk went on to a million fields first)', async () => {
    const schema = new Schema([new Field('s', new Struct([new Field('a', new Int32(), true)]), true), new Field('b', new Utf8(), true)]);
    const metadata = Message.encode(Message.from(schema));
    const bb = new ByteBuffer(metadata);
    const header = MessageFb.getRootAsMessage(bb).header({ bb, bb_pos: 0 } as never) as unknown as { bb_pos: number };
    const parent = bb.__indirect(bb.__vector(header.bb_pos + bb.__offset(header.bb_pos, 6))); // Schema.fields[0]
    const element = bb.__vector(parent + bb.__offset(parent, 14)); // Field.children[0]
    new DataView(metadata.buffer, metadata.byteOffset).setInt32(element, parent - element, true);
    const ds = await open(ipcStream([{ metadata, body: new Uint8Array(0) }]));
    expect(ds.fields[0].unsupported).toBe("its description in the schema is damaged (a child field points back before it in the schema's bytes)");
  });
});

describe('decimal precision and scale', () => {
  it.each([
    [128, 38, 2147483647, 'a decimal128 of scale 2147483647, outside -38 to 38'],
    [64, 18, -2147483648, 'a decimal64 of scale -2147483648, outside -18 to 18'],
    [256, 76, 77, 'a decimal256 of scale 77, outside -76 to 76'],
    [128, 39, 2, 'a decimal128 of precision 39, outside 1 to 38'],
    [32, 0, 0, 'a decimal32 of precision 0, outside 1 to 9'],
  ])('a decimal%s(%s, %s) column is not a valid type: it says so (no giant string is built), the other column reads', async (bits, precision, scale, why) => {
    const [, batch] = ipcMessages(PLAIN);
    const schema = new Schema([new Field('a', new Int32(), true), new Field('d', new Decimal(scale, precision, bits), true)]);
    const bytes = ipcStream([{ metadata: Message.encode(Message.from(schema)), body: new Uint8Array(0) }, { metadata: batch.metadata, body: batch.body }]);
    const ds = await open(bytes);
    expect(ds.fields[1].unsupported).toBe(`its type is not a valid Arrow type (${why})`);
    const window = await readRowWindow(ds, 0, 4, [0, 1]);
    expect(window.columns[0]).toEqual(A);
    expectColumnError(window, 1, `Column "d" is not supported: its type is not a valid Arrow type (${why})`);
  });

  it('passes the widest precision and scale each width allows (pyarrow formats them)', () => {
    for (const [bits, digits] of [[32, 9], [64, 18], [128, 38], [256, 76]]) {
      for (const scale of [digits, -digits, 0]) expect(invalidType(new Decimal(scale, digits, bits))).toBeNull();
      expect(invalidType(new Decimal(digits, 1, bits))).toBeNull(); // a scale past the precision is allowed (pyarrow reads decimal128(5, 6))
    }
  });
});

/** A stream whose column `deep` is a struct nested `depth` levels next to an int32 `id` (7, 8): apache-arrow writes schemas by recursion, so in a worker with a large stack. */
async function deepStruct(depth: number): Promise<Uint8Array> {
  const path = tempPath(`deep-${depth}.arrows`);
  const code = `
    const { Field, Int32, Struct, makeData, RecordBatch, Schema, RecordBatchStreamWriter } = require('apache-arrow');
    const { workerData } = require('node:worker_threads');
    let type = new Int32();
    let data = makeData({ type: new Int32(), length: 2, nullCount: 0, data: new Int32Array([1, 2]) });
    for (let i = 0; i < workerData.depth; i++) {
      type = new Struct([new Field('a', type, true)]);
      data = makeData({ type, length: 2, nullCount: 0, children: [data] });
    }
    const schema = new Schema([new Field('deep', type, true), new Field('id', new Int32(), false)]);
    const id = makeData({ type: new Int32(), length: 2, nullCount: 0, data: new Int32Array([7, 8]) });
    const top = makeData({ type: new Struct(schema.fields), length: 2, nullCount: 0, children: [data, id] });
    require('node:fs').writeFileSync(workerData.path, RecordBatchStreamWriter.writeAll([new RecordBatch(schema, top)]).toUint8Array(true));
  `;
  await new Promise<void>((done, fail) => {
    const worker = new Worker(code, { eval: true, workerData: { depth, path }, resourceLimits: { stackSizeMb: 64 } });
    worker.once('error', fail);
    worker.once('exit', (c) => (c === 0 ? done() : fail(new Error(`writer exited with ${c}`))));
  });
  return Uint8Array.from(readFileSync(path));
}

describe('nesting', () => {
  it('a struct nested 2,000 deep: its schema says why it is not shown, never a stack overflow; the other column reads', async () => {
    const bytes = await deepStruct(2000);
    const ds = await open(bytes);
    expect(MAX_SCHEMA_DEPTH).toBe(200);
    expect(ds.fields[0]).toMatchObject({ name: 'deep', type: 'struct', unsupported: 'nesting deeper than 200 levels is not shown' });
    const window = await readRowWindow(ds, 0, 2, [0, 1]);
    expectColumnError(window, 0, 'Column "deep" is not supported: nesting deeper than 200 levels is not shown');
    expect(window.columns[1]).toEqual(['7', '8']);
    expect((await ds.readColumn(0, 1)).toArray()).toEqual(Int32Array.from([7, 8]));
  });

  it('a struct nested 150 deep: its schema is shown in full; its values are not read (past 64 levels, as in Arrow C++)', async () => {
    const ds = await open(await deepStruct(150));
    expect(ds.fields[0].unsupported).toBeUndefined();
    let levels = 0;
    for (let f = ds.fields[0]; f.children.length; f = f.children[0]) levels++;
    expect(levels).toBe(150);
    const window = await readRowWindow(ds, 0, 2, [0, 1]);
    expectColumnError(window, 0, 'Batch 0, column "deep": nesting deeper than 64 levels is not read (Arrow C++ and pyarrow stop there too); its schema is still shown.');
    expect(window.columns[1]).toEqual(['7', '8']);
  });

  it('the depth is found without recursion: a 2,000-deep schema opens with a fifth of the default stack (browser workers have less than Node)', async () => {
    const path = tempPath('deep-2000-small-stack.arrows');
    writeFileSync(path, await deepStruct(2000));
    const src = resolve(__dirname, '../../src');
    const script = tempPath('small-stack.mts');
    writeFileSync(
      script,
      `import { openDataset } from '${src}/dataset/openDataset.ts';
       import { NodeFileSource } from '${src}/source/nodeFileSource.ts';
       import { readRowWindow } from '${src}/compute/rowWindow.ts';
       const ds = await openDataset(await NodeFileSource.open(${JSON.stringify(path)}));
       console.log(JSON.stringify(await readRowWindow(ds, 0, 2, [0, 1])));`,
    );
    const run = spawnSync(process.execPath, ['--stack-size=200', '--import', 'tsx', script], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ errors: ['Column "deep" is not supported: nesting deeper than 200 levels is not shown', null], columns: [expect.anything(), ['7', '8']] });
  });
});
