import { CompressionCodecs } from '../adapters/hyparquetInternals';

/** Row group flags the walk sets (see RowGroupIndex.flags). */
export const UNDECLARED = 1;
/** The footer's row count may be contradicted: only the decoded row group tells (countUndeclaredRows). */
export const MAYBE_UNDECLARED = 2;
/** A column chunk's numbers may be wrong (footerProblems decodes the row group to say which). */
export const CHUNK_PROBLEM = 4;
/** num_rows beyond ±2^53. */
export const UNSAFE_ROWS = 8;
/** A column chunk with no plaintext meta_data or with crypto_metadata (markUnsupportedColumns decodes the row group to say which). */
export const ENCRYPTED_CHUNK = 16;

/**
 * The row groups of a footer as columns of numbers, recorded while footerScan.ts walks the Thrift
 * bytes: no object per row group. A row group's full metadata is decoded from its struct's bytes
 * (`structStart`–`structEnd` of the footer) only when it is read (rowGroupMeta.ts).
 */
export interface RowGroupIndex {
  length: number;
  /** The footer's num_rows of each row group, as a number (beyond 2^53 only known to be: UNSAFE_ROWS). */
  numRows: Float64Array;
  structStart: Uint32Array;
  structEnd: Uint32Array;
  /** Column chunks listed. */
  columnCount: Uint32Array;
  /** First byte of its column chunks (else its file_offset) and its bytes on disk, as rowGroupChunks.ts shows them. */
  offset: Float64Array;
  bytes: Float64Array;
  /** Codec ids plus one, in order of first appearance, a hex digit each (the first highest). */
  codecs: Uint32Array;
  flags: Uint8Array;
  /** Where its columns list (header and elements) lies in the footer. */
  columnsStart: Uint32Array;
  columnsEnd: Uint32Array;
  /** Its first column chunk's place in `chunkStart` (its chunks follow it, `columnCount` of them). */
  firstChunk: Uint32Array;
  /**
   * Where each ColumnChunk struct of every row group starts in the footer (after its struct header,
   * as `structStart`): a row window decodes the column chunks of the columns it shows, not the whole
   * row group (a wide file's holds 100,000). Four bytes per chunk, where the footer spends 20 and more.
   */
  chunkStart: Uint32Array;
  /** Where the row_groups list (its header and elements) lies in the footer. */
  listStart: number;
  listEnd: number;
  /** Whether the footer lists column orders (written since parquet-format 2.4): then a leaf's statistics are its min_value/max_value, else its deprecated min/max. */
  columnOrders: boolean;
}

const REPEATED = 2;
/** Room made at first for the elements a list claims; more as they are found (a damaged count is not trusted with memory). */
const FIRST_ROOM = 1 << 16;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const isCount = (x: number) => x >= 0 && x <= MAX_SAFE;

/** Builds a RowGroupIndex from the walk's events (footerScan.ts): structs opened and closed, integer fields, lists. */
export class RowGroupIndexBuilder {
  private index: RowGroupIndex = emptyIndex(0);
  private count = 0;
  private columnOrders = false;
  // Schema elements, for the leaves with no repeated field (one value per row).
  private repetition = new Int32Array(0);
  private children = new Int32Array(0);
  private elements = 0;
  private claimedElements = 0;
  private claimedRowGroups = 0;
  private elementRepetition = 0;
  private elementChildren = 0;
  private flat?: Uint8Array;
  // The row group being walked.
  private rgStart = 0;
  private rgRows = 0;
  private rgFileOffset = 0;
  private rgCompressed = NaN;
  private rgColumns = 0;
  private rgOffset = Infinity;
  private rgSum = 0;
  private rgCodecs = 0;
  private rgFlags = 0;
  private chunk = 0;
  private anyValues = false;
  private flatCounted = false;
  private flatValue = 0;
  private flatUniform = true;
  // The column chunk being walked: its ColumnMetaData numbers and which were there.
  private metaSeen = 0;
  private codec = 0;
  private numValues = 0;
  private compressed = 0;
  private dataOffset = 0;
  private dictionaryOffset = 0;
  // Column chunk starts, all row groups together.
  private chunkStarts = new Uint32Array(1024);
  private chunks = 0;
  private rgFirstChunk = 0;
  private rgColumnsStart = 0;
  private rgColumnsEnd = 0;

  constructor(private readonly dataEnd: number) {}

  listStart(role: number, count: number, at: number): void {
    if (role === 1) {
      this.repetition = new Int32Array(Math.min(count, FIRST_ROOM));
      this.children = new Int32Array(Math.min(count, FIRST_ROOM));
      this.elements = 0;
      this.claimedElements = count;
    } else if (role === 2) {
      this.index = emptyIndex(Math.min(count, FIRST_ROOM));
      this.claimedRowGroups = count;
      this.index.listStart = at;
      this.count = 0;
    } else if (role === 3) {
      this.rgColumns = count;
      this.rgColumnsStart = at;
    } else if (role === 4) this.columnOrders = true;
  }

