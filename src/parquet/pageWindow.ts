import { tableFromIPC, type Data, type Vector } from 'apache-arrow';
import type { ColumnChunk } from 'hyparquet';
import { parquetHeader, type PageHeader } from '../adapters/hyparquetInternals';
import { parquetWasm } from '../adapters/parquetWasm';
import { SharedTask } from '../model/abortable';
import { DatasetError } from '../model/errors';
import type { RowRange } from '../model/types';
import { decodedCache } from '../source/decodedCache';
import { CoalescedReads, type RangeReader } from './coalescedReads';
import { decodeError } from './decodeError';
import { OffsetIndexSpans } from './offsetIndexSpans';
import { decodeFlatPages, flatColumn, SliceNotDecoded, tryDecodeDictionary, vectorRun, type DictionaryEntries, type FlatColumn, type PageRun } from './flatPages';
import { arrowSchemaEntry, dictionaryHint } from './dictionaryHint';
import { asRawInt96, int96ToTimestamps, isInt96Column } from './int96';
import { BATCH_SIZE, checkPageFacts, isEmpty, type ColumnRequest } from './loadColumn';
import { chunkPages } from './chunkPages';
import { likelyDictionaryEncoded, pageEndRow, pageHoldsRows, pageOfRow, readPageLocations, type PageLocations } from './pageLocations';
import { syntheticFile } from './syntheticFile';

/**
 * Set `enabled` to false to decode whole column chunks for every row window, as before; `js` to false
 * to decode every page run through parquet-wasm (benchmarks and tests compare them).
 */
export const pageWindowSettings = { enabled: true, js: true };
/** Page runs decoded so far by each decoder (tests check which one a file's windows went through). */
export const pageRunsDecoded = { js: 0, wasm: 0 };

/** Column chunks whose page locations are kept (a few hundred bytes each for ~50 pages). */
const KEEP_LOCATIONS = 4096;
/** A window whose pages hold more than this share of the chunk's rows is left to the whole-chunk decode. */
const MAX_SHARE = 0.5;
/** Pages are decoded (and kept) in groups of at least this many rows, so that a chunk of tiny pages is not decoded a page per call. */
const MIN_GROUP_ROWS = 1024;
/** A dictionary page up to this size is read beside a window's pages when the footer does not say which pages use it. */
const SMALL_PREFIX = 64 * 1024;

/**
 * The pages of a group did not match their locations: a page's header does not read as a data page
 * with a row count (a damaged header), or gives another size or row count than its location (a
 * damaged header or offset index entry). Only windows needing that group decode the whole chunk,
 * whose checks say what is wrong; the chunk's other pages are still read alone, each group checked
 * against its locations, whichever window is read first (the CLI reads one window, the app many).
 */
class PagesMismatch extends Error {
  constructor(readonly firstPage: number) {
    super('pages do not match their locations');
  }
}

/** The memory a decoded vector keeps alive: every distinct ArrayBuffer its data (and dictionaries) view, counted once. */
export function vectorBytes(vector: Vector): number {
  const seen = new Set<ArrayBufferLike>();
  let total = 0;
  const stack: Data[] = [...vector.data];
  while (stack.length) {
    const data = stack.pop()!;
    for (const view of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as (ArrayBufferView | undefined)[]) {
      if (!view || seen.has(view.buffer)) continue;
      seen.add(view.buffer);
      total += view.buffer.byteLength;
    }
    stack.push(...data.children);
    if (data.dictionary) stack.push(...data.dictionary.data);
  }
  return total;
}

/** Pages per group for a chunk: enough for MIN_GROUP_ROWS rows at its average page size. */
const pagesPerGroup = (locations: PageLocations) => Math.max(1, Math.ceil(MIN_GROUP_ROWS / (locations.rows / locations.offsets.length)));

/** What the headers of the prefix and a run of data pages add up to (the values and decoded bytes the footer of their file declares). */
interface RunFacts {
  values: number;
  uncompressed: number;
}

function headerAt(bytes: Uint8Array, at: number): { header: PageHeader; size: number } | null {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: at };
  try {
    const header = parquetHeader(reader);
    const body = header.compressed_page_size as unknown;
    if (typeof body !== 'number' || !Number.isInteger(body) || body < 0) return null;
    return { header, size: reader.offset - at + body };
  } catch {
    return null;
  }
}

