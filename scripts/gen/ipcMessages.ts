import { RecordBatch, RecordBatchStreamWriter } from 'apache-arrow';
import { Message } from '../../src/adapters/apacheArrowInternals';

export interface EncodedBatch {
  /** The whole message: framing, metadata and body. */
  bytes: Uint8Array;
  /** Framing + metadata bytes (what an IPC file footer block calls metaDataLength). */
  metadataLength: number;
  bodyLength: number;
}

/** The encoded schema message and each record batch message, so copies are written without re-encoding. */
export interface EncodedMessages {
  schema: Uint8Array;
  batches: EncodedBatch[];
}

export function encodeMessages(batches: RecordBatch[]): EncodedMessages {
  const stream = RecordBatchStreamWriter.writeAll(batches).toUint8Array(true);
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const messageAt = (offset: number) => {
    const length = view.getInt32(offset + 4, true);
    const metadataEnd = offset + 8 + length;
    const bodyLength = length === 0 ? 0 : Message.decode(stream.subarray(offset + 8, metadataEnd)).bodyLength;
    return { metadataLength: 8 + length, end: metadataEnd + bodyLength, bodyLength };
  };
  const schema = messageAt(0);
  const out: EncodedMessages = { schema: stream.subarray(0, schema.end), batches: [] };
  let offset = schema.end;
  for (let i = 0; i < batches.length; i++) {
    const m = messageAt(offset);
    out.batches.push({ bytes: stream.subarray(offset, m.end), metadataLength: m.metadataLength, bodyLength: m.bodyLength });
    offset = m.end;
  }
  return out;
}