  listEnd(role: number, at: number): void {
    if (role === 1) this.flat = flatLeaves(this.repetition.subarray(0, this.elements), this.children.subarray(0, this.elements));
    else if (role === 2) this.index.listEnd = at;
    else if (role === 3) this.rgColumnsEnd = at;
  }

  open(role: number, at: number): void {
    switch (role) {
      case 1:
        this.elementRepetition = 0;
        this.elementChildren = 0;
        return;
      case 2:
        this.rgStart = at;
        this.rgRows = 0;
        this.rgFileOffset = 0;
        this.rgCompressed = NaN;
        this.rgColumns = 0;
        this.rgColumnsStart = this.rgColumnsEnd = 0;
        this.rgOffset = Infinity;
        this.rgSum = 0;
        this.rgCodecs = 0;
        this.rgFlags = 0;
        this.chunk = 0;
        this.anyValues = false;
        this.flatCounted = false;
        this.flatUniform = true;
        this.rgFirstChunk = this.chunks;
        return;
      case 3:
        if (this.chunks === this.chunkStarts.length) {
          const room = new Uint32Array(this.chunks * 2);
          room.set(this.chunkStarts);
          this.chunkStarts = room;
        }
        this.chunkStarts[this.chunks++] = at;
        this.metaSeen = 0;
        return;
      case 4:
        this.metaSeen = 0;
        return;
    }
  }

  value(role: number, id: number, n: number): void {
    if (role === 1) {
      if (id === 3) this.elementRepetition = n;
      else if (id === 5) this.elementChildren = n;
    } else if (role === 2) {
      if (id === 3) this.rgRows = n;
      else if (id === 5) this.rgFileOffset = n;
      else if (id === 6) this.rgCompressed = n;
    } else if (role === 4) {
      if (id === 4) this.codec = n;
      else if (id === 5) this.numValues = n;
      else if (id === 7) this.compressed = n;
      else if (id === 9) this.dataOffset = n;
      else if (id === 11) this.dictionaryOffset = n;
    }
  }

  close(role: number, seen: number, at: number): void {
    switch (role) {
      case 1:
        if (this.elements >= this.claimedElements) return;
        if (this.elements === this.repetition.length) {
          const room = Math.min(this.claimedElements, this.elements * 2);
          this.repetition = grown(this.repetition, new Int32Array(room));
          this.children = grown(this.children, new Int32Array(room));
        }
        this.repetition[this.elements] = this.elementRepetition;
        this.children[this.elements++] = this.elementChildren;
        return;
      case 4:
        this.metaSeen = seen;
        return;
      case 3:
        this.closeChunk(seen);
        return;
      case 2:
        this.closeRowGroup(at);
        return;
    }
  }

  /** One column chunk's part in its row group's range, codecs and row count checks (as rowGroupChunks.ts, footerChecks.ts and undeclaredRows.ts read them). */
  private closeChunk(seen: number): void {
    const k = this.chunk++;
    if (seen & (1 << 8)) this.rgFlags |= ENCRYPTED_CHUNK; // crypto_metadata
    if (!(seen & (1 << 3))) {
      this.rgFlags |= ENCRYPTED_CHUNK; // no meta_data (encrypted)
      return;
    }
    // Which ColumnMetaData fields were there, a bit per field id (no closure: this runs per column chunk).
    const m = this.metaSeen;
    if (m & (1 << 4) && this.codec >= 0 && this.codec < CompressionCodecs.length) this.addCodec(this.codec);
    const data = m & (1 << 9) ? this.dataOffset : NaN;
    const dictionary = m & (1 << 11) ? this.dictionaryOffset : undefined;
    const length = m & (1 << 7) ? this.compressed : NaN;
    let start = data;
    if (dictionary !== undefined && dictionary > 0) start = data > 0 ? Math.min(dictionary, data) : dictionary;
    this.rgOffset = Math.min(this.rgOffset, start);
    this.rgSum += length;
    // Row counts: any values at all; the value count the leaves with no repeated field agree on.
    const values = m & (1 << 5) ? this.numValues : undefined;
    if ((values ?? 0) > 0) this.anyValues = true;
    if (values !== undefined && (!this.flat || (k < this.flat.length && this.flat[k]))) {
      if (!this.flatCounted) this.flatValue = values;
      else if (values !== this.flatValue) this.flatUniform = false;
      this.flatCounted = true;
    }
    // Footer numbers footerProblems reports: any doubt and the row group is decoded to say which.
    if (seen & (1 << 1)) {
      this.rgFlags |= CHUNK_PROBLEM; // a file_path: footerProblems decides by its text
      return;
    }
    if (!(m & (1 << 9)) || !(m & (1 << 7)) || !(m & (1 << 5)) || !isCount(data) || !isCount(length) || !isCount(values!)) this.rgFlags |= CHUNK_PROBLEM;
    else if (dictionary !== undefined && !isCount(dictionary)) this.rgFlags |= CHUNK_PROBLEM;
    else {
      const d = dictionary ?? 0;
      const chunkStart = d > 0 && data > 0 ? Math.min(d, data) : d > 0 ? d : data > 0 ? data : 0;
      if ((d > 0 && (d < 4 || d >= this.dataEnd)) || chunkStart < 4 || chunkStart + length > this.dataEnd) this.rgFlags |= CHUNK_PROBLEM;
    }
  }

