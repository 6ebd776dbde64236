import * as flatbuffers from 'flatbuffers';
import { Endianness, FileBlock, MessageFb, FooterFb, SchemaFb, type FieldFb, TypeFb, UnionFb, UnionModeFb as UnionMode } from '../adapters/apacheArrowInternals';
import { Field, Null, Schema, type DataType } from 'apache-arrow';
import { DICTIONARY_INDICES, ownBuffers } from './bufferLayout';
import { customMetadata, decodeField } from './decodeField';

/** A top-level column apache-arrow cannot decode: why, and how many nodes and buffers it spans. */
export interface UnsupportedColumn {
  typeName: string;
  reason: string;
  nodes: number;
  buffers: number;
}

export interface DecodedSchema {
  schema: Schema;
  unsupported: Map<number, UnsupportedColumn>;
  /**
   * The schema declares big-endian data. apache-arrow ignores this flag and would read such data as
   * little-endian, so it is read here from the raw flatbuffer and the engine byte-swaps on load.
   */
  bigEndian: boolean;
}

/** Field nodes and buffers a field subtree occupies in a record batch, from the raw flatbuffer. */
function layout(f: FieldFb, metadataVersion: number): { nodes: number; buffers: number } {
  if (f.dictionary()) return { nodes: 1, buffers: ownBuffers(DICTIONARY_INDICES, metadataVersion) }; // values live in dictionary batches
  let nodes = 1;
  const dense = f.typeType() === TypeFb.Union && (f.type(new UnionFb()) as UnionFb | null)?.mode() === UnionMode.Dense;
  // View types' variadic buffers would need per-batch counts; they are not added here.
  let buffers = ownBuffers(f.typeType(), metadataVersion, dense);
  for (let i = 0; i < f.childrenLength(); i++) {
    const child = layout(f.children(i)!, metadataVersion);
    nodes += child.nodes;
    buffers += child.buffers;
  }
  return { nodes, buffers };
}

function typeName(t: TypeFb): string {
  return TypeFb[t] ?? `type ${t}`;
}

/**
 * Decodes a schema field by field (run-end encoded and list-view fields by the engine itself, see
 * decodeField): a field that still cannot be decoded (a type newer than Arrowscope knows) becomes a
 * placeholder reported as unsupported, and the rest of the file stays readable.
 */
export function decodeSchemaTolerant(fb: SchemaFb, metadataVersion: number): DecodedSchema {
  const dictionaries = new Map<number, DataType>();
  const fields: Field[] = [];
  const unsupported = new Map<number, UnsupportedColumn>();
  for (let i = 0; i < fb.fieldsLength(); i++) {
    const f = fb.fields(i)!;
    try {
      fields.push(decodeField(f, dictionaries));
    } catch (e) {
      const name = f.name() ?? `column ${i}`;
      fields.push(new Field(name, new Null(), f.nullable(), customMetadata(f)));
      const { nodes, buffers } = layout(f, metadataVersion);
      unsupported.set(i, {
        typeName: typeName(f.typeType()),
        reason: `its type (${typeName(f.typeType())}) cannot be decoded by this version of Arrowscope (${(e as Error).message})`,
        nodes,
        buffers,
      });
    }
  }
  return { schema: new Schema(fields, customMetadata(fb), dictionaries, metadataVersion), unsupported, bigEndian: fb.endianness() === Endianness.Big };
}

/** The schema message of a stream (raw metadata bytes), decoded tolerantly. */
export function decodeSchemaMessage(metadata: Uint8Array): DecodedSchema & { metadataVersion: number } {
  const message = MessageFb.getRootAsMessage(new flatbuffers.ByteBuffer(metadata));
  const fb = message.header(new SchemaFb()) as SchemaFb | null;
  if (!fb) throw new Error('the schema message has no schema');
  return { ...decodeSchemaTolerant(fb, message.version()), metadataVersion: message.version() };
}

export interface DecodedFooter extends DecodedSchema {
  metadataVersion: number;
  recordBatches: FileBlock[];
  dictionaryBatches: FileBlock[];
}

/** An IPC file footer, with its schema decoded tolerantly. */
export function decodeFooter(bytes: Uint8Array): DecodedFooter {
  const fb = FooterFb.getRootAsFooter(new flatbuffers.ByteBuffer(bytes));
  const schema = fb.schema();
  if (!schema) throw new Error('the footer has no schema');
  const blocks = (n: number, get: (i: number) => Parameters<typeof FileBlock.decode>[0] | null) =>
    Array.from({ length: n }, (_, i) => FileBlock.decode(get(i)!));
  return {
    ...decodeSchemaTolerant(schema, fb.version()),
    metadataVersion: fb.version(),
    recordBatches: blocks(fb.recordBatchesLength(), (i) => fb.recordBatches(i)),
    dictionaryBatches: blocks(fb.dictionariesLength(), (i) => fb.dictionaries(i)),
  };
}
