import { DataType, Field, Type, Vector, type Data } from 'apache-arrow';
import { type DictionaryBatchHeader } from '../adapters/apacheArrowInternals';
import { BatchLoader } from './batchLoader';
import { physicalChildren, RunEndEncodedType } from './decodedTypes';
import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import { decodeMetadataAt, messageHeader } from './readMessage';
import { readBuffers } from './readBuffers';
import { ColumnPlace, columnLayout, type LayoutBuffer } from './columnLayout';
import { validateData } from './validateData';
import { checkContents, checkHeader, checkSizes } from './validateLayout';
import type { IpcIndex } from './ipcIndex';
import type { DictionaryPieces, DictionaryState } from './dictionaryState';

/** Dictionary ids used anywhere inside `type` (nested dictionaries included). */
export function dictionaryIds(type: DataType, into = new Set<number>()): Set<number> {
  if (type.typeId === Type.Dictionary && !(type instanceof RunEndEncodedType)) {
    const dict = type as unknown as { id: number; dictionary: DataType };
    into.add(dict.id);
    dictionaryIds(dict.dictionary, into);
  }
  for (const child of physicalChildren(type)) dictionaryIds(child.type, into);
  return into;
}

/** Bytes of decoded dictionary pieces kept; past it, pieces are re-read when a batch needs them. */
export const DICTIONARY_PIECE_BUDGET = 64 * 1024 * 1024;
/** Dictionaries assembled for a batch, kept for the next batches with the same state (they share their pieces). */
const KEEP_ASSEMBLED = 8;
/** Counted per piece beside its bytes: the Data objects themselves. */
const PIECE_OVERHEAD = 256;

/** The decoded pieces of one initial or replacement dictionary and its deltas, by position. */
interface Chain {
  pieces: (Data | undefined)[];
  bytes: number;
  /** The nested dictionaries its pieces were decoded with (none for most types). */
  nested: Map<number, Vector>;
  dropped: boolean;
}

/**
 * Each batch's dictionaries: the pieces in effect for it (an initial or replacement dictionary, then its
 * deltas in order) as the chunks of one Vector. A piece is read and decoded once and kept within a byte
 * budget, so batch N after N deltas reads only its new delta, not the N before it.
 */
export class DictionaryLoader {
  /** Least recently used first. */
  private readonly chains = new Map<object, Chain>();
  private keptBytes = 0;
  /** Keyed by the state object: every batch between two dictionary messages shares one. */
  private readonly assembled = new Map<DictionaryPieces, Vector>();

  constructor(
    private readonly source: ByteSource,
    private readonly index: IpcIndex,
    private readonly budget = DICTIONARY_PIECE_BUDGET,
  ) {}

  /** Bytes of decoded pieces kept, within the budget. */
  get bytesKept(): number {
    return this.keptBytes;
  }

  async forIds(ids: Iterable<number>, state: DictionaryState, signal?: AbortSignal): Promise<Map<number, Vector>> {
    const out = new Map<number, Vector>();
    for (const id of ids) out.set(id, await this.load(id, state, out, signal));
    return out;
  }

  private async load(id: number, state: DictionaryState, loaded: Map<number, Vector>, signal?: AbortSignal): Promise<Vector> {
    const pieces = state.get(id);
    const valueType = this.index.schema.dictionaries.get(id);
    if (!valueType) throw new DatasetError(`Dictionary ${id} is used but not declared in the schema.`, {});
    if (!pieces || pieces.count === 0) throw new DatasetError(`Dictionary ${id} is used before any dictionary batch defines it.`, {});
    const hit = this.assembled.get(pieces);
    if (hit) return hit;
    // Nested dictionaries inside the dictionary's own values.
    const nested = await this.forIds(dictionaryIds(valueType), state, signal);
    for (const [k, v] of nested) loaded.set(k, v);
    const chain = this.chainOf(pieces.chain, nested);
    const datas: Data[] = new Array(pieces.count);
    for (let k = 0; k < pieces.count; k++) datas[k] = chain.pieces[k] ?? (await this.readPiece(id, pieces.entry(k), valueType, nested, chain, k, signal));
    const vector = new Vector(datas);
    if (this.assembled.size >= KEEP_ASSEMBLED) this.assembled.delete(this.assembled.keys().next().value!);
    this.assembled.set(pieces, vector);
    return vector;
  }

