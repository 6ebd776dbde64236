import type { ByteSource } from '../model/byteSource';
import { applyDictionary, type DictionaryState } from './dictionaryState';
import { BatchTable, type DictionaryEntry, type IpcIndex } from './ipcIndex';

/** Bump when the kept bytes change shape: older copies then simply miss. */
const VERSION = 1;
/** Bytes hashed at each end of the file for the key. */
const HASHED_BYTES = 64 * 1024;
/** Numbers kept per batch: rows, offset, metadata offset, metadata length, end, dictionary messages applied before it. */
const PER_BATCH = 6;

/**
 * The key a stream's index is kept under: its name, size, last-modified time and a hash of its first and
 * last 64 KiB. A file changed in any of these misses and is walked again.
 */
export async function keptIndexKey(source: ByteSource, lastModified: number, signal?: AbortSignal): Promise<string> {
  const head = await source.read(0, Math.min(HASHED_BYTES, source.size), signal);
  const tail = await source.read(Math.max(0, source.size - HASHED_BYTES), Math.min(HASHED_BYTES, source.size), signal);
  return `arrow-stream-index/v${VERSION}|${source.name}|${source.size}|${lastModified}|${hash53(head, hash53(tail, 0x5eed))}`;
}

/** cyrb53: a fast 53-bit string hash, over bytes. */
function hash53(bytes: Uint8Array, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 2654435761);
    h2 = Math.imul(h2 ^ bytes[i], 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Dictionary messages applied to reach `state`: its newest piece is the last one applied. */
function appliedCount(state: DictionaryState): number {
  let last = -1;
  for (const pieces of state.values()) last = Math.max(last, pieces.entry(pieces.count - 1));
  return last + 1;
}

/** A complete stream index as bytes: a JSON head (schema end, dictionary messages) and one Float64Array of batch positions. */
export function keptIndexBytes(index: IpcIndex, schemaEnd: number): Uint8Array {
  const n = index.batches.length;
  const numbers = new Float64Array(n * PER_BATCH);
  const applied = new Map<DictionaryState, number>();
  for (let i = 0; i < n; i++) {
    const b = index.batches.entry(i)!;
    let count = applied.get(b.dictionaries);
    if (count === undefined) applied.set(b.dictionaries, (count = appliedCount(b.dictionaries)));
    numbers.set([b.rows, b.offset, b.metadataOffset, b.metadataLength, b.bodyOffset + b.bodyLength, count], i * PER_BATCH);
  }
  const dictionaries = index.dictionaries.map((d) => [d.id, d.isDelta ? 1 : 0, d.offset, d.metadataOffset, d.metadataLength, d.bodyOffset, d.bodyLength]);
  const head = new TextEncoder().encode(JSON.stringify({ v: VERSION, schemaEnd, batches: n, dictionaries }));
  const at = 8 + Math.ceil(head.length / 8) * 8;
  const out = new Uint8Array(at + numbers.byteLength);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 8);
  out.set(new Uint8Array(numbers.buffer), at);
  return out;
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/**
 * Fills the empty `index` (its schema just read, ending at `schemaEnd`) from kept bytes; false, leaving
 * it empty, when they do not describe messages in order inside a file of `size` bytes after that schema.
 * (Kept bytes are the engine's own, but a store may hand back anything: each number is checked.)
 * The batches' own headers are still checked when each is read.
 */
export function restoreKeptIndex(index: IpcIndex, bytes: Uint8Array, schemaEnd: number, size: number): boolean {
  try {
    if (bytes.length < 8) return false;
    const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
    const at = 8 + Math.ceil(headLength / 8) * 8;
    const head = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as { v: number; schemaEnd: number; batches: number; dictionaries: number[][] };
    if (head.v !== VERSION || head.schemaEnd !== schemaEnd || !isCount(head.batches) || bytes.length !== at + head.batches * PER_BATCH * 8) return false;
    const dictionaries: DictionaryEntry[] = [];
    for (const d of head.dictionaries) {
      if (!Array.isArray(d) || d.length !== 7 || !d.every(isCount) || d[5] + d[6] > size) return false;
      dictionaries.push({ id: d[0], isDelta: d[1] === 1, offset: d[2], metadataOffset: d[3], metadataLength: d[4], bodyOffset: d[5], bodyLength: d[6] });
    }
    const numbers = new Float64Array(bytes.slice(at, at + head.batches * PER_BATCH * 8).buffer);
    const states: DictionaryState[] = [new Map()];
    dictionaries.forEach((d, k) => states.push(applyDictionary(states[k], d.id, k, d.isDelta)));
    const batches = new BatchTable();
    let previousEnd = schemaEnd;
    for (let i = 0, at = 0; i < head.batches; i++, at += PER_BATCH) {
      const [rows, offset, metadataOffset, metadataLength, end, applied] = [numbers[at], numbers[at + 1], numbers[at + 2], numbers[at + 3], numbers[at + 4], numbers[at + 5]];
      const bodyOffset = metadataOffset + metadataLength;
      if (!(isCount(rows) && isCount(offset) && isCount(metadataOffset) && isCount(metadataLength) && isCount(end) && isCount(applied))) return false;
      if (offset < previousEnd || metadataOffset - offset > 8 || metadataOffset < offset || bodyOffset > end || end > size || applied >= states.length) return false;
      batches.add({ rows, offset, metadataOffset, metadataLength, bodyOffset, bodyLength: end - bodyOffset, dictionaries: states[applied] });
      previousEnd = end;
    }
    index.batches = batches;
    index.dictionaries.push(...dictionaries);
    return true;
  } catch {
    return false;
  }
}
