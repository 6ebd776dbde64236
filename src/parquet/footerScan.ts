/**
 * A walk over a Parquet footer's Thrift compact encoding, without recursion and before hyparquet
 * decodes it (hyparquet recurses once per nested struct or list and trusts every count and type):
 * nesting bounded, every length and count inside the bytes left, and the fields hyparquet relies
 * on present and of the kind it expects. Returns the first problem as a sentence, or null.
 */

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

interface FieldSpec {
  name: string;
  /** Wire types accepted (integers of 32 bits or fewer share one encoding). */
  types: readonly number[];
  required?: boolean;
  /** Struct fields: the struct's own spec; list fields: their elements' spec (lists of structs). */
  spec?: StructSpec;
  /** Elements of a list field, and how one is named ("row group 3"). */
  element?: { types: readonly number[]; label?: string };
}
interface StructSpec {
  fields: Record<number, FieldSpec>;
}

const INT = [I16, I32];
const KEY_VALUE: StructSpec = { fields: { 1: { name: 'key', types: [BINARY] }, 2: { name: 'value', types: [BINARY] } } };
const COLUMN_META: StructSpec = {
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
    12: { name: 'statistics', types: [STRUCT] },
    13: { name: 'encoding_stats', types: [LIST], element: { types: [STRUCT] } },
    14: { name: 'bloom_filter_offset', types: [I64] },
    15: { name: 'bloom_filter_length', types: INT },
  },
};
const COLUMN_CHUNK: StructSpec = {
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
  fields: {
    1: { name: 'columns', types: [LIST], required: true, spec: COLUMN_CHUNK, element: { types: [STRUCT], label: 'column chunk' } },
    2: { name: 'total_byte_size', types: [I64] },
    3: { name: 'num_rows', types: [I64], required: true },
    4: { name: 'sorting_columns', types: [LIST], element: { types: [STRUCT] } },
    5: { name: 'file_offset', types: [I64] },
    6: { name: 'total_compressed_size', types: [I64] },
    7: { name: 'ordinal', types: INT },
  },
};
const SCHEMA_ELEMENT: StructSpec = {
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
    2: { name: 'schema', types: [LIST], required: true, spec: SCHEMA_ELEMENT, element: { types: [STRUCT], label: 'schema element' } },
    3: { name: 'num_rows', types: [I64], required: true },
    4: { name: 'row_groups', types: [LIST], required: true, spec: ROW_GROUP, element: { types: [STRUCT], label: 'row group' } },
    5: { name: 'key_value_metadata', types: [LIST], spec: KEY_VALUE, element: { types: [STRUCT], label: 'key-value entry' } },
    6: { name: 'created_by', types: [BINARY] },
    7: { name: 'column_orders', types: [LIST], element: { types: [STRUCT] } },
  },
};

interface StructFrame {
  kind: 'struct';
  spec?: StructSpec;
  label: string;
  lastId: number;
  seen: Set<number>;
}
interface ListFrame {
  kind: 'list';
  label: string;
  /** Label of the struct holding the list: named elements ("row group 3") are named from there. */
  parent: string;
  /** Element wire types of a map alternate key, value: both listed. */
  types: number[];
  count: number;
  next: number;
  spec?: StructSpec;
  elementLabel?: string;
}
type Frame = StructFrame | ListFrame;

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

/** Walks `bytes` (the Thrift FileMetaData alone) and throws a FooterProblem for the first thing hyparquet could not read safely. */
export function scanFooter(bytes: Uint8Array): void {
  scanThrift(bytes, FILE_META);
}

/**
 * Walks one Thrift compact struct at the start of `bytes` (a footer, a page header) within the
 * same bounds, its fields checked against `spec` where given; returns the bytes it takes.
 */
