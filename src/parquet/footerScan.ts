/**
 * A walk over a Parquet footer's Thrift compact encoding, without recursion: nesting bounded, every
 * length and count inside the bytes left, and the fields hyparquet relies on present and of the kind it
 * expects (hyparquet recurses once per nested struct or list and trusts every count and type). The same
 * walk indexes the row groups (footerIndex.ts): per row group its rows, bytes and where its struct lies,
 * so that hyparquet decodes one row group only when it is read. Throws the first problem as a FooterProblem.
 */
import { RowGroupIndexBuilder, type RowGroupIndex } from './rowGroupIndex';

/** Structs and lists nested in one another at most: Thrift C++ (and so pyarrow) stops at 64 too. */
export const MAX_THRIFT_DEPTH = 64;

const STOP = 0;
const TRUE = 1;
const FALSE = 2;
const BYTE = 3;
const I16 = 4;
const I32 = 5;
const I64 = 6;
const DOUBLE = 7;
const BINARY = 8;
const LIST = 9;
const SET = 10;
const MAP = 11;
const STRUCT = 12;

const KIND: Record<number, string> = {
  [TRUE]: 'a boolean',
  [FALSE]: 'a boolean',
  [BYTE]: 'a byte',
  [I16]: 'an integer',
  [I32]: 'an integer',
  [I64]: 'a 64-bit integer',
  [DOUBLE]: 'a double',
  [BINARY]: 'a string',
  [LIST]: 'a list',
  [SET]: 'a set',
  [MAP]: 'a map',
  [STRUCT]: 'a struct',
};

/** What the index records from a struct (its fields' numbers, its extent). */
const Role = { None: 0, SchemaElement: 1, RowGroup: 2, ColumnChunk: 3, ColumnMeta: 4 } as const;
/** Which list the index counts. */
const ListRole = { None: 0, Schema: 1, RowGroups: 2, Columns: 3, ColumnOrders: 4 } as const;

interface FieldSpec {
  name: string;
  /** Wire types accepted (integers of 32 bits or fewer share one encoding). */
  types: readonly number[];
  required?: boolean;
  /** Struct fields: the struct's own spec; list fields: their elements' spec (lists of structs). */
  spec?: StructSpec;
  /** Elements of a list field, and how one is named ("row group 3"). */
  element?: { types: readonly number[]; label?: string };
  listRole?: number;
}
interface StructSpec {
  fields: Record<number, FieldSpec>;
  role?: number;
  /** Ids of the required fields, ascending (made from `fields`). */
  required?: number[];
  /** Per field id below 32, the wire types accepted as bits (0: any); made from `fields`. */
  accept?: Int32Array;
}

