import { FlatbufferReader } from './flatbufferReader';

/** A number in an IPC file that says how long, how many or where: its position and width. */
export interface LengthField {
  at: number;
  width: 4 | 8;
  label: string;
}

// Message header types and the type tables whose int32 fields are sizes or widths (Schema.fbs).
const HEADER_SCHEMA = 1;
const HEADER_DICTIONARY = 2;
const HEADER_RECORD_BATCH = 3;
/** Type id → indexes of its int32 fields: Int bitWidth, Decimal precision/scale/bitWidth, Time bitWidth, FixedSizeBinary byteWidth, FixedSizeList listSize. */
const INT_FIELDS: Record<number, number[]> = { 2: [0], 7: [0, 1, 2], 9: [1], 15: [0], 16: [0] };
const UNION = 14;
const MAX_FIELDS = 64;
const MAX_DEPTH = 8;

/** Every length, count, offset and width in one message (metadata at `meta`, body at `body`), and the framing's length. */
function messageFields(fb: FlatbufferReader, out: LengthField[], frameLengthAt: number, meta: number, body: number): void {
  out.push({ at: frameLengthAt, width: 4, label: 'metadata length prefix' });
  const message = fb.root(meta);
  const bodyLength = fb.field(message, 3);
  if (bodyLength !== null) out.push({ at: bodyLength, width: 8, label: 'Message.bodyLength' });
  const headerType = fb.field(message, 1);
  const header = fb.field(message, 2);
  if (headerType === null || header === null) return;
  const type = fb.u8(headerType);
  if (type === HEADER_SCHEMA) schemaFields(fb, out, fb.deref(header));
  if (type === HEADER_RECORD_BATCH) batchFields(fb, out, fb.deref(header), body, 'RecordBatch');
  if (type === HEADER_DICTIONARY) {
    const dictionary = fb.deref(header);
    const id = fb.field(dictionary, 0);
    if (id !== null) out.push({ at: id, width: 8, label: 'DictionaryBatch.id' });
    const data = fb.field(dictionary, 1);
    if (data !== null) batchFields(fb, out, fb.deref(data), body, 'DictionaryBatch.data');
  }
}

function batchFields(fb: FlatbufferReader, out: LengthField[], batch: number, body: number, name: string): void {
  const length = fb.field(batch, 0);
  if (length !== null) out.push({ at: length, width: 8, label: `${name}.length` });
  const nodes = fb.field(batch, 1);
  if (nodes !== null) {
    const v = fb.vector(nodes);
    out.push({ at: v.lengthAt, width: 4, label: `${name}.nodes count` });
    for (let k = 0; k < Math.min(v.length, MAX_FIELDS); k++) {
      out.push({ at: v.first + 16 * k, width: 8, label: `${name}.nodes[${k}].length` }, { at: v.first + 16 * k + 8, width: 8, label: `${name}.nodes[${k}].null_count` });
    }
  }
  const buffers = fb.field(batch, 2);
  const compressed = fb.field(batch, 3) !== null;
  if (buffers !== null) {
    const v = fb.vector(buffers);
    out.push({ at: v.lengthAt, width: 4, label: `${name}.buffers count` });
    for (let k = 0; k < Math.min(v.length, 4 * MAX_FIELDS); k++) {
      const at = v.first + 16 * k;
      out.push({ at, width: 8, label: `${name}.buffers[${k}].offset` }, { at: at + 8, width: 8, label: `${name}.buffers[${k}].length` });
      // A compressed buffer starts with its length once decoded (int64).
      const offset = Number(fb.view.getBigInt64(at, true));
      const bytes = Number(fb.view.getBigInt64(at + 8, true));
      if (compressed && bytes >= 8 && body + offset + 8 <= fb.bytes.length) out.push({ at: body + offset, width: 8, label: `${name}.buffers[${k}] decoded length` });
    }
  }
  const variadic = fb.field(batch, 4);
  if (variadic !== null) {
    const v = fb.vector(variadic);
    out.push({ at: v.lengthAt, width: 4, label: `${name}.variadicBufferCounts count` });
    for (let k = 0; k < Math.min(v.length, MAX_FIELDS); k++) out.push({ at: v.first + 8 * k, width: 8, label: `${name}.variadicBufferCounts[${k}]` });
  }
}

function schemaFields(fb: FlatbufferReader, out: LengthField[], schema: number): void {
  const fields = fb.field(schema, 1);
  if (fields !== null) fieldList(fb, out, fields, 'schema', 0);
}

