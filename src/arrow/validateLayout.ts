import { DateUnit, IntervalUnit, Precision, Type, type DataType, type Dictionary } from 'apache-arrow';
import type { BufferRegion } from '../adapters/apacheArrowInternals';
import type { ColumnPlace, LayoutArray, LayoutBuffer } from './columnLayout';
import { LargeListViewType, ListViewType } from './decodedTypes';
import { firstDecrease } from './offsetOrder';

// Integers grouped by hand, as en-US does: the phrases are built for every column loaded, and the first
// toLocaleString of a thread loads ICU's number formats (~35 ms, in the command's thread and each pool thread).
const n = (x: number): string => (Number.isSafeInteger(x) ? String(x).replace(/\B(?=(\d{3})+$)/g, ',') : x.toLocaleString('en-US'));
const plural = (count: number, one: string, many = `${one}s`): string => `${n(count)} ${count === 1 ? one : many}`;

/** Bytes per value of a fixed-width type, or null when its values are not bytes of a fixed width (booleans are bits). */
export function valueWidth(type: DataType): number | null {
  const t = type as unknown as { bitWidth?: number; precision?: number; unit?: number; byteWidth?: number; indices?: DataType };
  switch (type.typeId) {
    case Type.Int:
    case Type.Time:
    case Type.Decimal:
      return (t.bitWidth ?? 0) / 8 || null;
    case Type.Float:
      return t.precision === Precision.HALF ? 2 : t.precision === Precision.SINGLE ? 4 : 8;
    case Type.Date:
      return t.unit === DateUnit.DAY ? 4 : 8;
    case Type.Timestamp:
    case Type.Duration:
      return 8;
    case Type.Interval:
      return t.unit === IntervalUnit.YEAR_MONTH ? 4 : t.unit === IntervalUnit.DAY_TIME ? 8 : 16;
    case Type.FixedSizeBinary:
      return t.byteWidth ?? null;
    case Type.Dictionary:
      return valueWidth((type as Dictionary).indices);
    default:
      return null;
  }
}

/** Width of the offsets (and list-view sizes) of a type: 8 for the large types, else 4. */
function offsetWidth(type: DataType): number {
  if (type instanceof LargeListViewType) return 8;
  return type.typeId === Type.LargeUtf8 || type.typeId === Type.LargeBinary || type.typeId === Type.LargeList ? 8 : 4;
}

const isChildOffsets = (type: DataType): boolean => type.typeId === Type.List || type.typeId === Type.LargeList || type.typeId === Type.Map;
const isByteOffsets = (type: DataType): boolean =>
  type.typeId === Type.Utf8 || type.typeId === Type.Binary || type.typeId === Type.LargeUtf8 || type.typeId === Type.LargeBinary;

/** Bytes a buffer must hold for its array's length, with a phrase saying why. */
function needed(array: LayoutArray, buffer: LayoutBuffer): [number, string] | null {
  const { length, nullCount } = array.node;
  const type = array.type;
  switch (buffer.role) {
    case 'validity':
      return nullCount > 0 ? [Math.ceil(length / 8), `the validity bits of ${plural(length, 'row')}`] : null;
    case 'values':
    case 'indices': {
      // Every row null: apache-arrow (JS) pads a column shorter than its table so, with no value bytes; pyarrow reads the nulls.
      if (nullCount === length) return null;
      if (type.typeId === Type.Bool) return [Math.ceil(length / 8), `the bits of ${plural(length, 'row')}`];
      const width = valueWidth(type);
      return width === null ? null : [length * width, `${plural(length, 'value')} of ${width} bytes`];
    }
    case 'offsets': {
      if (type.typeId === Type.Union) return [length * 4, `the offsets of ${plural(length, 'row')}`];
      const width = offsetWidth(type);
      if (type instanceof ListViewType || type instanceof LargeListViewType) return [length * width, `the offsets of ${plural(length, 'row')}`];
      // Writers before Arrow 1.0 leave the offsets of an empty array out entirely.
      return length === 0 ? null : [(length + 1) * width, `the ${n(length + 1)} offsets of ${plural(length, 'row')}`];
    }
    case 'sizes':
      return [length * offsetWidth(type), `the sizes of ${plural(length, 'row')}`];
    case 'type ids':
      return [length, `the type ids of ${plural(length, 'row')}`];
    case 'views':
      return [length * 16, `the views of ${plural(length, 'row')}`];
    default:
      return null;
  }
}