/**
 * Checks the prefix (dictionary or index pages, filling it exactly) and each data page of pages
 * [first, last] (back to back in `pages`, filling it exactly) against the locations: one header per
 * location, filling it exactly, holding the rows the locations give it (a v1 page of a column with no
 * repeated field holds one value per row). Throws PagesMismatch where they disagree.
 */
function runFacts(prefix: Uint8Array, pages: Uint8Array, locations: PageLocations, first: number, last: number): RunFacts {
  const facts: RunFacts = { values: 0, uncompressed: 0 };
  let at = 0;
  while (at < prefix.length) {
    const page = headerAt(prefix, at);
    if (!page || (page.header.type !== 'DICTIONARY_PAGE' && page.header.type !== 'INDEX_PAGE') || at + page.size > prefix.length) throw new PagesMismatch(first);
    facts.uncompressed += page.size - page.header.compressed_page_size + page.header.uncompressed_page_size;
    at += page.size;
  }
  at = 0;
  for (let p = first; p <= last; p++) {
    const page = headerAt(pages, at);
    const header = page?.header;
    const pageRows = header?.type === 'DATA_PAGE' ? header.data_page_header?.num_values : header?.type === 'DATA_PAGE_V2' ? header.data_page_header_v2?.num_rows : undefined;
    if (!page || typeof pageRows !== 'number') throw new PagesMismatch(first);
    if (page.size !== locations.sizes[p] || pageRows !== pageEndRow(locations, p) - locations.firstRows[p]) throw new PagesMismatch(first);
    facts.values += header!.data_page_header?.num_values ?? header!.data_page_header_v2?.num_values ?? 0;
    facts.uncompressed += page.size - page.header.compressed_page_size + page.header.uncompressed_page_size;
    at += page.size;
  }
  if (at !== pages.length) throw new PagesMismatch(first);
  return facts;
}

/** A column chunk holding the prefix (`prefix` bytes, 0 or all of it) and data pages [first, last] of `chunk`, back to back from the chunk's start (or the first page's, without a prefix). */
function runChunk(chunk: ColumnChunk, locations: PageLocations, prefix: number, first: number, bytes: number, facts: RunFacts): ColumnChunk {
  const m = chunk.meta_data!;
  const start = prefix ? locations.prefix.offset : locations.offsets[first];
  return {
    ...chunk,
    meta_data: {
      ...m,
      num_values: BigInt(facts.values),
      total_compressed_size: BigInt(bytes),
      total_uncompressed_size: BigInt(facts.uncompressed),
      dictionary_page_offset: prefix ? BigInt(start) : undefined,
      data_page_offset: BigInt(start + prefix),
    },
  };
}

const isDictionaryEncoding = (e: unknown) => e === 'PLAIN_DICTIONARY' || e === 'RLE_DICTIONARY';

/** Whether any data page in `pages` (data pages back to back) refers to the dictionary; true when a header cannot be read (the checks then say what is wrong). */
function refersToDictionary(pages: Uint8Array): boolean {
  for (let at = 0; at < pages.length; ) {
    const page = headerAt(pages, at);
    if (!page) return true;
    const { header } = page;
    if (isDictionaryEncoding(header.data_page_header?.encoding ?? header.data_page_header_v2?.encoding)) return true;
    at += page.size;
  }
  return false;
}

/**
 * Whether the dictionary page is read beside data pages [first, ...] rather than after them, once
 * they turn out to refer to it (a read after the pages, behind the window's other columns' decoding).
 * From the footer's page encoding statistics when it has them: a writer whose dictionary grew too big
 * falls back to plain pages for the rest of the chunk, so the dictionary-encoded pages it counts come
 * first. Without them, a small dictionary page is read beside (writers rarely fall back then, and it
 * costs little), a big one when the first page's size says it is likely dictionary-encoded.
 */
