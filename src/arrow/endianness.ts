import * as flatbuffers from 'flatbuffers';
import { MessageFb, FooterFb, SchemaFb, Endianness } from '../adapters/apacheArrowInternals';

/**
 * apache-arrow ignores the schema's endianness and would read big-endian data as little-endian:
 * we read the flag from the raw flatbuffer so such files are refused instead of shown wrong.
 */
export function isBigEndianMessage(metadata: Uint8Array): boolean {
  const message = MessageFb.getRootAsMessage(new flatbuffers.ByteBuffer(metadata));
  const schema = message.header(new SchemaFb()) as SchemaFb | null;
  return schema?.endianness() === Endianness.Big;
}

export function isBigEndianFooter(footer: Uint8Array): boolean {
  const fb = FooterFb.getRootAsFooter(new flatbuffers.ByteBuffer(footer));
  return fb.schema()?.endianness() === Endianness.Big;
}