/**
 * Checks of a column's layout that need no bytes of its body: field node lengths and null counts,
 * children at least as long as their parents need, and every buffer inside the message body,
 * 8-byte aligned (as the IPC format writes them and Arrow C++ requires). With `sized`, also each
 * buffer's length against what its array's type and length need (not for compressed bodies,
 * whose buffers are checked once decoded: `checkSizes`).
 */
export function checkHeader(arrays: readonly LayoutArray[], place: ColumnPlace, bodyLength: number, batchLength: number, sized: boolean): void {
  arrays.forEach((array, i) => {
    const { length, nullCount } = array.node;
    if (!Number.isSafeInteger(length) || length < 0) throw place.nodeError(array, `its length ${length} is not a row count`);
    // A null array's rows are all null whatever its count says (Arrow C++ and apache-arrow ignore it; apache-arrow writes -1).
    if (array.type.typeId !== Type.Null) {
      if (!Number.isSafeInteger(nullCount) || nullCount < 0) throw place.nodeError(array, `its null count ${nullCount} is not a count`);
      if (nullCount > length) throw place.nodeError(array, `its null count ${n(nullCount)} is more than its ${plural(length, 'row')}`);
    }
    if (i === 0 && length > batchLength) throw place.nodeError(array, `the column claims ${plural(length, 'row')} in a batch of ${n(batchLength)}`);
    const need = childRows(array);
    if (need !== null) {
      for (const c of array.children) {
        const child = arrays[c];
        if (child.node.length < need) {
          throw place.nodeError(child, `it holds ${plural(child.node.length, 'value')} where its parent's ${plural(length, 'row')} need ${n(need)}`);
        }
      }
    }
    for (const buffer of array.buffers) {
      const { offset, length: bytes } = buffer.region;
      if (!Number.isSafeInteger(offset) || offset < 0) throw place.bufferError(array, buffer, `its offset ${offset} is negative`);
      if (!Number.isSafeInteger(bytes) || bytes < 0) throw place.bufferError(array, buffer, `its length ${bytes} is negative`);
      if (offset + bytes > bodyLength) {
        throw place.bufferError(array, buffer, `offset ${n(offset)} and length ${n(bytes)} point outside its message body of ${n(bodyLength)} bytes`);
      }
      if (offset % 8 !== 0 && bytes > 0) throw place.bufferError(array, buffer, `its offset ${n(offset)} is not a multiple of 8 (buffers start 8-byte aligned)`);
    }
  });
  if (sized) checkSizes(arrays, place, (b) => b.region);
}

/** Rows every child must hold for the parent's length (structs, sparse unions, fixed-size lists), or null. */
function childRows(array: LayoutArray): number | null {
  const type = array.type as DataType & { mode?: number; listSize?: number };
  if (type.typeId === Type.Struct) return array.node.length;
  if (type.typeId === Type.Union && type.mode === 0) return array.node.length; // UnionMode.Sparse
  if (type.typeId === Type.FixedSizeList) return array.node.length * (type.listSize ?? 0);
  return null;
}

/** Each buffer's length (`regionOf`: as decoded, for compressed bodies) against what its array needs. */
export function checkSizes(arrays: readonly LayoutArray[], place: ColumnPlace, regionOf: (b: LayoutBuffer) => BufferRegion): void {
  for (const array of arrays) {
    for (const buffer of array.buffers) {
      const need = needed(array, buffer);
      const has = regionOf(buffer).length;
      if (need && has < need[0]) throw place.bufferError(array, buffer, `it holds ${plural(has, 'byte')} where ${need[1]} need ${n(need[0])}`);
    }
  }
}

