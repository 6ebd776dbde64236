import { DateUnit, IntervalUnit, Precision, Type, type DataType } from 'apache-arrow';
import {
  Builder,
  ByteBuffer,
  decodeFieldFb,
  Endianness,
  Message,
  MessageFb,
  MessageHeaderFb,
  SchemaFb,
  TypeFb,
  UnionFb,
  UnionModeFb,
  type DictionaryBatchHeader,
  type FieldFb,
  type RecordBatchHeader,
} from '../../../src/adapters/apacheArrowInternals';
import { ipcMessages, ipcStream } from './ipcMessages';

/**
 * Turns a little-endian IPC stream into the big-endian stream a big-endian machine would write:
 * the schema says Endianness.Big and every multi-byte word of every buffer is reversed. Written
 * apart from the engine's own swapping (src/arrow/byteSwap.ts) so that each checks the other.
 */

/** Word widths of one value of a fixed-width leaf type. */
function leafWords(type: DataType): number[] {
  const t = type as DataType & { bitWidth: number; precision: Precision; unit: number };
  switch (type.typeId) {
    case Type.Int:
    case Type.Time:
    case Type.Decimal:
      return [t.bitWidth / 8];
    case Type.Float:
      return [{ [Precision.HALF]: 2, [Precision.SINGLE]: 4, [Precision.DOUBLE]: 8 }[t.precision]];
    case Type.Date:
      return [t.unit === DateUnit.DAY ? 4 : 8];
    case Type.Timestamp:
    case Type.Duration:
      return [8];
    case Type.Interval:
      return { [IntervalUnit.YEAR_MONTH]: [4], [IntervalUnit.DAY_TIME]: [4, 4], [IntervalUnit.MONTH_DAY_NANO]: [4, 4, 8] }[t.unit]!;
    default:
      return [1];
  }
}

function reverseWords(bytes: Uint8Array, pattern: number[]): void {
  let at = 0;
  while (at < bytes.length) {
    for (const width of pattern) {
      bytes.subarray(at, at + width).reverse();
      at += width;
    }
  }
}

/** Views: length, then (out of line) buffer index and offset, each an int32. */
function reverseViews(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length; at += 16) {
    const size = view.getInt32(at, true);
    bytes.subarray(at, at + 4).reverse();
    if (size > 12) {
      bytes.subarray(at + 8, at + 12).reverse();
      bytes.subarray(at + 12, at + 16).reverse();
    }
  }
}

/** Walks one field's buffers in a record batch body, reversing each by the words it holds. */
class BufferWalker {
  private buffer = 0;
  private view = 0;
  constructor(
    private readonly body: Uint8Array,
    private readonly header: RecordBatchHeader,
    private readonly metadataVersion: number,
  ) {}

  private next(swap?: (bytes: Uint8Array) => void): void {
    const { offset, length } = this.header.buffers[this.buffer++];
    swap?.(this.body.subarray(offset, offset + length));
  }

  private words(pattern: number[]) {
    return (bytes: Uint8Array) => reverseWords(bytes, pattern);
  }

  field(f: FieldFb, asValues = false): void {
    const encoding = asValues ? null : f.dictionary();
    if (encoding) {
      const indices = (decodeFieldFb(f, new Map()).type as DataType & { indices: DataType }).indices;
      this.next();
      this.next(this.words(leafWords(indices)));
      return;
    }
    const children = () => {
      for (let i = 0; i < f.childrenLength(); i++) this.field(f.children(i)!);
    };
    switch (f.typeType()) {
      case TypeFb.Null:
        return;
      case TypeFb.RunEndEncoded:
        return children();
      case TypeFb.Bool:
      case TypeFb.FixedSizeBinary:
        this.next();
        return this.next();
      case TypeFb.Utf8:
      case TypeFb.Binary:
      case TypeFb.LargeUtf8:
      case TypeFb.LargeBinary: {
        const large = f.typeType() === TypeFb.LargeUtf8 || f.typeType() === TypeFb.LargeBinary;
        this.next();
        this.next(this.words([large ? 8 : 4]));
        return this.next();
      }
      case TypeFb.Utf8View:
      case TypeFb.BinaryView: {
        this.next();
        this.next(reverseViews);
        const variadic = Number(this.header.variadicBufferCounts[this.view++] ?? 0);
        for (let k = 0; k < variadic; k++) this.next();
        return;
      }
      case TypeFb.List:
      case TypeFb.Map:
      case TypeFb.LargeList:
        this.next();
        this.next(this.words([f.typeType() === TypeFb.LargeList ? 8 : 4]));
        return children();
      case TypeFb.ListView:
      case TypeFb.LargeListView: {
        const width = f.typeType() === TypeFb.LargeListView ? 8 : 4;
        this.next();
        this.next(this.words([width]));
        this.next(this.words([width]));
        return children();
      }
      case TypeFb.FixedSizeList:
      case TypeFb.Struct_:
        this.next();
        return children();
      case TypeFb.Union: {
        if (this.metadataVersion < 4) this.next(); // V4 and earlier: a validity buffer
        this.next();
        if ((f.type(new UnionFb()) as UnionFb).mode() === UnionModeFb.Dense) this.next(this.words([4]));
        return children();
      }
      default: {
        this.next();
        const leaf = decodeFieldFb(f, new Map()).type;
        return this.next(this.words(leafWords(leaf)));
      }
    }
  }
}

