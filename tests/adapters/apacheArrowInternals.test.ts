import { Int32, Table, Utf8, makeVector, tableToIPC, vectorFromArray, type DataType, type Field } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  ByteBuffer,
  FileBlock,
  FooterFb,
  Message,
  MessageFb,
  RecordBatchHeader,
  SchemaFb,
  VectorLoader,
  decodeFieldFb,
  type BufferRegion,
} from '../../src/adapters/apacheArrowInternals';

/** Splits an IPC stream into its messages: [metadata bytes, body bytes]. */
function messages(stream: Uint8Array): { metadata: Uint8Array; body: Uint8Array }[] {
  const out = [];
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let at = 0;
  while (at + 8 <= stream.length) {
    const length = view.getInt32(at + 4, true);
    if (length === 0) break;
    const metadata = stream.subarray(at + 8, at + 8 + length);
    const bodyLength = Number(Message.decode(metadata).bodyLength);
    out.push({ metadata, body: stream.subarray(at + 8 + length, at + 8 + length + bodyLength) });
    at += 8 + length + bodyLength;
  }
  return out;
}

describe('apache-arrow internals adapter (pinned apache-arrow 21.2.0)', () => {
  const table = new Table({ id: vectorFromArray([1, 2, 3], new Int32()), name: vectorFromArray(['a', 'bb', 'ccc'], new Utf8()) });
  const stream = tableToIPC(table, 'stream');

  it('decodes messages and reloads a column from its own buffers with VectorLoader', () => {
    const [schemaMessage, batchMessage] = messages(stream);
    expect(Message.decode(schemaMessage.metadata).isSchema()).toBe(true);
    const header = Message.decode(batchMessage.metadata).header() as RecordBatchHeader;
    expect(header).toBeInstanceOf(RecordBatchHeader);
    expect(Number(header.length)).toBe(3);
    const buffers: BufferRegion[] = header.buffers;
    const loader = new VectorLoader(batchMessage.body, header.nodes, buffers, new Map());
    const data = loader.visitMany(table.schema.fields.map((f: Field<DataType>) => f.type));
    expect([...makeVector(data[1])]).toEqual(['a', 'bb', 'ccc']);
    expect([...makeVector(data[0])]).toEqual([1, 2, 3]);
  });

  it('reads schema and footer flatbuffers and decodes a field with apache-arrow\'s own decoder', () => {
    const [schemaMessage] = messages(stream);
    const fb = MessageFb.getRootAsMessage(new ByteBuffer(schemaMessage.metadata)).header(new SchemaFb()) as SchemaFb;
    expect(fb.fieldsLength()).toBe(2);
    const field = decodeFieldFb(fb.fields(1)!, new Map());
    expect(field.name).toBe('name');
    expect(field.type).toBeInstanceOf(Utf8);

    const file = tableToIPC(table, 'file');
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const footerLength = view.getInt32(file.length - 10, true);
    const footer = FooterFb.getRootAsFooter(new ByteBuffer(file.subarray(file.length - 10 - footerLength, file.length - 10)));
    expect(footer.recordBatchesLength()).toBe(1);
    const block = FileBlock.decode(footer.recordBatches(0)!);
    expect(Number(block.offset)).toBeGreaterThan(0);
  });
});