/** Reads integers of one buffer in the file's byte order. */
const LITTLE_ENDIAN_HOST = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

class Integers {
  private readonly view: DataView;
  constructor(
    bytes: Uint8Array,
    region: BufferRegion,
    readonly width: number,
    private readonly littleEndian: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset + region.offset, region.length);
  }
  get count(): number {
    return Math.floor(this.view.byteLength / this.width);
  }
  /** The values as an Int32Array over the same bytes when they read the same (4 wide, little-endian here and in the file, aligned), else null. */
  int32(): Int32Array | null {
    if (this.width !== 4 || this.littleEndian !== LITTLE_ENDIAN_HOST || (this.view.byteOffset & 3) !== 0) return null;
    return new Int32Array(this.view.buffer, this.view.byteOffset, this.view.byteLength >> 2);
  }
  at(i: number): number {
    const at = i * this.width;
    if (this.width === 1) return this.view.getInt8(at);
    if (this.width === 4) return this.view.getInt32(at, this.littleEndian);
    return Number(this.view.getBigInt64(at, this.littleEndian));
  }
}

/**
 * Checks of a column's contents that decide where values are read from: offsets non-decreasing,
 * from 0 or more and within the bytes or child values they index; list views within their child;
 * union type ids among the declared ones and dense union offsets within their child; views within
 * their variadic buffers. `regionOf` gives each buffer's place in `bytes`; the sizes were checked.
 */
export function checkContents(arrays: readonly LayoutArray[], place: ColumnPlace, bytes: Uint8Array, regionOf: (b: LayoutBuffer) => BufferRegion, bigEndian: boolean): void {
  const ints = (buffer: LayoutBuffer, width: number) => new Integers(bytes, regionOf(buffer), width, !bigEndian);
  const role = (array: LayoutArray, r: string) => array.buffers.find((b) => b.role === r);
  for (const array of arrays) {
    const { type } = array;
    const length = array.node.length;
    if (type instanceof ListViewType || type instanceof LargeListViewType) {
      const offsetsBuffer = role(array, 'offsets')!;
      const sizesBuffer = role(array, 'sizes')!;
      const offsets = ints(offsetsBuffer, offsetWidth(type));
      const sizes = ints(sizesBuffer, offsetWidth(type));
      const limit = arrays[array.children[0]].node.length;
      for (let i = 0; i < length; i++) {
        const size = sizes.at(i);
        if (size < 0) throw place.bufferError(array, sizesBuffer, `size ${n(size)} at row ${n(i)} is negative`);
        const offset = offsets.at(i);
        if (size > 0 && (offset < 0 || offset + size > limit)) {
          throw place.bufferError(array, offsetsBuffer, `the view at row ${n(i)} (offset ${n(offset)}, size ${n(size)}) is outside the child's ${plural(limit, 'value')}`);
        }
      }
    } else if (isByteOffsets(type) || isChildOffsets(type)) {
      const offsets = role(array, 'offsets');
      if (!offsets || length === 0) continue;
      const limit = isByteOffsets(type) ? regionOf(role(array, 'data')!).length : arrays[array.children[0]].node.length;
      const what = isByteOffsets(type) ? `the ${plural(limit, 'byte')} of its data buffer` : `the child's ${plural(limit, 'value')}`;
      const problem = offsetsProblem(ints(offsets, offsetWidth(type)), 0, length, limit, what);
      if (problem) throw place.bufferError(array, offsets, problem);
    } else if (type.typeId === Type.Union) {
      checkUnion(array, arrays, place, (b, w) => ints(b, w));
    } else if (type.typeId === Type.Utf8View || type.typeId === Type.BinaryView) {
      checkViews(array, place, bytes, regionOf, !bigEndian);
    }
  }
}

