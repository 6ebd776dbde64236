import { Binary, Dictionary, Float32, Float64, Int32, Int64, Type, Utf8, makeData, makeVector, type Data, type DataType, type Field, type Vector } from 'apache-arrow';
import type { ColumnChunk, SchemaElement } from 'hyparquet';
import { parquetHeader, readRleBitPackedHybrid, type PageHeader } from '../adapters/hyparquetInternals';
import { snappyDecode, type SnappyArena } from '../adapters/snappy';
import type { ByteRangePart } from '../model/types';
import { onesBefore, readRuns, scanRuns, type HybridRuns } from './hybridRuns';

/**
 * A run of data pages of a flat column decoded in JS straight into Arrow buffers, for the cases a grid
 * window meets most (PLAIN or dictionary-encoded pages, v1 or v2, uncompressed or SNAPPY, strings and
 * 32/64-bit numbers whose Arrow type is their physical one). Anything else, and any page that does not
 * decode cleanly, gives null: the caller then decodes through parquet-wasm, whose checks and errors
 * stay the reference. The values are the bytes parquet-wasm gives for the same pages.
 */

type Physical = 'BYTE_ARRAY' | 'INT32' | 'INT64' | 'FLOAT' | 'DOUBLE';

/** How a column's pages are decoded in JS, fixed per column chunk. */
export interface FlatColumn {
  physical: Physical;
  /** 1 for an optional column (a definition level per row), 0 for a required one. */
  maxDefinition: 0 | 1;
  codec: 'UNCOMPRESSED' | 'SNAPPY';
  /** The Arrow type out: the field's, or Dictionary<field's, Int32> when the dictionary is kept. */
  type: DataType;
  /** Utf8 bytes are checked to be UTF-8, as parquet-wasm does (it refuses a page that is not). */
  utf8: boolean;
}

/** A decoded dictionary page: its bytes and, for byte arrays, where each entry starts and ends in them. */
export interface DictionaryEntries {
  bytes: Uint8Array;
  /** Byte arrays: entry k is bytes[starts[k], starts[k + 1]), past its 4-byte length (starts has one more element, the end of the last entry). */
  starts?: Int32Array;
  /** The entries' count. */
  count: number;
  /** Kept-dictionary output: the entries as an Arrow vector, made once. */
  vector?: Vector;
  /** Whether every byte is ASCII (no UTF-8 to check in values gathered from it), found at first use. */
  ascii?: boolean;
  /** Fixed-width entries as a typed array, made at first use. */
  values?: Int32Array | BigInt64Array | Float32Array | Float64Array;
}

/** Thrown for anything the JS path does not decode: the caller falls back to parquet-wasm. */
class NotDecoded extends Error {}

const fail = (why: string): never => {
  throw new NotDecoded(why);
};

function physicalType(type: unknown): Physical | undefined {
  return type === 'BYTE_ARRAY' || type === 'INT32' || type === 'INT64' || type === 'FLOAT' || type === 'DOUBLE' ? type : undefined;
}

/** The Arrow type parquet-wasm gives the column when it is the physical type itself (no logical conversion of the values). */
function sameAsPhysical(physical: Physical, type: DataType): boolean {
  switch (type.typeId) {
    case Type.Utf8:
    case Type.Binary:
      return physical === 'BYTE_ARRAY';
    case Type.Float:
      return (physical === 'DOUBLE' && type instanceof Float64) || (physical === 'FLOAT' && type instanceof Float32);
    case Type.Int:
      return (type as Int32).isSigned && ((physical === 'INT32' && (type as Int32).bitWidth === 32) || (physical === 'INT64' && (type as Int64).bitWidth === 64));
    default:
      return false;
  }
}

/**
 * How the JS path decodes `chunk` of the flat column `element` read as `field` (`keepsDictionary`: a
 * dictionary hint asks for Dictionary<field type, Int32>), or undefined when it does not.
 */
export function flatColumn(element: SchemaElement, chunk: ColumnChunk, field: Field, keepsDictionary: boolean): FlatColumn | undefined {
  const physical = physicalType(element.type);
  const codec = chunk.meta_data?.codec;
  const repetition = element.repetition_type;
  if (!physical || (codec !== 'UNCOMPRESSED' && codec !== 'SNAPPY') || (repetition !== 'OPTIONAL' && repetition !== 'REQUIRED')) return undefined;
  if (physicalType(chunk.meta_data?.type) !== physical || !sameAsPhysical(physical, field.type)) return undefined;
  const valueType: DataType = field.type.typeId === Type.Utf8 ? new Utf8() : field.type.typeId === Type.Binary ? new Binary() : field.type;
  if (keepsDictionary && physical !== 'BYTE_ARRAY') return undefined;
  return {
    physical,
    maxDefinition: repetition === 'OPTIONAL' ? 1 : 0,
    codec,
    type: keepsDictionary ? new Dictionary(valueType, new Int32()) : valueType,
    utf8: field.type.typeId === Type.Utf8,
  };
}

