import { Message } from '../../../src/adapters/apacheArrowInternals';
import { concatBytes } from '../../support/bytes';

/** One message of an IPC stream: where it starts, its metadata flatbuffer and its body. */
export interface IpcMessage {
  offset: number;
  metadata: Uint8Array;
  body: Uint8Array;
  /** Where the body starts in the stream. */
  bodyOffset: number;
}

/** Splits an IPC stream (current or legacy framing) into its messages, up to end-of-stream. */
export function ipcMessages(stream: Uint8Array): IpcMessage[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const out: IpcMessage[] = [];
  let at = 0;
  while (at + 4 <= stream.length) {
    let length = view.getInt32(at, true);
    let start = at + 4;
    if (length === -1) {
      length = view.getInt32(at + 4, true);
      start = at + 8;
    }
    if (length === 0) break;
    const metadata = stream.subarray(start, start + length);
    const bodyLength = Number(Message.decode(metadata).bodyLength);
    const bodyOffset = start + length;
    out.push({ offset: at, metadata, body: stream.subarray(bodyOffset, bodyOffset + bodyLength), bodyOffset });
    at = bodyOffset + bodyLength;
  }
  return out;
}

/** A stream of these messages in the current framing (0xFFFFFFFF, length, metadata padded to 8, body), then end-of-stream. */
export function ipcStream(messages: { metadata: Uint8Array; body: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const m of messages) {
    const padded = Math.ceil(m.metadata.length / 8) * 8;
    const prefix = new Uint8Array(8 + padded);
    const view = new DataView(prefix.buffer);
    view.setUint32(0, 0xffffffff, true);
    view.setInt32(4, padded, true);
    prefix.set(m.metadata, 8);
    parts.push(prefix, m.body);
  }
  parts.push(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]));
  return concatBytes(parts);
}
