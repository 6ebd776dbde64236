import { Type, type Data, type DataType, type Vector } from 'apache-arrow';
import { DatasetError } from '../../model/errors';
import type { Dataset } from '../../model/types';
import { dataFormatter } from '../../valueText/dataFormatter';
import { chunkOfRow } from '../rowLocator';
import { decodeDictionary, mustTake, takeMany, takeVector } from './takeData';

/** The rows of one group that fall in one chunk: chunk-relative rows in output order, and their output positions. */
interface Part {
  chunk: number;
  local: Uint32Array;
  positions: Uint32Array;
  /** The window of the chunk they span: [lo, hi). */
  lo: number;
  hi: number;
}

/** Splits a group's rows (file row numbers in output order) by chunk, chunks in order of first use. */
export function partsOf(dataset: Dataset, rows: Float64Array): Part[] {
  const byChunk = new Map<number, { local: number[]; positions: number[] }>();
  let last = -1;
  let lastInfo = { rowOffset: 0, rows: 0 };
  for (let p = 0; p < rows.length; p++) {
    const r = rows[p];
    if (last < 0 || r < lastInfo.rowOffset || r >= lastInfo.rowOffset + lastInfo.rows) {
      last = chunkOfRow(dataset.chunks, r);
      if (last < 0) throw new DatasetError(`Row ${r.toLocaleString('en-US')} is in no chunk of the file.`);
      lastInfo = dataset.chunks[last];
    }
    let entry = byChunk.get(last);
    if (!entry) byChunk.set(last, (entry = { local: [], positions: [] }));
    entry.local.push(r - lastInfo.rowOffset);
    entry.positions.push(p);
  }
  return [...byChunk].map(([chunk, e]) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const l of e.local) {
      if (l < lo) lo = l;
      if (l > hi) hi = l;
    }
    return { chunk, local: Uint32Array.from(e.local), positions: Uint32Array.from(e.positions), lo, hi: hi + 1 };
  });
}

/**
 * Whole chunk columns kept for rows in sorted order, which come back to every chunk in every group:
 * without them each group would read each chunk's column again. Bounded by bytes (least recently used
 * first out), so memory stays bounded whatever the file.
 */
export class ChunkColumnCache {
  private readonly entries = new Map<string, Vector>();
  private bytes = 0;
  constructor(private readonly budget = 256 * 2 ** 20) {}

  async get(dataset: Dataset, chunk: number, column: number, signal?: AbortSignal): Promise<Vector> {
    const key = `${chunk}:${column}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const vector = await dataset.readColumn(chunk, column, undefined, signal);
    const size = vector.byteLength;
    if (size > this.budget) return vector;
    while (this.bytes + size > this.budget && this.entries.size) {
      const [oldest, v] = this.entries.entries().next().value as [string, Vector];
      this.entries.delete(oldest);
      this.bytes -= v.byteLength;
    }
    this.entries.set(key, vector);
    this.bytes += size;
    return vector;
  }
}

async function windowOf(dataset: Dataset, part: Part, column: number, signal?: AbortSignal, cache?: ChunkColumnCache): Promise<Vector> {
  if (cache) {
    const whole = await cache.get(dataset, part.chunk, column, signal);
    if (whole.length !== dataset.chunks[part.chunk].rows) {
      throw new DatasetError(`The chunk gave ${whole.length.toLocaleString('en-US')} values of "${dataset.fields[column]?.name}" where it has ${dataset.chunks[part.chunk].rows.toLocaleString('en-US')} rows.`, { chunk: part.chunk, column: dataset.fields[column]?.name });
    }
    return whole.slice(part.lo, part.hi);
  }
  const vector = await dataset.readColumn(part.chunk, column, { start: part.lo, end: part.hi }, signal);
  if (vector.length !== part.hi - part.lo) {
    throw new DatasetError(`The chunk gave ${vector.length.toLocaleString('en-US')} values of "${dataset.fields[column]?.name}" where ${(part.hi - part.lo).toLocaleString('en-US')} rows were asked for.`, { chunk: part.chunk, column: dataset.fields[column]?.name });
  }
  return vector;
}

const contiguous = (part: Part) => part.local.length === part.hi - part.lo && part.local.every((l, i) => l === part.lo + i);

/** One column's values for a group's rows, in output order, as one Data (read a chunk window at a time). */
export async function gatherColumn(dataset: Dataset, parts: Part[], column: number, type: DataType, signal?: AbortSignal, cache?: ChunkColumnCache): Promise<Data> {
  const datas: Data[] = [];
  // a Parquet column chunk may decode as a dictionary where the schema has the plain type: written as the
  // schema says; views and dense unions are taken even in a whole window (mustTake)
  const plain = (d: Data) => (d.typeId === Type.Dictionary && type.typeId !== Type.Dictionary ? decodeDictionary(d) : mustTake(d.type) ? takeMany([d], new Uint32Array(d.length), Uint32Array.from({ length: d.length }, (_, i) => i)) : d);
  for (const part of parts) {
    const vector = await windowOf(dataset, part, column, signal, cache);
    if (contiguous(part) && vector.data.length === 1) datas.push(plain(vector.data[0]));
    else datas.push(plain(takeVector(vector, Uint32Array.from(part.local, (l) => l - part.lo))));
  }
  if (datas.length === 1) return datas[0];
  const n = parts.reduce((s, p) => s + p.local.length, 0);
  const source = new Uint32Array(n);
  const index = new Uint32Array(n);
  parts.forEach((part, k) => {
    part.positions.forEach((p, i) => {
      source[p] = k;
      index[p] = i;
    });
  });
  return takeMany(datas, source, index);
}

/** One column's display text for a group's rows, in output order (CSV: any type the grid shows). */
export async function gatherText(dataset: Dataset, parts: Part[], column: number, extension: string | undefined, signal?: AbortSignal, cache?: ChunkColumnCache): Promise<(string | null)[]> {
  const out: (string | null)[] = new Array<string | null>(parts.reduce((s, p) => s + p.local.length, 0));
  for (const part of parts) {
    const vector = await windowOf(dataset, part, column, signal, cache);
    const pieces = vector.data;
    const texts = pieces.map((d) => dataFormatter(d, false, extension));
    const starts: number[] = [];
    let s = 0;
    for (const d of pieces) {
      starts.push(s);
      s += d.length;
    }
    for (let i = 0; i < part.local.length; i++) {
      const row = part.local[i] - part.lo;
      let k = pieces.length - 1;
      while (starts[k] > row) k--;
      out[part.positions[i]] = texts[k](row - starts[k]);
    }
  }
  return out;
}
