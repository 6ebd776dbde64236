import type { ChunkDetail, ColumnChunkInfo, ColumnStats } from '../model/types';

/** One top-level column over every chunk counted, from metadata only (footer, message headers). */
export interface ColumnTotals {
  column: number;
  /** Bytes on disk: Parquet column chunks; Arrow buffers plus the dictionary batches of a dictionary column. */
  bytes: number;
  /** Bytes once decompressed, when every chunk counted tells them (Arrow: only uncompressed batches do). */
  uncompressedBytes?: number;
  /** Nulls, when every chunk counted tells them (Arrow: always; Parquet: a leaf's statistics). */
  nulls?: number;
  /** Codecs seen ("uncompressed" for an Arrow batch without compression). */
  codecs: string[];
  /** Parquet encodings seen; "dictionary" for an Arrow dictionary column. */
  encodings: string[];
  /** Arrow: bytes of the dictionary batches counted in `bytes`. */
  dictionaryBytes?: number;
  /** Smallest and largest value the chunks' statistics give (Parquet), as text; absent unless every chunk gives an ordered min/max. */
  min?: string;
  max?: string;
  /** False when a chunk gives bounds rather than values. */
  minMaxExact?: boolean;
  /** Why a chunk's stored min/max is not shown (ColumnStats.minMaxNote): kept only where no min/max is. */
  minMaxNote?: string;
}

/** Every top-level column together. */
export interface ColumnTotalsOfAll {
  bytes: number;
  /** Absent when some column's uncompressed size is not known. */
  uncompressedBytes?: number;
  anyEncodings: boolean;
  anyMinMax: boolean;
  /** Whether any column has a stored min/max that is not shown, with its reason (ColumnTotals.minMaxNote). */
  anyMinMaxNote: boolean;
}

/** How a top-level column relates to the dictionary batches of an Arrow file. */
export interface ColumnShape {
  /** Arrow dictionary id of a top-level dictionary column. */
  dictionaryId?: number;
}

type Order = NonNullable<ColumnStats['order']>;

/** Whether key a orders before key b (statistics order keys of one kind: parquet/rawValueText.ts rawValueOrder). */
function before(kind: Order['kind'], a: string, b: string): boolean {
  if (kind === 'int') return BigInt(a) < BigInt(b);
  if (kind === 'float') return Number(a) < Number(b);
  return a < b; // hex of bytes: byte order, a prefix first
}

/** Frozen lists of texts, one per distinct content: a list grows by being replaced with the shared one holding one more text. */
class SharedLists {
  private readonly byKey = new Map<string, string[]>();

  /** `list` with `item` added at its end (`list` itself when it holds it, or when `item` is empty). */
  with(list: string[], item: string): string[] {
    if (list.includes(item)) return list;
    const next = item ? [...list, item] : list;
    const key = next.join('\u0000');
    let shared = this.byKey.get(key);
    if (!shared) this.byKey.set(key, (shared = Object.freeze(next) as string[]));
    return shared;
  }
}

/** Adds up chunk details column by column; each Arrow dictionary batch is counted once. */
export class ColumnTotalsBuilder {
  private readonly totals: ColumnTotals[];
  private readonly unknownUncompressed = new Set<number>();
  private readonly unknownNulls = new Set<number>();
  /** Columns with a chunk whose min/max is missing or cannot be ordered: their min/max over chunks is not known. */
  private readonly unknownMinMax = new Set<number>();
  /** The order keys of each column's min and max so far. */
  private readonly orders = new Map<number, Order>();
  private readonly seenDictionaries = new Set<number>();
  private readonly byDictionaryId = new Map<number, number>();
  /** Codec and encoding lists, one shared array per distinct list (100,000 columns mostly have the same ones). */
  private readonly lists = new SharedLists();
  /** Arrow dictionary batches no top-level column owns (dictionaries nested in lists or structs). */
  otherDictionaryBytes = 0;
  chunksCounted = 0;

  constructor(shapes: ColumnShape[]) {
    this.totals = shapes.map((s, column) => ({ column, bytes: 0, uncompressedBytes: 0, nulls: 0, codecs: this.lists.with([], ''), encodings: this.lists.with([], s.dictionaryId === undefined ? '' : 'dictionary') }));
    shapes.forEach((s, column) => {
      if (s.dictionaryId !== undefined) {
        this.byDictionaryId.set(s.dictionaryId, column);
        this.totals[column].dictionaryBytes = 0;
      }
    });
  }

  add(detail: ChunkDetail): void {
    for (const step of this.adding(detail)) void step;
    this.finish(detail);
  }

