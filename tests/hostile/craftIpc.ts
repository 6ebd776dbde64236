import { Field, RecordBatch, RecordBatchStreamWriter, Schema, Struct, makeData, type Data } from 'apache-arrow';
import { BufferRegion, FieldNode, Message, RecordBatchHeader } from '../../src/adapters/apacheArrowInternals';
import { ipcMessages, ipcStream } from '../arrow/support/ipcMessages';

/** A stream of one batch per entry of `batches` (each a list of column Data), as apache-arrow writes it. */
export function streamOf(schema: Schema, batches: Data[][]): Uint8Array {
  const records = batches.map((children) => new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: children[0]?.length ?? 0, nullCount: 0, children })));
  return RecordBatchStreamWriter.writeAll(records).toUint8Array(true);
}

export const schemaOf = (...fields: Field[]): Schema => new Schema(fields);

/** What a batch rewrite may change: its header's numbers and its body. */
export interface BatchParts {
  length: number;
  nodes: { length: number; nullCount: number }[];
  buffers: { offset: number; length: number }[];
  variadicBufferCounts: number[];
  body: Uint8Array;
}

/**
 * The stream with record batch `index` (counting record batches only) rewritten by `edit`: its header is
 * encoded again with apache-arrow's own message writer, so only what `edit` changed differs.
 */
export function rewriteBatch(stream: Uint8Array, index: number, edit: (parts: BatchParts) => BatchParts): Uint8Array {
  let seen = -1;
  const messages = ipcMessages(stream).map((m) => {
    const message = Message.decode(m.metadata);
    if (!message.isRecordBatch() || ++seen !== index) return { metadata: m.metadata, body: m.body };
    const header = message.header() as RecordBatchHeader;
    const parts = edit({
      length: header.length,
      nodes: header.nodes.map((n) => ({ length: n.length, nullCount: n.nullCount })),
      buffers: header.buffers.map((b) => ({ offset: b.offset, length: b.length })),
      variadicBufferCounts: [...header.variadicBufferCounts],
      body: Uint8Array.from(m.body),
    });
    const rewritten = new RecordBatchHeader(
      parts.length,
      parts.nodes.map((n) => new FieldNode(n.length, n.nullCount)),
      parts.buffers.map((b) => new BufferRegion(b.offset, b.length)),
      header.compression,
      parts.variadicBufferCounts,
    );
    return { metadata: Message.encode(Message.from(rewritten, parts.body.length)), body: parts.body };
  });
  if (seen < index) throw new Error(`the stream has no record batch ${index}`);
  return ipcStream(messages);
}

/** The parts with buffer `index` holding `bytes` instead, the buffers after it moved (8-byte aligned). */
export function replaceBuffer(parts: BatchParts, index: number, bytes: Uint8Array): BatchParts {
  const pad = (n: number) => Math.ceil(n / 8) * 8;
  const chunks = parts.buffers.map((b, k) => (k === index ? bytes : parts.body.subarray(b.offset, b.offset + b.length)));
  const body = new Uint8Array(chunks.reduce((n, c) => n + pad(c.length), 0));
  let at = 0;
  const buffers = chunks.map((c) => {
    body.set(c, at);
    const region = { offset: at, length: c.length };
    at += pad(c.length);
    return region;
  });
  return { ...parts, buffers, body };
}