const INT = [I16, I32];
const KEY_VALUE: StructSpec = { fields: { 1: { name: 'key', types: [BINARY] }, 2: { name: 'value', types: [BINARY] } } };
const ANY_INT = [I16, I32, I64];
/** hyparquet converts min/max by the column's type: anything but bytes there makes it throw. */
const STATISTICS: StructSpec = {
  fields: {
    1: { name: 'max', types: [BINARY] },
    2: { name: 'min', types: [BINARY] },
    3: { name: 'null_count', types: ANY_INT },
    4: { name: 'distinct_count', types: ANY_INT },
    5: { name: 'max_value', types: [BINARY] },
    6: { name: 'min_value', types: [BINARY] },
  },
};
const COLUMN_META: StructSpec = {
  role: Role.ColumnMeta,
  fields: {
    1: { name: 'type', types: INT, required: true },
    2: { name: 'encodings', types: [LIST], element: { types: INT } },
    3: { name: 'path_in_schema', types: [LIST], required: true, element: { types: [BINARY] } },
    4: { name: 'codec', types: INT },
    5: { name: 'num_values', types: [I64] },
    6: { name: 'total_uncompressed_size', types: [I64] },
    7: { name: 'total_compressed_size', types: [I64] },
    8: { name: 'key_value_metadata', types: [LIST], spec: KEY_VALUE, element: { types: [STRUCT] } },
    9: { name: 'data_page_offset', types: [I64] },
    10: { name: 'index_page_offset', types: [I64] },
    11: { name: 'dictionary_page_offset', types: [I64] },
    12: { name: 'statistics', types: [STRUCT], spec: STATISTICS },
    13: { name: 'encoding_stats', types: [LIST], element: { types: [STRUCT] } },
    14: { name: 'bloom_filter_offset', types: [I64] },
    15: { name: 'bloom_filter_length', types: INT },
  },
};
const COLUMN_CHUNK: StructSpec = {
  role: Role.ColumnChunk,
  fields: {
    1: { name: 'file_path', types: [BINARY] },
    2: { name: 'file_offset', types: [I64] },
    3: { name: 'meta_data', types: [STRUCT], spec: COLUMN_META },
    4: { name: 'offset_index_offset', types: [I64] },
    5: { name: 'offset_index_length', types: INT },
    6: { name: 'column_index_offset', types: [I64] },
    7: { name: 'column_index_length', types: INT },
  },
};
const ROW_GROUP: StructSpec = {
  role: Role.RowGroup,
  fields: {
    1: { name: 'columns', types: [LIST], required: true, spec: COLUMN_CHUNK, element: { types: [STRUCT], label: 'column chunk' }, listRole: ListRole.Columns },
    2: { name: 'total_byte_size', types: [I64] },
    3: { name: 'num_rows', types: [I64], required: true },
    4: { name: 'sorting_columns', types: [LIST], element: { types: [STRUCT] } },
    5: { name: 'file_offset', types: [I64] },
    6: { name: 'total_compressed_size', types: [I64] },
    7: { name: 'ordinal', types: INT },
  },
};
const SCHEMA_ELEMENT: StructSpec = {
  role: Role.SchemaElement,
  fields: {
    1: { name: 'type', types: INT },
    2: { name: 'type_length', types: INT },
    3: { name: 'repetition_type', types: INT },
    4: { name: 'name', types: [BINARY], required: true },
    5: { name: 'num_children', types: INT },
    6: { name: 'converted_type', types: INT },
    7: { name: 'scale', types: INT },
    8: { name: 'precision', types: INT },
    9: { name: 'field_id', types: INT },
    10: { name: 'logicalType', types: [STRUCT] },
  },
};
const FILE_META: StructSpec = {
  fields: {
    1: { name: 'version', types: INT },
    2: { name: 'schema', types: [LIST], required: true, spec: SCHEMA_ELEMENT, element: { types: [STRUCT], label: 'schema element' }, listRole: ListRole.Schema },
    3: { name: 'num_rows', types: [I64], required: true },
    4: { name: 'row_groups', types: [LIST], required: true, spec: ROW_GROUP, element: { types: [STRUCT], label: 'row group' }, listRole: ListRole.RowGroups },
    5: { name: 'key_value_metadata', types: [LIST], spec: KEY_VALUE, element: { types: [STRUCT], label: 'key-value entry' } },
    6: { name: 'created_by', types: [BINARY] },
    7: { name: 'column_orders', types: [LIST], element: { types: [STRUCT] }, listRole: ListRole.ColumnOrders },
  },
};


/** One open struct or list; frames are kept per depth and reused (a million row groups make none). */
interface Frame {
  list: boolean;
  spec?: StructSpec;
  role: number;
  /** Struct: the last field id read, and the ids below 32 seen (a bit each). */
  lastId: number;
  seen: number;
  /** List: elements, the next one, their wire types (a map's alternate key, value). */
  count: number;
  next: number;
  type0: number;
  type1: number;
  listRole: number;
  elementLabel?: string;
  /** How this frame was entered: field `fromId` of the struct below, or element `fromIndex` of the list below. */
  fromId: number;
  fromIndex: number;
}

const newFrame = (): Frame => ({ list: false, role: 0, lastId: 0, seen: 0, count: 0, next: 0, type0: 0, type1: 0, listRole: 0, fromId: 0, fromIndex: 0 });

/** A problem found at a byte of the footer. */
export class FooterProblem extends Error {
  constructor(
    message: string,
    /** Offset within the footer's bytes. */
    readonly at: number,
  ) {
    super(message);
  }
}

const joined = (a: string, b: string): string => (a ? `${a}, ${b}` : b);
/** Not a field or element: the id in a field header itself. */
const FIELD_ID = -Infinity;

for (const spec of [KEY_VALUE, STATISTICS, COLUMN_META, COLUMN_CHUNK, ROW_GROUP, SCHEMA_ELEMENT, FILE_META]) {
  spec.required = Object.entries(spec.fields)
    .filter(([, f]) => f.required)
    .map(([id]) => Number(id))
    .sort((a, b) => a - b);
  spec.accept = new Int32Array(32);
  for (const [id, f] of Object.entries(spec.fields)) {
    for (const t of f.types) spec.accept[Number(id)] |= (1 << t) | (t === TRUE ? 1 << FALSE : 0);
  }
}

/**
 * Walks `bytes` (the Thrift FileMetaData alone), throws a FooterProblem for the first thing hyparquet
 * could not read safely, and returns the row groups' index. `dataEnd` is where the file's data ends
 * (the footer's first byte): column chunks past it are marked for footerChecks.ts.
 */
