import { DataType, DateUnit, Type, makeData, makeVector, type Dictionary, type Vector } from 'apache-arrow';
import type { RowRange } from '../model/types';
import { loadColumn, validatedLayout, type ColumnRequest } from './loadColumn';
import { BufferRegion } from '../adapters/apacheArrowInternals';
import type { ColumnPlace, LayoutArray, LayoutBuffer } from './columnLayout';
import { checkSizes, offsetsProblem } from './validateLayout';
import { decodedBuffers } from './readBuffers';
import { validateData } from './validateData';
import { isDecodedType } from './decodedTypes';
import { plannedReads } from './readPlan';
import { CachedSource, LOCAL_BLOCK } from '../source/cachedSource';
import type { ByteSource } from '../model/byteSource';

/** Bytes per value of flat fixed-width types (null when the type is not one or not handled here). */
function byteWidth(type: DataType): number | null {
  const t = type as unknown as { bitWidth?: number; precision?: number; unit?: number; byteWidth?: number };
  switch (type.typeId) {
    case Type.Int:
    case Type.Time:
    case Type.Decimal:
      return (t.bitWidth ?? 0) / 8 || null;
    case Type.Float:
      return [2, 4, 8][t.precision ?? -1] ?? null;
    case Type.Date:
      return t.unit === DateUnit.DAY ? 4 : 8;
    case Type.Timestamp:
    case Type.Duration:
      return 8;
    case Type.FixedSizeBinary:
      return t.byteWidth ?? null;
    default:
      return null;
  }
}

/**
 * True when a row window can be read without loading the whole column: flat columns, of a batch that
 * is not compressed or whose decoded buffers are kept (`decodedKept`: then a window is cut from them).
 */
export function supportsRowWindow(type: DataType, compressed: boolean, decodedKept = false): boolean {
  if ((compressed && !decodedKept) || isDecodedType(type)) return false;
  const t = type.typeId === Type.Dictionary ? (type as Dictionary).indices : type;
  return byteWidth(t) !== null || t.typeId === Type.Bool || t.typeId === Type.Utf8 || t.typeId === Type.Binary;
}

/** How a window reaches a buffer of the column: its length, and bytes [from, to) of it. */
interface BufferAccess {
  length(buffer: LayoutBuffer): number;
  read(buffer: LayoutBuffer, from: number, to: number): Promise<Uint8Array>;
}

/**
 * Reads rows [start, end) of a flat column: the validity bits, the values (or offsets then the
 * matching data range) of just those rows. apache-arrow's Data keeps values and offsets pre-sliced
 * while bit buffers (validity, booleans) carry a bit offset, so bits are read from the byte holding
 * row `start` and `offset` is the bit position within it. In a compressed batch the column's buffers
 * are decoded whole, once, and kept in `req.decoded` (the decoded cache); windows are cut from them.
 */