  private addCodec(codec: number): void {
    const digit = codec + 1;
    for (let rest = this.rgCodecs; rest > 0; rest = Math.floor(rest / 16)) if (rest % 16 === digit) return;
    this.rgCodecs = this.rgCodecs * 16 + digit;
  }

  private closeRowGroup(at: number): void {
    const i = this.count;
    if (i >= this.claimedRowGroups) return;
    if (i === this.index.numRows.length) this.index = grownIndex(this.index, Math.min(this.claimedRowGroups, i * 2));
    const ix = this.index;
    this.count++;
    const rows = this.rgRows;
    let flags = this.rgFlags;
    if (!(rows <= MAX_SAFE && rows >= -MAX_SAFE)) flags |= UNSAFE_ROWS;
    if (rows < 0) flags |= UNDECLARED;
    else if (rows === 0) {
      if (this.anyValues) flags |= UNDECLARED;
    } else if (this.flatCounted) {
      // Leaves with no repeated field hold one value per row: one value count for all of them, and it is
      // the row count or it is not. Without the schema first, or with counts that differ, decoding tells.
      if (!this.flat || !this.flatUniform) {
        if (!this.flatUniform || this.flatValue !== rows) flags |= MAYBE_UNDECLARED;
      } else if (this.flatValue !== rows) flags |= UNDECLARED;
    }
    ix.numRows[i] = rows;
    ix.structStart[i] = this.rgStart;
    ix.structEnd[i] = at;
    ix.columnCount[i] = this.rgColumns;
    ix.offset[i] = this.rgOffset === Infinity ? this.rgFileOffset : this.rgOffset;
    ix.bytes[i] = Number.isNaN(this.rgCompressed) ? this.rgSum : this.rgCompressed;
    ix.codecs[i] = this.rgCodecs;
    ix.flags[i] = flags;
    ix.firstChunk[i] = this.rgFirstChunk;
    ix.columnsStart[i] = this.rgColumnsStart;
    ix.columnsEnd[i] = this.rgColumnsEnd;
  }

  done(): RowGroupIndex {
    this.index.length = this.count;
    this.index.columnOrders = this.columnOrders;
    this.index.chunkStart = this.chunkStarts.slice(0, this.chunks);
    return this.index;
  }
}

function emptyIndex(n: number): RowGroupIndex {
  return {
    length: 0,
    numRows: new Float64Array(n),
    structStart: new Uint32Array(n),
    structEnd: new Uint32Array(n),
    columnCount: new Uint32Array(n),
    offset: new Float64Array(n),
    bytes: new Float64Array(n),
    codecs: new Uint32Array(n),
    flags: new Uint8Array(n),
    firstChunk: new Uint32Array(n),
    columnsStart: new Uint32Array(n),
    columnsEnd: new Uint32Array(n),
    chunkStart: new Uint32Array(0),
    listStart: 0,
    listEnd: 0,
    columnOrders: false,
  };
}

function grownIndex(from: RowGroupIndex, room: number): RowGroupIndex {
  const to = emptyIndex(room);
  to.numRows.set(from.numRows);
  to.structStart.set(from.structStart);
  to.structEnd.set(from.structEnd);
  to.columnCount.set(from.columnCount);
  to.offset.set(from.offset);
  to.bytes.set(from.bytes);
  to.codecs.set(from.codecs);
  to.flags.set(from.flags);
  to.firstChunk.set(from.firstChunk);
  to.columnsStart.set(from.columnsStart);
  to.columnsEnd.set(from.columnsEnd);
  to.listStart = from.listStart;
  to.listEnd = from.listEnd;
  return to;
}

const grown = (from: Int32Array, to: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
  to.set(from);
  return to;
};

/** Per leaf, 1 when its top-level column has no repeated field (as columnSubset.ts and undeclaredRows.ts split the schema). */
function flatLeaves(repetition: Int32Array, children: Int32Array): Uint8Array {
  const out: number[] = [];
  let at = 1;
  for (let c = 0; c < (children[0] ?? 0) && at < children.length; c++) {
    let leaves = 0;
    let repeated = false;
    let pending = 1;
    while (pending > 0 && at < children.length) {
      const e = at++;
      pending += children[e] - 1;
      if (!children[e]) leaves++;
      if (repetition[e] === REPEATED) repeated = true;
    }
    for (let k = 0; k < leaves; k++) out.push(repeated ? 0 : 1);
  }
  return Uint8Array.from(out);
}

/** The codec names of a row group's `codecs` digits, joined as rowGroupChunks.ts shows them. */
export function codecNames(codecs: number): string {
  const names: string[] = [];
  for (let rest = codecs; rest > 0; rest = Math.floor(rest / 16)) names.unshift(CompressionCodecs[(rest % 16) - 1]);
  return names.join(', ');
}
