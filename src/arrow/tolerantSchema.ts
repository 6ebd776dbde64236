import * as flatbuffers from 'flatbuffers';
import { Endianness, FileBlock, MessageFb, FooterFb, SchemaFb, type FieldFb, TypeFb, UnionFb, UnionModeFb as UnionMode } from '../adapters/apacheArrowInternals';
import { Field, Null, Schema, type DataType } from 'apache-arrow';
import { DICTIONARY_INDICES, ownBuffers } from './bufferLayout';
import { customMetadata } from '../valueText/metadataText';
import { decodeField, SchemaFieldError, vectorTooLong } from './decodeField';
import { invalidType } from './typeValidity';

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

/**
 * Levels of nested fields decoded from a schema. Decoding, naming and showing a type recurse per
 * level (apache-arrow's decoder, type names, the views); 250 levels pass with a fifth of V8's
 * default stack, so this leaves room. Arrow C++ refuses schemas past 64 levels.
 */
export const MAX_SCHEMA_DEPTH = 200;
/** Fields under one column decoded at most (a flatbuffer can point many children at one table). */
export const MAX_COLUMN_FIELDS = 1_000_000;

interface FieldShape {
  /** Set when a field lists more children or metadata entries than the flatbuffer can hold. */
  damaged?: string;
  /** Set when its dictionaries contradict one another or the schema's earlier columns (the walk goes on: its layout stays known). */
  conflict?: string;
  /** Levels, 1 for a field without children (counting stops past the limits). */
  depth: number;
  fields: number;
  /** Field nodes and buffers the subtree occupies in a record batch. */
  nodes: number;
  buffers: number;
}

/**
 * Depth, size and batch layout of a raw field tree, walked without recursion. Past
 * MAX_COLUMN_FIELDS the walk stops and the layout is unknown (Infinity: later columns cannot be
 * placed in a batch either).
 */
function fieldShape(root: FieldFb, metadataVersion: number, dictionaryTypes: Map<number, TypeFb>): FieldShape {
  const shape: FieldShape = { depth: 0, fields: 0, nodes: 0, buffers: 0 };
  // [field, depth, counted in the batch layout, ids of the dictionaries it lies inside]: a dictionary's values live in dictionary batches.
  const stack: [FieldFb, number, boolean, readonly number[]][] = [[root, 1, true, []]];
  while (stack.length) {
    const [f, depth, counted, inside] = stack.pop()!;
    shape.depth = Math.max(shape.depth, depth);
    shape.fields++;
    if (shape.fields > MAX_COLUMN_FIELDS) return { ...shape, nodes: Infinity, buffers: Infinity };
    const encoding = f.dictionary();
    const dictionary = encoding !== null;
    const id = encoding ? Number(encoding.id()) : -1;
    if (encoding) shape.conflict ??= dictionaryConflict(id, f.typeType(), inside, dictionaryTypes) ?? undefined;
    if (counted) {
      shape.nodes++;
      const dense = f.typeType() === TypeFb.Union && (f.type(new UnionFb()) as UnionFb | null)?.mode() === UnionMode.Dense;
      // View types' variadic buffers would need per-batch counts; they are not added here.
      shape.buffers += dictionary ? ownBuffers(DICTIONARY_INDICES, metadataVersion) : ownBuffers(f.typeType(), metadataVersion, dense);
    }
    const children = f.childrenLength();
    const damaged = vectorTooLong(f, children, 'children') ?? vectorTooLong(f, f.customMetadataLength(), 'metadata entries');
    if (damaged) return { ...shape, damaged, nodes: Infinity, buffers: Infinity };
    for (let i = 0; i < children; i++) {
      const child = f.children(i);
      // Flatbuffer offsets are unsigned: a child table lies after its parent. One before it (a damaged
      // offset read as negative) can point back at an ancestor, a tree without end.
      if (child && child.bb_pos <= f.bb_pos) return { ...shape, damaged: `a child field points back before it in the schema's bytes`, nodes: Infinity, buffers: Infinity };
      if (child) stack.push([child, depth + 1, counted && !dictionary, dictionary ? [...inside, id] : inside]);
    }
  }
  return shape;
}

