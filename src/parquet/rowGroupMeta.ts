import type { RowGroup, SchemaElement } from 'hyparquet';
import { deserializeTCompactProtocol, rowGroupFromThrift, type ThriftStruct } from '../adapters/hyparquetInternals';
import { DatasetError } from '../model/errors';
import { footerPlace } from './footerChecks';
import { rawStatistics, type RawMinMax } from './rawStatistics';
import { CHUNK_PROBLEM, ENCRYPTED_CHUNK, MAYBE_UNDECLARED, UNDECLARED, type RowGroupIndex } from './rowGroupIndex';

/** Row groups kept decoded: the few a view or a row window is reading… */
const KEEP = 16;
/**
 * …and no more column chunks than this among them (about 700 bytes each decoded). A row group with more
 * (a wide file's: 100,000 chunks are about 70 MB decoded) is only weakly held: reused while the garbage
 * collector leaves it, decoded again after.
 */
const KEEP_COLUMN_CHUNKS = 20_000;

/** What reading one column of a row group needs: its column chunks (some or all) and its row count. */
export type RowGroupColumns = Pick<RowGroup, 'columns' | 'num_rows'>;

/** An empty list of structs in Thrift's compact encoding. */
const EMPTY_STRUCT_LIST = 0x0c;

export interface DecodedRowGroup {
  rowGroup: RowGroup;
  /** Raw min/max bytes of each leaf's statistics (rawStatistics.ts). */
  raw: RawMinMax[];
}

/**
 * The row groups of an open file: their numbers in the compact index, and each one's full metadata
 * (hyparquet's RowGroup, statistics) decoded from its own bytes of the footer when it is asked for,
 * the last few kept.
 */
export class RowGroupMeta {
  private readonly kept = new Map<number, DecodedRowGroup>();
  private keptChunks = 0;
  private readonly weak = new Map<number, WeakRef<DecodedRowGroup>>();
  /**
   * A row group listing more column chunks than this (held only weakly once decoded) has only those
   * asked for decoded when a column is read or described; a smaller one is decoded whole and kept (tests set 0).
   */
  decodeWholeUpTo = KEEP_COLUMN_CHUNKS;

  constructor(
    /** The footer's Thrift bytes. */
    private readonly footer: Uint8Array,
    readonly index: RowGroupIndex,
    /** The schema's leaf elements, whose types convert statistics. */
    private readonly columnSchema: SchemaElement[],
    readonly footerStart: number,
  ) {}

  get length(): number {
    return this.index.length;
  }

  has(i: number): boolean {
    return Number.isInteger(i) && i >= 0 && i < this.index.length;
  }

  /** Row group `i`, decoded (or kept from a recent decode). */
  get(i: number): DecodedRowGroup {
    let decoded = this.kept.get(i);
    if (decoded) {
      this.kept.delete(i);
      this.kept.set(i, decoded);
      return decoded;
    }
    decoded = this.weak.get(i)?.deref();
    if (decoded) return decoded;
    if (!this.has(i)) throw new DatasetError(`There is no row group ${i}.`, { chunk: i });
    decoded = this.decode(i);
    if (decoded.rowGroup.columns.length > KEEP_COLUMN_CHUNKS) {
      this.weak.set(i, new WeakRef(decoded));
      if (this.weak.size > KEEP) this.weak.delete(this.weak.keys().next().value!);
      return decoded;
    }
    this.kept.set(i, decoded);
    this.keptChunks += decoded.rowGroup.columns.length;
    while (this.kept.size > KEEP || this.keptChunks > KEEP_COLUMN_CHUNKS) {
      const [oldest, { rowGroup }] = this.kept.entries().next().value!;
      this.kept.delete(oldest);
      this.keptChunks -= rowGroup.columns.length;
    }
    return decoded;
  }

  rowGroup(i: number): RowGroup {
    return this.get(i).rowGroup;
  }

  /**
   * Column chunks `first` to `first + count` of row group `i` (fewer when it lists fewer) and its row
   * count: of a wide row group only these chunks are decoded, each from its own bytes of the footer.
   */
  columnChunks(i: number, first: number, count: number): RowGroupColumns {
    const part = this.part(i, first, count);
    if (part) return part.rowGroup;
    const rg = this.rowGroup(i);
    return { columns: rg.columns.slice(first, first + count), num_rows: rg.num_rows };
  }