/** The problem with offsets [from, to] (`to` is the row count: to + 1 entries), or null. */
export function offsetsProblem(offsets: { at(i: number): number; int32?(): Int32Array | null }, from: number, to: number, limit: number, what: string): string | null {
  let prev = offsets.at(from);
  if (prev < 0) return `offset ${n(prev)} at row ${n(from)} is negative`;
  // 32-bit offsets read as a typed array: a column of 50M strings is checked in milliseconds, not a second.
  const int32 = offsets.int32?.();
  const decrease = int32 && to < int32.length ? firstDecrease(int32, from, to) : -2;
  if (decrease >= 0) return `the offsets decrease at row ${n(decrease)} (from ${n(int32![decrease - 1])} to ${n(int32![decrease])})`;
  if (decrease === -1) prev = int32![to];
  for (let i = decrease === -1 ? to + 1 : from + 1; i <= to; i++) {
    const next = offsets.at(i);
    if (next < prev) return `the offsets decrease at row ${n(i)} (from ${n(prev)} to ${n(next)})`;
    prev = next;
  }
  return prev > limit ? `offset ${n(prev)} is past ${what}` : null;
}

function checkUnion(array: LayoutArray, arrays: readonly LayoutArray[], place: ColumnPlace, ints: (b: LayoutBuffer, width: number) => { at(i: number): number }): void {
  const type = array.type as DataType & { typeIds: ArrayLike<number>; mode: number };
  const childOf = new Map<number, number>();
  Array.from(type.typeIds).forEach((id, k) => childOf.set(id, k));
  const idsBuffer = array.buffers.find((b) => b.role === 'type ids')!;
  const offsetsBuffer = array.buffers.find((b) => b.role === 'offsets');
  const ids = ints(idsBuffer, 1);
  const offsets = offsetsBuffer ? ints(offsetsBuffer, 4) : null;
  for (let i = 0; i < array.node.length; i++) {
    const id = ids.at(i);
    const k = childOf.get(id);
    if (k === undefined) {
      throw place.bufferError(array, idsBuffer, `type id ${id} at row ${n(i)} is not one of the union's type ids (${Array.from(type.typeIds).join(', ')})`);
    }
    if (!offsets) continue;
    const offset = offsets.at(i);
    const child = arrays[array.children[k]];
    if (offset < 0 || offset >= child.node.length) {
      const name = child.path.slice(child.path.lastIndexOf('.') + 1);
      throw place.bufferError(array, offsetsBuffer!, `offset ${n(offset)} at row ${n(i)} is past the ${plural(child.node.length, 'value')} of child ${name} (type id ${id})`);
    }
  }
}

/** Views longer than 12 bytes point into the column's variadic buffers: each must lie inside one. */
function checkViews(array: LayoutArray, place: ColumnPlace, bytes: Uint8Array, regionOf: (b: LayoutBuffer) => BufferRegion, littleEndian: boolean): void {
  const viewsBuffer = array.buffers.find((b) => b.role === 'views')!;
  const variadic = array.buffers.filter((b) => b.role === 'variadic data').map((b) => regionOf(b).length);
  const validity = array.node.nullCount > 0 ? regionOf(array.buffers[0]) : null;
  const views = regionOf(viewsBuffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset + views.offset, views.length);
  for (let i = 0; i < array.node.length; i++) {
    if (validity && validity.length > 0 && !((bytes[validity.offset + (i >>> 3)] >> (i & 7)) & 1)) continue;
    const size = view.getInt32(16 * i, littleEndian);
    if (size < 0) throw place.bufferError(array, viewsBuffer, `the view at row ${n(i)} has a negative length (${n(size)})`);
    if (size <= 12) continue;
    const buffer = view.getInt32(16 * i + 8, littleEndian);
    const offset = view.getInt32(16 * i + 12, littleEndian);
    if (buffer < 0 || buffer >= variadic.length) {
      throw place.bufferError(array, viewsBuffer, `the view at row ${n(i)} points into variadic buffer ${buffer}, but the batch has ${plural(variadic.length, 'variadic buffer')} for this column`);
    }
    if (offset < 0 || offset + size > variadic[buffer]) {
      throw place.bufferError(array, viewsBuffer, `the view at row ${n(i)} (offset ${n(offset)}, length ${n(size)}) is outside the ${plural(variadic[buffer], 'byte')} of variadic buffer ${buffer}`);
    }
  }
}
