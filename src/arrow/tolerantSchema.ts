import * as flatbuffers from 'flatbuffers';
import { decodeFieldFb, FileBlock, MessageFb, FooterFb, SchemaFb, type FieldFb, TypeFb, UnionFb, UnionModeFb as UnionMode } from '../adapters/apacheArrowInternals';
import { Field, Null, Schema, type DataType } from 'apache-arrow';

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
}


function customMetadata(parent: { customMetadataLength(): number; customMetadata(i: number): { key(): string | null; value(): string | null } | null }): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < parent.customMetadataLength(); i++) {
    const entry = parent.customMetadata(i);
    const key = entry?.key();
    if (key != null) out.set(key, entry!.value() ?? '');
  }
  return out;
}

/** Field nodes and buffers a field subtree occupies in a record batch, from the raw flatbuffer. */
function layout(f: FieldFb, metadataVersion: number): { nodes: number; buffers: number } {
  let nodes = 1;
  let buffers: number;
  if (f.dictionary()) return { nodes: 1, buffers: 2 };
  switch (f.typeType()) {
    case TypeFb.Null:
    case TypeFb.RunEndEncoded:
      buffers = 0;
      break;
    case TypeFb.Binary:
    case TypeFb.Utf8:
    case TypeFb.LargeBinary:
    case TypeFb.LargeUtf8:
    case TypeFb.ListView:
    case TypeFb.LargeListView:
      buffers = 3;
      break;
    case TypeFb.FixedSizeList:
    case TypeFb.Struct_:
      buffers = 1;
      break;
    case TypeFb.Union: {
      const union = f.type(new UnionFb()) as UnionFb | null;
      buffers = (union?.mode() === UnionMode.Dense ? 2 : 1) + (metadataVersion < 4 ? 1 : 0);
      break;
    }
    default:
      buffers = 2; // fixed width, bool, list, large list, map; view types need per-batch counts
  }
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
 * Decodes a schema field by field: a field apache-arrow cannot decode (run-end encoded, list-view,
 * or a type newer than it knows) becomes a placeholder reported as unsupported, and the rest of
 * the file stays readable.
 */
export function decodeSchemaTolerant(fb: SchemaFb, metadataVersion: number): DecodedSchema {
  const dictionaries = new Map<number, DataType>();
  const fields: Field[] = [];
  const unsupported = new Map<number, UnsupportedColumn>();
  for (let i = 0; i < fb.fieldsLength(); i++) {
    const f = fb.fields(i)!;
    try {
      fields.push(decodeFieldFb(f, dictionaries));
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
  return { schema: new Schema(fields, customMetadata(fb), dictionaries, metadataVersion), unsupported };
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