function readHeader(bytes: Uint8Array, at: number): { header: PageHeader; body: number } {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: at };
  const header = parquetHeader(reader);
  const size = header.compressed_page_size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || reader.offset + size > bytes.length) fail('page past the bytes');
  return { header, body: reader.offset };
}

function uncompress(column: FlatColumn, body: Uint8Array, size: number, arena?: SnappyArena): Uint8Array {
  if (!Number.isInteger(size) || size < 0) fail('page size');
  if (column.codec === 'UNCOMPRESSED') return body.length === size ? body : fail('page size');
  return arena ? arena.decode(body, size) : snappyDecode(body, size);
}

const fixedWidth = (physical: Physical) => (physical === 'INT32' || physical === 'FLOAT' ? 4 : 8);

/** Where each PLAIN byte array of `bytes` starts (past its length), `count` of them, and the end of the last; fails when one runs past the bytes. */
function byteArrayStarts(bytes: Uint8Array, at: number, count: number): Int32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) {
    if (at + 4 > bytes.length) fail('byte array past the page');
    const length = view.getUint32(at, true);
    at += 4;
    starts[k] = at;
    at += length;
    if (at > bytes.length) fail('byte array past the page');
  }
  starts[count] = at;
  return starts;
}

/**
 * A dictionary page (its header and body at the start of `prefix`; a prefix holding anything else is
 * not decoded here) decoded once per column chunk.
 */
export function decodeDictionary(column: FlatColumn, prefix: Uint8Array): DictionaryEntries {
  try {
    const { header, body } = readHeader(prefix, 0);
    if (body + header.compressed_page_size !== prefix.length || header.type !== 'DICTIONARY_PAGE') fail('not one dictionary page');
    const d = header.dictionary_page_header;
    const count = d?.num_values;
    if (!d || (d.encoding !== 'PLAIN' && d.encoding !== 'PLAIN_DICTIONARY') || typeof count !== 'number' || !Number.isInteger(count) || count < 0) fail('dictionary header');
    const bytes = uncompress(column, prefix.subarray(body, prefix.length), header.uncompressed_page_size);
    if (column.physical !== 'BYTE_ARRAY') {
      if (bytes.length < count! * fixedWidth(column.physical)) fail('dictionary too short');
      return { bytes, count: count! };
    }
    const starts = byteArrayStarts(bytes, 0, count!);
    const entries: DictionaryEntries = { bytes, starts, count: count! };
    // A kept dictionary whose bytes are ASCII (no UTF-8 to check) gives each window the entries it uses
    // (windowDictionary); otherwise its entries are made into one vector here, their UTF-8 checked first.
    if (column.type instanceof Dictionary && !(entries.ascii = asciiFrom(bytes, 0))) {
      const values = gatherByteArrays(column, entries, Int32Array.from({ length: count! }, (_, k) => k), count!);
      entries.vector = makeVector(makeData({ type: column.type.dictionary, length: count!, nullCount: 0, valueOffsets: values.offsets, data: values.data }));
    }
    return entries;
  } catch (e) {
    throw e instanceof NotDecoded ? e : new NotDecoded(String(e));
  }
}

/** Entry k's end: the next entry's start less its 4-byte length, or the end of the last entry. */
const entryEnd = (d: DictionaryEntries, k: number) => (k + 1 < d.count ? d.starts![k + 1] - 4 : d.starts![d.count]);