export function scanThrift(bytes: Uint8Array, spec?: StructSpec): number {
  let at = 0;
  const need = (n: number, what: string) => {
    if (at + n > bytes.length) throw new FooterProblem(`it ends inside ${what}`, at);
  };
  const varint = (what: string): bigint => {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      need(1, what);
      const byte = bytes[at++];
      value |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
    }
    throw new FooterProblem(`${what} is a number longer than 10 bytes`, at);
  };
  const smallVarint = (what: string): number => {
    const start = at;
    const value = varint(what);
    if (value > 0x7fffffffn) throw new FooterProblem(`${what} is ${value}, more than a count can be`, start);
    return Number(value);
  };
  const stack: Frame[] = [{ kind: 'struct', spec, label: '', lastId: 0, seen: new Set() }];

  /** Reads one value of wire type `type`; a container is pushed and read by the loop. */
  const value = (type: number, label: string, parent: string, field?: FieldSpec, inList = false) => {
    switch (type) {
      case TRUE:
      case FALSE:
        if (inList) {
          need(1, label);
          at++;
        }
        return;
      case BYTE:
        need(1, label);
        at++;
        return;
      case I16:
      case I32:
      case I64:
        varint(label);
        return;
      case DOUBLE:
        need(8, label);
        at += 8;
        return;
      case BINARY: {
        const start = at;
        const length = smallVarint(label);
        if (at + length > bytes.length) throw new FooterProblem(`${label} claims ${length.toLocaleString('en-US')} bytes where ${(bytes.length - at).toLocaleString('en-US')} remain`, start);
        at += length;
        return;
      }
      case LIST:
      case SET:
      case MAP: {
        const start = at;
        let count: number;
        let types: number[];
        if (type === MAP) {
          count = smallVarint(label);
          if (count > 0) {
            need(1, label);
            const kv = bytes[at++];
            types = [kv >> 4, kv & 0x0f];
          } else types = [];
          count *= 2;
        } else {
          need(1, label);
          const header = bytes[at++];
          count = header >> 4;
          if (count === 15) count = smallVarint(label);
          types = [header & 0x0f];
        }
        // Every element takes a byte at least (a boolean, an empty struct's STOP).
        if (count > bytes.length - at) {
          throw new FooterProblem(`${label} claims ${count.toLocaleString('en-US')} elements where ${(bytes.length - at).toLocaleString('en-US')} bytes remain`, start);
        }
        const element = field?.element;
        if (element && count > 0 && !element.types.includes(types[0])) {
          throw new FooterProblem(`${label} holds elements of another kind (${KIND[types[0]] ?? `unknown type ${types[0]}`}, where ${KIND[element.types[0]]} belongs)`, start);
        }
        stack.push({ kind: 'list', label, parent, types, count, next: 0, spec: field?.spec, elementLabel: element?.label });
        return;
      }
      case STRUCT:
        stack.push({ kind: 'struct', spec: field?.spec, label, lastId: 0, seen: new Set() });
        return;
      default:
        throw new FooterProblem(`${label} has an unknown Thrift type (${type})`, at - 1);
    }
  };

  while (stack.length) {
    if (stack.length > MAX_THRIFT_DEPTH) {
      throw new FooterProblem(`its structures nest deeper than ${MAX_THRIFT_DEPTH} levels (no Parquet writer nests more than about 10), so it is not read`, at);
    }
    const top = stack[stack.length - 1];
    if (top.kind === 'list') {
      if (top.next === top.count) {
        stack.pop();
        continue;
      }
      const i = top.next++;
      const label = top.elementLabel ? joined(top.parent, `${top.elementLabel} ${i}`) : `${top.label}[${i}]`;
      value(top.types[i % top.types.length], label, label, top.spec ? { name: '', types: [STRUCT], spec: top.spec } : undefined, true);
      continue;
    }
    const start = at;
    need(1, top.label || 'the footer');
    const header = bytes[at++];
    const type = header & 0x0f;
    if (type === STOP) {
      for (const [id, f] of Object.entries(top.spec?.fields ?? {})) {
        if (f.required && !top.seen.has(Number(id))) throw new FooterProblem(`${top.label || 'the file metadata'} has no ${f.name} (field ${id})`, start);
      }
      stack.pop();
      continue;
    }
    const delta = header >> 4;
    if (delta) top.lastId += delta;
    else {
      const zigzag = varint('a field id');
      top.lastId = Number((zigzag >> 1n) ^ -(zigzag & 1n));
    }
    const id = top.lastId;
    top.seen.add(id);
    const field = top.spec?.fields[id];
    const label = joined(top.label, field ? field.name : `field ${id}`);
    if (field && !field.types.includes(type) && !(field.types.includes(TRUE) && type === FALSE)) {
      throw new FooterProblem(`${label} (field ${id}) is ${KIND[type] ?? `of unknown type ${type}`} where ${KIND[field.types[0]]} belongs`, start);
    }
    value(type, label, top.label, field);
  }
  return at;
}
