import { MetadataVersion, Type, UnionMode, makeData, type Data, type DataType, type Dictionary, type DenseUnion, type Field, type List, type LargeList, type SparseUnion, type Union, type Vector } from 'apache-arrow';
import { VectorLoader, type BufferRegion, type FieldNode } from '../adapters/apacheArrowInternals';
import type { RowRange } from '../model/types';
import { offsetWidth, swapViews, swapWords, valueWords } from './byteSwap';
import { LargeListViewType, ListViewType, RunEndEncodedType } from './decodedTypes';
import { listViewData } from './listView';
import { runEndEncodedData } from './runEndEncoded';

export interface BatchLoaderOptions {
  metadataVersion: number;
  /** The schema declares big-endian data: every multi-byte word is swapped on read. */
  bigEndian: boolean;
  /** Rows of the top-level column wanted, for the types decoded here (others are sliced by the caller). */
  window?: RowRange;
}

/**
 * apache-arrow's VectorLoader, completed: it also decodes run-end encoded and list-view arrays
 * (into the types of decodedTypes.ts), byte-swaps big-endian data, and skips the validity buffer
 * pre-1.0 (metadata V4 and earlier) unions carry, which apache-arrow 21 reads as the type ids.
 */
export class BatchLoader extends VectorLoader {
  private depth = 0;
  /** True once the top-level column was cut to `options.window` here. */
  windowApplied = false;

  constructor(
    private readonly body: Uint8Array,
    nodes: FieldNode[],
    buffers: BufferRegion[],
    dictionaries: Map<number, Vector>,
    variadicBufferCounts: number[],
    private readonly options: BatchLoaderOptions,
  ) {
    super(body, nodes, buffers, dictionaries, options.metadataVersion, variadicBufferCounts);
  }

  visit<T extends DataType>(node: Field<T> | T): Data<T> {
    this.depth++;
    try {
      return super.visit(node);
    } finally {
      this.depth--;
    }
  }

  /** The window to apply at this node: only the top-level column's own. */
  private windowHere(): RowRange | undefined {
    if (this.depth !== 1 || !this.options.window) return undefined;
    this.windowApplied = true;
    return this.options.window;
  }

  visitList<T extends List>(type: T, node: FieldNode = this.nextFieldNode()): Data<T> {
    if (type instanceof ListViewType) return this.visitListView(type, node) as Data<T>;
    return super.visitList(type, node);
  }

  visitLargeList<T extends LargeList>(type: T, node: FieldNode = this.nextFieldNode()): Data<T> {
    if (type instanceof LargeListViewType) return this.visitListView(type, node) as Data<T>;
    return super.visitLargeList(type, node);
  }

  visitDictionary<T extends Dictionary>(type: T, node: FieldNode = this.nextFieldNode()): Data<T> {
    if (type instanceof RunEndEncodedType) {
      this.skipLegacyValidity(node, 'run-end encoded array');
      const window = this.windowHere();
      const runEnds = this.visit(type.runEnds);
      const values = this.visit(type.values);
      return runEndEncodedData(type, node.length, runEnds, values, window) as Data<T>;
    }
    return super.visitDictionary(type, node);
  }

  private visitListView(type: ListViewType | LargeListViewType, { length, nullCount }: FieldNode): Data {
    const window = this.windowHere();
    const nullBitmap = this.readNullBitmap(type, nullCount);
    const width = type instanceof LargeListViewType ? 8 : 4;
    const offsets = this.readIntegers(width);
    const sizes = this.readIntegers(width);
    const child = this.visit(type.children[0]);
    return listViewData(type, { length, nullCount, nullBitmap, offsets, sizes, child }, window);
  }

  visitUnion<T extends Union>(type: T, node: FieldNode = this.nextFieldNode()): Data<DenseUnion> | Data<SparseUnion> {
    return type.mode === UnionMode.Sparse ? this.visitSparseUnion(type as unknown as SparseUnion, node) : this.visitDenseUnion(type as unknown as DenseUnion, node);
  }

  visitSparseUnion<T extends SparseUnion>(type: T, node: FieldNode = this.nextFieldNode()): Data<T> {
    this.skipLegacyValidity(node, 'union');
    return makeData({ type, length: node.length, nullCount: node.nullCount, typeIds: this.readTypeIds(type), children: this.visitMany(type.children) } as never) as unknown as Data<T>;
  }

  visitDenseUnion<T extends DenseUnion>(type: T, node: FieldNode = this.nextFieldNode()): Data<T> {
    this.skipLegacyValidity(node, 'union');
    const typeIds = this.readTypeIds(type);
    const valueOffsets = this.readOffsets(type);
    return makeData({ type, length: node.length, nullCount: node.nullCount, typeIds, valueOffsets, children: this.visitMany(type.children) } as never) as unknown as Data<T>;
  }

  /**
   * Before metadata V5 a union or run-end encoded array had a validity buffer (Arrow C++ writes an
   * empty one for V4); one that marks nulls of its own is refused, as Arrow C++ refuses it.
   */
  private skipLegacyValidity(node: FieldNode, what: 'union' | 'run-end encoded array'): void {
    if (this.options.metadataVersion >= MetadataVersion.V5) return;
    const validity = this.nextBufferRange();
    if (node.nullCount > 0 && validity.length > 0) {
      throw new Error(`this ${what} of metadata before V5 has nulls of its own (a validity bitmap at its level), which Arrow 1.0 and later cannot represent`);
    }
  }

  private raw({ offset, length }: BufferRegion): Uint8Array {
    return this.body.subarray(offset, offset + length);
  }

  /** An offsets or sizes buffer of `width`-byte integers, swapped if needed, as an aligned typed array. */
  private readIntegers(width: number, region: BufferRegion = this.nextBufferRange()): Int32Array | BigInt64Array {
    let bytes = this.raw(region);
    if (this.options.bigEndian) bytes = swapWords(bytes, [width]);
    else if (bytes.byteOffset % width !== 0) bytes = bytes.slice();
    const count = Math.floor(bytes.byteLength / width);
    return width === 8 ? new BigInt64Array(bytes.buffer, bytes.byteOffset, count) : new Int32Array(bytes.buffer, bytes.byteOffset, count);
  }

  protected readNullBitmap<T extends DataType>(_type: T, nullCount: number, region: BufferRegion = this.nextBufferRange()): Uint8Array {
    return nullCount > 0 ? this.raw(region) : new Uint8Array(0);
  }

  protected readTypeIds<T extends DataType>(_type: T, region: BufferRegion = this.nextBufferRange()): Uint8Array {
    return this.raw(region);
  }

  protected readOffsets<T extends DataType>(type: T, region: BufferRegion = this.nextBufferRange()): Uint8Array {
    const bytes = this.raw(region);
    return this.options.bigEndian ? swapWords(bytes, [offsetWidth(type)]) : bytes;
  }

  protected readData<T extends DataType>(type: T, region: BufferRegion = this.nextBufferRange()): Uint8Array {
    const bytes = this.raw(region);
    if (!this.options.bigEndian || !type) return bytes;
    if (type.typeId === Type.Utf8View || type.typeId === Type.BinaryView) return swapViews(bytes);
    const words = valueWords(type);
    return words && !(words.length === 1 && words[0] === 1) ? swapWords(bytes, words) : bytes;
  }
}
