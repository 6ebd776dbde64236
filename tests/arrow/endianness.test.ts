import * as flatbuffers from 'flatbuffers';
import { FooterFb, MessageFb, MessageHeaderFb as MessageHeader, MetadataVersionFb as MetadataVersion, SchemaFb, Endianness } from '../../src/adapters/apacheArrowInternals';
import { describe, expect, it } from 'vitest';
import { BIG_ENDIAN_NOTE } from '../../src/arrow/openArrow';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';

/** An empty schema with the given endianness, added to `b`. */
function addSchema(b: flatbuffers.Builder, endianness: Endianness): flatbuffers.Offset {
  const fields = SchemaFb.createFieldsVector(b, []);
  SchemaFb.startSchema(b);
  SchemaFb.addEndianness(b, endianness);
  SchemaFb.addFields(b, fields);
  return SchemaFb.endSchema(b);
}

/** A stream holding only a schema message with the given endianness, then end-of-stream. */
function schemaOnlyStream(endianness: Endianness): Uint8Array {
  const b = new flatbuffers.Builder(256);
  const schema = addSchema(b, endianness);
  MessageFb.startMessage(b);
  MessageFb.addVersion(b, MetadataVersion.V5);
  MessageFb.addHeaderType(b, MessageHeader.Schema);
  MessageFb.addHeader(b, schema);
  MessageFb.addBodyLength(b, 0n);
  b.finish(MessageFb.endMessage(b));
  const meta = b.asUint8Array();
  const padded = Math.ceil(meta.length / 8) * 8;
  const out = new Uint8Array(8 + padded + 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xffffffff, true);
  view.setInt32(4, padded, true);
  out.set(meta, 8);
  view.setUint32(8 + padded, 0xffffffff, true);
  return out;
}

/** An IPC file with no batches whose schema (in the stream part and the footer) has the given endianness. */
function schemaOnlyFile(endianness: Endianness): Uint8Array {
  const b = new flatbuffers.Builder(256);
  const schema = addSchema(b, endianness);
  FooterFb.startDictionariesVector(b, 0);
  const dictionaries = b.endVector();
  FooterFb.startRecordBatchesVector(b, 0);
  const recordBatches = b.endVector();
  FooterFb.startFooter(b);
  FooterFb.addVersion(b, MetadataVersion.V5);
  FooterFb.addSchema(b, schema);
  FooterFb.addDictionaries(b, dictionaries);
  FooterFb.addRecordBatches(b, recordBatches);
  b.finish(FooterFb.endFooter(b));
  const footer = b.asUint8Array();
  const stream = schemaOnlyStream(endianness);
  const magic = new TextEncoder().encode('ARROW1');
  const out = new Uint8Array(8 + stream.length + footer.length + 4 + 6);
  out.set(magic, 0);
  out.set(stream, 8);
  out.set(footer, 8 + stream.length);
  new DataView(out.buffer).setInt32(8 + stream.length + footer.length, footer.length, true);
  out.set(magic, out.length - 6);
  return out;
}

describe('big-endian files', () => {
  it('are detected from the raw schema and noted as information (values are byte-swapped, see bigEndian.test.ts)', async () => {
    const ds = await openDataset(new BlobSource(new Blob([schemaOnlyStream(Endianness.Big) as BlobPart]), 'be.arrows'));
    expect(ds.problems.map((p) => p.message)).toEqual([BIG_ENDIAN_NOTE]);
  });
  it('little-endian files open without that problem', async () => {
    const ds = await openDataset(new BlobSource(new Blob([schemaOnlyStream(Endianness.Little) as BlobPart]), 'le.arrows'));
    await ds.indexed;
    expect(ds.problems).toEqual([]);
  });
  it('are detected from the footer schema of an IPC file too', async () => {
    const be = await openDataset(new BlobSource(new Blob([schemaOnlyFile(Endianness.Big) as BlobPart]), 'be.arrow'));
    expect(be.format).toBe('arrow-file');
    expect(be.problems.map((p) => p.message)).toEqual([BIG_ENDIAN_NOTE]);
    const le = await openDataset(new BlobSource(new Blob([schemaOnlyFile(Endianness.Little) as BlobPart]), 'le.arrow'));
    expect(le.problems).toEqual([]);
  });
});