export async function loadRowWindow(req: ColumnRequest, rows: RowRange): Promise<Vector> {
  const { batch, field } = req;
  // Every header-level check (nodes, null counts, buffers inside the body and long enough) first.
  const { place, arrays } = validatedLayout(req);
  const top = arrays[0];
  const node = top.node;
  const [validity, first, second] = top.buffers;
  const start = Math.max(0, rows.start);
  const end = Math.min(node.length, rows.end);
  const length = Math.max(0, end - start);
  if (length === 0) return (await loadColumn(req)).slice(0, 0); // no rows: nothing to window (offsets may even be empty)
  if (req.header.compression && !req.decoded?.buffers.keeps) return loadColumn(req, rows); // nowhere to keep decoded buffers
  const base = start - (start % 8);
  const skew = start - base;
  const type = field.type;
  const valueType = type.typeId === Type.Dictionary ? (type as Dictionary).indices : type;
  const buffers = req.header.compression ? await decodedAccess(req, place, arrays) : fileAccess(req);
  const read = buffers.read;
  const width = byteWidth(valueType);
  const bits = node.nullCount > 0 && buffers.length(validity) > 0;
  // The validity bits and the values (or offsets) in one wave; a string's data range with them, where
  // the rows' share of the data buffer says it probably is, else in a second wave once the offsets say.
  const learned = width === null && valueType.typeId !== Type.Bool && !req.header.compression ? learnedSkew(req) : null;
  const guess = learned ? learned.guess(req.batchIndex, buffers.length(second), start, end, node.length) : null;
  const [nullBitmap, firstBytes, guessed] = await Promise.all([
    bits ? read(validity, base / 8, Math.min(buffers.length(validity), Math.ceil(end / 8))) : undefined,
    width !== null ? read(first, start * width, end * width) : valueType.typeId === Type.Bool ? read(first, base / 8, Math.ceil(end / 8)) : read(first, start * 4, (end + 1) * 4),
    guess ? read(second, guess.from, guess.to) : undefined,
  ]);
  const nullCount = nullBitmap ? -1 : 0; // -1: apache-arrow counts the window's nulls lazily

  let data;
  if (width !== null) {
    data = makeData({ type: valueType, offset: skew, length, nullCount, nullBitmap, data: aligned(firstBytes, valueType) } as never);
  } else if (valueType.typeId === Type.Bool) {
    data = makeData({ type: valueType, offset: skew, length, nullCount, nullBitmap, data: firstBytes } as never);
  } else {
    const offsets = new Int32Array(firstBytes.buffer, firstBytes.byteOffset, firstBytes.byteLength / 4).slice();
    // Only this window's offsets are read: they must not decrease and must stay within the data buffer.
    const dataLength = buffers.length(second);
    const problem = offsetsProblem({ at: (i) => offsets[i - start] }, start, end, dataLength, `the ${dataLength.toLocaleString('en-US')} bytes of its data buffer`);
    if (problem) throw place.bufferError(top, first, problem);
    const lo = offsets[0];
    const hi = offsets[offsets.length - 1];
    learned?.learn(req.batchIndex, dataLength, start, end, node.length, lo, hi);
    for (let i = 0; i < offsets.length; i++) offsets[i] -= lo;
    const values = guess && guessed && guess.from <= lo && hi <= guess.to ? guessed.subarray(lo - guess.from, hi - guess.from) : await read(second, lo, hi);
    data = makeData({ type: valueType, offset: skew, length, nullCount, nullBitmap, valueOffsets: offsets, data: values } as never);
  }
  if (type.typeId === Type.Dictionary) {
    const dictionary = req.dictionaries.get((type as Dictionary).id);
    data = makeData({ type, offset: skew, length, nullCount, nullBitmap, data: data.values, dictionary } as never);
  }
  const problem = validateData(data);
  if (problem) throw place.error(`its data is inconsistent: ${problem}`, batch.bodyOffset);
  return makeVector(data);
}

/** Bytes read on either side of where a window's string data probably is (a read's fixed cost covers far more than its rows). */
export const GUESS_MARGIN = 32 * 1024;
/** Windows whose data probably spans more than this are not guessed: a miss would read their bytes twice. */
const MAX_GUESSED = 1024 * 1024;

/**
 * Where rows [start, end) of `rows` probably have their string data in a buffer of `dataLength` bytes:
 * at the rows' share of it, GUESS_MARGIN either side (exact on a column of one value width; on FEC
 * data all string columns but the sorted candidate name land within 6 KB). Null for an empty buffer
 * or a window of more than MAX_GUESSED bytes.
 */
export function guessedRange(dataLength: number, start: number, end: number, rows: number, margin = GUESS_MARGIN, shift = 0): { from: number; to: number } | null {
  if (dataLength <= 0 || rows <= 0 || (dataLength * (end - start)) / rows > MAX_GUESSED) return null;
  const from = Math.max(0, Math.floor((dataLength * start) / rows + shift) - margin);
  const to = Math.min(dataLength, Math.ceil((dataLength * end) / rows + shift) + margin);
  return to > from ? { from, to } : null;
}

/** The widest margin a learned skew asks for: bytes read cost little beside a second wave of reads, but not nothing. */
export const MAX_LEARNED_MARGIN = 1024 * 1024;

/** A window starting this close to the column's last one, in the same batch, is guessed from where that one's data was. */
export const NEAR_ROWS = 1024;

/**
 * A local file's margins (its block cache's blocks are LOCAL_BLOCK): each byte read costs there too. A W1
 * jump's guesses with GUESS_MARGIN were ~0.9 of its 1.4 MB (3.1 MB in 64 KiB blocks) where its rows'
 * data is ~40 KB. FEC's string columns but the sorted candidate name lie within 6 KB of the rows' share
 * anywhere in a batch (80 random windows), a scroll step within a few hundred bytes of where its last
 * window's data was. A remote file keeps GUESS_MARGIN: there a miss costs a round trip.
 */
export const LOCAL_MARGIN = 2 * LOCAL_BLOCK;
export const LOCAL_NEAR_MARGIN = LOCAL_BLOCK;

/**
 * How far a column's string data was seen from the rows' share of its buffer. A window near the last
 * one read (a scroll step) is guessed where that one's data was, with the near margin: a narrow read,
 * mostly in cached blocks. Any other (a jump) widens its margin to the largest distance seen in any
 * window of any batch, as a fraction of the buffer, plus a quarter (at least the `floor` margin): a
 * column sorted by its values (FEC's candidate name, 2.5% off mid-batch) is read in one wave after its
 * first miss, not two in every jump.
 */