/** The byte arrays `indices[0, n)` of the dictionary, back to back, with their offsets. */
function gatherByteArrays(column: FlatColumn, dictionary: DictionaryEntries, indices: Int32Array, n: number): { offsets: Int32Array; data: Uint8Array } {
  const { bytes, starts } = dictionary;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + entryEnd(dictionary, indices[i]) - starts![indices[i]];
  const data = new Uint8Array(offsets[n]);
  for (let i = 0; i < n; i++) data.set(bytes.subarray(starts![indices[i]], entryEnd(dictionary, indices[i])), offsets[i]);
  if (column.utf8) checkUtf8(data, offsets, n);
  return { offsets, data };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 with every value starting on a character (arrow-rs's check for a Utf8 array). */
function checkUtf8(data: Uint8Array, offsets: Int32Array, n: number): void {
  let ascii = true;
  for (let i = 0; i < data.length; i++) {
    if (data[i] > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return;
  try {
    utf8.decode(data);
  } catch {
    fail('not UTF-8');
  }
  for (let i = 0; i < n; i++) if (offsets[i] < data.length && (data[offsets[i]] & 0xc0) === 0x80) fail('value not on a character');
}

/** One data page's levels and values, before they are put together. */
interface PagePart {
  rows: number;
  /** 1 where the row has a value, per row (undefined: every row has one). */
  defined?: Uint8Array;
  nonNull: number;
  /** Dictionary indices of the non-null values, or their PLAIN bytes: byte arrays at [from[v], to[v]), fixed-width values from `at`. */
  indices?: Int32Array;
  plain?: { bytes: Uint8Array; at: number; from?: Int32Array; to?: Int32Array };
}

function readLevels(bytes: Uint8Array, at: number, rows: number, length?: number): { defined: Uint8Array; end: number; nonNull: number } {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: at };
  const levels = new Uint8Array(rows);
  readRleBitPackedHybrid(reader, 1, levels, length);
  if (reader.offset > bytes.length) fail('levels past the page');
  let nonNull = 0;
  for (let i = 0; i < rows; i++) {
    if (levels[i] > 1) fail('definition level');
    nonNull += levels[i];
  }
  return { defined: levels, end: reader.offset, nonNull };
}

function readIndices(bytes: Uint8Array, at: number, end: number, count: number): Int32Array {
  if (at >= end) return count ? fail('no indices') : new Int32Array(0);
  const width = bytes[at];
  // hyparquet's bit unpacking keeps its bits in a 32-bit int: wider indices (a dictionary of over 16M
  // entries, or a damaged width) are left to parquet-wasm.
  if (width > 24) fail('index bit width');
  const out = new Int32Array(count);
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, end), offset: at + 1 };
  readRleBitPackedHybrid(reader, width, out, end - at - 1);
  return out;
}

/** Where each of `count` PLAIN byte arrays from bytes[at] lies; fails when one runs past the page. */
function byteArrayPositions(bytes: Uint8Array, at: number, count: number, arena?: SnappyArena): { from: Int32Array; to: Int32Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = arena ? arena.ints(count) : new Int32Array(count);
  const to = arena ? arena.ints(count) : new Int32Array(count);
  for (let v = 0; v < count; v++) {
    if (at + 4 > bytes.length) fail('byte array past the page');
    const length = view.getUint32(at, true);
    from[v] = at += 4;
    to[v] = at += length;
    if (at > bytes.length) fail('byte array past the page');
  }
  return { from, to };
}

/** A data page's header read and its values decompressed; its definition levels located, not read. */
interface OpenedPage {
  rows: number;
  encoding: string | undefined;
  /** The page's values (v1: its levels first), decompressed. */
  values: Uint8Array;
  /** v1: where the levels' 4-byte length is in `values`; v2: the levels' own bytes. Undefined for a required column. */
  levels?: { bytes: Uint8Array; length?: number };
  /** v2: the nulls its header declares. */
  nulls?: number;
  next: number;
}

function openPage(column: FlatColumn, bytes: Uint8Array, at: number, arena?: SnappyArena): OpenedPage {
  const { header, body } = readHeader(bytes, at);
  const next = body + header.compressed_page_size;
  const raw = bytes.subarray(body, next);
  if (header.type === 'DATA_PAGE') {
    const h = header.data_page_header!;
    const values = uncompress(column, raw, header.uncompressed_page_size, arena);
    if (column.maxDefinition && h.definition_level_encoding !== 'RLE') fail('definition level encoding');
    return { rows: h.num_values, encoding: h.encoding, values, levels: column.maxDefinition ? { bytes: values } : undefined, next };
  }
  if (header.type === 'DATA_PAGE_V2') {
    const h = header.data_page_header_v2!;
    const rows = h.num_rows;
    const repetition = h.repetition_levels_byte_length;
    const definition = h.definition_levels_byte_length;
    if (repetition !== 0 || h.num_values !== rows || definition < 0 || definition > raw.length) fail('v2 levels');
    if (!column.maxDefinition && definition !== 0) fail('v2 levels');
    const rest = raw.subarray(definition);
    const values = h.is_compressed === false ? rest : uncompress(column, rest, header.uncompressed_page_size - definition, arena);
    return { rows, encoding: h.encoding, values, levels: column.maxDefinition ? { bytes: raw.subarray(0, definition), length: definition } : undefined, nulls: h.num_nulls, next };
  }
  return fail(`page type ${header.type}`);
}

/** `arena`: where the page's decompressed bytes and value positions go (decodeByteRanges), else new arrays. */
function readPage(column: FlatColumn, bytes: Uint8Array, at: number, dictionary: DictionaryEntries | undefined, arena?: SnappyArena): { part: PagePart; next: number } {
  const { rows, encoding, values, levels: levelBytes, nulls, next } = openPage(column, bytes, at, arena);
  if (!Number.isInteger(rows) || rows < 0) fail('rows');
  let valuesAt = 0;
  let defined: Uint8Array | undefined;
  let nonNull = rows;
  if (levelBytes) {
    const levels = readLevels(levelBytes.bytes, 0, rows, levelBytes.length);
    ({ defined, nonNull } = levels);
    if (levelBytes.length === undefined) valuesAt = levels.end;
    else if (nulls !== rows - nonNull) fail('v2 null count');
  }
  const part: PagePart = { rows, defined, nonNull };
  if (encoding === 'PLAIN') {
    part.plain = { bytes: values, at: valuesAt };
    if (column.physical === 'BYTE_ARRAY') Object.assign(part.plain, byteArrayPositions(values, valuesAt, nonNull, arena));
    else if (valuesAt + nonNull * fixedWidth(column.physical) > values.length) fail('values past the page');
  } else if (encoding === 'RLE_DICTIONARY' || encoding === 'PLAIN_DICTIONARY') {
    part.indices = readIndices(values, valuesAt, values.length, nonNull);
    if (!dictionary) fail('no dictionary');
    for (let v = 0; v < nonNull; v++) if (part.indices[v] < 0 || part.indices[v] >= dictionary!.count) fail('index past the dictionary');
  } else fail(`encoding ${encoding}`);
  return { part, next };
}

/**
 * A data page read for windows of its rows: its levels and dictionary indices as runs (hybridRuns.ts),
 * its PLAIN byte arrays located as far as a window needs (every MARK-th value's position kept), so
 * that a window reads its own rows' values and not the page's ~20,000. What the eager reader checks of
 * the whole page (an index past the dictionary, a byte array past the page) is checked of the values
 * a window reads, when it reads them (windowPart throws NotDecoded).
 */
interface LazyPart {
  rows: number;
  nonNull: number;
  /** Definition levels (undefined: every row has a value). */
  levels?: HybridRuns;
  /** Dictionary indices of the non-null values. */
  indices?: HybridRuns;
  /** PLAIN values from `at`; byte arrays: marks[m] is where value m * MARK's length lies, for m < marked. */
  plain?: { bytes: Uint8Array; at: number; marks?: Int32Array; marked: number };
  /** The memory the part keeps. */
  held: number;
}

/** Every this many PLAIN byte arrays, a page keeps where the next one lies. */
const MARK = 32;

const runsBytes = (r: HybridRuns | undefined) => (r ? r.first.byteLength * (r.ones ? 4 : 3) : 0);

function readLazyPage(column: FlatColumn, bytes: Uint8Array, at: number, dictionary: DictionaryEntries | undefined): { part: LazyPart; next: number } {
  const page = openPage(column, bytes, at);
  const { rows, encoding, values } = page;
  if (!Number.isInteger(rows) || rows < 0) fail('rows');
  let valuesAt = 0;
  let levels: HybridRuns | undefined;
  let nonNull = rows;
  let held = values.byteLength;
  if (page.levels) {
    let { bytes: levelBytes, length } = page.levels;
    let from = 0;
    if (length === undefined) {
      if (levelBytes.length < 4) fail('levels past the page');
      length = new DataView(levelBytes.buffer, levelBytes.byteOffset, levelBytes.byteLength).getUint32(0, true);
      from = 4;
    } else {
      levelBytes = levelBytes.slice(); // v2 levels lie in the compressed page: copied, so as not to keep the whole read
      held += levelBytes.byteLength;
    }
    levels = scanRuns(levelBytes, from, levelBytes.length, 1, rows, true);
    if (from + length > levelBytes.length) fail('levels past the page');
    nonNull = levels.ones![levels.runs];
    if (page.levels.length === undefined) valuesAt = from + length;
    else if (page.nulls !== rows - nonNull) fail('v2 null count');
    if (nonNull === rows) levels = undefined;
    else held += runsBytes(levels);
  }
  const part: LazyPart = { rows, nonNull, levels, held };
  if (encoding === 'PLAIN') {
    if (column.physical === 'BYTE_ARRAY') {
      const marks = new Int32Array(Math.ceil(nonNull / MARK) + 1);
      marks[0] = valuesAt;
      part.plain = { bytes: values, at: valuesAt, marks, marked: 1 };
      part.held += marks.byteLength;
    } else {
      if (valuesAt + nonNull * fixedWidth(column.physical) > values.length) fail('values past the page');
      part.plain = { bytes: values, at: valuesAt, marked: 0 };
    }
  } else if (encoding === 'RLE_DICTIONARY' || encoding === 'PLAIN_DICTIONARY') {
    if (!dictionary) fail('no dictionary');
    if (valuesAt >= values.length) {
      if (nonNull) fail('no indices');
    } else {
      // hyparquet's bit unpacking keeps its bits in a 32-bit int: wider indices are left to parquet-wasm.
      const width = values[valuesAt];
      if (width > 24) fail('index bit width');
      part.indices = scanRuns(values, valuesAt + 1, values.length, width, nonNull);
      part.held += runsBytes(part.indices);
    }
  } else fail(`encoding ${encoding}`);
  return { part, next: page.next };
}

/** Where PLAIN byte arrays [v0, v0 + n) of a lazy part lie, located from the nearest mark before them. */
function byteArraySpans(plain: NonNullable<LazyPart['plain']>, nonNull: number, v0: number, n: number): { from: Int32Array; to: Int32Array } {
  const { bytes } = plain;
  const marks = plain.marks!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const m = Math.floor(v0 / MARK);
  while (plain.marked <= m) {
    let at = marks[plain.marked - 1];
    for (let k = 0; k < MARK; k++) {
      if (at + 4 > bytes.length) fail('byte array past the page');
      at += 4 + view.getUint32(at, true);
      if (at > bytes.length) fail('byte array past the page');
    }
    marks[plain.marked++] = at;
  }
  let at = marks[m];
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let v = m * MARK; v < v0 + n; v++) {
    if (v >= nonNull || at + 4 > bytes.length) fail('byte array past the page');
    const length = view.getUint32(at, true);
    at += 4;
    if (v >= v0) {
      from[v - v0] = at;
      to[v - v0] = at + length;
    }
    at += length;
    if (at > bytes.length) fail('byte array past the page');
  }
  return { from, to };
}