function fieldList(fb: FlatbufferReader, out: LengthField[], vectorField: number, path: string, depth: number): void {
  const v = fb.vector(vectorField);
  out.push({ at: v.lengthAt, width: 4, label: `${path} field count` });
  if (depth >= MAX_DEPTH) return;
  for (let k = 0; k < Math.min(v.length, MAX_FIELDS); k++) fieldFields(fb, out, fb.deref(v.first + 4 * k), `${path}.${k}`, depth);
}

function fieldFields(fb: FlatbufferReader, out: LengthField[], field: number, path: string, depth: number): void {
  const name = fb.field(field, 0);
  if (name !== null) out.push({ at: fb.vector(name).lengthAt, width: 4, label: `${path} name length` });
  const typeType = fb.field(field, 2);
  const type = fb.field(field, 3);
  if (typeType !== null && type !== null) {
    const id = fb.u8(typeType);
    const table = fb.deref(type);
    for (const k of INT_FIELDS[id] ?? []) {
      const at = fb.field(table, k);
      if (at !== null) out.push({ at, width: 4, label: `${path} type field ${k}` });
    }
    const typeIds = id === UNION ? fb.field(table, 1) : null;
    if (typeIds !== null) {
      const ids = fb.vector(typeIds);
      out.push({ at: ids.lengthAt, width: 4, label: `${path} union type id count` });
      for (let k = 0; k < Math.min(ids.length, MAX_FIELDS); k++) out.push({ at: ids.first + 4 * k, width: 4, label: `${path} union type id ${k}` });
    }
  }
  const dictionary = fb.field(field, 4);
  if (dictionary !== null) {
    const id = fb.field(fb.deref(dictionary), 0);
    if (id !== null) out.push({ at: id, width: 8, label: `${path} dictionary id` });
  }
  const children = fb.field(field, 5);
  if (children !== null) fieldList(fb, out, children, path, depth + 1);
}

/** The messages of a stream starting at `start`: framing length, metadata and body positions, up to end-of-stream. */
function walkMessages(fb: FlatbufferReader, out: LengthField[], start: number, end: number): number {
  let at = start;
  while (at + 8 <= end) {
    let lengthAt = at;
    if (fb.view.getInt32(at, true) === -1) lengthAt = at + 4;
    const length = fb.view.getInt32(lengthAt, true);
    if (length <= 0 || lengthAt + 4 + length > end) break;
    const meta = lengthAt + 4;
    const message = fb.root(meta);
    const bodyField = fb.field(message, 3);
    const bodyLength = bodyField === null ? 0 : Number(fb.view.getBigInt64(bodyField, true));
    messageFields(fb, out, lengthAt, meta, meta + length);
    at = meta + length + bodyLength;
  }
  return at;
}

/** Every length field of an IPC stream, or of an IPC file (its messages, footer and footer length). A malformed seed gives what was found before the damage. */
export function ipcLengthFields(bytes: Uint8Array, file: boolean): LengthField[] {
  const fb = new FlatbufferReader(bytes);
  const out: LengthField[] = [];
  try {
    if (file) fileFields(fb, out);
    else walkMessages(fb, out, 0, bytes.length);
  } catch {
    // a seed that is itself damaged (a fuzz input): keep what was found
  }
  return out.filter((f) => f.at >= 0 && f.at + f.width <= bytes.length);
}

/** An IPC file's footer length, its footer (schema and blocks) and the messages between the magic and the footer. */
function fileFields(fb: FlatbufferReader, out: LengthField[]): void {
  const footerLengthAt = fb.bytes.length - 10;
  out.push({ at: footerLengthAt, width: 4, label: 'file footer length' });
  const footerStart = footerLengthAt - fb.view.getInt32(footerLengthAt, true);
  const footer = fb.root(footerStart);
  const schema = fb.field(footer, 1);
  if (schema !== null) schemaFields(fb, out, fb.deref(schema));
  for (const [index, name] of [[2, 'dictionaries'], [3, 'recordBatches']] as const) {
    const blocks = fb.field(footer, index);
    if (blocks === null) continue;
    const v = fb.vector(blocks);
    out.push({ at: v.lengthAt, width: 4, label: `footer ${name} count` });
    for (let k = 0; k < Math.min(v.length, MAX_FIELDS); k++) {
      const at = v.first + 24 * k;
      out.push({ at, width: 8, label: `footer ${name}[${k}].offset` }, { at: at + 8, width: 4, label: `footer ${name}[${k}].metaDataLength` }, { at: at + 16, width: 8, label: `footer ${name}[${k}].bodyLength` });
    }
  }
  walkMessages(fb, out, 8, footerStart);
}