export function scanFooter(bytes: Uint8Array, dataEnd = Infinity): RowGroupIndex {
  const index = new RowGroupIndexBuilder(dataEnd);
  walk(bytes, FILE_META, index);
  return index.done();
}

/**
 * Walks one Thrift compact struct at the start of `bytes` (a footer, a page header) within the
 * same bounds, its fields checked against `spec` where given; returns the bytes it takes.
 */
export function scanThrift(bytes: Uint8Array, spec?: StructSpec): number {
  return walk(bytes, spec);
}

function walk(bytes: Uint8Array, rootSpec: StructSpec | undefined, index?: RowGroupIndexBuilder): number {
  const length = bytes.length;
  let at = 0;
  const frames: Frame[] = [];
  let depth = 0;

  /** Labels of the frames up to `top`, built only for a sentence. */
  const labels = (top: number): { label: string[]; parent: string[] } => {
    const label: string[] = [];
    const parent: string[] = [];
    for (let d = 0; d <= top; d++) {
      const f = frames[d];
      if (d === 0) label.push('');
      else {
        const below = frames[d - 1];
        if (!below.list) label.push(joined(label[d - 1], fieldName(below.spec, f.fromId)));
        else label.push(elementName(below, parent[d - 1], label[d - 1], f.fromIndex));
      }
      // A list's named elements are named from the struct holding it (or from the element it is).
      parent.push(f.list && d > 0 && !frames[d - 1].list ? label[d - 1] : label[d]);
    }
    return { label, parent };
  };
  const fieldName = (spec: StructSpec | undefined, id: number) => spec?.fields[id]?.name ?? `field ${id}`;
  const elementName = (list: Frame, parent: string, label: string, i: number) => (list.elementLabel ? joined(parent, `${list.elementLabel} ${i}`) : `${label}[${i}]`);
  /** The label of what is being read now: element `i` of the top list, or field `id` of the top struct. */
  const currentLabel = (id: number): string => {
    const { label, parent } = labels(depth - 1);
    const top = frames[depth - 1];
    return top.list ? elementName(top, parent[depth - 1], label[depth - 1], id) : joined(label[depth - 1], fieldName(top.spec, id));
  };
  const topLabel = (): string => labels(depth - 1).label[depth - 1];

  // Numbers and lengths are read for field `id` of the top struct or element `id` of the top list, named
  // only in a sentence (FIELD_ID: a field header's own id); no label or closure is made per value.
  const what = (id: number): string => (id === FIELD_ID ? 'a field id' : currentLabel(id));
  const endsInside = (id: number) => new FooterProblem(`it ends inside ${what(id)}`, at);
  /** An unsigned varint as a number (exact below 2^53; larger ones only need to be known as large). */
  const varint = (id: number): number => {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (at >= length) throw endsInside(id);
      const byte = bytes[at++];
      value += (byte & 0x7f) * scale;
      if (!(byte & 0x80)) return value;
      scale *= 128;
    }
    throw new FooterProblem(`${what(id)} is a number longer than 10 bytes`, at);
  };
  const exactVarint = (from: number): bigint => {
    let value = 0n;
    for (let i = from, shift = 0n; i < length; i++, shift += 7n) {
      value |= BigInt(bytes[i] & 0x7f) << shift;
      if (!(bytes[i] & 0x80)) break;
    }
    return value;
  };
  const smallVarint = (id: number): number => {
    const start = at;
    const value = varint(id);
    if (value > 0x7fffffff) throw new FooterProblem(`${what(id)} is ${exactVarint(start)}, more than a count can be`, start);
    return value;
  };
  const zigzag = (u: number): number => (u % 2 === 0 ? u / 2 : -(u + 1) / 2);

  const push = (list: boolean, spec: StructSpec | undefined, fromId: number, fromIndex: number): Frame => {
    if (depth === frames.length) frames.push(newFrame());
    const f = frames[depth++];
    f.list = list;
    f.spec = spec;
    f.role = list ? 0 : (index && spec?.role) || 0;
    f.lastId = 0;
    f.seen = 0;
    f.listRole = 0;
    f.elementLabel = undefined;
    f.fromId = fromId;
    f.fromIndex = fromIndex;
    return f;
  };

  /**
   * Reads one value of wire type `type` (field `id` of the top struct, or element `id` of the top
   * list); a container is pushed and read by the loop.
   */
  const value = (type: number, id: number, field: FieldSpec | undefined, inList: boolean, elementSpec?: StructSpec) => {
    switch (type) {
      case TRUE:
      case FALSE:
        if (inList) {
          if (at >= length) throw endsInside(id);
          at++;
        }
        return;
      case BYTE:
        if (at >= length) throw endsInside(id);
        at++;
        return;
      case I16:
      case I32:
      case I64:
        varint(id);
        return;
      case DOUBLE:
        if (at + 8 > length) throw endsInside(id);
        at += 8;
        return;
      case BINARY: {
        const start = at;
        const n = smallVarint(id);
        if (at + n > length) throw new FooterProblem(`${currentLabel(id)} claims ${n.toLocaleString('en-US')} bytes where ${(length - at).toLocaleString('en-US')} remain`, start);
        at += n;
        return;
      }
      case LIST:
      case SET:
      case MAP: {
        const start = at;
        let count: number;
        let type0 = 0;
        let type1 = 0;
        if (type === MAP) {
          count = smallVarint(id);
          if (count > 0) {
            if (at >= length) throw endsInside(id);
            const kv = bytes[at++];
            type0 = kv >> 4;
            type1 = kv & 0x0f;
          }
          count *= 2;
        } else {
          if (at >= length) throw endsInside(id);
          const header = bytes[at++];
          count = header >> 4;
          if (count === 15) count = smallVarint(id);
          type0 = type1 = header & 0x0f;
        }
        // Every element takes a byte at least (a boolean, an empty struct's STOP).
        if (count > length - at) {
          throw new FooterProblem(`${currentLabel(id)} claims ${count.toLocaleString('en-US')} elements where ${(length - at).toLocaleString('en-US')} bytes remain`, start);
        }
        const element = field?.element;
        if (element && count > 0 && !element.types.includes(type0)) {
          throw new FooterProblem(`${currentLabel(id)} holds elements of another kind (${KIND[type0] ?? `unknown type ${type0}`}, where ${KIND[element.types[0]]} belongs)`, start);
        }
        const f = push(true, field?.spec, inList ? 0 : id, inList ? id : 0);
        f.count = count;
        f.next = 0;
        f.type0 = type0;
        f.type1 = type1;
        f.elementLabel = element?.label;
        if (index && field?.listRole) {
          f.listRole = field.listRole;
          index.listStart(field.listRole, count, start);
        }
        return;
      }
      case STRUCT: {
        const f = push(false, inList ? elementSpec : field?.spec, inList ? 0 : id, inList ? id : 0);
        if (f.role) index!.open(f.role, at);
        return;
      }
      default:
        throw new FooterProblem(`${currentLabel(id)} has an unknown Thrift type (${type})`, at - 1);
    }
  };

  push(false, rootSpec, 0, 0);
  if (frames[0].role) index!.open(frames[0].role, 0);
  while (depth) {
    if (depth > MAX_THRIFT_DEPTH) {
      throw new FooterProblem(`its structures nest deeper than ${MAX_THRIFT_DEPTH} levels (no Parquet writer nests more than about 10), so it is not read`, at);
    }
    const top = frames[depth - 1];
    if (top.list) {
      if (top.next === top.count) {
        if (top.listRole) index!.listEnd(top.listRole, at);
        depth--;
        continue;
      }
      const i = top.next++;
      value(i % 2 === 0 ? top.type0 : top.type1, i, undefined, true, top.spec);
      continue;
    }
    const start = at;
    if (at >= length) throw new FooterProblem(`it ends inside ${topLabel() || 'the footer'}`, at);
    const header = bytes[at++];
    const type = header & 0x0f;
    const spec = top.spec;
    if (type === STOP) {
      if (spec?.required) {
        for (const id of spec.required) {
          if (!(top.seen & (1 << id))) throw new FooterProblem(`${topLabel() || 'the file metadata'} has no ${spec.fields[id].name} (field ${id})`, start);
        }
      }
      if (top.role) index!.close(top.role, top.seen, at);
      depth--;
      continue;
    }
    const delta = header >> 4;
    if (delta) top.lastId += delta;
    else top.lastId = zigzag(varint(FIELD_ID));
    const id = top.lastId;
    if (id >= 0 && id < 31) top.seen |= 1 << id;
    // Every field a spec names has an id below 32: a bit test per field, not a search.
    const accept = spec?.accept && id >= 0 && id < 32 ? spec.accept[id] : 0;
    if (accept && !((accept >> type) & 1)) {
      throw new FooterProblem(`${currentLabel(id)} (field ${id}) is ${KIND[type] ?? `of unknown type ${type}`} where ${KIND[spec!.fields[id].types[0]]} belongs`, start);
    }
    if (top.role && (type === I64 || type === I32 || type === I16)) {
      const n = zigzag(varint(id));
      index!.value(top.role, id, n);
      continue;
    }
    value(type, id, accept ? spec!.fields[id] : undefined, false);
  }
  return at;
}