/** Rows [a, b) of a lazy part, read into a part of their own. */
function windowPart(column: FlatColumn, p: LazyPart, a: number, b: number, dictionary: DictionaryEntries | undefined): PagePart {
  let v0 = a;
  let n = b - a;
  let defined: Uint8Array | undefined;
  if (p.levels) {
    v0 = onesBefore(p.levels, a);
    n = onesBefore(p.levels, b) - v0;
    defined = new Uint8Array(b - a);
    readRuns(p.levels, a, defined);
  }
  const part: PagePart = { rows: b - a, defined, nonNull: n };
  if (p.plain) {
    const { bytes, at } = p.plain;
    if (column.physical === 'BYTE_ARRAY') part.plain = { bytes, at, ...byteArraySpans(p.plain, p.nonNull, v0, n) };
    else part.plain = { bytes, at: at + v0 * fixedWidth(column.physical) };
    return part;
  }
  const indices = new Int32Array(n);
  if (n) {
    if (!p.indices || !dictionary) fail('no indices');
    readRuns(p.indices!, v0, indices);
    const count = dictionary!.count;
    for (let v = 0; v < n; v++) if (indices[v] >= count) fail('index past the dictionary');
  }
  part.indices = indices;
  return part;
}

/** The validity bitmap of the parts' rows, or undefined when none is null. */
function validity(parts: PagePart[], rows: number): { bitmap?: Uint8Array; nulls: number } {
  const nonNull = parts.reduce((s, p) => s + p.nonNull, 0);
  if (nonNull === rows) return { nulls: 0 };
  const bitmap = new Uint8Array((rows + 7) >> 3);
  let row = 0;
  for (const p of parts) {
    for (let i = 0; i < p.rows; i++, row++) if (!p.defined || p.defined[i]) bitmap[row >> 3] |= 1 << (row & 7);
  }
  return { bitmap, nulls: rows - nonNull };
}

