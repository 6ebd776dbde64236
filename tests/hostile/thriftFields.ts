/**
 * Positions of the numbers in a Thrift compact-protocol struct (a Parquet footer or page header): every
 * integer, binary length and list size, by path of field ids and list indexes, so a mutation or a crafted
 * file can set one of them. The walk is bounded; it stops quietly at bytes it cannot follow.
 */
export type ThriftSlotKind = 'int' | 'binary length' | 'list size' | 'field type';

export interface ThriftSlot {
  kind: ThriftSlotKind;
  /** Field ids and list indexes from the root, e.g. [4, 0, 1, 0, 3, 9]: row_groups[0].columns[0].meta_data.data_page_offset. */
  path: number[];
  /** Where the encoded number (or list header, or field header byte) starts and ends. */
  at: number;
  end: number;
  /** List element type, for list sizes. */
  elementType?: number;
  /** The value read, for ints and lengths. */
  value?: bigint;
}

const T_BOOL_TRUE = 1;
const T_BOOL_FALSE = 2;
const T_BYTE = 3;
const T_I16 = 4;
const T_I32 = 5;
const T_I64 = 6;
const T_DOUBLE = 7;
const T_BINARY = 8;
const T_LIST = 9;
const T_SET = 10;
const T_MAP = 11;
const T_STRUCT = 12;
const MAX_DEPTH = 16;
const MAX_ITEMS = 4096;

class Walker {
  at: number;
  readonly slots: ThriftSlot[] = [];
  constructor(
    readonly bytes: Uint8Array,
    start: number,
  ) {
    this.at = start;
  }

  uvarint(): bigint {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.at >= this.bytes.length) throw new Error('end');
      const b = this.bytes[this.at++];
      value |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return value;
    }
    throw new Error('varint');
  }

  value(type: number, path: number[], depth: number): void {
    if (depth > MAX_DEPTH) throw new Error('depth');
    const start = this.at;
    switch (type) {
      case T_BOOL_TRUE:
      case T_BOOL_FALSE:
        return;
      case T_BYTE:
        this.at++;
        return;
      case T_I16:
      case T_I32:
      case T_I64: {
        const raw = this.uvarint();
        this.slots.push({ kind: 'int', path, at: start, end: this.at, value: (raw >> 1n) ^ -(raw & 1n) });
        return;
      }
      case T_DOUBLE:
        this.at += 8;
        return;
      case T_BINARY: {
        const length = this.uvarint();
        this.slots.push({ kind: 'binary length', path, at: start, end: this.at, value: length });
        this.at += Number(length);
        return;
      }
      case T_LIST:
      case T_SET: {
        const header = this.bytes[this.at++];
        const elementType = header & 0x0f;
        const size = header >> 4 === 15 ? Number(this.uvarint()) : header >> 4;
        this.slots.push({ kind: 'list size', path, at: start, end: this.at, elementType, value: BigInt(size) });
        for (let k = 0; k < Math.min(size, MAX_ITEMS); k++) this.value(elementType, [...path, k], depth + 1);
        return;
      }
      case T_MAP: {
        const size = Number(this.uvarint());
        if (size === 0) return;
        const types = this.bytes[this.at++];
        for (let k = 0; k < Math.min(size, MAX_ITEMS); k++) {
          this.value(types >> 4, [...path, k, 0], depth + 1);
          this.value(types & 0x0f, [...path, k, 1], depth + 1);
        }
        return;
      }
      case T_STRUCT:
        this.struct(path, depth + 1);
        return;
      default:
        throw new Error(`type ${type}`);
    }
  }

  struct(path: number[], depth: number): void {
    let id = 0;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('end');
      const headerAt = this.at;
      const header = this.bytes[this.at++];
      if (header === 0) return;
      const type = header & 0x0f;
      if (header >> 4) id += header >> 4;
      else {
        const raw = this.uvarint();
        id = Number((raw >> 1n) ^ -(raw & 1n));
      }
      this.slots.push({ kind: 'field type', path: [...path, id], at: headerAt, end: headerAt + 1 });
      this.value(type, [...path, id], depth);
    }
  }
}

/** The slots of the struct starting at `start`, and where it ends (or where the walk stopped). */
export function thriftSlots(bytes: Uint8Array, start = 0): { slots: ThriftSlot[]; end: number } {
  const walker = new Walker(bytes, start);
  try {
    walker.struct([], 0);
  } catch {
    // damaged or deeper than the walk goes: keep what was found
  }
  return { slots: walker.slots, end: walker.at };
}

/** The compact encoding of an unsigned varint. */
export function uvarint(value: bigint): Uint8Array {
  const out: number[] = [];
  let v = BigInt.asUintN(64, value);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Uint8Array.from(out);
}

/** The compact encoding of a signed integer (zigzag, then varint). */
export const zigzag = (value: bigint): Uint8Array => uvarint(BigInt.asUintN(64, (value << 1n) ^ (value >> 63n)));

/** A list header of `size` elements of `elementType`. */
export const listHeader = (size: bigint, elementType: number): Uint8Array =>
  size < 15n ? Uint8Array.of((Number(size) << 4) | elementType) : Uint8Array.of(0xf0 | elementType, ...uvarint(size));

/** `bytes` with [at, end) replaced by `replacement`. */
export function splice(bytes: Uint8Array, at: number, end: number, replacement: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (end - at) + replacement.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(replacement, at);
  out.set(bytes.subarray(end), at + replacement.length);
  return out;
}

/** The new encoding of a slot holding `value`: an int as zigzag, a length as a varint, a list size in its header. */
export function encodeSlot(slot: ThriftSlot, value: bigint): Uint8Array {
  if (slot.kind === 'int') return zigzag(value);
  if (slot.kind === 'binary length') return uvarint(value);
  return listHeader(BigInt.asUintN(64, value) > 0xffffffffn ? 0xffffffffn : BigInt.asUintN(32, value), slot.elementType ?? T_STRUCT);
}