export class ColumnSkew {
  private seen = 0;
  private last: { batch: number; start: number; shift: number } | null = null;

  constructor(
    readonly floor = GUESS_MARGIN,
    readonly nearMargin = GUESS_MARGIN,
  ) {}

  margin(dataLength: number): number {
    return Math.min(MAX_LEARNED_MARGIN, Math.max(this.floor, Math.ceil(this.seen * 1.25 * dataLength)));
  }

  guess(batch: number, dataLength: number, start: number, end: number, rows: number): { from: number; to: number } | null {
    const near = this.last && this.last.batch === batch && Math.abs(start - this.last.start) <= NEAR_ROWS ? this.last : null;
    return near ? guessedRange(dataLength, start, end, rows, this.nearMargin, near.shift) : guessedRange(dataLength, start, end, rows, this.margin(dataLength));
  }

  learn(batch: number, dataLength: number, start: number, end: number, rows: number, lo: number, hi: number): void {
    if (dataLength <= 0 || rows <= 0) return;
    const shift = lo - (dataLength * start) / rows;
    const off = Math.max(Math.abs(shift), Math.abs(hi - (dataLength * end) / rows));
    this.seen = Math.max(this.seen, off / dataLength);
    this.last = { batch, start, shift };
  }
}

/**
 * True when reads of `source` are a local file's: a block cache of LOCAL_BLOCK blocks (the engine gives
 * local files one, datasetRegistry.ts), or, without a cache, a source with no round trip to save (no mergeGap).
 */
function localReads(source: ByteSource): boolean {
  return source instanceof CachedSource ? source.block <= LOCAL_BLOCK : source.mergeGap === undefined;
}

const skews = new WeakMap<object, Map<number, ColumnSkew>>();

/** The skew learned for the request's column of this file (kept per source, forgotten with it), with the source's margins. */
function learnedSkew(req: ColumnRequest): ColumnSkew {
  let perColumn = skews.get(req.source);
  if (!perColumn) skews.set(req.source, (perColumn = new Map()));
  let skew = perColumn.get(req.column);
  if (!skew) perColumn.set(req.column, (skew = localReads(req.source) ? new ColumnSkew(LOCAL_MARGIN, LOCAL_NEAR_MARGIN) : new ColumnSkew()));
  return skew;
}

/**
 * An uncompressed batch: the buffers were checked against the body and the column's length, so these
 * ranges lie inside them. Reads go through the source's read plan: the columns of one window are read
 * together (readPlan.ts).
 */
function fileAccess(req: ColumnRequest): BufferAccess {
  const plan = plannedReads(req.source);
  return {
    length: (buffer) => buffer.region.length,
    read: (buffer, from, to) => plan.read(req.batch.bodyOffset + buffer.region.offset + from, to - from, req.signal),
  };
}

/**
 * A compressed batch: the column's buffers decoded whole (each once while the decoded cache keeps it)
 * and their decoded lengths checked against the column's length, as loadColumn checks them.
 */
async function decodedAccess(req: ColumnRequest, place: ColumnPlace, arrays: LayoutArray[]): Promise<BufferAccess> {
  const { batch, header, span } = req;
  const regions = header.buffers.slice(span.bufferStart, span.bufferEnd);
  const where = { chunk: req.batchIndex, column: req.field.name };
  const cache = { scope: req.decoded!.buffers, key: (i: number) => `${req.batchIndex}/${i}` };
  const decoded = await decodedBuffers(plannedReads(req.source), batch.bodyOffset, batch.bodyLength, regions, span.bufferStart, header.compression!, cache, where, req.signal);
  const of = (buffer: LayoutBuffer) => decoded[buffer.index - span.bufferStart];
  checkSizes(arrays, place, (b) => new BufferRegion(0, of(b).length));
  return {
    length: (buffer) => of(buffer).length,
    read: async (buffer, from, to) => of(buffer).subarray(from, to),
  };
}

/** A typed array over `bytes` for the type; copies only when the read is not element-aligned. */
function aligned(bytes: Uint8Array, type: DataType): ArrayBufferView {
  const Ctor = type.ArrayType as unknown as { new (b: ArrayBufferLike, o: number, n: number): ArrayBufferView; BYTES_PER_ELEMENT: number };
  const size = Ctor.BYTES_PER_ELEMENT;
  const copy = bytes.byteOffset % size === 0 ? bytes : bytes.slice();
  return new Ctor(copy.buffer, copy.byteOffset, copy.byteLength / size);
}