/** Every part's values as row-aligned dictionary indices (0 at a null). */
function rowIndices(parts: PagePart[], rows: number): Int32Array {
  const out = new Int32Array(rows);
  let row = 0;
  for (const p of parts) {
    if (!p.indices) fail('plain page where the dictionary is kept');
    for (let i = 0, v = 0; i < p.rows; i++, row++) if (!p.defined || p.defined[i]) out[row] = p.indices![v++];
  }
  return out;
}

/** Copies bytes[from, to) to out at `at` (a loop beats subarray + set for the short values of most columns). */
function copyBytes(bytes: Uint8Array, from: number, to: number, out: Uint8Array, at: number): void {
  if (to - from > 64) out.set(bytes.subarray(from, to), at);
  else for (let i = from; i < to; i++) out[at++] = bytes[i];
}

function byteArrayData(column: FlatColumn, parts: PagePart[], rows: number, dictionary: DictionaryEntries | undefined): Data {
  const offsets = new Int32Array(rows + 1);
  // Where each value's bytes lie (per part: its buffer and [from, to) per value), then copied in one pass.
  const sources: { bytes: Uint8Array; from: Int32Array; to: Int32Array }[] = [];
  let row = 0;
  let total = 0;
  for (const p of parts) {
    let bytes: Uint8Array;
    let from: Int32Array;
    let to: Int32Array;
    if (p.plain) {
      bytes = p.plain.bytes;
      from = p.plain.from!;
      to = p.plain.to!;
    } else {
      if (!dictionary?.starts) fail('no dictionary');
      const d = dictionary!;
      bytes = d.bytes;
      from = new Int32Array(p.nonNull);
      to = new Int32Array(p.nonNull);
      for (let v = 0; v < p.nonNull; v++) {
        const k = p.indices![v];
        if (k < 0 || k >= d.count) fail('index past the dictionary');
        from[v] = d.starts![k];
        to[v] = entryEnd(d, k);
      }
    }
    if (!p.defined) {
      for (let v = 0; v < p.nonNull; v++, row++) offsets[row + 1] = total += to[v] - from[v];
    } else {
      for (let i = 0, v = 0; i < p.rows; i++, row++) {
        if (p.defined[i]) total += to[v] - from[v++];
        offsets[row + 1] = total;
      }
    }
    sources.push({ bytes, from, to });
  }
  const data = new Uint8Array(total);
  let at = 0;
  for (const { bytes, from, to } of sources) {
    for (let v = 0; v < from.length; v++) {
      copyBytes(bytes, from[v], to[v], data, at);
      at += to[v] - from[v];
    }
  }
  if (column.utf8) checkUtf8(data, offsets, rows);
  const { bitmap, nulls } = validity(parts, rows);
  return makeData({ type: column.type as Utf8, length: rows, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data });
}