/**
 * Why a dictionary-encoded field contradicts the schema, or null. apache-arrow keeps the first value
 * type declared for an id and silently reads later fields of that id in it; pyarrow refuses the file
 * ("Conflicting dictionary types"). A dictionary whose values use the same id again never ends.
 */
function dictionaryConflict(id: number, valueType: TypeFb, inside: readonly number[], dictionaryTypes: Map<number, TypeFb>): string | null {
  if (inside.includes(id)) return `the values of dictionary ${id} are encoded with dictionary ${id} itself`;
  const declared = dictionaryTypes.get(id);
  if (declared === undefined) dictionaryTypes.set(id, valueType);
  else if (declared !== valueType) return `dictionary ${id} is declared with values of two types (${typeName(declared)} and ${typeName(valueType)})`;
  return null;
}

/** Why a field is not decoded at all, or null when it is within the limits. */
function beyondLimits(shape: FieldShape): string | null {
  if (shape.damaged) return `its description in the schema is damaged (${shape.damaged})`;
  if (shape.conflict) return `its dictionaries are inconsistent: ${shape.conflict}`;
  if (shape.depth > MAX_SCHEMA_DEPTH) return `nesting deeper than ${MAX_SCHEMA_DEPTH} levels is not shown`;
  if (shape.fields > MAX_COLUMN_FIELDS) return `a column of more than ${MAX_COLUMN_FIELDS.toLocaleString('en-US')} nested fields is not shown`;
  return null;
}

/** A type id the flatbuffer does not hold (its offset points outside the schema's bytes) reads as undefined. */
const unknownType = (t: TypeFb | undefined) => (Number.isInteger(t) ? `type ${t}` : 'unreadable');

function typeName(t: TypeFb | undefined): string {
  return (t !== undefined && TypeFb[t]) || unknownType(t);
}

/** The outer type of a field not decoded, in pyarrow's spelling of its family ("struct", "large_list"). */
function outerTypeName(t: TypeFb | undefined): string {
  const name = t !== undefined && TypeFb[t];
  return name ? name.replace(/_$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() : unknownType(t);
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
  const dictionaryTypes = new Map<number, TypeFb>();
  const damaged = vectorTooLong(fb, fb.fieldsLength(), 'fields') ?? vectorTooLong(fb, fb.customMetadataLength(), 'metadata entries');
  if (damaged) throw new Error(`the schema is damaged: ${damaged}`);
  for (let i = 0; i < fb.fieldsLength(); i++) {
    const f = fb.fields(i)!;
    const shape = fieldShape(f, metadataVersion, dictionaryTypes);
    const stop = (typeName: string, reason: string) => {
      fields.push(new Field(f.name() ?? '', new Null(), f.nullable(), customMetadata(f)));
      unsupported.set(i, { typeName, reason, nodes: shape.nodes, buffers: shape.buffers });
    };
    const limit = beyondLimits(shape);
    if (limit) {
      stop(outerTypeName(f.typeType()), limit);
      continue;
    }
    let field: Field;
    try {
      field = decodeField(f, dictionaries);
    } catch (e) {
      // The engine's own refusals say what is wrong; apache-arrow's words ("Unrecognized type") are not shown.
      const why = e instanceof SchemaFieldError ? ` (${e.message})` : '';
      stop(typeName(f.typeType()), `its type (${typeName(f.typeType())}) cannot be decoded by this version of Arrowscope: it is newer, or its description in the schema is damaged${why}`);
      continue;
    }
    const invalid = invalidType(field.type);
    if (invalid) stop(typeName(f.typeType()), `its type is not a valid Arrow type (${invalid})`);
    else fields.push(field);
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
  const blocks = (n: number, get: (i: number) => Parameters<typeof FileBlock.decode>[0] | null) => {
    // A block is a 24-byte struct.
    if (n * 24 > bytes.length) throw new Error(`it lists ${n.toLocaleString('en-US')} blocks, more than its ${bytes.length.toLocaleString('en-US')} bytes can hold`);
    return Array.from({ length: n }, (_, i) => FileBlock.decode(get(i)!));
  };
  return {
    ...decodeSchemaTolerant(schema, fb.version()),
    metadataVersion: fb.version(),
    recordBatches: blocks(fb.recordBatchesLength(), (i) => fb.recordBatches(i)),
    dictionaryBatches: blocks(fb.dictionariesLength(), (i) => fb.dictionaries(i)),
  };
}