function readPrefixAlongside(chunk: ColumnChunk, locations: PageLocations, first: number): boolean {
  const stats = chunk.meta_data?.encoding_stats;
  if (!stats?.length) return locations.prefix.length <= SMALL_PREFIX || likelyDictionaryEncoded(locations, first);
  let dictionaryPages = 0;
  for (const s of stats) {
    if (typeof s.page_type === 'string' && !s.page_type.startsWith('DATA_PAGE')) continue;
    if (!isDictionaryEncoding(s.encoding)) continue;
    const count = Number(s.count);
    if (!Number.isFinite(count)) return true;
    dictionaryPages += count;
  }
  return first < dictionaryPages;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Row windows of Parquet columns decoded from only the pages that cover their rows: page locations
 * read once per column chunk (pageLocations.ts), then the pages a window lacks read in one range per
 * group and decoded through parquet-wasm in a small file of the chunk's dictionary page and those
 * pages. Decoded groups and dictionary pages are kept in the worker's decoded cache (one budget with
 * the Arrow engine's). Only flat leaf columns of chunks of several pages are read this way; `read`
 * gives undefined when the whole chunk is to be decoded.
 */
export class PageWindows {
  private readonly locations = new Map<string, SharedTask<PageLocations | null>>();
  /** Per chunk, whether its last page holds the rows its offset index gives it (lastPageHolds). */
  private readonly lastPages = new Map<string, SharedTask<boolean>>();
  /** Page groups (`rowGroup:column:group`) whose pages do not match their locations, decoded with their whole chunk. */
  private readonly mismatched = new Set<string>();
  private readonly source: CoalescedReads;
  private readonly indexSpans: OffsetIndexSpans;
  private readonly groups = decodedCache.scope('parquet-pages');
  private readonly prefixes = decodedCache.scope('parquet-dictionary-pages');
  private readonly dictionaries = decodedCache.scope('parquet-dictionaries');

  constructor(source: RangeReader) {
    this.source = new CoalescedReads(source);
    this.indexSpans = new OffsetIndexSpans(this.source);
  }

  /**
   * Rows [rows.start, rows.end) of column `column` (the request's), decoded from only the pages that
   * hold them; undefined when the column or chunk is not read by pages (nested, a few pages, a window
   * of most of the chunk, page locations that cannot be known or do not match the pages).
   */
  async read(request: ColumnRequest, column: number, chunkRows: number, rows: RowRange): Promise<Vector | undefined> {
    if (!pageWindowSettings.enabled) return undefined;
    const { rg, subset, rowGroup, signal } = request;
    if (subset.leaves !== 1 || subset.elements.length !== 1 || subset.elements[0].repetition_type === 'REPEATED') return undefined;
    const chunk = rg.columns[subset.firstLeaf];
    const start = Math.max(0, rows.start);
    const end = Math.min(chunkRows, rows.end);
    if (!chunk?.meta_data || end <= start || isEmpty(rg, [chunk])) return undefined;
    const key = `${rowGroup}:${column}`;
    const locations = await this.locationsOf(key, chunk, chunkRows, signal, (at, length, s) => this.indexSpans.read(at, length, s));
    if (!locations || locations.offsets.length < 2) return undefined;
    const per = pagesPerGroup(locations);
    const pages = locations.offsets.length;
    const firstGroup = Math.floor(pageOfRow(locations, start) / per);
    const lastGroup = Math.floor(pageOfRow(locations, end - 1) / per);
    const base = locations.firstRows[firstGroup * per];
    if (pageEndRow(locations, Math.min(pages - 1, lastGroup * per + per - 1)) - base > locations.rows * MAX_SHARE) return undefined;
    // Group g's pages, decoded (in JS when it can, else or with `js` false through parquet-wasm) and kept.
    const group = (g: number, js = true) => {
      const first = g * per;
      const last = Math.min(pages - 1, first + per - 1);
      return this.groups.load(`${key}:${g}`, (s) => this.decodePages(request, key, chunk, locations, first, last, s, js), signal);
    };
    const wanted: Promise<PageRun>[] = [];
    for (let g = firstGroup; g <= lastGroup; g++) {
      if (this.mismatched.has(`${key}:${g}`)) return undefined;
      wanted.push(group(g));
    }
    const lastHolds = this.lastPageHolds(key, locations, signal);
    try {
      const [runs, holds] = await Promise.all([Promise.all(wanted), lastHolds]);
      if (!holds) {
        this.locations.set(key, new SharedTask(async () => null));
        return undefined;
      }
      const vectors: Vector[] = [];
      let at = base;
      for (let k = 0; k < runs.length; k++) {
        let run = runs[k];
        const from = Math.max(start, at);
        const to = Math.min(end, at + run.rows);
        if (from < to) {
          try {
            vectors.push(run.slice(from - at, to - at));
          } catch (e) {
            if (!(e instanceof SliceNotDecoded)) throw e;
            // Values the JS decoder does not read cleanly: the group through parquet-wasm, whose checks and errors are the reference.
            this.groups.delete(`${key}:${firstGroup + k}`);
            run = await group(firstGroup + k, false);
            vectors.push(run.slice(from - at, to - at));
          }
        }
        at += run.rows;
      }
      return vectors.reduce((a, b) => a.concat(b));
    } catch (e) {
      if (!(e instanceof PagesMismatch)) throw e;
      this.mismatched.add(`${key}:${Math.floor(e.firstPage / per)}`);
      return undefined;
    }
  }

  clear(): void {
    this.locations.clear();
    this.lastPages.clear();
    this.mismatched.clear();
    this.indexSpans.clear();
    this.prefixes.clear();
    this.dictionaries.clear();
    this.groups.clear();
  }

  /**
   * The chunk's page locations, read once (its offset index with `readIndex`, from a span of the file's
   * offset indexes): the read is shared by the windows asking meanwhile, each waiting with its own
   * signal, and cancelled only when all of them are (then read again when asked).
   */
  private locationsOf(key: string, chunk: ColumnChunk, chunkRows: number, signal: AbortSignal | undefined, readIndex: RangeReader['read']): Promise<PageLocations | null> {
    let kept = this.locations.get(key);
    if (!kept || kept.abandoned) {
      const task = new SharedTask((s) => readPageLocations(this.source, chunk, chunkRows, s, readIndex));
      task.promise.catch(() => this.locations.get(key) === task && this.locations.delete(key));
      this.locations.set(key, (kept = task));
      if (this.locations.size > KEEP_LOCATIONS) this.locations.delete(this.locations.keys().next().value!);
    }
    return kept.wait(signal);
  }

  /**
   * Whether the chunk's last data page holds the rows its offset index gives it (pageHoldsRows): read
   * once per chunk, beside the first window's pages. A window's own pages are checked against their
   * locations, each page's rows as the next page's first row minus its own, which pages after a
   * miscounted one pass (their values were shown at rows off by the miscount). False: the chunk is
   * decoded whole, whichever window comes first. Locations walked from the headers add up already.
   */
  private lastPageHolds(key: string, locations: PageLocations, signal: AbortSignal | undefined): Promise<boolean> {
    if (locations.from !== 'offset index') return Promise.resolve(true);
    let kept = this.lastPages.get(key);
    if (!kept || kept.abandoned) {
      const last = locations.offsets.length - 1;
      const task = new SharedTask((s) => pageHoldsRows(this.source, locations.offsets[last], locations.sizes[last], locations.rows - locations.firstRows[last], s));
      task.promise.catch(() => this.lastPages.get(key) === task && this.lastPages.delete(key));
      this.lastPages.set(key, (kept = task));
      if (this.lastPages.size > KEEP_LOCATIONS) this.lastPages.delete(this.lastPages.keys().next().value!);
    }
    return kept.wait(signal);
  }

  /** The chunk's prefix (its dictionary page), read once and kept. */
  private prefixOf(key: string, locations: PageLocations, signal: AbortSignal): Promise<Uint8Array> {
    const { offset, length } = locations.prefix;
    if (!length) return Promise.resolve(new Uint8Array(0));
    return this.prefixes.load(
      key,
      async (s) => {
        const bytes = await this.source.read(offset, length, s);
        // Kept apart from a bigger read it may have been merged into.
        return { value: bytes.byteLength < bytes.buffer.byteLength ? bytes.slice() : bytes, bytes: length };
      },
      signal,
    );
  }

  /** The chunk's dictionary page decoded in JS once and kept (undefined when the JS path does not decode it). */
  private async dictionaryOf(key: string, column: FlatColumn, prefix: Uint8Array, signal: AbortSignal): Promise<DictionaryEntries | undefined> {
    const entries = await this.dictionaries.load(
      key,
      async () => {
        const value = tryDecodeDictionary(column, prefix) ?? null;
        const bytes = value ? value.bytes.byteLength + (value.starts?.byteLength ?? 0) + (value.vector ? vectorBytes(value.vector) : 0) : 0;
        return { value, bytes };
      },
      signal,
    );
    return entries ?? undefined;
  }

  /** Data pages [first, last] decoded in one call, checked against their locations (PagesMismatch when they disagree). */
  private async decodePages(request: ColumnRequest, key: string, chunk: ColumnChunk, locations: PageLocations, first: number, last: number, signal: AbortSignal, jsAllowed = true): Promise<{ value: PageRun; bytes: number }> {
    const { md, rowGroup, subset, field } = request;
    const from = locations.offsets[first];
    const to = locations.offsets[last] + locations.sizes[last];
    const int96 = isInt96Column(subset);
    const hint = int96 ? undefined : (dictionaryHint(subset, chunk, field) ?? (request.restored ? arrowSchemaEntry(field) : undefined));
    // Pages after a writer's fallback to plain encoding are decoded without the dictionary page (on a
    // big dictionary, most of a window's bytes and decoding); a hint keeping the dictionary keeps it.
    const prefixAlongside = hint !== undefined || readPrefixAlongside(chunk, locations, first) ? this.prefixOf(key, locations, signal) : undefined;
    prefixAlongside?.catch(() => {}); // awaited below when needed; a failure then is reported there
    const pages = await this.source.read(from, to - from, signal);
    const needsPrefix = locations.prefix.length > 0 && (hint !== undefined || refersToDictionary(pages));
    const prefix = needsPrefix ? await (prefixAlongside ?? this.prefixOf(key, locations, signal)) : new Uint8Array(0);
    const facts = runFacts(prefix, pages, locations, first, last);
    const rows = pageEndRow(locations, last) - locations.firstRows[first];
    const run = { columns: [runChunk(chunk, locations, prefix.length, first, prefix.length + pages.length, facts)], num_rows: BigInt(rows) };
    // A big dictionary of byte arrays is decoded faster by parquet-wasm, which outweighs what the JS
    // path saves on the pages themselves: such runs stay with parquet-wasm. A big dictionary of numbers
    // is cheap in JS (decompressed, its values viewed in place) and then kept for the chunk's other runs.
    const bigDictionary = prefix.length > SMALL_PREFIX && subset.elements[0].type === 'BYTE_ARRAY';
    const js = jsAllowed && pageWindowSettings.js && !int96 && !request.restored && !bigDictionary ? flatColumn(subset.elements[0], chunk, field, hint !== undefined) : undefined;
    const runSubset = { ...subset, firstLeaf: 0 };
    try {
      // The run's page headers as one chunk's (the prefix's, then the pages' after it), without copying the two together.
      const pageFacts = [...chunkPages(prefix), ...chunkPages(pages).map((p) => ({ ...p, at: p.at + prefix.length }))];
      checkPageFacts({ ...request, rg: run, subset: runSubset }, run.columns, [pageFacts], hint !== undefined);
      if (js) {
        const dictionary = prefix.length ? await this.dictionaryOf(key, js, prefix, signal) : undefined;
        const run = decodeFlatPages(js, pages, rows, dictionary);
        if (run) {
          pageRunsDecoded.js++;
          return { value: run, bytes: run.bytes };
        }
      }
      pageRunsDecoded.wasm++;
      const wasm = await parquetWasm();
      const plan = int96 ? asRawInt96(run, runSubset) : { rg: run, subset: runSubset };
      const file = syntheticFile(md, plan.rg, plan.subset, [concatBytes(prefix, pages)], hint);
      const decoded = tableFromIPC(wasm.readParquet(file, { batchSize: BATCH_SIZE }).intoIPCStream()).getChildAt(0)!;
      const vector = int96 ? int96ToTimestamps(decoded) : decoded;
      if (vector.length !== rows) {
        throw new DatasetError(
          `Column "${field.name}" of row group ${rowGroup}: its pages at bytes ${from.toLocaleString('en-US')}-${to.toLocaleString('en-US')} decode to ${vector.length.toLocaleString('en-US')} rows where their headers and the ${locations.from} say ${rows.toLocaleString('en-US')}, so their values are not shown.`,
          { chunk: rowGroup, column: field.name, offset: from },
          'Other columns and row groups can still be read.',
        );
      }
      const held = vectorBytes(vector);
      return { value: vectorRun(vector, held), bytes: held };
    } catch (e) {
      throw decodeError(e, field.name, rowGroup, from);
    }
  }
}