type FixedArray = Int32Array | BigInt64Array | Float32Array | Float64Array;

/** `count` values of the column's physical type from bytes[at, ...], copied so that they are aligned. */
function fixedValues(physical: Physical, bytes: Uint8Array, at: number, count: number): FixedArray {
  const width = fixedWidth(physical);
  if (at + count * width > bytes.length) fail('values past the page');
  const copy = bytes.slice(at, at + count * width).buffer;
  return physical === 'INT32' ? new Int32Array(copy) : physical === 'INT64' ? new BigInt64Array(copy) : physical === 'FLOAT' ? new Float32Array(copy) : new Float64Array(copy);
}

/** A dictionary's `count` fixed-width values: viewed where they lie when aligned (a decompressed page is), else copied. */
function dictionaryValues(physical: Physical, bytes: Uint8Array, count: number): FixedArray {
  const width = fixedWidth(physical);
  if (count * width > bytes.length) fail('values past the page');
  if (bytes.byteOffset % width) return fixedValues(physical, bytes, 0, count);
  const { buffer, byteOffset } = bytes;
  return physical === 'INT32' ? new Int32Array(buffer, byteOffset, count) : physical === 'INT64' ? new BigInt64Array(buffer, byteOffset, count) : physical === 'FLOAT' ? new Float32Array(buffer, byteOffset, count) : new Float64Array(buffer, byteOffset, count);
}

function fixedData(column: FlatColumn, parts: PagePart[], rows: number, dictionary: DictionaryEntries | undefined): Data {
  const width = fixedWidth(column.physical);
  const buffer = new ArrayBuffer(rows * width);
  const out = (column.physical === 'INT32' ? new Int32Array(buffer) : column.physical === 'INT64' ? new BigInt64Array(buffer) : column.physical === 'FLOAT' ? new Float32Array(buffer) : new Float64Array(buffer)) as Float64Array;
  let row = 0;
  for (const p of parts) {
    let values: Float64Array;
    if (p.plain) values = fixedValues(column.physical, p.plain.bytes, p.plain.at, p.nonNull) as Float64Array;
    else {
      if (!dictionary) fail('no dictionary');
      const d = dictionary!;
      d.values ??= dictionaryValues(column.physical, d.bytes, d.count);
      const entries = d.values as Float64Array;
      values = new (out.constructor as Float64ArrayConstructor)(p.nonNull);
      for (let v = 0; v < p.nonNull; v++) {
        const k = p.indices![v];
        if (k < 0 || k >= d.count) fail('index past the dictionary');
        values[v] = entries[k];
      }
    }
    if (!p.defined) out.set(values, row);
    else for (let i = 0, v = 0; i < p.rows; i++) if (p.defined[i]) out[row + i] = values[v++];
    row += p.rows;
  }
  const { bitmap, nulls } = validity(parts, rows);
  return makeData({ type: column.type as Float64, length: rows, nullCount: nulls, nullBitmap: bitmap, data: out });
}