  /**
   * Adds a chunk's columns [from, to) (by position in `detail.columns`), in steps of `every` columns
   * for a loop that gives its thread back between them (a chunk may hold 100,000 columns); `finish` ends the chunk.
   */
  *adding(detail: ChunkDetail, from = 0, to = detail.columns.length, every = 2_000): Generator<void, void> {
    const { columns } = detail;
    for (let i = from; i < Math.min(to, columns.length); i++) {
      const c = columns[i];
      const t = this.totals[c.column];
      if (t) this.addColumn(t, c);
      if ((i - from) % every === every - 1) yield;
    }
  }

  /** Counts a chunk whose columns were all added: its dictionary batches (each once), and the chunk. */
  finish(detail: ChunkDetail): void {
    for (const d of detail.dictionaries ?? []) {
      if (this.seenDictionaries.has(d.offset)) continue;
      this.seenDictionaries.add(d.offset);
      const t = this.totals[this.byDictionaryId.get(d.id) ?? -1];
      if (!t) {
        this.otherDictionaryBytes += d.bytes;
        continue;
      }
      t.bytes += d.bytes;
      t.dictionaryBytes = (t.dictionaryBytes ?? 0) + d.bytes;
      if (t.uncompressedBytes !== undefined) t.uncompressedBytes += d.bytes;
    }
    this.chunksCounted++;
  }

  /** Passes over a chunk whose metadata could not be read. */
  skip(): void {
    this.chunksCounted++;
  }

  private addColumn(t: ColumnTotals, c: ColumnChunkInfo): void {
    t.bytes += c.bytes;
    // An Arrow batch without a codec stores its buffers as they are.
    const uncompressed = c.uncompressedBytes ?? (c.codec ? undefined : c.bytes);
    if (uncompressed === undefined) this.unknownUncompressed.add(t.column);
    else if (t.uncompressedBytes !== undefined) t.uncompressedBytes += uncompressed;
    const nulls = c.nullCount ?? c.stats?.nullCount;
    if (nulls === undefined) this.unknownNulls.add(t.column);
    else if (t.nulls !== undefined) t.nulls += nulls;
    for (const codec of (c.codec ?? 'uncompressed').split(', ')) t.codecs = this.lists.with(t.codecs, codec);
    for (const e of c.encodings ?? []) t.encodings = this.lists.with(t.encodings, e);
    const s = c.stats;
    if (s?.minMaxNote) t.minMaxNote ??= s.minMaxNote;
    const seen = this.orders.get(t.column);
    if (!s?.order || s.min === undefined || s.max === undefined || (seen && seen.kind !== s.order.kind)) {
      this.unknownMinMax.add(t.column);
      return;
    }
    t.minMaxExact = (t.minMaxExact ?? true) && s.exact === true;
    const { kind } = s.order;
    const order = seen ?? { ...s.order };
    if (!seen || before(kind, s.order.min, order.min)) [t.min, order.min] = [s.min, s.order.min];
    if (!seen || before(kind, order.max, s.order.max)) [t.max, order.max] = [s.max, s.order.max];
    this.orders.set(t.column, order);
  }

  /** Top-level columns summed. */
  get columnCount(): number {
    return this.totals.length;
  }

  /** Every column together: bytes, uncompressed bytes (when every column tells them), and whether any has encodings or min/max. */
  all(): ColumnTotalsOfAll {
    let bytes = 0;
    let uncompressed: number | undefined = 0;
    let encodings = false;
    let stats = false;
    let notes = false;
    for (const t of this.totals) {
      bytes += t.bytes;
      if (uncompressed !== undefined) uncompressed = this.unknownUncompressed.has(t.column) || t.uncompressedBytes === undefined ? undefined : uncompressed + t.uncompressedBytes;
      encodings ||= t.encodings.length > 0;
      stats ||= t.min !== undefined && !this.unknownMinMax.has(t.column);
      notes ||= t.minMaxNote !== undefined;
    }
    return { bytes, uncompressedBytes: uncompressed, anyEncodings: encodings, anyMinMax: stats, anyMinMaxNote: notes };
  }

  /** The totals so far of columns [start, end): a figure some chunk did not tell is left out rather than undercounted. */
  columns(start = 0, end = this.totals.length): ColumnTotals[] {
    return this.totals.slice(start, end).map((t) => {
      const out: ColumnTotals = { ...t, codecs: [...t.codecs], encodings: [...t.encodings] };
      if (this.unknownUncompressed.has(t.column)) delete out.uncompressedBytes;
      if (this.unknownNulls.has(t.column)) delete out.nulls;
      if (this.unknownMinMax.has(t.column)) {
        delete out.min;
        delete out.max;
      }
      if (out.min === undefined) delete out.minMaxExact;
      else delete out.minMaxNote;
      return out;
    });
  }
}