/** Offset in a Builder of the table or vector at `position` of old flatbuffer bytes copied into it at `copied`. */
const moved = (copied: number, position: number) => copied - position;

/**
 * The schema message rebuilt with the flatbuffers Builder, saying Endianness.Big. The old message
 * bytes are copied in whole first, so its fields, metadata and features are referred to where they
 * lie, unchanged (flatbuffer offsets are relative).
 */
function bigEndianSchemaMessage(metadata: Uint8Array): Uint8Array {
  const old = new ByteBuffer(Uint8Array.from(metadata));
  const message = MessageFb.getRootAsMessage(old);
  const schema = message.header(new SchemaFb()) as SchemaFb;
  const b = new Builder(metadata.length + 256);
  b.startVector(1, metadata.length, 8);
  for (let i = metadata.length - 1; i >= 0; i--) b.writeInt8(metadata[i]);
  const copied = b.endVector() - 4; // where byte 0 of the old metadata now is
  const vectorAt = (table: { bb_pos: number }, slot: number, bb = old): number | null => {
    const o = bb.__offset(table.bb_pos, slot);
    return o ? moved(copied, bb.__vector(table.bb_pos + o) - 4) : null;
  };
  const fields = vectorAt(schema, 6);
  const schemaMetadata = vectorAt(schema, 8);
  const features = vectorAt(schema, 10);
  const messageMetadata = vectorAt(message, 12);
  SchemaFb.startSchema(b);
  SchemaFb.addEndianness(b, Endianness.Big);
  if (fields !== null) SchemaFb.addFields(b, fields);
  if (schemaMetadata !== null) SchemaFb.addCustomMetadata(b, schemaMetadata);
  if (features !== null) SchemaFb.addFeatures(b, features);
  const header = SchemaFb.endSchema(b);
  MessageFb.startMessage(b);
  MessageFb.addVersion(b, message.version());
  MessageFb.addHeaderType(b, MessageHeaderFb.Schema);
  MessageFb.addHeader(b, header);
  MessageFb.addBodyLength(b, 0n);
  if (messageMetadata !== null) MessageFb.addCustomMetadata(b, messageMetadata);
  b.finish(MessageFb.endMessage(b));
  return b.asUint8Array();
}

/** The field that declares dictionary `id`, anywhere in the schema. */
function dictionaryField(schema: SchemaFb, id: number): FieldFb {
  const visit = (f: FieldFb): FieldFb | null => {
    if (f.dictionary() && Number(f.dictionary()!.id()) === id) return f;
    for (let i = 0; i < f.childrenLength(); i++) {
      const hit = visit(f.children(i)!);
      if (hit) return hit;
    }
    return null;
  };
  for (let i = 0; i < schema.fieldsLength(); i++) {
    const hit = visit(schema.fields(i)!);
    if (hit) return hit;
  }
  throw new Error(`no field declares dictionary ${id}`);
}

/** The same data as a big-endian stream (uncompressed bodies only). */
export function toBigEndian(stream: Uint8Array): Uint8Array {
  const [first, ...rest] = ipcMessages(stream);
  const schemaMessage = MessageFb.getRootAsMessage(new ByteBuffer(Uint8Array.from(first.metadata)));
  if (schemaMessage.headerType() !== MessageHeaderFb.Schema) throw new Error('the stream does not start with a schema');
  const schema = schemaMessage.header(new SchemaFb()) as SchemaFb;
  const version = schemaMessage.version();
  const out = [{ metadata: bigEndianSchemaMessage(first.metadata), body: first.body }];
  for (const m of rest) {
    const message = Message.decode(m.metadata);
    const body = Uint8Array.from(m.body); // a copy (Buffer.slice would share the caller's bytes)
    if (message.isRecordBatch()) {
      const header = message.header() as RecordBatchHeader;
      if (header.compression) throw new Error('compressed bodies are not converted');
      const walker = new BufferWalker(body, header, version);
      for (let i = 0; i < schema.fieldsLength(); i++) walker.field(schema.fields(i)!);
    } else if (message.isDictionaryBatch()) {
      const header = message.header() as DictionaryBatchHeader;
      new BufferWalker(body, header.data, version).field(dictionaryField(schema, header.id), true);
    }
    out.push({ metadata: m.metadata, body });
  }
  return ipcStream(out);
}