/**
 * Row-aligned indices into a dictionary of only the entries they use, in the order first used, and
 * that dictionary (a window of 64 rows then copies a few entries, not the chunk's thousands).
 */
function windowDictionary(column: FlatColumn, indices: Int32Array, parts: PagePart[], dictionary: DictionaryEntries): { indices: Int32Array; vector: Vector } {
  const slot = new Map<number, number>();
  const used: number[] = [];
  const out = new Int32Array(indices.length);
  let row = 0;
  for (const p of parts) {
    for (let i = 0; i < p.rows; i++, row++) {
      if (p.defined && !p.defined[i]) continue;
      const k = indices[row];
      let s = slot.get(k);
      if (s === undefined) {
        slot.set(k, (s = used.length));
        used.push(k);
      }
      out[row] = s;
    }
  }
  const values = gatherByteArrays(column, dictionary, Int32Array.from(used), used.length);
  const type = (column.type as Dictionary).dictionary;
  return { indices: out, vector: makeVector(makeData({ type, length: used.length, nullCount: 0, valueOffsets: values.offsets, data: values.data })) };
}

function assemble(column: FlatColumn, parts: PagePart[], rows: number, dictionary: DictionaryEntries | undefined): Vector {
  if (column.type instanceof Dictionary) {
    if (!dictionary?.starts) fail('no dictionary');
    const { bitmap, nulls } = validity(parts, rows);
    let indices = rowIndices(parts, rows);
    let entries = dictionary!.vector;
    if (!entries) ({ indices, vector: entries } = windowDictionary(column, indices, parts, dictionary!));
    return makeVector(makeData({ type: column.type, length: rows, nullCount: nulls, nullBitmap: bitmap, data: indices, dictionary: entries }));
  }
  return makeVector(column.physical === 'BYTE_ARRAY' ? byteArrayData(column, parts, rows, dictionary) : fixedData(column, parts, rows, dictionary));
}

/** Decoded pages whose rows become Arrow vectors when asked for: a window then builds its 64 rows, not the run's thousands. */
export interface PageRun {
  rows: number;
  /** The memory it keeps (decompressed pages, levels, indices and positions). */
  bytes: number;
  /** Rows [from, to) of the run as a vector. */
  slice(from: number, to: number): Vector;
}

/** A run of one vector already made (by parquet-wasm, or the JS path when it checked every value). */
export const vectorRun = (vector: Vector, bytes: number): PageRun => ({ rows: vector.length, bytes, slice: (from, to) => vector.slice(from, to) });


/** Thrown by a PageRun's slice when its rows do not decode cleanly: the caller decodes the run through parquet-wasm instead. */
export class SliceNotDecoded extends Error {}

/**
 * Data pages back to back in `pages` (`rows` rows in all) decoded into a run of `column.type` rows,
 * with `dictionary` for pages that refer to it; null when the JS path does not decode them (see the
 * top of this file). Headers, levels and the runs of indices are read here, the values of a window
 * when it is sliced (a slice whose values do not decode throws SliceNotDecoded). Utf8 pages with
 * bytes past ASCII are made into one vector here, so that their UTF-8 is checked before any is
 * shown, as parquet-wasm checks it.
 */