  /** The chain's kept pieces, made the most recently used; pieces decoded with other nested dictionaries are dropped. */
  private chainOf(key: object, nested: Map<number, Vector>): Chain {
    let chain = this.chains.get(key);
    if (chain && !sameVectors(chain.nested, nested)) this.drop(key, chain);
    if (!chain || chain.dropped) chain = { pieces: [], bytes: 0, nested, dropped: false };
    this.chains.delete(key);
    this.chains.set(key, chain);
    return chain;
  }

  private drop(key: object, chain: Chain): void {
    this.chains.delete(key);
    this.keptBytes -= chain.bytes;
    chain.dropped = true;
  }

  /** Keeps piece k of `chain` if the budget allows, dropping other chains (least recently used first) for room. */
  private keep(chain: Chain, k: number, data: Data, bytes: number): void {
    if (chain.dropped || chain.pieces[k] || bytes > this.budget) return;
    while (this.keptBytes + bytes > this.budget) {
      const [key, oldest] = this.chains.entries().next().value!;
      if (oldest === chain) return; // only this one left: its later pieces are re-read when needed
      this.drop(key, oldest);
    }
    chain.pieces[k] = data;
    chain.bytes += bytes;
    this.keptBytes += bytes;
  }

  /** Reads, checks and decodes one dictionary message's values. */
  private async readPiece(id: number, e: number, valueType: DataType, nested: Map<number, Vector>, chain: Chain, k: number, signal?: AbortSignal): Promise<Data> {
    const entry = this.index.dictionaries[e];
    const where = { offset: entry.offset, column: `dictionary ${id}` };
    const message = await decodeMetadataAt(this.source, entry.metadataOffset, entry.metadataLength, signal);
    const header = messageHeader<DictionaryBatchHeader>(message, entry.offset);
    const read = await readBuffers(this.source, entry.bodyOffset, entry.bodyLength, header.data.buffers, header.data.compression, where, signal);
    // A kept piece must not pin a larger buffer its bytes were read into.
    const bytes = read.bytes.byteLength < read.bytes.buffer.byteLength ? read.bytes.slice() : read.bytes;
    const regions = read.regions;
    // The same checks as a column of a record batch: the values are shown in every batch using them.
    const place = ColumnPlace.ofDictionary(id, entry.offset, entry.bodyOffset);
    const lists = { nodes: header.nodes, buffers: header.data.buffers, variadicCounts: header.data.variadicBufferCounts };
    const arrays = columnLayout(new Field('values', valueType, true), lists, { node: 0, buffer: 0, variadic: 0 }, this.index.metadataVersion, place);
    const regionOf = (b: LayoutBuffer) => regions[b.index];
    checkHeader(arrays, place, entry.bodyLength, header.data.length, header.data.compression === null);
    if (header.data.compression) checkSizes(arrays, place, regionOf);
    checkContents(arrays, place, bytes, regionOf, this.index.bigEndian);
    let data: Data;
    try {
      const options = { metadataVersion: this.index.metadataVersion, bigEndian: this.index.bigEndian };
      data = new BatchLoader(bytes, header.nodes, regions, nested, header.data.variadicBufferCounts, options).visit(valueType);
    } catch (err) {
      throw new DatasetError(`Dictionary ${id} could not be decoded: ${(err as Error).message}.`, where);
    }
    const problem = validateData(data);
    if (problem) throw place.error(`its data is inconsistent: ${problem}`);
    this.keep(chain, k, data, bytes.byteLength + PIECE_OVERHEAD);
    return data;
  }
}

function sameVectors(a: Map<number, Vector>, b: Map<number, Vector>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