  /**
   * Row group `i` with only column chunks `first` to `first + count` in `columns` (and their raw
   * min/max): the rest of its struct decoded as a whole decode gives it, with an empty columns list in
   * place of its own. Undefined when the whole row group is to be used instead: it is decoded already,
   * it is narrow, or its sorting columns name chunks by position.
   */
  part(i: number, first: number, count: number): DecodedRowGroup | undefined {
    const ix = this.index;
    if (!this.has(i) || ix.columnCount[i] <= this.decodeWholeUpTo || this.kept.has(i) || this.weak.get(i)?.deref()) return undefined;
    const end = Math.min(ix.columnCount[i], first + count);
    const firstChunk = ix.firstChunk[i];
    const view = new DataView(this.footer.buffer, this.footer.byteOffset, this.footer.length);
    let at = ix.structStart[i];
    try {
      const head = deserializeTCompactProtocol({ view: this.headBytes(i), offset: 0 }) as ThriftStruct;
      if ((head.field_4 as unknown[] | undefined)?.length) return undefined;
      const chunks: ThriftStruct[] = [];
      for (let k = first; k < end; k++) {
        at = ix.chunkStart[firstChunk + k];
        chunks.push(deserializeTCompactProtocol({ view, offset: at }) as ThriftStruct);
      }
      head.field_1 = chunks;
      return { rowGroup: rowGroupFromThrift(head, this.columnSchema.slice(first, end)), raw: rawStatistics(head) };
    } catch {
      throw this.damaged(i, at);
    }
  }

  /** Row group `i`'s struct with an empty columns list in place of its own. */
  private headBytes(i: number): DataView {
    const ix = this.index;
    const before = this.footer.subarray(ix.structStart[i], ix.columnsStart[i]);
    const after = this.footer.subarray(ix.columnsEnd[i], ix.structEnd[i]);
    const out = new Uint8Array(before.length + 1 + after.length);
    out.set(before);
    out[before.length] = EMPTY_STRUCT_LIST;
    out.set(after, before.length + 1);
    return new DataView(out.buffer);
  }

  /** Row groups whose footer row count may be contradicted by their column chunks. */
  maybeUndeclared(): number[] {
    return this.flagged(UNDECLARED | MAYBE_UNDECLARED);
  }

  /** Row groups with a column chunk whose numbers footerProblems should look at. */
  maybeChunkProblems(): number[] {
    return this.flagged(CHUNK_PROBLEM);
  }

  /** Whether row group `i` has a column chunk that is encrypted (no plaintext metadata, or crypto metadata). */
  hasEncryptedChunk(i: number): boolean {
    return (this.index.flags[i] & ENCRYPTED_CHUNK) !== 0;
  }

  /** The first row group listing column chunks (an empty one may list none). */
  firstWithColumns(): number | undefined {
    for (let i = 0; i < this.index.length; i++) if (this.index.columnCount[i] > 0) return i;
    return undefined;
  }

  private flagged(mask: number): number[] {
    const out: number[] = [];
    const flags = this.index.flags;
    for (let i = 0; i < this.index.length; i++) if (flags[i] & mask) out.push(i);
    return out;
  }

  private decode(i: number): DecodedRowGroup {
    const start = this.index.structStart[i];
    const end = this.index.structEnd[i];
    try {
      const view = new DataView(this.footer.buffer, this.footer.byteOffset + start, end - start);
      const raw = deserializeTCompactProtocol({ view, offset: 0 }) as ThriftStruct;
      return { rowGroup: rowGroupFromThrift(raw, this.columnSchema), raw: rawStatistics(raw) };
    } catch {
      throw this.damaged(i, start);
    }
  }

  /** The walk found the structure sound: what is left is a value hyparquet cannot convert. */
  private damaged(i: number, at: number): DatasetError {
    return new DatasetError(
      `${footerPlace(this.footerStart, this.footer.length)} is damaged: row group ${i} could not be read (a value in it is not what its field should hold).`,
      { chunk: i, offset: this.footerStart + at },
      'Other row groups can still be read.',
    );
  }
}