export function decodeFlatPages(column: FlatColumn, pages: Uint8Array, rows: number, dictionary: DictionaryEntries | undefined): PageRun | null {
  try {
    const parts: LazyPart[] = [];
    const firstRows: number[] = [];
    let total = 0;
    let bytes = 0;
    let ascii = true;
    for (let at = 0; at < pages.length; ) {
      const { part, next } = readLazyPage(column, pages, at, dictionary);
      parts.push(part);
      firstRows.push(total);
      total += part.rows;
      bytes += part.held;
      if (column.utf8 && part.plain && ascii) ascii = asciiFrom(part.plain.bytes, part.plain.at); // the values, past any levels
      at = next;
    }
    if (total !== rows) fail('rows');
    if (column.type instanceof Dictionary && (!dictionary?.starts || parts.some((p) => p.plain))) fail('plain page where the dictionary is kept');
    if (column.utf8 && dictionary && !(column.type instanceof Dictionary) && parts.some((p) => p.indices)) ascii &&= dictionary.ascii ??= asciiFrom(dictionary.bytes, 0);
    const slice = (from: number, to: number): Vector => {
      const within: PagePart[] = [];
      for (let k = 0; k < parts.length; k++) {
        const a = Math.max(from, firstRows[k]);
        const b = Math.min(to, firstRows[k] + parts[k].rows);
        if (a < b) within.push(windowPart(column, parts[k], a - firstRows[k], b - firstRows[k], dictionary));
      }
      return assemble(column, within, Math.max(0, to - from), dictionary);
    };
    if (!ascii) {
      const whole = slice(0, rows);
      return vectorRun(whole, vectorBytesOf(whole));
    }
    return {
      rows,
      bytes,
      slice: (from, to) => {
        try {
          return slice(from, to);
        } catch (e) {
          throw e instanceof NotDecoded || e instanceof RangeError ? new SliceNotDecoded(e.message, { cause: e }) : e;
        }
      },
    };
  } catch (e) {
    if (e instanceof NotDecoded || e instanceof Error) return null;
    throw e;
  }
}

/** The bytes of a vector's buffers (a whole run made at once). */
function vectorBytesOf(vector: Vector): number {
  let total = 0;
  for (const d of vector.data) total += (d.values?.byteLength ?? 0) + (d.valueOffsets?.byteLength ?? 0) + (d.nullBitmap?.byteLength ?? 0);
  return total;
}

/** decodeDictionary, or undefined when the JS path does not decode it. */
export function tryDecodeDictionary(column: FlatColumn, prefix: Uint8Array): DictionaryEntries | undefined {
  try {
    return decodeDictionary(column, prefix);
  } catch {
    return undefined;
  }
}

/** Whether bytes[from, end) are all ASCII: four bytes at a time where they are aligned. */
function asciiFrom(bytes: Uint8Array, from: number): boolean {
  let i = from;
  const end = bytes.length;
  for (; i < end && (bytes.byteOffset + i) & 3; i++) if (bytes[i] > 0x7f) return false;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + i, (end - i) >> 2);
  let any = 0;
  for (let w = 0; w < words.length; w++) any |= words[w];
  if (any & 0x80808080) return false;
  for (i += words.length * 4; i < end; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

/**
 * Data pages back to back in `pages` (`rows` rows in all) as the byte ranges of their values, for
 * counting them where they lie (no offsets built, nothing copied): PLAIN values in their page, values
 * of dictionary-encoded pages in `dictionary`. Null when the JS path does not decode them, and for
 * Utf8 pages holding a byte past ASCII (length prefixes included, so an ASCII value of 128 bytes or
 * more too): their UTF-8 is then checked by the decoder of reference. With `arena`, the pages'
 * bytes and the positions lie in it (valid until it is released).
 */
export function decodeByteRanges(column: FlatColumn, pages: Uint8Array, rows: number, dictionary: DictionaryEntries | undefined, arena?: SnappyArena): ByteRangePart[] | null {
  if (column.physical !== 'BYTE_ARRAY' || column.type instanceof Dictionary) return null;
  try {
    const out: ByteRangePart[] = [];
    let total = 0;
    for (let at = 0; at < pages.length; ) {
      const { part, next } = readPage(column, pages, at, dictionary, arena);
      at = next;
      total += part.rows;
      const defined = part.defined && part.nonNull < part.rows ? part.defined : undefined;
      if (part.plain) {
        const { bytes, from, to } = part.plain;
        if (column.utf8 && !asciiFrom(bytes, part.plain.at)) return null;
        out.push({ rows: part.rows, bytes, starts: from!, ends: to!, defined });
        continue;
      }
      const d = dictionary!;
      if (!d.starts) return null;
      if (column.utf8 && !(d.ascii ??= asciiFrom(d.bytes, 0))) return null;
      const starts = arena ? arena.ints(part.nonNull) : new Int32Array(part.nonNull);
      const ends = arena ? arena.ints(part.nonNull) : new Int32Array(part.nonNull);
      for (let v = 0; v < part.nonNull; v++) {
        const k = part.indices![v];
        starts[v] = d.starts[k];
        ends[v] = entryEnd(d, k);
      }
      out.push({ rows: part.rows, bytes: d.bytes, starts, ends, defined });
    }
    return total === rows ? out : null;
  } catch (e) {
    if (e instanceof NotDecoded || e instanceof Error) return null;
    throw e;
  }
}
