import * as flatbuffers from 'flatbuffers';
import { MessageFb, MessageHeaderFb as MessageHeader, MetadataVersionFb as MetadataVersion, SchemaFb, Endianness } from '../../src/adapters/apacheArrowInternals';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';

/** A stream holding only a schema message with the given endianness, then end-of-stream. */
function schemaOnlyStream(endianness: Endianness): Uint8Array {
  const b = new flatbuffers.Builder(256);
  const fields = SchemaFb.createFieldsVector(b, []);
  SchemaFb.startSchema(b);
  SchemaFb.addEndianness(b, endianness);
  SchemaFb.addFields(b, fields);
  const schema = SchemaFb.endSchema(b);
  MessageFb.startMessage(b);
  MessageFb.addVersion(b, MetadataVersion.V5);
  MessageFb.addHeaderType(b, MessageHeader.Schema);
  MessageFb.addHeader(b, schema);
  MessageFb.addBodyLength(b, 0n);
  b.finish(MessageFb.endMessage(b));
  const meta = b.asUint8Array();
  const padded = (meta.length + 7) & ~7;
  const out = new Uint8Array(8 + padded + 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xffffffff, true);
  view.setInt32(4, padded, true);
  out.set(meta, 8);
  view.setUint32(8 + padded, 0xffffffff, true);
  return out;
}

describe('big-endian files', () => {
  it('are detected from the raw schema and refused for values rather than misread', async () => {
    const ds = await openDataset(new BlobSource(new Blob([schemaOnlyStream(Endianness.Big) as BlobPart]), 'be.arrows'));
    expect(ds.problems.map((p) => p.message).join()).toMatch(/big-endian/);
  });
  it('little-endian files open without that problem', async () => {
    const ds = await openDataset(new BlobSource(new Blob([schemaOnlyStream(Endianness.Little) as BlobPart]), 'le.arrows'));
    await ds.indexed;
    expect(ds.problems).toEqual([]);
  });
});
